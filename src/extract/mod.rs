//! Reading directives and deadlines out of an announcement: a news item,
//! a meeting report or a document itself, pasted as plain text with
//! whatever surrounds it.
//!
//! The text is read as one normalized string that keeps its line numbers.
//! `directives` finds the documents it cites and, for each, what the text
//! says of it: the date and issuer around the citation, the acting body of
//! the sentence, a header, a list the citation shares them with, a second
//! mention. `deadlines` finds the due dates it sets, clause by clause, and
//! whom each is for: kinds of unit, named units, or nobody it can name.
//! `bodies` knows the issuers' names and checks them against the symbols'
//! codes. A field the text does not state is left empty and named in
//! `unsure`: nothing is guessed, and the article's date is no document's.
//! Pure functions: nothing here reads files or writes the database.

mod bodies;
mod deadlines;
mod directives;

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::Serialize;

use crate::domain::{DocType, Secrecy, UnitKind, Urgency};
use crate::text::date::parse_date;
use crate::text::normalize;

/// A field the text does not state (or states against itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unsure {
    /// Who issued the document.
    Issuer,
    /// When it was issued.
    IssuedOn,
    /// What it is about.
    Subject,
    /// Which units a deadline is for.
    UnitKind,
    /// When a deadline is due: the text writes a day that does not exist
    /// (`29/02/2023`), or a day whose year it does not give.
    Due,
}

/// Why a deadline has no due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DueProblem {
    /// The calendar has no such day (`29/02/2023`, `31/04/2024`).
    NoSuchDay,
    /// A day and month with no year the text gives (no dateline, no full
    /// date before it).
    NoYear,
}

/// A document the text mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundDirective {
    #[serde(rename = "type")]
    pub doc_type: DocType,
    pub number: String,
    /// Canonical, or null when the text gives only a number.
    pub symbol: Option<String>,
    /// A State body's symbol as the text writes it (`21/KH-UBND`,
    /// `12/2020/NĐ-CP`): such a document is cited by type and number, its
    /// `symbol` null (a Party symbol is `NUMBER-TYPE/ISSUER`).
    pub state_symbol: Option<String>,
    pub issuer: Option<String>,
    /// The body the symbol's issuer code points to (`BTCTW`: Ban Tổ chức
    /// Trung ương), when the text names no issuer or one the code
    /// contradicts: for a clerk to confirm, never recorded as it stands.
    pub issuer_hint: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub subject: Option<String>,
    pub line: usize,
    pub source_text: String,
    /// The fields the text does not state; empty when it states them all.
    /// `--apply` asks for them, or records the document only when it is
    /// already in the database.
    pub unsure: Vec<Unsure>,
    /// The classification the text gives it (`Hướng dẫn (mật) số …`,
    /// `MẬT`, `Tối mật` beside the citation); null when none.
    pub secrecy: Option<Secrecy>,
    /// The urgency the text gives it (`(Khẩn)`, `HỎA TỐC`…); null when none.
    pub urgency: Option<Urgency>,
}

/// A due date the text sets for some units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundDeadline {
    /// Who, as written; null when the words before the due date name no
    /// unit, no body and no people (`Việc này hoàn thành trước …`).
    pub applies_to: Option<String>,
    /// The kinds of unit it is for (several: `đảng bộ cơ sở, chi bộ cơ sở`).
    pub unit_kinds: Vec<UnitKind>,
    /// The units it names, as written (`Đảng bộ xã Quế Châu`).
    pub units: Vec<String>,
    /// `yyyy-mm-dd`, or `yyyy-mm`, or `yyyy-Qn`; null when the text's date
    /// is no day (`due_problem` says why).
    pub due: Option<String>,
    /// The due date as the text writes it (`29/02/2023`, `tháng 9/2020`).
    pub due_written: String,
    /// Why `due` is null.
    pub due_problem: Option<DueProblem>,
    /// What is due, from the sentence (`tổ chức kiểm điểm, đánh giá, xếp
    /// loại chất lượng`); empty when the sentence says only when.
    pub what: String,
    /// The document whose deadline it is: its place in `directives`.
    pub directive: Option<usize>,
    pub line: usize,
    pub source_text: String,
    /// `unit_kind` when it names neither a kind nor a unit; `due` when its
    /// date is no day.
    pub unsure: Vec<Unsure>,
}

/// Everything found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extraction {
    pub directives: Vec<FoundDirective>,
    pub deadlines: Vec<FoundDeadline>,
}

/// A letter of Vietnamese text (NFC): the Latin letters and their accented
/// forms. What `\p{L}` means in this module's patterns.
const LETTER: &str = r"[a-zA-Z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{1E00}-\x{1EFF}]";

/// An upper-case letter of the Vietnamese alphabet: what `\p{Lu}` means here.
const UPPER: &str = "[A-ZÀ-ÃÈ-ÊÌÍÒ-ÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]";

/// Compiles one of this module's patterns, its `\p{L}`, `\p{Lu}`, `\p{N}`
/// and `\d` read as the letters and digits of Vietnamese text. Unicode's
/// classes are many times larger, and a command compiles every pattern it
/// uses.
pub(crate) fn re(pattern: &str) -> Regex {
    let pattern = pattern
        .replace(r"\p{Lu}", UPPER)
        .replace(r"\p{L}", LETTER)
        .replace(r"\p{N}", "[0-9]")
        .replace(r"\d", "[0-9]");
    #[cfg(test)]
    COMPILED.lock().expect("lock").push(pattern.clone());
    compile(&pattern)
}

/// `pattern` compiled with its word boundaries made ASCII ones.
fn compile(pattern: &str) -> Regex {
    let rewritten = ascii_boundaries(pattern);
    #[cfg(test)]
    {
        let parse = |p: &str| regex_syntax::Parser::new().parse(p).expect("valid pattern");
        let hir = parse(&rewritten);
        assert!(
            !hir.properties().look_set().contains_word_unicode(),
            "a word boundary left to Unicode in {pattern}"
        );
        assert_eq!(
            hir,
            boundaries_by_syntax(parse(pattern)),
            "a word boundary put on the wrong side in {pattern}"
        );
    }
    Regex::new(&rewritten).expect("valid pattern")
}

/// `pattern` with each word boundary `\b` made one that looks at one side:
/// before a word, that nothing of a word comes before it; after one, that
/// nothing of a word comes after. Both look at ASCII only, and then the
/// regex crate's fast engine (a lazy DFA) runs the pattern; a Unicode
/// boundary makes it give up at the first accented letter and fall back to
/// engines many times slower. What differs, a letter with an accent right
/// against the word (`ợc` before `c…`), does not occur at a word's edge in
/// Vietnamese text: a syllable goes on after an accented vowel only with a
/// final consonant, which no word of a pattern is.
///
/// The side is read off the text around the `\b`, at no cost when a
/// pattern compiles: right after a letter or a digit it ends a word; right
/// before one (or `\d`, `\p`, a group or class opening with one) it starts
/// one; after a class, a group or a repetition it ends one; elsewhere (at the
/// start, after `|` or `(`, after a flag group such as `(?i)`) it starts one.
/// The tests check every pattern's sides against its syntax tree
/// (`boundaries_by_syntax`).
fn ascii_boundaries(pattern: &str) -> String {
    const START: &str = r"(?-u:\b{start-half})";
    const END: &str = r"(?-u:\b{end-half})";
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut chars = pattern.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, escaped)) = chars.next() else {
            out.push(c);
            break;
        };
        if escaped != 'b' || chars.peek().is_some_and(|&(_, n)| n == '{') {
            out.push(c);
            out.push(escaped);
            continue;
        }
        let before = &pattern[..i];
        let flags = before.ends_with(')')
            && before.rfind('(').is_some_and(|open| {
                let group = &before[open + 1..before.len() - 1];
                group.starts_with('?')
                    && group.len() > 1
                    && group[1..]
                        .chars()
                        .all(|g| g.is_ascii_alphabetic() || g == '-')
            });
        let prev = before.chars().next_back().filter(|_| !flags);
        let after = &pattern[i + 2..];
        // What comes first: a group's or a class's first letter counts.
        let opened = ["(?:", "(?i:", "["]
            .iter()
            .find_map(|o| after.strip_prefix(o))
            .or_else(|| {
                let name = after.strip_prefix("(?P<")?;
                Some(&name[name.find('>')? + 1..])
            })
            .unwrap_or(after);
        let next_word = opened.starts_with(char::is_alphanumeric)
            || [r"\d", r"\p", r"\w"].iter().any(|e| after.starts_with(e));
        let ends_word = match prev {
            Some(p) if p.is_alphanumeric() => true,
            _ if next_word => false,
            Some(p) => matches!(p, ']' | ')' | '?' | '*' | '+' | '}'),
            None => false,
        };
        out.push_str(if ends_word { END } else { START });
    }
    out
}

