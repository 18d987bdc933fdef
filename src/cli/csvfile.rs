//! Files of rows that clerks fill in a spreadsheet (units, people,
//! completions): the header line found and its columns named (in English or
//! Vietnamese, accents and case aside), every row with the line the clerk
//! sees, every bad line collected, one error for all. The file itself is
//! read by `sheet`.

use anyhow::{Result, bail};
use foldhash::HashMap;

use super::sheet::{Sheet, SheetRow};
use super::{Context, write_checked};
use crate::domain::error::RowProblem;
use crate::i18n::{self, Column, tr};
use crate::store::{Db, Storage};
use crate::text::fold;

/// How many rows from the top may come before the header line (the
/// title of the sheet, the committee's name, a blank line).
const HEADER_WITHIN: usize = 20;

/// The rows of a file, each with the line it is on, and the lines that
/// could not be read, with why.
pub struct Rows {
    pub rows: Vec<(u64, Record)>,
    pub errors: LineErrors,
}

/// One row: its cells by the column they are in.
#[derive(Debug, Clone)]
pub struct Record {
    columns: &'static [Column],
    values: Vec<String>,
}

impl Record {
    /// The cell of column `key` (empty when the file has no such column).
    pub fn get(&self, key: &str) -> &str {
        self.columns
            .iter()
            .position(|c| c.key == key)
            .and_then(|i| self.values.get(i))
            .map_or("", String::as_str)
    }

    /// The first of the cells of `keys` that is not empty (a code column
    /// and a name column of one thing: the code wins).
    pub fn first(&self, keys: &[&str]) -> &str {
        keys.iter()
            .map(|k| self.get(k))
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    }
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

/// A header as compared: folded (accents and case aside), every run of
/// what is not a letter or digit one space: `Mã đơn vị (*)` → `ma don vi`.
pub fn header_key(header: &str) -> String {
    fold(header)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The column each cell of a header line is (its index in `columns`).
struct Header {
    of_cell: Vec<Option<usize>>,
    /// Two cells of one column: the first's and the second's text, the column.
    twice: Option<(String, String, &'static str)>,
}

impl Header {
    fn read(row: &SheetRow, columns: &[Column]) -> Header {
        let keys: Vec<Vec<String>> = columns
            .iter()
            .map(|c| c.names.iter().map(|n| header_key(n)).collect())
            .collect();
        let mut of_cell = Vec::with_capacity(row.cells.len());
        let mut first: HashMap<usize, usize> = HashMap::default();
        let mut twice = None;
        for (at, cell) in row.cells.iter().enumerate() {
            let key = header_key(cell);
            let column = (!key.is_empty())
                .then(|| keys.iter().position(|names| names.contains(&key)))
                .flatten();
            if let Some(column) = column
                && let Some(earlier) = first.insert(column, at)
                && twice.is_none()
            {
                twice = Some((
                    row.cells[earlier].clone(),
                    cell.clone(),
                    columns[column].key,
                ));
            }
            of_cell.push(column);
        }
        Header { of_cell, twice }
    }

    /// The first group of `required` none of whose columns the header has.
    fn lacks<'r>(
        &self,
        columns: &[Column],
        required: &'r [&'r [&'r str]],
    ) -> Option<&'r [&'r str]> {
        required.iter().copied().find(|group| {
            !group.iter().any(|key| {
                self.of_cell
                    .iter()
                    .flatten()
                    .any(|i| columns[*i].key == *key)
            })
        })
    }
}

/// The column letters Excel shows: A, B… Z, AA…
fn column_letters(mut at: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (at % 26) as u8);
        if at < 26 {
            break;
        }
        at = at / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Reads the rows of `sheet` under its header line: the first line, among
/// the first few, that has a column of each group of `required` (a group
/// is one thing named by a code column or a name column). Columns are
/// named by `columns` (English or Vietnamese headers); others, and the
/// `STT` column, are not read. Rows with nothing in the columns read are
/// skipped; a cell merged down several rows is read in each of them.
pub fn read(sheet: &Sheet, columns: &'static [Column], required: &[&[&str]]) -> Result<Rows> {
    let source = sheet.source.as_str();
    let candidates = sheet
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_blank())
        .take(HEADER_WITHIN);
    let mut header: Option<(usize, Header)> = None;
    let mut first: Option<(usize, Header)> = None;
    for (at, row) in candidates {
        let read = Header::read(row, columns);
        if read.lacks(columns, required).is_none() {
            header = Some((at, read));
            break;
        }
        if first.is_none() {
            first = Some((at, read));
        }
    }
    let Some((at, header)) = header else {
        let Some((at, read)) = first else {
            bail!(tr!(i18n::SHEET_EMPTY, path = source));
        };
        let lacking = read.lacks(columns, required).unwrap_or_default();
        // A thing named by a code column or a name column: the name first,
        // as a clerk's sheet heads it ('Đơn vị' before 'Mã đơn vị').
        let mut lacking_columns: Vec<&Column> = columns
            .iter()
            .filter(|c| lacking.contains(&c.key))
            .collect();
        lacking_columns.sort_by_key(|c| !c.key.ends_with("_name"));
        let names: Vec<&str> = lacking_columns
            .iter()
            // The clerk's headers first, the file format's own after.
            .flat_map(|c| {
                let spoken = c.names.iter().filter(|n| **n != c.key);
                spoken
                    .chain(c.names.iter().filter(|n| **n == c.key))
                    .copied()
            })
            .collect();
        let cells: Vec<String> = sheet.rows[at]
            .cells
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| format!("'{c}'"))
            .collect();
        bail!(tr!(
            i18n::IMPORT_COLUMN_MISSING,
            path = source,
            column = i18n::column_named(
                columns,
                lacking_columns.first().map(|c| c.key).unwrap_or_default()
            ),
            names = names
                .iter()
                .map(|n| format!("'{n}'"))
                .collect::<Vec<_>>()
                .join(", "),
            header = i18n::short(&cells.join(", "))
        ));
    };
    if let Some((first, second, column)) = &header.twice {
        bail!(tr!(
            i18n::IMPORT_COLUMN_TWICE,
            path = source,
            first = i18n::short(first),
            second = i18n::short(second),
            column = i18n::column_named(columns, column)
        ));
    }
    let header_line = sheet.rows[at].line;
    // A header cell merged down: the rows it spans are the header's too.
    let header_end = sheet
        .merged_down
        .iter()
        .filter(|(from, ..)| *from == header_line)
        .map(|(_, to, _)| *to)
        .max()
        .unwrap_or(header_line);
    let width = header.of_cell.len();
    let read_at: Vec<(usize, usize)> = header
        .of_cell
        .iter()
        .enumerate()
        .filter_map(|(cell, column)| column.map(|c| (cell, c)))
        .filter(|(_, c)| columns[*c].key != i18n::STT.key)
        .collect();
    let merges: Vec<(u64, u64, usize)> = sheet
        .merged_down
        .iter()
        .copied()
        .filter(|(from, ..)| *from > header_end)
        .collect();
    let cell_of = |line: u64, at: usize| -> Option<&str> {
        let i = sheet.rows.binary_search_by_key(&line, |r| r.line).ok()?;
        sheet.rows[i].cells.get(at).map(String::as_str)
    };

