//! The list of directives and of tasks.

use serde::Serialize;

use super::{Cell, Report, Value};
use crate::domain::Secrecy;
use crate::domain::directive::Directive;
use crate::i18n::{self, tr};

/// Directives, oldest first.
#[derive(Debug, Clone)]
/// A list; `search`, the words it was searched by, if any (an empty list
/// then says that nothing matched them, not that nothing is recorded).
pub struct DirectiveList {
    pub search: Option<String>,
}

impl Report for DirectiveList {
    type Row = Directive;
    const FIELDS: &'static [&'static str] = &[
        "symbol",
        "type",
        "number",
        "issuer",
        "issued_on",
        "title",
        "symbol_as_written",
        "secrecy",
        "urgency",
    ];

    fn headers(&self) -> Vec<String> {
        super::headers(&[
            i18n::H_SYMBOL,
            i18n::H_TYPE,
            i18n::H_ISSUER,
            i18n::H_ISSUED_ON,
            i18n::H_MARKS,
            i18n::H_TITLE,
        ])
    }

    fn cells(&self, d: &Directive) -> Vec<Cell> {
        let issued = Cell::from(i18n::capitalized(&i18n::issue_date(d.issued_on)));
        vec![
            crate::i18n::label(d).into(),
            d.doc_type.to_string().into(),
            d.issuer.as_str().into(),
            match d.issued_on {
                Some(day) => issued.with(Value::Date(day)),
                None => issued,
            },
            i18n::marks_text(d.secrecy, d.urgency).into(),
            d.title.as_str().into(),
        ]
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        None
    }

    fn sheet_title(&self) -> Option<String> {
        Some(i18n::TITLE_DIRECTIVES.get().to_string())
    }

    fn empty_message(&self) -> String {
        match &self.search {
            Some(words) => tr!(i18n::DIRECTIVE_LIST_NONE_FOUND, search = words),
            None => i18n::DIRECTIVE_LIST_EMPTY.get().to_string(),
        }
    }
}

/// One task in a list.
#[derive(Debug, Clone, Serialize)]
pub struct TaskRow {
    pub code: String,
    /// The directive's canonical symbol (or `Kế hoạch số 223`).
    pub directive: String,
    pub title: String,
    /// Due dates per unit kind, as `--due` takes them: `chi-bo-co-so=2023-12-06 …`.
    pub due: String,
    /// How many units must carry it out.
    pub units: usize,
    #[serde(skip)]
    pub due_text: String,
    /// The directive's classification, when it carries one.
    pub secrecy: Option<Secrecy>,
    /// A task for people: `units` counts leaders, not units.
    #[serde(skip)]
    pub for_people: bool,
}

/// Tasks, in the order they were added.
#[derive(Debug, Clone)]
/// A list; `search`, the words it was searched by, if any (an empty list
/// then says that nothing matched them, not that nothing is recorded).
pub struct TaskList {
    pub search: Option<String>,
}

impl Report for TaskList {
    type Row = TaskRow;
    const FIELDS: &'static [&'static str] =
        &["code", "directive", "title", "due", "units", "secrecy"];

    fn headers(&self) -> Vec<String> {
        super::headers(&[
            i18n::H_CODE,
            i18n::H_DIRECTIVE,
            i18n::H_TASK,
            i18n::H_DUE,
            i18n::H_UNITS,
        ])
    }

    fn cells(&self, t: &TaskRow) -> Vec<Cell> {
        vec![
            t.code.as_str().into(),
            i18n::marked_citation(&t.directive, t.secrecy).into(),
            t.title.as_str().into(),
            t.due_text.as_str().into(),
            {
                let n = i64::try_from(t.units).unwrap_or(i64::MAX);
                if t.for_people {
                    Cell::from(tr!(i18n::COUNT_PEOPLE, n = n)).with(Value::Int(n))
                } else {
                    Cell::int(n)
                }
            },
        ]
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        None
    }

    fn sheet_title(&self) -> Option<String> {
        Some(i18n::TITLE_TASKS.get().to_string())
    }

    fn empty_message(&self) -> String {
        match &self.search {
            Some(words) => tr!(i18n::TASK_LIST_NONE_FOUND, search = words),
            None => i18n::TASK_LIST_EMPTY.get().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DocType;
    use crate::report::check_fields;

    #[test]
    fn fields_match_serialized_rows() {
        let d = Directive {
            id: 1,
            symbol: None,
            doc_type: DocType::KeHoach,
            number: "223".into(),
            issuer: "BTV".into(),
            issued_on: chrono::NaiveDate::from_ymd_opt(2023, 11, 23),
            title: "x".into(),
            symbol_as_written: None,
            secrecy: Some(crate::domain::Secrecy::Mat),
            urgency: None,
        };
        check_fields(&d, DirectiveList::FIELDS);
        let t = TaskRow {
            code: "c".into(),
            directive: "d".into(),
            title: "t".into(),
            due: String::new(),
            units: 0,
            due_text: String::new(),
            secrecy: Some(Secrecy::Mat),
            for_people: false,
        };
        check_fields(&t, TaskList::FIELDS);
    }
}
