//! What a clerk hands over as a table, read into rows of text with the line
//! number the clerk sees: an Excel workbook (`.xlsx`, one sheet; the row
//! number), or a CSV file as Excel and people save it (`,`, `;` or tab;
//! UTF-8 with or without a byte-order mark, UTF-16 with one, or Windows-1258;
//! LF, CRLF or CR; the physical line a row starts on). Which columns mean
//! what is `csvfile`'s business.

use std::borrow::Cow;
use std::io::{Cursor, Read as _};
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use calamine::{DataRef, Reader as _, SheetType, SheetVisible, Xlsx};
use unicode_normalization::UnicodeNormalization as _;

use crate::i18n::{self, tr};
use crate::text::fold;

/// The largest file read (a unit file of a whole province is a few MB).
const MAX_FILE: u64 = 256 << 20;
/// The most a workbook may unpack to (every part of it), so that a small
/// file that unpacks to gigabytes is refused before it is read.
const MAX_UNPACKED: u64 = 256 << 20;
/// The most parts a workbook may have.
const MAX_PARTS: usize = 10_000;
/// The most cells with a value one sheet may have.
const MAX_CELLS: usize = 5_000_000;
/// Columns past this one are not read (a table of a few columns; a value
/// far to the right belongs to no column).
const MAX_COLUMNS: u32 = 512;

/// A table read from a file: its rows, in order.
#[derive(Debug, Default)]
pub struct Sheet {
    /// The file's path, as given.
    pub path: String,
    /// What errors call it: the path, and of a workbook, the sheet.
    pub source: String,
    pub rows: Vec<SheetRow>,
    /// Cells merged down several rows, as (first line, last line, column):
    /// the clerk sees the first row's value in each of them.
    pub merged_down: Vec<(u64, u64, usize)>,
    /// Whether the rows come from CSV (where a value past the last column is
    /// a sign of a stray separator) rather than from a workbook.
    pub csv: bool,
}

/// One row of a table.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SheetRow {
    /// The row number in Excel; the physical line a CSV record starts on.
    pub line: u64,
    /// Its cells as text, trimmed, left to right.
    pub cells: Vec<String>,
    /// Cells that hold an error (`#REF!`, `#N/A`…): the column and the error.
    pub errors: Vec<(usize, String)>,
}

impl SheetRow {
    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.errors.is_empty() && self.cells.iter().all(|c| c.is_empty())
    }
}

/// Reads `file`: a workbook by its content (not its name), else text.
/// `sheet` names the sheet of a workbook (default: the first one shown).
pub fn open(file: &Path, sheet: Option<&str>) -> Result<Sheet> {
    let path = file.display().to_string();
    let size = std::fs::metadata(file)
        .with_context(|| tr!(i18n::IMPORT_READ, path = path))?
        .len();
    if size > MAX_FILE {
        bail!(tr!(
            i18n::SHEET_TOO_BIG,
            path = path,
            max = format!("{} MB", MAX_FILE >> 20)
        ));
    }
    let bytes = std::fs::read(file).with_context(|| tr!(i18n::IMPORT_READ, path = path))?;
    read(&bytes, &path, sheet)
}

/// Reads the bytes of a file called `path` (see `open`).
pub fn read(bytes: &[u8], path: &str, sheet: Option<&str>) -> Result<Sheet> {
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(bytes, path, sheet);
    }
    // The compound file of Excel 97-2003, and of a workbook with a password.
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        bail!(tr!(i18n::SHEET_OLD_EXCEL, path = path));
    }
    // Named a workbook but not one (a text or other file renamed): said
    // so, rather than read as text.
    let named_workbook = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"));
    if named_workbook {
        bail!(tr!(i18n::SHEET_NOT_XLSX, path = path));
    }
    if sheet.is_some() {
        bail!(tr!(i18n::SHEET_NOT_WORKBOOK, path = path));
    }
    let Some(text) = decode(bytes) else {
        bail!(tr!(i18n::SHEET_NOT_TEXT, path = path));
    };
    Ok(Sheet {
        path: path.to_string(),
        source: path.to_string(),
        rows: read_csv(&text).with_context(|| tr!(i18n::IMPORT_READ, path = path))?,
        merged_down: Vec::new(),
        csv: true,
    })
}

