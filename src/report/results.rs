//! The results of one task (`theodoi results TASK`): a numbered line per
//! unit, or per person on a task for people, that owes it, in tree order,
//! with its due date, when it was done, its status, its rating and what was
//! reported: the table a Ban Tổ chức hands over.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Cell, Report};
use crate::domain::obligation::ObligationResult;
use crate::domain::{Rating, Status, UnitKind};
use crate::i18n::{self, tr};
use crate::text::date::format_dmy;

/// One line of the results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultRow {
    /// The line's number (số thứ tự), from 1, in tree order.
    pub stt: usize,
    /// The task's code.
    pub task: String,
    pub unit_code: String,
    pub unit: String,
    pub unit_kind: UnitKind,
    /// The parent's name and code, null at the root.
    pub parent: Option<String>,
    pub parent_code: Option<String>,
    /// On a task for people: the person's code and name; else null.
    pub person: Option<String>,
    pub person_name: Option<String>,
    /// The due date in force; the first one and why it moved, when it did.
    pub due_on: NaiveDate,
    pub original_due_on: Option<NaiveDate>,
    pub extension_reason: Option<String>,
    /// When it was done, if by the report's day; else null.
    pub completed_on: Option<NaiveDate>,
    /// `done_on_time`, `done_late`, `open`, `overdue` or `cancelled`.
    pub status: Status,
    pub days_overdue: i64,
    /// The rating's code (`HTTNV`…), on a rating task; else null.
    pub rating: Option<Rating>,
    pub not_rated_reason: Option<String>,
    pub evidence: Option<String>,
    pub note: Option<String>,
    /// Why it no longer counts, when cancelled.
    pub cancelled_reason: Option<String>,
    /// The merged unit it came from, and the day: the table says it.
    #[serde(skip)]
    pub passed_from_name: Option<String>,
    #[serde(skip)]
    pub passed_on: Option<NaiveDate>,
}

impl ResultRow {
    /// Line `stt` of the results, from what the store read.
    pub fn new(stt: usize, r: ObligationResult) -> ResultRow {
        let o = r.row;
        ResultRow {
            stt,
            task: o.task,
            unit_code: o.unit_code,
            unit: o.unit,
            unit_kind: o.unit_kind,
            parent: o.parent,
            parent_code: o.parent_code,
            person: o.person,
            person_name: o.person_name,
            due_on: o.due_on,
            original_due_on: o.original_due_on,
            extension_reason: r.extension_reason,
            completed_on: o.completed_on,
            status: o.status,
            // Done late: how many days late it was done (open: late so far).
            days_overdue: match (o.status, o.completed_on) {
                (crate::domain::Status::DoneLate, Some(done)) => {
                    let late_from = o.passed_on.map_or(o.due_on, |on| on.max(o.due_on));
                    (done - late_from).num_days().max(0)
                }
                _ => o.days_overdue,
            },
            rating: r.rating,
            not_rated_reason: r.not_rated_reason,
            evidence: r.evidence,
            note: r.note,
            cancelled_reason: o.cancelled_reason,
            passed_from_name: o.passed_from_name,
            passed_on: o.passed_on,
        }
    }
}

/// The results of one task as of one day.
#[derive(Debug, Clone)]
pub struct ResultsReport {
    /// The task's code and title.
    pub task: String,
    pub title: String,
    /// A rating task: the rating columns are shown.
    pub rated: bool,
    /// A task for people: a column of their names.
    pub for_people: bool,
    pub as_of: NaiveDate,
}

impl ResultsReport {
    /// The columns both the table and a spreadsheet have, around `middle`.
    fn columns(&self, middle: &[i18n::Text], end: &[i18n::Text]) -> Vec<String> {
        let mut h = vec![i18n::H_STT];
        if self.for_people {
            h.push(i18n::H_PERSON);
        }
        h.extend([i18n::H_UNIT, i18n::H_KIND, i18n::H_PARENT]);
        h.extend_from_slice(middle);
        if self.rated {
            h.push(i18n::H_RATING);
        }
        h.extend_from_slice(end);
        if self.rated {
            h.push(i18n::H_NOT_RATED_REASON);
        }
        super::headers(&h)
    }

