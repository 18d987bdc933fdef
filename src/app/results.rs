//! The results of one task: every unit (or person) that owes it, in the
//! tree of the report's day, with what each reported.

use chrono::NaiveDate;
use foldhash::HashMap;

use super::{resolve_task, resolve_unit};
use crate::domain::UnitKind;
use crate::domain::error::Result;
use crate::domain::task::Task;
use crate::report::results::ResultRow;
use crate::store::{Db, Scope};

/// Which results: a task, as of a day, within a subtree, of a kind.
#[derive(Debug, Clone)]
pub struct ResultsQuery<'a> {
    pub task: &'a str,
    pub within: Option<&'a str>,
    pub kind: Option<UnitKind>,
    pub as_of: NaiveDate,
}

/// A task's results, numbered in tree order.
#[derive(Debug, Clone)]
pub struct TaskResults {
    pub task: Task,
    pub rows: Vec<ResultRow>,
}

/// The results of the task `q` names: a line per obligation that exists on
/// the day, the units in the order of the tree of that day (each unit
/// followed by the units under it, siblings in Vietnamese order), the
/// people of one unit by name.
pub fn results(db: &dyn Db, q: &ResultsQuery<'_>) -> Result<TaskResults> {
    let task = resolve_task(db, q.task)?;
    let within = q.within.map(|u| resolve_unit(db, u)).transpose()?;
    let scope = Scope {
        task: Some(task.id),
        within: within.map(|u| u.id),
        kind: q.kind,
        directive: None,
    };
    let place: HashMap<i64, usize> = db
        .units_in_tree_order(None, Some(q.as_of))?
        .iter()
        .enumerate()
        .map(|(i, r)| (r.unit.id, i))
        .collect();
    let mut found = Vec::new();
    db.for_each_result(&scope, q.as_of, &mut |r| {
        found.push(r);
        Ok(())
    })?;
    // Stable: within a unit, the order the store gives (people by name).
    found.sort_by_key(|r| place.get(&r.unit_id).copied().unwrap_or(usize::MAX));
    let rows = found
        .into_iter()
        .enumerate()
        .map(|(i, r)| ResultRow::new(i + 1, r))
        .collect();
    Ok(TaskResults { task, rows })
}
