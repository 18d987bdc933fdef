//! Reading directives and deadlines out of an announcement: a news item or
//! meeting report, pasted as plain text with whatever surrounds it.
//!
//! The text is read in two passes over one normalized string that keeps its
//! line numbers. Mentions of documents are found by their type word and
//! number or symbol (parsed by `text::symbol`), then the words after each
//! mention give its date (`ngày …`, by `text::date`), issuer (`của …`) and
//! subject (`về …`); mentions listed together share what follows the last of
//! them. Deadlines are sentences with a due-date cue (`trước ngày …`,
//! `trong tháng 9/2020`, `quý IV.2019`) and the kind of unit they name.
//! Pure functions: nothing here reads files or writes the database.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::Serialize;

use crate::domain::{DirectiveSpec, DocType, UnitKind};
use crate::text::date::parse_date;
use crate::text::normalize;

/// A document the text mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundDirective {
    #[serde(rename = "type")]
    pub doc_type: DocType,
    pub number: String,
    /// Canonical, or null when the text gives only a number.
    pub symbol: Option<String>,
    pub issuer: Option<String>,
    pub issued_on: Option<NaiveDate>,
    pub subject: Option<String>,
    pub line: usize,
    pub source_text: String,
    /// True when the text does not say who issued it or when: reported, not
    /// recorded by `--apply` unless it is already in the database.
    pub unsure: bool,
}

/// A due date the text sets for some units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundDeadline {
    /// Who, as written.
    pub applies_to: String,
    pub unit_kind: Option<UnitKind>,
    /// `yyyy-mm-dd`, or `yyyy-mm`, or `yyyy-Qn`.
    pub due: String,
    pub what: String,
    pub line: usize,
    pub source_text: String,
}

/// Everything found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extraction {
    pub directives: Vec<FoundDirective>,
    pub deadlines: Vec<FoundDeadline>,
}

const TYPE_WORDS: &str = "nghị quyết|quyết định|quy định|chỉ thị|kết luận|quy chế|thông tri|hướng dẫn|thông báo|báo cáo|kế hoạch|chương trình hành động|chương trình|đề án|tờ trình|công văn";

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<type>{TYPE_WORDS})\s+(?:số\s*:?\s*)?(?P<id>\d+(?:\s*[-–]\s*\p{{L}}+\s*/\s*[\p{{L}}\p{{N}}]+(?:-[\p{{L}}\p{{N}}]+)*)?)"
    ))
    .expect("valid mention pattern")
});

/// A symbol with no type word before it.
static BARE_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d+\s*[-–]\s*\p{Lu}[\p{L}]*\s*/\s*[\p{Lu}\p{N}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*")
        .expect("valid symbol pattern")
});

const DATE: &str =
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}";

static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^[\s,]*(?:ban hành\s+)?ngày\s+(?P<d>{DATE})"))
        .expect("valid date pattern")
});

static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcủa\s+(?P<i>.+?)(?:\s+về\s|\s+và\s|;|,|\.\s|\.$|\n|$)")
        .expect("valid issuer pattern")
});

/// The committee that acts in the sentence: "Đảng ủy xã Tân Lập ban hành …".
static ACTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<i>(?:Ban Thường vụ|Ban Bí thư|Bộ Chính trị|Ban Chấp hành|Ban Tổ chức|Đảng ủy|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy)[\p{L}\s]*?)\s+(?:đã\s+)?(?:ban hành|gửi)\s*$")
        .expect("valid actor pattern")
});

static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bvề\s+(?P<s>.+?)(?:;|\.\s|\.$|\n|$)").expect("valid subject pattern")
});

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:\bxong\s+)?(?:\btrước|\bchậm nhất(?:\s+là)?|\bhạn\s+chót(?:\s+là)?|\bkhông quá)\s+(?:ngày\s+)?(?:(?P<d>{DATE})|(?P<dn>\d{{1,2}}\s*/\s*\d{{1,2}})\b)|\btrong\s+tháng\s+(?P<m>\d{{1,2}})\s*[/.\-]\s*(?P<my>\d{{4}})|\b(?:trong|xong)\s+quý\s+(?P<q>IV|III|II|I|[1-4])\s*[./\-\s]\s*(?:năm\s+)?(?P<qy>\d{{4}})"
    ))
    .expect("valid cue pattern")
});

static KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:chi bộ cơ sở|đảng bộ cơ sở|chi bộ trực thuộc|đảng bộ bộ phận)\b")
        .expect("valid kind pattern")
});

static WHO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcác\s+(?P<w>[\p{L}\s]+?)\s+(?:tổ chức|hoàn thành|xong|báo cáo|gửi|triển khai|thực hiện)\b")
        .expect("valid who pattern")
});

/// The text as one string, and the line each part of it came from.
struct Text {
    body: String,
    /// (byte offset where a line starts in `body`, its number in the input)
    lines: Vec<(usize, usize)>,
}

impl Text {
    fn new(input: &str) -> Text {
        let mut body = String::new();
        let mut lines = Vec::new();
        for (i, raw) in input.lines().enumerate() {
            let line = normalize(raw);
            if line.is_empty() {
                continue;
            }
            lines.push((body.len(), i + 1));
            body.push_str(&line);
            body.push('\n');
        }
        Text { body, lines }
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
}

/// Reads the directives and deadlines out of `input`.
pub fn extract(input: &str) -> Extraction {
    let text = Text::new(input);
    Extraction {
        directives: directives(&text),
        deadlines: deadlines(&text),
    }
}

/// A mention's place and what it names.
struct Mention {
    start: usize,
    end: usize,
    spec: DirectiveSpec,
}

fn directives(text: &Text) -> Vec<FoundDirective> {
    let body = &text.body;
    let mut mentions: Vec<Mention> = Vec::new();
    for caps in MENTION.captures_iter(body) {
        let (Some(all), Some(kind), Some(id)) = (caps.get(0), caps.name("type"), caps.name("id"))
        else {
            continue;
        };
        let doc_type = DocType::parse(kind.as_str());
        let spec = if id.as_str().contains('/') {
            DirectiveSpec::parse(id.as_str(), doc_type)
        } else {
            DirectiveSpec::parse(id.as_str(), doc_type.or(Some(DocType::CongVan)))
        };
        if let Ok(spec) = spec {
            mentions.push(Mention {
                start: all.start(),
                end: all.end(),
                spec,
            });
        }
    }
    for m in BARE_SYMBOL.find_iter(body) {
        let inside = mentions
            .iter()
            .any(|x| m.start() < x.end && x.start < m.end());
        if let (false, Ok(spec)) = (inside, DirectiveSpec::parse(m.as_str(), None)) {
            mentions.push(Mention {
                start: m.start(),
                end: m.end(),
                spec,
            });
        }
    }
    mentions.sort_by_key(|m| m.start);

    let mut found: Vec<FoundDirective> = Vec::new();
    let mut shares: Vec<bool> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        // What follows a mention, up to the next one or the end of its sentence.
        let next = mentions.get(i + 1).map_or(body.len(), |n| n.start);
        let tail = &body[m.end..next];
        let tail = &tail[..sentence_end(tail)];
        let issued_on = DATE_AFTER
            .captures(tail)
            .and_then(|c| c.name("d"))
            .and_then(|d| parse_date(d.as_str()).ok());
        let before_subject = SUBJECT.find(tail).map_or(tail.len(), |s| s.start());
        let issuer = ISSUER
            .captures(&tail[..before_subject.min(tail.len())])
            .or_else(|| ISSUER.captures(tail))
            .and_then(|c| c.name("i"))
            .map(|i| clean(i.as_str()));
        // Without "của …", the committee acting in the sentence, if one does.
        let issuer = issuer.or_else(|| {
            let sentence_start = body[..m.start].rfind(['.', '\n', ';']).map_or(0, |i| i + 1);
            ACTOR
                .captures(&body[sentence_start..m.start])
                .and_then(|c| c.name("i"))
                .map(|i| clean(i.as_str()))
        });
        let subject = SUBJECT
            .captures(tail)
            .and_then(|c| c.name("s"))
            .map(|s| clean(s.as_str()));
        // Listed with the next one ("A, B ngày … của …", "A ngày … và B ngày … của …"):
        // what it lacks, it shares with the next.
        let own_date = DATE_AFTER.find(tail).map_or(0, |m| m.end());
        let gap = tail[own_date..].trim().trim_end_matches([',', ' ']).trim();
        shares.push(gap.is_empty() || gap.to_lowercase() == "và" || gap == ",");
        let end = m.end + tail.len();
        found.push(FoundDirective {
            doc_type: m.spec.doc_type,
            number: m.spec.number.clone(),
            symbol: m.spec.symbol.as_ref().map(|s| s.to_string()),
            issuer: issuer.filter(|s| !s.is_empty()),
            issued_on,
            subject: subject.filter(|s| !s.is_empty()),
            line: text.line_of(m.start),
            source_text: clean(&body[m.start..end]),
            unsure: false,
        });
    }
    for i in (0..found.len().saturating_sub(1)).rev() {
        if shares[i] {
            let next = found[i + 1].clone();
            let this = &mut found[i];
            this.issued_on = this.issued_on.or(next.issued_on);
            this.issuer = this.issuer.take().or(next.issuer);
            this.subject = this.subject.take().or(next.subject);
        }
    }
    for d in &mut found {
        d.unsure = d.issuer.is_none() || d.issued_on.is_none();
    }
    found
}

