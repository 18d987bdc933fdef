//! What a report on one task (báo cáo) and a reminder (công văn đôn đốc)
//! say, computed once: the task and its directive, the four buckets by kind
//! of unit, the units that are late, the ratings checked, the settings. The
//! words are `doc`'s; the numbers are all here.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::ratings::{RatingsQuery, ratings};
use super::resolve_task;
use super::settings::{DocumentSettings, read};
use crate::domain::directive::Directive;
use crate::domain::error::Result;
use crate::domain::task::Task;
use crate::domain::{Status, UnitKind};
use crate::report::progress::Buckets;
use crate::report::ratings::RatingGroupRow;
use crate::store::{Db, Order, Scope, Selection};

/// Everything a document about one task says, as of one day.
#[derive(Debug, Clone)]
pub struct TaskFacts {
    pub task: Task,
    pub directive: Directive,
    pub as_of: NaiveDate,
    /// The four buckets (and what no longer counts) of each kind of unit
    /// that owes the task, from the top of the tree down.
    pub by_kind: Vec<(UnitKind, Buckets)>,
    /// The units (or people) done late or still overdue on `as_of`, by
    /// parent and unit.
    pub late: Vec<LateUnit>,
    /// The ratings of each group, when the task is rated.
    pub ratings: Option<Vec<RatingGroupRow>>,
    pub settings: DocumentSettings,
    /// The directive is secret and its title, and the task's, are not said
    /// (`mask`): the document names it by its citation and mark only.
    pub masked: bool,
}

/// A unit (or a person in it) late with the task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LateUnit {
    pub unit_code: String,
    pub unit: String,
    pub kind: UnitKind,
    pub parent: Option<String>,
    /// The person, on a task for people.
    pub person: Option<String>,
    pub due_on: NaiveDate,
    /// The due date before an extension.
    pub original_due_on: Option<NaiveDate>,
    /// When it was done, late; `None`: still open.
    pub completed_on: Option<NaiveDate>,
    /// Days past the due date: to the day it was done, or to `as_of`.
    pub days_late: i64,
}

impl TaskFacts {
    /// Keeps the titles of a secret directive, and of its task, out of the
    /// document: both become the directive's citation and mark.
    pub fn mask(&mut self) {
        if let Some(mark) = self.directive.secrecy {
            let masked = crate::domain::marks::masked(&self.directive.citation(), mark);
            self.directive.title = masked.clone();
            self.task.title = masked;
            self.masked = true;
        }
    }

    /// The units still open past their due date: whom a reminder goes to.
    pub fn overdue(&self) -> Vec<&LateUnit> {
        self.late
            .iter()
            .filter(|l| l.completed_on.is_none())
            .collect()
    }

    /// All the kinds together.
    pub fn total(&self) -> Buckets {
        let mut total = Buckets::default();
        for (_, b) in &self.by_kind {
            total.done_on_time += b.done_on_time;
            total.done_late += b.done_late;
            total.open += b.open;
            total.overdue += b.overdue;
            total.cancelled += b.cancelled;
        }
        total
    }
}

/// The facts of the task `reference` as of `as_of`.
pub fn task_facts(db: &dyn Db, reference: &str, as_of: NaiveDate) -> Result<TaskFacts> {
    let task = resolve_task(db, reference)?;
    let directive = db.directive(task.directive_id)?;
    let scope = Scope {
        task: Some(task.id),
        ..Scope::default()
    };
    let mut by_kind: BTreeMap<UnitKind, Buckets> = BTreeMap::new();
    db.for_each_fact(&scope, as_of, &mut |facts| {
        for fact in facts {
            by_kind.entry(fact.kind).or_default().add(fact.status);
        }
    })?;
    let mut late = Vec::new();
    db.for_each_obligation(&scope, Selection::All, as_of, Order::Unit, &mut |row| {
        let days_late = match (row.status, row.completed_on) {
            (Status::Overdue, _) => row.days_overdue,
            (Status::DoneLate, Some(done)) => {
                let from = row.passed_on.map_or(row.due_on, |on| on.max(row.due_on));
                (done - from).num_days().max(0)
            }
            _ => return Ok(()),
        };
        late.push(LateUnit {
            unit_code: std::mem::take(&mut row.unit_code),
            unit: std::mem::take(&mut row.unit),
            kind: row.unit_kind,
            parent: std::mem::take(&mut row.parent),
            person: std::mem::take(&mut row.person_name),
            due_on: row.due_on,
            original_due_on: row.original_due_on,
            completed_on: row.completed_on,
            days_late,
        });
        Ok(())
    })?;
    let ratings = if task.rated {
        let checked = ratings(
            db,
            &RatingsQuery {
                task: Some(&task.code),
                within: None,
                as_of,
            },
        )?;
        Some(checked.groups)
    } else {
        None
    };
    Ok(TaskFacts {
        task,
        directive,
        as_of,
        by_kind: by_kind.into_iter().collect(),
        late,
        ratings,
        settings: read(db)?,
        masked: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};
    use crate::store::{CompletionNote, Storage};

    #[test]
    fn the_late_are_those_done_late_and_those_still_overdue() -> Result<()> {
        let mut store = son_tay(false)?;
        change(&mut store, |db| {
            let task = db.task_by_code("kd")?.expect("kd");
            for (code, on) in [("nq1", "05/12/2023"), ("nq2", "09/12/2023")] {
                let unit = db.unit_by_code(code)?.expect("a chi bộ");
                let owed = db.obligation(task.id, unit.id)?.expect("owed");
                db.complete(
                    owed.id,
                    day(on),
                    &CompletionNote {
                        recorded_by: "test",
                        ..CompletionNote::default()
                    },
                )?;
            }
            Ok(())
        })?;
        let facts = task_facts(&*store.read(), "kd", day("13/12/2023"))?;
        let late: Vec<(&str, Option<NaiveDate>, i64)> = facts
            .late
            .iter()
            .map(|l| (l.unit_code.as_str(), l.completed_on, l.days_late))
            .collect();
        // The chi bộ cơ sở 7 days past 06/12, the ward one past 12/12, nq2 done 3 days late.
        assert!(late.contains(&("cb", None, 7)), "{late:?}");
        assert!(late.contains(&("nq", None, 1)), "{late:?}");
        assert!(
            late.contains(&("nq2", Some(day("09/12/2023")), 3)),
            "{late:?}"
        );
        assert_eq!(late.len(), 3, "{late:?}");
        let overdue: Vec<&str> = facts
            .overdue()
            .iter()
            .map(|l| l.unit_code.as_str())
            .collect();
        assert_eq!(overdue.len(), 2, "{overdue:?}");
        let total = facts.total();
        assert_eq!(
            (
                total.done_on_time,
                total.done_late,
                total.open,
                total.overdue
            ),
            (1, 1, 0, 2)
        );
        assert!(facts.ratings.is_none());
        Ok(())
    }
}