    let mut rows = Vec::new();
    let mut errors = LineErrors::default();
    for row in sheet.rows.iter().filter(|r| r.line > header_end) {
        let mut values = vec![String::new(); columns.len()];
        for &(cell, column) in &read_at {
            let mut value = row.cells.get(cell).cloned().unwrap_or_default();
            if value.is_empty()
                && let Some((from, ..)) = merges
                    .iter()
                    .find(|(from, to, c)| *c == cell && *from < row.line && row.line <= *to)
            {
                value = cell_of(*from, cell).unwrap_or_default().to_string();
            }
            values[column] = value;
        }
        let bad_cells: Vec<String> = row
            .errors
            .iter()
            .filter(|(cell, _)| read_at.iter().any(|(at, _)| at == cell))
            .map(|(cell, error)| {
                tr!(
                    i18n::SHEET_CELL_ERROR,
                    cell = format!("{}{}", column_letters(*cell), row.line),
                    error = error
                )
            })
            .collect();
        if values.iter().all(String::is_empty) && bad_cells.is_empty() {
            continue;
        }
        // In CSV a value past the last column is a stray separator, which
        // moved the cells after it.
        let used = row
            .cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        if sheet.csv && used > width {
            errors.push(
                row.line,
                tr!(i18n::CSV_FIELDS, found = used, expected = width),
            );
            continue;
        }
        if !bad_cells.is_empty() {
            errors.push(row.line, bad_cells.join("; "));
            continue;
        }
        rows.push((row.line, Record { columns, values }));
    }
    Ok(Rows { rows, errors })
}

/// Imports the rows of `table` with `import` as one change `action` (with
/// `dry_run`, checked and rolled back). Returns what to tell the clerk:
/// `said` is (what a dry run would write, what was written), each with
/// `path` and `n`.
pub fn import_file(
    store: &mut dyn Storage,
    ctx: &Context,
    action: &str,
    table: &Sheet,
    dry_run: bool,
    said: (i18n::Text, i18n::Text),
    mut import: impl FnMut(&dyn Db, &Sheet) -> Result<usize>,
) -> Result<String> {
    let n = write_checked(store, ctx, action, dry_run, |db| {
        let n = import(db, table)?;
        db.note(
            serde_json::json!({ "file": table.path, "n": n }),
            None,
            None,
        )?;
        Ok(n)
    })?;
    let text = if dry_run { said.0 } else { said.1 };
    Ok(tr!(text, path = table.source, n = n))
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
