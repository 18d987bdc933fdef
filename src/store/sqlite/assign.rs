//! Tasks given after they were set (units that join the tree, `task
//! assign`) and the due dates that follow a unit's new kind: the SQL of
//! `store::Assignments`.

use chrono::NaiveDate;
use rusqlite::params;

use super::people::{COLUMNS as PERSON_COLUMNS, person_from_row};
use super::tasks::task_from_row;
use super::units::{UNIT_COLUMNS, unit_from_row};
use super::{SqliteDb, date_at};
use crate::domain::UnitKind;
use crate::domain::error::Result;
use crate::domain::person::Person;
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::store::{Assignments, NewObligation, UnitObligation};

impl Assignments for SqliteDb<'_> {
    /// Every task whose directive is in force, with the unit its scope is under.
    fn tasks_in_force(&self) -> Result<Vec<(Task, Option<i64>)>> {
        let rows: Vec<(Task, Option<i64>)> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT t.id, t.code, t.directive_id, t.title, t.rated, t.for_people, t.within_id
                 FROM task t JOIN directive d ON d.id = t.directive_id
                 WHERE d.revoked_on IS NULL
                 ORDER BY t.id",
            )?;
            let rows = stmt.query_map([], |row| Ok((task_from_row(row)?, row.get(6)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        rows.into_iter()
            .map(|(task, within)| Ok((self.with_dues(task)?, within)))
            .collect()
    }

    /// Whether any obligation of a task is neither done nor cancelled.
    fn has_open_obligations(&self, task_id: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM obligation
                     WHERE task_id = ?1 AND completed_on IS NULL AND cancelled_on IS NULL)",
            )?
            .query_row([task_id], |row| row.get(0))?)
    }

    /// The units that still exist under `root` (itself included), or in
    /// the whole tree.
    fn units_within(&self, root: Option<i64>) -> Result<Vec<Unit>> {
        let sql = match root {
            Some(_) => format!(
                "WITH RECURSIVE sub (id) AS (
                     SELECT ?1
                     -- UNION, not UNION ALL: a unit met twice (a cycle in data
                     -- edited by hand) is not walked again.
                     UNION
                     SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id
                 )
                 SELECT {UNIT_COLUMNS} FROM unit u JOIN sub ON sub.id = u.id
                 WHERE u.dissolved_on IS NULL ORDER BY u.id"
            ),
            None => format!(
                "SELECT {UNIT_COLUMNS} FROM unit u WHERE u.dissolved_on IS NULL
                   AND ?1 IS NULL ORDER BY u.id"
            ),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([root], unit_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The people in post in a unit, in Vietnamese order.
    fn unit_recorded_on(&self, unit_id: i64) -> Result<NaiveDate> {
        Ok(self
            .conn
            .prepare_cached("SELECT date(created_at) FROM unit WHERE id = ?1")?
            .query_row([unit_id], |row| row.get(0))?)
    }

    fn people_in_post(&self, unit_id: i64) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM person p
             WHERE p.unit_id = ?1 AND p.to_on IS NULL ORDER BY p.name_key, p.code"
        ))?;
        let rows = stmt.query_map([unit_id], person_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Who owes a task already.
    fn owing(&self, task_id: i64) -> Result<Vec<(i64, Option<i64>)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT unit_id, person_id FROM obligation WHERE task_id = ?1")?;
        let rows = stmt.query_map([task_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records obligations of one task, each logged.
    fn insert_obligations(&self, task_id: i64, new: &[NewObligation]) -> Result<usize> {
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO obligation (task_id, unit_id, person_id, due_on, opened_on)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for o in new {
            insert.execute(params![
                task_id,
                o.unit_id,
                o.person_id,
                o.due_on,
                o.opened_on
            ])?;
            // Consecutive rowids make one line of the log.
            self.log_insert("obligation", self.conn.last_insert_rowid())?;
        }
        Ok(new.len())
    }

    /// Every obligation of a unit and its people, with the due date of
    /// `kind`.
    fn unit_obligations(&self, unit_id: i64, kind: UnitKind) -> Result<Vec<UnitObligation>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, t.code, pe.name, o.due_on, o.completed_on, o.cancelled_on,
                    o.original_due_on, d.due_on
             FROM obligation o
             JOIN task t ON t.id = o.task_id
             LEFT JOIN person pe ON pe.id = o.person_id
             LEFT JOIN task_due d ON d.task_id = o.task_id AND d.kind = ?2
             WHERE o.unit_id = ?1
             ORDER BY o.task_id, pe.name_key, o.id",
        )?;
        let rows = stmt.query_map(params![unit_id, kind.slug()], |row| {
            Ok(UnitObligation {
                id: row.get(0)?,
                task: row.get(1)?,
                person: row.get(2)?,
                due_on: row.get(3)?,
                completed_on: date_at(row, 4)?,
                cancelled_on: date_at(row, 5)?,
                original_due_on: date_at(row, 6)?,
                due_for_kind: date_at(row, 7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Moves an obligation's due date, logged.
    fn set_obligation_due(&self, obligation_id: i64, due_on: NaiveDate) -> Result<()> {
        self.update_logged("obligation", obligation_id, |conn| {
            conn.prepare_cached("UPDATE obligation SET due_on = ?2 WHERE id = ?1")?
                .execute(params![obligation_id, due_on])
        })
    }
}