/// Where the sentence that `tail` continues ends: a full stop before a
/// space and a capital, or the end of a line.
fn sentence_end(tail: &str) -> usize {
    let bytes = tail.as_bytes();
    for (i, c) in tail.char_indices() {
        if c == '\n' {
            return i;
        }
        if c == '.' {
            let rest = &tail[i + 1..];
            let next = rest.trim_start_matches(' ').chars().next();
            if rest.starts_with(' ') && next.is_some_and(char::is_uppercase) || rest.is_empty() {
                return i;
            }
        }
    }
    bytes.len()
}

/// Trims spaces and the punctuation and joining words a phrase ends with.
fn clean(s: &str) -> String {
    let mut s = s.trim().trim_end_matches([',', ';', '.', ' ']).to_string();
    for word in [" và", " cùng"] {
        if let Some(stripped) = s.strip_suffix(word) {
            s = stripped.trim_end_matches([',', ' ']).to_string();
        }
    }
    s.trim().to_string()
}

fn deadlines(text: &Text) -> Vec<FoundDeadline> {
    let body = &text.body;
    let mut found = Vec::new();
    let mut start = 0;
    while start < body.len() {
        let len = sentence_end(&body[start..]);
        let sentence = &body[start..start + len];
        for caps in CUE.captures_iter(sentence) {
            let Some(cue) = caps.get(0) else { continue };
            let due = if let Some(d) = caps.name("d") {
                match parse_date(d.as_str()) {
                    Ok(day) => day.to_string(),
                    Err(_) => continue,
                }
            } else if let Some(d) = caps.name("dn") {
                // "trước ngày 15/12": the year of the last full date before it,
                // or the next one when the day has already passed.
                let Some(seen) = last_date_before(body, start + d.start()) else {
                    continue;
                };
                let mut day = parse_date(&format!("{}/{}", d.as_str(), seen.year())).ok();
                if day.is_some_and(|x| x < seen) {
                    day = parse_date(&format!("{}/{}", d.as_str(), seen.year() + 1)).ok();
                }
                match day {
                    Some(day) => day.to_string(),
                    None => continue,
                }
            } else if let (Some(m), Some(y)) = (caps.name("m"), caps.name("my")) {
                match (m.as_str().parse::<u32>(), y.as_str().parse::<i32>()) {
                    (Ok(m), Ok(y)) if (1..=12).contains(&m) => format!("{y:04}-{m:02}"),
                    _ => continue,
                }
            } else if let (Some(q), Some(y)) = (caps.name("q"), caps.name("qy")) {
                let q = match q.as_str().to_uppercase().as_str() {
                    "I" | "1" => 1,
                    "II" | "2" => 2,
                    "III" | "3" => 3,
                    _ => 4,
                };
                format!("{}-Q{q}", y.as_str())
            } else {
                continue;
            };
            let before = &sentence[..cue.start()];
            let kind = KIND.find_iter(before).last();
            let (applies_to, unit_kind, what_from) = match kind {
                Some(k) => (k.as_str().to_string(), UnitKind::parse(k.as_str()), k.end()),
                None => match WHO.captures(before).and_then(|c| c.name("w")) {
                    Some(w) => (clean(w.as_str()), None, w.end()),
                    None => continue,
                },
            };
            let mut what = clean(&before[what_from..]);
            for tail in [" xong", " hoàn thành"] {
                if let Some(stripped) = what.strip_suffix(tail) {
                    what = stripped.to_string();
                }
            }
            let what = clean(what.trim_start_matches([',', ' ']));
            found.push(FoundDeadline {
                applies_to,
                unit_kind,
                due,
                what,
                line: text.line_of(start),
                source_text: clean(sentence),
            });
        }
        start += len + 1;
        while start < body.len() && body[start..].starts_with([' ', '\n']) {
            start += 1;
        }
    }
    found
}

