//! The due dates a text sets, and whom each is for.
//!
//! A deadline is a due-date cue (`xong trước ngày 06/12/2023`, `trước ngày
//! 25.3`, `chậm nhất trước 15/9`, `trong tháng 9/2020`, `trong quý IV.2019`,
//! `trước tháng 7.2025`, `tổ chức đại hội vào tháng 5/2020`, `hoàn thành vào
//! trung tuần 6.2020`) and the words
//! before it in its clause (a clause ends at a semicolon or a full stop; a
//! parenthesis is a clause of its own). Those words name kinds of unit (by
//! their slug words, or by what they are: `đảng bộ xã, thị trấn`, `chi bộ,
//! đảng bộ cơ quan … trực thuộc Huyện ủy`, `cấp cơ sở`), units (`Đảng bộ
//! xã Quế Châu`, `các Đảng bộ Cẩm Giàng, Bình Giang`, `các đơn vị trên`),
//! or neither: then the deadline says so. A clause that names no one at
//! all takes whom its sentence's previous clause named; from another
//! sentence only the units it names are taken (`các đảng bộ này`, the
//! units chosen for the model congress). The year of a date written
//! without one is the dateline's, or the last full date's before it.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::bodies::HEADS;
use super::directives::Found;
use super::{
    DATE, DueProblem, FoundDeadline, Text, Unsure, clean, date_of, day_and_month, due_in_year, re,
    sentence_end,
};
use crate::domain::{DocType, UnitKind};

/// Whom some words name.
#[derive(Debug, Clone, Default)]
struct Who {
    kinds: Vec<UnitKind>,
    /// Where in the words each kind is named, to keep the text's order.
    kind_at: Vec<usize>,
    units: Vec<String>,
    /// The words that name them: (start, end) in the words read.
    spans: Vec<(usize, usize)>,
    /// The words name someone else: a body, people, a level above the tree,
    /// or a kind they leave in doubt (`các chi bộ`).
    others: bool,
}

impl Who {
    fn names_any(&self) -> bool {
        !self.kinds.is_empty() || !self.units.is_empty()
    }

    fn add_kind(&mut self, kind: UnitKind, at: usize) {
        if !self.kinds.contains(&kind) {
            self.kinds.push(kind);
            self.kind_at.push(at);
        }
    }

    /// The kinds in the order the words name them.
    fn in_order(mut self) -> Who {
        let mut pairs: Vec<(usize, UnitKind)> = self
            .kind_at
            .iter()
            .copied()
            .zip(self.kinds.iter().copied())
            .collect();
        pairs.sort_by_key(|(at, _)| *at);
        self.kinds = pairs.iter().map(|(_, k)| *k).collect();
        self.kind_at = pairs.iter().map(|(at, _)| *at).collect();
        self
    }
}

/// The part of a month a time is in (`giữa tháng 8`, `hạ tuần tháng 3`).
const PART: &str = r"(?:giữa|đầu|cuối|nửa đầu|nửa cuối|trung tuần|thượng tuần|hạ tuần)";

/// The cues of a deadline: `trước ngày …`, `hoàn thành trong tháng …`,
/// `trong quý …`, `từ … đến hết ngày …` (`từ ngày 20 tháng 4 đến ngày 20
/// tháng 5 năm 2010`); of two months, the last (`trong tháng 4 và tháng
/// 5/2020`).
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:\b(?:[Xx]ong|[Hh]oàn thành|[Kk]ết thúc)\s+)?(?:\b(?:[Tt]rước|[Cc]hậm nhất(?:\s+là)?(?:\s+(?:trước|vào|đến|trong))?|[Hh]ạn chót(?:\s+là)?|[Mm]uộn nhất(?:\s+là)?)\s+(?:thời gian\s+)?(?:(?:lúc\s+)?\d{{1,2}}\s*(?:h|giờ)(?:\s*\d{{2}}(?:\s*phút)?)?(?:\s+(?:sáng|chiều|tối))?\s*,?\s+)?(?:(?:hết\s+)?ngày\s+)?(?:[Qq]uốc khánh\s+)?(?:(?:tháng\s+)?(?P<d>{DATE})|(?P<dw>\d{{1,2}}\s+tháng\s+\d{{1,2}})|(?P<dn>\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}))|\b[Kk]hông quá\s+ngày\s+(?P<kd>{DATE})|\b[Tt]rước\s+tháng\s+(?P<bm>\d{{1,2}})\s*(?:[/.\-]\s*|\s+năm\s+)(?P<bmy>\d{{4}})|\b(?:(?:[Tt]rong|[Xx]ong(?:\s+(?:trong|vào))?|[Hh]oàn thành(?:\s+(?:trong|vào))?)\s+(?:cuối\s+)?|[Vv]ào\s+cuối\s+)quý\s+(?P<q>IV|III|II|I|[1-4])(?:\s*(?:[./\-]\s*|\s+năm\s+|\s+)(?P<qy>\d{{4}}))?\b|\b(?:[Tt]rong|[Xx]ong(?:\s+(?:trong|vào))?|[Hh]oàn thành(?:\s+(?:trong|vào))?)\s+(?:tháng\s+\d{{1,2}}\s+và\s+)?tháng\s+(?P<m>\d{{1,2}})(?:\s*(?:[/.\-]\s*|\s+năm\s+)(?P<my>\d{{4}}))?|\b(?:[Xx]ong|[Hh]oàn thành)\s+(?:(?:trong|vào)\s+)?(?P<mw>(?:(?:giữa|đầu|cuối|trung tuần|thượng tuần|hạ tuần)\s+)?(?:tháng\s+(?P<m3>\d{{1,2}})\s*[./\-]|(?P<m2>\d{{1,2}})\s*[./])\s*(?P<my2>\d{{4}}))\b|\b[Tt]ừ\s+(?:nay\s+(?:đến|tới)\s+|(?:ngày\s+)?\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}(?:\s*[/.\-]\s*\d{{4}})?(?:\s+(?:đến|tới)\s+|\s*[-–]\s*)|(?:ngày\s+)?\d{{1,2}}\s+tháng\s+\d{{1,2}}(?:\s+năm\s+\d{{4}})?\s+(?:đến|tới)\s+|(?:ngày\s+)?(?P<ws>\d{{1,2}})\s*(?:\s(?:đến|tới)|[-–])\s*)(?:hết\s+)?(?:ngày\s+)?(?:(?P<we>{DATE})|(?P<wn>\d{{1,2}}\s*[/.\-]\s*\d{{1,2}})))|\b(?:[Xx]ong|[Hh]oàn thành)\s+vào\s+(?:ngày\s+)?(?:(?P<vd>{DATE})|(?P<vn>\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}))"
    ))
});

/// The cue of a time something is held (`tổ chức đại hội vào tháng 5/2020`,
/// `Đại hội điểm vào đầu tháng 1-2017`, `tổ chức thành công Đại hội điểm
/// vào ngày 11 và 12/3/2020`, `sẽ diễn ra từ ngày 26 đến 28.10.2020`,
/// `diễn ra trong 2 ngày: 5-6/8/2025`, `trong 02 ngày 22 & 23/7/2020`, `lùi sang
/// các ngày 28 và 29/8/2025`:
/// a run of days needs no `vào`). Apart from `CUE`: the two in one pattern are
/// too large for the fast way of reading groups, and cost ten times more.
static HELD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?:[Tt]ổ chức(?:\s+thành công)?|[Tt]iến hành|(?:(?:[Dd]ự kiến|[Ss]ẽ)\s+(?:được\s+)?)?diễn ra|[Dd]ự kiến|(?:được\s+)?(?:lùi|dời|chuyển)\s+sang|(?:[Ss]ẽ\s+)?bế mạc|[Tt]hời gian(?:\s+tổ chức)?(?:\s+[Đđ]ại hội)?\s*:(?:[^.;:\n]{{0,40}}?,)?)(?:\s+(?:các\s+)?[Đđ]ại hội(?:\s+[^\s.;:,()][^.;:,()]{{0,60}}?)?(?:,\s*nhiệm kỳ\s+\d{{4}}\s*[-–]\s*\d{{4}}\s*,?)?)?(?:\s+trọng thể)?(?:\s+tại\s+\p{{Lu}}[^.;:,()]{{0,40}}?)?|[Đđ]ại hội\s+điểm(?:\s+[^\s.;:,()][^.;:,()]{{0,60}}?)?|[Đđ]ại hội\s+[^\s.;:,()](?:[^.;:,()]|\.\s?\p{{Lu}}){{0,60}}?\s+(?:sẽ\s+)?làm việc)\s+(?:là\s+)?(?P<tv>ngày\s+(?P<tf>{DATE})|(?:vào|trong|đến(?:\s+hết)?)\s+(?:(?:lúc\s+)?\d{{1,2}}\s*(?:h|giờ|g)\s*(?:\d{{2}}\s*(?:phút\s*)?)?,?\s*)?(?:(?:sáng|chiều|tối|trưa)\s*,?\s*)?(?:(?:dịp\s+)?(?:(?:{PART}\s+)?tháng\s+\d{{1,2}}\s+(?:và|đến)\s+)?(?:{PART}\s+)?tháng\s+(?P<tm>\d{{1,2}})(?:\s*(?:[/.\-]\s*|\s+năm\s+)(?P<tmy>\d{{4}}))?|(?:{PART}\s+)?quý\s+(?P<tq>IV|III|II|I|[1-4])(?:\s*(?:[/.\-]\s*|\s+năm\s+)(?P<tqy>\d{{4}}))?\b|(?:sáng|chiều|tối|trưa)\s+(?P<tpd>{DATE})|(?:các\s+)?ngày\s+(?:\d{{1,2}}\s*(?:,|và|&|-|–|đến)\s*)*(?:(?P<td>{DATE})|(?P<tdn>\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\b))|(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?mai\s*\(?\s*(?:(?P<tmd>{DATE})|(?P<tmn>\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\b)))|(?:(?:từ\s+(?:(?:sáng|chiều|tối)\s+)?)?(?:các\s+)?ngày\s+|từ\s+(?:(?:sáng|chiều|tối)\s+)?|vào\s+(?:sáng|chiều|tối)\s+|trong\s+(?:\d{{1,2}}|hai|ba)\s+ngày\s*[:,]?\s*(?:từ\s+)?(?:(?:sáng|chiều|tối)\s+)?(?:các\s+)?(?:ngày\s+)?)(?:\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?\s*(?:đến|-|–|và)|\d{{1,2}}\s*(?:(?:,|và|&|-|–|đến)\s*\d{{1,2}}\s*)*(?:,|và|&|-|–|đến))\s*(?:(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?(?:(?P<tr>{DATE})|(?P<trn>\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\b)))"
    ))
});

/// The cue of a day something is to be done by, the day before the verb:
/// `tập trung đến 30/7/2020 cơ bản tổ chức xong đại hội …`, `đến ngày
/// 15/7/2020, các chi bộ phải hoàn thành …`, or a month, or a part of one
/// (`đến cuối tháng 6 hoàn thành đại hội cấp cơ sở`). Whether a verb of finishing
/// follows is checked where it is read (`until_done`).
static UNTIL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b[Đđ]ến\s+(?:hết\s+)?(?:(?:ngày\s+)?(?P<ud>{DATE})|(?P<uw>(?:{PART}\s+)?tháng\s+(?P<um>\d{{1,2}})(?:\s*(?:[/.\-]\s*|\s+năm\s+)(?P<umy>\d{{4}}))?)\b)"
    ))
});

/// Whether a cue is an `UNTIL` one: a day or a month before the verb.
fn is_until(caps: &regex::Captures<'_>) -> bool {
    caps.name("ud").is_some() || caps.name("um").is_some()
}

/// Whether the words around an `UNTIL` cue say that something is to be
/// finished by it: a verb of finishing after it, up to the next cue, or
/// before it in its clause (`…, thời gian hoàn thành đến hết ngày
/// 30/4/2020`); and those before it are no count (`tính đến ngày …`) nor
/// a window's start (`từ … đến …`), nor a report (`đã`).
fn until_done(before: &str, cue: &str, after: &str) -> bool {
    static FINISH: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)^[^.;:]{0,80}?\b(?:xong|hoàn thành|hoàn tất)\b"));
    static FINISH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:xong|hoàn thành|hoàn tất|kết thúc|thời gian|thời hạn)\b[^.;]{0,80}$")
    });
    let before = before.trim_end().to_lowercase();
    let counted = ["tính", "tính từ", "cho", "từ nay", "kể"]
        .iter()
        .any(|w| before.ends_with(w))
        || before.split_whitespace().rev().take(5).any(|w| w == "từ");
    let reported =
        |words: &mut dyn Iterator<Item = &str>| words.take(12).any(|w| w == "đã" || w == "được");
    // `thu, nộp đảng phí đến hết ngày 30/4/2020`: to the end of a day
    // after the work asked is its last day.
    let to_end = cue.contains("hết") && before.split_whitespace().count() >= 2;
    !counted
        && !reported(&mut after.split_whitespace())
        && (FINISH.is_match(after)
            || (to_end || FINISH_BEFORE.is_match(&before))
                && !reported(&mut before.split_whitespace().rev()))
}

/// The cues of `clause` in order, as one pattern of both would find them:
/// from each place on, the one that starts first (`CUE`'s on a tie), then
/// on from its end.
fn cues_of(clause: &str) -> Vec<regex::Captures<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut pending: [Option<regex::Captures<'_>>; 3] = [None, None, None];
    while at <= clause.len() {
        for (slot, pattern) in pending.iter_mut().zip([&*CUE, &*HELD, &*UNTIL]) {
            if slot
                .as_ref()
                .and_then(|c| c.get(0))
                .is_none_or(|m| m.start() < at)
            {
                *slot = pattern.captures_at(clause, at);
                // `tiến hành Đại hội Đảng bộ khối … và ngày 20, 21-4, Đại
                // hội …`: days with no year after a `và` are the next
                // item's of a list, not this congress's.
                // `dự kiến trong ngày 14-10, sẽ có …`: an expectation alone
                // is a time something is held only for a day of it.
                while let Some(c) = slot.as_ref()
                    && let Some(m) = c.get(0)
                    && ((c.name("tdn").is_some() || c.name("trn").is_some())
                        && m.as_str()[..m.as_str().rfind("ngày").unwrap_or(0)]
                            .trim_end()
                            .ends_with(" và")
                        || expected_alone(c, &clause[..m.start()])
                        || bare_day_not_held(c))
                {
                    let next =
                        m.start() + clause[m.start()..].chars().next().map_or(1, char::len_utf8);
                    *slot = pattern.captures_at(clause, next);
                }
            }
        }
        // The one that starts first; the earlier pattern's on a tie.
        let start = |c: &regex::Captures<'_>| c.get(0).map_or(usize::MAX, |m| m.start());
        let Some(first) = pending
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|c| (start(c), i)))
            .min()
            .map(|(_, i)| i)
        else {
            break;
        };
        let Some(caps) = pending[first].take() else {
            break;
        };
        let Some(m) = caps.get(0) else { break };
        at = if m.end() > m.start() {
            m.end()
        } else {
            m.end() + clause[m.end()..].chars().next().map_or(1, char::len_utf8)
        };
        out.push(caps);
    }
    out
}

/// Whether a full day with no `vào` before it (`dự kiến tổ chức ngày
/// 7/2/2026`, `Thời gian: Đại hội tiến hành ½ ngày, ngày 18/6/2020`)
/// follows words other than a verb of holding or a plan's `Thời gian:`
/// (`Đại hội điểm bắt đầu từ ngày 05/5/2023` is a start, not a time held).
fn bare_day_not_held(caps: &regex::Captures<'_>) -> bool {
    let (Some(all), Some(tv)) = (caps.get(0), caps.name("tv")) else {
        return false;
    };
    if caps.name("tf").is_none() {
        return false;
    }
    let head = all.as_str()[..tv.start() - all.start()].trim_end();
    !["tổ chức", "diễn ra", "bế mạc", ":", ","]
        .iter()
        .any(|v| head.ends_with(v))
}