    /// STT, the person, the unit, its kind and parent.
    fn who(&self, row: &ResultRow) -> Vec<Cell> {
        let mut cells = vec![Cell::int(row.stt as i64)];
        if self.for_people {
            cells.push(row.person_name.clone().unwrap_or_default().into());
        }
        let mut unit = row.unit.clone();
        if let (Some(from), Some(on)) = (&row.passed_from_name, row.passed_on) {
            let from = tr!(i18n::PASSED_FROM, unit = from, date = format_dmy(on));
            unit.push_str(&format!(" ({from})"));
        }
        cells.extend([
            unit.into(),
            row.unit_kind.to_string().into(),
            row.parent.clone().unwrap_or_default().into(),
        ]);
        cells
    }

    /// The rating in words, on a rating task.
    fn rating(&self, row: &ResultRow) -> Option<Cell> {
        self.rated.then(
            || match (row.rating, row.completed_on, &row.not_rated_reason) {
                (Some(r), _, _) => i18n::rating(r).get().into(),
                (None, Some(_), Some(_)) => i18n::H_NOT_RATED.get().into(),
                _ => Cell::from(""),
            },
        )
    }
}

impl Report for ResultsReport {
    type Row = ResultRow;
    const FIELDS: &'static [&'static str] = &[
        "stt",
        "task",
        "unit_code",
        "unit",
        "unit_kind",
        "parent",
        "parent_code",
        "person",
        "person_name",
        "due_on",
        "original_due_on",
        "extension_reason",
        "completed_on",
        "status",
        "days_overdue",
        "rating",
        "not_rated_reason",
        "evidence",
        "note",
        "cancelled_reason",
    ];

    fn headers(&self) -> Vec<String> {
        use i18n::*;
        self.columns(
            &[H_DUE, H_COMPLETED_ON, H_STATUS],
            &[H_EVIDENCE, H_UNIT_NOTE],
        )
    }

    fn cells(&self, row: &ResultRow) -> Vec<Cell> {
        let mut cells = self.who(row);
        cells.push(Cell::date(row.due_on));
        if let Some(first) = row.original_due_on {
            // `gia hạn đến 20/12/2023 (hạn ban đầu 12/12/2023; lý do: Bí thư đi học)`.
            let said = if first < row.due_on {
                i18n::EXTENDED
            } else {
                i18n::DUE_MOVED_FROM
            };
            let change = tr!(said, date = format_dmy(first));
            let due = if first < row.due_on {
                tr!(i18n::EXTENDED_UNTIL, date = format_dmy(row.due_on))
            } else {
                format_dmy(row.due_on)
            };
            let text = match &row.extension_reason {
                Some(reason) => tr!(
                    i18n::DUE_WITH_REASON,
                    due = due,
                    change = change,
                    reason = reason
                ),
                None => format!("{due} ({change})"),
            };
            if let Some(due) = cells.last_mut() {
                due.text = i18n::capitalized(&text);
            }
        }
        cells.push(Cell::maybe_date(row.completed_on));
        cells.push(Cell::status(status_text(row, self.as_of), row.status));
        cells.extend(self.rating(row));
        cells.push(row.evidence.clone().unwrap_or_default().into());
        cells.push(row.note.clone().unwrap_or_default().into());
        if self.rated {
            cells.push(row.not_rated_reason.clone().unwrap_or_default().into());
        }
        cells
    }

    fn heading(&self, rows: Option<usize>) -> Option<String> {
        let heading = crate::domain::marks::unnest(&tr!(
            i18n::RESULTS_HEADING,
            task = self.task,
            title = self.title,
            date = format_dmy(self.as_of)
        ));
        Some(match rows {
            Some(n) if self.for_people => tr!(i18n::HEADING_PEOPLE, heading = heading, n = n),
            Some(n) => tr!(i18n::HEADING_UNITS, heading = heading, n = n),
            None => heading,
        })
    }

    fn empty_message(&self) -> String {
        tr!(i18n::RESULTS_NONE, task = format!("“{}”", self.title))
    }

    fn as_of(&self) -> Option<NaiveDate> {
        Some(self.as_of)
    }

    /// The table's columns, with the due date's change in columns of its
    /// own and the days overdue as a number.
    fn sheet_headers(&self) -> Vec<String> {
        use i18n::*;
        self.columns(
            &[
                H_DUE,
                H_FIRST_DUE,
                H_EXTENSION_REASON,
                H_COMPLETED_ON,
                H_STATUS,
                H_DAYS_OVERDUE,
            ],
            &[H_EVIDENCE, H_UNIT_NOTE],
        )
    }

    fn sheet_cells(&self, row: &ResultRow) -> Vec<Cell> {
        let mut cells = self.who(row);
        cells.extend([
            Cell::date(row.due_on),
            Cell::maybe_date(row.original_due_on),
            row.extension_reason.clone().unwrap_or_default().into(),
            Cell::maybe_date(row.completed_on),
            Cell::status(status_text(row, self.as_of), row.status),
            Cell::int(row.days_overdue),
        ]);
        cells.extend(self.rating(row));
        cells.push(row.evidence.clone().unwrap_or_default().into());
        cells.push(row.note.clone().unwrap_or_default().into());
        if self.rated {
            cells.push(row.not_rated_reason.clone().unwrap_or_default().into());
        }
        cells
    }
}

