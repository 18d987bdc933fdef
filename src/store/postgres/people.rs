//! The register of people, on PostgreSQL (see `sqlite/people.rs`).

use chrono::NaiveDate;
use postgres::Row;

use super::{PgDb, date_at, iso, iso_opt, now_stamp};
use crate::domain::error::{Entity, Error, Result};
use crate::domain::person::Person;
use crate::store::{Obligation, People, PersonRow};
use crate::text::{collate, fold};

/// The columns `person_from_row` reads, of a person `p`.
pub(super) const PERSON_COLUMNS: &str =
    "p.id, p.code, p.name, p.position, p.unit_id, p.from_on, p.to_on";

/// A person from the columns `PERSON_COLUMNS` (from column 0).
pub(super) fn person_from_row(row: &Row) -> Result<Person> {
    Ok(Person {
        id: row.try_get(0)?,
        code: row.try_get(1)?,
        name: row.try_get(2)?,
        position: row.try_get(3)?,
        unit_id: row.try_get(4)?,
        from_on: date_at(row, 5)?,
        to_on: date_at(row, 6)?,
    })
}

impl People for PgDb<'_> {
    fn insert_person(&self, person: &Person) -> Result<Person> {
        // A refused statement spoils the transaction: the code is checked first.
        if let Some(existing) = self.person_by_code(&person.code)? {
            return Err(Error::CodeTaken {
                what: Entity::Person,
                code: person.code.clone(),
                holder: existing.name,
            });
        }
        self.office_may("person", Some(person.unit_id))?;
        let id = self.int(
            "INSERT INTO person (code, name, name_fold, name_key, position, position_fold,
                 unit_id, from_on, to_on, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            &[
                &person.code,
                &person.name,
                &fold(&person.name),
                &collate::sort_key(&person.name),
                &person.position,
                &fold(&person.position),
                &person.unit_id,
                &iso_opt(person.from_on),
                &iso_opt(person.to_on),
                &now_stamp(),
            ],
        )?;
        self.log_insert("person", id)?;
        Ok(Person {
            id,
            ..person.clone()
        })
    }

    fn person_by_code(&self, code: &str) -> Result<Option<Person>> {
        // Codes are compared as SQLite's NOCASE compares them (ASCII letters).
        self.opt(
            &format!("SELECT {PERSON_COLUMNS} FROM person p WHERE lower(p.code) = lower($1)"),
            &[&code.trim()],
        )?
        .map(|row| person_from_row(&row))
        .transpose()
    }

    fn people_named(&self, key: &str, exact: bool) -> Result<Vec<Person>> {
        let condition = if exact {
            "p.name_fold = $1"
        } else {
            "strpos(p.name_fold, $1) > 0"
        };
        self.rows(
            &format!(
                "SELECT {PERSON_COLUMNS} FROM person p WHERE $1 <> '' AND {condition}
                 ORDER BY p.name_key, p.id"
            ),
            &[&key],
        )?
        .iter()
        .map(person_from_row)
        .collect()
    }

    fn people(&self, search: Option<&str>) -> Result<Vec<PersonRow>> {
        self.rows(
            &format!(
                "SELECT {PERSON_COLUMNS}, u.code, u.name FROM person p JOIN unit u ON u.id = p.unit_id
                 WHERE $1::TEXT IS NULL OR strpos(p.name_fold, $1) > 0
                    OR strpos(lower(p.code), $1) > 0 OR strpos(p.position_fold, $1) > 0
                 ORDER BY u.name_key, p.name_key, p.id"
            ),
            &[&search.map(fold)],
        )?
        .iter()
        .map(|row| {
            Ok(PersonRow {
                person: person_from_row(row)?,
                unit_code: row.try_get(7)?,
                unit: row.try_get(8)?,
            })
        })
        .collect()
    }

    fn end_person(&self, id: i64, on: NaiveDate, reason: &str) -> Result<usize> {
        self.update_logged("person", id, |db| {
            db.exec(
                "UPDATE person SET to_on = $2 WHERE id = $1",
                &[&id, &iso(on)],
            )
        })?;
        self.cancel_open("o.person_id = $1", id, on, reason)
    }

    fn person_obligation(&self, task_id: i64, person_id: i64) -> Result<Option<Obligation>> {
        self.opt(
            "SELECT id, due_on, completed_on, original_due_on FROM obligation
             WHERE task_id = $1 AND person_id = $2",
            &[&task_id, &person_id],
        )?
        .map(|row| {
            Ok(Obligation {
                id: row.try_get(0)?,
                due_on: super::day_at(&row, 1)?,
                completed_on: date_at(&row, 2)?,
                original_due_on: date_at(&row, 3)?,
            })
        })
        .transpose()
    }
}
