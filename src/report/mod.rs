//! Reports and lists. Each report is a plain struct (what it covers) plus a
//! row type; rows are rendered one by one as a table, JSON, CSV, Markdown or
//! an Excel workbook (`xlsx`), so that large outputs stream instead of being
//! collected first.

pub mod directives;
pub mod extract;
pub mod history;
pub mod obligations;
pub mod offices;
pub mod people;
pub mod progress;
pub mod ratings;
pub mod results;
pub mod units;
pub mod xlsx;

use std::io::{self, Write};

use chrono::{NaiveDate, NaiveDateTime};
use comfy_table::{Cell as TableCell, Color, ContentArrangement, Table, presets};
use serde::Serialize;

use crate::domain::Status;
use crate::text::{cut, visible};

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// A table for people, dates as dd/mm/yyyy.
    #[default]
    Table,
    /// One JSON array of objects, ISO dates, stable field names.
    Json,
    /// RFC 4180 CSV with the JSON field names as header, ISO dates.
    Csv,
    /// A Markdown table under a heading naming the report and the date.
    Md,
    /// An Excel workbook (bytes, for a file): the table's headers, real
    /// dates and numbers, the title and the as-of date above.
    Xlsx,
}

/// The table width when the output is no terminal.
const PIPE_WIDTH: u16 = 120;

/// The most characters of a table cell: a longer text is cut with `…`, so
/// that laying the table out stays linear in the size of what it shows
/// (a name is at most 300 characters; a pasted announcement's line may be
/// a megabyte).
const CELL_MAX: usize = 500;

/// Everything about printing that is not the report itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub format: Format,
    /// Start CSV with the UTF-8 byte-order mark Excel needs for Vietnamese.
    pub bom: bool,
    /// Colour the status cells of a table (a terminal, and no `NO_COLOR`).
    pub color: bool,
}

impl RenderOptions {
    pub fn plain(format: Format) -> RenderOptions {
        RenderOptions {
            format,
            ..Default::default()
        }
    }
}

/// One table cell, with the status it shows when it shows one, and the
/// value behind its text when it is a date or a number (what a spreadsheet
/// writes instead of the text).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub status: Option<Status>,
    pub value: Option<Value>,
}

/// What a cell's text shows, typed: a spreadsheet writes it as a real date or
/// number, so that the clerk can sort, filter and add up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Date(NaiveDate),
    /// A moment, in Vietnam's time.
    DateTime(NaiveDateTime),
    Int(i64),
    /// A percentage: 33.3 is 33,3%.
    Percent(f64),
}

impl Cell {
    pub fn status(text: impl Into<String>, status: Status) -> Cell {
        Cell {
            text: text.into(),
            status: Some(status),
            value: None,
        }
    }

    /// A date, shown dd/mm/yyyy.
    pub fn date(day: NaiveDate) -> Cell {
        Cell::from(crate::text::date::format_dmy(day)).with(Value::Date(day))
    }

    /// A date when there is one, else an empty cell.
    pub fn maybe_date(day: Option<NaiveDate>) -> Cell {
        day.map_or_else(|| Cell::from(""), Cell::date)
    }

    /// A whole number.
    pub fn int(n: impl Into<i64>) -> Cell {
        let n = n.into();
        Cell::from(n.to_string()).with(Value::Int(n))
    }