/// Every pattern `re` compiled, as written, for the test that the rewritten
/// boundaries find what Unicode's do.
#[cfg(test)]
static COMPILED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// The sides of `hir`'s word boundaries from its syntax tree: a boundary
/// before something that starts with a letter or digit starts a word, one
/// after something that ends with one ends a word.
#[cfg(test)]
fn boundaries_by_syntax(hir: regex_syntax::hir::Hir) -> regex_syntax::hir::Hir {
    use regex_syntax::hir::{Hir, HirKind, Look};
    match hir.into_kind() {
        HirKind::Concat(subs) => {
            let subs: Vec<Hir> = subs.into_iter().map(boundaries_by_syntax).collect();
            let out = (0..subs.len())
                .map(|i| {
                    if !matches!(subs[i].kind(), HirKind::Look(Look::WordUnicode)) {
                        return subs[i].clone();
                    }
                    let starts = edge_run(subs[i + 1..].iter(), true) == Some(true);
                    let ends = edge_run(subs[..i].iter().rev(), false) == Some(true);
                    match (starts, ends) {
                        (true, false) => Hir::look(Look::WordStartHalfAscii),
                        (false, true) => Hir::look(Look::WordEndHalfAscii),
                        _ => subs[i].clone(),
                    }
                })
                .collect();
            Hir::concat(out)
        }
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(boundaries_by_syntax).collect())
        }
        HirKind::Capture(mut capture) => {
            capture.sub = Box::new(boundaries_by_syntax(*capture.sub));
            Hir::capture(capture)
        }
        HirKind::Repetition(mut repetition) => {
            repetition.sub = Box::new(boundaries_by_syntax(*repetition.sub));
            Hir::repetition(repetition)
        }
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(look) => Hir::look(look),
    }
}

/// Whether what a run of patterns matches in turn starts with a letter or a
/// digit (`first`; the run in order), or ends with one (the run backwards),
/// looking through those that may match nothing; `None` when all may.
#[cfg(test)]
fn edge_run<'a>(
    run: impl Iterator<Item = &'a regex_syntax::hir::Hir>,
    first: bool,
) -> Option<bool> {
    use regex_syntax::hir::HirKind;
    for hir in run {
        if matches!(hir.kind(), HirKind::Look(_)) {
            continue;
        }
        if !word_edge(hir, first) {
            return Some(false);
        }
        if hir.properties().minimum_len() != Some(0) {
            return Some(true);
        }
    }
    None
}

/// Whether every match of `hir` that is not empty starts (`first`) or ends
/// with a letter or a digit: a word's edge.
#[cfg(test)]
fn word_edge(hir: &regex_syntax::hir::Hir, first: bool) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    let word = |c: char| c.is_alphanumeric() || c == '_';
    match hir.kind() {
        HirKind::Literal(literal) => std::str::from_utf8(&literal.0)
            .ok()
            .and_then(|s| {
                if first {
                    s.chars().next()
                } else {
                    s.chars().next_back()
                }
            })
            .is_some_and(word),
        HirKind::Class(Class::Unicode(class)) => {
            !class.ranges().is_empty()
                && class
                    .ranges()
                    .iter()
                    .all(|r| (r.start()..=r.end()).all(word))
        }
        HirKind::Class(Class::Bytes(class)) => {
            !class.ranges().is_empty()
                && class
                    .ranges()
                    .iter()
                    .all(|r| (r.start()..=r.end()).all(|b| b.is_ascii() && word(char::from(b))))
        }
        HirKind::Repetition(repetition) => word_edge(&repetition.sub, first),
        HirKind::Capture(capture) => word_edge(&capture.sub, first),
        HirKind::Concat(subs) => {
            let edge = if first {
                edge_run(subs.iter(), first)
            } else {
                edge_run(subs.iter().rev(), first)
            };
            edge != Some(false)
        }
        HirKind::Alternation(subs) => subs.iter().all(|h| word_edge(h, first)),
        HirKind::Empty | HirKind::Look(_) => true,
    }
}

/// The document type words, with a capital or without, longest first where
/// one starts another. (Spelled out rather than matched case-insensitively:
/// a pattern's case folding costs most of its compile time.)
pub(crate) const TYPE_WORDS: &str = "[Nn]ghị quyết|[Qq]uyết định|[Qq]uy định|[Cc]hỉ thị|[Kk]ết luận|[Qq]uy chế|[Tt]hông tri|[Hh]ướng dẫn|[Tt]hông báo|[Bb]áo cáo|[Kk]ế hoạch|[Cc]hương trình hành động|[Cc]hương trình|[Đđ]ề án|[Tt]ờ trình|[Cc]ông văn";

/// A full date: `6/11/2023`, `6-11-2023`, `31.7.2019`, `12 tháng 11 năm 2019`.
pub(crate) const DATE: &str =
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}";

/// The text as one string, and the line each part of it came from.
pub(crate) struct Text {
    body: String,
    /// (byte offset where a line starts in `body`, its number in the input)
    pub(super) lines: Vec<(usize, usize)>,
    /// The article's own date (`Thứ Sáu, 24/11/2023 - 16:30`), if a line near
    /// the top gives one: the year of dates written without one.
    dateline: Option<NaiveDate>,
    /// Every full date written, by offset.
    dates: Vec<(usize, NaiveDate)>,
    /// The latest time the page says is gone by (`hồi tháng 2-2020`):
    /// the article is written after it.
    gone_by: Option<NaiveDate>,
    /// The year the page's term begins (`nhiệm kỳ 2020-2025`), when every
    /// term it names begins in the same one.
    term_start: Option<i32>,
    /// The article's day and month when its opening gives them with no
    /// year (`Sáng nay (10-8), …`, `(HPĐT)- Ngày 17-2, …`).
    article_day: Option<(u32, u32)>,
    /// The page speaks as a committee above the grassroots of a district
    /// (`Huyện ủy`, `Thị ủy`, `Quận ủy`), naming no province's committee
    /// and no grassroots committee.
    district_voice: bool,
}

impl Text {
    fn new(input: &str) -> Text {
        let mut body = String::new();
        let mut lines = Vec::new();
        for (i, raw) in input.lines().enumerate() {
            // A table's cells copied with tabs between them stay cells.
            let line = if raw.contains('\t') {
                normalize(
                    &raw.split('\t')
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>()
                        .join(" | "),
                )
            } else {
                normalize(raw)
            };
            if line.is_empty() {
                continue;
            }
            // A line cut after a word no line of prose ends with (`…,
            // ngày` / `07/10/2019 của …`, `của Ban` / `Tổ chức Trung
            // ương`) goes on in the next: one line of the body.
            if body.ends_with('\n') && ends_open(&body[..body.len() - 1]) {
                body.pop();
                body.push(' ');
            }
            lines.push((body.len(), i + 1));
            body.push_str(&line);
            body.push('\n');
        }
        let dateline = dateline(&body);
        let dates = all_dates(&body);
        let gone_by = dates
            .iter()
            .filter(|(at, _)| {
                let before = body[..*at].trim_end();
                let before = before.strip_suffix("ngày").unwrap_or(before).trim_end();
                before.ends_with(" hồi") || before.ends_with(" Hồi")
            })
            .map(|(_, d)| *d)
            .max();
        let term_start = term_start(&body);
        let article_day = article_day(&body);
        let district_voice = district_voice(&body);
        Text {
            body,
            lines,
            dateline,
            dates,
            gone_by,
            term_start,
            article_day,
            district_voice,
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        match self
            .lines
            .binary_search_by_key(&offset, |(start, _)| *start)
        {
            Ok(i) => self.lines[i].1,
            Err(0) => 1,
            Err(i) => self.lines[i - 1].1,
        }
    }

    /// The date that gives a year to a day written without one at
    /// `offset`: the dateline, else the last full date before it or the
    /// latest time the page says is gone by, whichever is later.
    /// With none on the page, the first day of the year its term begins
    /// when the paragraph is of a congress above the grassroots (`Đại hội
    /// Đảng bộ tỉnh … nhiệm kỳ 2020-2025`): those of a term are held in its
    /// first year, while a chi bộ's or a commune's may be held in the last
    /// months of the year before, and so take none.
    pub(super) fn year_reference(&self, offset: usize) -> Option<NaiveDate> {
        self.year_reference_for(offset, None)
    }

    /// `year_reference` for a day of `month`. Any unit's congress's day
    /// (`Đại hội Đảng bộ phường … diễn ra trong hai ngày 24 và 25-2`, of
    /// the term 2025-2030) in the first nine months is in its term's first
    /// year too: only late in a year may a grassroots one be of the term
    /// that begins the year after.
    pub(super) fn year_reference_for(
        &self,
        offset: usize,
        month: Option<u32>,
    ) -> Option<NaiveDate> {
        self.dateline
            .or_else(|| {
                let i = self.dates.partition_point(|(at, _)| *at < offset);
                let before = i.checked_sub(1).map(|i| self.dates[i].1);
                // `ban hành hồi tháng 5-2019 … hoàn thành trước ngày 30-6 …
                // như hồi tháng 2-2020`: the article is written after any
                // time it says is gone by.
                before.max(self.gone_by)
            })
            .or_else(|| {
                let year = self.term_start.filter(|_| self.dates.is_empty())?;
                let from = self.body[..offset].rfind('\n').map_or(0, |i| i + 1);
                let to = self.body[offset..]
                    .find('\n')
                    .map_or(self.body.len(), |i| offset + i);
                let paragraph = &self.body[from..to];
                // `… đảng bộ cơ sở … trước ngày 30-6; … và đại hội đảng bộ
                // trực thuộc Trung ương hoàn thành trước 31-10`: the clause
                // of the day is of a congress above the grassroots, though
                // its paragraph names the grassroots too.
                let clause_from = self.body[from..offset]
                    .rfind(';')
                    .map_or(from, |i| from + i + 1);
                let clause_to = self.body[offset..to].find(';').map_or(to, |i| offset + i);
                let clause = &self.body[clause_from..clause_to];
                (upper_congress(paragraph)
                    || upper_congress(clause)
                    || month.is_some_and(|m| m <= 9) && unit_congress(paragraph))
                .then(|| {
                    // On the article's own day when its opening gives one.
                    let (d, m) = self.article_day.unwrap_or((1, 1));
                    NaiveDate::from_ymd_opt(year, m, d)
                        .or_else(|| NaiveDate::from_ymd_opt(year, 1, 1))
                })
                .flatten()
            })
    }

    /// Whether the page speaks as a district's committee (see
    /// `district_voice`).
    pub(super) fn district_voice(&self) -> bool {
        self.district_voice
    }
}

/// Whether the body so far ends with a word that leaves its phrase open:
/// `ngày` before its date, `của` or `Ban` before a body's name, `số`
/// before a number.
fn ends_open(body: &str) -> bool {
    let last = body.rsplit([' ', '\n']).next().unwrap_or("");
    ["ngày", "của", "Ban", "số"].contains(&last)
}

/// Reads the directives and deadlines out of `input`.
pub fn extract(input: &str) -> Extraction {
    let text = Text::new(input);
    let found = directives::read(&text);
    let deadlines = deadlines::read(&text, &found);
    Extraction {
        directives: found.directives,
        deadlines,
    }
}

/// The article's date: one of the first lines that holds a full date and
/// nothing but a weekday, a time or `Cập nhật` around it (`THỨ BA,
/// 25/02/2020 08:51:00`, `15/08/2019 - 08:34`, `Cập nhật, 05:43, Thứ Ba,
/// 25/02/2020 (GMT+7)`).
fn dateline(body: &str) -> Option<NaiveDate> {
    static DATE_IN_LINE: LazyLock<Regex> = LazyLock::new(|| re(DATE));
    static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\d{1,2}:\d{2}(?::\d{2})?|\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])\b|\bchủ\s+nhật\b|\bcập\s+nhật\b|\bngày\s+đăng\b|\bgmt\s*\+\s*7\b|\b(?:am|pm)\b",
        )
    });
    // `Chính trị - Ngày đăng : 05:24, 11/06/2015`: a date its label names.
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)\b(?:ngày đăng|cập nhật(?:\s+lúc)?)\s*:?\s*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*,?\s*)?(?:(?:thứ\s+\S+|chủ\s+nhật)\s*,?\s*)?(?P<d>{DATE})"
        ))
    });
    body.lines()
        .take(12)
        .filter(|line| line.chars().count() <= 80)
        .find_map(|line| {
            if let Some(d) = LABELLED.captures(line).and_then(|c| c.name("d")) {
                return date_of(d.as_str());
            }
            let m = DATE_IN_LINE.find(line)?;
            let rest = format!("{} {}", &line[..m.start()], &line[m.end()..]);
            let rest = FURNITURE.replace_all(&rest, "");
            rest.chars()
                .all(|c| c.is_whitespace() || ",|-–()[]:/".contains(c))
                .then(|| date_of(m.as_str()))
                .flatten()
        })
}

