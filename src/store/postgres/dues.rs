//! A task's due dates over its life, on PostgreSQL (see `sqlite/dues.rs`).

use chrono::NaiveDate;

use super::{PgDb, not_yet};
use crate::domain::UnitKind;
use crate::domain::error::Result;
use crate::store::{KindObligation, TaskDues};

impl TaskDues for PgDb<'_> {
    fn task_within(&self, _task_id: i64) -> Result<Option<i64>> {
        Err(not_yet("TaskDues::task_within"))
    }

    fn obligations_of_kind(&self, _task_id: i64, _kind: UnitKind) -> Result<Vec<KindObligation>> {
        Err(not_yet("TaskDues::obligations_of_kind"))
    }

    fn set_task_due(
        &self,
        _task_id: i64,
        _kind: UnitKind,
        _due_on: Option<NaiveDate>,
    ) -> Result<()> {
        Err(not_yet("TaskDues::set_task_due"))
    }

    fn set_due(&self, _obligation_id: i64, _to: NaiveDate, _reason: &str) -> Result<()> {
        Err(not_yet("TaskDues::set_due"))
    }

    fn add_obligations(&self, _task_id: i64, _kind: UnitKind, _due_on: NaiveDate) -> Result<usize> {
        Err(not_yet("TaskDues::add_obligations"))
    }

    fn delete_obligation(&self, _obligation_id: i64) -> Result<()> {
        Err(not_yet("TaskDues::delete_obligation"))
    }
}
