//! Every string a user reads, in Vietnamese (the default) and English.
//! Messages are `Text` constants filled by `tr!`; command help is keyed by
//! the command path (see `help`).
//!
//! By concern: `names` (kinds, types, ratings, statuses), `headers` (table
//! columns), `messages` (what commands say and errors), `log` (lines of the
//! change log), `help` (command help and examples).

mod columns;
mod documents;
mod errors;
mod headers;
mod help;
mod log;
mod messages;
mod names;

pub use columns::*;
pub use documents::*;
pub use errors::*;
pub use headers::*;
pub use help::*;
pub use log::*;
pub use messages::*;
pub use names::*;

use std::fmt::Display;
use std::sync::OnceLock;

/// The language of everything printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi` or `en` (also `vi-VN`, `en_US.UTF-8`…); anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("vi") {
            Some(Lang::Vi)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language once, at start-up. Later calls are ignored.
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language in force.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// One piece of text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text in the language in force.
    pub fn get(&self) -> &'static str {
        match lang() {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

pub(crate) const fn t(vi: &'static str, en: &'static str) -> Text {
    Text { vi, en }
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// `tr!(TEXT)` or `tr!(TEXT, name = value, …)`: a message in the language in force.
macro_rules! tr {
    ($text:expr) => { $text.get().to_string() };
    ($text:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill($text.get(), &[$((stringify!($name), &$value as &dyn std::fmt::Display)),+])
    };
}
pub(crate) use tr;

/// At most ten candidates, each cut to `VALUE_MAX` characters, joined for a
/// one-line error.
pub fn candidates(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    let mut shown = items
        .iter()
        .take(10)
        .map(|item| short(item).into_owned())
        .collect::<Vec<_>>()
        .join("; ");
    if items.len() > 10 {
        shown.push_str(&tr!(MORE, n = items.len() - 10));
    }
    shown
}

/// A list of accepted values, for error messages.
pub fn accepted(values: impl Iterator<Item = String>) -> String {
    values.collect::<Vec<_>>().join(", ")
}

/// A text with its first letter in capitals: a status at the head of a cell.
pub fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A kind's name inside a sentence: its first letter in lower case.
pub fn in_sentence(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `a`, `a hoặc b`, `a, b hoặc c`.
pub fn either(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), OR.get()),
    }
}