/// Whether a time something is held opens with `dự kiến` and no verb, and
/// is not one day (`dự kiến trong ngày 14-10`), nor a congress's, the
/// congress the subject before it (`Đại hội Đảng bộ huyện … dự kiến vào
/// tháng 9/2020`); `before` is the clause up to the cue.
fn expected_alone(caps: &regex::Captures<'_>, before: &str) -> bool {
    static ONE_DAY: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?:vào|trong)\s+ngày\s+\d{1,2}\s*[/.\-]\s*\d{1,2}\b"));
    // The congress opens the clause (`Thời gian` before it at most) and
    // nothing done follows it.
    static CONGRESS_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^\s*(?:[-+•*]\s*)?(?:(?i:thời gian)\s+(?:tổ chức\s+)?)?[Đđ]ại hội\s[^.;:()]{0,120}$")
    });
    let (Some(all), Some(tv)) = (caps.get(0), caps.name("tv")) else {
        return false;
    };
    let head = all.as_str()[..tv.start() - all.start()].trim_end();
    let of_congress = CONGRESS_SUBJECT.is_match(before)
        && !before.split_whitespace().any(|w| w == "đã" || w == "được");
    (head == "dự kiến" || head == "Dự kiến") && !ONE_DAY.is_match(tv.as_str()) && !of_congress
}

/// Reads the deadlines of `text`, each tied to the document it belongs to.
pub(super) fn read(text: &Text, found: &Found) -> Vec<FoundDeadline> {
    let body = &text.body;
    let mut out = Vec::new();
    let mut last_named: Vec<String> = Vec::new();
    // The units a sentence chose for the model congress (`chọn Đảng bộ xã
    // Hòa Hội và Chi bộ … làm điểm`): whom `đại hội điểm` is.
    let mut points: Vec<String> = Vec::new();
    // The sentence before chose them: a time alone (`Thời gian tổ chức đại
    // hội vào tháng 5/2020.`) is theirs.
    let mut points_fresh = false;
    // The kinds whose congresses the text is about (`Đại hội chi bộ trực
    // thuộc Đảng bộ cơ sở`): whom `các đơn vị còn lại` are.
    let mut congress: Vec<UnitKind> = Vec::new();
    // A paragraph opening with its level (`Cấp huyện và tương đương: Tổ
    // chức 4 hội nghị …`): the kinds of the deadlines that name no one in
    // its next sentences, up to the end of its line (its own sentence is
    // read as it is).
    let mut heading: Option<(Vec<UnitKind>, usize)> = None;
    let captions = captions(body);
    // Whom the sentence before asked to do something (`đề nghị cấp ủy các
    // chi bộ, đảng bộ cơ sở tổ chức …`), when it names them.
    static ASKS: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:đề nghị|yêu cầu|chỉ đạo|giao)\b"));
    let mut asked: Option<(Who, Option<String>, String)> = None;
    let mut start = 0;
    while start < body.len() {
        let len = sentence_end(&body[start..]);
        let sentence = &body[start..start + len];
        let under_heading = heading
            .as_ref()
            .filter(|(_, end)| start < *end)
            .map(|(kinds, _)| kinds.clone());
        if start == 0 || body[..start].ends_with('\n') {
            heading = level_heading(sentence).map(|kinds| {
                let end = body[start..].find('\n').map_or(body.len(), |i| start + i);
                (kinds, end)
            });
        }
        let (masked, asides) = mask_parentheses(sentence);
        let mut found_here: Vec<(usize, FoundDeadline)> = Vec::new();
        let mut prev: Option<(Who, Option<String>, String)> = None;
        let mut clause_start = 0;
        for clause_end in masked
            .match_indices(';')
            .map(|(i, _)| i)
            .chain([masked.len()])
        {
            read_clause(
                text,
                found,
                start,
                &masked,
                (clause_start, clause_end),
                (&last_named, &congress, &points, points_fresh),
                Some(&mut prev),
                &mut found_here,
            );
            clause_start = clause_end + 1;
        }
        for (a, b) in asides {
            let before_aside = found_here.len();
            let mut s = a;
            for e in sentence[a..b]
                .match_indices(';')
                .map(|(i, _)| a + i)
                .chain([b])
            {
                read_clause(
                    text,
                    found,
                    start,
                    sentence,
                    (s, e),
                    (&last_named, &congress, &points, points_fresh),
                    None,
                    &mut found_here,
                );
                s = e + 1;
            }
            // `Các đảng ủy cơ sở xong đại hội (hạn chót ngày 15/3/2020)`: a
            // time in parentheses that names no one is for whom its clause
            // names before it.
            let clause_from = masked[..a].rfind(';').map_or(0, |i| i + 1);
            let outside = &masked[clause_from..a.saturating_sub(1)];
            let who = who_in(outside, &last_named);
            if who.names_any() {
                for (_, d) in found_here[before_aside..].iter_mut() {
                    if d.unit_kinds.is_empty() && d.units.is_empty() && d.applies_to.is_none() {
                        d.unit_kinds.clone_from(&who.kinds);
                        d.units.clone_from(&who.units);
                        d.applies_to = Some(applies_text(outside, &who));
                        if d.what.is_empty() {
                            d.what = what_of(outside, &who.spans);
                        }
                        d.unsure.retain(|u| *u != Unsure::UnitKind);
                    }
                }
            }
        }
        // A schedule that names kinds leaves the remaining units of none;
        // a sentence of congresses that sets no date names their kind.
        if found_here.iter().any(|(_, d)| !d.unit_kinds.is_empty()) {
            congress.clear();
        } else {
            let here = congress_kinds(sentence);
            if !here.is_empty() {
                congress = here;
            }
        }
        found_here.sort_by_key(|(at, _)| *at);
        if captions.iter().any(|(a, b)| (*a..*b).contains(&start)) {
            found_here.clear();
        }
        if let Some(kinds) = under_heading.filter(|k| !k.is_empty()) {
            for (_, d) in found_here.iter_mut() {
                if d.unit_kinds.is_empty() && d.units.is_empty() && d.applies_to.is_none() {
                    d.unit_kinds.clone_from(&kinds);
                    d.unsure.retain(|u| *u != Unsure::UnitKind);
                }
            }
        }
        // `… đề nghị cấp ủy các chi bộ, đảng bộ cơ sở tổ chức quán triệt …
        // Thời gian hoàn thành việc quán triệt, chậm nhất ngày 14/5/2021`:
        // a sentence that opens with the time of the work asked just
        // before is for whom that asked it of.
        static TIME_OF: LazyLock<Regex> =
            LazyLock::new(|| re(r"^(?:[-+•*]\s*)?(?:[Tt]hời gian|[Tt]hời hạn)\b"));
        if TIME_OF.is_match(sentence)
            && let Some((who, applies_to, what)) = asked.as_ref()
        {
            for (_, d) in found_here.iter_mut() {
                if d.unit_kinds.is_empty() && d.units.is_empty() && d.applies_to.is_none() {
                    d.unit_kinds.clone_from(&who.kinds);
                    d.units.clone_from(&who.units);
                    d.applies_to.clone_from(applies_to);
                    if d.what.is_empty() {
                        d.what.clone_from(what);
                    }
                    d.unsure.retain(|u| *u != Unsure::UnitKind);
                }
            }
        }
        asked = ASKS.find(sentence).and_then(|m| {
            let rest = &sentence[m.end()..];
            let who = who_in(rest, &[]);
            who.names_any().then(|| {
                let applies_to = Some(applies_text(rest, &who));
                let what = what_of(rest, &who.spans);
                (who, applies_to, what)
            })
        });
        out.extend(found_here.into_iter().map(|(_, d)| d));
        let named = named_units(sentence);
        points_fresh = false;
        if !named.is_empty() {
            last_named = named.into_iter().map(|(_, _, n)| n).collect();
            if POINT.is_match(sentence) {
                points.clone_from(&last_named);
                points_fresh = true;
            }
        }
        start += len + 1;
        while start < body.len() && body[start..].starts_with([' ', '\n']) {
            start += 1;
        }
    }
    // A row of a table read as a sentence too (`1 Tổ chức kiểm điểm …
    // Chi bộ cơ sở Trước ngày 05/12/2026`): the table's reading, which
    // knows the row's work, in its place.
    for row in table_rows(text, found) {
        match out
            .iter_mut()
            .find(|d| d.line == row.line && d.due == row.due)
        {
            Some(d) => *d = row,
            None => out.push(row),
        }
    }
    drop_repeated(&mut out);
    province_unsure(&mut out);
    out
}

/// A deadline whose words for whom name the provinces' level (`đảng bộ
/// trực thuộc Trung ương`, `cấp tỉnh`, `Đảng bộ tỉnh lần thứ …`) is for a committee above the
/// grassroots, but theodoi's one kind for those covers every level from the
/// district's up: whether it is the clerk's own committee's is left to ask,
/// unless the district's level is named beside it.
fn province_unsure(out: &mut [FoundDeadline]) {
    static PROVINCE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\btrực thuộc trung ương\b|\bcấp tỉnh\b|\btỉnh\s*,\s*thành phố\b|\bđảng bộ tỉnh(?:\s+lần\b|\s*[,.;:]|\s*$)",
        )
    });
    // `cấp tỉnh, huyện và cơ sở`: the district's level, the clerk's own,
    // is named too; its committee owes the deadline whatever the province's.
    static DISTRICT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:huyện|quận|thị xã)\b"));
    for d in out.iter_mut() {
        if d.unit_kinds.contains(&UnitKind::DangBoCapTren)
            && d.units.is_empty()
            && !d.unsure.contains(&Unsure::UnitKind)
            && d.applies_to
                .as_deref()
                .is_some_and(|who| PROVINCE.is_match(who) && !DISTRICT.is_match(who))
        {
            d.unsure.push(Unsure::UnitKind);
        }
    }
}

/// The deadlines of a plan's table, read from its cells one to a line (or
/// split by `|`): a column headed by when each row is due (`Ngày chậm nhất
/// phải hoàn thành`, `Thời gian hoàn thành`, `Thời hạn`), rows opening
/// with their number, and in each the day (or month, or quarter) alone in
/// its cell. What is due is the row's first cell; whom, the kinds it
/// names. Election work done at a level (`ở cấp huyện`) is the State's, no
/// Party unit's.
fn table_rows(text: &Text, found: &Found) -> Vec<FoundDeadline> {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:(?:ngày|thời gian|thời hạn|hạn)(?:\s+chậm nhất)?(?:\s+(?:phải|cần))?(?:\s+(?:hoàn thành|thực hiện|xong))?|tiến độ(?:\s+(?:hoàn thành|thực hiện))?)$",
        )
    });
    static ROW: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:\d{1,2}|[IVX]{1,4})\.?$"));
    static WHEN: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i)^(?:(?:trước|chậm nhất(?:\s+là)?|xong trước|hoàn thành trước)\s+)?(?:(?:hết\s+)?ngày\s+)?(?:(?P<d>{DATE})|(?:trong\s+)?tháng\s+(?P<m>\d{{1,2}})\s*[/.\-]\s*(?P<my>\d{{4}})|(?:trong\s+)?quý\s+(?P<q>IV|III|II|I|[1-4])\s*[/.\-]\s*(?P<qy>\d{{4}}))\s*(?:\([^)]{{0,30}}\))?\.?$"
        ))
    });
    static ELECTION: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:bầu cử|ứng cử|cử tri|HĐND|hội đồng nhân dân)\b"));
    let body = &text.body;
    // Each cell: where it starts and its words. A line of the input is
    // one (a cell `105 ngày` is not run on into the next, as a line of
    // prose cut after `ngày` is in the body).
    let mut cells: Vec<(usize, &str)> = Vec::new();
    let starts: Vec<usize> = text.lines.iter().map(|(at, _)| *at).collect();
    for (i, &at) in starts.iter().enumerate() {
        let line = &body[at..starts.get(i + 1).copied().unwrap_or(body.len())];
        let mut from = at;
        for cell in line.split(['|', '\t']) {
            let trimmed = cell.trim();
            if !trimmed.is_empty() {
                let lead = cell.len() - cell.trim_start().len();
                cells.push((from + lead, trimmed));
            }
            from += cell.len() + 1;
        }
    }
    let Some(first) = cells.iter().position(|(_, c)| HEADER.is_match(c)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // The row being read: where it starts, its cells before its time.
    let mut row: Option<(usize, Vec<&str>)> = None;
    for &(at, cell) in &cells[first + 1..] {
        if ROW.is_match(cell) {
            row = Some((at, Vec::new()));
            continue;
        }
        let Some((row_at, words)) = row.as_mut() else {
            continue;
        };
        let Some(caps) = WHEN.captures(cell) else {
            words.push(cell);
            continue;
        };
        let due = if let Some(d) = caps.name("d") {
            date_of(d.as_str()).map(|d| d.to_string())
        } else if let (Some(m), Some(y)) = (caps.name("m"), caps.name("my")) {
            m.as_str()
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .map(|m| format!("{}-{m:02}", y.as_str()))
        } else if let (Some(q), Some(y)) = (caps.name("q"), caps.name("qy")) {
            Some(format!("{}-Q{}", y.as_str(), quarter(q.as_str())))
        } else {
            None
        };
        let Some(due) = due.filter(|_| !words.is_empty()) else {
            continue;
        };
        let all = words.join(" ");
        let who = if ELECTION.is_match(&all) {
            Who::default()
        } else {
            who_in(&all, &[])
        };
        let what = clean(words[0]);
        let mut unsure = Vec::new();
        if !who.names_any() {
            unsure.push(Unsure::UnitKind);
        }
        // Whom a row names no kind for: the body of its other cells
        // (`Ban Tổ chức Huyện ủy`), as written.
        let applies_to = if who.names_any() {
            Some(applies_text(&all, &who))
        } else {
            unknown_applies_to(&words[1..].join(" ")).0
        };
        out.push(FoundDeadline {
            unsure,
            applies_to,
            unit_kinds: who.kinds,
            units: who.units,
            due_problem: None,
            due: Some(due),
            due_written: cell.to_string(),
            what,
            directive: directive_of(text, found, *row_at, at),
            line: text.line_of(at),
            source_text: clean(&format!("{all} {cell}")),
        });
        row = None;
    }
    out
}

/// The lines of `body` that repeat an earlier line with a photo's number
/// after it (`Hà Nội … xong trước ngày 18/8 - ảnh 1`): a picture's caption,
/// which sets nothing the line it repeats does not. Where each one is.
fn captions(body: &str) -> Vec<(usize, usize)> {
    static CAPTION: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?P<t>.+?)\s*[-–]\s*(?i:ảnh)\s*\d{1,2}\s*$"));
    if !body.contains("ảnh") && !body.contains("Ảnh") {
        return Vec::new();
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    let mut at = 0;
    for line in body.split('\n') {
        let trimmed = line.trim();
        if let Some(t) = CAPTION.captures(trimmed).and_then(|c| c.name("t"))
            && seen.contains(&t.as_str().trim())
        {
            out.push((at, at + line.len()));
        }
        if !trimmed.is_empty() {
            seen.push(trimmed);
        }
        at += line.len() + 1;
    }
    out
}

