//! The register of people as a list.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Cell, Report};
use crate::i18n::{self, tr};

/// One person, as `person list` shows them.
#[derive(Debug, Clone, Serialize)]
pub struct PersonListRow {
    pub code: String,
    pub name: String,
    pub position: String,
    /// The unit's code.
    pub unit: String,
    pub from_on: Option<NaiveDate>,
    /// The last day in post; null while in post.
    pub to_on: Option<NaiveDate>,
    #[serde(skip)]
    pub unit_name: String,
}

/// People, by unit then name.
#[derive(Debug, Clone)]
/// A list; `search`, the words it was searched by, if any (an empty list
/// then says that nothing matched them, not that nothing is recorded).
pub struct PersonList {
    pub search: Option<String>,
}

impl Report for PersonList {
    type Row = PersonListRow;
    const FIELDS: &'static [&'static str] =
        &["code", "name", "position", "unit", "from_on", "to_on"];

    fn headers(&self) -> Vec<String> {
        super::headers(&[
            i18n::H_PERSON,
            i18n::H_CODE,
            i18n::H_POSITION,
            i18n::H_UNIT,
            i18n::H_FROM,
            i18n::H_TO,
        ])
    }

    fn cells(&self, p: &PersonListRow) -> Vec<Cell> {
        vec![
            p.name.as_str().into(),
            p.code.as_str().into(),
            p.position.as_str().into(),
            p.unit_name.as_str().into(),
            Cell::maybe_date(p.from_on),
            Cell::maybe_date(p.to_on),
        ]
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        None
    }

    fn sheet_title(&self) -> Option<String> {
        Some(i18n::TITLE_PEOPLE.get().to_string())
    }

    fn empty_message(&self) -> String {
        match &self.search {
            Some(words) => tr!(i18n::PERSON_LIST_NONE_FOUND, search = words),
            None => i18n::PERSON_LIST_EMPTY.get().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check_fields;

    #[test]
    fn fields_match_serialized_row() {
        let row = PersonListRow {
            code: "c".into(),
            name: "n".into(),
            position: "p".into(),
            unit: "u".into(),
            from_on: None,
            to_on: None,
            unit_name: String::new(),
        };
        check_fields(&row, PersonList::FIELDS);
    }
}