    /// The same text, with the value it shows.
    pub fn with(mut self, value: Value) -> Cell {
        self.value = Some(value);
        self
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell {
            text,
            status: None,
            value: None,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::from(text.to_string())
    }
}

/// Column headers in the language in force.
pub fn headers(texts: &[crate::i18n::Text]) -> Vec<String> {
    texts.iter().map(|h| h.get().to_string()).collect()
}

/// Green on time, orange done late, blue open, red overdue.
fn color_of(status: Status) -> Color {
    match status {
        Status::DoneOnTime => Color::Green,
        Status::DoneLate => Color::AnsiValue(208),
        Status::Open => Color::Blue,
        Status::Overdue => Color::Red,
        Status::Cancelled => Color::DarkGrey,
    }
}

/// A report that prints as rows: JSON and CSV serialize the rows; the
/// table and Markdown show `cells` under `headers`.
pub trait Report {
    type Row: Serialize;
    /// The row's field names, for the header of an empty CSV
    /// (each report's tests check them against a serialized row).
    const FIELDS: &'static [&'static str];
    /// Column headers for the table, in the language in force.
    fn headers(&self) -> Vec<String>;
    /// One row's cells for the table.
    fn cells(&self, row: &Self::Row) -> Vec<Cell>;
    /// What the report is and for which day; with the number of rows when
    /// known (above a table), without it (a Markdown heading).
    fn heading(&self, rows: Option<usize>) -> Option<String>;
    /// What the table and Markdown print instead of an empty table.
    fn empty_message(&self) -> String;
    /// The row as one CSV record, in the order of `FIELDS`, for a row whose
    /// JSON holds a list (CSV gives it one cell); `None`: the row as serde
    /// writes it.
    fn csv_record(&self, _row: &Self::Row) -> Option<Vec<String>> {
        None
    }
    /// Whether the report writes its CSV rows itself, field by field
    /// (`write_csv`): the reports of many rows. Otherwise (the default)
    /// each row is written by `csv_record` or serde.
    const CSV_BY_FIELDS: bool = false;
    /// Writes the row to CSV field by field, in the order of `FIELDS`, when
    /// `CSV_BY_FIELDS`. Each report that writes its own checks it against
    /// serde's record.
    fn write_csv(&self, _row: &Self::Row, _out: &mut CsvFields<'_>) {}
    /// The title above a spreadsheet's table: the heading by default.
    fn sheet_title(&self) -> Option<String> {
        self.heading(None)
    }
    /// The day the report is for, in a row of its own above a
    /// spreadsheet's table (a real date); `None` for a list of no day.
    fn as_of(&self) -> Option<NaiveDate> {
        None
    }
    /// A spreadsheet's column headers: the table's by default.
    fn sheet_headers(&self) -> Vec<String> {
        self.headers()
    }
    /// One row of a spreadsheet: the table's cells by default, each written
    /// as its `value` when it has one (a date, a number, a percentage).
    fn sheet_cells(&self, row: &Self::Row) -> Vec<Cell> {
        self.cells(row)
    }
    /// What a row stands for beside itself, counted once each above a
    /// table: who (a unit's or a person's key) and which task. `None`: the
    /// heading counts rows alone.
    fn tally(&self, _row: &Self::Row) -> Option<Tally> {
        None
    }
    /// The heading above a table of `rows` rows that stand for `counted`
    /// distinct units, people and tasks: the plain count by default.
    fn counted_heading(&self, rows: usize, _counted: &Counted) -> Option<String> {
        self.heading(Some(rows))
    }
}

/// Who a row is about and on which task, to count each once.
pub struct Tally {
    pub who: Who,
    pub task: String,
}

/// A unit or a person, by code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Who {
    Unit(String),
    Person(String),
}

/// The distinct units, people and tasks the rows of a table stand for.
#[derive(Debug, Default)]
pub struct Counted {
    who: std::collections::HashSet<Who>,
    tasks: std::collections::HashSet<String>,
}

impl Counted {
    fn add(&mut self, tally: Tally) {
        self.who.insert(tally.who);
        self.tasks.insert(tally.task);
    }
    pub fn units(&self) -> usize {
        self.who
            .iter()
            .filter(|w| matches!(w, Who::Unit(_)))
            .count()
    }
    pub fn people(&self) -> usize {
        self.who
            .iter()
            .filter(|w| matches!(w, Who::Person(_)))
            .count()
    }
    pub fn tasks(&self) -> usize {
        self.tasks.len()
    }
}

/// Prints the rows of one report as they come. Nothing is written before
/// the first row or `finish`, so that `quiet` can print nothing at all.
pub struct Renderer<'a, R: Report> {
    report: &'a R,
    options: RenderOptions,
    sink: Sink<'a>,
    rows: usize,
    counted: Counted,
}

