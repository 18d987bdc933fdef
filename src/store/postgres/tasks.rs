//! Tasks, obligations and completions on PostgreSQL (see `sqlite/tasks.rs`).

use chrono::NaiveDate;
use postgres::Row;

use super::{PgDb, flag_at, not_yet};
use crate::domain::error::Result;
use crate::domain::task::Task;
use crate::store::{CompletionNote, Obligation, RecordedCompletion, Tasks};

/// The columns `task_from_row` reads, of a task `t`.
pub(super) const TASK_COLUMNS: &str =
    "t.id, t.code, t.directive_id, t.title, t.rated, t.for_people";

/// A task from the columns `TASK_COLUMNS` (from column 0), without its due
/// dates (`with_dues` adds them).
pub(super) fn task_from_row(row: &Row) -> Result<Task> {
    Ok(Task {
        id: row.try_get(0)?,
        code: row.try_get(1)?,
        directive_id: row.try_get(2)?,
        title: row.try_get(3)?,
        rated: flag_at(row, 4)?,
        for_people: flag_at(row, 5)?,
        dues: Vec::new(),
    })
}

impl Tasks for PgDb<'_> {
    fn insert_task(&self, _new: &Task, _within: Option<i64>) -> Result<(Task, usize)> {
        Err(not_yet("Tasks::insert_task"))
    }

    fn free_task_code(&self, _stem: &str) -> Result<String> {
        Err(not_yet("Tasks::free_task_code"))
    }

    fn task_by_code(&self, _code: &str) -> Result<Option<Task>> {
        Err(not_yet("Tasks::task_by_code"))
    }

    fn tasks_of(&self, _directive_id: i64) -> Result<Vec<Task>> {
        Err(not_yet("Tasks::tasks_of"))
    }

    fn tasks(&self, _directive_id: Option<i64>, _search: Option<&str>) -> Result<Vec<Task>> {
        Err(not_yet("Tasks::tasks"))
    }

    fn update_task(&self, _id: i64, _code: &str, _title: &str) -> Result<()> {
        Err(not_yet("Tasks::update_task"))
    }

    fn obligation(&self, _task_id: i64, _unit_id: i64) -> Result<Option<Obligation>> {
        Err(not_yet("Tasks::obligation"))
    }

    fn obligation_count(&self, _task_id: i64) -> Result<usize> {
        Err(not_yet("Tasks::obligation_count"))
    }

    fn complete(
        &self,
        _obligation_id: i64,
        _on: NaiveDate,
        _note: &CompletionNote<'_>,
    ) -> Result<()> {
        Err(not_yet("Tasks::complete"))
    }

    fn recorded_completion(&self, _obligation_id: i64) -> Result<Option<RecordedCompletion>> {
        Err(not_yet("Tasks::recorded_completion"))
    }

    fn extend(&self, _obligation_id: i64, _to: NaiveDate, _reason: &str) -> Result<()> {
        Err(not_yet("Tasks::extend"))
    }
}
