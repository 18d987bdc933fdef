//! Progress (tiến độ): for each task, how many obligations are in each of
//! the four buckets, by unit kind or rolled up the unit tree.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Cell, Report, Value};
use crate::domain::{Secrecy, Status, UnitKind, Urgency};
use crate::i18n::{self, tr};
use crate::text::date::format_dmy;

/// How obligations are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// One line per unit kind.
    #[default]
    Kind,
    /// One line per unit with units under it, counting its whole subtree,
    /// itself included.
    Parent,
}

/// The four buckets of one group of obligations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Buckets {
    pub done_on_time: u32,
    pub done_late: u32,
    pub open: u32,
    pub overdue: u32,
    pub cancelled: u32,
}

impl Buckets {
    pub fn add(&mut self, status: Status) {
        match status {
            Status::DoneOnTime => self.done_on_time += 1,
            Status::DoneLate => self.done_late += 1,
            Status::Open => self.open += 1,
            Status::Overdue => self.overdue += 1,
            Status::Cancelled => self.cancelled += 1,
        }
    }

    /// Adds another's counts to these.
    pub fn merge(&mut self, other: &Buckets) {
        self.done_on_time += other.done_on_time;
        self.done_late += other.done_late;
        self.open += other.open;
        self.overdue += other.overdue;
        self.cancelled += other.cancelled;
    }

    pub fn total(&self) -> u64 {
        [
            self.done_on_time,
            self.done_late,
            self.open,
            self.overdue,
            self.cancelled,
        ]
        .iter()
        .map(|n| u64::from(*n))
        .sum()
    }
}

/// One task's counts in one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressRow {
    /// The task's code.
    pub task: String,
    pub task_title: String,
    /// The directive's canonical symbol (`Kế hoạch số 223` when it has none).
    pub directive: String,
    /// A unit kind slug (`--by kind`) or a unit code (`--by parent`).
    pub group: String,
    /// The kind's or the unit's name, in the language in force.
    pub group_name: String,
    pub total: u64,
    pub done_on_time: u64,
    pub done_late: u64,
    pub open: u64,
    pub overdue: u64,
    /// No longer due: the directive was revoked or the unit merged (0 mostly).
    pub cancelled: u64,
    /// Each bucket as a percentage of `total`, one decimal.
    pub done_on_time_pct: f64,
    pub done_late_pct: f64,
    pub open_pct: f64,
    pub overdue_pct: f64,
    pub cancelled_pct: f64,
    /// The directive's classification, when it carries one (then the task's
    /// title is masked where the report travels).
    pub secrecy: Option<Secrecy>,
    /// The directive's urgency (độ khẩn), when it carries one.
    pub urgency: Option<Urgency>,
}

impl ProgressRow {
    /// Keeps a secret directive's task title out of the row unless `show`.
    pub fn mask(&mut self, show: bool) {
        self.task_title = crate::domain::marks::shown_task_title(
            &self.task_title,
            &self.task,
            &self.directive,
            self.secrecy,
            show,
        );
    }

    pub fn new(task: &TaskLabel, group: String, group_name: String, b: Buckets) -> ProgressRow {
        let total = b.total();
        let pct = |n: u64| {
            if total == 0 {
                0.0
            } else {
                (n as f64 * 1000.0 / total as f64).round() / 10.0
            }
        };
        ProgressRow {
            task: task.code.clone(),
            task_title: task.title.clone(),
            directive: task.directive.clone(),
            group,
            group_name,
            total,
            done_on_time: b.done_on_time.into(),
            done_late: b.done_late.into(),
            open: b.open.into(),
            overdue: b.overdue.into(),
            cancelled: b.cancelled.into(),
            done_on_time_pct: pct(b.done_on_time.into()),
            done_late_pct: pct(b.done_late.into()),
            open_pct: pct(b.open.into()),
            overdue_pct: pct(b.overdue.into()),
            cancelled_pct: pct(b.cancelled.into()),
            secrecy: task.secrecy,
            urgency: task.urgency,
        }
    }
}

/// What a progress row says of its task.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TaskLabel {
    pub code: String,
    pub title: String,
    pub directive: String,
    pub secrecy: Option<Secrecy>,
    pub urgency: Option<Urgency>,
}

/// The progress report as of one day.
#[derive(Debug, Clone)]
pub struct ProgressReport {
    pub as_of: NaiveDate,
    pub by: GroupBy,
    /// Whether the table shows the fifth column (some obligation was cancelled).
    pub show_cancelled: bool,
}

impl ProgressReport {
    /// The report for `rows`: the cancelled column only when there is something in it.
    pub fn new(as_of: NaiveDate, by: GroupBy, rows: &[ProgressRow]) -> ProgressReport {
        ProgressReport {
            as_of,
            by,
            show_cancelled: rows.iter().any(|r| r.cancelled > 0),
        }
    }
}