/// The status, worded as in every report (`i18n::status_cell`), the days
/// left counted from the report's day.
fn status_text(row: &ResultRow, as_of: NaiveDate) -> String {
    i18n::status_cell(
        row.status,
        row.days_overdue,
        Some((row.due_on - as_of).num_days()),
        row.due_on,
        row.cancelled_reason.as_deref(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::obligation::ObligationRow;
    use crate::report::{Value, check_fields};

    fn row() -> ResultRow {
        let d = |s| crate::text::date::parse_date(s).unwrap();
        let o = ObligationRow {
            unit_code: "cb".into(),
            unit: "Chi bộ".into(),
            unit_kind: UnitKind::ChiBoCoSo,
            directive: "223-KH/TU".into(),
            task: "t".into(),
            task_title: "Kiểm điểm".into(),
            original_due_on: Some(d("06/12/2023")),
            ..ObligationRow::blank(d("20/12/2023"))
        };
        ResultRow::new(
            1,
            ObligationResult {
                unit_id: 1,
                row: o,
                extension_reason: Some("Bí thư đi học".into()),
                rating: Some(Rating::Httnv),
                not_rated_reason: None,
                evidence: None,
                note: None,
            },
        )
    }

    #[test]
    fn fields_match_serialized_row() {
        check_fields(&row(), ResultsReport::FIELDS);
    }

    #[test]
    fn the_table_and_the_sheet_have_a_cell_per_header() {
        for (rated, for_people) in [(false, false), (true, false), (true, true)] {
            let report = ResultsReport {
                task: "t".into(),
                title: "x".into(),
                rated,
                for_people,
                as_of: row().due_on,
            };
            assert_eq!(report.headers().len(), report.cells(&row()).len());
            assert_eq!(
                report.sheet_headers().len(),
                report.sheet_cells(&row()).len()
            );
        }
        let report = ResultsReport {
            task: "t".into(),
            title: "x".into(),
            rated: false,
            for_people: false,
            as_of: row().due_on,
        };
        let due = &report.cells(&row())[4];
        assert!(
            due.text.starts_with("Gia hạn đến 20/12/2023 (hạn ban đầu "),
            "{}",
            due.text
        );
        assert!(
            due.text.ends_with("; lý do: Bí thư đi học)"),
            "{}",
            due.text
        );
        assert_eq!(
            due.value,
            Some(Value::Date(
                crate::text::date::parse_date("20/12/2023").unwrap()
            ))
        );
    }
}