/// The day and month an article's opening lines give it with no year:
/// `Sáng nay (10-8), …`, `(HPĐT)- Ngày 17-2, …`, `Chiều 17/2, …`.
fn article_day(body: &str) -> Option<(u32, u32)> {
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:^|(?:[^\d][-–]|\))\s*)(?:(?:sáng|chiều|tối|trưa)\s+nay\s*\(|(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?)(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*\)?\s*,",
        )
    });
    body.lines().take(4).find_map(|line| {
        let caps = DAY.captures(line)?;
        let (d, m): (u32, u32) = (caps["d"].parse().ok()?, caps["m"].parse().ok()?);
        ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((d, m))
    })
}

/// Every full date written in `body`, with where it starts; and every
/// month or quarter of a year (`tháng 11.2019`, `quý 1 - 2022`), as its
/// first day: what gives a year to a day written without one.
fn all_dates(body: &str) -> Vec<(usize, NaiveDate)> {
    static ANY_DATE: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"{DATE}|\btháng\s+(?P<m>\d{{1,2}})\s*(?:[/.\-]\s*|\s+năm\s+)(?P<y>\d{{4}})|\bquý\s+(?P<q>IV|III|II|I|[1-4])\s*(?:[/.\-–]\s*|\s+năm\s+)(?P<qy>\d{{4}})\b"
        ))
    });
    ANY_DATE
        .captures_iter(body)
        .filter_map(|c| {
            let m = c.get(0)?;
            let day = match (c.name("m"), c.name("y"), c.name("q"), c.name("qy")) {
                (Some(mo), Some(y), _, _) => {
                    NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, mo.as_str().parse().ok()?, 1)
                }
                // `quý 1 - 2022`: the quarter's first day.
                (_, _, Some(q), Some(y)) => NaiveDate::from_ymd_opt(
                    y.as_str().parse().ok()?,
                    deadlines::quarter(q.as_str()) * 3 - 2,
                    1,
                ),
                _ => date_of(m.as_str()),
            };
            day.map(|d| (m.start(), d))
        })
        .collect()
}

/// A full date as the text writes it, spaces around its separators allowed.
pub(crate) fn date_of(s: &str) -> Option<NaiveDate> {
    if s.contains("tháng") {
        parse_date(s).ok()
    } else {
        parse_date(&s.replace(char::is_whitespace, "")).ok()
    }
}

/// A day and month written without a year (`25.3`, `30 tháng 7`), as the
/// numbers of the day and the month.
pub(crate) fn day_and_month(s: &str) -> Option<(u32, u32)> {
    let digits: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    match digits.as_slice() {
        [d, m] if (1..=31).contains(d) && (1..=12).contains(m) => Some((*d, *m)),
        _ => None,
    }
}

/// The year every term `body` names begins (`nhiệm kỳ 2020-2025`,
/// `nhiệm kỳ 2025 – 2030`); none when they differ or there is none. With
/// no term, the year of the congresses `tiến tới Đại hội toàn quốc lần thứ
/// XIII` (2020).
fn term_start(body: &str) -> Option<i32> {
    static TERM: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\bnhiệm kỳ\s+(?P<a>\d{4})\s*[-–—]\s*(?P<b>\d{4})\b"));
    let mut terms: Vec<(i32, i32)> = Vec::new();
    for caps in TERM.captures_iter(body) {
        let (a, b): (i32, i32) = (caps["a"].parse().ok()?, caps["b"].parse().ok()?);
        if !(2..=5).contains(&(b - a)) {
            return None;
        }
        if !terms.contains(&(a, b)) {
            terms.push((a, b));
        }
    }
    // `đại hội đảng bộ các cấp tiến tới Đại hội toàn quốc lần thứ XIII`:
    // the congresses before a national one are held the year before it
    // (the XIIIth in 2021, one every five years).
    if terms.is_empty() {
        static AHEAD: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)\btiến tới\s+đại hội\s+(?:đại biểu\s+)?toàn quốc\s+lần thứ\s+(?P<n>XV|XIV|XIII|XII|XI|X)\b(?:\s+của\s+đảng)?",
            )
        });
        let mut years = AHEAD.captures_iter(body).map(|c| {
            let n = match c["n"].to_uppercase().as_str() {
                "X" => 10,
                "XI" => 11,
                "XII" => 12,
                "XIII" => 13,
                "XIV" => 14,
                _ => 15,
            };
            2021 + 5 * (n - 13) - 1
        });
        let first = years.next()?;
        return years.all(|y| y == first).then_some(first);
    }
    // `… kết quả nhiệm kỳ 2020-2025, … nhiệm kỳ 2025-2030`: a term that
    // ends as the last begins is the one before it; terms that begin
    // together are of units of other lengths of term (a chi bộ's `2020 –
    // 2022`, a đảng bộ's `2020 – 2025`). The page's begins last.
    let last = terms.iter().map(|t| t.0).max()?;
    terms
        .iter()
        .all(|&(a, b)| a == last || b == last)
        .then_some(last)
}

/// Whether `paragraph` is of a congress of a đảng bộ or a chi bộ
/// (`Đại hội đại biểu Đảng bộ phường …`, `sẽ tổ chức Đại hội Đảng bộ
/// Trường …`).
fn unit_congress(paragraph: &str) -> bool {
    static CONGRESS: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\bđại hội\s+(?:đại biểu\s+)?(?:đảng bộ|chi bộ)\b"));
    CONGRESS.is_match(paragraph)
}

/// Whether `paragraph` is of a congress of a unit above the grassroots (a
/// province's, a city's, a district's) and of no grassroots unit's.
fn upper_congress(paragraph: &str) -> bool {
    static CONGRESS: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bđại hội\b"));
    static UPPER: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:tỉnh|thành phố|tp|huyện|quận|thị xã|trực thuộc trung ương)\b")
    });
    static GRASSROOTS: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:chi bộ|cơ sở|phường|thị trấn|xã)\b"));
    // `(phường Lâm Viên - Đà Lạt, tỉnh Lâm Đồng)`: where it is held, in
    // parentheses, is no unit's level.
    static ASIDE: LazyLock<Regex> = LazyLock::new(|| re(r"\([^()]*\)"));
    let lower = ASIDE.replace_all(paragraph, " ").to_lowercase();
    // A `thị xã` is a town above the grassroots, not a commune (`xã`).
    let without_towns = lower.replace("thị xã", "thị_xã");
    CONGRESS.is_match(&lower) && UPPER.is_match(&lower) && !GRASSROOTS.is_match(&without_towns)
}