/// A deadline said twice (a headline and its article: `Lấy ý kiến nhân dân
/// … từ nay đến 10-11`, then `Thời gian lấy ý kiến nhân dân từ ngày 20-10
/// đến ngày 10-11`): the same day, for the same, the one's task within the
/// other's, of the same document (or of one, the other naming none). The
/// first is kept, with the document the other names.
fn drop_repeated(out: &mut Vec<FoundDeadline>) {
    let mut kept: Vec<FoundDeadline> = Vec::with_capacity(out.len());
    let day_of = |k: &FoundDeadline| {
        k.due
            .as_deref()
            .filter(|due| due.len() == 10)
            .and_then(|due| chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").ok())
    };
    for d in out.drain(..) {
        let what = d.what.to_lowercase();
        // A lead that names no document, and the paragraph that says the
        // same with the plan it is of: one deadline, of that plan.
        let same = |k: &FoundDeadline| {
            let theirs = k.what.to_lowercase();
            k.due == d.due
                && (k.directive == d.directive || k.directive.is_none() || d.directive.is_none())
                && k.unit_kinds == d.unit_kinds
                && k.units == d.units
                && !theirs.is_empty()
                && (theirs.contains(&what) || what.contains(&theirs))
        };
        let repeated = d.due.is_some()
            && !what.is_empty()
            && match kept.iter_mut().find(|k| same(k)) {
                Some(k) => {
                    if k.directive.is_none() {
                        k.directive = d.directive;
                    }
                    true
                }
                None => false,
            };
        // `Phiên trù bị …`, `Phiên chính thức được tổ chức vào các ngày 16 -
        // 17/10/2025` after the congress set on those days: a session of it
        // (on its last day or in the week before), naming no one, is no
        // deadline of its own.
        let repeated = repeated
            || d.unit_kinds.is_empty()
                && d.units.is_empty()
                && {
                    let source = d.source_text.to_lowercase();
                    source.starts_with("phiên ") || source.contains(" phiên ")
                }
                && day_of(&d).is_some_and(|session| {
                    kept.iter().any(|k| {
                        (!k.units.is_empty() || !k.unit_kinds.is_empty())
                            && day_of(k)
                                .is_some_and(|last| (0..=7).contains(&(last - session).num_days()))
                    })
                });
        // A day with no year said twice for the same (`xong trước ngày
        // 18/8` in a headline and in its article): one deadline.
        let repeated = repeated
            || d.due.is_none()
                && kept.iter().any(|k| {
                    k.due.is_none()
                        && k.due_written == d.due_written
                        && k.due_problem == d.due_problem
                        && k.directive == d.directive
                        && k.unit_kinds == d.unit_kinds
                        && k.units == d.units
                });
        if repeated {
            continue;
        }
        // A headline's month and its article's day in it for the same
        // work (`… xong đại hội Đảng bộ cấp huyện trong tháng 7/2020`, then
        // `đến 30/7/2020 cơ bản tổ chức xong đại hội đảng bộ cấp huyện`):
        // one deadline, on the day.
        if let Some(day) = d.due.as_deref().filter(|due| due.len() == 10)
            && !what.is_empty()
            && let Some(k) = kept.iter_mut().find(|k| {
                // A headline too short for its work to be told apart
                // from whom: its words whole.
                let theirs = if k.what.is_empty() {
                    k.source_text.to_lowercase()
                } else {
                    k.what.to_lowercase()
                };
                // The work's own words, not those of doing (`tổ chức xong
                // đại hội`: `đại hội`), each in the headline's.
                let own: Vec<&str> = what
                    .split_whitespace()
                    .filter(|w| !["tổ", "chức", "xong", "hoàn", "thành", "việc"].contains(w))
                    .collect();
                k.line == 1
                    && k.due.as_deref() == Some(&day[..7])
                    && k.directive == d.directive
                    && k.unit_kinds == d.unit_kinds
                    && k.units == d.units
                    && !own.is_empty()
                    && own
                        .iter()
                        .all(|w| theirs.split_whitespace().any(|t| t == *w))
            })
        {
            *k = d;
            continue;
        }
        // A headline's congress and its article's on the same day, the
        // đảng bộ named in full in one and by its level in the other
        // (`Đảng bộ tỉnh Bắc Giang …`, `Đại hội đại biểu Đảng bộ tỉnh lần
        // thứ XVIII …`): one congress, under the fuller name.
        let same_unit = |a: &str, b: &str| a.starts_with(b) && a[b.len()..].starts_with(' ');
        let congress = |k: &FoundDeadline| k.source_text.to_lowercase().contains("đại hội");
        // `… diễn ra từ ngày 27 đến 30.9.2020`, then `Vào chiều ngày 27.9,
        // Đại hội đại biểu Đảng bộ tỉnh … sẽ chính thức diễn ra`: one
        // congress of one đảng bộ, days apart, is one deadline, on its
        // last day.
        if let Some(day) = day_of(&d)
            && !d.units.is_empty()
            && congress(&d)
            && let Some(k) = kept.iter_mut().find(|k| {
                k.units == d.units
                    && k.unit_kinds == d.unit_kinds
                    // A headline cites no document; its article may.
                    && (k.directive == d.directive || k.directive.is_none() && k.line == 1)
                    && congress(k)
                    && day_of(k).is_some_and(|theirs| (theirs - day).num_days().abs() <= 5)
            })
        {
            if day_of(k).is_some_and(|theirs| theirs < day) {
                *k = d;
            } else if k.directive.is_none() {
                k.directive = d.directive;
            }
            continue;
        }
        // `Đại hội … diễn ra từ ngày 27 đến 30.9.2020`, then `Đại hội sẽ
        // chính thức khai mạc và diễn ra đến ngày 30/9`: a congress's last
        // day said again, naming no one, is the same congress.
        if d.due.as_deref().is_some_and(|due| due.len() == 10)
            && d.unit_kinds.is_empty()
            && d.units.is_empty()
            && congress(&d)
            && kept
                .iter()
                .any(|k| k.due == d.due && k.directive == d.directive && congress(k))
        {
            continue;
        }
        if let Some(k) = kept.iter_mut().find(|k| {
            d.due.is_some()
                && k.due == d.due
                && k.directive == d.directive
                && k.unit_kinds.is_empty()
                && d.unit_kinds.is_empty()
                && k.units.len() == 1
                && d.units.len() == 1
                && (same_unit(&k.units[0], &d.units[0]) || same_unit(&d.units[0], &k.units[0]))
                && congress(k)
                && congress(&d)
        }) {
            if d.units[0].len() > k.units[0].len() {
                k.units.clone_from(&d.units);
                k.applies_to.clone_from(&d.applies_to);
            }
            continue;
        }
        kept.push(d);
    }
    *out = kept;
}

/// The kinds a paragraph's opening level names (`Cấp huyện và tương
/// đương:`, `Cấp cơ sở:`, `Cấp tỉnh:`; a province's committee is one above
/// the grassroots too).
fn level_heading(sentence: &str) -> Option<Vec<UnitKind>> {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*(?:[-+•*]\s*)?(?i:cấp\s+(?P<l>huyện|quận|tỉnh|cơ sở|xã)(?:\s+và\s+tương\s+đương)?)\s*:",
        )
    });
    let caps = HEADING.captures(sentence)?;
    Some(level_kinds(caps.name("l")?.as_str()).to_vec())
}

/// The kinds of the units of a level as its word names it: a committee
/// above the grassroots for a province's, a city's, a district's; the
/// grassroots đảng bộ for a commune's; both grassroots kinds for `cơ sở`.
fn level_kinds(level: &str) -> &'static [UnitKind] {
    use UnitKind::*;
    match level.to_lowercase().as_str() {
        "tỉnh" | "thành phố" | "huyện" | "quận" | "thị xã" => &[DangBoCapTren],
        "xã" | "phường" | "thị trấn" => &[DangBoCoSo],
        "cơ sở" => &[DangBoCoSo, ChiBoCoSo],
        _ => &[],
    }
}

/// Whether `words` are a day and month alone (`29/6`, `10-8`), or with
/// their year (`17/10/2025`), or a run of days ending in one (`24 và
/// 25-9-2025`, `ngày 14, 15/6/2010`).
fn is_day_only(words: &str) -> bool {
    static DAYS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:(?:dự kiến\s+)?(?:vào\s+)?(?:các\s+)?ngày\s+)?(?:\d{1,2}\s*(?:,|và|&|-|–)\s*)*\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?$",
        )
    });
    DAYS.is_match(words.trim())
}

/// The sentence with what is in parentheses blanked out (its length kept),
/// and where each parenthesis's content is.
fn mask_parentheses(sentence: &str) -> (String, Vec<(usize, usize)>) {
    let mut masked = String::with_capacity(sentence.len());
    let mut asides = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in sentence.char_indices() {
        match (c, open) {
            ('(', None) => {
                open = Some(i + 1);
                masked.push(' ');
            }
            // `Ngày mai (29/6), Đại hội …`: a parenthesis that holds only a
            // day and month is part of its sentence, not an aside.
            (')', Some(o)) if is_day_only(&sentence[o..i]) => {
                masked.replace_range(o..i, &sentence[o..i]);
                masked.push(')');
                open = None;
            }
            (')', Some(o)) => {
                asides.push((o, i));
                open = None;
                masked.push(' ');
            }
            (_, Some(_)) => masked.extend(std::iter::repeat_n(' ', c.len_utf8())),
            _ => masked.push(c),
        }
    }
    if let Some(o) = open {
        // An unclosed parenthesis: keep its words where they are.
        masked.replace_range(o - 1.., &sentence[o - 1..]);
    }
    (masked, asides)
}

