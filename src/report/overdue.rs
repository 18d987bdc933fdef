//! Who is late: open obligations past their due date on a given day.

use chrono::NaiveDate;
use serde::Serialize;

use super::Tabular;
use crate::domain::UnitKind;
use crate::i18n::{self, tr};
use crate::text::date::format_dmy;

/// One unit late on one task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueRow {
    pub unit_code: String,
    pub unit: String,
    pub unit_kind: UnitKind,
    /// The parent's name, or null at the root.
    pub parent: Option<String>,
    pub parent_code: Option<String>,
    /// The directive's canonical symbol (`Kế hoạch số 223` when it has none).
    pub directive: String,
    /// The task's code.
    pub task: String,
    pub task_title: String,
    pub due_on: NaiveDate,
    pub days_overdue: i64,
}

/// The overdue report as of one day.
#[derive(Debug, Clone, Serialize)]
pub struct OverdueReport {
    pub as_of: NaiveDate,
    pub rows: Vec<OverdueRow>,
}

impl Tabular for OverdueReport {
    type Row = OverdueRow;
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
        "days_overdue",
    ];

    fn rows(&self) -> &[OverdueRow] {
        &self.rows
    }

    fn headers(&self) -> Vec<String> {
        [
            i18n::H_PARENT,
            i18n::H_UNIT,
            i18n::H_KIND,
            i18n::H_DIRECTIVE,
            i18n::H_TASK,
            i18n::H_DUE,
            i18n::H_DAYS_OVERDUE,
        ]
        .iter()
        .map(|h| h.get().to_string())
        .collect()
    }

    fn cells(&self, row: &OverdueRow) -> Vec<String> {
        vec![
            row.parent.clone().unwrap_or_default(),
            row.unit.clone(),
            row.unit_kind.to_string(),
            row.directive.clone(),
            row.task.clone(),
            format_dmy(row.due_on),
            row.days_overdue.to_string(),
        ]
    }

    fn title(&self) -> Option<String> {
        Some(tr!(
            i18n::OVERDUE_TITLE,
            date = format_dmy(self.as_of),
            n = self.rows.len()
        ))
    }

    fn empty_message(&self) -> String {
        tr!(i18n::OVERDUE_NONE, date = format_dmy(self.as_of))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::json_keys;

    #[test]
    fn fields_match_serialized_row() {
        let row = OverdueRow {
            unit_code: "cb".into(),
            unit: "Chi bộ".into(),
            unit_kind: UnitKind::ChiBoCoSo,
            parent: None,
            parent_code: None,
            directive: "223-KH/TU".into(),
            task: "t".into(),
            task_title: "Kiểm điểm".into(),
            due_on: NaiveDate::from_ymd_opt(2023, 12, 6).unwrap(),
            days_overdue: 1,
        };
        let mut fields: Vec<&str> = OverdueReport::FIELDS.to_vec();
        fields.sort();
        assert_eq!(json_keys(&row), fields);
    }
}
