//! The yearly cycle: a task of one year made again for another (the review
//! of 2023, then of 2024). Which year a task is about, its title and code
//! with that year changed, and its due dates moved by whole years.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::domain::DueRule;
use crate::text::date::{MAX_YEAR, MIN_YEAR};

/// The years a title or code may name: four digits from the Party's
/// founding on. A longer number (`10072`), or one outside these, is no year.
const YEARS: Range<i32> = MIN_YEAR..2200;

/// The years written in `text`: each standalone run of four digits (not
/// part of a longer run of digits) that is a year, with where it stands.
fn years(text: &str) -> Vec<(Range<usize>, i32)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 4
            && let Ok(year) = text[start..i].parse::<i32>()
            && YEARS.contains(&year)
        {
            found.push((start..i, year));
        }
    }
    found
}

/// The year a task is about. A task falls due in the year it is about or
/// after it (the report on 2023 due in January 2024), never before: the
/// latest year its title writes that is not after the year of its last due
/// date; else the same of its code; else the year of its first due date.
pub fn task_year(title: &str, code: &str, dues: &[DueRule]) -> Option<i32> {
    let last = dues.iter().map(|d| d.due_on.year()).max()?;
    let written = |text: &str| {
        years(text)
            .into_iter()
            .map(|(_, year)| year)
            .filter(|year| *year <= last)
            .max()
    };
    written(title)
        .or_else(|| written(code))
        .or_else(|| dues.iter().map(|d| d.due_on.year()).min())
}

/// `text` with each year `from` it writes made `to`; `None` when it does
/// not write `from` (a title with no year stays as it is).
pub fn replace_year(text: &str, from: i32, to: i32) -> Option<String> {
    let found: Vec<Range<usize>> = years(text)
        .into_iter()
        .filter(|(_, year)| *year == from)
        .map(|(at, _)| at)
        .collect();
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for at in found {
        out.push_str(&text[last..at.start]);
        out.push_str(&to.to_string());
        last = at.end;
    }
    out.push_str(&text[last..]);
    Some(out)
}

/// `day` moved by `years` whole years: 06/12/2023 → 06/12/2024, and
/// 29/02/2024 → 28/02/2025 in a year without a 29 February. `None` outside
/// the dates accepted anywhere (`MIN_YEAR` to `MAX_YEAR`).
pub fn shift_years(day: NaiveDate, years: i32) -> Option<NaiveDate> {
    let year = day.year().checked_add(years)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    day.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, day.month(), day.day() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UnitKind;

    fn day(s: &str) -> NaiveDate {
        crate::text::date::parse_date(s).unwrap()
    }

    fn dues(days: &[&str]) -> Vec<DueRule> {
        days.iter()
            .map(|d| DueRule {
                kind: UnitKind::ChiBoCoSo,
                due_on: day(d),
            })
            .collect()
    }

    #[test]
    fn the_year_a_task_is_about() {
        // (title, code, due dates, year)
        let cases: &[(&str, &str, &[&str], i32)] = &[
            (
                "Kiểm điểm năm 2023",
                "kd",
                &["06/12/2023", "12/12/2023"],
                2023,
            ),
            // Due early in the next year: still the year the title names.
            ("Báo cáo tổng kết năm 2023", "bc", &["15/01/2024"], 2023),
            // A horizon after the deadline is not the year it is about.
            ("Đào tạo cán bộ đến năm 2025", "dt", &["30/06/2024"], 2024),
            // No year in the title: the code's, else the first due date's.
            ("Kiểm điểm", "kiem-diem-2023", &["06/12/2023"], 2023),
            ("Kiểm điểm", "kh223-1", &["06/12/2023", "05/01/2024"], 2023),
            // Numbers that are no years.
            ("Công văn 10072 ngày 12", "cv-0223", &["06/12/2023"], 2023),
            ("Năm học 2023-2024", "nh", &["31/05/2024"], 2024),
        ];
        for (title, code, days, year) in cases {
            assert_eq!(
                task_year(title, code, &dues(days)),
                Some(*year),
                "{title} / {code}"
            );
        }
        assert_eq!(task_year("x", "y", &[]), None);
    }

    #[test]
    fn the_year_is_replaced_where_it_stands_alone() {
        let cases: &[(&str, i32, i32, Option<&str>)] = &[
            (
                "Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023",
                2023,
                2024,
                Some("Kiểm điểm, đánh giá, xếp loại chất lượng năm 2024"),
            ),
            ("kiem-diem-2023", 2023, 2024, Some("kiem-diem-2024")),
            ("kd2023", 2023, 2024, Some("kd2024")),
            ("Năm 2023 và 2023", 2023, 2025, Some("Năm 2025 và 2025")),
            ("Mã 120235", 2023, 2024, None),
            ("Kiểm điểm", 2023, 2024, None),
        ];
        for (text, from, to, want) in cases {
            assert_eq!(replace_year(text, *from, *to).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn days_move_by_whole_years() {
        let cases: &[(&str, i32, Option<&str>)] = &[
            ("06/12/2023", 1, Some("06/12/2024")),
            ("29/02/2024", 1, Some("28/02/2025")),
            ("29/02/2024", 4, Some("29/02/2028")),
            ("28/02/2023", 1, Some("28/02/2024")),
            ("15/01/2024", -1, Some("15/01/2023")),
            ("06/12/1930", -1, None),
            ("06/12/9999", 1, None),
        ];
        for (from, years, want) in cases {
            assert_eq!(
                shift_years(day(from), *years),
                want.map(day),
                "{from} + {years}"
            );
        }
    }
}
