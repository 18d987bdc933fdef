//! Dates stored in a file that are no dates (a file edited by hand, by
//! another program): found by a scan of every date column, only when a
//! read has failed on a value or before an export, and said with the
//! table, the column, the row and what the row is of.

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::error::Error;

/// Every date column of the record (`YYYY-MM-DD` text), with a query of
/// what a row is of, by its id (`?1`), in names a clerk knows.
const DATE_COLUMNS: &[(&str, &str, &str)] = &[
    ("directive", "issued_on", DIRECTIVE),
    ("directive", "revoked_on", DIRECTIVE),
    ("unit", "founded_on", UNIT),
    ("unit", "since_on", UNIT),
    ("unit", "dissolved_on", UNIT),
    ("unit_past", "from_on", UNIT_PAST),
    ("unit_past", "until_on", UNIT_PAST),
    ("person", "from_on", PERSON),
    ("person", "to_on", PERSON),
    ("task_due", "due_on", TASK_DUE),
    ("obligation", "due_on", OBLIGATION),
    ("obligation", "completed_on", OBLIGATION),
    ("obligation", "original_due_on", OBLIGATION),
    ("obligation", "cancelled_on", OBLIGATION),
    ("obligation", "opened_on", OBLIGATION),
];

/// Every moment column (RFC 3339 text, as `import` takes it), with the
/// query of what a row is of.
const MOMENT_COLUMNS: &[(&str, &str, &str)] = &[
    ("directive", "created_at", DIRECTIVE),
    ("unit", "created_at", UNIT),
    ("person", "created_at", PERSON),
    ("task", "created_at", TASK),
    ("obligation", "recorded_at", OBLIGATION),
    ("change", "at", CHANGE),
];

/// The first day `import` takes (`app::portable::FIRST_DAY`).
const FIRST_DAY: &str = "1930-01-01";

const DIRECTIVE: &str = "SELECT symbol FROM directive WHERE rowid = ?1";
const UNIT: &str = "SELECT name FROM unit WHERE rowid = ?1";
const UNIT_PAST: &str = "SELECT u.name FROM unit_past p \
     JOIN unit u ON u.id = p.unit_id WHERE p.rowid = ?1";
const PERSON: &str = "SELECT name FROM person WHERE rowid = ?1";
const TASK_DUE: &str =
    "SELECT t.code FROM task_due d JOIN task t ON t.id = d.task_id WHERE d.rowid = ?1";
const TASK: &str = "SELECT code FROM task WHERE rowid = ?1";
const CHANGE: &str = "SELECT '#' || id || ' ' || action FROM change WHERE rowid = ?1";
const OBLIGATION: &str = "SELECT coalesce(u.name, p.name, '') \
     || ', ' || t.code FROM obligation o JOIN task t ON t.id = o.task_id \
     LEFT JOIN unit u ON u.id = o.unit_id LEFT JOIN person p ON p.id = o.person_id \
     WHERE o.rowid = ?1";

/// The first stored date or moment that `import` would refuse, as
/// `Error::BadStoredDate`: a date that is not `YYYY-MM-DD`, a day no
/// calendar has (`2025-13-45`, `2023-02-30`) or one before 1930; a moment
/// that is not RFC 3339; or a value that is not text at all.
pub(super) fn first_bad(conn: &Connection) -> rusqlite::Result<Option<Error>> {
    for (table, column, of) in DATE_COLUMNS {
        let found: Option<(i64, String)> = conn
            .query_row(
                &format!(
                    "SELECT rowid, CAST({column} AS TEXT) FROM {table} \
                     WHERE {column} IS NOT NULL AND (typeof({column}) <> 'text' \
                     OR {column} NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' \
                     OR date({column}) IS NOT {column} OR {column} < '{FIRST_DAY}') LIMIT 1"
                ),
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    ))
                },
            )
            .optional()?;
        if let Some((row, value)) = found {
            return Ok(Some(bad(conn, table, column, of, row, value, false)));
        }
    }
    for (table, column, of) in MOMENT_COLUMNS {
        // Each value as `import` reads it: the rows are read in full, as
        // the export that follows reads them.
        let mut statement = conn.prepare(&format!(
            "SELECT rowid, typeof({column}) = 'text', CAST({column} AS TEXT) \
             FROM {table} WHERE {column} IS NOT NULL"
        ))?;
        let mut rows = statement.query([])?;
        while let Some(r) = rows.next()? {
            let text: bool = r.get(1)?;
            let value = r.get::<_, Option<String>>(2)?.unwrap_or_default();
            if !text || chrono::DateTime::parse_from_rfc3339(&value).is_err() {
                let row = r.get(0)?;
                return Ok(Some(bad(conn, table, column, of, row, value, true)));
            }
        }
    }
    Ok(None)
}

/// The value at `row` of `table.column` as `Error::BadStoredDate`, with what
/// the row is of (asked of `of`: a help, never a reason to fail).
fn bad(
    conn: &Connection,
    table: &'static str,
    column: &'static str,
    of: &str,
    row: i64,
    value: String,
    moment: bool,
) -> Error {
    let of = conn
        .query_row(of, params![row], |r| r.get::<_, Option<String>>(0))
        .optional()
        .ok()
        .flatten()
        .flatten()
        .filter(|s| !s.is_empty());
    Error::BadStoredDate {
        table,
        column,
        row,
        of,
        value,
        moment,
    }
}

/// Whether `e` is a value the engine could not turn into ours: a stored
/// date (or kind, or number) that is not what the column holds.
pub(super) fn is_unreadable(e: &Error) -> bool {
    let Error::Storage(source) = e else {
        return false;
    };
    matches!(
        source.downcast_ref::<rusqlite::Error>(),
        Some(
            rusqlite::Error::FromSqlConversionFailure(..)
                | rusqlite::Error::InvalidColumnType(..)
                | rusqlite::Error::IntegralValueOutOfRange(..)
        )
    )
}