/// Reads the cues of one clause (`words[range]`, the sentence starting at
/// `base` in the body). `prev`, when given, carries whom the sentence's
/// last clause named to a clause that names no one.
#[allow(clippy::too_many_arguments)]
fn read_clause(
    text: &Text,
    found: &Found,
    base: usize,
    words: &str,
    (from, to): (usize, usize),
    (last_named, congress, points, points_fresh): (&[String], &[UnitKind], &[String], bool),
    mut prev: Option<&mut Option<(Who, Option<String>, String)>>,
    out: &mut Vec<(usize, FoundDeadline)>,
) {
    let clause = &words[from..to];
    let mut region_start = from;
    let mut cues = 0;
    let all_cues = cues_of(clause);
    let next_starts: Vec<usize> = all_cues
        .iter()
        .skip(1)
        .map(|c| c.get(0).map_or(to, |m| from + m.start()))
        .chain([to])
        .collect();
    for (caps, next_start) in all_cues.into_iter().zip(next_starts) {
        cues += 1;
        let Some(cue) = caps.get(0) else { continue };
        let (cue_start, cue_end) = (from + cue.start(), from + cue.end());
        // `tổ chức đại hội vào tháng 5/2020`: the time is the cue, what is
        // held is said before it; not when it was held (`đã tổ chức …`).
        let cue_start = caps.name("tv").map_or(cue_start, |tv| from + tv.start());
        let cue_opening = from + cue.start();
        let window = caps.name("we").is_some() || caps.name("wn").is_some();
        if window
            && words[cue_end..]
                .split_whitespace()
                .take(4)
                .any(|w| w == "đã")
        {
            region_start = cue_end;
            continue;
        }
        if (caps.name("tv").is_some() || window)
            && (words[region_start..cue_start]
                .split_whitespace()
                .rev()
                .take(if window { 8 } else { 6 })
                .any(|w| w == "đã")
                || words[region_start..cue_opening.max(region_start)]
                    .split_whitespace()
                    .rev()
                    .take(3)
                    .any(|w| w == "đã"))
        {
            region_start = cue_end;
            continue;
        }
        // `… lùi sang các ngày 28 và 29/8/2025, thay vì tổ chức vào ngày 25
        // và 26/8`: the time first planned sets nothing.
        if words[region_start..cue_opening.max(region_start)]
            .trim_end()
            .ends_with("thay vì")
        {
            region_start = cue_end;
            continue;
        }
        if is_until(&caps)
            && !until_done(
                &words[region_start..cue_opening.max(region_start)],
                &words[cue_start..cue_end],
                &words[cue_end..next_start.max(cue_end)],
            )
        {
            continue;
        }
        let after = &words[cue_end..];
        // `trong tháng 6/2010 đã chỉ đạo …`: a time followed by what was
        // done in it is no deadline.
        if after
            .trim_start_matches([',', ' '])
            .split_whitespace()
            .next()
            .is_some_and(|w| w == "đã")
        {
            region_start = cue_end;
            continue;
        }
        // "trong tháng 3, …" opening a clause tells when something was done.
        let opening = words[region_start..cue_start]
            .trim_matches(|c: char| c.is_whitespace() || "-+•*".contains(c))
            .is_empty();
        // A month or quarter after the dateline's, though, is one to come:
        // `Trong tháng 4/2020, các chi bộ … tổ chức đại hội` on a page of
        // February.
        if opening
            && (caps.name("m").is_some() || caps.name("q").is_some())
            && after.starts_with(',')
            && !due_of(text, &caps, base + cue_start, after)
                .and_then(Result::ok)
                .is_some_and(|due| after_dateline(text, &due))
        {
            region_start = cue_end;
            continue;
        }
        // `từ ngày 17 đến ngày 22-8 (…), Bộ Chính trị làm việc với …`: a
        // time a body's work follows is that body's, set for no unit.
        static BODY_AFTER: LazyLock<Regex> =
            LazyLock::new(|| re(&format!(r"^\s*,[\s,]*(?:{HEADS})\b")));
        // … unless the body directs units to hold it (`từ ngày 25-28/4, Đảng
        // ủy Khối chỉ đạo đại hội điểm tại 04 chi bộ trực thuộc …`): then
        // it is theirs.
        static DIRECTS: LazyLock<Regex> = LazyLock::new(|| {
            re(&format!(
                r"^\s*,[\s,]*(?:{HEADS})[^,.;:]{{0,40}}?\b(?:chỉ đạo|yêu cầu)\s+(?:(?:tổ chức|tiến hành)\s+)?đại hội\b"
            ))
        });
        if window
            && BODY_AFTER.is_match(after)
            && !(DIRECTS.is_match(after)
                && who_in(&words[cue_end..next_start.max(cue_end)], last_named).names_any())
        {
            region_start = cue_end;
            continue;
        }
        // `Từ ngày 15/9 đến ngày 2/11, tất cả 63 tỉnh … đã hoàn thành tổ
        // chức Đại hội`: a window whose clause says what was done in it
        // reports, and sets nothing.
        if window && after.split_whitespace().any(|w| w == "đã") {
            region_start = cue_end;
            continue;
        }
        // `Do đó không thể tổ chức Đại hội … ngay trong tháng 4 được`: what
        // cannot be done by a time sets nothing.
        static CANNOT: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)\b(?:không|chưa)\s+(?:thể|kịp)\s+(?:tổ chức|tiến hành|hoàn thành|diễn ra)\b[^.;:]{0,80}$",
            )
        });
        if CANNOT.is_match(&words[region_start..cue_start]) {
            region_start = cue_end;
            continue;
        }
        // `Các chi bộ đã hoàn thành đại hội trước ngày 5-3`: what was done
        // by a time reports it, and sets nothing (nor a day of next year).
        static DONE: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?i)\bđã\s+(?:(?:cơ bản|được|đều|lần lượt|sớm|kịp thời)\s+){0,2}(?:hoàn thành|hoàn tất|tổ chức|xong|kết thúc|tiến hành)\b[^.;:]{0,80}$",
            )
        });
        if DONE.is_match(&words[region_start..cue_start]) {
            region_start = cue_end;
            continue;
        }
        let Some(due) = due_of(text, &caps, base + cue_start, after) else {
            continue;
        };
        let due_written = written_due(&caps);
        // A window before it (`hoàn thành từ tháng 4 - 6 và …`) ends
        // the words of another deadline-less item: whom this one is for
        // follows it.
        static WINDOW: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"\btừ\s+(?:ngày\s+|tháng\s+)?\d{1,2}(?:\s*[./]\s*\d{1,4})*\s*(?:-|–|đến)\s*(?:hết\s+)?(?:ngày\s+|tháng\s+)?\d{1,2}\b(?:\s*[./]\s*\d{1,4})*\s*(?:,|và)?",
            )
        });
        if let Some(w) = WINDOW.find_iter(&words[region_start..cue_start]).last() {
            // `… bắt đầu từ tháng 4-2020, hoàn thành trước …`: the window
            // that starts the same item leaves whom it is for before it.
            let starts_it = words[region_start..region_start + w.start()]
                .trim_end()
                .ends_with("bắt đầu")
                && is_bare(&words[region_start + w.end()..cue_start]);
            if !starts_it {
                region_start += w.end();
            }
        }
        // `… là tiền đề để tiến tới Đại hội Đảng bộ huyện X, dự kiến diễn
        // ra vào tháng 8`: what is held then is the congress named after
        // `tiến tới`, when that names whom.
        if caps.name("tv").is_some()
            && let Some(i) = words[region_start..cue_start].rfind("tiến tới")
        {
            let goal = region_start + i + "tiến tới".len();
            if who_in(&words[goal..cue_start], last_named).names_any() {
                region_start = goal;
            }
        }
        // `lịch đại hội điểm cấp cơ sở gồm: Đảng bộ phòng Kỹ thuật, …, từ
        // ngày 20 – 21/01`: a list's first item after its head's colon is
        // whom the head's level names no more.
        if let Some(i) = words[region_start..cue_start].rfind(':')
            && who_in(&words[region_start + i + 1..cue_start], last_named).names_any()
        {
            region_start += i + 1;
        }
        let region = &words[region_start..cue_start];
        let mut who = who_in_about(region, last_named, ASSOCIATION_UNIT.is_match(clause));
        if who.units.is_empty()
            && who.kinds.len() == 1
            && let Some(unit) = the_one_named(region, &words[from..region_start], last_named)
        {
            who.kinds.clear();
            who.kind_at.clear();
            who.units = vec![unit];
        }
        // `Theo kế hoạch, chậm nhất 15/10/2031, các đảng ủy cơ sở chỉ đạo
        // tổ chức xong đại hội chi bộ trực thuộc`: a day opening its clause,
        // a comma after it, whom after that (up to the next cue).
        // `Trong tháng 4/2020, các chi bộ … tổ chức đại hội` likewise.
        let day_cue = [
            "d", "dn", "dw", "kd", "we", "wn", "m", "m2", "m3", "bm", "q", "vd", "vn",
        ]
        .iter()
        .any(|g| caps.name(g).is_some());
        let tail = &words[cue_end..next_start.max(cue_end)];
        // `tập trung đến 30/7/2020 cơ bản tổ chức xong đại hội đảng bộ cấp
        // huyện`, `Ban Thường vụ … yêu cầu đến ngày 20/7 các chi bộ trực
        // thuộc phải hoàn thành …`: whom, when named after the day, is
        // there (before it, who asks).
        let until = is_until(&caps);
        let who_after = (day_cue
            && !who.names_any()
            && !who.others
            && is_bare(strip_openers(region.trim()))
            && after.starts_with(',')
            || until)
            .then(|| who_in(tail, last_named))
            .filter(Who::names_any);
        // `Hai đảng bộ còn lại (xã Thủy Vân và Công ty …) sẽ tổ chức đại
        // hội`: the units the parenthesis after them names.
        if !who.names_any()
            && let Some((units, span)) = units_in_aside(&text.body[base..], region_start, region)
        {
            who.units = units;
            who.spans.push(span);
            who.others = false;
        }
        // `Đại hội sẽ chính thức diễn ra trong 3 ngày, …` after a sentence
        // that named the one đảng bộ whose congress it is: that đảng bộ.
        if !who.names_any()
            && !who.others
            && ["tv", "tr", "trn"].iter().any(|g| caps.name(g).is_some())
            && let [unit] = last_named
            && let Some(i) = region.rfind("Đại hội").or_else(|| region.rfind("đại hội"))
            && region[i + "Đại hội".len()..].split_whitespace().all(|w| {
                [
                    "sẽ", "chính", "thức", "dự", "kiến", "được", "lần", "này", "tổ", "chức",
                    "diễn", "ra", "tiến", "hành",
                ]
                .contains(&w)
            })
        {
            who.units = vec![unit.clone()];
            who.spans.push((i, i + "Đại hội".len()));
        }
        // `yêu cầu các đảng bộ, chi bộ triển khai …` on a page a district's
        // committee speaks: the grassroots units under it. Spoken by
        // another, or by none the page names, the kinds stay in doubt.
        static PAIR: LazyLock<Regex> = LazyLock::new(|| {
            re(r"(?i)\b(?:các|những)\s+đảng bộ\s*(?:,|và)\s*chi bộ(?:\s+trực thuộc)?\b")
        });
        if !who.names_any()
            && text.district_voice()
            && let Some(m) = PAIR.find(region)
            && !["cơ sở", "bộ phận", "cấp", "thuộc", "trực", "của"]
                .iter()
                .any(|w| region[m.end()..].trim_start().to_lowercase().starts_with(w))
        {
            who.add_kind(UnitKind::DangBoCoSo, m.start());
            who.add_kind(UnitKind::ChiBoCoSo, m.start() + 1);
            who.spans.push((m.start(), m.end()));
            who.others = false;
        }
        // `Thời gian tiến hành đại hội điểm hoàn thành …`: the units chosen
        // for it before (not an association's model congress).
        if !who.names_any()
            && !points.is_empty()
            && !ASSOCIATION_UNIT.is_match(region)
            && let Some(m) = POINT.find(region)
        {
            who.units = points.to_vec();
            who.spans.push((m.start(), m.end()));
            who.others = false;
        }
        // A time alone right after the sentence that chose them.
        static CONGRESS_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bđại hội\b"));
        if !who.names_any()
            && !who.others
            && points_fresh
            && !points.is_empty()
            && is_bare(&CONGRESS_WORD.replace_all(region, " "))
        {
            who.units = points.to_vec();
        }
        // Whom `text` names: as written, else the units' names; and the work.
        let named = |text: &str, who: Who| {
            let written = applies_text(text, &who);
            let applies_to = Some(if written.is_empty() {
                who.units.join(", ")
            } else {
                written
            });
            let what = what_of(text, &who.spans);
            (who, applies_to, what)
        };
        let (who, applies_to, what) = if let Some(who) = who_after {
            let (who, applies_to, what) = named(tail, who);
            // `… cơ bản tổ chức xong đại hội đảng bộ cấp huyện`: the work
            // is said before whom.
            let before = who.spans.iter().map(|s| s.0).min().unwrap_or(0);
            let lead = tail[..before].trim_end();
            let lead = ["các", "những"]
                .iter()
                .find_map(|w| lead.strip_suffix(w))
                .unwrap_or(lead);
            let own = what_of(lead, &[]);
            let what = if until && !own.is_empty() { own } else { what };
            (who, applies_to, what)
        } else if who.names_any() {
            named(region, who)
        } else {
            let inherited = match (&prev, who.others) {
                (Some(p), false) if is_bare(region) => p.as_ref().cloned(),
                _ => None,
            };
            match inherited {
                Some((w, a, what)) => {
                    let own = what_of(region, &[]);
                    (w, a, if own.is_empty() { what } else { own })
                }
                None => match REMAINING.find(region) {
                    // `các đơn vị còn lại`: the units of the congresses the
                    // text is about that were not named before.
                    // What they hold may follow (`hoàn thành đại hội chi
                    // bộ`): only the words before them may name others.
                    Some(m)
                        if !congress.is_empty()
                            && !who_in(&region[..m.start()], last_named).others
                            && prev
                                .as_ref()
                                .and_then(|p| p.as_ref())
                                .is_none_or(|(w, _, _)| w.kinds.is_empty()) =>
                    {
                        let mut who = who;
                        for (i, kind) in congress.iter().enumerate() {
                            who.add_kind(*kind, m.start() + i);
                        }
                        who.spans.push((m.start(), m.end()));
                        let applies_to = Some(applies_text(region, &who));
                        // What they hold is said before them (`tổ chức đại
                        // hội đồng loạt các đơn vị còn lại`).
                        let own = what_of(&region[..m.start()], &[]);
                        let what = if own.is_empty() {
                            what_of(region, &who.spans)
                        } else {
                            own
                        };
                        (who, applies_to, what)
                    }
                    _ => {
                        let (applies_to, span) = unknown_applies_to(region);
                        let what = what_of(region, &[span]);
                        (who, applies_to, what)
                    }
                },
            }
        };
        if let Some(p) = prev.as_deref_mut() {
            *p = Some((who.clone(), applies_to.clone(), what.clone()));
        }
        let at = base + cue_start;
        let sentence_text = &text.body[base..base + sentence_end(&text.body[base..])];
        let mut unsure = Vec::new();
        if !who.names_any() {
            unsure.push(Unsure::UnitKind);
        }
        if due.is_err() {
            unsure.push(Unsure::Due);
        }
        out.push((
            at,
            FoundDeadline {
                unsure,
                applies_to,
                unit_kinds: who.kinds,
                units: who.units,
                due_problem: due.as_ref().err().copied(),
                due: due.ok(),
                due_written,
                what,
                directive: directive_of(text, found, base, at),
                line: text.line_of(at),
                source_text: clean(sentence_text),
            },
        ));
        region_start = cue_end;
    }
    // A schedule's item that opens with its month, whom after it: `Theo
    // kế hoạch, tháng 1-2020, tiến hành đại hội các chi bộ trực thuộc
    // Đảng ủy cơ sở`. Only a month after the article's date: a month
    // before it tells when something was done.
    if cues == 0
        && let Some(mut d) = month_first(text, base + from, &words[from..to], last_named)
    {
        d.directive = directive_of(text, found, base, base + from);
        if let Some(p) = prev.as_deref_mut() {
            *p = None;
        }
        out.push((base + from, d));
        return;
    }
    // Congresses set on their days, the day first and whom after it:
    // `dự kiến ngày 26 và 27-3-2031 tiến hành Đại hội Đảng bộ … và ngày
    // 30, 31-3, Đại hội Đảng bộ xã …`.
    if cues == 0 && clause.contains("ại hội") && (clause.contains("gày") || clause.contains(" mai"))
    {
        let days = days_first(text, base + from, &words[from..to], last_named);
        if !days.is_empty() {
            if let Some(p) = prev.as_deref_mut() {
                *p = None;
            }
            for (at, mut d) in days {
                d.directive = directive_of(text, found, base, at);
                out.push((at, d));
            }
            return;
        }
    }
    // A schedule's item that names its unit first and its days last:
    // `Đảng bộ xã Măng Ri, Huyện ủy Tu Mơ Rông, từ ngày 05 – 06/02`.
    if cues == 0
        && words.contains("ại hội")
        && let Some((at, mut d)) = unit_then_days(text, base + from, clause)
    {
        d.directive = directive_of(text, found, base, at);
        if let Some(p) = prev.as_deref_mut() {
            *p = None;
        }
        out.push((at, d));
        return;
    }
    // A clause with no cue may name whom the next one is for:
    // "Đại hội chi bộ trực thuộc … không quá 1 ngày; xong trước ngày …"
    // (the sentence's last clause has no next one).
    if cues == 0
        && to < words.len()
        && let Some(p) = prev
    {
        let who = who_in(clause, last_named);
        if who.names_any() {
            let applies_to = Some(applies_text(clause, &who));
            let what = what_of(clause, &who.spans);
            *p = Some((who, applies_to, what));
        }
    }
}

/// The deadline of a schedule's item written month first (`tháng 1-2020,
/// tiến hành đại hội các chi bộ trực thuộc Đảng ủy cơ sở`), `at` where the
/// clause starts in the body: the month, when it is after the article's
/// date (the dateline, else the last full date before), and whom the words
/// after it name. None when they name no kind or unit. A line that opens
/// with its day and a colon (`20/6/2031: Tỉnh ủy chỉ đạo …`) likewise, and
/// a plan's item that opens with its quarter (`Cụ thể, quý I/2023, Thành ủy
/// … sẽ tổ chức kiểm tra …`) when it says it is to come and the quarter has
/// not ended; either, naming none, when a Party committee opens it: of no
/// kind, said unsure.
fn month_first(
    text: &Text,
    at: usize,
    clause: &str,
    last_named: &[String],
) -> Option<FoundDeadline> {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"^\s*(?:(?i:theo kế hoạch|(?:theo\s+)?dự kiến|cụ thể)\s*[,:]?\s*)?(?P<due>(?:(?i:{PART})\s+)?[Tt]háng\s+(?P<m>\d{{1,2}})(?:\s*(?:[/.\-]\s*|\s+năm\s+)(?P<y>\d{{4}}))?|(?:[Tt]rong\s+)?[Qq]uý\s+(?P<q>IV|III|II|I|[1-4])\s*(?:[/.\-]\s*|\s+năm\s+)(?P<qy>\d{{4}}))\s*,\s*(?:sẽ\s+)?(?P<w>(?:tiến hành|tổ chức)\s+.+|[Đđ]ại hội\s[^;]+?\s(?:sẽ\s+)?(?:được tổ chức|diễn ra|khai mạc)|[^;,]{{1,80}}?\ssẽ\s+(?:tiến hành|tổ chức)\s+.+)[\s.]*$"
        ))
    });
    // `31/8/2025: Tỉnh ủy, Thành ủy chỉ đạo tổ chức Đại hội … Đảng bộ xã,
    // phường`: a schedule's line that opens with its day and a colon.
    static DAY_ITEM: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*(?P<due>(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4}))\s*:\s*(?:[-+•*]\s*)?(?P<w>\S.*)$",
        )
    });
    // Whose task such a line is when it names no kind: a Party committee
    // as its subject (`Tỉnh ủy, thành ủy kiện toàn …`, `Đảng ủy Chính phủ
    // báo cáo …`), not the State's bodies.
    static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:(?:Ban [Tt]hường vụ|BTV)\s+)?(?:[Tt]ỉnh|[Tt]hành|[Hh]uyện|[Qq]uận|[Tt]hị|[Đđ]ảng)\s+[uủ]ỷ?y?\b",
        )
    });
    let (caps, day) = match ITEM.captures(clause) {
        Some(c) => (c, None),
        None => {
            let c = DAY_ITEM.captures(clause)?;
            let d: u32 = c["d"].parse().ok()?;
            (c, Some(d))
        }
    };
    // A page with no date of its own: only what it says is to come (`Theo
    // dự kiến, cuối tháng 8/2020, Đại hội … sẽ diễn ra`).
    static TO_COME: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:sẽ|dự kiến|theo kế hoạch)\b"));
    let due = if let (Some(q), Some(qy)) = (caps.name("q"), caps.name("qy")) {
        // `Quý II/2023, Thành ủy … sẽ tổ chức giám sát …`: a plan's quarter,
        // due at its end; said to come (`sẽ`, `dự kiến`), and not ended by
        // the article's date.
        let due = format!("{}-Q{}", qy.as_str(), quarter(q.as_str()));
        let last = super::any_due_day(&due)?;
        let said = TO_COME
            .find_iter(clause)
            .any(|m| !m.as_str().to_lowercase().starts_with("theo"));
        if !said || text.year_reference(at).is_some_and(|r| last < r) {
            return None;
        }
        due
    } else {
        let m: u32 = caps["m"].parse().ok()?;
        // `Trung tuần tháng 8, Đảng bộ xã … sẽ tổ chức …` with no year: the
        // year of the article's date, only for what is to come.
        let y: i32 = match caps.name("y") {
            Some(y) => y.as_str().parse().ok()?,
            None if TO_COME.is_match(clause) => text.year_reference(at)?.year(),
            None => return None,
        };
        let first = chrono::NaiveDate::from_ymd_opt(y, m, day.unwrap_or(1))?;
        match text.year_reference(at) {
            Some(reference) if first <= reference => return None,
            None if !TO_COME.is_match(clause) => return None,
            _ => {}
        }
        match day {
            Some(d) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("{y:04}-{m:02}"),
        }
    };
    let words = caps.name("w")?.as_str();
    let who = who_in(words, last_named);
    // The committee that opens a day's or a quarter's line does the task
    // when the line names no one else; a day's line led by one names no
    // others than whom the task is for.
    let opens = COMMITTEE.is_match(words.trim_start());
    let by_committee = (day.is_some() || caps.name("q").is_some()) && opens && !who.names_any();
    let led = by_committee || day.is_some() && opens;
    if (!who.names_any() && !by_committee) || (who.others && !led) {
        return None;
    }
    let sentence_start = text.body[..at].rfind(['.', '\n']).map_or(0, |i| i + 1);
    let sentence = &text.body[sentence_start..];
    let sentence = &sentence[..sentence_end(sentence)];
    let (unsure, applies_to, what) = if by_committee {
        let (applies_to, span) = unknown_applies_to(words);
        (vec![Unsure::UnitKind], applies_to, what_of(words, &[span]))
    } else {
        (
            Vec::new(),
            Some(applies_text(words, &who)),
            what_of(words, &who.spans),
        )
    };
    Some(FoundDeadline {
        unsure,
        applies_to,
        what,
        unit_kinds: who.kinds,
        units: who.units,
        due_problem: None,
        due: Some(due),
        due_written: caps["due"].to_string(),
        directive: None,
        line: text.line_of(at),
        source_text: clean(sentence.trim()),
    })
}