enum Sink<'a> {
    Pending(&'a mut dyn Write),
    Table(&'a mut dyn Write, Vec<Vec<Cell>>),
    Json(&'a mut dyn Write),
    Csv(Box<csv::Writer<&'a mut dyn Write>>),
    /// A report's own CSV rows (`Report::write_csv`), each record built
    /// in the buffer and written whole.
    CsvFields(&'a mut dyn Write, Vec<u8>),
    Md(&'a mut dyn Write),
    Xlsx(&'a mut dyn Write, Box<(xlsx::Book, xlsx::Sheet)>),
    Done,
}

impl<'a, R: Report> Renderer<'a, R> {
    pub fn new(report: &'a R, options: RenderOptions, out: &'a mut dyn Write) -> Renderer<'a, R> {
        Renderer {
            report,
            options,
            sink: Sink::Pending(out),
            rows: 0,
            counted: Counted::default(),
        }
    }

    /// Prints what comes before the first row.
    fn start(&mut self) -> io::Result<()> {
        if !matches!(self.sink, Sink::Pending(_)) {
            return Ok(());
        }
        let Sink::Pending(out) = std::mem::replace(&mut self.sink, Sink::Done) else {
            unreachable!("checked above");
        };
        self.sink = match self.options.format {
            Format::Table => Sink::Table(out, Vec::new()),
            Format::Json => {
                out.write_all(b"[")?;
                Sink::Json(out)
            }
            Format::Csv => {
                if self.options.bom {
                    out.write_all("\u{FEFF}".as_bytes())?;
                }
                // The header comes from FIELDS, so that an empty report has one too.
                let mut writer = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .has_headers(false)
                    .from_writer(out);
                writer.write_record(R::FIELDS).map_err(csv_to_io)?;
                match R::CSV_BY_FIELDS {
                    true => {
                        writer.flush()?;
                        let out = writer.into_inner().map_err(|e| e.into_error())?;
                        Sink::CsvFields(out, Vec::new())
                    }
                    false => Sink::Csv(Box::new(writer)),
                }
            }
            Format::Md => {
                if let Some(heading) = self.report.heading(None) {
                    writeln!(out, "## {}\n", visible(&heading, false))?;
                }
                Sink::Md(out)
            }
            Format::Xlsx => {
                let mut book = xlsx::Book::new();
                let sheet = book.start(self.report)?;
                Sink::Xlsx(out, Box::new((book, sheet)))
            }
        };
        Ok(())
    }

    /// Prints one row (a table keeps it until `finish`, to size its columns).
    pub fn row(&mut self, row: &R::Row) -> io::Result<()> {
        self.start()?;
        let first = self.rows == 0;
        self.rows += 1;
        match &mut self.sink {
            Sink::Table(_, rows) => {
                rows.push(self.report.cells(row));
                if let Some(tally) = self.report.tally(row) {
                    self.counted.add(tally);
                }
            }
            Sink::Json(out) => {
                out.write_all(if first { b"\n  " } else { b",\n  " })?;
                serde_json::to_writer(&mut **out, row)?;
            }
            Sink::Csv(writer) => match self.report.csv_record(row) {
                Some(record) => writer.write_record(&record).map_err(csv_to_io)?,
                None => writer.serialize(row).map_err(csv_to_io)?,
            },
            Sink::CsvFields(out, line) => {
                line.clear();
                self.report
                    .write_csv(row, &mut CsvFields { line, first: true });
                line.extend_from_slice(b"\r\n");
                out.write_all(line)?;
            }
            Sink::Md(out) => {
                if first {
                    let headers = self.report.headers();
                    writeln!(out, "| {} |", md_cells(headers.iter().map(String::as_str)))?;
                    writeln!(out, "|{}", "---|".repeat(headers.len()))?;
                }
                let cells = self.report.cells(row);
                writeln!(
                    out,
                    "| {} |",
                    md_cells(cells.iter().map(|c| c.text.as_str()))
                )?;
            }
            Sink::Xlsx(_, book) => {
                let (book, sheet) = &mut **book;
                sheet.row(book, &self.report.sheet_cells(row))?;
            }
            Sink::Pending(_) | Sink::Done => {}
        }
        Ok(())
    }

    /// Ends the report; returns how many rows it had. With `quiet`, an
    /// empty report prints nothing at all.
    pub fn finish(mut self, quiet: bool) -> io::Result<usize> {
        if self.rows == 0 && quiet {
            return Ok(0);
        }
        self.start()?;
        match std::mem::replace(&mut self.sink, Sink::Done) {
            Sink::Table(out, rows) => {
                if rows.is_empty() {
                    writeln!(out, "{}", visible(&self.report.empty_message(), false))?;
                    return Ok(0);
                }
                if let Some(heading) = self.report.counted_heading(rows.len(), &self.counted) {
                    writeln!(out, "{}", visible(&heading, false))?;
                }
                let table = table(self.report.headers(), rows, self.options.color);
                writeln!(out, "{table}")?;
            }
            Sink::Json(out) => {
                out.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
            }
            Sink::Csv(mut writer) => writer.flush()?,
            Sink::CsvFields(out, _) => out.flush()?,
            Sink::Md(out) => {
                if self.rows == 0 {
                    writeln!(out, "{}", visible(&self.report.empty_message(), false))?;
                }
            }
            Sink::Xlsx(out, book) => {
                let (mut book, sheet) = *book;
                book.end(sheet)?;
                book.write_to(out)?;
            }
            Sink::Pending(_) | Sink::Done => {}
        }
        Ok(self.rows)
    }
}

/// Renders a report whose rows are already at hand.
pub fn render<R: Report>(
    report: &R,
    rows: &[R::Row],
    options: RenderOptions,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut renderer = Renderer::new(report, options, out);
    for row in rows {
        renderer.row(row)?;
    }
    renderer.finish(false)
}

fn table(headers: Vec<String>, rows: Vec<Vec<Cell>>, color: bool) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(headers);
    let piped = table.width().is_none();
    if color {
        table.enforce_styling();
    }
    // The longest word of each column (up to a date's ten characters): a
    // narrow table wraps between words, never inside a date or a code.
    let mut widest = vec![0usize; table.column_count()];
    for row in rows {
        let texts: Vec<String> = row.iter().map(|cell| table_text(&cell.text)).collect();
        for (i, text) in texts.iter().enumerate() {
            let word = text
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            if let Some(w) = widest.get_mut(i) {
                *w = (*w).max(word.min(WORD_MAX));
            }
        }
        table.add_row(row.into_iter().zip(texts).map(|(cell, text)| {
            let styled = TableCell::new(text);
            match cell.status {
                Some(status) if color => styled.fg(color_of(status)),
                _ => styled,
            }
        }));
    }
    if piped {
        // Not a terminal (cron mail, a file): wrap at a readable width, or
        // wider when the columns' longest words need it.
        let needed: usize = widest.iter().map(|w| w + 3).sum::<usize>() + 1;
        table.set_width(PIPE_WIDTH.max(u16::try_from(needed).unwrap_or(u16::MAX)));
    }
    for (i, width) in widest.into_iter().enumerate() {
        // The boundary counts the cell's padding, one space each side.
        if let (Some(column), Ok(width)) = (table.column_mut(i), u16::try_from(width + 2))
            && width > 2
        {
            column.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                comfy_table::Width::Fixed(width),
            ));
        }
    }
    table
}

/// The longest word a narrow table keeps on one line: a date (`dd/mm/yyyy`).
const WORD_MAX: usize = 10;

/// A cell's text as a table shows it: cut to `CELL_MAX` characters, and
/// every control character (but a line break) written as a visible escape.
fn table_text(text: &str) -> String {
    visible(&cut(text, CELL_MAX), true).into_owned()
}

/// Cells joined for a Markdown table row, `|` and line breaks escaped,
/// control characters written as visible escapes.
fn md_cells<'s>(cells: impl Iterator<Item = &'s str>) -> String {
    cells
        .map(|c| visible(c, true).replace('|', "\\|").replace('\n', "<br>"))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// One CSV record being written field by field (`Report::write_csv`): the
/// same text serde writes for the row's values, without serde's work per
/// field, which is most of a long CSV listing's time. A field is copied as
/// it is unless the CSV crate would quote it; only then is it quoted, by
/// that crate.
pub struct CsvFields<'b> {
    line: &'b mut Vec<u8>,
    first: bool,
}

impl CsvFields<'_> {
    /// A field that never needs quotes: a day, a number, a slug.
    fn plain(&mut self, bytes: &[u8]) {
        self.separate();
        self.line.extend_from_slice(bytes);
    }

    /// The comma before every field but the first.
    fn separate(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.line.push(b',');
        }
    }

    fn field(&mut self, bytes: &[u8]) {
        // What `csv_core` quotes with a comma between fields and CRLF
        // after them (its `QuoteStyle::Necessary`), every byte looked at
        // with no branch: fields are short.
        let quoted = bytes.iter().fold(false, |quoted, &b| {
            quoted | (b == b',') | (b == b'"') | (b == b'\n') | (b == b'\r')
        });
        if !quoted {
            return self.plain(bytes);
        }
        self.separate();
        let mut writer = csv_core::Writer::new();
        let at = self.line.len();
        // Every byte doubled and two quotes is the most a field can take.
        self.line.resize(at + 2 * bytes.len() + 2, 0);
        let (_, _, field) = writer.field(bytes, &mut self.line[at..]);
        let (_, end) = writer.finish(&mut self.line[at + field..]);
        self.line.truncate(at + field + end);
    }

    pub fn text(&mut self, text: &str) {
        self.field(text.as_bytes())
    }

    /// An absent value: an empty field, as serde writes `None`.
    pub fn optional(&mut self, text: Option<&str>) {
        self.field(text.unwrap_or_default().as_bytes())
    }

    /// A value's slug (a kind, a status, a mark): letters and hyphens.
    pub fn slug(&mut self, slug: Option<&'static str>) {
        self.plain(slug.unwrap_or_default().as_bytes())
    }

    /// A day as serde writes it (`2023-12-06`).
    pub fn date(&mut self, day: NaiveDate) {
        use chrono::Datelike;
        let (year, month, date) = (day.year(), day.month(), day.day());
        if !(0..=9999).contains(&year) {
            return self.plain(format!("{day:?}").as_bytes());
        }
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let y = year as u32;
        let text = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(month / 10),
            digit(month),
            b'-',
            digit(date / 10),
            digit(date),
        ];
        self.plain(&text)
    }

    pub fn optional_date(&mut self, day: Option<NaiveDate>) {
        match day {
            Some(day) => self.date(day),
            None => self.plain(b""),
        }
    }

    pub fn number(&mut self, n: i64) {
        let mut buffer = [0u8; 20];
        let mut at = buffer.len();
        let mut rest = n.unsigned_abs();
        loop {
            at -= 1;
            buffer[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if n < 0 {
            at -= 1;
            buffer[at] = b'-';
        }
        self.plain(&buffer[at..])
    }
}

/// Keeps the I/O error inside a CSV error, so that a closed pipe is seen as one.
fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Checks `Report::FIELDS` against a row: the CSV header serde writes for it,
/// in order, and the keys of its JSON object.
#[cfg(test)]
pub fn check_fields<T: Serialize>(row: &T, fields: &[&str]) {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.serialize(row).expect("a row serializes to CSV");
    let bytes = writer.into_inner().expect("CSV in memory");
    let text = String::from_utf8(bytes).expect("UTF-8 CSV");
    let header: Vec<&str> = text.lines().next().unwrap_or_default().split(',').collect();
    assert_eq!(header, fields, "CSV header");
    let mut keys: Vec<String> = match serde_json::to_value(row) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    };
    let mut sorted: Vec<&str> = fields.to_vec();
    sorted.sort_unstable();
    keys.sort();
    assert_eq!(keys, sorted, "JSON keys");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report of one column of names, for the renderer's own tests.
    struct Names;

    impl Report for Names {
        type Row = String;
        const FIELDS: &'static [&'static str] = &["name"];
        fn headers(&self) -> Vec<String> {
            vec!["name".into()]
        }
        fn cells(&self, row: &String) -> Vec<Cell> {
            vec![row.as_str().into()]
        }
        fn heading(&self, _rows: Option<usize>) -> Option<String> {
            Some("\x1b[2Jnames".into())
        }
        fn empty_message(&self) -> String {
            "none".into()
        }
    }

    fn rendered(format: Format, rows: &[String]) -> String {
        let mut out = Vec::new();
        render(&Names, rows, RenderOptions::plain(format), &mut out).expect("rendered");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn tables_and_markdown_show_no_control_character() {
        let rows = vec![
            "\x1b]0;pwned\x07\x1b[2J".to_string(),
            "a\u{202E}b\u{9b}c\0".to_string(),
        ];
        for format in [Format::Table, Format::Md] {
            let out = rendered(format, &rows);
            assert!(
                !out.chars()
                    .any(|c| (c.is_control() && c != '\n') || crate::text::is_bidi_control(c)),
                "{format:?}: {out:?}"
            );
            assert!(out.contains("\\x1b]0;pwned\\x07"), "{out}");
            assert!(out.contains("a\\u202eb\\x9bc\\x00"), "{out}");
        }
        // JSON escapes them; data keeps its bytes.
        let json = rendered(Format::Json, &rows);
        assert!(json.contains("\\u001b]0;pwned\\u0007"), "{json}");
    }

    #[test]
    fn a_huge_cell_is_cut_and_laid_out_quickly() {
        let rows = vec!["ộ".repeat(1_000_000), "Ngô Quyền".to_string()];
        let started = std::time::Instant::now();
        let out = rendered(Format::Table, &rows);
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        assert!(out.contains('…'));
        assert!(out.chars().count() < 5 * CELL_MAX, "{}", out.len());
        assert!(out.contains("Ngô Quyền"));
    }
}