/// The text of a file: UTF-8 (a byte-order mark dropped), UTF-16 with a
/// byte-order mark (Excel's "Unicode Text"), else Windows-1258 when that
/// reads as Vietnamese; `None` when it is none of these, rather than text
/// read wrong.
pub fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest).ok().map(Cow::Borrowed);
    }
    for (bom, encoding) in [
        (b"\xFF\xFE", encoding_rs::UTF_16LE),
        (b"\xFE\xFF", encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return encoding
                .decode_without_bom_handling_and_without_replacement(rest)
                .filter(|text| !text.contains('\0'))
                .map(|text| Cow::Owned(text.into_owned()));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(Cow::Borrowed(text));
    }
    // Windows-1258 writes most tones as a letter and a combining mark:
    // composed again (NFC), every letter must be one Vietnamese writes.
    // Every byte decodes to something, so this is what tells a file of
    // that code page from one of another (TCVN3, VNI, Latin-1 beyond
    // Vietnamese letters), which would come out as other letters.
    let text =
        encoding_rs::WINDOWS_1258.decode_without_bom_handling_and_without_replacement(bytes)?;
    let text: String = text.nfc().collect();
    text.chars().all(plausible).then_some(Cow::Owned(text))
}

/// A character a Vietnamese table in Windows-1258 may hold: printable
/// ASCII and the line ends, a letter of Vietnamese, and the punctuation
/// Word and Excel put in.
fn plausible(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_control() || matches!(c, '\t' | '\n' | '\r');
    }
    matches!(
        c,
        'đ' | 'Đ'
            | '\u{A0}'
            | '–'
            | '—'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '…'
            | '•'
            | '°'
            | '₫'
            | '€'
            | '«'
            | '»'
    ) || vietnamese_letter(c)
}

/// A letter of the Vietnamese alphabet with its marks: a circumflex on a,
/// e or o; a breve on a; a horn on o or u; at most one tone on a vowel.
fn vietnamese_letter(c: char) -> bool {
    let mut parts = std::iter::once(c).nfd();
    let Some(base) = parts.next().filter(char::is_ascii_alphabetic) else {
        return false;
    };
    let base = base.to_ascii_lowercase();
    let (mut shape, mut tone) = (false, false);
    for mark in parts {
        let fits = match mark {
            '\u{302}' => !shape && "aeo".contains(base),
            '\u{306}' => !shape && base == 'a',
            '\u{31B}' => !shape && "ou".contains(base),
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => {
                !tone && "aeiouy".contains(base)
            }
            _ => false,
        };
        if !fits {
            return false;
        }
        match mark {
            '\u{302}' | '\u{306}' | '\u{31B}' => shape = true,
            _ => tone = true,
        }
    }
    shape || tone
}

/// The separator of a CSV text: of `,`, `;` and tab, the one its header
/// line (the first line with any of them) has most of, outside quotes.
/// Excel writes `;` where the decimal separator is a comma (as in Vietnam)
/// and tabs in "Unicode Text".
pub fn delimiter(text: &str) -> u8 {
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(20) {
        let (mut counts, mut quoted) = ([0usize; 3], false);
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => counts[0] += 1,
                ';' if !quoted => counts[1] += 1,
                '\t' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
        let most = counts.iter().copied().max().unwrap_or(0);
        if most > 0 {
            // On a tie, tab, then semicolon: a comma is likelier inside a name.
            let i = [2, 1, 0]
                .into_iter()
                .find(|i| counts[*i] == most)
                .unwrap_or(0);
            return [b',', b';', b'\t'][i];
        }
    }
    b','
}

/// The records of a CSV text, each with the physical line it starts on
/// (blank lines and line breaks inside quotes counted, whatever the line
/// ends).
fn read_csv(text: &str) -> csv::Result<Vec<SheetRow>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let bytes = text.as_bytes();
    let (mut line, mut at) = (1u64, 0usize);
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let start = reader.position().byte() as usize;
        if !reader.read_record(&mut record)? {
            break;
        }
        let start = record
            .position()
            .map_or(start, |p| p.byte() as usize)
            .min(bytes.len());
        // The reader may place a record before the line ends that precede
        // it (an empty line, the `\n` of a `\r\n`): past them.
        let mut start = start.max(at);
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        line += line_ends(bytes, at, start);
        at = start;
        rows.push(SheetRow {
            line,
            cells: record.iter().map(|c| c.trim().to_string()).collect(),
            errors: Vec::new(),
        });
    }
    Ok(rows)
}

