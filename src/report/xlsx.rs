//! Reports as Excel workbooks (`--format xlsx`), from the `Report` trait
//! alone: every report and list gets a sheet with its title and as-of date
//! above, the table's headers in the language in force, real dates and
//! numbers (`Cell::value`), a frozen header row, an autofilter and columns
//! sized to what they hold.
//!
//! Sheets are written in Excel's low-memory mode: each row goes to a
//! temporary file as it comes, so a report of any size streams here as in
//! the other formats. The workbook's bytes are made at the end and written to
//! the output the caller gives (a new file; never a terminal).

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format as Style, FormatBorder, Note, Workbook, Worksheet, XlsxError,
};

use super::{Cell, Report, Value};
use crate::domain::Status;
use crate::i18n::{self, tr};
use crate::text::date::format_dmy;
use crate::text::{cut, visible};

/// The row of the column headers: under the title (row 1), the as-of date
/// (row 2) and an empty row, so that every sheet has its table at the same
/// place.
pub const HEADER_ROW: u32 = 3;

/// Excel's last row (1,048,576 rows, counted from 0).
const LAST_ROW: u32 = 1_048_575;

/// Excel holds at most 32,767 UTF-16 units in a cell: a longer text (a
/// pasted announcement's line) is cut, as a table cuts it.
const TEXT_MAX: usize = 16_000;

/// The widest a column is made, in characters; longer text overflows.
const WIDTH_MAX: usize = 60;

/// An Excel sheet's name: at most 31 characters, none of `[]:*?/\`.
const SHEET_NAME_MAX: usize = 31;

/// A workbook being made: one sheet per report.
pub struct Book {
    workbook: Workbook,
    names: Vec<String>,
    styles: Styles,
}

/// One sheet being written, row by row.
pub struct Sheet {
    worksheet: Worksheet,
    /// The next row to write.
    next: u32,
    /// The widest text of each column so far, in characters.
    widths: Vec<usize>,
}

/// The look of each kind of cell, made once per workbook.
struct Styles {
    title: Style,
    header: Style,
    /// By kind of value (`kind_of`), then by status (`status_index`).
    cells: [[Style; 6]; 5],
}

impl Default for Book {
    fn default() -> Book {
        Book::new()
    }
}

impl Book {
    pub fn new() -> Book {
        Book {
            workbook: Workbook::new(),
            names: Vec::new(),
            styles: Styles::new(),
        }
    }

    /// Starts a sheet for `report`: its title, its as-of date and its
    /// column headers.
    pub fn start<R: Report>(&mut self, report: &R) -> io::Result<Sheet> {
        let mut worksheet = self
            .workbook
            .new_worksheet_with_low_memory()
            .map_err(xlsx_error)?;
        let title = report.sheet_title().unwrap_or_default();
        let name = self.unique_name(&title);
        worksheet.set_name(name.as_str()).map_err(xlsx_error)?;
        self.names.push(name);
        if !title.is_empty() {
            worksheet
                .write_string_with_format(0, 0, text(&title), &self.styles.title)
                .map_err(xlsx_error)?;
        }
        if let Some(day) = report.as_of() {
            worksheet
                .write_string(1, 0, i18n::XLSX_AS_OF.get())
                .map_err(xlsx_error)?;
            worksheet
                .write_datetime_with_format(1, 1, excel_date(day)?, &self.styles.cells[1][0])
                .map_err(xlsx_error)?;
        }
        let headers = report.sheet_headers();
        let mut widths = Vec::with_capacity(headers.len());
        for (col, header) in headers.iter().enumerate() {
            worksheet
                .write_string_with_format(
                    HEADER_ROW,
                    column(col)?,
                    text(header),
                    &self.styles.header,
                )
                .map_err(xlsx_error)?;
            // A header may wrap onto two lines: half its length will do.
            widths.push(header.chars().count().div_ceil(2).max(8));
        }
        Ok(Sheet {
            worksheet,
            next: HEADER_ROW + 1,
            widths,
        })
    }

    /// A sheet of `rows` under `report`'s headers; returns how many.
    pub fn add<R: Report>(&mut self, report: &R, rows: &[R::Row]) -> io::Result<usize> {
        let mut sheet = self.start(report)?;
        for row in rows {
            sheet.row(self, &report.sheet_cells(row))?;
        }
        self.end(sheet)?;
        Ok(rows.len())
    }