/// The congresses a clause sets on their days, each written day first
/// (`ngày 26 và 27-3-2031 tiến hành Đại hội Đảng bộ …`, `ngày 30, 31-3,
/// Đại hội Đảng bộ xã …`, `Ngày mai (29/6), Đại hội … khai mạc`), `at` where
/// the clause starts in the body: the
/// last day of each, when it is after the article's date (the year, when
/// not written, the dateline's or the last full date's before), for the
/// units or kinds the words after it up to the next day name. None that
/// name no one.
fn days_first(
    text: &Text,
    at: usize,
    clause: &str,
    last_named: &[String],
) -> Vec<(usize, FoundDeadline)> {
    static DAYS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:\b[Nn]gày\s+|\b(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối)\s+mai\s*\(?\s*(?:ngày\s+)?)(?:\d{1,2}(?:\s*[-/.]\s*\d{1,2})?\s*(?:,|và|-|–)\s*(?:(?:buổi\s+)?(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?)*(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})(?:\s*[-/.]\s*(?P<y>\d{4}))?\)?(?:\s+(?:tới đây|sắp tới)\s*,\s*[^.;:]{0,120}?\s+sẽ\s+(?:tiến hành|tổ chức)\s+|\s*,\s*(?:[Đđ]ảng [uủ]ỷ?y?|Ban Thường vụ|Ban Chấp hành)\s[^.;:,]{0,80}?\s+(?:sẽ\s+)?(?:tiến hành|tổ chức)\s+|\s*,?\s*(?:(?:sẽ\s+)?(?:tiến hành|tổ chức)\s+|đại biểu tham dự\s+(?:(?:các\s+)?phiên\s+[^,.;:]{0,60}?\s+)?)?)[Đđ]ại hội\b",
        )
    });
    let items: Vec<regex::Captures<'_>> = DAYS.captures_iter(clause).collect();
    let mut out = Vec::new();
    let sentence_start = text.body[..at].rfind(['.', '\n']).map_or(0, |i| i + 1);
    let sentence = &text.body[sentence_start..];
    let sentence = &sentence[..sentence_end(sentence)];
    for (i, caps) in items.iter().enumerate() {
        let (Some(all), Ok(d), Ok(m)) = (caps.get(0), caps["d"].parse(), caps["m"].parse()) else {
            continue;
        };
        let reference = text.year_reference_for(at + all.start(), Some(m));
        let due = match caps.name("y").map(|y| y.as_str().parse::<i32>()) {
            Some(Ok(y)) => chrono::NaiveDate::from_ymd_opt(y, m, d),
            Some(Err(_)) => None,
            // `Ngày 9/2, Đại hội …` opening a sentence a day before the
            // article's reports it: not the next year's.
            None if all.as_str().starts_with('N') => {
                reference.and_then(|r| chrono::NaiveDate::from_ymd_opt(r.year(), m, d))
            }
            None => reference.and_then(|r| due_in_year(d, m, r)),
        };
        // With no date to tell the article's day by, a day with its year is
        // one to come only when the sentence says so (`sẽ`, `dự kiến`,
        // `Ngày mai (29/6/2020), …`).
        let to_come = |due: &chrono::NaiveDate| match reference {
            Some(r) => *due > r,
            None => {
                let sentence = sentence.to_lowercase();
                all.as_str().contains("mai")
                    || sentence.split_whitespace().any(|w| w == "sẽ")
                    || sentence.contains("dự kiến")
            }
        };
        let Some(due) = due.filter(to_come) else {
            continue;
        };
        let end = items
            .get(i + 1)
            .and_then(|next| next.get(0))
            .map_or(clause.len(), |next| next.start());
        let words = clause[all.end()..end]
            .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
            .trim_end_matches(" và");
        // `… sẽ diễn ra tại Hội trường Diên Hồng, Nhà Quốc hội`: where it
        // is held names no one (unless it is a unit: `tổ chức tại Chi bộ
        // thôn Đông`).
        static VENUE: LazyLock<Regex> =
            LazyLock::new(|| re(r"\b(?:diễn ra|tổ chức|khai mạc)\s+tại\s+"));
        static PARTY_UNIT: LazyLock<Regex> =
            LazyLock::new(|| re(r"(?i)^(?:các\s+)?(?:chi bộ|đảng bộ|đảng [uủ]ỷ?y?)\b"));
        let words = match VENUE.find(words) {
            Some(v) if !PARTY_UNIT.is_match(&words[v.end()..]) => &words[..v.start()],
            _ => words,
        };
        let who = who_in(words, last_named);
        if !who.names_any() || who.others {
            continue;
        }
        let day_at = at + all.start();
        let date_end = caps
            .name("y")
            .or(caps.name("m"))
            .map_or(all.start(), |g| g.end());
        out.push((
            day_at,
            FoundDeadline {
                unsure: Vec::new(),
                applies_to: Some(applies_text(words, &who)),
                // What is held: the words between the day and whom (after
                // the host's name: `ngày 29/5 tới đây, tại …, Trường … sẽ
                // tổ chức Đại hội`).
                what: {
                    let held = &clause[date_end..all.end()];
                    let held = held
                        .rfind(" sẽ ")
                        .map_or(held, |i| &held[i + " sẽ ".len()..]);
                    // `ngày 7 - 8/9/2020, Đảng ủy Cơ quan Bộ … tổ chức Đại
                    // hội`: the host's name before the verb is not what.
                    let held = [" tổ chức ", " tiến hành "]
                        .iter()
                        .filter_map(|v| held.rfind(v))
                        .max()
                        .map_or(held, |i| &held[i + 1..]);
                    held.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ')')
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                },
                unit_kinds: who.kinds,
                units: who.units,
                due_problem: None,
                due: Some(due.to_string()),
                // `ngày (24 và 25-9-2025)`, its parenthesis masked: the
                // words alone.
                due_written: clause[all.start()..date_end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                directive: None,
                line: text.line_of(day_at),
                source_text: clean(sentence.trim()),
            },
        ));
    }
    out
}

/// The deadline of a schedule's item that names its unit and then, last,
/// its day or run of days (`Đảng bộ xã Hòa Bình, Thành ủy Kon Tum, từ ngày
/// 06 - 07/02`), `at` where the clause starts in the body: the last day,
/// when it is after the article's date (the year, when not written, the
/// dateline's or the last full date's before), for the first unit the item
/// names (the others are whom it answers to). None when it names no unit.
fn unit_then_days(text: &Text, at: usize, clause: &str) -> Option<(usize, FoundDeadline)> {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?P<who>[^:]*?),\s*(?P<days>(?:từ\s+)?ngày\s+(?:\d{1,2}\s*(?:-|–|đến)\s*)?(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}))?)\s*[.,]?\s*$",
        )
    });
    // What opens the list (`… gồm: Đảng bộ phòng Tham mưu, …`) is not the
    // item's.
    let item_from = clause.rfind(':').map_or(0, |i| i + 1);
    let caps = ITEM.captures(clause[item_from..].trim_end())?;
    let lead = clause.len() - clause[item_from..].trim_start().len();
    let who_words = caps.name("who")?.as_str().trim();
    let unit = named_units(who_words).into_iter().next()?;
    let (d, m): (u32, u32) = (caps["d"].parse().ok()?, caps["m"].parse().ok()?);
    let days = caps.name("days")?;
    let day_at = at + lead + days.start();
    let reference = text.year_reference_for(day_at, Some(m))?;
    let due = match caps.name("y") {
        Some(y) => chrono::NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, m, d),
        None => due_in_year(d, m, reference),
    }
    .filter(|due| *due >= reference)?;
    let sentence_start = text.body[..at].rfind(['.', '\n']).map_or(0, |i| i + 1);
    let sentence = &text.body[sentence_start..];
    let sentence = &sentence[..sentence_end(sentence)];
    Some((
        day_at,
        FoundDeadline {
            unsure: Vec::new(),
            applies_to: Some(unit.2.clone()),
            what: String::new(),
            unit_kinds: Vec::new(),
            units: vec![unit.2],
            due_problem: None,
            due: Some(due.to_string()),
            due_written: days.as_str().to_string(),
            directive: None,
            line: text.line_of(day_at),
            source_text: clean(sentence.trim()),
        },
    ))
}

/// The model congress a schedule sets apart: `đại hội điểm`, units chosen
/// `làm điểm`.
static POINT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:đại hội|làm|tổ chức)\s+điểm\b"));

/// `các đơn vị còn lại`, `các chi bộ còn lại`: the units a schedule has not
/// named yet.
static REMAINING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:các|những)\s+(?:đơn vị|chi bộ|đảng bộ|tổ chức đảng|nơi|địa phương)(?:\s*,\s*(?:đơn vị|chi bộ|đảng bộ))?\s+còn lại\b",
    )
});

/// The kinds whose congresses a sentence speaks of: `Đại hội chi bộ trực
/// thuộc Đảng bộ cơ sở`, `đại hội các đảng bộ cơ sở`.
fn congress_kinds(sentence: &str) -> Vec<UnitKind> {
    static CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b[Đđ]ại hội\s+(?:(?:các|những)\s+)?(?:[Cc]hi bộ|[Đđ]ảng bộ|[Tt]ổ chức cơ sở đảng)[^,;.:()“”]{0,60}",
        )
    });
    CONGRESS
        .find(sentence)
        .map(|m| who_in(m.as_str(), &[]))
        .filter(|who| who.units.is_empty() && !who.others)
        .map(|who| who.kinds)
        .unwrap_or_default()
}

/// The due date as the cue writes it: the day, or the month or quarter
/// with the words that make it one (`trước tháng 7.2025`).
fn written_due(caps: &regex::Captures<'_>) -> String {
    if let Some(d) = [
        "d", "kd", "ud", "uw", "dw", "dn", "mw", "we", "wn", "vd", "vn", "tpd",
    ]
    .iter()
    .find_map(|n| caps.name(n))
    {
        return d.as_str().to_string();
    }
    let cue = caps.get(0).map_or("", |c| c.as_str());
    let from = if caps.name("bm").is_some() {
        cue.find("rước").map(|i| i - 1)
    } else if ["td", "tf", "tr", "tdn", "trn"]
        .iter()
        .any(|n| caps.name(n).is_some())
    {
        // `diễn ra từ chiều 29/9/2025 đến sáng 2/10/2025`: from `từ`.
        cue.rfind("ngày").or_else(|| cue.find("từ "))
    } else if let (Some(tv), Some(all)) = (caps.name("tv"), caps.get(0)) {
        // `vào cuối tháng 6 và đầu tháng 7-2017`: the time after `vào`.
        let tv = tv.start() - all.start();
        cue[tv..].find(' ').map(|i| tv + i)
    } else {
        cue.find("tháng").or_else(|| cue.find("quý"))
    };
    cue[from.unwrap_or(0)..].trim().to_string()
}

