//! Dates as clerks write them: `06/12/2023`, `6/12/2023`, `6-12-2023`,
//! `31.7.2019`, `2023-12-06`, `ngày 06 tháng 11 năm 2023`.

use chrono::NaiveDate;
use thiserror::Error;

use crate::text::fold;

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    /// The text has none of the accepted shapes.
    #[error("unrecognized date shape")]
    Shape,
    /// The shape is right but no such day exists (31/02, month 13): what
    /// is wrong with it.
    #[error("no such day")]
    NoSuchDay(NoSuchDay),
    /// A real day, but of a year no record of theirs can have (before
    /// `MIN_YEAR`: `01/01/0000`, a year typed short).
    #[error("year out of range")]
    OutOfRange,
}

/// What makes a date of the right shape no real day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSuchDay {
    /// A month not from 1 to 12.
    Month,
    /// Day 0, or past the last day of its month (`29/02/2023`): the month,
    /// its year and its last day.
    Day { month: u32, year: i32, last: u32 },
}

/// The first year a date may have: the Party was founded on 3 February 1930.
pub const MIN_YEAR: i32 = 1930;
/// The last year a date may have (four digits).
pub const MAX_YEAR: i32 = 9999;

/// Parses a date in any of the accepted forms.
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let folded = fold(input);
    // Pasted dates come with the punctuation around them: "(06/12/2023)", "2023.".
    let s = folded.trim_matches(|c: char| c.is_whitespace() || "()[],;:.".contains(c));
    if let Some(date) = parse_words(s) {
        return date;
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(DateError::Shape);
    };
    let seps: Vec<char> = s.chars().filter(|c| matches!(c, '/' | '-' | '.')).collect();
    if seps.iter().any(|c| *c != seps[0]) {
        return Err(DateError::Shape);
    }
    // Year first only in ISO form with dashes; otherwise day, month, year.
    let (y, m, d) = if a.len() == 4 && seps[0] == '-' {
        (*a, *b, *c)
    } else {
        (*c, *b, *a)
    };
    ymd(y, m, d)
}

/// `ngày 6 tháng 11 năm 2023`, the word `ngày` optional, already folded.
fn parse_words(s: &str) -> Option<Result<NaiveDate, DateError>> {
    let words: Vec<&str> = s.split(' ').collect();
    let words = match words.first() {
        Some(&"ngay") => &words[1..],
        _ => &words[..],
    };
    match words {
        [d, "thang", m, "nam", y] => Some(ymd(y, m, d)),
        _ => None,
    }
}

fn ymd(y: &str, m: &str, d: &str) -> Result<NaiveDate, DateError> {
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(y, 4, 4) && digits(m, 1, 2) && digits(d, 1, 2)) {
        return Err(DateError::Shape);
    }
    let (y, m, d) = (
        y.parse().map_err(|_| DateError::Shape)?,
        m.parse().map_err(|_| DateError::Shape)?,
        d.parse().map_err(|_| DateError::Shape)?,
    );
    let day = NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        DateError::NoSuchDay(match last_day(y, m) {
            Some(last) => NoSuchDay::Day {
                month: m,
                year: y,
                last,
            },
            None => NoSuchDay::Month,
        })
    })?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        return Err(DateError::OutOfRange);
    }
    Ok(day)
}

/// The last day of month `m` of year `y`; `None` when `m` is no month.
fn last_day(y: i32, m: u32) -> Option<u32> {
    (28..=31)
        .rev()
        .find(|d| NaiveDate::from_ymd_opt(y, m, *d).is_some())
}