    /// Ends a sheet: column widths, the frozen header row, the autofilter.
    pub fn end(&mut self, mut sheet: Sheet) -> io::Result<()> {
        let ws = &mut sheet.worksheet;
        for (col, width) in sheet.widths.iter().enumerate() {
            let width = (*width + 2).min(WIDTH_MAX) as f64;
            ws.set_column_width(column(col)?, width)
                .map_err(xlsx_error)?;
        }
        if let Some(last) = sheet.widths.len().checked_sub(1) {
            let last_row = sheet.next.saturating_sub(1).max(HEADER_ROW);
            ws.autofilter(HEADER_ROW, 0, last_row, column(last)?)
                .map_err(xlsx_error)?;
        }
        ws.set_freeze_panes(HEADER_ROW + 1, 0).map_err(xlsx_error)?;
        // Printed: A4 across, as wide as one page, the headers on each page.
        ws.set_landscape()
            .set_paper_size(9)
            .set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)
            .map_err(xlsx_error)?;
        self.workbook.push_worksheet(sheet.worksheet);
        Ok(())
    }

    /// Writes the workbook's bytes to `out`.
    pub fn write_to(mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.names.is_empty() {
            // A workbook needs a sheet.
            self.workbook.add_worksheet();
        }
        let bytes = self.workbook.save_to_buffer().map_err(xlsx_error)?;
        out.write_all(&bytes)
    }

    /// The title as a sheet's name, unique in the workbook.
    fn unique_name(&self, title: &str) -> String {
        let base = sheet_name(title);
        let mut name = base.clone();
        let mut n = 2;
        while self
            .names
            .iter()
            .any(|u| u.to_lowercase() == name.to_lowercase())
        {
            let suffix = format!(" ({n})");
            let keep = SHEET_NAME_MAX - suffix.chars().count();
            name = format!("{}{suffix}", base.chars().take(keep).collect::<String>());
            n += 1;
        }
        name
    }
}

impl Sheet {
    /// Writes one row of cells: each as its value when it has one (a date,
    /// a number, a percentage), else as its text; coloured by its status.
    pub fn row(&mut self, book: &Book, cells: &[Cell]) -> io::Result<()> {
        let row = self.next;
        if row > LAST_ROW {
            return Err(io::Error::other(tr!(
                i18n::XLSX_TOO_MANY_ROWS,
                max = LAST_ROW - HEADER_ROW
            )));
        }
        let ws = &mut self.worksheet;
        for (col, cell) in cells.iter().enumerate() {
            let c = column(col)?;
            let style = &book.styles.cells[kind_of(cell.value)][status_index(cell.status)];
            let shown = match cell.value {
                Some(Value::Date(day)) => {
                    ws.write_datetime_with_format(row, c, excel_date(day)?, style)
                        .map_err(xlsx_error)?;
                    // What the table says beside the date (an extension)
                    // stays with it, as a note.
                    if cell.text != format_dmy(day) && !cell.text.is_empty() {
                        let note = Note::new(text(&cell.text))
                            .set_author("theodoi")
                            .add_author_prefix(false);
                        ws.insert_note(row, c, &note).map_err(xlsx_error)?;
                    }
                    10
                }
                Some(Value::DateTime(at)) => {
                    ws.write_datetime_with_format(row, c, excel_datetime(at)?, style)
                        .map_err(xlsx_error)?;
                    16
                }
                Some(Value::Int(n)) => {
                    ws.write_number_with_format(row, c, n as f64, style)
                        .map_err(xlsx_error)?;
                    n.to_string().len()
                }
                Some(Value::Percent(pct)) => {
                    ws.write_number_with_format(row, c, pct / 100.0, style)
                        .map_err(xlsx_error)?;
                    6
                }
                None if cell.text.is_empty() => 0,
                None => {
                    let text = text(&cell.text);
                    let width = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                    ws.write_string_with_format(row, c, text, style)
                        .map_err(xlsx_error)?;
                    width
                }
            };
            if let Some(w) = self.widths.get_mut(col) {
                *w = (*w).max(shown);
            } else {
                self.widths.push(shown);
            }
        }
        self.next += 1;
        Ok(())
    }
}