/// The last full date written before `offset`.
fn last_date_before(body: &str, offset: usize) -> Option<NaiveDate> {
    static ANY_DATE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("(?i){DATE}")).expect("valid date pattern"));
    ANY_DATE
        .find_iter(&body[..offset])
        .filter_map(|m| parse_date(m.as_str()).ok())
        .last()
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

    #[test]
    fn son_tay_announcement() {
        let text = include_str!("../../tests/fixtures/announcements/son-tay.txt");
        let found = extract(text);
        /// Symbol, type, number, issuer, issue date.
        type Seen<'a> = (
            Option<&'a str>,
            &'a str,
            &'a str,
            Option<&'a str>,
            Option<String>,
        );
        let got: Vec<Seen<'_>> = found
            .directives
            .iter()
            .map(|d| {
                (
                    d.symbol.as_deref(),
                    d.doc_type.slug(),
                    d.number.as_str(),
                    d.issuer.as_deref(),
                    d.issued_on.map(|x| x.to_string()),
                )
            })
            .collect();
        let hn = Some("Ban Thường vụ Thành ủy Hà Nội");
        let st = Some("Ban Thường vụ Thị ủy Sơn Tây");
        let day = |s: &str| Some(s.to_string());
        assert_eq!(
            got,
            [
                (Some("188-KH/TU"), "ke-hoach", "188", hn, day("2023-11-06")),
                (Some("34-ĐA/TU"), "de-an", "34", hn, day("2023-11-06")),
                (Some("44-QĐ/TU"), "quy-dinh", "44", st, day("2023-11-23")),
                (Some("45-QĐ/TU"), "quy-dinh", "45", st, day("2023-11-23")),
                (None, "ke-hoach", "223", st, day("2023-11-23")),
            ]
        );
        assert!(
            found.directives[0]
                .subject
                .as_deref()
                .unwrap()
                .starts_with("luân chuyển, điều động")
        );
        assert_eq!(found.directives[0].line, 6);
        let deadlines: Vec<(Option<UnitKind>, &str)> = found
            .deadlines
            .iter()
            .map(|d| (d.unit_kind, d.due.as_str()))
            .collect();
        assert_eq!(
            deadlines,
            [
                (Some(UnitKind::ChiBoCoSo), "2023-12-06"),
                (Some(UnitKind::DangBoCoSo), "2023-12-12"),
            ]
        );
        assert_eq!(
            found.deadlines[0].what,
            "tổ chức kiểm điểm, đánh giá, xếp loại chất lượng"
        );
        assert_eq!(found.deadlines[1].line, 8);
    }

    #[test]
    fn months_and_quarters() {
        let found = extract(
            "Các chi bộ trực thuộc báo cáo kết quả trong tháng 9/2020. Các đảng bộ cơ sở tổng kết trong quý IV.2019.",
        );
        let due: Vec<&str> = found.deadlines.iter().map(|d| d.due.as_str()).collect();
        assert_eq!(due, ["2020-09", "2019-Q4"]);
        assert_eq!(due_day("2020-09"), NaiveDate::from_ymd_opt(2020, 9, 30));
        assert_eq!(due_day("2019-Q4"), NaiveDate::from_ymd_opt(2019, 12, 31));
    }

    #[test]
    fn a_mention_without_issuer_or_date_is_unsure() {
        let found = extract("Tổng kết 10 năm thực hiện Chỉ thị 29 của Ban Bí thư.");
        assert_eq!(found.directives.len(), 1);
        assert_eq!(found.directives[0].issuer.as_deref(), Some("Ban Bí thư"));
        assert!(found.directives[0].unsure);
    }

    #[test]
    fn windows_and_meeting_dates_are_not_deadlines() {
        let found = extract(
            "Ngày 24/11/2023, Thị ủy tổ chức hội nghị. Các chi bộ cơ sở học tập từ tháng 1 đến tháng 3 năm 2024.",
        );
        assert!(found.deadlines.is_empty(), "{:?}", found.deadlines);
    }

    /// A directive as compared: symbol, type, number, issuer, issued on.
    type Seen = (
        Option<String>,
        String,
        String,
        Option<String>,
        Option<String>,
    );

    /// One announcement with what it should give.
    #[derive(serde::Deserialize)]
    struct Case {
        name: String,
        text: String,
        /// symbol, type, number, issuer, issued on
        directives: Vec<Seen>,
        /// unit kind, due
        deadlines: Vec<(Option<String>, String)>,
    }

    /// Precision and recall over the corpus of announcements, counting a
    /// directive right when every field is, a deadline when kind and due are.
    #[test]
    fn corpus_precision_and_recall() {
        let cases: Vec<Case> = serde_json::from_str(include_str!(
            "../../tests/fixtures/announcements/corpus.json"
        ))
        .unwrap();
        let (mut right, mut found, mut expected) = (0usize, 0usize, 0usize);
        let mut misses = Vec::new();
        for case in &cases {
            let got = extract(&case.text);
            let directives: Vec<Seen> = got
                .directives
                .iter()
                .map(|d| {
                    (
                        d.symbol.clone(),
                        d.doc_type.slug().to_string(),
                        d.number.clone(),
                        d.issuer.clone(),
                        d.issued_on.map(|x| x.to_string()),
                    )
                })
                .collect();
            let deadlines: Vec<(Option<String>, String)> = got
                .deadlines
                .iter()
                .map(|d| (d.unit_kind.map(|k| k.slug().to_string()), d.due.clone()))
                .collect();
            for want in &case.directives {
                if directives.contains(want) {
                    right += 1;
                } else {
                    misses.push(format!("{}: missed {want:?} in {directives:?}", case.name));
                }
            }
            for want in &case.deadlines {
                if deadlines.contains(want) {
                    right += 1;
                } else {
                    misses.push(format!("{}: missed {want:?} in {deadlines:?}", case.name));
                }
            }
            found += directives.len() + deadlines.len();
            expected += case.directives.len() + case.deadlines.len();
        }
        let precision = right as f64 / found.max(1) as f64;
        let recall = right as f64 / expected.max(1) as f64;
        println!(
            "corpus: {} announcements, precision {precision:.2}, recall {recall:.2}",
            cases.len()
        );
        for miss in &misses {
            println!("{miss}");
        }
        assert!(
            precision >= 0.9 && recall >= 0.9,
            "precision {precision:.2}, recall {recall:.2}: {misses:#?}"
        );
    }
}