/// Whether the text right `after` a day and month goes on with digits
/// (`12/3/20`, `10-11.5`): part of a longer number, not a day and month.
fn runs_on(after: &str) -> bool {
    after.starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with(['/', '-', '.'])
            && after[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// The due date of a cue: a day, a month or a quarter; a year taken from
/// the dateline or the date before when the text gives none. None when
/// the cue is no deadline; the problem when it is one with no day the
/// calendar has (`29/02/2023`) or no year to give it.
fn due_of(
    text: &Text,
    caps: &regex::Captures<'_>,
    at: usize,
    after: &str,
) -> Option<Result<String, DueProblem>> {
    if let Some(d) = caps.name("d").or(caps.name("kd")) {
        return Some(
            date_of(d.as_str())
                .map(|d| d.to_string())
                .ok_or(DueProblem::NoSuchDay),
        );
    }
    if let Some(dm) = caps.name("dw").or(caps.name("dn")) {
        // Part of a longer number: not a day and month.
        if caps.name("dw").is_some() && after.trim_start().starts_with("năm")
            || after.starts_with(|c: char| c.is_ascii_digit())
            || after.starts_with(['/', '-']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        let (day, month) = day_and_month(dm.as_str())?;
        let Some(reference) = text.year_reference_for(at, Some(month)) else {
            // `trước ngày 25.3` is a deadline all the same; `trước 25.3`
            // with no year around may be anything.
            // … unless what is done by it is said right before it (`sẽ
            // tổ chức đại hội trước 15/6`).
            static DONE_BY: LazyLock<Regex> = LazyLock::new(|| {
                re(
                    r"(?i)\b(?:tổ chức|tiến hành|hoàn thành|xong)(?:\s+(?:các\s+)?đại hội(?:\s+điểm)?)?\s*$",
                )
            });
            let cue = caps.get(0).map_or("", |c| c.as_str());
            return (cue.contains("ngày") || DONE_BY.is_match(&text.body[..at]))
                .then_some(Err(DueProblem::NoYear));
        };
        return Some(
            due_in_year(day, month, reference)
                .map(|d| d.to_string())
                .ok_or(DueProblem::NoSuchDay),
        );
    }
    // `để kịp hoàn thành vào ngày 2-9`: the day work is to be done by,
    // unless it is gone by at the page's date (then it tells when the work
    // was done, not a day of the next year). Before the last full date
    // the text gave it is gone by too, unless its clause says it is to be
    // done (`để`, `phải`, `sẽ`): that date may be a plan's.
    if let Some(d) = caps.name("vd") {
        let due = date_of(d.as_str())?;
        let words: Vec<&str> = clause_before(text, at).split_whitespace().collect();
        let done = words.iter().rev().take(6).any(|w| *w == "đã");
        let to_do = said_to_come(text, at)
            || words
                .iter()
                .any(|w| ["để", "kịp", "phải", "cần", "quyết"].contains(w));
        if done
            || text.dateline.is_some_and(|r| due < r)
            || !to_do && text.year_reference(at).is_some_and(|r| due < r)
        {
            return None;
        }
        return Some(Ok(due.to_string()));
    }
    if let Some(dm) = caps.name("vn") {
        if runs_on(after) {
            return None;
        }
        let (day, month) = day_and_month(dm.as_str())?;
        let Some(reference) = text.year_reference_for(at, Some(month)) else {
            return Some(Err(DueProblem::NoYear));
        };
        let due = NaiveDate::from_ymd_opt(reference.year(), month, day);
        return match due {
            Some(due) if due < reference => None,
            Some(due) => Some(Ok(due.to_string())),
            None => Some(Err(DueProblem::NoSuchDay)),
        };
    }
    // `từ ngày 20/10/2020 đến hết ngày 10/11/2020`, `từ nay đến 20/1`: a
    // time given to do something ends on its last day; a window gone by
    // before the article's date tells when something was done.
    // `từ 11 đến 18-10`: the first day written bare is before the last.
    let run_day = |end: &str| {
        caps.name("ws").is_none_or(|ws| {
            let first: Option<u32> = ws.as_str().parse().ok();
            let last: Option<u32> = end
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|d| d.parse().ok());
            first.zip(last).is_some_and(|(a, b)| a < b)
        })
    };
    if let Some(d) = caps.name("we") {
        if !run_day(d.as_str()) {
            return None;
        }
        let due = date_of(d.as_str())?;
        if text.year_reference(at).is_some_and(|r| due < r) {
            return None;
        }
        return Some(Ok(due.to_string()));
    }
    if let Some(dm) = caps.name("wn") {
        if !run_day(dm.as_str()) || runs_on(after) {
            return None;
        }
        let (day, month) = day_and_month(dm.as_str())?;
        let reference = text.year_reference(at)?;
        return due_in_year(day, month, reference).map(|d| Ok(d.to_string()));
    }
    if let (Some(m), Some(y)) = (caps.name("bm"), caps.name("bmy")) {
        let (m, y): (u32, i32) = (m.as_str().parse().ok()?, y.as_str().parse().ok()?);
        if !(1..=12).contains(&m) {
            return None;
        }
        let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
        return Some(Ok(format!("{y:04}-{m:02}")));
    }
    // `trong quý III/2020`, or a quarter something is held in (`được tổ
    // chức vào đầu quý I/2025`).
    if let Some(q) = caps.name("q").or(caps.name("tq")) {
        let held = caps.name("tq").is_some();
        let q = quarter(q.as_str());
        let reference = text.year_reference(at);
        let current = |r: chrono::NaiveDate| (r.year(), r.month().div_ceil(3));
        if let Some(y) = caps.name("qy").or(caps.name("tqy")) {
            let y: i32 = y.as_str().parse().ok()?;
            // A quarter held in, gone by, tells when it was held.
            if held && reference.is_some_and(|r| (y, q) < current(r)) {
                return None;
            }
            return Some(Ok(format!("{y:04}-Q{q}")));
        }
        // `sẽ được tổ chức trong quý III`: the year of the dateline (or of
        // the date before) when that quarter is still to come; a number
        // run on (`quý 2/20`) or a quarter gone by is no deadline.
        if !held
            && after
                .trim_start_matches(['/', '.', '-', ' '])
                .starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        let reference = reference?;
        return ((reference.year(), q) >= current(reference))
            .then(|| Ok(format!("{:04}-Q{q}", reference.year())));
    }
    // `đến cuối tháng 6 hoàn thành …` likewise.
    if let Some((m, y)) = caps
        .name("tm")
        .map(|m| (m, caps.name("tmy")))
        .or_else(|| caps.name("um").map(|m| (m, caps.name("umy"))))
    {
        // `tổ chức đại hội vào tháng 5/2020`: a time to come; a month
        // before the article's date tells when something was done.
        let (y, m) = month_due(text, m.as_str(), y, at)?;
        if let Some(dateline) = text.dateline
            && chrono::NaiveDate::from_ymd_opt(y, m, 1)? < dateline.with_day(1)?
        {
            return None;
        }
        return Some(Ok(format!("{y:04}-{m:02}")));
    }
    // `tổ chức thành công Đại hội điểm vào ngày 11 và 12/3/2020`: its
    // last day, when it is still to come.
    // `đến 30/7/2020 … tổ chức xong` likewise: a day gone by tells what
    // was done.
    if let Some(d) = caps
        .name("td")
        .or(caps.name("tf"))
        .or(caps.name("tpd"))
        .or(caps.name("tr"))
        .or(caps.name("ud"))
        .or(caps.name("tmd"))
    {
        let due = date_of(d.as_str())?;
        if text
            .year_reference(at)
            .is_some_and(|r| due < r || under_way(caps, due, r) && !said_to_come(text, at))
        {
            return None;
        }
        return Some(Ok(due.to_string()));
    }
    // `sẽ diễn ra từ ngày 29, 30/7`: with no year, the year of the dateline
    // (or of the date before); a day before it was held, not set.
    if let Some(dm) = caps.name("tdn").or(caps.name("trn")).or(caps.name("tmn")) {
        if runs_on(after) {
            return None;
        }
        // `tiến hành Đại hội Đảng bộ khối … và ngày 20, 21-4, Đại hội …`:
        // the days of the next item of a list, not of this congress.
        let (day, month) = day_and_month(dm.as_str())?;
        let reference = text.year_reference_for(at, Some(month))?;
        let due = chrono::NaiveDate::from_ymd_opt(reference.year(), month, day)?;
        // With no dateline the reference is the last full date, which may
        // be a plan's: a day before it said to come (`Dự kiến, Đại hội sẽ
        // bế mạc vào ngày 23/1`, after `từ ngày 19 đến 25/1/2026`) is set.
        let to_come = said_to_come(text, at);
        return (due >= reference && (!under_way(caps, due, reference) || to_come)
            || text.dateline.is_none() && to_come)
            .then(|| Ok(due.to_string()));
    }
    if let Some(m) = caps.name("m").or(caps.name("m2")).or(caps.name("m3")) {
        let (y, m) = month_due(text, m.as_str(), caps.name("my").or(caps.name("my2")), at)?;
        return Some(Ok(format!("{y:04}-{m:02}")));
    }
    None
}

/// A quarter's number as written (`IV`, `4`).
pub(super) fn quarter(written: &str) -> u32 {
    match written.to_uppercase().as_str() {
        "I" | "1" => 1,
        "II" | "2" => 2,
        "III" | "3" => 3,
        _ => 4,
    }
}

/// Whether a run of days something is held in (`diễn ra trong 2 ngày 10
/// và 11-8`, ending on `last`) began on or before the article's day
/// `reference`: it is under way, reported, not set.
fn under_way(
    caps: &regex::Captures<'_>,
    last: chrono::NaiveDate,
    reference: chrono::NaiveDate,
) -> bool {
    let (Some(all), Some(end)) = (caps.get(0), caps.name("tr").or(caps.name("trn"))) else {
        return false;
    };
    let run = &all.as_str()[..end.start() - all.start()];
    let from = run.rfind("ngày").map_or(0, |i| i + "ngày".len());
    let first: Option<u32> = run[from..]
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| !w.is_empty())
        .and_then(|w| w.parse().ok());
    first
        .and_then(|d| last.with_day(d))
        .is_some_and(|first| first <= reference && first < last)
}

/// Whether a month (`2020-04`) or quarter (`2020-Q2`) begins after the
/// page's dateline.
fn after_dateline(text: &Text, due: &str) -> bool {
    let Some(dateline) = text.dateline else {
        return false;
    };
    let (year, rest) = due.split_once('-').unwrap_or((due, ""));
    let Ok(year) = year.parse::<i32>() else {
        return false;
    };
    let month = match rest.strip_prefix('Q') {
        Some(q) => q.parse::<u32>().map_or(13, |q| q * 3 - 2),
        None => rest.parse::<u32>().unwrap_or(13),
    };
    chrono::NaiveDate::from_ymd_opt(year, month, 1).is_some_and(|first| first > dateline)
}

/// Whether the words of the sentence before `at` say that what is held is
/// still to come (`… sẽ được tổ chức từ ngày 13 – 17/10/2015`, `dự kiến
/// diễn ra …`): then a run of days that begins on the day the text is
/// dated by (a headline's date, no dateline) is not under way.
fn said_to_come(text: &Text, at: usize) -> bool {
    let clause = clause_before(text, at);
    clause
        .split_whitespace()
        .rev()
        .take(12)
        .any(|w| w == "sẽ" || w == "Sẽ")
        || clause.to_lowercase().contains("dự kiến")
}

/// The words of the body's clause before `at` (from the last full stop,
/// semicolon or line break).
fn clause_before(text: &Text, at: usize) -> &str {
    let before = &text.body[..at];
    &before[before.rfind(['.', ';', '\n']).map_or(0, |i| i + 1)..]
}

/// A month's year and number: its year as written, else the reference's
/// (the next year's when the month is before the reference's).
fn month_due(
    text: &Text,
    month: &str,
    year: Option<regex::Match<'_>>,
    at: usize,
) -> Option<(i32, u32)> {
    let m: u32 = month.parse().ok()?;
    if !(1..=12).contains(&m) {
        return None;
    }
    let y = match year {
        Some(y) => y.as_str().parse().ok()?,
        None => {
            let reference = text.year_reference(at)?;
            if m < reference.month() {
                reference.year() + 1
            } else {
                reference.year()
            }
        }
    };
    Some((y, m))
}

/// Words that name a unit kind by its slug words, or by what its units are.
static KIND_WORDS: LazyLock<Vec<(Regex, &'static [UnitKind])>> = LazyLock::new(|| {
    use UnitKind::*;
    const BOTH: &[UnitKind] = &[DangBoCoSo, ChiBoCoSo];
    let place = r"(?:xã|phường|thị trấn|đặc khu)";
    let hamlet = r"(?:thôn|bản|ấp|khu phố|tổ dân phố|khu dân cư|xóm|làng|khối phố|buôn|sóc)";
    let list: Vec<(String, &'static [UnitKind])> = vec![
        (
            r"(?i)\b(?:đảng bộ|chi bộ|chi|đảng)\s*(?:,|và|hoặc|-|–)\s*(?:các\s+)?(?:đảng bộ|chi bộ)\s+(?:cấp\s+)?cơ sở\b".into(),
            BOTH,
        ),
        // `các Đảng bộ và chi bộ được chọn … trên địa bàn huyện`: the units
        // of a district, each a grassroots one.
        (
            r"(?i)\b(?:các\s+)?đảng bộ\s*(?:,|và)\s*chi bộ\b[^.;:]{0,80}?\btrên địa bàn\s+(?:huyện|quận|thị xã)\b".into(),
            BOTH,
        ),
        (r"(?i)\bchi bộ cơ sở\b".into(), &[ChiBoCoSo]),
        // `các đảng bộ cấp trên trực tiếp của tổ chức cơ sở đảng`: the level
        // above, not the grassroots it names (before `tổ chức cơ sở đảng`).
        (r"(?i)\bđảng bộ cấp trên (?:trực tiếp (?:của )?)?(?:tổ chức )?cơ sở(?: đảng)?\b|\bcấp trên (?:trực tiếp (?:của )?)?(?:tổ chức )?cơ sở(?: đảng)?\b".into(), &[DangBoCapTren]),
        (r"(?i)\btổ chức cơ sở đảng\b".into(), BOTH),
        (r"(?i)\bđảng (?:bộ|[uủ]ỷ?y?) (?:cấp\s+)?cơ sở\b".into(), &[DangBoCoSo]),
        (r"(?i)\b(?:đảng bộ|đảng [uủ]ỷ?y?) bộ phận\b".into(), &[DangBoBoPhan]),
        (r"(?i)\bchi bộ trực thuộc\b".into(), &[ChiBoTrucThuoc]),
        (format!(r"(?i)\bđảng bộ (?:các\s+)?{place}(?:\s*(?:,|và)\s*{place})*"), &[DangBoCoSo]),
        (format!(r"\b[Đđ]ảng [uủ]ỷ?y? các {place}(?:\s*(?:,|và)\s*{place})*"), &[DangBoCoSo]),
        // `168 phường, xã, đặc khu của TP.HCM đang tăng tốc …`, `các xã,
        // thị trấn hoàn thành …`: the communes, each a grassroots đảng bộ
        // (a list, so that `các xã` of a sentence on places is none).
        (format!(r"\b(?:[Cc]ác|\d+)\s+{place}(?:\s*(?:,|và)\s*{place})+\b"), &[DangBoCoSo]),
        (format!(r"(?i)\bchi bộ (?:các\s+)?{hamlet}(?:\s*(?:,|và)\s*{hamlet})*"), &[ChiBoTrucThuoc]),
        // "các huyện ủy, thành ủy", "các huyện, thị, thành ủy", "cấp quận
        // ủy, huyện ủy và đảng ủy trực thuộc Thành ủy": the committees above
        // the grassroots (before
        // `cấp huyện`, so that `Cấp huyện ủy, thành ủy` is read whole).
        (
            r"\b(?:[Cc]ác|[Cc]ấp)\s+(?:(?:quận|huyện|thị|thành)\s*,\s*)*(?:quận|huyện|thị|thành)\s+[uủ]ỷ?y?(?:\s*(?:,|và)\s*(?:(?:quận|huyện|thị|thành)\s+[uủ]ỷ?y?|đảng\s+[uủ]ỷ?y?(?:\s+khối)?\s+trực thuộc(?:\s+(?:Tỉnh|Thành|tỉnh|thành)\s+[uủ]ỷ?y?)?))*".into(),
            &[DangBoCapTren],
        ),
        // "Ban Thường vụ tỉnh ủy, thành ủy" opening an item: the standing
        // committees of every such committee, a level above the grassroots.
        (
            r"\b(?:Ban [Tt]hường vụ|BTV)\s+(?:các\s+(?:tỉnh|thành|huyện|quận|thị)\s+[uủ]ỷ?y?\b|(?:tỉnh|thành|huyện|quận|thị)\s+[uủ]ỷ?y?\s*(?:,|và)\s*(?:tỉnh|thành|huyện|quận|thị)\s+[uủ]ỷ?y?\b)(?:\s*(?:,|và)\s*(?:tỉnh|thành|huyện|quận|thị)\s+[uủ]ỷ?y?\b)*".into(),
            &[DangBoCapTren],
        ),
        (
            r"(?i)\b(?:đảng bộ\s+)?cấp (?:huyện|quận)(?:\s+và\s+tương\s+đương)?\b|\bđảng bộ (?:huyện|quận|thị xã)\b".into(),
            &[DangBoCapTren],
        ),
        (r"(?i)\bcấp cơ sở\b".into(), BOTH),
        // "cấp xã" opening an item of a schedule by level: the communes'
        // committees (not `các cơ quan cấp xã`).
        (
            r"(?:^|[:;\n])\s*(?:[-+•*]\s*)?(?i:cấp xã(?:\s*(?:,|và)\s*(?:phường|thị trấn))*)\b".into(),
            &[DangBoCoSo],
        ),
    ];
    list.into_iter().map(|(p, k)| (re(&p), k)).collect()
});

/// Whether the words before a level end by doing away with it (`bỏ cấp
/// huyện`, `không tổ chức cấp huyện`): that level is no unit of the task.
fn abolished(before: &str) -> bool {
    let before = before.trim_end();
    ["bỏ", "không tổ chức", "xóa bỏ", "giải thể"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// Whom `words` name.
fn who_in(words: &str, last_named: &[String]) -> Who {
    who_in_about(words, last_named, false)
}

/// A unit of the Youth Union, the Front or an association named in a
/// clause (`đơn vị được chọn làm điểm là Đoàn thanh niên TP …`): a level
/// its clause names bare is theirs.
static ASSOCIATION_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:Đoàn\s+(?:[Tt]hanh niên|TNCS)|(?:Tỉnh|Huyện|Thành|Thị|Quận)\s+[đĐ]oàn|Trung ương Đoàn|MTTQ|Mặt trận Tổ quốc|Công đoàn|Liên đoàn Lao động|LĐLĐ|Hội\s+(?:Nông dân|Phụ nữ|Liên hiệp Phụ nữ|Cựu chiến binh)|HND|HLHPN|HCCB)\b",
    )
});

