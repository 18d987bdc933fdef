//! The register of people and what they owe.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::{SqliteDb, now_stamp};
use crate::domain::error::{Entity, Error, Result};
use crate::domain::person::Person;
use crate::store::{Obligation, People, PersonRow};
use crate::text::{collate, fold};

pub(super) const COLUMNS: &str = "p.id, p.code, p.name, p.position, p.unit_id, p.from_on, p.to_on";

pub(super) fn person_from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get(0)?,
        code: row.get(1)?,
        name: row.get(2)?,
        position: row.get(3)?,
        unit_id: row.get(4)?,
        from_on: row.get(5)?,
        to_on: row.get(6)?,
    })
}

impl People for SqliteDb<'_> {
    /// Records a person. The caller has checked the code.
    fn insert_person(&self, person: &Person) -> Result<Person> {
        if let Some(existing) = self.person_by_code(&person.code)? {
            return Err(Error::CodeTaken {
                what: Entity::Person,
                code: person.code.clone(),
                holder: existing.name,
            });
        }
        self.conn
            .prepare_cached(
                "INSERT INTO person (code, name, name_fold, name_key, position, position_fold,
                     unit_id, from_on, to_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                person.code,
                person.name,
                fold(&person.name),
                collate::sort_key(&person.name),
                person.position,
                fold(&person.position),
                person.unit_id,
                person.from_on,
                person.to_on,
                now_stamp()
            ])?;
        let id = self.conn.last_insert_rowid();
        self.log_insert("person", id)?;
        Ok(Person {
            id,
            ..person.clone()
        })
    }

    fn person_by_code(&self, code: &str) -> Result<Option<Person>> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM person p WHERE p.code = ?1"))?
            .query_row([code.trim()], person_from_row)
            .optional()?)
    }

    /// The people whose name folds to exactly `key` (`exact`), or whose
    /// folded name contains it, in Vietnamese order.
    fn people_named(&self, key: &str, exact: bool) -> Result<Vec<Person>> {
        let condition = if exact {
            "p.name_fold = ?1"
        } else {
            "instr(p.name_fold, ?1) > 0"
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM person p WHERE ?1 <> '' AND {condition} ORDER BY p.name_key"
        ))?;
        let rows = stmt.query_map([key], person_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everyone, by unit then name; `search` keeps names, codes and posts containing it.
    fn people(&self, search: Option<&str>) -> Result<Vec<PersonRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS}, u.code, u.name FROM person p JOIN unit u ON u.id = p.unit_id
             WHERE ?1 IS NULL OR instr(p.name_fold, ?1) OR instr(lower(p.code), ?1)
                OR instr(p.position_fold, ?1)
             ORDER BY u.name_key, p.name_key"
        ))?;
        let rows = stmt.query_map([search.map(fold)], |row| {
            Ok(PersonRow {
                person: person_from_row(row)?,
                unit_code: row.get(7)?,
                unit: row.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records the last day of a person in their post.
    fn end_person(&self, id: i64, on: NaiveDate, reason: &str) -> Result<usize> {
        self.update_logged("person", id, |conn| {
            conn.prepare_cached("UPDATE person SET to_on = ?2 WHERE id = ?1")?
                .execute(params![id, on])
        })?;
        self.cancel_open("o.person_id = :person", (":person", id), on, reason)
    }

    /// What `person_id` owes under `task_id`, if the task applies to them.
    fn person_obligation(&self, task_id: i64, person_id: i64) -> Result<Option<Obligation>> {
        self.obligation_where("task_id = ?1 AND person_id = ?2", task_id, person_id)
    }
}
