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
    /// The other names it is found by (`unit edit --alias`), in the order
    /// given; CSV joins them with `; `.
    pub aliases: Vec<String>,
    #[serde(skip)]
    pub depth: usize,
}

/// How CSV joins a unit's other names in one cell.
pub const ALIAS_SEPARATOR: &str = "; ";

/// Units in tree order: each followed by its subtree.
#[derive(Debug, Clone)]
/// A list; `search`, the words it was searched by, if any (an empty list
/// then says that nothing matched them, not that nothing is recorded).
pub struct UnitList {
    pub search: Option<String>,
}

impl Report for UnitList {
    type Row = UnitListRow;
    const FIELDS: &'static [&'static str] = &[
        "code",
        "name",
        "kind",
        "parent",
        "dissolved_on",
        "merged_into",
        "aliases",
    ];

    fn headers(&self) -> Vec<String> {
        super::headers(&[i18n::H_UNIT, i18n::H_CODE, i18n::H_KIND, i18n::H_UNIT_NOTE])
    }

    fn cells(&self, u: &UnitListRow) -> Vec<Cell> {
        // Beside the name, in a column of their own (a long name that wraps
        // keeps its place in the tree): its other names, and when it ended.
        let mut marks = Vec::new();
        if !u.aliases.is_empty() {
            marks.push(tr!(i18n::ALIASES_MARK, aliases = u.aliases.join(", ")));
        }
        if let Some(day) = u.dissolved_on {
            let date = crate::text::date::format_dmy(day);
            marks.push(match &u.merged_into_name {
                Some(into) => tr!(i18n::MERGED_MARK, unit = into, date = date),
                None => tr!(i18n::DISSOLVED_MARK, date = date),
            });
        }
        let name = format!("{}{}", "\u{a0}\u{a0}".repeat(u.depth), u.name);
        vec![name, u.code.clone(), u.kind.to_string(), marks.join("; ")]
            .into_iter()
            .map(Cell::from)
            .collect()
    }

    fn csv_record(&self, u: &UnitListRow) -> Option<Vec<String>> {
        Some(vec![
            u.code.clone(),
            u.name.clone(),
            u.kind.slug().to_string(),
            u.parent.clone().unwrap_or_default(),
            u.dissolved_on.map(|d| d.to_string()).unwrap_or_default(),
            u.merged_into.clone().unwrap_or_default(),
            u.aliases.join(ALIAS_SEPARATOR),
        ])
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        None
    }

    fn sheet_title(&self) -> Option<String> {
        Some(i18n::TITLE_UNITS.get().to_string())
    }

    fn empty_message(&self) -> String {
        match &self.search {
            Some(words) => tr!(i18n::UNIT_LIST_NONE_FOUND, search = words),
            None => i18n::UNIT_LIST_EMPTY.get().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            aliases: vec!["UBKT".into(), "Kiểm tra".into()],
            depth: 0,
        };
        // JSON: the fields, the other names a list.
        let json = serde_json::to_value(&row).expect("JSON");
        let mut keys: Vec<&str> = json
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut fields = UnitList::FIELDS.to_vec();
        keys.sort_unstable();
        fields.sort_unstable();
        assert_eq!(keys, fields);
        assert_eq!(json["aliases"], serde_json::json!(["UBKT", "Kiểm tra"]));
        // CSV: one cell per field, the other names in one of them.
        let record = UnitList { search: None }
            .csv_record(&row)
            .expect("a record");
        assert_eq!(record.len(), UnitList::FIELDS.len());
        assert_eq!(record[6], "UBKT; Kiểm tra");
        // As serde writes the row without them, the same header.
        let plain = UnitListRow {
            aliases: Vec::new(),
            ..row
        };
        let mut writer = csv::Writer::from_writer(Vec::new());
        let record = UnitList { search: None }
            .csv_record(&plain)
            .expect("a record");
        writer.write_record(UnitList::FIELDS).expect("header");
        writer.write_record(&record).expect("row");
        let text = String::from_utf8(writer.into_inner().expect("CSV")).expect("UTF-8");
        assert_eq!(
            text,
            "code,name,kind,parent,dissolved_on,merged_into,aliases\nc,n,chi-bo-co-so,,,,\n"
        );
    }
}