/// Whether `body` speaks as a district's committee: it names one (`Huyện
/// ủy`, `Thị ủy`, `Quận ủy`), and no province's and no grassroots one.
fn district_voice(body: &str) -> bool {
    static DISTRICT: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:huyện|thị|quận)\s+[uủ]ỷ?y?\b"));
    static OTHER: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\btỉnh\s+[uủ]ỷ?y?\b|\bđảng\s+[uủ]ỷ?y?\s+(?:xã|phường|thị trấn|cơ sở)\b")
    });
    DISTRICT.is_match(body) && !OTHER.is_match(body)
}

/// A due day written without a year, in the year of `reference`, or the
/// next when that day is already past (`10/01` after `25/12/2021`).
pub(crate) fn due_in_year(day: u32, month: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(reference.year(), month, day)?;
    if this < reference {
        NaiveDate::from_ymd_opt(reference.year() + 1, month, day)
    } else {
        Some(this)
    }
}

/// A place's level written short with a full stop (`TP. Châu Đốc`, `Q. 3`):
/// the stop ends neither a sentence nor a unit's name.
pub(super) const PLACE_ABBREVIATIONS: &[&str] = &["TP", "Tp", "TX", "Tx", "Q", "P"];

/// Where the sentence that `tail` continues ends: a full stop before a
/// space and a capital, or the end of a line.
pub(crate) fn sentence_end(tail: &str) -> usize {
    for (i, c) in tail.char_indices() {
        if c == '\n' {
            return i;
        }
        if c == '.' {
            let rest = &tail[i + 1..];
            let next = rest.trim_start_matches(' ').chars().next();
            // `Đảng bộ TP. Châu Đốc`, `TS. Nguyễn …`: an abbreviation's
            // full stop ends no sentence.
            let word = tail[..i].rsplit([' ', '(', '\n']).next().unwrap_or("");
            let abbreviation = PLACE_ABBREVIATIONS.contains(&word)
                || ["TT", "TS", "ThS", "PGS", "GS", "BS", "KS", "CN"].contains(&word);
            if !abbreviation
                && (rest.starts_with(' ') && next.is_some_and(char::is_uppercase)
                    || rest.is_empty())
            {
                return i;
            }
        }
    }
    tail.len()
}

/// Trims spaces and the punctuation and joining words a phrase ends with.
pub(crate) fn clean(s: &str) -> String {
    let mut s = s
        .trim()
        .trim_end_matches([',', ';', '.', ' ', ':'])
        .to_string();
    loop {
        let before = s.len();
        for word in [" và", " cùng", " hoặc"] {
            if let Some(stripped) = s.strip_suffix(word) {
                s = stripped.trim_end_matches([',', ' ']).to_string();
            }
        }
        if s.len() == before {
            break;
        }
    }
    s.trim().to_string()
}

/// A due date given as a day, for a task (months and quarters give the last
/// day); none for a year outside the range of dates theodoi accepts.
pub fn due_day(due: &str) -> Option<NaiveDate> {
    use crate::text::date::{MAX_YEAR, MIN_YEAR};
    any_due_day(due).filter(|day| (MIN_YEAR..=MAX_YEAR).contains(&day.year()))
}

