//! What `extract` found, as two tables.

use super::{Cell, Report};
use crate::extract::{FoundDeadline, FoundDirective, Unsure};
use crate::i18n::{self, tr};

/// The directives found.
#[derive(Debug, Clone, Copy)]
pub struct FoundDirectives;

/// The deadlines found, with the directives they belong to.
#[derive(Debug, Clone, Copy)]
pub struct FoundDeadlines<'a>(pub &'a [FoundDirective]);

/// The fields a row is unsure of, in the interface language.
pub fn unsure_names(unsure: &[Unsure]) -> String {
    unsure
        .iter()
        .map(|u| i18n::unsure_name(*u).get())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A list as one CSV cell.
fn joined(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().collect::<Vec<_>>().join("; ")
}

/// The slug of an unsure field, for CSV.
fn unsure_slugs(unsure: &[Unsure]) -> String {
    joined(unsure.iter().map(|u| {
        serde_json::to_value(u)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }))
}

/// Why a deadline has no date, as JSON writes it.
fn due_problem_slug(p: crate::extract::DueProblem) -> String {
    serde_json::to_value(p)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// How a found directive is named to a person.
pub fn directive_label(d: &FoundDirective) -> String {
    d.symbol.clone().unwrap_or_else(|| {
        // A State body's document: its symbol as written
        // (`Kế hoạch số 21/KH-UBND`).
        i18n::number_only_label(d.doc_type, d.state_symbol.as_deref().unwrap_or(&d.number))
    })
}

impl Report for FoundDirectives {
    type Row = FoundDirective;
    const FIELDS: &'static [&'static str] = &[
        "type",
        "number",
        "symbol",
        "issuer",
        "issuer_hint",
        "issued_on",
        "subject",
        "line",
        "source_text",
        "unsure",
        "secrecy",
        "urgency",
        "state_symbol",
    ];

    fn headers(&self) -> Vec<String> {
        super::headers(&[
            i18n::H_SYMBOL,
            i18n::H_TYPE,
            i18n::H_ISSUER,
            i18n::H_ISSUED_ON,
            i18n::H_MARKS,
            i18n::H_TITLE,
            i18n::H_LINE,
        ])
    }

    fn cells(&self, d: &FoundDirective) -> Vec<Cell> {
        let label = directive_label(d);
        let label = if d.unsure.is_empty() {
            label
        } else {
            tr!(
                i18n::EXTRACT_UNSURE_MARK,
                directive = label,
                fields = unsure_names(&d.unsure)
            )
        };
        let issuer = match (&d.issuer, &d.issuer_hint) {
            (Some(issuer), _) => issuer.clone(),
            (None, Some(hint)) => tr!(i18n::EXTRACT_HINT_MARK, hint = hint),
            (None, None) => String::new(),
        };
        vec![
            label.into(),
            d.doc_type.to_string().into(),
            issuer.into(),
            Cell::maybe_date(d.issued_on),
            i18n::marks_text(d.secrecy, d.urgency).into(),
            d.subject.clone().unwrap_or_default().into(),
            line(d.line),
        ]
    }

    fn csv_record(&self, d: &FoundDirective) -> Option<Vec<String>> {
        Some(vec![
            d.doc_type.slug().to_string(),
            d.number.clone(),
            d.symbol.clone().unwrap_or_default(),
            d.issuer.clone().unwrap_or_default(),
            d.issuer_hint.clone().unwrap_or_default(),
            d.issued_on.map(|x| x.to_string()).unwrap_or_default(),
            d.subject.clone().unwrap_or_default(),
            d.line.to_string(),
            d.source_text.clone(),
            unsure_slugs(&d.unsure),
            d.secrecy.map(|m| m.slug().to_string()).unwrap_or_default(),
            d.urgency.map(|m| m.slug().to_string()).unwrap_or_default(),
            d.state_symbol.clone().unwrap_or_default(),
        ])
    }

    fn heading(&self, rows: Option<usize>) -> Option<String> {
        Some(match rows {
            Some(n) => tr!(i18n::EXTRACT_DIRECTIVES_COUNTED, n = n),
            None => i18n::EXTRACT_DIRECTIVES.get().to_string(),
        })
    }

    fn empty_message(&self) -> String {
        i18n::EXTRACT_NO_DIRECTIVES.get().to_string()
    }
}

impl Report for FoundDeadlines<'_> {
    type Row = FoundDeadline;
    const FIELDS: &'static [&'static str] = &[
        "applies_to",
        "unit_kinds",
        "units",
        "due",
        "what",
        "directive",
        "line",
        "source_text",
        "unsure",
        "due_written",
        "due_problem",
    ];

    fn headers(&self) -> Vec<String> {
        super::headers(&[
            i18n::H_TARGET,
            i18n::H_DUE,
            i18n::H_TASK,
            i18n::H_DIRECTIVE,
            i18n::H_LINE,
        ])
    }

    fn cells(&self, d: &FoundDeadline) -> Vec<Cell> {
        let due = match (d.due.as_deref(), d.due_problem) {
            (Some(due), _) => match crate::text::date::parse_date(due) {
                Ok(day) => Cell::date(day),
                Err(_) => month_or_year(due).into(),
            },
            (None, Some(crate::extract::DueProblem::NoYear)) => {
                tr!(i18n::EXTRACT_NO_YEAR_MARK, written = d.due_written).into()
            }
            (None, _) => tr!(i18n::EXTRACT_NO_SUCH_DAY_MARK, written = d.due_written).into(),
        };
        let who: Vec<String> = d
            .unit_kinds
            .iter()
            .map(|k| k.to_string())
            .chain(d.units.iter().cloned())
            .collect();
        let who = if who.is_empty() {
            match &d.applies_to {
                Some(who) => tr!(i18n::EXTRACT_NO_KIND_MARK, who = who),
                None => i18n::EXTRACT_NO_KIND.get().to_string(),
            }
        } else {
            who.join(", ")
        };
        let directive = d
            .directive
            .and_then(|i| self.0.get(i))
            .map(directive_label)
            .unwrap_or_default();
        vec![
            who.into(),
            due,
            d.what.as_str().into(),
            directive.into(),
            line(d.line),
        ]
    }

    fn csv_record(&self, d: &FoundDeadline) -> Option<Vec<String>> {
        Some(vec![
            d.applies_to.clone().unwrap_or_default(),
            joined(d.unit_kinds.iter().map(|k| k.slug().to_string())),
            joined(d.units.iter().cloned()),
            d.due.clone().unwrap_or_default(),
            d.what.clone(),
            d.directive.map(|i| i.to_string()).unwrap_or_default(),
            d.line.to_string(),
            d.source_text.clone(),
            unsure_slugs(&d.unsure),
            d.due_written.clone(),
            d.due_problem.map(due_problem_slug).unwrap_or_default(),
        ])
    }

    fn heading(&self, rows: Option<usize>) -> Option<String> {
        Some(match rows {
            Some(n) => tr!(i18n::EXTRACT_DEADLINES_COUNTED, n = n),
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

/// A deadline that names only a month (`2023-12`) or a year, as a clerk
/// writes it: `tháng 12/2023`, `năm 2023`; anything else as found.
fn month_or_year(due: &str) -> String {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match due.split_once('-') {
        Some((year, month)) if year.len() == 4 && digits(year) && digits(month) => tr!(
            i18n::DUE_MONTH,
            month = month.trim_start_matches('0'),
            year = year
        ),
        None if due.len() == 4 && digits(due) => tr!(i18n::DUE_YEAR, year = due),
        _ => due.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// JSON keys are the fields; a CSV record has one cell per field.
    fn check<R: Report>(report: &R, row: &R::Row) {
        let json = serde_json::to_value(row).expect("JSON");
        let mut keys: Vec<&str> = json
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut fields = R::FIELDS.to_vec();
        keys.sort_unstable();
        fields.sort_unstable();
        assert_eq!(keys, fields);
        let record = report.csv_record(row).expect("a record");
        assert_eq!(record.len(), R::FIELDS.len());
    }

    #[test]
    fn fields_match_serialized_rows() {
        let found = crate::extract::extract(
            "Kế hoạch số 188-KH/TU ngày 6/11/2023 của Ban Thường vụ Thành ủy Hà Nội. Các chi bộ cơ sở, đảng bộ cơ sở xong trước ngày 06/12/2023.",
        );
        check(&FoundDirectives, &found.directives[0]);
        check(&FoundDeadlines(&found.directives), &found.deadlines[0]);
        let record = FoundDeadlines(&found.directives)
            .csv_record(&found.deadlines[0])
            .expect("a record");
        assert_eq!(record[1], "chi-bo-co-so; dang-bo-co-so");
        assert_eq!(record[5], "0");
        let json = serde_json::to_value(&found.deadlines[0]).expect("JSON");
        assert_eq!(
            json["unit_kinds"],
            serde_json::json!(["chi-bo-co-so", "dang-bo-co-so"])
        );
    }
}
