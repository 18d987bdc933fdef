//! The change log as a report.

use serde::Serialize;

use super::{Cell, Report, Value};
use crate::i18n::{self, tr};

/// One change, as `theodoi log` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct LogRow {
    pub id: i64,
    /// When, RFC 3339 in UTC.
    pub at: String,
    /// Who recorded it; `null` (empty in CSV) when nobody was named.
    #[serde(serialize_with = "actor_value")]
    pub actor: String,
    pub action: String,
    /// The log line, in the language in force: tables and Markdown only
    /// (JSON and CSV carry `action` and `details`, the same in any language).
    #[serde(skip)]
    pub summary: String,
    /// The names and dates the summary shows, as JSON text.
    pub details: String,
    pub undoes: Option<i64>,
    pub undone_by: Option<i64>,
    /// On a server, the login of the office that made the change (`null`
    /// for the committee's own clerk, and on an SQLite file).
    pub login: Option<String>,
}

impl LogRow {
    /// The row of one change: `details` as the log stored them.
    pub fn new(
        id: i64,
        at: String,
        actor: String,
        action: String,
        details: &serde_json::Value,
        undoes: Option<i64>,
        undone_by: Option<i64>,
    ) -> LogRow {
        LogRow {
            summary: i18n::change_summary(&action, details),
            id,
            at,
            actor,
            action,
            details: details.to_string(),
            undoes,
            undone_by,
            login: None,
        }
    }
}

/// The change log, newest first.
#[derive(Debug, Clone, Copy)]
pub struct LogReport;

impl Report for LogReport {
    type Row = LogRow;
    const FIELDS: &'static [&'static str] = &[
        "id",
        "at",
        "actor",
        "action",
        "details",
        "undoes",
        "undone_by",
        "login",
    ];

    fn headers(&self) -> Vec<String> {
        super::headers(&[i18n::H_NO, i18n::H_AT, i18n::H_ACTOR, i18n::H_CHANGE])
    }

    fn cells(&self, row: &LogRow) -> Vec<Cell> {
        // A cell that starts a line starts with a capital, as a clerk
        // writes it.
        let mut summary = i18n::capitalized(&row.summary);
        if let Some(by) = row.undone_by {
            summary.push(' ');
            summary.push_str(&tr!(i18n::UNDONE_BY, id = by));
        }
        let at = Cell::from(vietnam_time(&row.at));
        vec![
            Cell::from(format!("#{}", row.id)).with(Value::Int(row.id)),
            match vietnam_datetime(&row.at) {
                Some(t) => at.with(Value::DateTime(t)),
                None => at,
            },
            match &row.login {
                Some(login) => tr!(
                    i18n::LOG_LOGIN,
                    actor = i18n::actor_name(&row.actor),
                    login = login
                )
                .into(),
                None => i18n::actor_name(&row.actor).into(),
            },
            summary.into(),
        ]
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        Some(i18n::LOG_HEADING.get().to_string())
    }

    fn empty_message(&self) -> String {
        i18n::LOG_EMPTY.get().to_string()
    }
}

/// `dd/mm/yyyy HH:MM` in Vietnam (UTC+7) for an RFC 3339 time.
fn vietnam_time(at: &str) -> String {
    match vietnam_datetime(at) {
        Some(t) => t.format("%d/%m/%Y %H:%M").to_string(),
        None => at.to_string(),
    }
}

/// An RFC 3339 time in Vietnam (UTC+7), to the minute.
fn vietnam_datetime(at: &str) -> Option<chrono::NaiveDateTime> {
    let vietnam = chrono::FixedOffset::east_opt(7 * 3600)?;
    let t = chrono::DateTime::parse_from_rfc3339(at).ok()?;
    let local = t.with_timezone(&vietnam).naive_local();
    chrono::Timelike::with_second(&local, 0)
}

/// An actor as JSON and CSV carry it: `null` for the `?` of a change whose
/// clerk no name was given for.
fn actor_value<S: serde::Serializer>(actor: &str, s: S) -> Result<S::Ok, S::Error> {
    match actor {
        "?" => s.serialize_none(),
        name => s.serialize_str(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::check_fields;

    #[test]
    fn fields_match_serialized_row() {
        let row = LogRow {
            id: 1,
            at: "2023-12-05T01:00:00Z".into(),
            actor: "a".into(),
            action: "done".into(),
            summary: String::new(),
            details: "{}".into(),
            undoes: None,
            undone_by: None,
            login: Some("xa_a".into()),
        };
        check_fields(&row, LogReport::FIELDS);
        assert_eq!(vietnam_time("2023-12-05T18:30:00Z"), "06/12/2023 01:30");
    }
}