/// Whom `words` name; `about_association` when their clause is about the
/// Youth Union, the Front or an association.
fn who_in_about(words: &str, last_named: &[String], about_association: bool) -> Who {
    let mut who = Who::default();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let free = |taken: &[(usize, usize)], (a, b): (usize, usize)| {
        taken.iter().all(|(x, y)| b <= *x || *y <= a)
    };
    // `Đại hội MTTQ cấp huyện`, `hội nông dân cấp cơ sở và cấp huyện`,
    // `đơn vị hành chính cấp huyện, cấp xã`: a level of the Front, of an
    // association or of the administration, no Party unit's.
    static MASS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:MTTQ|Mặt trận(?:\s+Tổ quốc)?|Công đoàn|Liên đoàn Lao động|LĐLĐ|Đoàn(?:\s+(?:Thanh niên|TNCS(?:\s+Hồ Chí Minh)?))?|Hội\s+(?:Nông dân|Phụ nữ|Liên hiệp Phụ nữ|Cựu chiến binh|Khuyến học|Chữ thập đỏ|Người cao tuổi)|HND|HLHPN|HCCB|đơn vị hành chính)(?:\s+Việt Nam)?\s+(?:cấp\s+(?:huyện|xã|tỉnh|cơ sở|trên cơ sở)|các\s+cấp|(?:các\s+)?(?:xã|huyện|tỉnh))(?:\s*(?:,|và)\s*(?:cấp\s+)?(?:huyện|xã|tỉnh|cơ sở|trên cơ sở))*\b",
        )
    });
    let mut mass = false;
    // Whether the Front or an association is what the clause is about (not
    // the administration's units, merged while the Party's act).
    let mut association = about_association;
    for m in MASS.find_iter(words) {
        taken.push((m.start(), m.end()));
        mass = true;
        association |= !m.as_str().to_lowercase().starts_with("đơn vị");
    }
    // `đảng bộ các tỉnh, thành phố trực thuộc Trung ương và Đảng bộ Quân
    // đội`: the provinces' level, a committee above the grassroots, the
    // units named with it among them.
    static ABOVE_TREE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\btỉnh\s*,\s*thành phố\s+trực thuộc trung ương\b|\bđảng bộ trực thuộc trung ương\b",
        )
    });
    let above_tree = ABOVE_TREE.find(words);
    if let Some(m) = above_tree {
        who.add_kind(UnitKind::DangBoCapTren, m.start());
        who.spans.push((m.start(), m.end()));
        taken.push((m.start(), m.end()));
    }
    let above_tree = above_tree.is_some();
    // "… trực thuộc Huyện ủy", "chi bộ trực thuộc đảng ủy cơ sở".
    subordinate(words, &mut who, &mut taken);
    // `mỗi xã, thị trấn chọn 1-2 chi bộ`, `Đảng ủy các xã, thị trấn chỉ
    // đạo đại hội đối với các chi bộ còn lại`, `các Đảng ủy trực thuộc chỉ
    // đạo các Chi bộ hoàn thành …`: the chi bộ of the communes' (or the
    // grassroots) committees, which only choose or direct.
    static COMMUNES_CHI_BO: LazyLock<Regex> = LazyLock::new(|| {
        let place = r"(?:xã|phường|thị trấn)";
        re(&format!(
            r"(?:\b[Đđ]ảng [uủ]ỷ?y?\s+(?:các\s+)?{place}|\b(?:[Mm]ỗi|[Cc]ác)\s+{place}|\b[Đđ]ảng [uủ]ỷ?y?\s+(?:cơ sở|trực thuộc))(?:\s*(?:,|và)\s*{place})*\s+(?:(?:sẽ|đã)\s+)?(?:chỉ đạo|lãnh đạo|lựa chọn|chọn)\b[^.;:]{{0,60}}?\b[Cc]hi bộ\b"
        ))
    });
    for m in COMMUNES_CHI_BO.find_iter(words) {
        if free(&taken, (m.start(), m.end())) {
            who.add_kind(UnitKind::ChiBoTrucThuoc, m.start());
            who.spans.push((m.start(), m.end()));
            taken.push((m.start(), m.end()));
        }
    }
    // Named units, but not those something else sits under.
    for (a, b, name) in named_units(words) {
        if above_tree {
            who.spans.push((a, b));
            taken.push((a, b));
            continue;
        }
        // `Đại hội Đảng bộ huyện lần thứ XXVIII`: a đảng bộ named by its
        // level alone is one of that level's kind (the one named before it,
        // if any, is found where the clause is read).
        if let Some(kind) = level_alone(&name)
            && free(&taken, (a, b))
        {
            who.add_kind(kind, a);
            who.spans.push((a, b));
            taken.push((a, b));
            continue;
        }
        if free(&taken, (a, b)) {
            who.units.push(name);
            who.spans.push((a, b));
            taken.push((a, b));
        }
    }
    static ABOVE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:các|những|hai|ba|02|03)\s+(?:đơn vị|đảng bộ|chi bộ|tổ chức đảng)(?:,\s*(?:đơn vị|đảng bộ|chi bộ))?\s+(?:nêu\s+)?trên\b|\b(?:các|những)\s+(?:đơn vị|đảng bộ|chi bộ)\s+này\b",
        )
    });
    if let Some(m) = ABOVE.find(words)
        && !last_named.is_empty()
        && free(&taken, (m.start(), m.end()))
    {
        for name in last_named {
            if !who.units.contains(name) {
                who.units.push(name.clone());
            }
        }
        who.spans.push((m.start(), m.end()));
        taken.push((m.start(), m.end()));
    }
    // A kind after `được`, `do`, `của`, `bởi` is who acts on the units,
    // not whom the deadline is for (`chi bộ cơ sở được các huyện ủy chọn`).
    let agent = |at: usize| {
        let before = words[..at].trim_end();
        ["được", "do", "của", "bởi"]
            .iter()
            .any(|w| before.ends_with(&format!(" {w}")) || before == *w)
    };
    // In a clause about the Front or an association, a level named bare
    // (`Đại hội cấp huyện`) is theirs too, not a Party unit's.
    let bare_level = |m: &regex::Match<'_>| {
        association
            && m.as_str()
                .trim_start_matches(|c: char| !c.is_alphabetic())
                .to_lowercase()
                .starts_with("cấp")
    };
    // `ở cấp tỉnh, huyện và cơ sở`, `cấp huyện và cơ sở`: one `cấp` for
    // every level of the list, each its kinds.
    static LEVELS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bcấp\s+(?:tỉnh|huyện|quận|cơ sở|xã)(?:\s*(?:,|và)\s*(?:cấp\s+)?(?:tỉnh|huyện|quận|thị xã|cơ sở|xã))+\b",
        )
    });
    static LEVEL: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)\b(?:tỉnh|huyện|quận|thị xã|cơ sở|xã)\b"));
    for m in LEVELS.find_iter(words) {
        let span = (m.start(), m.end());
        if !free(&taken, span)
            || words[m.end()..]
                .trim_start()
                .starts_with(['u', 'ủ', 'U', 'Ủ'])
            || agent(m.start())
            || abolished(&words[..m.start()])
            || association
        {
            continue;
        }
        for level in LEVEL.find_iter(m.as_str()) {
            for (i, kind) in level_kinds(level.as_str()).iter().enumerate() {
                who.add_kind(*kind, m.start() + level.start() + i);
            }
        }
        who.spans.push(span);
        taken.push(span);
    }
    // `các đảng ủy cơ sở thành phố chỉ đạo tổ chức xong đại hội chi bộ …`:
    // a committee that directs is not whom the work is asked of.
    let directs = |m: &regex::Match<'_>| {
        let name = m.as_str().to_lowercase();
        let next: Vec<&str> = words[m.end()..].split_whitespace().take(5).collect();
        let next = next.join(" ");
        (name.contains("ủy") || name.contains("uỷ"))
            && ["chỉ đạo", "lãnh đạo", "chọn", "hướng dẫn"]
                .iter()
                .any(|v| next.contains(v))
    };
    for (pattern, kinds) in KIND_WORDS.iter() {
        for m in pattern.find_iter(words) {
            let span = (m.start(), m.end());
            if !free(&taken, span)
                || agent(m.start())
                || abolished(&words[..m.start()])
                || bare_level(&m)
                || directs(&m)
            {
                continue;
            }
            for kind in *kinds {
                who.add_kind(*kind, m.start());
            }
            who.spans.push(span);
            taken.push(span);
        }
    }
    who.spans.sort();
    static OTHERS: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"\b(?:[Đđ]ảng viên|[Cc]án bộ|[Đđ]ồng chí|[Bb]í thư|[Cc]ấp [uủ]ỷ?y? viên|[Cc]hi bộ|[Đđ]ảng bộ|[Cc]ấp tỉnh|huyện [uủ]ỷ?y?|thành [uủ]ỷ?y?|{HEADS})\b"
        ))
    });
    who.others = mass
        || OTHERS
            .find_iter(words)
            .any(|m| free(&taken, (m.start(), m.end())));
    who.in_order()
}

/// The words of `name` after its head (`Đảng bộ`, and `Chi bộ` when
/// `chi_bo`), either case.
fn after_head(name: &str, chi_bo: bool) -> Option<&str> {
    let heads: &[&str] = if chi_bo {
        &["Đảng bộ ", "đảng bộ ", "Chi bộ ", "chi bộ "]
    } else {
        &["Đảng bộ ", "đảng bộ "]
    };
    heads.iter().find_map(|h| name.strip_prefix(h))
}

/// Whether `name` is a đảng bộ or chi bộ called by what kind of body it
/// is in alone (`Đảng bộ Trường`, `Chi bộ Công ty`), with no name.
fn generic_name(name: &str) -> bool {
    const BODIES: &[&str] = &[
        "trường",
        "nhà trường",
        "khối",
        "tổng công ty",
        "công ty",
        "học viện",
        "cơ quan",
        "sở",
        "bệnh viện",
        "viện",
        "tập đoàn",
        "trung tâm",
        "bộ",
        "ban",
        "cục",
        "tổng cục",
    ];
    after_head(name, true).is_some_and(|rest| BODIES.contains(&rest.to_lowercase().as_str()))
}

/// The kind of a đảng bộ named by its level alone (`Đảng bộ tỉnh`,
/// `Đảng bộ xã`), none for a name.
fn level_alone(name: &str) -> Option<UnitKind> {
    match level_kinds(after_head(name, false)?) {
        [kind] => Some(*kind),
        _ => None,
    }
}

/// `… Đảng bộ phường Nghi Hòa đang hoàn thiện các bước để tiến tới đại
/// hội Đảng bộ phường dự kiến …`: a đảng bộ named by its level alone, one
/// and no name after it, is the one of that level named before it (in
/// `before`, the clause up to `region`, or the sentence before), when
/// exactly one is.
fn the_one_named(region: &str, before: &str, last_named: &[String]) -> Option<String> {
    static SINGLE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:^|\s)(?:(?P<pre>\S+)\s+)?(?P<head>đảng bộ\s+(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố))(?:\s*$|(?P<post>[\s,]+\S+))",
        )
    });
    let mut found = SINGLE.captures_iter(region);
    let caps = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let pre = caps
        .name("pre")
        .map_or(String::new(), |p| p.as_str().to_lowercase());
    if [
        "các", "những", "mỗi", "từng", "cho", "với", "2", "02", "hai", "ba",
    ]
    .contains(&pre.as_str())
    {
        return None;
    }
    if let Some(post) = caps.name("post") {
        let word = post.as_str().trim_start();
        if post.as_str().contains(',')
            || word == "và"
            || word == "trực"
            || word == "thuộc"
            || word.starts_with(char::is_uppercase)
        {
            return None;
        }
    }
    let head = caps["head"].to_lowercase();
    let head = head.split_whitespace().collect::<Vec<_>>().join(" ") + " ";
    let mut names: Vec<String> = named_units(before)
        .into_iter()
        .map(|(_, _, n)| n)
        .chain(last_named.iter().cloned())
        .filter(|n| n.to_lowercase().starts_with(&head))
        .collect();
    names.sort();
    names.dedup();
    match names.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Kinds named by what they sit under: `chi bộ, đảng bộ cơ quan, trường
/// học, lực lượng vũ trang trực thuộc Huyện ủy` are grassroots units;
/// `chi bộ trực thuộc đảng ủy cơ sở` sit under one.
fn subordinate(words: &str, who: &mut Who, taken: &mut Vec<(usize, usize)>) {
    // `thuộc` alone (`các chi bộ thuộc đảng bộ cơ sở`) counts only when
    // what follows says what the units sit under.
    static UNDER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:trực\s+)?thuộc\s*"));
    static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:các\s+)?(?:(?i:ban thường vụ)\s+)?(?:(?:Huyện|Thị|Quận|Thành|Tỉnh|huyện|thị|quận|thành|tỉnh)\s+[uủ]ỷ?y?\b(?:\s+\p{Lu}\p{L}*)*|(?i:đảng\s+[uủ]ỷ?y?\s+khối)\b(?:\s+[\p{L}]+)*?(?:\s+tỉnh|\s+Trung ương)?|(?i:đảng bộ\s+(?:huyện|quận|thị xã|thành phố|tỉnh))\b(?:\s+\p{Lu}\p{L}*)*|(?i:cấp\s+[uủ]ỷ?y?\s+(?:cấp\s+)?(?:huyện|trên)))",
        )
    });
    static GRASSROOTS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?i:(?:các\s+)?(?:đảng\s+[uủ]ỷ?y?|đảng bộ)\s+(?:cơ sở|bộ phận|xã|phường|thị trấn)(?:\s*(?:,|và|hoặc)\s*(?:đảng\s+[uủ]ỷ?y?|đảng bộ)\s+(?:cơ sở|bộ phận))*)|^(?:Đảng bộ|Đảng [uủ]ỷ?y?)\s+\S+",
        )
    });
    static NOUN: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:chi bộ|đảng bộ bộ phận|đảng bộ|tổ chức cơ sở đảng|tổ chức đảng|chi\s*[,\-–])")
    });
    static BREAK: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:hoàn thành|xong|trước|dự kiến|tiến hành|bắt đầu|gửi|báo cáo|nộp|thực hiện|triển khai|yêu cầu|chỉ đạo|kiểm điểm|đánh giá|tổ chức (?:hội nghị|đại hội|kiểm điểm))\b|[;:.]",
        )
    });
    for under in UNDER.find_iter(words) {
        let object = &words[under.end()..];
        let mut province = false;
        let (above, object_len) = if let Some(m) = COMMITTEE.find(object) {
            province = m
                .as_str()
                .trim_start_matches("các ")
                .to_lowercase()
                .trim_start_matches("ban thường vụ ")
                .starts_with("tỉnh");
            (Above::Committee, m.end())
        } else if let Some(m) = GRASSROOTS.find(object) {
            let len = if m.as_str().starts_with(|c: char| c.is_uppercase()) {
                named_units(object)
                    .first()
                    .filter(|(a, _, _)| *a == 0)
                    .map_or(m.end(), |(_, b, _)| *b)
            } else {
                m.end()
            };
            (Above::Grassroots, len)
        } else if under.as_str().to_lowercase().starts_with("trực") {
            (Above::Unsaid, 0)
        } else {
            continue;
        };
        // The nouns before it, joined by commas and the names of what
        // the units are (`cơ quan, trường học`).
        let nouns: Vec<regex::Match<'_>> = NOUN.find_iter(&words[..under.start()]).collect();
        let mut group: Vec<&str> = Vec::new();
        let mut group_start = under.start();
        for noun in nouns.iter().rev() {
            let between = &words[noun.end()..group_start];
            if BREAK.is_match(between) || between.len() > 90 {
                break;
            }
            group.push(noun.as_str());
            group_start = noun.start();
        }
        if group.is_empty() {
            continue;
        }
        let has = |w: &str| group.iter().any(|g| g.to_lowercase().starts_with(w));
        let grassroots_any = group
            .iter()
            .any(|g| g.to_lowercase() == "tổ chức cơ sở đảng");
        let (chi, dang, bo_phan, any) = (
            has("chi"),
            group.iter().any(|g| g.to_lowercase() == "đảng bộ"),
            has("đảng bộ bộ phận"),
            has("tổ chức"),
        );
        use UnitKind::*;
        // `đảng bộ cấp huyện, đảng bộ khối, đảng bộ cấp trên cơ sở trực
        // thuộc Tỉnh ủy`: the level above the grassroots, said in words.
        let upper = {
            let group_words = words[group_start..under.start()].to_lowercase();
            [
                "cấp huyện",
                "cấp trên",
                "đảng bộ khối",
                "đảng ủy khối",
                "đảng uỷ khối",
            ]
            .iter()
            .any(|w| group_words.contains(w))
                // `các đảng bộ trực thuộc Tỉnh ủy`: a province's đảng bộ
                // are its districts' and blocs', unless said grassroots.
                || province && !group_words.contains("cơ sở")
        };
        let kinds: Vec<UnitKind> = match above {
            Above::Committee if upper && !chi && !any => vec![DangBoCapTren],
            Above::Committee => {
                let mut k = Vec::new();
                if chi || any {
                    k.push(ChiBoCoSo);
                }
                if dang || any || bo_phan {
                    k.push(DangBoCoSo);
                }
                k
            }
            Above::Grassroots => {
                let mut k = Vec::new();
                if chi {
                    k.push(ChiBoTrucThuoc);
                }
                if dang || bo_phan {
                    k.push(DangBoBoPhan);
                }
                k
            }
            // "các chi bộ trực thuộc": the slug words; "đảng bộ trực
            // thuộc" alone leaves the kind in doubt.
            Above::Unsaid if dang => Vec::new(),
            // `các tổ chức cơ sở đảng trực thuộc`: the grassroots units,
            // whatever they sit under.
            Above::Unsaid if grassroots_any && !chi && !bo_phan => vec![DangBoCoSo, ChiBoCoSo],
            Above::Unsaid if bo_phan => vec![DangBoBoPhan],
            Above::Unsaid if chi => vec![ChiBoTrucThuoc],
            Above::Unsaid => Vec::new(),
        };
        let span = (group_start, under.end() + object_len);
        if kinds.is_empty() {
            who.others = true;
        }
        for kind in kinds {
            who.add_kind(kind, group_start);
        }
        who.spans.push(span);
        taken.push(span);
    }
}

/// What a subordinate phrase's units sit under.
#[derive(Debug, Clone, Copy)]
enum Above {
    /// A committee above the grassroots (`Huyện ủy`, `Đảng ủy Khối`).
    Committee,
    /// A grassroots committee (`đảng ủy cơ sở`, `Đảng bộ xã Vĩnh Thạnh`).
    Grassroots,
    /// Nothing said.
    Unsaid,
}