/// How many line ends `bytes[from..to]` holds: `\r\n` (counted at its
/// `\n`, wherever the range starts), `\n`, or a lone `\r`.
fn line_ends(bytes: &[u8], from: usize, to: usize) -> u64 {
    let mut n = 0;
    for i in from..to {
        match bytes[i] {
            b'\n' => n += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => n += 1,
            _ => {}
        }
    }
    n
}

/// Refuses a workbook that would unpack to more than `limit` bytes, by
/// unpacking it (and counting) up to that much: the sizes a file declares
/// may lie.
fn check_unpacked(bytes: &[u8], path: &str, limit: u64) -> Result<()> {
    let not_workbook = || tr!(i18n::SHEET_NOT_XLSX, path = path);
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| anyhow::anyhow!(not_workbook()))?;
    let too_big = || {
        tr!(
            i18n::SHEET_TOO_BIG,
            path = path,
            max = format!("{} MB", limit >> 20)
        )
    };
    if zip.len() > MAX_PARTS {
        bail!(too_big());
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip
            .by_index(i)
            .map_err(|_| anyhow::anyhow!(not_workbook()))?;
        let mut limited = part.take(limit - total + 1);
        total += std::io::copy(&mut limited, &mut std::io::sink())
            .map_err(|_| anyhow::anyhow!(not_workbook()))?;
        if total > limit {
            bail!(too_big());
        }
    }
    Ok(())
}

/// Reads one sheet of an `.xlsx` workbook: the one named (exactly, else
/// accents and case aside), or the first one shown.
fn read_xlsx(bytes: &[u8], path: &str, wanted: Option<&str>) -> Result<Sheet> {
    check_unpacked(bytes, path, MAX_UNPACKED)?;
    let not_workbook = || anyhow::anyhow!(tr!(i18n::SHEET_NOT_XLSX, path = path));
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|_| not_workbook())?;
    let sheets: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let name = match wanted {
        Some(wanted) => sheets
            .iter()
            .find(|(name, _)| name == wanted)
            .or_else(|| sheets.iter().find(|(name, _)| fold(name) == fold(wanted)))
            .map(|(name, _)| name.clone())
            .ok_or_else(|| {
                anyhow::anyhow!(tr!(
                    i18n::SHEET_NO_SUCH,
                    path = path,
                    sheet = i18n::short(wanted),
                    sheets = i18n::candidates(sheets.iter().map(|(name, _)| name.clone()))
                ))
            })?,
        None => sheets
            .iter()
            .find(|(_, shown)| *shown)
            .or(sheets.first())
            .map(|(name, _)| name.clone())
            .ok_or_else(|| anyhow::anyhow!(tr!(i18n::SHEET_EMPTY, path = path)))?,
    };
    let source = tr!(i18n::SHEET_SOURCE, path = path, sheet = name);
    let merges = book
        .merge_cells_by_sheet_name(&name)
        .map_err(|_| not_workbook())?;
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|_| not_workbook())?;
    // Sparse, as the file holds them: a sheet whose used range reaches far
    // (a stray value at XFD1048576) costs only the cells it has.
    let mut cells: Vec<(u32, u32, Result<String, String>)> = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(|_| not_workbook())? {
        let (row, col) = cell.get_position();
        let value = cell_text(cell.get_value());
        if col >= MAX_COLUMNS || matches!(&value, Ok(text) if text.is_empty()) {
            continue;
        }
        if cells.len() >= MAX_CELLS {
            bail!(tr!(
                i18n::SHEET_TOO_MANY_CELLS,
                path = source,
                max = MAX_CELLS
            ));
        }
        cells.push((row, col, value));
    }
    drop(reader);
    cells.sort_by_key(|(row, col, _)| (*row, *col));
    let mut rows: Vec<SheetRow> = Vec::new();
    for (row, col, value) in cells {
        let line = u64::from(row) + 1;
        if rows.last().is_none_or(|r| r.line != line) {
            rows.push(SheetRow {
                line,
                ..SheetRow::default()
            });
        }
        let Some(last) = rows.last_mut() else {
            continue;
        };
        let col = col as usize;
        if last.cells.len() <= col {
            last.cells.resize(col + 1, String::new());
        }
        match value {
            Ok(text) => last.cells[col] = text,
            Err(error) => last.errors.push((col, error)),
        }
    }
    let merged_down = merges
        .iter()
        .filter(|d| d.end.0 > d.start.0 && d.start.1 < MAX_COLUMNS)
        .map(|d| {
            (
                u64::from(d.start.0) + 1,
                u64::from(d.end.0) + 1,
                d.start.1 as usize,
            )
        })
        .collect();
    Ok(Sheet {
        path: path.to_string(),
        source,
        rows,
        merged_down,
        csv: false,
    })
}