fn any_due_day(due: &str) -> Option<NaiveDate> {
    if let Ok(day) = NaiveDate::parse_from_str(due, "%Y-%m-%d") {
        return Some(day);
    }
    if let Some((y, q)) = due.split_once("-Q") {
        let (y, q): (i32, u32) = (y.parse().ok()?, q.parse().ok()?);
        let first_of_next =
            NaiveDate::from_ymd_opt(y + i32::from(q == 4), if q == 4 { 1 } else { q * 3 + 1 }, 1)?;
        return first_of_next.pred_opt();
    }
    let first = NaiveDate::parse_from_str(&format!("{due}-01"), "%Y-%m-%d").ok()?;
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    }?;
    next.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A directive as compared: symbol, type, number, issuer, issued on.
    type Seen = (
        Option<String>,
        String,
        String,
        Option<String>,
        Option<String>,
    );

    fn seen(d: &FoundDirective) -> Seen {
        (
            d.symbol.clone(),
            d.doc_type.slug().to_string(),
            d.number.clone(),
            d.issuer.clone(),
            d.issued_on.map(|x| x.to_string()),
        )
    }

    fn directive<'a>(found: &'a Extraction, reference: &str) -> &'a FoundDirective {
        found
            .directives
            .iter()
            .find(|d| d.symbol.as_deref() == Some(reference) || d.number == reference)
            .unwrap_or_else(|| panic!("no {reference} in {:#?}", found.directives))
    }

    #[test]
    fn son_tay_announcement() {
        let text = include_str!("../../tests/fixtures/announcements/son-tay.txt");
        let found = extract(text);
        let got: Vec<Seen> = found.directives.iter().map(seen).collect();
        let hn = Some("Ban Thường vụ Thành ủy Hà Nội".to_string());
        let st = Some("Ban Thường vụ Thị ủy Sơn Tây".to_string());
        let d = |s: Option<&str>, t: &str, n: &str, i: &Option<String>, day: &str| -> Seen {
            (
                s.map(str::to_string),
                t.to_string(),
                n.to_string(),
                i.clone(),
                Some(day.to_string()),
            )
        };
        assert_eq!(
            got,
            [
                d(Some("188-KH/TU"), "ke-hoach", "188", &hn, "2023-11-06"),
                d(Some("34-ĐA/TU"), "de-an", "34", &hn, "2023-11-06"),
                d(Some("44-QĐ/TU"), "quy-dinh", "44", &st, "2023-11-23"),
                d(Some("45-QĐ/TU"), "quy-dinh", "45", &st, "2023-11-23"),
                d(None, "ke-hoach", "223", &st, "2023-11-23"),
            ]
        );
        assert!(found.directives.iter().all(|d| d.unsure.is_empty()));
        assert!(
            found.directives[0]
                .subject
                .as_deref()
                .unwrap()
                .starts_with("luân chuyển, điều động")
        );
        assert_eq!(found.directives[0].line, 6);
        let deadlines: Vec<(&[UnitKind], &str, Option<usize>)> = found
            .deadlines
            .iter()
            .map(|d| {
                (
                    d.unit_kinds.as_slice(),
                    d.due.as_deref().unwrap_or(""),
                    d.directive,
                )
            })
            .collect();
        assert_eq!(
            deadlines,
            [
                (&[UnitKind::ChiBoCoSo][..], "2023-12-06", Some(4)),
                (&[UnitKind::DangBoCoSo][..], "2023-12-12", Some(4)),
            ]
        );
        assert_eq!(
            found.deadlines[0].what,
            "tổ chức kiểm điểm, đánh giá, xếp loại chất lượng"
        );
        assert_eq!(found.deadlines[1].what, "kiểm điểm");
        assert_eq!(found.deadlines[1].line, 8);
    }

    #[test]
    fn months_and_quarters() {
        let found = extract(
            "Các chi bộ trực thuộc báo cáo kết quả trong tháng 9/2020. Các đảng bộ cơ sở tổng kết trong quý IV.2019.",
        );
        let due: Vec<&str> = found
            .deadlines
            .iter()
            .map(|d| d.due.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(due, ["2020-09", "2019-Q4"]);
        assert_eq!(due_day("2020-09"), NaiveDate::from_ymd_opt(2020, 9, 30));
        assert_eq!(due_day("2019-Q4"), NaiveDate::from_ymd_opt(2019, 12, 31));
    }

    #[test]
    fn a_mention_without_issuer_or_date_is_unsure() {
        let found = extract("Tổng kết 10 năm thực hiện Chỉ thị 29 của Ban Bí thư.");
        assert_eq!(found.directives.len(), 1);
        assert_eq!(found.directives[0].issuer.as_deref(), Some("Ban Bí thư"));
        assert_eq!(
            found.directives[0].unsure,
            [Unsure::IssuedOn, Unsure::Subject]
        );
    }

    #[test]
    fn windows_and_meeting_dates_are_not_deadlines() {
        let found = extract(
            "Ngày 24/11/2023, Thị ủy tổ chức hội nghị. Các chi bộ cơ sở học tập từ tháng 1 đến tháng 3 năm 2024. Trong tháng 3, các chi bộ đã học tập xong.",
        );
        assert!(found.deadlines.is_empty(), "{:?}", found.deadlines);
    }

    /// (the text, the citation, its issue date as the text gives it)
    const DATES: &[(&str, &str, Option<&str>)] = &[
        // Before the citation, in the sentence that issues it.
        (
            "Ngày 10/12/2019, Ban Thường vụ Đảng ủy Công ty đã ban hành Kế hoạch số 101-KH/ĐU về đại hội.",
            "101-KH/ĐU",
            Some("2019-12-10"),
        ),
        // After it, with a comma.
        (
            "Thực hiện Hướng dẫn số 26-HD/BTCTW, ngày 18/10/2019 của Ban Tổ chức Trung ương.",
            "26-HD/BTCTW",
            Some("2019-10-18"),
        ),
        // In a trailing parenthesis.
        (
            "Theo kế hoạch của Tỉnh ủy (Kế hoạch số 142-KH/TU, ngày 09/9/2020), các đảng bộ cơ sở sơ kết.",
            "142-KH/TU",
            Some("2020-09-09"),
        ),
        // In words.
        (
            "Kế hoạch số 145-KH/HU ngày 12 tháng 11 năm 2019 của Ban Thường vụ Huyện ủy.",
            "145-KH/HU",
            Some("2019-11-12"),
        ),
        // In a header line.
        (
            "HUYỆN ỦY GIA LÂM\nSố 12-KH/HU\nGia Lâm, ngày 05 tháng 3 năm 2021\nKẾ HOẠCH\nvề kiểm điểm",
            "12-KH/HU",
            Some("2021-03-05"),
        ),
        // Only in a second mention.
        (
            "Theo Kế hoạch số 250-KH/TU của Tỉnh ủy. Tỉnh ủy đã ban hành Kế hoạch số 250-KH/TU ngày 12-8-2019.",
            "250-KH/TU",
            Some("2019-08-12"),
        ),
        // Without a year, in the dateline's.
        (
            "THỨ HAI, 09/08/2021 07:30\nNgày 6/8, Ban Thường vụ Tỉnh ủy đã ban hành Chỉ thị số 17-CT/TU.",
            "17-CT/TU",
            Some("2021-08-06"),
        ),
        // A meeting's date is no document's.
        (
            "Sáng 14/3/2024, Đảng ủy xã tổ chức hội nghị quán triệt Kết luận số 21-KL/TW của Ban Chấp hành Trung ương.",
            "21-KL/TW",
            None,
        ),
        (
            "Ngày 19-8-2019, Ban Thường vụ Huyện ủy tổ chức hội nghị triển khai Chỉ thị 35-CT/TW của Bộ Chính trị.",
            "35-CT/TW",
            None,
        ),
        // A year is no date.
        (
            "Theo Hướng dẫn 24-HD/BTCTW năm 2023 của Ban Tổ chức Trung ương.",
            "24-HD/BTCTW",
            None,
        ),
        // Nor is another document's, listed with it.
        (
            "Quán triệt Chỉ thị số 35-CT/TW, Thông tri số 10-TT/TU và Kế hoạch số 142-KH/TU ngày 09/9/2020 của Tỉnh ủy.",
            "10-TT/TU",
            None,
        ),
        // But two of one type and issuer code share theirs.
        (
            "Quy định số 44-QĐ/TU, Quy định số 45-QĐ/TU ngày 23/11/2023 của Ban Thường vụ Thị ủy.",
            "44-QĐ/TU",
            Some("2023-11-23"),
        ),
        // A header: the place and date line under the number, past the
        // country's name and a `V/v` line.
        (
            "ĐẢNG ỦY XÃ YÊN THỊNH\n*\nSố: 07-CV/ĐU\nV/v rà soát đảng viên\nĐẢNG CỘNG SẢN VIỆT NAM\nYên Thịnh, ngày 18 tháng 4 năm 2024\nKính gửi: Các chi bộ trực thuộc",
            "07-CV/ĐU",
            Some("2024-04-18"),
        ),
        // Above the number, where a page puts the right column first.
        (
            "ĐẢNG ỦY XÃ YÊN THỊNH\nĐẢNG CỘNG SẢN VIỆT NAM\nYên Thịnh, ngày 12 tháng 3 năm 2024\nSố: 05-KH/ĐU\nKẾ HOẠCH\nkiểm điểm năm 2024",
            "05-KH/ĐU",
            Some("2024-03-12"),
        ),
        // The header run into one line.
        (
            "ĐẢNG ỦY XÃ YÊN THỊNH Số: 05-KH/ĐU ĐẢNG CỘNG SẢN VIỆT NAM Yên Thịnh, ngày 12 tháng 3 năm 2024",
            "05-KH/ĐU",
            Some("2024-03-12"),
        ),
        // The date right before the acting body, after `ngay từ`, `từ`, `vào`.
        (
            "Nhận rõ yêu cầu ấy, ngay từ ngày 02/5/2019, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 77-KH/TU về đại hội.",
            "77-KH/TU",
            Some("2019-05-02"),
        ),
        (
            "Ngay từ ngày 02/5/2019, Bộ Chính trị ban hành Chỉ thị số 35-CT/TW.",
            "35-CT/TW",
            Some("2019-05-02"),
        ),
        (
            "Để kịp tiến độ, vào ngày 14/7/2022 Đảng ủy xã đã ban hành Kế hoạch số 15-KH/ĐU.",
            "15-KH/ĐU",
            Some("2022-07-14"),
        ),
        // Not before a body that only deploys it.
        (
            "Từ ngày 14/7/2022, Huyện ủy triển khai Kế hoạch số 15-KH/TU của Tỉnh ủy.",
            "15-KH/TU",
            None,
        ),
    ];

    #[test]
    fn dates_as_pages_give_them() {
        for (text, reference, want) in DATES {
            let found = extract(text);
            let got = directive(&found, reference)
                .issued_on
                .map(|d| d.to_string());
            assert_eq!(got.as_deref(), *want, "{text}");
        }
    }

    /// (the text, the citation, its issuer as the text gives it)
    const ISSUERS: &[(&str, &str, Option<&str>)] = &[
        (
            "Kế hoạch số 31-KH/TU ngày 02/12/2016 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 95-KL/TW.",
            "31-KH/TU",
            Some("Ban Thường vụ Tỉnh ủy"),
        ),
        (
            "Đảng ủy cơ quan Sở Nội vụ đã xây dựng Kế hoạch số 08-KH/ĐU về học tập.",
            "08-KH/ĐU",
            Some("Đảng ủy cơ quan Sở Nội vụ"),
        ),
        (
            "Quy định số 09-QĐ/HU về chế độ báo cáo do Ban Thường vụ Huyện ủy Thanh Oai ban hành.",
            "09-QĐ/HU",
            Some("Ban Thường vụ Huyện ủy Thanh Oai"),
        ),
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC\n*\nSố: 19-HD/BTCTW\nHà Nội, ngày 07 tháng 10 năm 2021",
            "19-HD/BTCTW",
            Some("Ban Tổ chức Trung ương"),
        ),
        (
            "Căn cứ Quy định số 124-QĐ/TW ngày 04/10/2023, Công văn số 650-CV/TU ngày 20/11/2023 của Bộ chính trị; Kế hoạch số 210-KH/TU ngày 15/11/2023.",
            "124-QĐ/TW",
            Some("Bộ Chính trị"),
        ),
        // The list's issuer is for the codes it fits only.
        (
            "Căn cứ Quy định số 124-QĐ/TW ngày 04/10/2023, Công văn số 650-CV/TU ngày 20/11/2023 của Bộ chính trị; Kế hoạch số 210-KH/TU ngày 15/11/2023.",
            "650-CV/TU",
            None,
        ),
        // A semicolon ends the list.
        (
            "Căn cứ Quy định số 124-QĐ/TW ngày 04/10/2023, Công văn số 650-CV/TU ngày 20/11/2023 của Bộ chính trị; Kế hoạch số 210-KH/TU ngày 15/11/2023.",
            "210-KH/TU",
            None,
        ),
        (
            "Thay mặt Bộ Chính trị, đồng chí Thường trực Ban Bí thư đã ký ban hành Kết luận số 70-KL/TW ngày 31/01/2024.",
            "70-KL/TW",
            Some("Bộ Chính trị"),
        ),
        // A body after the citation with no `của` is its issuer only where
        // the code agrees and no verb makes it a new clause's subject.
        (
            "Thực hiện Kế hoạch số 17-KH/HU ngày 4/3/2021 Ban Thường vụ Huyện ủy đã giao các chi bộ kiểm điểm.",
            "17-KH/HU",
            None,
        ),
        (
            "Căn cứ Hướng dẫn số 21-HD/BTCTW ngày 18/10/2019 Ban Tổ chức Trung ương; Kế hoạch số 5-KH/TU Bộ Chính trị.",
            "5-KH/TU",
            None,
        ),
        // A list's head gives no issuer past its sentence or to another type.
        (
            "Quận thực hiện 2 chương trình của Thành ủy, gồm: Chương trình số 02-CTr/TU và Chương trình số 04-CTr/TU; Kế hoạch số 8-KH/TU về chuyển đổi số.",
            "8-KH/TU",
            None,
        ),
        // A secretary's title: the committee after it, not its `Thường trực`.
        (
            "Đồng chí Nguyễn An, Phó Bí thư Thường trực Thị ủy Sơn Tây đã ký ban hành Quy định số 12-QĐ/TU về lề lối làm việc.",
            "12-QĐ/TU",
            Some("Thị ủy Sơn Tây"),
        ),
        (
            "Thường trực Huyện ủy Gia Lâm đã ban hành Kế hoạch số 40-KH/HU về tiếp dân.",
            "40-KH/HU",
            Some("Thường trực Huyện ủy Gia Lâm"),
        ),
    ];

    #[test]
    fn issuers_as_pages_give_them() {
        for (text, reference, want) in ISSUERS {
            let found = extract(text);
            assert_eq!(
                directive(&found, reference).issuer.as_deref(),
                *want,
                "{text}"
            );
        }
    }

    #[test]
    fn the_code_is_a_hint_never_an_answer() {
        let found = extract(
            "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019, Hướng dẫn số 26-HD/BTCTW, ngày 18/10/2019 của Bộ Chính trị về đại hội; Kế hoạch số 81-KH/TU ngày 15/8/2019, Thị ủy Sơn Tây triển khai.",
        );
        let guide = directive(&found, "26-HD/BTCTW");
        assert_eq!(guide.issuer, None);
        assert_eq!(guide.issuer_hint.as_deref(), Some("Ban Tổ chức Trung ương"));
        assert_eq!(guide.unsure, [Unsure::Issuer]);
        assert_eq!(
            directive(&found, "35-CT/TW").issuer.as_deref(),
            Some("Bộ Chính trị")
        );
        let plan = directive(&found, "81-KH/TU");
        assert_eq!(plan.issuer, None);
        assert_eq!(plan.issuer_hint.as_deref(), Some("Thị ủy Sơn Tây"));
    }

    /// (kinds or units, due)
    type Due = (Vec<String>, Option<String>);

    fn dues(found: &Extraction) -> Vec<Due> {
        found
            .deadlines
            .iter()
            .map(|d| {
                let mut who: Vec<String> = d
                    .unit_kinds
                    .iter()
                    .map(|k| k.slug().to_string())
                    .chain(d.units.iter().cloned())
                    .collect();
                who.sort();
                (who, d.due.clone())
            })
            .collect()
    }

    fn due(who: &[&str], day: &str) -> Due {
        let mut who: Vec<String> = who.iter().map(|w| w.to_string()).collect();
        who.sort();
        (who, Some(day.to_string()))
    }

    #[test]
    fn deadlines_per_level() {
        let found = extract(
            "Kế hoạch số 95-KH/TU ngày 05/7/2024 của Ban Thường vụ Tỉnh ủy nêu rõ:\n- Đại hội chi bộ trực thuộc đảng ủy cơ sở không quá 1 ngày; xong trước ngày 31/3/2025.\n- Đại hội đảng bộ cơ sở, chi bộ cơ sở xong trước ngày 30/6/2025.\n- Đại hội đảng bộ cấp huyện và tương đương hoàn thành trước ngày 31/8/2025.\n- Đại hội Đảng bộ tỉnh tổ chức trong tháng 10/2025.\nVề thời gian, cấp cơ sở sơ kết xong trong tháng 6/2022; cấp huyện hoàn thành trong tháng 7/2022; cấp tỉnh báo cáo trong tháng 8/2022.",
        );
        assert_eq!(
            dues(&found),
            [
                due(&["chi-bo-truc-thuoc"], "2025-03-31"),
                due(&["dang-bo-co-so", "chi-bo-co-so"], "2025-06-30"),
                due(&["dang-bo-cap-tren"], "2025-08-31"),
                due(&[], "2025-10"),
                due(&["dang-bo-co-so", "chi-bo-co-so"], "2022-06"),
                due(&["dang-bo-cap-tren"], "2022-07"),
                due(&[], "2022-08"),
            ]
        );
        assert_eq!(found.deadlines[3].unsure, [Unsure::UnitKind]);
        assert!(found.deadlines.iter().all(|d| d.directive == Some(0)));
    }

    /// Every way of writing whom, what and by when that the corpus reads
    /// one at a time, combined: each order of the three, each kind, each
    /// form of the date, on a page dated 10/02/2020. A form read in one
    /// order and missed in another is a gap of the grammar, not of a page.
    #[test]
    fn deadline_forms_combine() {
        const KINDS: &[(&str, &[&str])] = &[
            (
                "các chi bộ trực thuộc đảng ủy cơ sở",
                &["chi-bo-truc-thuoc"],
            ),
            ("đảng bộ xã, thị trấn", &["dang-bo-co-so"]),
            (
                "các chi bộ, đảng bộ cơ sở",
                &["chi-bo-co-so", "dang-bo-co-so"],
            ),
            ("các tổ chức cơ sở đảng", &["chi-bo-co-so", "dang-bo-co-so"]),
            ("các đảng bộ cấp trên cơ sở", &["dang-bo-cap-tren"]),
            ("chi bộ thôn, tổ dân phố", &["chi-bo-truc-thuoc"]),
        ];
        const WORK: &[&str] = &[
            "tổ chức đại hội",
            "hoàn thành kiểm điểm, đánh giá, xếp loại chất lượng",
        ];
        const DATES: &[(&str, &str)] = &[
            ("trước ngày 15/3/2020", "2020-03-15"),
            ("trước ngày 15.3", "2020-03-15"),
            ("trong tháng 4/2020", "2020-04"),
            ("trong tháng 4 năm 2020", "2020-04"),
            ("trong tháng 4 và tháng 5/2020", "2020-05"),
            ("trong quý II/2020", "2020-Q2"),
            ("chậm nhất ngày 20/4/2020", "2020-04-20"),
            ("chậm nhất đến ngày 25/4/2020", "2020-04-25"),
            ("xong trước 30/4/2020", "2020-04-30"),
            ("trước 30-4-2020", "2020-04-30"),
        ];
        fn capital(s: &str) -> String {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        type Order = fn(&str, &str, &str) -> String;
        let orders: &[Order] = &[
            |k, w, d| format!("{} {w} {d}.", capital(k)),
            |k, w, d| format!("{} {k} {d}.", capital(w)),
            |k, w, d| format!("{}, {k} {w}.", capital(d)),
            |k, w, d| format!("{}, {w} {k}.", capital(d)),
            |k, w, d| format!("Đối với {k}: {w} {d}."),
            |k, w, d| format!("Theo kế hoạch, {w} {k} {d}."),
            |k, w, d| format!("{} phải {w} {d}.", capital(k)),
            |k, w, d| format!("Ban Thường vụ Huyện ủy yêu cầu {k} {w} {d}."),
        ];
        type Kinds<'a> = &'a [(&'a str, &'a [&'a str])];
        // Every sentence the parts make, read on a page dated 10/02/2020:
        // those read otherwise than built.
        let misses = |orders: &[Order], kinds: Kinds, work: &[&str], dates: &[(&str, &str)]| {
            let mut missed = Vec::new();
            let mut tried = 0;
            for order in orders {
                for (kind, whom) in kinds {
                    for work in work {
                        for (date, day) in dates {
                            let sentence = order(kind, work, date);
                            let page = format!("Thứ Hai, 10/02/2020 08:30\n\n{sentence}\n");
                            let found = dues(&extract(&page));
                            tried += 1;
                            if found != [due(whom, day)] {
                                missed.push(format!("{sentence} → {found:?}"));
                            }
                        }
                    }
                }
            }
            (tried, missed)
        };
        let (tried, mut missed) = misses(orders, KINDS, WORK, DATES);
        // Other words for whom, the work and the time, and other orders.
        const KINDS_TOO: &[(&str, &[&str])] = &[
            ("các đảng ủy cơ sở", &["dang-bo-co-so"]),
            ("chi bộ các ấp, khu phố", &["chi-bo-truc-thuoc"]),
            ("chi bộ cơ sở trực thuộc Huyện ủy", &["chi-bo-co-so"]),
            ("các đảng ủy bộ phận", &["dang-bo-bo-phan"]),
            ("100% chi bộ trực thuộc", &["chi-bo-truc-thuoc"]),
        ];
        const WORK_TOO: &[&str] = &[
            "kết thúc đại hội",
            "gửi báo cáo về Ban Tổ chức Huyện ủy",
            "hoàn thành việc tổ chức đại hội",
        ];
        const DATES_TOO: &[(&str, &str)] = &[
            ("hạn chót ngày 15/3/2020", "2020-03-15"),
            ("không quá ngày 15/3/2020", "2020-03-15"),
            ("trước ngày 30 tháng 4 năm 2020", "2020-04-30"),
            ("trước 17 giờ ngày 30/4/2020", "2020-04-30"),
            ("muộn nhất ngày 30/4/2020", "2020-04-30"),
            ("trong tháng 4", "2020-04"),
            ("trong quý II", "2020-Q2"),
            ("chậm nhất ngày 30/4", "2020-04-30"),
        ];
        let orders_too: &[Order] = &[
            |k, w, d| format!("Thời gian thực hiện:\n- {}: {w} {d};", capital(k)),
            |k, w, d| format!("{} {w} ({d}).", capital(k)),
            |k, w, d| format!("{}, {k} phải {w}.", capital(d)),
            |k, w, d| format!("Đề nghị {k} {w} {d}."),
            |k, w, d| format!("Ban Thường vụ Huyện ủy giao {k} {w} {d}."),
        ];
        let (tried_too, missed_too) = misses(orders_too, KINDS_TOO, WORK_TOO, DATES_TOO);
        missed.extend(missed_too);
        // Kinds named by level or by what they sit under, work of the
        // year's round (dues, data, reports), a time to the end of a day,
        // and the work said as a noun before whom (`Đại hội đảng bộ …`).
        const KINDS_THIRD: &[(&str, &[&str])] = &[
            ("các đảng bộ trực thuộc Tỉnh ủy", &["dang-bo-cap-tren"]),
            ("đảng bộ các xã, thị trấn", &["dang-bo-co-so"]),
            ("đảng bộ cấp huyện và tương đương", &["dang-bo-cap-tren"]),
            ("các chi bộ thôn, khu dân cư", &["chi-bo-truc-thuoc"]),
            (
                "các chi bộ, đảng bộ trực thuộc Huyện ủy",
                &["chi-bo-co-so", "dang-bo-co-so"],
            ),
        ];
        const WORK_THIRD: &[&str] = &[
            "thu, nộp đảng phí",
            "cập nhật dữ liệu đảng viên",
            "tổ chức hội nghị kiểm điểm",
        ];
        const DATES_THIRD: &[(&str, &str)] = &[
            ("đến hết ngày 30/4/2020", "2020-04-30"),
            ("trước ngày 30-6", "2020-06-30"),
            ("trước 31-8", "2020-08-31"),
            ("từ ngày 20/4 đến ngày 20/5/2020", "2020-05-20"),
            ("trước ngày 15 tháng 12", "2020-12-15"),
            ("xong trong tháng 6/2020", "2020-06"),
            ("trong quý 2 năm 2020", "2020-Q2"),
            ("chậm nhất là ngày 30/6/2020", "2020-06-30"),
        ];
        let orders_third: &[Order] = &[
            |k, w, d| format!("{} {w}, thời gian hoàn thành {d}.", capital(k)),
            |k, w, d| format!("Yêu cầu {k} {w} {d}."),
            |k, w, d| format!("{} tiến hành {w}; thời gian: {d}.", capital(k)),
            |k, w, d| format!("Huyện ủy chỉ đạo {k} {w} {d}."),
            |k, w, d| format!("{} sẽ {w} {d}.", capital(k)),
        ];
        let (tried_third, missed_third) =
            misses(orders_third, KINDS_THIRD, WORK_THIRD, DATES_THIRD);
        missed.extend(missed_third);
        let nouns: &[Order] = &[
            |k, w, d| format!("{w} {k} sẽ hoàn thành {d}."),
            |k, w, d| format!("Thời gian tổ chức {} {k}: {d}.", w.to_lowercase()),
            |k, w, d| format!("{w} ở {k} phải hoàn thành {d}."),
        ];
        let (tried_nouns, missed_nouns) = misses(
            nouns,
            KINDS_THIRD,
            &["Đại hội", "Hội nghị kiểm điểm"],
            DATES_THIRD,
        );
        missed.extend(missed_nouns);
        let tried = tried + tried_too + tried_third + tried_nouns;
        assert_eq!(tried, 960 + 600 + 600 + 240);
        assert!(
            missed.is_empty(),
            "{} of {tried}:\n{}",
            missed.len(),
            missed.join("\n")
        );
    }

    #[test]
    fn kinds_by_what_they_are_and_named_units() {
        let found = extract(
            "THỨ NĂM, 05/03/2020 09:10\nĐại hội chi bộ, đảng bộ cơ quan, trường học, lực lượng vũ trang trực thuộc Huyện ủy hoàn thành trong tháng 4.2020; đại hội đảng bộ xã, thị trấn hoàn thành trong tháng 5.2020 (Đảng bộ xã Tam Thái làm điểm, xong trước ngày 25.3); Đại hội Đảng bộ huyện hoàn thành trước tháng 7.2020. Các chi bộ trực thuộc Đảng bộ xã Tam Thái xong trước ngày 10.3. Huyện ủy yêu cầu các đơn vị trên hoàn thiện văn kiện trước ngày 20.3.",
        );
        assert_eq!(
            dues(&found),
            [
                due(&["chi-bo-co-so", "dang-bo-co-so"], "2020-04"),
                due(&["dang-bo-co-so"], "2020-05"),
                due(&["Đảng bộ xã Tam Thái"], "2020-03-25"),
                due(&["dang-bo-cap-tren"], "2020-06"),
                due(&["chi-bo-truc-thuoc"], "2020-03-10"),
                // The units named above: the sentence before names one.
                due(&["Đảng bộ xã Tam Thái"], "2020-03-20"),
            ]
        );
    }

    #[test]
    fn no_kind_is_carried_to_a_sentence_that_names_others() {
        let found = extract(
            "Các chi bộ cơ sở hoàn thành kiểm điểm trước ngày 08/12/2023. Cán bộ diện Thị ủy quản lý nộp bản kiểm điểm trước ngày 15/12/2023. Ban Tổ chức Thị ủy tổng hợp trước ngày 25/12/2023.",
        );
        assert_eq!(
            dues(&found),
            [
                due(&["chi-bo-co-so"], "2023-12-08"),
                due(&[], "2023-12-15"),
                due(&[], "2023-12-25"),
            ]
        );
        assert_eq!(found.deadlines[1].what, "nộp bản kiểm điểm");
    }

    #[test]
    fn a_subject_that_is_no_unit_is_not_named_as_one() {
        let found = extract(
            "Việc này hoàn thành trước ngày 10/4/2024. Rà soát, bổ sung quy hoạch cấp ủy xong trước ngày 20/4/2024. Bí thư các chi bộ nộp báo cáo trước ngày 25/4/2024.",
        );
        let seen: Vec<(Option<&str>, &str, &[Unsure])> = found
            .deadlines
            .iter()
            .map(|d| {
                (
                    d.applies_to.as_deref(),
                    d.what.as_str(),
                    d.unsure.as_slice(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (None, "", &[Unsure::UnitKind][..]),
                (
                    None,
                    "Rà soát, bổ sung quy hoạch cấp ủy",
                    &[Unsure::UnitKind][..]
                ),
                (
                    Some("Bí thư các chi bộ"),
                    "nộp báo cáo",
                    &[Unsure::UnitKind][..]
                ),
            ]
        );
        assert!(found.deadlines.iter().all(|d| d.unit_kinds.is_empty()));
    }

    #[test]
    fn a_day_that_does_not_exist_is_kept_and_said() {
        let found = extract(
            "Các chi bộ cơ sở hoàn thành trước ngày 29/02/2023; các đảng bộ cơ sở xong trước ngày 31/04/2024. Chi bộ trực thuộc xong trước ngày 28/02/2023.",
        );
        /// Due, as written, why it has none, what is unsure.
        type Seen<'a> = (Option<&'a str>, &'a str, Option<DueProblem>, &'a [Unsure]);
        let seen: Vec<Seen<'_>> = found
            .deadlines
            .iter()
            .map(|d| {
                (
                    d.due.as_deref(),
                    d.due_written.as_str(),
                    d.due_problem,
                    d.unsure.as_slice(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (
                    None,
                    "29/02/2023",
                    Some(DueProblem::NoSuchDay),
                    &[Unsure::Due][..]
                ),
                (
                    None,
                    "31/04/2024",
                    Some(DueProblem::NoSuchDay),
                    &[Unsure::Due][..]
                ),
                (Some("2023-02-28"), "28/02/2023", None, &[][..]),
            ]
        );
        assert_eq!(found.deadlines[0].unit_kinds, [UnitKind::ChiBoCoSo]);
        // A day and month with no year anywhere: kept, without a date.
        let found = extract("Các chi bộ cơ sở hoàn thành trước ngày 25.3.");
        assert_eq!(found.deadlines[0].due, None);
        assert_eq!(found.deadlines[0].due_problem, Some(DueProblem::NoYear));
        // Without `ngày` and a year, `trước 25.3` is no deadline.
        assert!(
            extract("Các chi bộ cơ sở họp trước 25.3.")
                .deadlines
                .is_empty()
        );
    }

    #[test]
    fn a_deadline_belongs_to_the_plan_even_when_the_plan_is_unsure() {
        let found = extract(
            "Hội nghị quán triệt Quy định số 45-QĐ/TU ngày 23/11/2023 của Ban Thường vụ Thị ủy và Kế hoạch số 223 về kiểm điểm. Theo kế hoạch, các chi bộ cơ sở hoàn thành trước ngày 06/12/2023.",
        );
        let plan = directive(&found, "223");
        assert!(plan.unsure.contains(&Unsure::IssuedOn), "{plan:?}");
        let index = found.directives.iter().position(|d| d.number == "223");
        assert_eq!(found.deadlines[0].directive, index);
    }

    /// The words announcements are made of, and some that are not.
    const PIECES: &[&str] = &[
        "Kế hoạch số ",
        "Hướng dẫn số ",
        "Chỉ thị ",
        "12-KH/TU",
        "25/CT-HU",
        "89 –KH/ĐU",
        "Số: ",
        "19 -\nHD/BTCTW",
        " ngày ",
        "23/11/2023",
        "25.3",
        "30 tháng 7",
        " năm 2024",
        "(",
        ")",
        ";",
        ", ",
        ". ",
        "\n",
        "- ",
        "của ",
        "Ban Thường vụ Thị ủy Sơn Tây",
        "Bộ chính trị",
        "do ",
        " ban hành",
        "Ngày 6/8, ",
        "thay mặt ",
        "đã ký ban hành ",
        "trực thuộc ",
        "Huyện ủy",
        "đảng ủy cơ sở",
        "chi bộ, đảng bộ cơ quan",
        "Đảng bộ xã Tân Việt",
        "các đơn vị trên",
        "cấp cơ sở",
        "trước ngày ",
        "trong tháng 9",
        "/2020",
        "trước tháng 7.2025",
        "quý IV.2019",
        "xong ",
        "Theo kế hoạch",
        "HUYỆN ỦY ĐAN PHƯỢNG\n",
        "BAN TỔ CHỨC\n",
        "ĐẢNG BỘ HUYỆN ĐẠI TỪ ĐẢNG ỦY XÃ LA BẰNG ",
        "Số 09 -KH/ĐU ",
        "Phó Bí thư Thường trực ",
        "2 chương trình của Thành ủy, gồm: ",
        "Chương trình số 02-CTr/TU",
        " Ban Tổ chức Trung ương",
        "về “kiểm điểm” của Thành ủy",
        "trước tháng 30/6/2020",
        "đảng bộ cấp huyện, đảng bộ khối",
        " vừa ban hành Kế hoạch tổng kết (",
        "Hà Nội, ngày\n07 tháng 10 năm 2021",
        "THỨ HAI, 09/08/2021 07:30\n",
        "ư",
        "Ð",
        "🙂",
        "Ư",
        "x\u{301}",
        "  ",
        "\t",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        #[test]
        fn pieces_of_announcements_never_panic(
            picks in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
        ) {
            let text: String = picks.concat();
            let found = extract(&text);
            for d in &found.deadlines {
                if let Some(i) = d.directive {
                    proptest::prop_assert!(i < found.directives.len());
                }
            }
        }

        #[test]
        fn any_text_never_panics(s in "\\PC{0,200}") {
            let _ = extract(&s);
        }
    }

    /// One announcement with what it should give.
    #[derive(serde::Deserialize)]
    pub(crate) struct Case {
        name: String,
        text: String,
        /// symbol, type, number, issuer, issued on
        directives: Vec<Seen>,
        deadlines: Vec<WantDue>,
    }

    /// A deadline as a case wants it: `[kind or null, due]`, or `{kinds,
    /// units, due}`; a due of null for a day the text writes that is none.
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum WantDue {
        Pair(Option<String>, Option<String>),
        Full {
            kinds: Vec<String>,
            units: Vec<String>,
            due: Option<String>,
        },
    }

    impl WantDue {
        /// Kinds and units, sorted, and the due date.
        fn key(&self) -> Due {
            let (mut who, due) = match self {
                WantDue::Pair(kind, due) => (kind.iter().cloned().collect::<Vec<_>>(), due),
                WantDue::Full { kinds, units, due } => {
                    (kinds.iter().chain(units).cloned().collect(), due)
                }
            };
            who.sort();
            (who, due.clone())
        }
    }

    /// Every pattern finds with its rewritten word boundaries what it finds
    /// with Unicode's, in every text of the corpus and the fixtures: each
    /// match and each group of each match, line by line and whole.
    #[test]
    fn ascii_boundaries_find_what_unicode_ones_do() {
        let mut texts: Vec<String> = corpus().into_iter().map(|c| c.text).collect();
        texts.push(include_str!("../../tests/fixtures/announcements/son-tay.txt").into());
        texts.push(include_str!("../../tests/fixtures/announcements/son-tay-2024.txt").into());
        for text in &texts {
            extract(text);
        }
        let mut patterns = COMPILED.lock().unwrap().clone();
        patterns.sort();
        patterns.dedup();
        assert!(patterns.len() > 100, "{} patterns", patterns.len());
        let haystacks: Vec<String> = texts
            .iter()
            .map(|t| normalize(t))
            .flat_map(|t| {
                let lines: Vec<String> = t.lines().map(str::to_string).collect();
                std::iter::once(t).chain(lines)
            })
            .collect();
        let spans = |r: &Regex, h: &str| -> Vec<Vec<Option<(usize, usize)>>> {
            r.captures_iter(h)
                .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
                .collect()
        };
        let mut differ = Vec::new();
        for pattern in &patterns {
            let unicode = Regex::new(pattern).unwrap();
            let ascii = compile(pattern);
            for h in &haystacks {
                if spans(&unicode, h) != spans(&ascii, h) {
                    differ.push(format!("{pattern}\n  in: {h}"));
                    break;
                }
            }
        }
        assert!(differ.is_empty(), "{}", differ.join("\n"));
    }

    pub(crate) fn corpus() -> Vec<Case> {
        serde_json::from_str(include_str!(
            "../../tests/fixtures/announcements/corpus.json"
        ))
        .unwrap()
    }

    /// The figures of a reading of the corpus, field by field.
    #[derive(Debug, Default)]
    pub(crate) struct Score {
        pub cases: usize,
        /// Whole items right (a directive with every field, a deadline with
        /// whom and due), found, expected.
        pub right: usize,
        pub found: usize,
        pub expected: usize,
        /// Directives: expected, found by symbol (type and number), found
        /// at all, their issue dates right, their issuers right.
        pub directives: usize,
        pub symbols_found: usize,
        pub symbols_seen: usize,
        pub dates_right: usize,
        pub issuers_right: usize,
        /// A date or issuer given to a document the text gives none.
        pub invented: usize,
        /// Deadlines: expected, found with the right due date, and with
        /// the right date and whom.
        pub deadlines: usize,
        pub due_right: usize,
        pub due_and_whom_right: usize,
        pub misses: Vec<String>,
    }

    impl std::fmt::Display for Score {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            let pc = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
            writeln!(
                f,
                "corpus: {} announcements, precision {:.2}, recall {:.2}",
                self.cases,
                self.right as f64 / self.found.max(1) as f64,
                self.right as f64 / self.expected.max(1) as f64
            )?;
            writeln!(
                f,
                "  symbols found (recall / precision): {:.0}% / {:.0}%",
                pc(self.symbols_found, self.directives),
                pc(self.symbols_found, self.symbols_seen)
            )?;
            writeln!(
                f,
                "  issue dates right: {:.0}%",
                pc(self.dates_right, self.directives)
            )?;
            writeln!(
                f,
                "  issuers right: {:.0}%",
                pc(self.issuers_right, self.directives)
            )?;
            writeln!(
                f,
                "  deadlines found with the right date: {:.0}%",
                pc(self.due_right, self.deadlines)
            )?;
            writeln!(
                f,
                "  deadlines with the right date and unit kind: {:.0}%",
                pc(self.due_and_whom_right, self.deadlines)
            )?;
            write!(f, "  dates or issuers invented: {}", self.invented)
        }
    }

    /// Scores a reader of announcements (as JSON, so that any version of
    /// the reader can be scored the same way) on the corpus.
    pub(crate) fn score(read: impl Fn(&str) -> serde_json::Value) -> Score {
        let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
        let mut score = Score::default();
        for case in corpus() {
            score.cases += 1;
            let got = read(&case.text);
            let directives: Vec<Seen> = got["directives"]
                .as_array()
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|d| {
                    (
                        text(&d["symbol"]),
                        text(&d["type"]).unwrap_or_default(),
                        text(&d["number"]).unwrap_or_default(),
                        text(&d["issuer"]),
                        text(&d["issued_on"]),
                    )
                })
                .collect();
            let mut deadlines: Vec<Due> = got["deadlines"]
                .as_array()
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|d| {
                    let list = |v: &serde_json::Value| -> Vec<String> {
                        v.as_array()
                            .map_or(&[][..], Vec::as_slice)
                            .iter()
                            .filter_map(text)
                            .collect()
                    };
                    let mut who = list(&d["unit_kinds"]);
                    who.extend(list(&d["units"]));
                    who.sort();
                    (who, text(&d["due"]))
                })
                .collect();
            score.symbols_seen += directives.len();
            score.found += directives.len() + deadlines.len();
            score.expected += case.directives.len() + case.deadlines.len();
            score.directives += case.directives.len();
            score.deadlines += case.deadlines.len();
            for want in &case.directives {
                if directives.contains(want) {
                    score.right += 1;
                } else {
                    score
                        .misses
                        .push(format!("{}: missed {want:?} in {directives:?}", case.name));
                }
                let same = directives
                    .iter()
                    .find(|d| (&d.0, &d.1, &d.2) == (&want.0, &want.1, &want.2));
                if let Some(d) = same {
                    score.symbols_found += 1;
                    score.dates_right += usize::from(d.4 == want.4);
                    score.issuers_right += usize::from(d.3 == want.3);
                    score.invented += usize::from(want.4.is_none() && d.4.is_some())
                        + usize::from(want.3.is_none() && d.3.is_some());
                }
            }
            let mut dates: Vec<Option<String>> = deadlines.iter().map(|d| d.1.clone()).collect();
            for want in &case.deadlines {
                let want = want.key();
                if let Some(i) = dates.iter().position(|d| *d == want.1) {
                    dates.remove(i);
                    score.due_right += 1;
                }
                if let Some(i) = deadlines.iter().position(|d| *d == want) {
                    deadlines.remove(i);
                    score.right += 1;
                    score.due_and_whom_right += 1;
                } else {
                    score
                        .misses
                        .push(format!("{}: missed {want:?} in {deadlines:?}", case.name));
                }
            }
            // What is found and not expected: a precision rounded to 1.00
            // must not hide it.
            for extra in &deadlines {
                score
                    .misses
                    .push(format!("{}: found {extra:?}, not expected", case.name));
            }
            for extra in directives.iter().filter(|d| !case.directives.contains(d)) {
                score
                    .misses
                    .push(format!("{}: found {extra:?}, not expected", case.name));
            }
        }
        score
    }

    /// Precision and recall over the corpus of announcements, counting a
    /// directive right when every field is, a deadline when whom and due
    /// are; and the figures field by field.
    #[test]
    fn corpus_precision_and_recall() {
        let score = score(|text| serde_json::to_value(extract(text)).unwrap());
        println!("{score}");
        for miss in &score.misses {
            println!("{miss}");
        }
        // Every case read exactly as its answer: nothing missed, nothing
        // more found, nothing invented.
        assert!(
            score.misses.is_empty() && score.invented == 0,
            "{score}: {:#?}",
            score.misses
        );
    }
}
