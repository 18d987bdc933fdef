//! A task's due dates over its life: the due date of one kind of unit
//! moved, added or removed, and the obligations of that kind. Every row
//! changed is logged, so that `undo` takes it back.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::SqliteDb;
use crate::domain::UnitKind;
use crate::domain::error::Result;
use crate::store::{KindObligation, TaskDues};

impl TaskDues for SqliteDb<'_> {
    fn task_within(&self, task_id: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT within_id FROM task WHERE id = ?1")?
            .query_row([task_id], |row| row.get(0))
            .optional()?
            .flatten())
    }

    fn obligations_of_kind(&self, task_id: i64, kind: UnitKind) -> Result<Vec<KindObligation>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.id, o.due_on, o.completed_on, o.original_due_on, o.cancelled_on IS NOT NULL
             FROM obligation o JOIN unit u ON u.id = o.unit_id
             WHERE o.task_id = ?1 AND u.kind = ?2
             ORDER BY o.id",
        )?;
        let rows = stmt.query_map(params![task_id, kind.slug()], |row| {
            Ok(KindObligation {
                id: row.get(0)?,
                due_on: row.get(1)?,
                completed_on: row.get(2)?,
                original_due_on: row.get(3)?,
                cancelled: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn set_task_due(&self, task_id: i64, kind: UnitKind, due_on: Option<NaiveDate>) -> Result<()> {
        let rowid: Option<i64> = self
            .conn
            .prepare_cached("SELECT rowid FROM task_due WHERE task_id = ?1 AND kind = ?2")?
            .query_row(params![task_id, kind.slug()], |row| row.get(0))
            .optional()?;
        match (rowid, due_on) {
            (Some(rowid), Some(due_on)) => self.update_logged("task_due", rowid, |conn| {
                conn.prepare_cached("UPDATE task_due SET due_on = ?2 WHERE rowid = ?1")?
                    .execute(params![rowid, due_on])
            }),
            (None, Some(due_on)) => {
                self.conn
                    .prepare_cached(
                        "INSERT INTO task_due (task_id, kind, due_on) VALUES (?1, ?2, ?3)",
                    )?
                    .execute(params![task_id, kind.slug(), due_on])?;
                self.log_insert("task_due", self.conn.last_insert_rowid())
            }
            (Some(rowid), None) => self.delete_logged("task_due", rowid),
            (None, None) => Ok(()),
        }
    }

    fn set_due(&self, obligation_id: i64, to: NaiveDate, reason: &str) -> Result<()> {
        self.update_logged("obligation", obligation_id, |conn| {
            conn.prepare_cached(
                "UPDATE obligation SET
                     original_due_on = CASE WHEN coalesce(original_due_on, due_on) = ?2 THEN NULL
                                            ELSE coalesce(original_due_on, due_on) END,
                     extension_reason = CASE WHEN coalesce(original_due_on, due_on) = ?2 THEN NULL
                                             ELSE ?3 END,
                     due_on = ?2
                 WHERE id = ?1",
            )?
            .execute(params![obligation_id, to, reason])
        })
    }

    fn add_obligations(&self, task_id: i64, kind: UnitKind, due_on: NaiveDate) -> Result<usize> {
        let Some((within, for_people)) = self
            .conn
            .prepare_cached("SELECT within_id, for_people FROM task WHERE id = ?1")?
            .query_row([task_id], |row| {
                Ok((row.get::<_, Option<i64>>(0)?, row.get::<_, bool>(1)?))
            })
            .optional()?
        else {
            return Ok(0);
        };
        // As `insert_task` makes them, for one kind, leaving out whoever owes
        // the task already (a unit whose kind changed since it was made).
        let (subject, select) = if for_people {
            (
                "unit_id, person_id",
                "SELECT ?1, u.id, p.id, ?4 FROM scope s
                 JOIN unit u ON u.id = s.id
                 JOIN person p ON p.unit_id = u.id AND p.to_on IS NULL
                 WHERE u.kind = ?3 AND u.dissolved_on IS NULL
                   AND NOT EXISTS (SELECT 1 FROM obligation o
                                   WHERE o.task_id = ?1 AND o.unit_id = u.id AND o.person_id = p.id)",
            )
        } else {
            (
                "unit_id",
                "SELECT ?1, u.id, ?4 FROM scope s
                 JOIN unit u ON u.id = s.id
                 WHERE u.kind = ?3 AND u.dissolved_on IS NULL
                   AND NOT EXISTS (SELECT 1 FROM obligation o
                                   WHERE o.task_id = ?1 AND o.unit_id = u.id
                                     AND o.person_id IS NULL)",
            )
        };
        let created = self
            .conn
            .prepare_cached(&format!(
                "WITH RECURSIVE scope (id) AS (
                     SELECT id FROM unit WHERE (?2 IS NULL AND parent_id IS NULL) OR id = ?2
                     -- UNION: a unit met twice (a cycle in data edited by hand)
                     -- is not walked again.
                     UNION
                     SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id
                 )
                 INSERT INTO obligation (task_id, {subject}, due_on) {select}"
            ))?
            .execute(params![task_id, within, kind.slug(), due_on])?;
        if created > 0 {
            // One INSERT … SELECT numbers its rows consecutively.
            let last = self.conn.last_insert_rowid();
            self.log_inserted_run("obligation", last - created as i64 + 1, last)?;
        }
        Ok(created)
    }

    fn delete_obligation(&self, obligation_id: i64) -> Result<()> {
        self.delete_logged("obligation", obligation_id)
    }
}
