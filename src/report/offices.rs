//! The offices of a PostgreSQL database (`theodoi office list`).

use serde::Serialize;

use super::{Cell, Report};
use crate::i18n;

/// One office: its name, its login, the unit whose subtree it writes for
/// (none: a read-only login).
#[derive(Debug, Clone, Serialize)]
pub struct OfficeRow {
    pub name: String,
    pub login: String,
    /// The unit's code; `null` for a read-only login.
    pub unit: Option<String>,
    #[serde(skip)]
    pub unit_name: Option<String>,
    pub read_only: bool,
    /// When it was added, RFC 3339 in UTC.
    pub created_at: String,
}

/// The offices, by name.
#[derive(Debug, Clone, Copy)]
pub struct OfficeReport;

impl Report for OfficeReport {
    type Row = OfficeRow;
    const FIELDS: &'static [&'static str] = &["name", "login", "unit", "read_only", "created_at"];

    fn headers(&self) -> Vec<String> {
        super::headers(&[i18n::H_OFFICE, i18n::H_LOGIN, i18n::H_OFFICE_UNITS])
    }

    fn cells(&self, row: &OfficeRow) -> Vec<Cell> {
        let units = match (&row.unit, &row.unit_name) {
            (Some(code), Some(name)) => format!("{name} ({code})"),
            _ => i18n::OFFICE_READS_ONLY.get().to_string(),
        };
        vec![
            row.name.clone().into(),
            row.login.clone().into(),
            units.into(),
        ]
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        Some(i18n::OFFICES_HEADING.get().to_string())
    }

    fn empty_message(&self) -> String {
        i18n::OFFICE_NONE.get().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check_fields;

    #[test]
    fn fields_match_serialized_row() {
        let row = OfficeRow {
            name: "Đảng ủy phường Lê Lợi".into(),
            login: "le_loi".into(),
            unit: Some("p-le-loi".into()),
            unit_name: Some("Đảng bộ phường Lê Lợi".into()),
            read_only: false,
            created_at: "2026-12-01T00:00:00Z".into(),
        };
        check_fields(&row, OfficeReport::FIELDS);
    }
}