/// `dd/mm/yyyy`, the form tables show.
pub fn format_dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &[(&str, (i32, u32, u32))] = &[
        ("06/12/2023", (2023, 12, 6)),
        ("6/12/2023", (2023, 12, 6)),
        ("6-12-2023", (2023, 12, 6)),
        ("06-12-2023", (2023, 12, 6)),
        ("2023-12-06", (2023, 12, 6)),
        ("31.7.2019", (2019, 7, 31)),
        ("5-8-2024", (2024, 8, 5)),
        (" 6/11/2023 ", (2023, 11, 6)),
        ("ngày 06 tháng 11 năm 2023", (2023, 11, 6)),
        ("ngày 6 tháng 11 năm 2023", (2023, 11, 6)),
        ("Ngày 12 tháng 11 năm 2019", (2019, 11, 12)),
        ("6 tháng 11 năm 2023", (2023, 11, 6)),
        ("ngay 6 thang 11 nam 2023", (2023, 11, 6)),
        ("29/02/2024", (2024, 2, 29)),
        ("1/1/2024", (2024, 1, 1)),
        ("01/01/2024", (2024, 1, 1)),
        ("1-1-2024", (2024, 1, 1)),
        ("1.1.2024", (2024, 1, 1)),
        ("01.01.2024", (2024, 1, 1)),
        ("31/12/2025", (2025, 12, 31)),
        ("31.12.2025", (2025, 12, 31)),
        ("2025-12-31", (2025, 12, 31)),
        ("2025-1-5", (2025, 1, 5)),
        ("12/11/2019", (2019, 11, 12)),
        ("ngày 12 tháng 11 năm 2019", (2019, 11, 12)),
        ("ngày 01 tháng 7 năm 2025", (2025, 7, 1)),
        ("NGÀY 1 THÁNG 7 NĂM 2025", (2025, 7, 1)),
        ("ngày  23  tháng 11 năm 2023", (2023, 11, 23)),
        ("ngày 23 tháng 11 năm 2023.", (2023, 11, 23)),
        ("(06/12/2023)", (2023, 12, 6)),
        ("23/11/2023,", (2023, 11, 23)),
        ("5-8-2024", (2024, 8, 5)),
        ("05/08/2024", (2024, 8, 5)),
        ("15/3/2021", (2021, 3, 15)),
        ("2/9/1945", (1945, 9, 2)),
        ("3.2.1930", (1930, 2, 3)),
        ("01/01/1930", (1930, 1, 1)),
        ("29.02.2020", (2020, 2, 29)),
    ];

    const fn day(month: u32, year: i32, last: u32) -> DateError {
        DateError::NoSuchDay(NoSuchDay::Day { month, year, last })
    }

    const fn feb(year: i32, last: u32) -> DateError {
        day(2, year, last)
    }

    const BAD: &[(&str, DateError)] = &[
        ("31/02/2023", feb(2023, 28)),
        ("2023-13-01", DateError::NoSuchDay(NoSuchDay::Month)),
        ("29/02/2023", feb(2023, 28)),
        ("0/1/2023", day(1, 2023, 31)),
        ("31/13/2023", DateError::NoSuchDay(NoSuchDay::Month)),
        ("1/0/2023", DateError::NoSuchDay(NoSuchDay::Month)),
        ("6/12/23", DateError::Shape),
        ("6/12-2023", DateError::Shape),
        ("hôm qua", DateError::Shape),
        ("", DateError::Shape),
        ("2023/12/06", DateError::Shape),
        ("06/12/2023/1", DateError::Shape),
        ("+6/12/2023", DateError::Shape),
        ("32/12/2023", day(12, 2023, 31)),
        ("31/04/2024", day(4, 2024, 30)),
        ("ngày 31 tháng 6 năm 2024", day(6, 2024, 30)),
        ("ngày 6 tháng 11", DateError::Shape),
        ("tháng 11 năm 2023", DateError::Shape),
        ("6/11", DateError::Shape),
        ("123/11/2023", DateError::Shape),
        ("6/111/2023", DateError::Shape),
        ("06/12/20231", DateError::Shape),
        ("6 / 12 / 2023", DateError::Shape),
        ("2023-12", DateError::Shape),
        ("quý IV.2019", DateError::Shape),
        ("01/01/0000", DateError::OutOfRange),
        ("31/12/1929", DateError::OutOfRange),
        ("1929-12-31", DateError::OutOfRange),
        ("ngày 1 tháng 1 năm 1000", DateError::OutOfRange),
        ("29/02/1900", feb(1900, 28)),
    ];

    #[test]
    fn accepted_forms() {
        for (input, (y, m, d)) in GOOD {
            assert_eq!(
                parse_date(input),
                Ok(NaiveDate::from_ymd_opt(*y, *m, *d).unwrap()),
                "{input}"
            );
        }
    }

    #[test]
    fn rejected_forms() {
        for (input, err) in BAD {
            assert_eq!(parse_date(input), Err(err.clone()), "{input}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_day_round_trips(days in 0i64..100_000) {
            let day = NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).unwrap() + chrono::Days::new(days as u64);
            proptest::prop_assert_eq!(parse_date(&format_dmy(day)), Ok(day));
            proptest::prop_assert_eq!(parse_date(&day.to_string()), Ok(day));
            proptest::prop_assert_eq!(parse_date(&day.format("%-d.%-m.%Y").to_string()), Ok(day));
            proptest::prop_assert_eq!(
                parse_date(&day.format("ngày %-d tháng %-m năm %Y").to_string()),
                Ok(day)
            );
        }

        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = parse_date(&s);
        }
    }

    #[test]
    fn format_pads() {
        let d = NaiveDate::from_ymd_opt(2023, 12, 6).unwrap();
        assert_eq!(format_dmy(d), "06/12/2023");
        assert_eq!(parse_date(&format_dmy(d)), Ok(d));
    }
}
