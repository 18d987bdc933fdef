//! Reports over obligations, one row per unit and task: who is late
//! (`overdue`), what falls due soon (`upcoming`), what one unit owes
//! (`agenda`).

use chrono::NaiveDate;

use super::{Cell, Counted, CsvFields, Report, Tally, Value, Who};
pub use crate::domain::obligation::ObligationRow;
use crate::domain::{Secrecy, Urgency};
use crate::i18n::{self, tr};
use crate::text::date::format_dmy;

/// Which obligations a report shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Open and past their due date.
    Overdue,
    /// Open and due within the next `days` days (today included).
    Upcoming { days: u32 },
    /// All of one unit's subtree, whatever their status.
    Agenda { unit: String },
}

/// A report over obligations as of one day.
#[derive(Debug, Clone)]
pub struct ObligationReport {
    pub kind: Kind,
    pub as_of: NaiveDate,
}

impl Report for ObligationReport {
    type Row = ObligationRow;
    const FIELDS: &'static [&'static str] = &[
        "unit_code",
        "unit",
        "unit_kind",
        "parent",
        "parent_code",
        "directive",
        "task",
        "task_title",
        "due_on",
        "completed_on",
        "status",
        "days_overdue",
        "days_left",
        "original_due_on",
        "cancelled_reason",
        "person",
        "person_name",
        "passed_from",
        "passed_from_name",
        "passed_on",
        "secrecy",
        "urgency",
    ];

    fn headers(&self) -> Vec<String> {
        use i18n::*;
        let headers: &[i18n::Text] = match self.kind {
            Kind::Overdue => &[
                H_PARENT,
                H_UNIT,
                H_KIND,
                H_DIRECTIVE,
                H_TASK,
                H_DUE,
                H_DAYS_OVERDUE,
            ],
            Kind::Upcoming { .. } => &[
                H_DUE,
                H_DAYS_LEFT,
                H_PARENT,
                H_UNIT,
                H_KIND,
                H_DIRECTIVE,
                H_TASK,
            ],
            Kind::Agenda { .. } => &[H_UNIT, H_DIRECTIVE, H_TASK, H_DUE, H_COMPLETED_ON, H_STATUS],
        };
        super::headers(headers)
    }

    fn cells(&self, row: &ObligationRow) -> Vec<Cell> {
        let parent = || Cell::from(row.parent.clone().unwrap_or_default());
        let unit = || {
            let mut text = match &row.person_name {
                Some(name) => tr!(i18n::PERSON_IN_UNIT, name = name, unit = row.unit),
                None => row.unit.clone(),
            };
            if let (Some(from), Some(on)) = (&row.passed_from_name, row.passed_on) {
                let from = tr!(i18n::PASSED_FROM, unit = from, date = format_dmy(on));
                text.push_str(&format!(" ({from})"));
            }
            Cell::from(text)
        };
        let due = || {
            let text = match row.original_due_on {
                // Later is an extension (gia hạn); earlier, a due date moved up.
                Some(first) if first < row.due_on => i18n::capitalized(&tr!(
                    i18n::EXTENDED_TO,
                    date = format_dmy(row.due_on),
                    first = format_dmy(first)
                )),
                Some(first) => format!(
                    "{} ({})",
                    format_dmy(row.due_on),
                    tr!(i18n::DUE_MOVED_FROM, date = format_dmy(first))
                ),
                None => format_dmy(row.due_on),
            };
            Cell::status(text, row.status).with(Value::Date(row.due_on))
        };
        // A table names a task by what it is; JSON and CSV by its code.
        let task = || Cell::from(row.task_title.clone());
        match self.kind {
            Kind::Overdue => vec![
                parent(),
                unit(),
                row.unit_kind.to_string().into(),
                i18n::marked_label(&row.directive, row.secrecy, row.urgency).into(),
                task(),
                due(),
                Cell::status(row.days_overdue.to_string(), row.status)
                    .with(Value::Int(row.days_overdue)),
            ],
            Kind::Upcoming { .. } => vec![
                due(),
                Cell::status(i18n::days_count(row.days_left), row.status)
                    .with(Value::Int(row.days_left)),
                parent(),
                unit(),
                row.unit_kind.to_string().into(),
                i18n::marked_label(&row.directive, row.secrecy, row.urgency).into(),
                task(),
            ],
            Kind::Agenda { .. } => vec![
                unit(),
                i18n::marked_label(&row.directive, row.secrecy, row.urgency).into(),
                task(),
                due(),
                Cell::maybe_date(row.completed_on),
                Cell::status(status_text(row), row.status),
            ],
        }
    }

    const CSV_BY_FIELDS: bool = true;

    fn write_csv(&self, r: &ObligationRow, out: &mut CsvFields<'_>) {
        out.text(&r.unit_code);
        out.text(&r.unit);
        out.slug(Some(r.unit_kind.slug()));
        out.optional(r.parent.as_deref());
        out.optional(r.parent_code.as_deref());
        out.text(&r.directive);
        out.text(&r.task);
        out.text(&r.task_title);
        out.date(r.due_on);
        out.optional_date(r.completed_on);
        out.slug(Some(r.status.slug()));
        out.number(r.days_overdue);
        out.number(r.days_left);
        out.optional_date(r.original_due_on);
        out.optional(r.cancelled_reason.as_deref());
        out.optional(r.person.as_deref());
        out.optional(r.person_name.as_deref());
        out.optional(r.passed_from.as_deref());
        out.optional(r.passed_from_name.as_deref());
        out.optional_date(r.passed_on);
        out.slug(r.secrecy.map(Secrecy::slug));
        out.slug(r.urgency.map(Urgency::slug));
    }

    fn heading(&self, rows: Option<usize>) -> Option<String> {
        let date = format_dmy(self.as_of);
        let heading = match &self.kind {
            Kind::Overdue => tr!(i18n::OVERDUE_HEADING, date = date),
            Kind::Upcoming { days } => tr!(i18n::UPCOMING_HEADING, date = date, days = days),
            Kind::Agenda { unit } => tr!(i18n::AGENDA_HEADING, unit = unit, date = date),
        };
        Some(match rows {
            Some(n) => format!("{heading}: {n}"),
            None => heading,
        })
    }

    fn as_of(&self) -> Option<NaiveDate> {
        Some(self.as_of)
    }

    fn tally(&self, row: &ObligationRow) -> Option<Tally> {
        Some(Tally {
            who: match &row.person {
                Some(person) => Who::Person(person.clone()),
                None => Who::Unit(row.unit_code.clone()),
            },
            task: row.task.clone(),
        })
    }

    /// Counts say what they count: a row is a unit (or a person) on one
    /// task, so the heading gives the rows and the distinct units, people
    /// and tasks they stand for.
    fn counted_heading(&self, rows: usize, counted: &Counted) -> Option<String> {
        let date = format_dmy(self.as_of);
        let mut who = Vec::new();
        if counted.units() > 0 || counted.people() == 0 {
            who.push(tr!(i18n::COUNT_UNITS, n = counted.units()));
        }
        if counted.people() > 0 {
            who.push(tr!(i18n::COUNT_PEOPLE, n = counted.people()));
        }
        who.push(tr!(i18n::COUNT_TASKS, n = counted.tasks()));
        let who = who.join(", ");
        Some(match &self.kind {
            Kind::Overdue => tr!(i18n::OVERDUE_COUNTED, date = date, n = rows, who = who),
            Kind::Upcoming { days } => tr!(
                i18n::UPCOMING_COUNTED,
                date = date,
                days = days,
                n = rows,
                who = who
            ),
            Kind::Agenda { unit } => tr!(
                i18n::AGENDA_COUNTED,
                unit = unit,
                date = date,
                n = rows,
                tasks = counted.tasks()
            ),
        })
    }

    fn empty_message(&self) -> String {
        let date = format_dmy(self.as_of);
        match &self.kind {
            Kind::Overdue => tr!(i18n::OVERDUE_NONE, date = date),
            Kind::Upcoming { days } => tr!(i18n::UPCOMING_NONE, date = date, days = days),
            Kind::Agenda { unit } => tr!(i18n::AGENDA_NONE, unit = unit),
        }
    }
}

