//! Files of rows that clerks fill in a spreadsheet (units, completions):
//! read with their line numbers, every bad line collected, one error for all.

use anyhow::{Context as _, Result, bail};
use serde::de::DeserializeOwned;

use super::{Context, write_checked};
use crate::domain::error::RowProblem;
use crate::i18n::{self, tr};
use crate::store::{Db, Storage};

/// The rows of a CSV file, with the number of the line each starts on, and
/// the lines that could not be read, with why.
pub struct Rows<T> {
    pub rows: Vec<(u64, T)>,
    pub errors: LineErrors,
}

/// Reasons, by line number, that a file is refused.
#[derive(Debug, Default)]
pub struct LineErrors(Vec<(u64, String)>);

impl LineErrors {
    pub fn push(&mut self, line: u64, reason: impl Into<String>) {
        self.0.push((line, reason.into()));
    }

    /// The reasons, as problems of rows for a use case to add to.
    pub fn into_problems(self) -> Vec<(u64, RowProblem)> {
        self.0
            .into_iter()
            .map(|(line, reason)| (line, RowProblem::Said(reason)))
            .collect()
    }

    /// Fails, naming every bad line, when there is one.
    pub fn check(self, source: &str) -> Result<()> {
        if self.0.is_empty() {
            return Ok(());
        }
        bail!(i18n::bad_rows(source, self.0))
    }
}

/// Reads `bytes` (UTF-8, with or without a byte-order mark) as CSV whose
/// first line names the columns; `required` must all be there. Columns are
/// separated by commas, or by semicolons when the first line has only those
/// (Excel's CSV where the decimal separator is a comma, as in Vietnam).
pub fn read<T: DeserializeOwned>(
    bytes: &[u8],
    source: &str,
    required: &[&str],
    all: &[&str],
) -> Result<Rows<T>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.contains(&b';') && !first_line.contains(&b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .with_context(|| tr!(i18n::IMPORT_READ, path = source))?
        .clone();
    if let Some(column) = required.iter().find(|c| !headers.iter().any(|h| h == **c)) {
        bail!(tr!(
            i18n::IMPORT_COLUMNS,
            path = source,
            column = column,
            columns = all.join(",")
        ));
    }
    let mut rows = Vec::new();
    let mut errors = LineErrors::default();
    for result in reader.records() {
        let record = match result {
            Ok(record) => record,
            Err(e) => {
                errors.push(e.position().map_or(0, |p| p.line()), csv_reason(&e));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        match record.deserialize(Some(&headers)) {
            Ok(row) => rows.push((line, row)),
            Err(e) => errors.push(line, csv_reason(&e)),
        }
    }
    Ok(Rows { rows, errors })
}

/// Why the CSV reader refused a line, in the clerk's words where it says a
/// common mistake.
fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => tr!(i18n::CSV_FIELDS, found = len, expected = expected_len),
        csv::ErrorKind::Utf8 { .. } => i18n::CSV_UTF8.get().to_string(),
        csv::ErrorKind::Deserialize { err, .. } => match err.kind() {
            csv::DeserializeErrorKind::InvalidUtf8(_) => i18n::CSV_UTF8.get().to_string(),
            _ => e.to_string(),
        },
        _ => e.to_string(),
    }
}

/// Reads `file` and imports it with `import` as one change `action` (with
/// `dry_run`, checked and rolled back). Returns what to tell the clerk: `said`
/// is (what a dry run would write, what was written), each with `path` and `n`.
pub fn import_file(
    store: &mut dyn Storage,
    ctx: &Context,
    action: &str,
    file: &std::path::Path,
    dry_run: bool,
    said: (i18n::Text, i18n::Text),
    import: impl FnOnce(&dyn Db, &[u8], &str) -> Result<usize>,
) -> Result<String> {
    let path = file.display().to_string();
    let bytes = std::fs::read(file).with_context(|| tr!(i18n::IMPORT_READ, path = path))?;
    let n = write_checked(store, ctx, action, dry_run, |db| {
        let n = import(db, &bytes, &path)?;
        db.note(serde_json::json!({ "file": path, "n": n }), None, None)?;
        Ok(n)
    })?;
    let text = if dry_run { said.0 } else { said.1 };
    Ok(tr!(text, path = path, n = n))
}

/// A cell that may be left empty: `None` when it is (spaces count as empty),
/// else what `parse` makes of it.
pub fn optional<T>(
    cell: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<Option<T>, String> {
    match cell.trim() {
        "" => Ok(None),
        text => parse(text).map(Some),
    }
}
