//! The use cases: one function per thing a clerk does, taking plain request
//! values and returning typed results or `domain::Error`. Every rule of the
//! product lives here or in `domain`; the command line, the demo and any
//! other front end call these and only render what they return.
//!
//! A use case runs on a `Db` inside the caller's write (one change of the
//! log), so that a front end can put several in one transaction (an import,
//! the demo) and say in the log what the change was.

pub mod assign;
pub mod completions;
pub mod directives;
pub mod documents;
pub mod dues;
pub mod extract;
pub mod history;
pub mod people;
pub mod portable;
pub mod progress;
pub mod ratings;
pub mod renew;
pub mod reports;
pub mod resolve;
pub mod results;
pub mod settings;
pub mod tasks;
pub mod units;

pub use resolve::{DirectiveQuery, resolve_directive, resolve_person, resolve_task, resolve_unit};

use crate::domain::error::{Error, Field, Result};

/// A text the clerk must give: normalized (line breaks and tabs become
/// spaces), with no control character nor bidirectional override, at most
/// `field.max_chars()` characters, and something to read in it (a text of
/// spaces and zero-width characters is empty; one of punctuation only has no
/// letter or digit).
pub fn text(s: &str, field: Field) -> Result<String> {
    let text = crate::text::normalize(s);
    if let Some(ch) = text
        .chars()
        .find(|c| crate::text::is_control(*c) || crate::text::is_bidi_control(*c))
    {
        return Err(Error::BadCharacter { field, ch });
    }
    if crate::text::is_blank(&text) {
        return Err(Error::EmptyText { field });
    }
    if !crate::text::has_letter_or_digit(&text) {
        return Err(Error::NoLetterOrDigit { field });
    }
    let (len, max) = (text.chars().count(), field.max_chars());
    if len > max {
        return Err(Error::TooLong { field, max, len });
    }
    Ok(text)
}

/// A text the clerk may leave out (a note, evidence): `None` when empty or
/// only spaces, else checked as `text`.
pub fn optional_text(s: Option<&str>, field: Field) -> Result<Option<String>> {
    match s {
        // Only spaces: left out. Something invisible is refused by `text`
        // as empty: the clerk typed something that shows nothing.
        Some(s) if !s.trim().is_empty() => text(s, field).map(Some),
        _ => Ok(None),
    }
}

/// A code as typed: short ASCII letters, digits, `-`, `_`, `.`.
pub fn code(code: &str) -> Result<String> {
    let code = &crate::text::normalize(code);
    if !crate::domain::unit::is_valid_code(code) {
        return Err(Error::BadCode {
            code: code.to_string(),
        });
    }
    Ok(code.to_string())
}

/// A small Sơn Tây for the use cases' tests, built through the use cases.
#[cfg(test)]
pub(crate) mod testing {
    use chrono::NaiveDate;

    use crate::domain::UnitKind;
    use crate::domain::error::Result;
    use crate::store::{Db, SqliteStore, write};

    use super::DirectiveQuery;
    use super::directives::{self, NewDirective};
    use super::tasks::{self, NewTask};
    use super::units::{self, NewUnit};

    pub fn day(s: &str) -> NaiveDate {
        crate::text::date::parse_date(s).expect("a date")
    }

    /// Runs `f` as one change on `store`.
    pub fn change<T>(store: &mut SqliteStore, f: impl FnOnce(&dyn Db) -> Result<T>) -> Result<T> {
        // A file's write is tried once.
        let mut f = Some(f);
        write(store, "chuyen-vien", "test", |db| {
            (f.take().expect("one try"))(db)
        })
    }

    /// The town committee `st`; the ward `nq` with chi bộ `nq1`, `nq2`; the
    /// chi bộ cơ sở `cb`; Plan 223 and its review `kd` (chi bộ by 06/12/2023,
    /// đảng bộ by 12/12/2023), rated when `rated`.
    pub fn son_tay(rated: bool) -> Result<SqliteStore> {
        let mut store = SqliteStore::open_in_memory()?;
        son_tay_in(&mut store, rated)?;
        Ok(store)
    }

    /// `son_tay`, in `store` (a file's, say).
    pub fn son_tay_in(store: &mut SqliteStore, rated: bool) -> Result<()> {
        change(store, |db| {
            let unit = |name, kind, parent, code| NewUnit {
                name,
                kind,
                parent,
                code: Some(code),
                founded: None,
            };
            units::add(
                db,
                &unit(
                    "Đảng bộ thị xã Sơn Tây",
                    UnitKind::DangBoCapTren,
                    None,
                    "st",
                ),
            )?;
            units::add(
                db,
                &unit(
                    "Đảng bộ phường Ngô Quyền",
                    UnitKind::DangBoCoSo,
                    Some("st"),
                    "nq",
                ),
            )?;
            for (name, code) in [("Chi bộ khu 1", "nq1"), ("Chi bộ khu 2", "nq2")] {
                units::add(db, &unit(name, UnitKind::ChiBoTrucThuoc, Some("nq"), code))?;
            }
            units::add(
                db,
                &unit(
                    "Chi bộ Cơ quan Ủy ban Kiểm tra",
                    UnitKind::ChiBoCoSo,
                    Some("st"),
                    "cb",
                ),
            )?;
            directives::add(
                db,
                &NewDirective {
                    reference: "Kế hoạch số 223",
                    doc_type: None,
                    issuer: "Ban Thường vụ Thị ủy Sơn Tây",
                    issued_on: Some(day("23/11/2023")),
                    title: "kiểm điểm, đánh giá, xếp loại chất lượng năm 2023",
                    secrecy: None,
                    urgency: None,
                },
            )?;
            let due = [
                crate::domain::DueRule {
                    kind: UnitKind::ChiBoCoSo,
                    due_on: day("06/12/2023"),
                },
                crate::domain::DueRule {
                    kind: UnitKind::ChiBoTrucThuoc,
                    due_on: day("06/12/2023"),
                },
                crate::domain::DueRule {
                    kind: UnitKind::DangBoCoSo,
                    due_on: day("12/12/2023"),
                },
            ];
            tasks::add(
                db,
                &NewTask {
                    directive: DirectiveQuery::of("223"),
                    title: "Kiểm điểm năm 2023",
                    due: &due,
                    within: None,
                    code: Some("kd"),
                    rated,
                    people: false,
                    force: false,
                },
            )?;
            Ok(())
        })
    }
}
