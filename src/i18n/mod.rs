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

use std::borrow::Cow;
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

/// Replaces each `{name}` in `template` by its value; a command the message
/// suggests carries the database the clerk named (`with_db`).
/// A count with its noun, `{name:one|many}`, reads `1 one` or `5 many`
/// (English needs it; Vietnamese nouns do not change).
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let values: Vec<(&str, String)> = args.iter().map(|(n, v)| (*n, v.to_string())).collect();
    with_db(&filled(&dashed_values(template, &values), &values))
}

/// `template` with each value that begins with `-` (a code an older file
/// holds) placed, in a command it suggests (`` `theodoi …` ``), where the
/// parser takes it as a value and not as an option: joined to its option
/// (`--unit={code}`), or, standing alone, after a `--` at the end.
fn dashed_values<'t>(template: &'t str, values: &[(&str, String)]) -> Cow<'t, str> {
    const START: &str = "`theodoi ";
    if !template.contains(START) || !values.iter().any(|(_, v)| v.starts_with('-')) {
        return Cow::Borrowed(template);
    }
    let dashed = |word: &str| {
        word.strip_prefix('{')
            .and_then(|w| w.strip_suffix('}'))
            .is_some_and(|name| values.iter().any(|(n, v)| *n == name && v.starts_with('-')))
    };
    let mut out = String::with_capacity(template.len() + 8);
    let mut rest = template;
    while let Some(at) = rest.find(START) {
        let (before, after) = rest.split_at(at + START.len());
        out.push_str(before);
        let (command, tail) = after.split_at(after.find('`').unwrap_or(after.len()));
        let mut words: Vec<String> = Vec::new();
        let mut alone: Vec<&str> = Vec::new();
        for word in command.split(' ') {
            if !dashed(word) {
                words.push(word.to_string());
                continue;
            }
            match words.last_mut() {
                Some(option) if option.starts_with("--") && !option.contains('=') => {
                    option.push('=');
                    option.push_str(word);
                }
                _ => alone.push(word),
            }
        }
        out.push_str(&words.join(" "));
        if !alone.is_empty() {
            out.push_str(" -- ");
            out.push_str(&alone.join(" "));
        }
        rest = tail;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `template` with each `{name}` and `{name:one|many}` of `values` replaced,
/// in one pass: a value (a title a clerk typed, with braces in it) is text,
/// never read as a template. A brace that names no value stays as it is.
fn filled(template: &str, values: &[(&str, String)]) -> String {
    filled_by(template, |name| {
        values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    })
}

/// As `filled`, each name's value asked of `value` (`None`: the brace stays
/// as it is). The change log fills its lines with this from a change's
/// details.
pub(crate) fn filled_by(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let said = after.find('}').and_then(|end| {
            let token = &after[..end];
            let (name, forms) = match token.split_once(':') {
                Some((name, forms)) => (name, Some(forms.split_once('|')?)),
                None => (token, None),
            };
            let value = value(name)?;
            let text = match forms {
                Some((one, many)) => format!("{value} {}", if value == "1" { one } else { many }),
                None => value,
            };
            Some((text, end))
        });
        match said {
            Some((text, end)) => {
                out.push_str(&text);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The database named by `--db` or `THEODOI_DB`, as a shell word, and the
/// names of the commands: a command a message suggests must open it too.
struct NamedDb {
    word: String,
    /// The names that may follow `theodoi`, asked for only when a message
    /// suggests a command (building them costs more than most commands).
    commands: fn() -> Vec<String>,
    names: OnceLock<Vec<String>>,
}

static NAMED_DB: OnceLock<NamedDb> = OnceLock::new();

/// Says, once, that the clerk named the database (`--db` or `THEODOI_DB`):
/// from then on each `theodoi COMMAND …` a message suggests reads
/// `theodoi --db PATH COMMAND …`, so that it works as typed. `commands`
/// gives the names that may follow `theodoi`.
pub fn set_named_db(path: &std::path::Path, commands: fn() -> Vec<String>) {
    let _ = NAMED_DB.set(NamedDb {
        word: shell_word(&path.to_string_lossy()),
        commands,
        names: OnceLock::new(),
    });
}

/// `path` as one word of a command line: as it is when it holds only
/// letters, digits and `-_./:+,@%` (and `\\` on Windows, where it separates
/// folders); else quoted (`'…'` on Unix, `"…"` on Windows).
pub fn shell_word(path: &str) -> String {
    let safe = if cfg!(windows) {
        "-_./:\\+,@%"
    } else {
        "-_./:+,@%"
    };
    let plain = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_alphanumeric() || safe.contains(c));
    if plain {
        path.to_string()
    } else {
        shell_quoted(path)
    }
}

/// `words` quoted as one word of a command line, always: `'…'` on Unix
/// (an apostrophe as `'\''`), `"…"` on Windows.
pub fn shell_quoted(words: &str) -> String {
    if cfg!(windows) {
        format!("\"{words}\"")
    } else {
        format!("'{}'", words.replace('\'', "'\\''"))
    }
}

/// `message` with `--db PATH` after each `theodoi` that starts a suggested
/// command, when the clerk named the database; a command that already
/// names one (anywhere), or asks for help, is left as it is.
fn with_db(message: &str) -> String {
    match NAMED_DB.get() {
        Some(named) if message.contains("theodoi ") => insert_db(
            message,
            &named.word,
            named.names.get_or_init(named.commands),
        ),
        _ => message.to_string(),
    }
}

/// `message` with `--db DB` after each `theodoi` followed by one of
/// `commands` (or `--show-secret`), unless that command asks for help.
fn insert_db(message: &str, db: &str, commands: &[String]) -> String {
    const START: &str = "theodoi ";
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(START) {
        let (before, after) = rest.split_at(at + START.len());
        out.push_str(before);
        rest = after;
        let word = after.split([' ', '`', '\n']).next().unwrap_or_default();
        let command = after.split(['`', '\n']).next().unwrap_or_default();
        let suggests = word == "--show-secret" || commands.iter().any(|c| c == word);
        // Its own options, up to a `--` after which all are values (a code
        // `--db` or `--help` written `-- --help`, `--unit=--db`).
        let options: Vec<&str> = command
            .split_whitespace()
            .take_while(|w| *w != "--")
            .collect();
        let own_db = options
            .iter()
            .any(|w| *w == "--db" || w.starts_with("--db="));
        let help = options.last().is_some_and(|w| *w == "--help");
        if suggests && !own_db && !help {
            // A path that starts with `-` would be read as an option.
            out.push_str(if db.starts_with('-') {
                "--db="
            } else {
                "--db "
            });
            out.push_str(db);
            out.push(' ');
        }
    }
    out.push_str(rest);
    out
}

/// `tr!(TEXT)` or `tr!(TEXT, name = value, …)`: a message in the language in force.
macro_rules! tr {
    ($text:expr) => { $crate::i18n::fill($text.get(), &[]) };
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

#[cfg(test)]
mod tests {
    use super::{dashed_values, filled, insert_db, shell_word};

    #[test]
    fn a_value_that_begins_with_a_dash_is_a_value_in_a_suggested_command() {
        let v = |pairs: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
            pairs.iter().map(|(n, v)| (*n, v.to_string())).collect()
        };
        let t = "task {task}: `theodoi task assign {task} --unit {code} --due NGÀY`";
        let values = v(&[("task", "-t"), ("code", "-x")]);
        assert_eq!(
            filled(&dashed_values(t, &values), &values),
            "task -t: `theodoi task assign --unit=-x --due NGÀY -- -t`"
        );
        let values = v(&[("task", "t"), ("code", "x")]);
        assert_eq!(dashed_values(t, &values), t);
    }

    #[test]
    fn a_count_takes_the_noun_of_its_number() {
        let t = "{n:unit is|units are} open; {days:day|days} left";
        let v = |pairs: &[(&'static str, &str)]| -> Vec<(&'static str, String)> {
            pairs.iter().map(|(n, v)| (*n, v.to_string())).collect()
        };
        assert_eq!(
            filled(t, &v(&[("n", "1"), ("days", "3")])),
            "1 unit is open; 3 days left"
        );
        assert_eq!(
            filled(t, &v(&[("n", "12")])),
            "12 units are open; {days:day|days} left"
        );
        // A brace that is not a count stays as it is.
        assert_eq!(filled("{n:x} {n:a|b}", &v(&[("n", "1")])), "{n:x} 1 a");
        // A value is text: its braces are not filled, nor do they eat the
        // template's own.
        assert_eq!(
            filled(
                "task {title} for {n:unit|units} of {whom}",
                &v(&[("title", "A {n} {whom"), ("n", "8"), ("whom", "X")])
            ),
            "task A {n} {whom for 8 units of X"
        );
    }

    #[test]
    fn a_suggested_command_names_the_database() {
        let commands = ["init", "unit", "directive", "task"].map(String::from);
        let cases = [
            (
                "muốn tạo thì chạy `theodoi init`",
                "muốn tạo thì chạy `theodoi --db mat.db init`",
            ),
            (
                "xem `theodoi unit add --help`",
                "xem `theodoi unit add --help`",
            ),
            ("xem `theodoi --help`", "xem `theodoi --help`"),
            (
                "Xem thêm: theodoi --db x.db unit list",
                "Xem thêm: theodoi --db x.db unit list",
            ),
            (
                "cơ sở dữ liệu theodoi trong tệp này; bản theodoi mới hơn",
                "cơ sở dữ liệu theodoi trong tệp này; bản theodoi mới hơn",
            ),
            (
                "`theodoi demo --encrypt --db x.db`",
                "`theodoi demo --encrypt --db x.db`",
            ),
            (
                "`theodoi --show-secret directive show …`",
                "`theodoi --db mat.db --show-secret directive show …`",
            ),
            // Codes that look like these options are values, not them.
            (
                "`theodoi task assign kiem-diem --unit=--db --due NGÀY`",
                "`theodoi --db mat.db task assign kiem-diem --unit=--db --due NGÀY`",
            ),
            (
                "`theodoi task assign --unit=-e -- --help`",
                "`theodoi --db mat.db task assign --unit=-e -- --help`",
            ),
        ];
        for (message, want) in cases {
            assert_eq!(insert_db(message, "mat.db", &commands), want);
        }
    }

    #[test]
    fn a_path_is_quoted_only_when_it_needs_it() {
        assert_eq!(
            shell_word("/srv/theodoi/sơn-tây.db"),
            "/srv/theodoi/sơn-tây.db"
        );
        if cfg!(windows) {
            assert_eq!(shell_word("ban to chuc.db"), "\"ban to chuc.db\"");
        } else {
            assert_eq!(shell_word("ban to chuc.db"), "'ban to chuc.db'");
            assert_eq!(shell_word("it's.db"), "'it'\\''s.db'");
        }
    }
}
