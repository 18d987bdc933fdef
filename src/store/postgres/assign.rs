//! Tasks given after they were set, on PostgreSQL (see `sqlite/assign.rs`).

use chrono::NaiveDate;

use super::people::{PERSON_COLUMNS, person_from_row};
use super::tasks::{TASK_COLUMNS, task_from_row};
use super::units::{UNIT_COLUMNS, unit_from_row};
use super::{PgDb, date_at, day_at, iso, iso_opt};
use crate::domain::UnitKind;
use crate::domain::error::Result;
use crate::domain::person::Person;
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::store::{Assignments, NewObligation, UnitObligation};

impl Assignments for PgDb<'_> {
    fn tasks_in_force(&self) -> Result<Vec<(Task, Option<i64>)>> {
        let rows = self.rows(
            &format!(
                "SELECT {TASK_COLUMNS}, t.within_id
                 FROM task t JOIN directive d ON d.id = t.directive_id
                 WHERE d.revoked_on IS NULL
                 ORDER BY t.id"
            ),
            &[],
        )?;
        rows.iter()
            .map(|row| Ok((self.with_dues(task_from_row(row)?)?, row.try_get(6)?)))
            .collect()
    }

    fn has_open_obligations(&self, task_id: i64) -> Result<bool> {
        Ok(self
            .one(
                "SELECT EXISTS (SELECT 1 FROM obligation
                     WHERE task_id = $1 AND completed_on IS NULL AND cancelled_on IS NULL)",
                &[&task_id],
            )?
            .try_get(0)?)
    }

    fn units_within(&self, root: Option<i64>) -> Result<Vec<Unit>> {
        let rows = match root {
            Some(root) => self.rows(
                &format!(
                    "WITH RECURSIVE sub (id) AS (
                         SELECT $1::BIGINT
                         -- UNION, not UNION ALL: a unit met twice (a cycle in data
                         -- edited by hand) is not walked again.
                         UNION
                         SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id
                     )
                     SELECT {UNIT_COLUMNS} FROM unit u JOIN sub ON sub.id = u.id
                     WHERE u.dissolved_on IS NULL ORDER BY u.id"
                ),
                &[&root],
            )?,
            None => self.rows(
                &format!(
                    "SELECT {UNIT_COLUMNS} FROM unit u WHERE u.dissolved_on IS NULL ORDER BY u.id"
                ),
                &[],
            )?,
        };
        rows.iter().map(unit_from_row).collect()
    }

    fn people_in_post(&self, unit_id: i64) -> Result<Vec<Person>> {
        self.rows(
            &format!(
                "SELECT {PERSON_COLUMNS} FROM person p
                 WHERE p.unit_id = $1 AND p.to_on IS NULL ORDER BY p.name_key, lower(p.code)"
            ),
            &[&unit_id],
        )?
        .iter()
        .map(person_from_row)
        .collect()
    }

    fn unit_recorded_on(&self, unit_id: i64) -> Result<NaiveDate> {
        // `created_at` is RFC 3339 in UTC: its day is its first ten characters.
        let row = self.one(
            "SELECT substr(created_at, 1, 10) FROM unit WHERE id = $1",
            &[&unit_id],
        )?;
        day_at(&row, 0)
    }

    fn owing(&self, task_id: i64) -> Result<Vec<(i64, Option<i64>)>> {
        self.rows(
            "SELECT unit_id, person_id FROM obligation WHERE task_id = $1",
            &[&task_id],
        )?
        .iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .collect()
    }

    fn insert_obligations(&self, task_id: i64, new: &[NewObligation]) -> Result<usize> {
        // Tasks are assigned by the committee's clerk only.
        if let Some(refused) = self.office_refused() {
            return Err(refused);
        }
        for o in new {
            let id = self.int(
                "INSERT INTO obligation (task_id, unit_id, person_id, due_on, opened_on)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[
                    &task_id,
                    &o.unit_id,
                    &o.person_id,
                    &iso(o.due_on),
                    &iso_opt(o.opened_on),
                ],
            )?;
            // Consecutive ids make one line of the log.
            self.log_insert("obligation", id)?;
        }
        Ok(new.len())
    }

    fn unit_obligations(&self, unit_id: i64, kind: UnitKind) -> Result<Vec<UnitObligation>> {
        self.rows(
            "SELECT o.id, t.code, pe.name, o.due_on, o.completed_on, o.cancelled_on,
                    o.original_due_on, d.due_on
             FROM obligation o
             JOIN task t ON t.id = o.task_id
             LEFT JOIN person pe ON pe.id = o.person_id
             LEFT JOIN task_due d ON d.task_id = o.task_id AND d.kind = $2
             WHERE o.unit_id = $1
             ORDER BY o.task_id, pe.name_key NULLS FIRST, o.id",
            &[&unit_id, &kind.slug()],
        )?
        .iter()
        .map(|row| {
            Ok(UnitObligation {
                id: row.try_get(0)?,
                task: row.try_get(1)?,
                person: row.try_get(2)?,
                due_on: day_at(row, 3)?,
                completed_on: date_at(row, 4)?,
                cancelled_on: date_at(row, 5)?,
                original_due_on: date_at(row, 6)?,
                due_for_kind: date_at(row, 7)?,
            })
        })
        .collect()
    }

    fn set_obligation_due(&self, obligation_id: i64, due_on: NaiveDate) -> Result<()> {
        self.update_logged("obligation", obligation_id, |db| {
            db.exec(
                "UPDATE obligation SET due_on = $2 WHERE id = $1",
                &[&obligation_id, &iso(due_on)],
            )
        })
    }
}
