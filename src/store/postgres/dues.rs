//! A task's due dates over its life, on PostgreSQL (see `sqlite/dues.rs`).

use chrono::NaiveDate;

use super::tasks::SCOPE_CTE;
use super::{PgDb, date_at, day_at, flag_at, iso};
use crate::domain::UnitKind;
use crate::domain::error::Result;
use crate::store::{KindObligation, TaskDues};

impl TaskDues for PgDb<'_> {
    fn task_within(&self, task_id: i64) -> Result<Option<i64>> {
        Ok(
            match self.opt("SELECT within_id FROM task WHERE id = $1", &[&task_id])? {
                Some(row) => row.try_get(0)?,
                None => None,
            },
        )
    }

    fn obligations_of_kind(&self, task_id: i64, kind: UnitKind) -> Result<Vec<KindObligation>> {
        self.rows(
            "SELECT o.id, o.due_on, o.completed_on, o.original_due_on, o.cancelled_on IS NOT NULL
             FROM obligation o JOIN unit u ON u.id = o.unit_id
             WHERE o.task_id = $1 AND u.kind = $2
             ORDER BY o.id",
            &[&task_id, &kind.slug()],
        )?
        .iter()
        .map(|row| {
            Ok(KindObligation {
                id: row.try_get(0)?,
                due_on: day_at(row, 1)?,
                completed_on: date_at(row, 2)?,
                original_due_on: date_at(row, 3)?,
                cancelled: row.try_get(4)?,
            })
        })
        .collect()
    }

    fn set_task_due(&self, task_id: i64, kind: UnitKind, due_on: Option<NaiveDate>) -> Result<()> {
        let id: Option<i64> = match self.opt(
            "SELECT id FROM task_due WHERE task_id = $1 AND kind = $2",
            &[&task_id, &kind.slug()],
        )? {
            Some(row) => Some(row.try_get(0)?),
            None => None,
        };
        match (id, due_on) {
            (Some(id), Some(due_on)) => self.update_logged("task_due", id, |db| {
                db.exec(
                    "UPDATE task_due SET due_on = $2 WHERE id = $1",
                    &[&id, &iso(due_on)],
                )
            }),
            (None, Some(due_on)) => {
                let id = self.int(
                    "INSERT INTO task_due (task_id, kind, due_on) VALUES ($1, $2, $3) RETURNING id",
                    &[&task_id, &kind.slug(), &iso(due_on)],
                )?;
                self.log_insert("task_due", id)
            }
            (Some(id), None) => self.delete_logged("task_due", id),
            (None, None) => Ok(()),
        }
    }

    fn set_due(&self, obligation_id: i64, to: NaiveDate, reason: &str) -> Result<()> {
        self.update_logged("obligation", obligation_id, |db| {
            db.exec(
                "UPDATE obligation SET
                     original_due_on = CASE WHEN coalesce(original_due_on, due_on) = $2 THEN NULL
                                            ELSE coalesce(original_due_on, due_on) END,
                     extension_reason = CASE WHEN coalesce(original_due_on, due_on) = $2 THEN NULL
                                             ELSE $3 END,
                     due_on = $2
                 WHERE id = $1",
                &[&obligation_id, &iso(to), &reason],
            )
        })
    }

    fn add_obligations(&self, task_id: i64, kind: UnitKind, due_on: NaiveDate) -> Result<usize> {
        if let Some(refused) = self.office_refused() {
            return Err(refused);
        }
        let Some(row) = self.opt(
            "SELECT within_id, for_people FROM task WHERE id = $1",
            &[&task_id],
        )?
        else {
            return Ok(0);
        };
        let within: Option<i64> = row.try_get(0)?;
        let for_people = flag_at(&row, 1)?;
        let (subject, select) = if for_people {
            (
                "unit_id, person_id",
                "SELECT $1::BIGINT, u.id, p.id, $4::TEXT FROM scope s
                 JOIN unit u ON u.id = s.id
                 JOIN person p ON p.unit_id = u.id AND p.to_on IS NULL
                 WHERE u.kind = $3 AND u.dissolved_on IS NULL
                   AND NOT EXISTS (SELECT 1 FROM obligation o
                                   WHERE o.task_id = $1 AND o.unit_id = u.id AND o.person_id = p.id)
                 ORDER BY s.depth, s.path, p.id",
            )
        } else {
            (
                "unit_id",
                "SELECT $1::BIGINT, u.id, $4::TEXT FROM scope s
                 JOIN unit u ON u.id = s.id
                 WHERE u.kind = $3 AND u.dissolved_on IS NULL
                   AND NOT EXISTS (SELECT 1 FROM obligation o
                                   WHERE o.task_id = $1 AND o.unit_id = u.id
                                     AND o.person_id IS NULL)
                 ORDER BY s.depth, s.path",
            )
        };
        self.insert_logged_many(
            "obligation",
            &format!(
                "{SCOPE_CTE}
                 INSERT INTO obligation (task_id, {subject}, due_on) {select} RETURNING id"
            ),
            &[&task_id, &within, &kind.slug(), &iso(due_on)],
        )
    }

    fn delete_obligation(&self, obligation_id: i64) -> Result<()> {
        if let Some(refused) = self.office_refused() {
            return Err(refused);
        }
        self.delete_logged("obligation", obligation_id)
    }
}