/// The units named in `words`: `Đảng bộ xã Cộng Hòa`, `Chi bộ Khối Dân vận
/// huyện`, `Đảng bộ Công an huyện`, with where they are.
fn named_units(words: &str) -> Vec<(usize, usize, String)> {
    static UNIT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:Đảng bộ|Chi bộ)\s+(?:(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|thôn|khu phố|phòng|trường)\s+)?\p{Lu}|\b(?:đảng bộ|chi bộ)\s+(?:(?:xã|phường|thị trấn|thôn|khu phố)\s+)?(?:[A-ZÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]|Đ[^ả\s])|\b(?:Đảng bộ|Chi bộ)\s+khối\s+\p{Ll}|\bĐảng [uủ]ỷ?y?\s+(?:xã|phường|thị trấn)\s+\p{Lu}|\bĐảng bộ\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+lần\b|\bĐảng bộ\s+các\s+cơ quan\s+\p{Lu}",
        )
    });
    const STOP: &[&str] = &[
        "dự", "tổ", "hoàn", "xong", "trước", "tiến", "sẽ", "được", "và", "đã", "phải", "cần",
        "thực", "triển", "gửi", "báo", "nộp", "trong", "chậm", "hạn", "không", "bắt", "là", "có",
        "về", "của", "theo", "tại", "với", "cho", "để", "chọn", "chỉnh", "đại", "hoặc", "đến",
        "từ", "vào", "làm", "họp", "kết", "khẩn", "tập", "chuẩn", "xây", "kiện", "lãnh", "được",
        "trực", "nhiệm", "khóa", "khoá", "lần", "đạt", "gồm",
        // How or when it acts (`Đảng bộ tỉnh Phú Thọ đang khẩn trương …`).
        "đang", "cũng", "vẫn", "đều", "luôn", "sớm", "vừa", "mới", "chưa", "phấn", "nỗ", "tích",
        "quyết", "tiếp", "nghiêm",
    ];
    // The end of a name whose first word starts at `end`: its words up to
    // a stop word or punctuation (ten at most).
    let name_end = |start: usize, mut end: usize| {
        let mut rest = &words[end..];
        let mut count = 0;
        loop {
            let trimmed = rest.trim_start_matches(' ');
            // `Đảng bộ MTTQ, các đoàn thể Trung ương`: one name since 2025.
            if let Some(after) = trimmed.strip_prefix(", các đoàn thể ") {
                end += rest.len() - after.len();
                rest = after;
                continue;
            }
            // `Đảng bộ TP.HCM`: a full stop with a capital right after it
            // is within the word; after `TP`, `TX`, `Q`, `P` it is too,
            // a space between (`Đảng bộ TP. Châu Đốc`).
            let len = trimmed
                .char_indices()
                .find(|&(i, c)| {
                    c.is_whitespace()
                        || ",;:()“”\"".contains(c)
                        || c == '.'
                            && !trimmed[i + 1..].starts_with(|n: char| n.is_uppercase())
                            && !(super::PLACE_ABBREVIATIONS.contains(&&trimmed[..i])
                                && trimmed[i + 1..].starts_with(' ')
                                && trimmed[i + 2..].starts_with(|n: char| n.is_uppercase()))
                })
                .map_or(trimmed.len(), |(i, _)| i);
            let word = &trimmed[..len];
            // `Chi bộ Ban quản lý đầu tư xây dựng huyện`: a body's name.
            let investment = word == "xây"
                && words[..end].ends_with("đầu tư")
                && trimmed[len..].trim_start().starts_with("dựng");
            // `Đảng bộ Sở Tài nguyên và Môi trường`: a department's name
            // joins its fields with `và`.
            let next = trimmed[len..].trim_start_matches(' ');
            let fields = word == "và"
                && ["Sở ", "Phòng ", "Bộ ", "Trung tâm ", "Cục ", "Viện "]
                    .iter()
                    .any(|b| words[start..end].contains(b))
                && next.starts_with(char::is_uppercase)
                && !next.starts_with("Đảng")
                && !next.starts_with("Chi bộ");
            if len == 0
                || count >= 10
                || (STOP.contains(&word) && !investment && !fields)
                || rest.starts_with('\n')
            {
                break;
            }
            end += rest.len() - trimmed.len() + len;
            rest = &trimmed[len..];
            count += 1;
        }
        end
    };
    // `các Đảng bộ Cẩm Giàng, Bình Giang, Thanh Miện`: one head for the
    // names of a list after it.
    static NEXT_NAME: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:,|và)\s*\p{Lu}"));
    let mut out = Vec::new();
    for m in UNIT.find_iter(words) {
        // `Đại hội đại biểu Đảng bộ tỉnh lần thứ XII`: the writer's own
        // đảng bộ, named by its level alone.
        if let Some(own) = m.as_str().strip_suffix("lần") {
            out.push((
                m.start(),
                m.start() + own.trim_end().len(),
                own.trim().to_string(),
            ));
            continue;
        }
        let head_end = m.end() - m.as_str().chars().last().map_or(0, char::len_utf8);
        let end = name_end(m.start(), head_end);
        // `Đảng bộ (ĐHĐB) xã Bản Nguyên`: an abbreviation in parentheses,
        // blanked, is no part of the name.
        let name = words[m.start()..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // `Đảng bộ Trường`, `Đảng bộ Khối`, `Đảng bộ Tổng công ty`: the
        // writer's own đảng bộ called by what it is, no name.
        if generic_name(&name) {
            continue;
        }
        out.push((m.start(), end, name));
        let plural = words[..m.start()]
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("các"));
        if !plural {
            continue;
        }
        let head = words[m.start()..head_end].trim_end();
        let mut at = end;
        while let Some(next) = NEXT_NAME.find(&words[at..]) {
            let from = at + next.end() - next.as_str().chars().last().map_or(0, char::len_utf8);
            let to = name_end(from, from);
            // Another head (`, Đảng bộ xã …`) is a unit of its own.
            if UNIT.is_match(&words[from..to]) || to == from {
                break;
            }
            out.push((from, to, format!("{head} {}", words[from..to].trim())));
            at = to;
        }
    }
    // `Đảng bộ tỉnh Gia Lai, Đại hội đại biểu Đảng bộ tỉnh lần thứ I`: the
    // level alone is the unit named in full beside it.
    let full: Vec<String> = out.iter().map(|(_, _, n)| n.clone()).collect();
    out.retain(|(_, _, n)| {
        !full.iter().any(|f| {
            f.len() > n.len() && f.starts_with(n.as_str()) && f[n.len()..].starts_with(' ')
        })
    });
    out
}

/// The units a parenthesis lists right after `hai đảng bộ còn lại`, `các
/// chi bộ` (`(xã Thủy Vân và Công ty cổ phần Hương Thủy)`), each with the
/// kind's word before its name; and where those words are in `region`
/// (which starts at `region_start` in `sentence`, its parentheses blanked).
fn units_in_aside(
    sentence: &str,
    region_start: usize,
    region: &str,
) -> Option<(Vec<String>, (usize, usize))> {
    static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|những)\s+(?P<k>đảng bộ|chi bộ)(?:\s+còn lại)?(?P<gap>\s+)",
        )
    });
    let caps = COUNTED.captures_iter(region).last()?;
    let (all, kind, gap) = (caps.get(0)?, caps.name("k")?, caps.name("gap")?);
    let aside = sentence.get(region_start + gap.start()..region_start + gap.end())?;
    let inner = aside.trim().strip_prefix('(')?.strip_suffix(')')?;
    static SPLIT: LazyLock<Regex> = LazyLock::new(|| re(r"\s*(?:,|;|\bvà\b)\s*"));
    let head = kind.as_str().to_lowercase();
    let head = if head.starts_with('đ') {
        "Đảng bộ"
    } else {
        "Chi bộ"
    };
    let units: Vec<String> = SPLIT
        .split(inner)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| {
            if n.to_lowercase().starts_with(&head.to_lowercase()) {
                n.to_string()
            } else {
                format!("{head} {n}")
            }
        })
        .collect();
    (!units.is_empty() && units.iter().all(|u| u.split_whitespace().count() >= 3))
        .then_some((units, (all.start(), gap.end())))
}

/// Whether words before a cue say nothing of their own: no noun, only the
/// words that go with a cue (`xong`, `thời gian hoàn thành`).
fn is_bare(words: &str) -> bool {
    static FILLER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bbắt đầu\s+từ\s+(?:ngày\s+|tháng\s+)?\d{1,2}(?:\s*[./\-]\s*\d{1,4})*|\b(?:thời gian|hoàn thành|xong|phải|cần|sẽ|dự kiến|và|đồng thời|tổ chức|tiến hành)\b|[-+•*,:\s]",
        )
    });
    FILLER.replace_all(words, "").trim().is_empty()
}

/// Whom a deadline is for, as the words write it.
fn applies_text(words: &str, who: &Who) -> String {
    let (Some(first), Some(last)) = (who.spans.first(), who.spans.iter().map(|s| s.1).max()) else {
        return String::new();
    };
    clean(
        words[first.0..last]
            .trim()
            .trim_start_matches(|c: char| !c.is_alphanumeric()),
    )
}

/// Whom a deadline names when it names no unit: its subject's words, as
/// far as its verb, when they name a body or people (`Ban Tổ chức Thị ủy`,
/// `Cán bộ diện Thị ủy quản lý`); and where the subject is. Other words
/// (`Việc này`, `bố trí cán bộ cho …`) name no one: none.
fn unknown_applies_to(words: &str) -> (Option<String>, (usize, usize)) {
    static SOMEONE: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"^(?:(?:các|những|mỗi|từng|toàn thể)\s+)?(?:(?i:đảng viên|cán bộ|công chức|đồng chí|bí thư|phó bí thư|cấp [uủ]ỷ?y?|thường trực|ủy viên|uỷ viên)\b|(?:{HEADS})\b)"
        ))
    });
    let rest = strip_openers(words);
    let start = words.len() - rest.len();
    let mut end = start;
    for (i, (at, word)) in rest
        .split(' ')
        .scan(0, |offset, w| {
            let at = *offset;
            *offset += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .enumerate()
    {
        if i >= 8 || (i > 0 && is_verb(word)) {
            break;
        }
        end = start + at + word.len();
    }
    // No subject before the verb: the words say only what is due.
    if end == start || is_verb(rest.split(' ').next().unwrap_or("")) {
        return (None, (start, start));
    }
    let subject = clean(&words[start..end]);
    if SOMEONE.is_match(&subject) {
        return (Some(subject), (start, end));
    }
    // Words that point back (`Việc này`, `Các nội dung trên`) say nothing
    // of what is due; others are what is due (`bố trí cán bộ cho …`).
    let points_back = ["này", "trên", "đó"]
        .iter()
        .any(|w| subject.ends_with(&format!(" {w}")));
    (
        None,
        if points_back {
            (start, end)
        } else {
            (start, start)
        },
    )
}

fn is_verb(word: &str) -> bool {
    matches!(
        word,
        "hoàn"
            | "xong"
            | "tổ"
            | "gửi"
            | "nộp"
            | "báo"
            | "tổng"
            | "thực"
            | "triển"
            | "tiến"
            | "hoàn thiện"
            | "chỉnh"
            | "xây"
            | "dự"
            | "sẽ"
            | "phải"
            | "cần"
            | "kiểm"
            | "đánh"
    )
}

fn strip_openers(words: &str) -> &str {
    static OPENER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^[\s\-+•*]*(?:(?:theo kế hoạch|theo đó|theo hướng dẫn|trong đó|cụ thể|riêng|đối với|về thời gian|thời gian|sau đó(?:\s+mới)?(?:\s+tiến hành)?|để\s[^,.;:]{1,80},|về\s[^,.;:]{1,60},)\s*[,:]?\s*)*",
        )
    });
    let end = OPENER.find(words).map_or(0, |m| m.end());
    &words[end..]
}

/// What is due: the words of the clause but whom it is for and the words
/// that go with the cue (`tổ chức kiểm điểm, đánh giá, xếp loại chất lượng`).
fn what_of(words: &str, spans: &[(usize, usize)]) -> String {
    let (pre, post) = match (spans.first(), spans.iter().map(|s| s.1).max()) {
        (Some(first), Some(last)) => (&words[..first.0], &words[last..]),
        _ => ("", words),
    };
    static ASKER: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?i:yêu cầu|đề nghị|chỉ đạo|giao|số|ngày|của)|\b(?:{HEADS})\b|\d"
        ))
    });
    let pre = strip_openers(pre);
    let pre = pre
        .trim()
        .trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    let pre = pre
        .strip_suffix(" các")
        .or_else(|| pre.strip_suffix(" những"))
        .unwrap_or(pre);
    let pre = if pre == "các" || pre == "Các" {
        ""
    } else {
        pre
    };
    // `đại hội đảng viên hoặc đại hội đại biểu đảng bộ cơ sở trên cả nước
    // phải hoàn thành …`: the work said before whom, at any length, when
    // nothing after whom is work.
    static WORK: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:đại hội|kiểm điểm|đánh giá|xếp loại|tổng kết|sơ kết|báo cáo|đổi thẻ|hội nghị|bầu|thu, nộp|cập nhật|rà soát|nghiên cứu|quán triệt)\b",
        )
    });
    // `Do mưa lớn kéo dài, Đại hội …`: a lead-in before the work's words
    // is not the work.
    let mut pre = pre;
    while let Some((lead, rest)) = pre.split_once(',') {
        if WORK.is_match(lead) || rest.trim().is_empty() {
            break;
        }
        pre = rest.trim_start();
    }
    let keep_pre = !pre.is_empty()
        && !ASKER.is_match(pre)
        && (pre.split_whitespace().count() <= 4
            || pre.split_whitespace().count() <= 12 && WORK.is_match(pre) && !WORK.is_match(post));
    let mut what = if keep_pre {
        format!("{pre} {post}")
    } else {
        post.to_string()
    };
    static FILLERS: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\b(?:dự kiến|sẽ|thời gian|không quá \d+ ngày|bắt đầu từ [^,;]*[\p{L}\p{N}])\b")
    });
    what = FILLERS.replace_all(&what, " ").into_owned();
    // A parenthesis read apart leaves blanks where it was.
    what = what
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",");
    let mut what = clean(strip_openers(&what));
    loop {
        let before = what.clone();
        let trimmed = what
            .trim_start_matches([',', ':', ' ', '-'])
            .trim_end_matches([',', ' ']);
        let mut s = trimmed.to_string();
        // `khẩn trương` ("urgently") says how, not what.
        for lead in [
            "khẩn trương ",
            "cơ bản ",
            "hoàn thành việc ",
            "hoàn thành ",
            "xong ",
            "phải ",
            "đã ",
            "và ",
        ] {
            if let Some(rest) = s.strip_prefix(lead) {
                s = rest.to_string();
            }
        }
        for tail in [
            " làm việc",
            " diễn ra",
            " được tổ chức",
            " khai mạc",
            " xong",
            " hoàn thành",
            " tổ chức",
            " tiến hành",
            " thực hiện",
            " việc",
            " khẩn trương",
            " phải",
            " cần",
            " chậm nhất",
            " để",
        ] {
            if let Some(rest) = s.strip_suffix(tail)
                && !rest.trim().is_empty()
            {
                s = rest.to_string();
            }
        }
        if s == "xong" || s == "hoàn thành" || s == "khẩn trương" {
            s.clear();
        }
        what = clean(&s);
        if what == before {
            break;
        }
    }
    // `Đại hội diễn ra từ ngày 11-13/10`, the congress's unit named by the
    // sentence before: what takes place is the congress.
    if ["diễn ra", "khai mạc", "được tổ chức", "làm việc"].contains(&what.as_str())
        && words.to_lowercase().contains("đại hội")
    {
        return "Đại hội".to_string();
    }
    what
}

/// The document whose deadline is at `at` (in the sentence at `base`): the
/// last one its sentence cites before it; else, for `Theo kế hoạch`, the
/// last plan cited; else the text's own document (its header); else the
/// last plan, guide or other document cited before.
fn directive_of(text: &Text, found: &Found, base: usize, at: usize) -> Option<usize> {
    let before: Vec<&(usize, usize)> = found.citations.iter().filter(|(o, _)| *o < at).collect();
    if let Some((_, d)) = before.iter().rev().find(|(o, _)| *o >= base) {
        return Some(*d);
    }
    let kind_of = |d: usize| found.directives[d].doc_type;
    // A State body's document is a plan of the Party's deadlines only when
    // the deadline's own sentence cites it.
    let party = |d: usize| found.directives[d].state_symbol.is_none();
    let last_of = |t: DocType| {
        before
            .iter()
            .rev()
            .map(|(_, d)| *d)
            .find(|d| kind_of(*d) == t && party(*d))
    };
    let sentence = text.body[base..at].to_lowercase();
    if (sentence.contains("theo kế hoạch") || sentence.contains("kế hoạch yêu cầu"))
        && let Some(d) = last_of(DocType::KeHoach)
    {
        return Some(d);
    }
    if sentence.contains("theo hướng dẫn")
        && let Some(d) = last_of(DocType::HuongDan)
    {
        return Some(d);
    }
    if let Some(h) = found.header {
        return Some(h);
    }
    last_of(DocType::KeHoach)
        .or_else(|| last_of(DocType::HuongDan))
        .or_else(|| before.iter().rev().map(|(_, d)| *d).find(|d| party(*d)))
        .or_else(|| before.last().map(|(_, d)| *d))
}
