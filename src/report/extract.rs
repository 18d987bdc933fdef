//! What `extract` found, as two tables.

use super::{Cell, Report};
use crate::extract::{FoundDeadline, FoundDirective};
use crate::i18n;

/// The directives found.
#[derive(Debug, Clone, Copy)]
pub struct FoundDirectives;

/// The deadlines found.
#[derive(Debug, Clone, Copy)]
pub struct FoundDeadlines;

impl Report for FoundDirectives {
    type Row = FoundDirective;
    const FIELDS: &'static [&'static str] = &[
        "type",
        "number",
        "symbol",
        "issuer",
        "issued_on",
        "subject",
        "line",
        "source_text",
        "unsure",
    ];

    fn headers(&self) -> Vec<String> {
        super::headers(&[
            i18n::H_SYMBOL,
            i18n::H_TYPE,
            i18n::H_ISSUER,
            i18n::H_ISSUED_ON,
            i18n::H_TITLE,
            i18n::H_LINE,
        ])
    }

    fn cells(&self, d: &FoundDirective) -> Vec<Cell> {
        vec![
            {
                let label = d
                    .symbol
                    .clone()
                    .unwrap_or_else(|| i18n::number_only_label(d.doc_type, &d.number));
                if d.unsure {
                    format!("{label} ({})", i18n::EXTRACT_UNSURE_MARK.get()).into()
                } else {
                    label.into()
                }
            },
            d.doc_type.to_string().into(),
            d.issuer.clone().unwrap_or_default().into(),
            Cell::maybe_date(d.issued_on),
            d.subject.clone().unwrap_or_default().into(),
            line(d.line),
        ]
    }

    fn heading(&self, rows: Option<usize>) -> Option<String> {
        Some(match rows {
            Some(n) => format!("{}: {n}", i18n::EXTRACT_DIRECTIVES.get()),
            None => i18n::EXTRACT_DIRECTIVES.get().to_string(),
        })
    }

    fn empty_message(&self) -> String {
        i18n::EXTRACT_NO_DIRECTIVES.get().to_string()
    }
}

impl Report for FoundDeadlines {
    type Row = FoundDeadline;
    const FIELDS: &'static [&'static str] = &[
        "applies_to",
        "unit_kind",
        "due",
        "what",
        "line",
        "source_text",
    ];

    fn headers(&self) -> Vec<String> {
        super::headers(&[i18n::H_UNIT, i18n::H_DUE, i18n::H_TASK, i18n::H_LINE])
    }

    fn cells(&self, d: &FoundDeadline) -> Vec<Cell> {
        let due = match crate::text::date::parse_date(&d.due) {
            Ok(day) => Cell::date(day),
            Err(_) => d.due.as_str().into(),
        };
        vec![
            d.unit_kind
                .map_or_else(|| d.applies_to.clone(), |k| k.to_string())
                .into(),
            due,
            d.what.as_str().into(),
            line(d.line),
        ]
    }

    fn heading(&self, rows: Option<usize>) -> Option<String> {
        Some(match rows {
            Some(n) => format!("{}: {n}", i18n::EXTRACT_DEADLINES.get()),
            None => i18n::EXTRACT_DEADLINES.get().to_string(),
        })
    }

    fn empty_message(&self) -> String {
        i18n::EXTRACT_NO_DEADLINES.get().to_string()
    }
}

/// A line number, as a number.
fn line(n: usize) -> Cell {
    Cell::int(i64::try_from(n).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check_fields;

    #[test]
    fn fields_match_serialized_rows() {
        let found = crate::extract::extract(
            "Kế hoạch số 188-KH/TU ngày 6/11/2023 của Ban Thường vụ Thành ủy Hà Nội. Các chi bộ cơ sở xong trước ngày 06/12/2023.",
        );
        check_fields(&found.directives[0], FoundDirectives::FIELDS);
        check_fields(&found.deadlines[0], FoundDeadlines::FIELDS);
    }
}
