//! Party documents in the form of Hướng dẫn 36-HD/VPTW: a report on one
//! task (báo cáo) and a reminder to the units late with it (công văn đôn
//! đốc). `compose` words what `app::documents` computed into a `Document`
//! (always in Vietnamese: they are Party documents, whatever `--lang`);
//! `docx` and `html` draw the same `Document`; `chart` draws its bars.

pub mod chart;
pub mod compose;
pub mod docx;
pub mod html;

use chrono::{Datelike, NaiveDate};

/// A document, laid out as the form sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Top left: the committee above (capitals), the issuing body (bold
    /// capitals), then `*` and the number and symbol.
    pub above: String,
    pub body_name: String,
    /// `Số 25-BC/BTCTU`.
    pub number: String,
    /// A công văn's subject under its number (`V/v đôn đốc …`).
    pub about: Option<String>,
    /// Top right, under `ĐẢNG CỘNG SẢN VIỆT NAM`: `Sơn Tây, ngày 13 tháng 12 năm 2023`.
    pub place_date: String,
    /// The type in capitals and the subject (a báo cáo); a công văn has none.
    pub title: Option<(String, String)>,
    /// Kính gửi (a công văn): one line, or several.
    pub addressees: Vec<String>,
    pub blocks: Vec<Block>,
    /// Nơi nhận, bottom left: each line as printed (`- Lưu Ban Tổ chức.`).
    pub recipients: Vec<String>,
    pub signature: Signature,
    /// The day the document is dated.
    pub dated: NaiveDate,
    /// The secrecy stamp under the number and symbol (`MẬT`, `TỐI MẬT`,
    /// `TUYỆT MẬT`) when the document shows a secret title.
    pub stamp: Option<String>,
}

/// The signature block, bottom right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// `T/M BAN TỔ CHỨC`, `K/T TRƯỞNG BAN`; none when the head signs.
    pub form: Option<String>,
    pub title: String,
    pub name: String,
}

/// One part of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `I. KẾT QUẢ THỰC HIỆN`: bold.
    Heading(String),
    /// `1. Tổng hợp chung`: bold.
    Subheading(String),
    /// Justified, first line indented.
    Paragraph(String),
    /// A smaller line in italics, under a table or chart.
    Note(String),
    Table(Table),
    Chart(Chart),
}

/// A real table: `STT` first, a header row, then rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    /// Relative width: the columns share the text width in proportion.
    pub width: u32,
    /// Numbers and dates are centred; names are left.
    pub centred: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<String>,
    /// A total.
    pub bold: bool,
}

/// Stacked bars, one per kind of unit: the four buckets of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub title: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    /// Done on time, done late, open, overdue.
    pub counts: [u32; 4],
}

impl Bar {
    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }
}

/// The four buckets in the order of the bars: their names, and colours
/// (RGB) that stay apart when printed in grey.
pub const SERIES: [(&str, [u8; 3]); 4] = [
    ("Hoàn thành đúng hạn", [0x2E, 0x7D, 0x32]),
    ("Hoàn thành quá hạn", [0xF9, 0xA8, 0x25]),
    ("Chưa hoàn thành, trong hạn", [0x90, 0xCA, 0xF9]),
    ("Chưa hoàn thành, quá hạn", [0xC6, 0x28, 0x28]),
];

/// What stands where a setting is missing: the clerk fills it in Word.
pub const BLANK: &str = "…";

/// `13/12/2023`.
pub fn dmy(d: NaiveDate) -> String {
    crate::text::date::format_dmy(d)
}

/// The date line of the form: `Sơn Tây, ngày 05 tháng 01 năm 2024`: a day
/// under 10, and January and February, with a leading zero.
pub fn place_date(place: &str, d: NaiveDate) -> String {
    let month = match d.month() {
        m @ (1 | 2) => format!("{m:02}"),
        m => m.to_string(),
    };
    format!(
        "{place}, ngày {:02} tháng {month} năm {}",
        d.day(),
        d.year()
    )
}

/// `30,0%`: one decimal, a comma, as Vietnamese writes it.
pub fn percent(n: u32, of: u32) -> String {
    let pct = if of == 0 {
        0.0
    } else {
        (f64::from(n) * 1000.0 / f64::from(of)).round() / 10.0
    };
    format!("{pct:.1}%").replace('.', ",")
}

/// A title inside a sentence: its first letter lowered, unless the first
/// word is an abbreviation (`HĐND` stays).
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    let (Some(first), second) = (chars.next(), chars.clone().next()) else {
        return String::new();
    };
    if second.is_some_and(char::is_uppercase) {
        return s.to_string();
    }
    first.to_lowercase().chain(chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_line_pads_days_under_ten_and_the_first_two_months() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            place_date("Sơn Tây", day(2024, 1, 5)),
            "Sơn Tây, ngày 05 tháng 01 năm 2024"
        );
        assert_eq!(
            place_date("Sơn Tây", day(2023, 12, 13)),
            "Sơn Tây, ngày 13 tháng 12 năm 2023"
        );
        assert_eq!(
            place_date("Hà Nội", day(2018, 4, 3)),
            "Hà Nội, ngày 03 tháng 4 năm 2018"
        );
        assert_eq!(
            place_date("…", day(2024, 2, 29)),
            "…, ngày 29 tháng 02 năm 2024"
        );
    }

    #[test]
    fn percentages_and_first_letters() {
        assert_eq!(percent(1, 3), "33,3%");
        assert_eq!(percent(0, 0), "0,0%");
        assert_eq!(percent(20, 20), "100,0%");
        assert_eq!(lower_first("Kiểm điểm năm 2023"), "kiểm điểm năm 2023");
        assert_eq!(lower_first("HĐND xã"), "HĐND xã");
        assert_eq!(lower_first(""), "");
    }
}