/// The status, worded as in every report (`i18n::status_cell`).
fn status_text(row: &ObligationRow) -> String {
    i18n::status_cell(
        row.status,
        row.days_overdue,
        Some(row.days_left),
        row.due_on,
        row.cancelled_reason.as_deref(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Status, UnitKind};
    use crate::report::check_fields;

    #[test]
    fn fields_match_serialized_row() {
        let d = NaiveDate::from_ymd_opt(2023, 12, 6).unwrap();
        let row = ObligationRow {
            unit_code: "cb".into(),
            unit: "Chi bộ".into(),
            unit_kind: UnitKind::ChiBoCoSo,
            directive: "223-KH/TU".into(),
            task: "t".into(),
            task_title: "Kiểm điểm".into(),
            ..ObligationRow::blank(d)
        };
        check_fields(&row, ObligationReport::FIELDS);
    }

    /// `write_csv` writes what serde writes for the same row, for every
    /// status, kind and mark, absent fields, text to be quoted, and days
    /// and numbers of every width.
    #[test]
    fn csv_by_fields_is_serdes_csv() {
        use crate::domain::{Secrecy, Urgency};
        use crate::report::{Format, RenderOptions, Renderer};
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut rows = Vec::new();
        for (i, status) in Status::ALL.into_iter().enumerate() {
            for (j, kind) in UnitKind::ALL.into_iter().enumerate() {
                let some = (i + j) % 2 == 0;
                let text = |s: &str| some.then(|| s.to_string());
                rows.push(ObligationRow {
                    unit_code: format!("cb-{i}{j}"),
                    unit: "Chi bộ \"Bắc\", thôn 1\nmới".into(),
                    unit_kind: kind,
                    parent: text("Đảng bộ xã, phường"),
                    parent_code: text("db"),
                    directive: "Kế hoạch số 223".into(),
                    task: "t".into(),
                    task_title: if some {
                        String::new()
                    } else {
                        "Kiểm điểm; \"2024\"".into()
                    },
                    due_on: [
                        day(2023, 12, 6),
                        day(7, 1, 9),
                        day(10_000, 1, 1),
                        day(-1, 3, 4),
                    ][j % 4],
                    completed_on: some.then(|| day(2024, 1, 31)),
                    status,
                    days_overdue: [0, 7, -12, i64::MIN, i64::MAX][j % 5],
                    days_left: [1_000_000, 0, 42, -1, 9][i % 5],
                    original_due_on: some.then(|| day(999, 10, 20)),
                    cancelled_reason: text(["sáp nhập, giải thể", " sáp nhập ", "#"][j % 3]),
                    person: text("p1"),
                    person_name: text("Nguyễn Văn A"),
                    passed_from: text("cb-cu"),
                    passed_from_name: text(["Chi bộ cũ", "Chi bộ\rcũ"][j % 2]),
                    passed_on: some.then(|| day(2025, 7, 1)),
                    secrecy: some.then(|| Secrecy::ALL[j % 3]),
                    urgency: (!some).then(|| Urgency::ALL[i % 3]),
                });
            }
        }
        let report = ObligationReport {
            kind: Kind::Overdue,
            as_of: day(2024, 1, 1),
        };
        let mut ours = Vec::new();
        let mut renderer = Renderer::new(&report, RenderOptions::plain(Format::Csv), &mut ours);
        for row in &rows {
            renderer.row(row).unwrap();
        }
        renderer.finish(false).unwrap();
        let mut serde = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for row in &rows {
            serde.serialize(row).unwrap();
        }
        let serde = serde.into_inner().unwrap();
        assert_eq!(String::from_utf8(ours), String::from_utf8(serde));
    }

    #[test]
    fn day_dependent_fields() {
        let d = |s| crate::text::date::parse_date(s).unwrap();
        let base = ObligationRow {
            unit_kind: UnitKind::ChiBoCoSo,
            ..ObligationRow::blank(d("06/12/2023"))
        };
        let row = base.clone().as_of(
            d("06/12/2023"),
            Some(d("08/12/2023")),
            None,
            d("07/12/2023"),
        );
        assert_eq!(
            (row.status, row.completed_on, row.days_overdue),
            (Status::Overdue, None, 1)
        );
        let row = base
            .clone()
            .as_of(d("06/12/2023"), None, None, d("01/12/2023"));
        assert_eq!((row.status, row.days_left), (Status::Open, 5));
        let row = base.as_of(
            d("06/12/2023"),
            Some(d("08/12/2023")),
            None,
            d("13/12/2023"),
        );
        assert_eq!(
            (row.status, row.completed_on, row.days_overdue),
            (Status::DoneLate, Some(d("08/12/2023")), 0)
        );
    }
}
