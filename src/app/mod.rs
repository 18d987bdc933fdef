//! The use cases: one function per thing a clerk does, taking plain request
//! values and returning typed results or `domain::Error`. Every rule of the
//! product lives here or in `domain`; the command line, the demo and any
//! other front end call these and only render what they return.
//!
//! A use case runs on a `Db` inside the caller's write (one change of the
//! log), so that a front end can put several in one transaction (an import,
//! the demo) and say in the log what the change was.

pub mod completions;
pub mod directives;
pub mod extract;
pub mod history;
pub mod people;
pub mod progress;
pub mod ratings;
pub mod resolve;
pub mod tasks;
pub mod units;

pub use resolve::{DirectiveQuery, resolve_directive, resolve_person, resolve_task, resolve_unit};

use crate::domain::error::{Error, Field, Result};

/// A text the clerk must give: normalized, and not empty.
pub fn text(s: &str, field: Field) -> Result<String> {
    let text = crate::text::normalize(s);
    if text.is_empty() {
        return Err(Error::EmptyText { field });
    }
    Ok(text)
}

/// A code as typed: short ASCII letters, digits, `-`, `_`, `.`.
pub fn code(code: &str) -> Result<String> {
    let code = code.trim();
    if !crate::domain::unit::is_valid_code(code) {
        return Err(Error::BadCode {
            code: code.to_string(),
        });
    }
    Ok(code.to_string())
}
