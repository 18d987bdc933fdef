//! The unit tree as a list.

use serde::Serialize;

use super::{Cell, Report};
use crate::domain::UnitKind;
use crate::i18n::{self, tr};

/// One unit in tree order.
#[derive(Debug, Clone, Serialize)]
pub struct UnitListRow {
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    /// The parent's code, or null at the root.
    pub parent: Option<String>,
    /// The last day of a dissolved or merged unit; null while it exists.
    pub dissolved_on: Option<chrono::NaiveDate>,
    /// The code of the unit a merged one went into; null otherwise.
    pub merged_into: Option<String>,
    #[serde(skip)]
    pub merged_into_name: Option<String>,
    #[serde(skip)]
    pub depth: usize,
}

/// Units in tree order: each followed by its subtree.
#[derive(Debug, Clone, Copy)]
pub struct UnitList;

impl Report for UnitList {
    type Row = UnitListRow;
    const FIELDS: &'static [&'static str] = &[
        "code",
        "name",
        "kind",
        "parent",
        "dissolved_on",
        "merged_into",
    ];

    fn headers(&self) -> Vec<String> {
        super::headers(&[i18n::H_UNIT, i18n::H_CODE, i18n::H_KIND])
    }

    fn cells(&self, u: &UnitListRow) -> Vec<Cell> {
        vec![
            match (u.dissolved_on, &u.merged_into_name) {
                (Some(day), Some(into)) => format!(
                    "{}{} ({})",
                    "  ".repeat(u.depth),
                    u.name,
                    tr!(
                        i18n::MERGED_MARK,
                        unit = into,
                        date = crate::text::date::format_dmy(day)
                    )
                ),
                (Some(day), None) => format!(
                    "{}{} ({})",
                    "  ".repeat(u.depth),
                    u.name,
                    tr!(
                        i18n::DISSOLVED_MARK,
                        date = crate::text::date::format_dmy(day)
                    )
                ),
                (None, _) => format!("{}{}", "  ".repeat(u.depth), u.name),
            },
            u.code.clone(),
            u.kind.to_string(),
        ]
        .into_iter()
        .map(Cell::from)
        .collect()
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        None
    }

    fn empty_message(&self) -> String {
        i18n::UNIT_LIST_EMPTY.get().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check_fields;

    #[test]
    fn fields_match_serialized_row() {
        let row = UnitListRow {
            code: "c".into(),
            name: "n".into(),
            kind: UnitKind::ChiBoCoSo,
            parent: None,
            dissolved_on: None,
            merged_into: None,
            merged_into_name: None,
            depth: 0,
        };
        check_fields(&row, UnitList::FIELDS);
    }
}