impl Report for ProgressReport {
    type Row = ProgressRow;
    const FIELDS: &'static [&'static str] = &[
        "task",
        "task_title",
        "directive",
        "group",
        "group_name",
        "total",
        "done_on_time",
        "done_late",
        "open",
        "overdue",
        "cancelled",
        "done_on_time_pct",
        "done_late_pct",
        "open_pct",
        "overdue_pct",
        "cancelled_pct",
        "secrecy",
        "urgency",
    ];

    fn headers(&self) -> Vec<String> {
        let group = match self.by {
            GroupBy::Kind => i18n::H_KIND,
            GroupBy::Parent => i18n::H_UNIT,
        };
        let mut headers = vec![i18n::H_TASK.get().to_string(), group.get().to_string()];
        headers.push(i18n::H_TOTAL.get().to_string());
        for status in [
            Status::DoneOnTime,
            Status::DoneLate,
            Status::Open,
            Status::Overdue,
        ] {
            headers.push(capitalized(i18n::status(status).get()));
        }
        if self.show_cancelled {
            headers.push(capitalized(i18n::status(Status::Cancelled).get()));
        }
        headers
    }

    fn cells(&self, row: &ProgressRow) -> Vec<Cell> {
        let count =
            |n: u64, pct: f64, status| Cell::status(format!("{n} ({})", percent(pct)), status);
        let mut cells = vec![
            row.task_title.as_str().into(),
            match (self.by, UnitKind::from_slug(&row.group)) {
                // A kind in the interface language; the row keeps its official name.
                (GroupBy::Kind, Some(kind)) => kind.to_string().into(),
                _ => row.group_name.as_str().into(),
            },
            total(row.total),
            count(row.done_on_time, row.done_on_time_pct, Status::DoneOnTime),
            count(row.done_late, row.done_late_pct, Status::DoneLate),
            count(row.open, row.open_pct, Status::Open),
            count(row.overdue, row.overdue_pct, Status::Overdue),
        ];
        if self.show_cancelled {
            cells.push(count(row.cancelled, row.cancelled_pct, Status::Cancelled));
        }
        cells
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        Some(tr!(i18n::PROGRESS_HEADING, date = format_dmy(self.as_of)))
    }

    fn empty_message(&self) -> String {
        i18n::PROGRESS_NONE.get().to_string()
    }

    fn as_of(&self) -> Option<NaiveDate> {
        Some(self.as_of)
    }

    /// The table's, each bucket in two columns: the count, and its share.
    fn sheet_headers(&self) -> Vec<String> {
        let headers = self.headers();
        let mut sheet = headers[..3].to_vec();
        for bucket in &headers[3..] {
            sheet.push(bucket.clone());
            sheet.push(tr!(i18n::H_SHARE, status = bucket));
        }
        sheet
    }

    /// The count as a number, the share as a percentage.
    fn sheet_cells(&self, row: &ProgressRow) -> Vec<Cell> {
        let mut cells = self.cells(row);
        let shares = [
            row.done_on_time_pct,
            row.done_late_pct,
            row.open_pct,
            row.overdue_pct,
            row.cancelled_pct,
        ];
        let counts = [
            row.done_on_time,
            row.done_late,
            row.open,
            row.overdue,
            row.cancelled,
        ];
        let buckets = cells.split_off(3);
        for ((bucket, n), pct) in buckets.into_iter().zip(counts).zip(shares) {
            let status = bucket.status;
            let mut count = total(n);
            count.status = status;
            cells.push(count);
            let mut share = Cell::from(percent(pct)).with(Value::Percent(pct));
            share.status = status;
            cells.push(share);
        }
        cells
    }
}

/// A count, as a number.
fn total(n: u64) -> Cell {
    Cell::int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// `21,7%` in Vietnamese, `21.7%` in English.
pub fn percent(pct: f64) -> String {
    let text = format!("{pct:.1}%");
    match i18n::lang() {
        i18n::Lang::Vi => text.replace('.', ","),
        i18n::Lang::En => text,
    }
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check_fields;

    #[test]
    fn fields_match_serialized_row() {
        let task = TaskLabel {
            code: "t".into(),
            title: "x".into(),
            directive: "d".into(),
            secrecy: None,
            urgency: None,
        };
        let row = ProgressRow::new(&task, "g".into(), "G".into(), Buckets::default());
        check_fields(&row, ProgressReport::FIELDS);
    }

    #[test]
    fn percentages_have_one_decimal() {
        let task = TaskLabel {
            code: "t".into(),
            title: "x".into(),
            directive: "d".into(),
            secrecy: None,
            urgency: None,
        };
        let b = Buckets {
            done_on_time: 1,
            done_late: 1,
            open: 1,
            ..Buckets::default()
        };
        let row = ProgressRow::new(&task, "g".into(), "G".into(), b);
        assert_eq!(
            (row.total, row.done_on_time_pct, row.overdue_pct),
            (3, 33.3, 0.0)
        );
    }
}
