//! One obligation as a report sees it on a day: the unit (or person) that
//! owes it, the task and directive, the dates, and the status they give.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{Secrecy, Status, UnitKind, Urgency};

/// One unit's obligation under one task, as of the report's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObligationRow {
    pub unit_code: String,
    pub unit: String,
    pub unit_kind: UnitKind,
    /// The parent's name, or null at the root.
    pub parent: Option<String>,
    pub parent_code: Option<String>,
    /// The directive's canonical symbol, or its citation when it has none
    /// (`Kế hoạch số 223`): the same whatever the interface language.
    pub directive: String,
    /// The task's code.
    pub task: String,
    pub task_title: String,
    pub due_on: NaiveDate,
    /// When it was done, if on or before the report's day; else null.
    pub completed_on: Option<NaiveDate>,
    pub status: Status,
    /// Days past the due date while still open (0 otherwise).
    pub days_overdue: i64,
    /// Days until the due date while still open and not late (0 otherwise).
    pub days_left: i64,
    /// The due date as first set, when it was extended (gia hạn); else null.
    pub original_due_on: Option<NaiveDate>,
    /// Why it no longer counts, when cancelled (revoked directive, merged unit).
    pub cancelled_reason: Option<String>,
    /// The person's code, on a task for people (the unit is theirs); else null.
    pub person: Option<String>,
    pub person_name: Option<String>,
    /// The code of the unit it was passed on from by a merger; else null.
    pub passed_from: Option<String>,
    pub passed_from_name: Option<String>,
    /// The day it was passed on (the merger's day): the unit owes it, and
    /// is late with it, only from then.
    pub passed_on: Option<NaiveDate>,
    /// The directive's classification, when it carries one: its title and
    /// the task's are then masked where the report travels.
    pub secrecy: Option<Secrecy>,
    /// The directive's urgency (độ khẩn), when it carries one.
    pub urgency: Option<Urgency>,
}

impl ObligationRow {
    /// A row of nothing yet, due on `due_on`: filled by a store field by
    /// field (a listing fills one again for each obligation), or by a test.
    pub fn blank(due_on: NaiveDate) -> ObligationRow {
        ObligationRow {
            unit_code: String::new(),
            unit: String::new(),
            unit_kind: UnitKind::ChiBoTrucThuoc,
            parent: None,
            parent_code: None,
            directive: String::new(),
            task: String::new(),
            task_title: String::new(),
            due_on,
            completed_on: None,
            status: Status::Open,
            days_overdue: 0,
            days_left: 0,
            original_due_on: None,
            cancelled_reason: None,
            person: None,
            person_name: None,
            passed_from: None,
            passed_from_name: None,
            passed_on: None,
            secrecy: None,
            urgency: None,
        }
    }

    /// Keeps a secret directive's task title out of the row unless `show`:
    /// it becomes the directive's citation and mark (`188-KH/TU (Mật)`).
    pub fn mask(&mut self, show: bool) {
        if self.secrecy.is_none() {
            return;
        }
        self.task_title = super::marks::shown_task_title(
            &self.task_title,
            &self.task,
            &self.directive,
            self.secrecy,
            show,
        );
    }

    /// Fills the fields that depend on the day of the report.
    pub fn as_of(
        mut self,
        due_on: NaiveDate,
        completed_on: Option<NaiveDate>,
        cancelled_on: Option<NaiveDate>,
        as_of: NaiveDate,
    ) -> ObligationRow {
        self.set_as_of(due_on, completed_on, cancelled_on, as_of);
        self
    }

    /// As `as_of`, in place.
    pub fn set_as_of(
        &mut self,
        due_on: NaiveDate,
        completed_on: Option<NaiveDate>,
        cancelled_on: Option<NaiveDate>,
        as_of: NaiveDate,
    ) {
        self.status = Status::with_cancellation(due_on, completed_on, cancelled_on, as_of);
        if self.status != Status::Cancelled {
            self.cancelled_reason = None;
        }
        self.due_on = due_on;
        self.completed_on = completed_on.filter(|d| *d <= as_of);
        let open = matches!(self.status, Status::Open | Status::Overdue);
        // Late only from the day it was passed on to this unit.
        let late_from = self.passed_on.map_or(due_on, |on| on.max(due_on));
        self.days_overdue = if open {
            (as_of - late_from).num_days().max(0)
        } else {
            0
        };
        self.days_left = if open {
            (due_on - as_of).num_days().max(0)
        } else {
            0
        };
    }
}

/// One obligation with what was recorded of it, for the results of a task:
/// the row the other reports show, and the completion's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObligationResult {
    /// The unit's id, for its place in the tree.
    pub unit_id: i64,
    /// As of the report's day (`ObligationRow::as_of`).
    pub row: ObligationRow,
    /// Why the due date moved (an extension, a task's due date changed).
    pub extension_reason: Option<String>,
    pub rating: Option<crate::domain::Rating>,
    pub not_rated_reason: Option<String>,
    pub evidence: Option<String>,
    pub note: Option<String>,
}
