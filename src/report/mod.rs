//! Reports and lists: each is computed into a plain serializable struct,
//! then rendered as a table, JSON or CSV by `render`.

pub mod directives;
pub mod overdue;
pub mod units;

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

/// The table width when the output is no terminal.
const PIPE_WIDTH: u16 = 120;

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// A table for people, dates as dd/mm/yyyy.
    #[default]
    Table,
    /// One JSON array of objects, ISO dates, stable field names.
    Json,
    /// RFC 4180 CSV with the JSON field names as header, ISO dates.
    Csv,
}

/// A report that prints as rows: JSON and CSV serialize the rows; the
/// table shows `cells` under `headers`.
pub trait Tabular {
    type Row: Serialize;
    /// The row's field names, for the header of an empty CSV
    /// (each report's tests check them against a serialized row).
    const FIELDS: &'static [&'static str];
    /// The rows, in the order they are printed.
    fn rows(&self) -> &[Self::Row];
    /// Column headers for the table, in the language in force.
    fn headers(&self) -> Vec<String>;
    /// One row's cells for the table.
    fn cells(&self, row: &Self::Row) -> Vec<String>;
    /// A line above the table.
    fn title(&self) -> Option<String> {
        None
    }
    /// What the table format prints instead of an empty table.
    fn empty_message(&self) -> String;
}

/// Prints a report in the chosen format.
pub fn render<R: Tabular>(report: &R, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, report.rows())?;
            writeln!(out)
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            if report.rows().is_empty() {
                // Still print the header line, so a script sees the columns.
                writer.write_record(R::FIELDS)?;
            }
            for row in report.rows() {
                writer.serialize(row).map_err(csv_to_io)?;
            }
            writer.flush()
        }
        Format::Table => {
            if report.rows().is_empty() {
                return writeln!(out, "{}", report.empty_message());
            }
            if let Some(title) = report.title() {
                writeln!(out, "{title}")?;
            }
            let mut table = Table::new();
            table
                .load_style(presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header(report.headers());
            if table.width().is_none() {
                // Not a terminal (cron mail, a file): wrap at a readable width.
                table.set_width(PIPE_WIDTH);
            }
            for row in report.rows() {
                table.add_row(report.cells(row));
            }
            writeln!(out, "{table}")
        }
    }
}

/// Keeps the I/O error inside a CSV error, so that a closed pipe is seen as one.
fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The keys of a row serialized as JSON, to check `Tabular::FIELDS`.
#[cfg(test)]
pub fn json_keys<T: Serialize>(row: &T) -> Vec<String> {
    match serde_json::to_value(row) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
}