impl Styles {
    fn new() -> Styles {
        let by_kind = [
            Style::new(),
            Style::new().set_num_format("dd/mm/yyyy"),
            Style::new().set_num_format("dd/mm/yyyy hh:mm"),
            Style::new().set_num_format("0"),
            Style::new().set_num_format("0.0%"),
        ];
        let colored = |style: &Style, status: usize| match status_color(status) {
            Some(color) => style.clone().set_font_color(color),
            None => style.clone(),
        };
        let cells = by_kind.map(|style| std::array::from_fn(|status| colored(&style, status)));
        Styles {
            title: Style::new().set_bold().set_font_size(14),
            header: Style::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD9E1F2))
                .set_border_bottom(FormatBorder::Thin),
            cells,
        }
    }
}

/// The row of `Styles::cells` for a value.
fn kind_of(value: Option<Value>) -> usize {
    match value {
        None => 0,
        Some(Value::Date(_)) => 1,
        Some(Value::DateTime(_)) => 2,
        Some(Value::Int(_)) => 3,
        Some(Value::Percent(_)) => 4,
    }
}

/// The column of `Styles::cells` for a status (0: none).
fn status_index(status: Option<Status>) -> usize {
    match status {
        None => 0,
        Some(Status::DoneOnTime) => 1,
        Some(Status::DoneLate) => 2,
        Some(Status::Open) => 3,
        Some(Status::Overdue) => 4,
        Some(Status::Cancelled) => 5,
    }
}

/// The colours of a table on a terminal: green on time, orange late, blue
/// open, red overdue, grey cancelled.
fn status_color(index: usize) -> Option<Color> {
    match index {
        1 => Some(Color::RGB(0x00_7A_33)),
        2 => Some(Color::RGB(0xC6_59_11)),
        3 => Some(Color::RGB(0x00_57_B8)),
        4 => Some(Color::RGB(0xC0_00_00)),
        5 => Some(Color::RGB(0x80_80_80)),
        _ => None,
    }
}

/// Text as a person reads it: cut to what a cell holds, and no control
/// character (shown as a visible escape, as in a table).
fn text(s: &str) -> String {
    visible(&cut(s, TEXT_MAX), true).into_owned()
}

/// A sheet's name from a title: the words that fit in 31 characters, with
/// none of the characters Excel refuses.
fn sheet_name(title: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let mut name = String::new();
    for word in clean.split_whitespace() {
        let longer = if name.is_empty() {
            word.to_string()
        } else {
            format!("{name} {word}")
        };
        if longer.chars().count() > SHEET_NAME_MAX {
            if name.is_empty() {
                name = word.chars().take(SHEET_NAME_MAX).collect();
            }
            break;
        }
        name = longer;
    }
    let name = name.trim_matches('\'').trim().to_string();
    if name.is_empty() || name.eq_ignore_ascii_case("history") {
        "theodoi".to_string()
    } else {
        name
    }
}

fn column(index: usize) -> io::Result<u16> {
    u16::try_from(index).map_err(|_| io::Error::other("too many columns"))
}

fn excel_date(day: NaiveDate) -> io::Result<ExcelDateTime> {
    let (month, d) = (day.month() as u8, day.day() as u8);
    let year = u16::try_from(day.year()).map_err(|_| io::Error::other("year out of range"))?;
    ExcelDateTime::from_ymd(year, month, d).map_err(xlsx_error)
}

fn excel_datetime(at: NaiveDateTime) -> io::Result<ExcelDateTime> {
    excel_date(at.date())?
        .and_hms(at.hour() as u16, at.minute() as u8, at.second())
        .map_err(xlsx_error)
}

/// What the spreadsheet library said, as an output error.
fn xlsx_error(e: XlsxError) -> io::Error {
    match e {
        XlsxError::IoError(e) => e,
        XlsxError::RowColumnLimitError => {
            io::Error::other(tr!(i18n::XLSX_TOO_MANY_ROWS, max = LAST_ROW - HEADER_ROW))
        }
        other => io::Error::other(tr!(i18n::XLSX_FAILED, detail = other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_fit_excel() {
        assert_eq!(
            sheet_name("Nhiệm vụ quá hạn tính đến ngày 07/12/2023"),
            "Nhiệm vụ quá hạn tính đến ngày"
        );
        assert_eq!(sheet_name("a/b[c]"), "a-b-c-");
        assert_eq!(sheet_name(""), "theodoi");
        assert_eq!(sheet_name("History"), "theodoi");
        assert!(sheet_name(&"x".repeat(100)).chars().count() <= SHEET_NAME_MAX);
        let mut book = Book::new();
        book.names.push(sheet_name("Cần xem lại"));
        assert_eq!(book.unique_name("Cần xem lại"), "Cần xem lại (2)");
    }
}