/// A cell as the clerk reads it: text trimmed; a whole number without a
/// decimal point (a code typed as a number); a date as dd/mm/yyyy (the
/// time of day dropped); the error a formula gives as `Err`.
fn cell_text(value: &DataRef<'_>) -> Result<String, String> {
    Ok(match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.trim().to_string(),
        DataRef::SharedString(s) => s.trim().to_string(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (year, month, day, ..) = d.to_ymd_hms_milli();
            format!("{day:02}/{month:02}/{year:04}")
        }
        DataRef::DateTime(d) => number(d.as_f64()),
        // `2023-12-05T00:00:00`: the day, in the ISO form dates accept.
        DataRef::DateTimeIso(s) => s.split('T').next().unwrap_or_default().trim().to_string(),
        DataRef::DurationIso(s) => s.trim().to_string(),
        DataRef::Error(e) => return Err(e.to_string()),
    })
}

/// A number as Excel shows it in a General cell: `12`, not `12.0`.
fn number(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(u64, Vec<String>)> {
        read_csv(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.cells))
            .collect()
    }

    #[test]
    fn a_record_is_numbered_by_the_line_it_starts_on() {
        let want = |cells: &[&[&str]], at: &[u64]| -> Vec<(u64, Vec<String>)> {
            at.iter()
                .zip(cells)
                .map(|(l, c)| (*l, c.iter().map(|s| s.to_string()).collect()))
                .collect()
        };
        let cells: &[&[&str]] = &[&["a", "b"], &["x\ny", "1"], &["z", "2"]];
        for (text, at) in [
            ("a,b\n\"x\ny\",1\nz,2\n", [1, 2, 4]),
            ("a,b\r\n\"x\ny\",1\r\nz,2\r\n", [1, 2, 4]),
            ("a,b\r\n\r\n\"x\ny\",1\r\n\r\nz,2", [1, 3, 6]),
            ("a,b\r\"x\ny\",1\rz,2\r", [1, 2, 4]),
            ("\n\na,b\n\"x\ny\",1\nz,2\n", [3, 4, 6]),
        ] {
            let got = lines(text);
            // A line break inside quotes stays as it was written.
            let got: Vec<_> = got
                .into_iter()
                .map(|(l, c)| (l, c.into_iter().map(|s| s.replace("\r\n", "\n")).collect()))
                .collect();
            assert_eq!(got, want(cells, &at), "{text:?}");
        }
    }

    #[test]
    fn the_separator_is_the_header_lines() {
        for (text, want) in [
            ("code,name,kind\n", b','),
            ("code;name;kind\n", b';'),
            ("STT\tMã\tTên\n", b'\t'),
            ("Mã;Tên;\"Căn cứ, minh chứng\"\n", b';'),
            ("\"a;b\",c\n", b','),
            ("\n\nMã;Tên\n", b';'),
            ("một cột\n", b','),
        ] {
            assert_eq!(delimiter(text), want, "{text:?}");
        }
    }

    #[test]
    fn text_is_utf8_utf16_or_vietnamese_in_windows_1258() {
        // As Windows writes it: a letter with its shape, then the tone.
        let split: String = "Đảng bộ phường Ngô Quyền; Trường THCS"
            .chars()
            .flat_map(|c| {
                let (tone, rest): (Vec<char>, Vec<char>) =
                    std::iter::once(c).nfd().partition(|m| {
                        matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
                    });
                rest.into_iter().nfc().chain(tone).collect::<Vec<_>>()
            })
            .collect();
        let (vi, _, bad) = encoding_rs::WINDOWS_1258.encode(&split);
        assert!(!bad);
        assert!(vi.contains(&0xD2), "a hook above as a mark");
        assert_eq!(
            decode(&vi).as_deref().map(|s| s.nfc().collect::<String>()),
            Some("Đảng bộ phường Ngô Quyền; Trường THCS".to_string())
        );
        // Composed: what `normalize` stores compares equal.
        assert!(
            decode(&vi)
                .unwrap()
                .chars()
                .all(|c| !('\u{300}'..='\u{36F}').contains(&c))
        );
        assert_eq!(decode(b"\xEF\xBB\xBFM\xC3\xA3").as_deref(), Some("Mã"));
        assert_eq!(decode(b"\xFF\xFEM\x00\xE3\x00").as_deref(), Some("Mã"));
        assert_eq!(decode(b"\xFE\xFF\x00M\x00\xE3").as_deref(), Some("Mã"));
        for bytes in [
            // TCVN3 (ABC): "Đảng bộ".
            &b"\xA7\xB6ng b\xe9"[..],
            // VNI: "Đảng bộ".
            b"\xD1a\xFBng bo\xE4",
            // A combining mark on a consonant; C1 controls; a NUL.
            b"b\xECn",
            b"a\x81b",
            b"a\x00b\xff",
            // UTF-16 that is not.
            b"\xFF\xFE\x00\xD8",
            // A byte-order mark before what is not UTF-8.
            b"\xEF\xBB\xBFCh\xE9",
        ] {
            assert_eq!(decode(bytes), None, "{bytes:?}");
        }
        // Latin-1 letters that Vietnamese has read as they are.
        assert_eq!(decode(b"Ch\xe9").as_deref(), Some("Ché"));
    }

    #[test]
    fn a_workbook_that_unpacks_to_too_much_is_refused() -> Result<()> {
        use std::io::Write as _;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(
            "xl/sharedStrings.xml",
            zip::write::SimpleFileOptions::default(),
        )?;
        zip.write_all(&vec![b'a'; 3 << 20])?;
        let bytes = zip.finish()?.into_inner();
        assert!(bytes.len() < 1 << 20, "{}", bytes.len());
        let err = check_unpacked(&bytes, "bom.xlsx", 2 << 20).unwrap_err();
        assert!(err.to_string().contains("bom.xlsx"), "{err}");
        check_unpacked(&bytes, "bom.xlsx", 4 << 20)?;
        // Not a zip at all, or cut short: not a workbook, no panic.
        assert!(read(b"PK\x03\x04garbage", "x.xlsx", None).is_err());
        assert!(read(&bytes[..bytes.len() / 2], "x.xlsx", None).is_err());
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// No bytes make the reader panic, as text or as a workbook.
        #[test]
        fn no_bytes_make_it_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            let _ = read(&bytes, "x", None);
            let mut zipped = b"PK\x03\x04".to_vec();
            zipped.extend(&bytes);
            let _ = read(&zipped, "x", None);
        }

        /// Whatever text a cell holds reads back as written (trimmed), on its row.
        #[test]
        fn a_cell_reads_back_as_written(
            cells in proptest::collection::vec(("[^\u{0}-\u{8}\u{b}\u{c}\u{e}-\u{1f}\u{fffe}\u{ffff}]{0,40}", 0u32..50), 1..8)
        ) {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            for (i, (text, row)) in cells.iter().enumerate() {
                sheet.write_string(*row, i as u16, text.as_str()).unwrap();
            }
            let bytes = book.save_to_buffer().unwrap();
            let read = read(&bytes, "x.xlsx", None).unwrap();
            for (i, (text, row)) in cells.iter().enumerate() {
                let got = read
                    .rows
                    .iter()
                    .find(|r| r.line == u64::from(*row) + 1)
                    .and_then(|r| r.cells.get(i))
                    .map_or("", String::as_str);
                proptest::prop_assert_eq!(got, text.trim());
            }
        }
    }

    #[test]
    fn cells_read_as_shown() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        let date = |v| DataRef::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false));
        for (value, want) in [
            (DataRef::Float(12.0), Ok("12".to_string())),
            (DataRef::Float(1.5), Ok("1.5".to_string())),
            (DataRef::Int(7), Ok("7".to_string())),
            (date(45265.0), Ok("05/12/2023".to_string())),
            (date(45265.75), Ok("05/12/2023".to_string())),
            (
                DataRef::DateTimeIso("2023-12-05T00:00:00".into()),
                Ok("2023-12-05".to_string()),
            ),
            (DataRef::SharedString(" Chi bộ "), Ok("Chi bộ".to_string())),
            (
                DataRef::Error(calamine::CellErrorType::Ref),
                Err("#REF!".to_string()),
            ),
        ] {
            assert_eq!(cell_text(&value), want, "{value:?}");
        }
        // Whatever a cell holds, no panic.
        for v in [f64::NAN, f64::INFINITY, -1.0, 1e300, -1e300] {
            let _ = cell_text(&date(v));
            let _ = cell_text(&DataRef::Float(v));
        }
    }
}
