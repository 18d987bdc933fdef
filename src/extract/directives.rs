//! The documents a text cites, and what it says of each.
//!
//! A citation is a type word and number or symbol (`Kế hoạch số 188-KH/TU`,
//! `kế hoạch số 89 –KH/ĐU`, `Chỉ thị số 25/CT-HU`), or a bare symbol. Its
//! date and issuer are read, in this order of trust: its own words (`ngày …
//! của …`, `do … ban hành`, a body named right after it where the code
//! agrees, `về “…” của …`), a header it heads (`Số: …` under the issuing
//! body, over `Hà Nội, ngày …`; a header run into one line), the sentence
//! it is the object of (`Ngày 10/12/2019, Ban Thường vụ … đã ban hành Kế
//! hoạch số …`, `thay mặt Bộ Chính trị, … ký ban hành …`, the committee of a
//! signer's title), the phrase before a parenthesis it sits in (`kế hoạch
//! của Tỉnh ủy (Kế hoạch số 142-KH/TU, …)`, `Tỉnh ủy vừa ban hành Kế hoạch
//! … (…)`), the list it is part of (`A, B ngày … của …;`), and a list's
//! head (`2 chương trình của Thành ủy, gồm: …`). A date is shared in a list
//! only by documents of one type and one issuer code; an issuer only where
//! the symbol's code allows it. Mentions of one document are merged.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::bodies::{self, HEADS};
use super::{
    DATE, FoundDirective, TYPE_WORDS, Text, Unsure, clean, date_of, day_and_month, re, sentence_end,
};
use crate::domain::{DirectiveSpec, DocType, Secrecy, Urgency};
use crate::text::symbol::canonical_type_code;

/// What `read` found: the directives, and where each citation is.
pub(super) struct Found {
    pub directives: Vec<FoundDirective>,
    /// (offset of a citation, the directive it cites), in text order.
    pub citations: Vec<(usize, usize)>,
    /// The document the text itself is, when it opens with its header.
    pub header: Option<usize>,
}

/// A citation in the text.
struct Mention {
    start: usize,
    end: usize,
    spec: DirectiveSpec,
    /// The issuer code was written `TƯ`.
    tu_written: bool,
    /// A State body's symbol, as written (`21/KH-UBND`).
    state_symbol: Option<String>,
}

/// Where a symbol ends whose issuer code runs on into the capitals of a
/// header's next words (`36-CT/TWĐẢNG BỘ TỈNH`, pasted without a line
/// break), or into the next word of a page's labels (`25-HD/BTCTWNgày
/// ban hành`): the length of the symbol alone.
fn glued_header(id: &str) -> Option<usize> {
    let slash = id.rfind('/')?;
    let code = &id[slash + 1..];
    // A capital opening a word in small letters: codes are capitals only.
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let word = chars
        .windows(2)
        .find(|w| w[0].1.is_uppercase() && w[1].1.is_lowercase())
        .map(|w| w[0].0);
    ["ĐẢNG", "BAN", "CỘNG"]
        .iter()
        .filter_map(|w| code.find(w))
        .chain(word)
        .filter(|&at| at > 0 && is_party_code(&code[..at]))
        .min()
        .map(|at| slash + 1 + at)
}

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?P<type>{TYPE_WORDS}|[Vv]ăn bản)\s+(?:\(\s*(?:[Mm]ật|[Tt]ối mật|[Tt]uyệt mật)\s*\)\s+)?(?P<so>[Ss]ố\s*:?\s*)?(?P<id>\d+(?:\s*(?:[-–‐]\s*)?\p{{L}}+\s*/\s*[\p{{L}}\p{{N}}]+(?:-[\p{{L}}\p{{N}}]+)*|\s*/\s*(?:\d{{4}}\s*/\s*)?\p{{L}}+\d*(?:\s*-\s*\p{{L}}+\d*)*)?)"
    ))
});

/// `-TB` right after a number, ending there: its type's code, no issuer's.
static TYPE_CODE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*[-–‐]\s*(\p{Lu}[\p{L}]*)\b(?:[^/\p{L}\p{N}]|$)"));

/// A symbol with no type word before it.
static BARE_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b\d+\s*(?:[-–‐]\s*)?\p{Lu}[\p{L}]*\s*/\s*[\p{Lu}\p{N}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*")
});

/// `25/CT-HU`: a Party symbol written the State's way; or a State
/// document's own (`21/KH-UBND`, `197/STTTT`, `12/2020/NĐ-CP`, the
/// legislature's with its number, `35/2023/UBTVQH15`, `104/2023/QH15`).
static STATE_FORM: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d+)\s*/\s*(?:(\d{4})\s*/\s*)?(\p{L}+\d*)((?:\s*-\s*\p{L}+\d*)*)$"));

/// Finds the citations, in text order.
fn mentions(body: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    for caps in MENTION.captures_iter(body) {
        let (Some(all), Some(kind), Some(id)) = (caps.get(0), caps.name("type"), caps.name("id"))
        else {
            continue;
        };
        let mut doc_type = DocType::parse(kind.as_str());
        let mut start = all.start();
        // `Thông báo Kết luận số 159-TB`: a Thông báo, of a conclusion.
        if doc_type == Some(DocType::KetLuan) {
            let before = body[..start].trim_end_matches(' ');
            if let Some(t) = ["Thông báo", "thông báo", "THÔNG BÁO"]
                .iter()
                .find(|t| before.ends_with(**t))
            {
                doc_type = Some(DocType::ThongBao);
                start = before.len() - t.len();
            }
        }
        let mut id_text = id.as_str().to_string();
        let mut end = all.end();
        // `số 159-TB của …`: a type code with no issuer's after the number.
        if !id_text.contains('/')
            && let Some(code) = TYPE_CODE_AFTER.captures(&body[end..])
            && DocType::from_code(&code[1]) == doc_type
        {
            end += code.get(1).map_or(0, |c| c.end());
        }
        let mut state_symbol = None;
        if let Some(state) = STATE_FORM.captures(&id_text) {
            let rest: Vec<&str> = state[4]
                .split('-')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let party = state.get(2).is_none()
                && rest.len() == 1
                && canonical_type_code(&state[3]).is_some()
                && is_party_code(rest[0]);
            if party {
                id_text = format!("{}-{}/{}", &state[1], &state[3], rest[0]);
            } else {
                // A State body's document: cited by type and number, its
                // symbol kept as written.
                let year = state
                    .get(2)
                    .map_or(String::new(), |y| format!("{}/", y.as_str()));
                let mut code = vec![state[3].to_string()];
                code.extend(rest.iter().map(|p| p.to_string()));
                state_symbol = Some(format!("{}/{}{}", &state[1], year, code.join("-")));
                id_text = state[1].to_string();
            }
        } else if let Some(cut) = glued_header(&id_text) {
            // `36-CT/TWĐẢNG BỘ TỈNH …`: the header's next line run on.
            end -= id_text.len() - cut;
            id_text.truncate(cut);
        }
        let has_symbol = id_text.contains('/');
        // `văn bản số 4912/UBND-NC`: a letter, known by its symbol only.
        if doc_type.is_none() && !has_symbol && state_symbol.is_none() {
            continue;
        }
        if !has_symbol && caps.name("so").is_none() && !number_alone_ends(&body[end..]) {
            // "kế hoạch 5 năm": a number that is no document's.
            continue;
        }
        let spec = if has_symbol {
            DirectiveSpec::parse(&id_text, doc_type)
        } else {
            DirectiveSpec::parse(&id_text, doc_type.or(Some(DocType::CongVan)))
        };
        if let Ok(spec) = spec {
            found.push(Mention {
                start,
                end,
                spec,
                tu_written: tu_written(&id_text),
                state_symbol,
            });
        }
    }
    for m in BARE_SYMBOL.find_iter(body) {
        let inside = found.iter().any(|x| m.start() < x.end && x.start < m.end());
        let written = match glued_header(m.as_str()) {
            Some(cut) => &m.as_str()[..cut],
            None => m.as_str(),
        };
        if let (false, Ok(spec)) = (inside, DirectiveSpec::parse(written, None)) {
            found.push(Mention {
                start: m.start(),
                end: m.start() + written.len(),
                spec,
                tu_written: tu_written(written),
                state_symbol: None,
            });
        }
    }
    found.sort_by_key(|m| m.start);
    found
}

/// Whether a citation by number alone (no `số`) ends where a citation
/// would: `Chỉ thị 29 của …`, `(Nghị quyết 16)`, `Quy định 69.`
fn number_alone_ends(after: &str) -> bool {
    let rest = after.trim_start_matches(' ');
    rest.is_empty()
        || rest.starts_with([',', ';', ')', '.', '(', '\n', ':'])
        || ["của ", "ngày ", "về ", "và "]
            .iter()
            .any(|w| rest.starts_with(w))
}

fn tu_written(id: &str) -> bool {
    id.split_once('/')
        .is_some_and(|(_, code)| code.trim().to_uppercase().starts_with("TƯ"))
}

/// Whether a code can be a Party issuer's (`HU`, `BTCTW`), not a State
/// body's (`UBND`, `TTg`).
fn is_party_code(code: &str) -> bool {
    bodies::hint(code, &[]).is_some()
}

/// What the text says of one citation, before lists and mentions are
/// put together.
#[derive(Debug, Clone, Default)]
struct Said {
    issued_on: Option<NaiveDate>,
    issuer: Option<String>,
    subject: Option<String>,
    /// The issuer is a list's, shared from a later item.
    shared_issuer: bool,
    /// The acting body of its sentence, and whether the verb makes it the
    /// issuer outright (`ban hành`) or only when the code agrees
    /// (`triển khai`).
    actor: Option<(String, bool)>,
    /// The date of the sentence it is the object of (`Ngày …, … ban hành`).
    sentence_date: Option<NaiveDate>,
    /// Listed with the next citation.
    joined_next: bool,
    /// The text's own document (its header).
    header: bool,
}

/// `, ngày 18/10/2019`, ` (ngày …)`, `ban hành ngày …` right after a citation.
static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)^[\s,(]*(?:(?:ký\s+)?ban hành\s+)?(?:vào\s+)?ngày\s*(?P<d>{DATE})"
    ))
});

/// `… thực hiện Nghị quyết 25-NQ/TW, ngày 18/7/2014, Ban Dân vận Tỉnh ủy
/// có Công văn số 700 …`: after the date, a body that issues the next
/// citation; the date opens that clause, it is not the one before's.
static NEXT_ACT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\s*,\s*(?:{HEADS})[^,.;:()]{{0,80}}?\s(?:(?:đã|vừa)\s+)?(?:có|ban hành|ký ban hành|gửi)\s*$"
    ))
});

/// `của huyện uỷ Lục Ngạn`: a committee written in lower case counts
/// when a proper name follows it; so does a đảng bộ of a company, of a
/// named body or of a place (`của Đảng bộ công ty cổ phần Tập đoàn …`,
/// `của Đảng Bộ phường …`, typed with a capital). `của Hội nghị
/// lần thứ năm (của) Ban Chấp hành …`: the body that met, not its meeting.
static OF_BODY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?i:của)\s+(?:(?i:hội nghị)\s+(?i:lần thứ)(?:\s+(?:[\p{{Ll}}\p{{N}}]+|[IVXL]+)){{1,3}}(?:\s*\([^()]{{0,30}}\))?\s*,?\s+(?:(?i:của)\s+)?)?(?P<i>{HEADS}|(?:huyện|tỉnh|thành|quận|thị) (?:ủy|uỷ) \p{{Lu}}|Đảng [bB]ộ (?:\p{{Lu}}|(?i:tổng công ty|công ty|tập đoàn|xã|phường|thị trấn|thị xã|thành phố|huyện|quận|tỉnh)\b))"
    ))
});

/// `và kế hoạch của …` right after a citation: a document cited by no
/// number listed with it, the issuer after it both's.
static AND_UNCITED: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\s*,?\s*(?i:và)\s+(?:(?i:các|những)\s+)?(?:{TYPE_WORDS})(?:\s+(?i:thực hiện|triển khai))?\s+(?:(?i:của)\s+)?(?P<i>{HEADS})\b"
    ))
});

/// What may stand between a citation's date and `của …`: `năm 2023`.
static BETWEEN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[\s,]*(?:(?:năm|khóa|khoá)\s+[\p{L}\p{N}]+[\s,]*)?$"));

/// A body's name right after a citation or its date: `… ngày 30/10/2020
/// Ban Tổ chức Trung ương`.
static NAME_AFTER: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^[ \t]+(?P<i>{HEADS})\b")));

/// `Tại ` or `Theo ` opening the clause of a citation, after a short
/// opening phrase at most (`Cụ thể, tại …`, `Bên cạnh đó, tại …`; the
/// word typed twice, `tại tại`, as pages do).
static AT_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s*(?:[-–•+*]\s*)?(?:[^,;:()“”\n]{1,25},\s*)?(?i:tại|theo)(?:\s+(?i:tại))?\s+$")
});

/// `, Bộ Chính trị ` right after a citation opened by `Tại` (its subject,
/// `về …`, may come between).
static DECIDES_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:\s+về\s+[^,;.()“”]{{1,80}})?\s*,\s*(?P<i>{HEADS})\b"
    ))
});

/// What the body does in its own document: `quyết định`, `yêu cầu`, ….
static DECIDES_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+(?:(?:đã|cũng)\s+)?(?:quyết định|quy định|kết luận|chỉ thị|yêu cầu|nêu rõ|chỉ đạo|giao|lựa chọn|chọn)\b",
    )
});

static BY_BODY: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b(?i:do)\s+(?P<i>{HEADS})")));

static ISSUED_AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\s+(?:(?:đã|vừa)\s+)?(?P<v>ban hành|xây dựng|triển khai)(?:\s+(?:vào\s+)?ngày\s+(?P<d>{DATE}))?"
    ))
});

static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bvề\s+(?P<s>.+?)(?:;|\.\s|\.$|\n|$|”|\)|,\s+(?:các|Các|Ban|BTV|Đảng ủy|Đảng uỷ|Huyện ủy|Thị ủy|Tỉnh ủy|Thành ủy|Quận ủy|Hội nghị|Cấp|cấp|đồng chí)\s)",
    )
});

/// The acting body at the end of the words before a citation: `Ban
/// Thường vụ Huyện ủy Tiên Phước đã ban hành`, `BTV Tỉnh ủy đã kịp thời
/// ban hành`, `Đảng ủy phường Vạn Phúc triển khai`.
static ACTOR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?P<i>(?:{HEADS})[^,;()“”]*?)\s+(?:(?:đã|vừa|mới|cũng|đang)\s+)*(?:(?:khẩn trương|kịp thời|chính thức|nhanh chóng|tiếp tục)\s+)?(?:ký\s+)?(?P<v>ban hành|xây dựng|gửi|triển khai|có)\s*$"
    ))
});

/// `thay mặt Bộ Chính trị, đồng chí …, đã ký ban hành`.
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i:thay mặt)\s+(?P<i>(?:{HEADS})[^,;]*?)\s*,[^;]*?\s(?:(?:đã|vừa)\s+)?ký\s+ban hành\s*$"
    ))
});

/// `…, Phó Bí thư Thường trực Huyện ủy Càng Long, đã ký ban hành`: the
/// signer's committee, named in the signer's title.
static SIGNED_BY_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i:bí thư)\s+(?:(?i:thường trực)\s+)?(?P<i>(?:{HEADS})[^,;]*?)\s*,?\s*(?:(?:đã|vừa)\s+)?ký\s+ban hành\s*$"
    ))
});

/// `Ngày 10/12/2019, …` or `Vào ngày 6/8, …` opening a sentence.
static OPENING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^\s*(?:[-–•+*]\s*)?(?:\(\p{{Lu}}+\)\s*[-–]\s*)?(?i:(?:ngay\s+)?(?:từ|vào)\s+)?(?i:ngày)\s+(?:(?P<d>{DATE})|(?P<dm>\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}))\s*(?:vừa qua\s*)?,"
    ))
});

/// `ngay từ ngày 20/6/2020, ` right before the acting body of a sentence.
static DATE_BEFORE_ACTOR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[\s,(])(?i:(?:ngay\s+)?(?:từ|vào|trong)\s+)?(?i:ngày)\s+(?:(?P<d>{DATE})|(?P<dm>\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}))\s*(?:vừa qua\s*)?,?\s*$"
    ))
});

/// `kế hoạch của Ban Thường vụ Tỉnh ủy Quảng Trị (` before a citation.
static BEFORE_PARENTHESIS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:{TYPE_WORDS})\s+của\s+(?P<i>(?:{HEADS})[^()]*?)\s*\(\s*$"
    ))
});

/// `Ngày 31/10, đồng chí … ký ban hành ` before the document it issues.
static SIGNED_ON: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[\s(])(?i:ngày)\s+(?:(?P<d>{DATE})|(?P<dm>\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}))\s*,[^;]*?\s(?:(?:đã|vừa)\s+)?ký\s+ban hành\s+$"
    ))
});

/// `Kết luận của Bộ Chính trị, Ban Bí thư về … (` before a citation of
/// the same type: the document described, its subject after its issuer.
static DESCRIBED_BEFORE_PARENTHESIS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?P<t>{TYPE_WORDS})\s+của\s+(?P<i>(?:{HEADS})[^()]*?)\s+về\s+[^()]*\(\s*$"
    ))
});

/// `Tỉnh ủy vừa ban hành Kế hoạch tổng kết … (` before a citation: the
/// body whose document the parenthesis cites.
static ISSUED_BEFORE_PARENTHESIS: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[\s,])(?P<i>(?:{HEADS})[^,;()]*?)\s+(?:(?:đã|vừa|mới)\s+)*(?:ký\s+)?ban hành\s+(?:{TYPE_WORDS})\b[^()]*\(\s*$"
    ))
});

/// `Theo chỉ đạo của Ban Thường vụ Tỉnh ủy tại ` before a citation: the
/// body whose direction the cited document holds.
static DIRECTED_IN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?i:chỉ đạo|yêu cầu|hướng dẫn|chủ trương|kết luận|ý kiến)\s+của\s+(?P<i>(?:{HEADS})[^,;()“”]*?)\s+(?i:tại|theo|ở)\s+$"
    ))
});

/// `2 chương trình của Thành ủy, gồm: ` before a list of citations: the
/// issuer of the items of its type.
static LIST_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?P<t>{TYPE_WORDS}|[Vv]ăn bản)\s+của\s+(?P<i>(?:{HEADS})[^,:;()]*?)\s*,?\s*(?:bao gồm|gồm|như sau|như|cụ thể)\s*:"
    ))
});

/// Reads every citation and what the text says of it.
pub(super) fn read(text: &Text) -> Found {
    let body = &text.body;
    let mentions = mentions(body);
    let committees = bodies::committees(body);
    let mut said: Vec<Said> = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let next = mentions.get(i + 1).map_or(body.len(), |n| n.start);
        said.push(read_one(text, m, next));
    }
    let header = (0..mentions.len()).find(|&i| said[i].header);
    for (m, s) in mentions.iter().zip(said.iter_mut()) {
        labelled(body, m, s);
    }
    share_in_lists(&mentions, &mut said);
    issuers_of_list_heads(body, &mentions, &mut said);

    // The directives, one per document; mentions of one merged.
    let mut directives: Vec<FoundDirective> = Vec::new();
    let mut by_number: HashMap<(DocType, String), Vec<usize>> = HashMap::new();
    let mut citations = Vec::new();
    let mut header_index = None;
    for (i, (m, s)) in mentions.iter().zip(&said).enumerate() {
        let next = mentions.get(i + 1).map_or(body.len(), |n| n.start);
        let tail = &body[m.end..next];
        let end = m.end + sentence_end(tail);
        let mut d = FoundDirective {
            doc_type: m.spec.doc_type,
            number: m.spec.number.clone(),
            symbol: m.spec.symbol.as_ref().map(|s| s.to_string()),
            state_symbol: m.state_symbol.clone(),
            issuer: s.issuer.as_ref().map(|i| bodies::canonical(i)),
            issuer_hint: None,
            issued_on: s.issued_on,
            subject: s.subject.clone().filter(|s| !s.is_empty()),
            line: text.line_of(m.start),
            source_text: clean(&body[m.start..end]),
            unsure: Vec::new(),
            secrecy: None,
            urgency: None,
        };
        let prev_end = i.checked_sub(1).map_or(0, |p| mentions[p].end);
        (d.secrecy, d.urgency) = marks_near(body, prev_end, m.start, m.end, end);
        // An issuer the symbol's code contradicts is no answer.
        if let (Some(symbol), Some(issuer)) = (&m.spec.symbol, &d.issuer)
            && bodies::fits(&symbol.issuer_code, issuer, m.tu_written) == Some(false)
        {
            d.issuer = None;
        }
        let index = merge(&mut directives, &mut by_number, d);
        citations.push((m.start, index));
        if header == Some(i) {
            header_index = Some(index);
        }
    }
    for (d, m) in directives.iter_mut().zip(
        // The first mention of each directive, for its code.
        first_mentions(&citations, &mentions),
    ) {
        if d.issuer.is_none() {
            d.unsure.push(Unsure::Issuer);
            d.issuer_hint = m
                .spec
                .symbol
                .as_ref()
                .and_then(|s| bodies::hint(&s.issuer_code, &committees));
        }
        if d.issued_on.is_none() {
            d.unsure.push(Unsure::IssuedOn);
        }
        if d.subject.is_none() {
            d.unsure.push(Unsure::Subject);
        }
    }
    Found {
        directives,
        citations,
        header: header_index,
    }
}

/// A document portal's table of fields around a symbol (`Số hiệu:
/// 1403-QĐ/UBKTTW`, `Ngày ban hành: 29/07/2013`, `Cơ quan ban hành: Ủy ban
/// Kiểm tra Trung ương`): the date and issuer it gives, where the text
/// around the symbol gives none. A value that names no body (`Khác`) is
/// none.
fn labelled(body: &str, m: &Mention, said: &mut Said) {
    static SYMBOL_LABEL: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)(?:số\s*)?(?:kí|ký)?\s*hiệu\s*:?\s*(?:số\s*:?\s*)?$"));
    static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"^\s*(?i:ngày ban hành|ngày ký)\s*:?\s*(?P<d>{DATE})\s*$"
        ))
    });
    static ISSUER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"^\s*(?i:cơ quan ban hành)\s*:?\s*(?P<i>(?:{HEADS})\b.*)$"
        ))
    });
    let line_start = body[..m.start].rfind('\n').map_or(0, |i| i + 1);
    if !SYMBOL_LABEL.is_match(&body[line_start..m.start]) {
        return;
    }
    // The five lines either side of the symbol's.
    let from = body[..line_start]
        .rmatch_indices('\n')
        .nth(5)
        .map_or(0, |(i, _)| i + 1);
    let to = body[m.end..]
        .match_indices('\n')
        .nth(5)
        .map_or(body.len(), |(i, _)| m.end + i);
    for line in body[from..to].lines() {
        if said.issued_on.is_none()
            && let Some(d) = DATE_LABEL.captures(line).and_then(|c| c.name("d"))
        {
            said.issued_on = date_of(d.as_str());
        }
        if said.issuer.is_none()
            && let Some(i) = ISSUER_LABEL.captures(line).and_then(|c| c.name("i"))
        {
            // A page's next label run on (`… Trung ươngSố công báo:`).
            let value = i.as_str();
            let chars: Vec<(usize, char)> = value.char_indices().collect();
            let glued = chars
                .windows(2)
                .find(|w| w[0].1.is_lowercase() && w[1].1.is_uppercase())
                .map_or(value.len(), |w| w[1].0);
            said.issuer = Some(bodies::canonical(&bodies::name_at(&value[..glued]).0));
        }
    }
}

/// For each directive, the first mention that cites it.
fn first_mentions<'a>(citations: &[(usize, usize)], mentions: &'a [Mention]) -> Vec<&'a Mention> {
    let mut first: Vec<&Mention> = Vec::new();
    for ((_, d), m) in citations.iter().zip(mentions) {
        if *d == first.len() {
            first.push(m);
        }
    }
    first
}

/// What the words around one citation say of it.
fn read_one(text: &Text, m: &Mention, next: usize) -> Said {
    let body = &text.body;
    let mut said = Said::default();
    // Its own words: up to the next citation or the end of the sentence.
    let tail = &body[m.end..next];
    let tail = &tail[..sentence_end(tail)];
    let mut own_end = 0;
    if let Some(caps) = DATE_AFTER.captures(tail)
        && let Some(d) = caps.name("d")
        && !NEXT_ACT.is_match(&tail[d.end()..])
    {
        said.issued_on = date_of(d.as_str());
        own_end = d.end();
    }
    let subject = SUBJECT.captures(tail);
    let subject_start = subject
        .as_ref()
        .and_then(|c| c.get(0))
        .map_or(tail.len(), |s| s.start());
    if let Some(caps) = OF_BODY.captures(&tail[..subject_start])
        && let (Some(all), Some(i)) = (caps.get(0), caps.name("i"))
        && BETWEEN.is_match(&tail[own_end.min(all.start())..all.start()])
    {
        let (name, len) = bodies::name_at(&tail[i.start()..]);
        said.issuer = Some(bodies::wrapped(body, m.end + i.start(), name, len));
        own_end = own_end.max(i.start() + len);
    }
    // `Chỉ thị số 879-CT/ĐU và kế hoạch của Ban Thường vụ Đảng ủy …`: the
    // body after a document listed with it by no number, where the code
    // agrees.
    if said.issuer.is_none()
        && let Some(caps) = AND_UNCITED.captures(&tail[own_end.min(subject_start)..subject_start])
        && let Some(i) = caps.name("i")
    {
        let from = own_end.min(subject_start) + i.start();
        let (name, len) = bodies::name_at(&tail[from..]);
        let agrees = m
            .spec
            .symbol
            .as_ref()
            .and_then(|s| bodies::fits(&s.issuer_code, &name, m.tu_written));
        if agrees != Some(false) {
            said.issuer = Some(name);
            own_end = from + len;
        }
    }
    // `… về “Phát triển kinh tế” của Thành ủy khóa XVI`: after a quoted
    // subject, its `của …` is the document's still.
    if said.issuer.is_none()
        && let Some(all) = subject.as_ref().and_then(|c| c.get(0))
        && all.as_str().ends_with('”')
        && let Some(caps) = OF_BODY.captures(&tail[all.end()..])
        && let (Some(of), Some(i)) = (caps.get(0), caps.name("i"))
        && tail[all.end()..all.end() + of.start()]
            .trim_matches([' ', ','])
            .is_empty()
    {
        let from = all.end() + i.start();
        let (name, _) = bodies::name_at(&tail[from..]);
        said.issuer = Some(name);
    }
    // `Hướng dẫn 33-HD/BTCTW ngày 30/10/2020 Ban Tổ chức Trung ương`,
    // `Quy định 213-QĐ/TW Bộ Chính trị`: a body named right after the
    // citation (or its date) with no `của`, where the symbol's code says
    // it is the issuer and no verb makes it the subject of a new clause.
    if said.issuer.is_none()
        && let Some(symbol) = &m.spec.symbol
        && let Some(caps) = NAME_AFTER.captures(&tail[own_end.min(tail.len())..])
        && let Some(i) = caps.name("i")
    {
        let from = own_end.min(tail.len()) + i.start();
        let (name, len) = bodies::name_at(&tail[from..]);
        let rest = tail[from + len..].trim_start();
        let ends = rest.is_empty()
            || rest.starts_with([',', ';', '.', ')', '(', ':', '\n', '“', '"'])
            || ["về ", "và ", "ngày "].iter().any(|w| rest.starts_with(w));
        if ends && bodies::fits(&symbol.issuer_code, &name, m.tu_written) == Some(true) {
            said.issuer = Some(name);
            own_end = from + len;
        }
    }
    // `Nghị quyết số 18, Hội nghị lần thứ 6, Ban chấp hành Trung ương khóa
    // XII`: a resolution of a plenum, the Central Committee's.
    static PLENUM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*,?\s*(?:của\s+)?Hội nghị\s+(?:lần thứ\s+\S+|Trung ương\s+\S+)\s*,?\s*(?P<i>Ban [Cc]hấp hành Trung ương)\b",
        )
    });
    if said.issuer.is_none()
        && m.spec.doc_type == DocType::NghiQuyet
        && let Some(i) = PLENUM_AFTER
            .captures(&tail[own_end.min(tail.len())..])
            .and_then(|c| c.name("i"))
    {
        said.issuer = Some(bodies::canonical(i.as_str()));
    }
    // `Tại Quyết định số 328-QĐ/TW, Bộ Chính trị quyết định …`, `Theo Công
    // văn số 2028-CV/TU về …, Tỉnh ủy Hà Tĩnh lựa chọn …`: the body that
    // decides in the document's own words, where the code agrees.
    if said.issuer.is_none()
        && let Some(symbol) = &m.spec.symbol
        && let Some(caps) = DECIDES_AFTER.captures(tail)
        && let Some(i) = caps.name("i")
        && AT_OPENING.is_match(&body[clause_start(body, m.start)..m.start])
    {
        let (name, len) = bodies::name_at(&tail[i.start()..]);
        if DECIDES_VERB.is_match(&tail[i.start() + len..])
            && bodies::fits(&symbol.issuer_code, &name, m.tu_written) == Some(true)
        {
            said.issuer = Some(name);
        }
    }
    // "… do Ban Thường vụ Huyện ủy ban hành (ngày …)", after the subject too.
    if let Some(caps) = BY_BODY.captures(tail)
        && let Some(i) = caps.name("i")
    {
        let (name, len) = bodies::name_at(&tail[i.start()..]);
        // `do … triển khai`: the body's own document only when the code
        // says so.
        let deploys_own = |v: &str| {
            v != "triển khai"
                || m.spec
                    .symbol
                    .as_ref()
                    .and_then(|s| bodies::fits(&s.issuer_code, &name, m.tu_written))
                    == Some(true)
        };
        if let Some(issued) = ISSUED_AFTER_NAME.captures(&tail[i.start() + len..])
            && issued.name("v").is_some_and(|v| deploys_own(v.as_str()))
        {
            if said.issuer.is_none() {
                said.issuer = Some(name);
            }
            if said.issued_on.is_none()
                && let Some(d) = issued.name("d")
            {
                said.issued_on = date_of(d.as_str());
            }
        }
    }
    said.subject = subject
        .as_ref()
        .and_then(|c| c.name("s"))
        .map(|s| clean(&without_stamps(s.as_str().trim_matches(['“', '”', '"']))));
    // Listed with the next citation: nothing but a comma or "và" between.
    let gap = tail[own_end.min(tail.len())..]
        .trim()
        .trim_end_matches([',', ' '])
        .trim();
    said.joined_next = next < body.len()
        && tail.len() == next - m.end
        && (gap.is_empty() || gap == "," || gap.eq_ignore_ascii_case("và"));

    if let Some(header) = header_of(text, m) {
        said.header = true;
        if said.issuer.is_none() {
            said.issuer = header.issuer;
        }
        if said.issued_on.is_none() {
            said.issued_on = header.issued_on;
        }
        if said.subject.is_none() {
            said.subject = header.subject;
        }
        said.joined_next = false;
        return said;
    }

    // The sentence it is the object of.
    let clause_start = clause_start(body, m.start);
    let before = &body[clause_start..m.start];
    let acting = actor(before);
    said.actor = acting
        .as_ref()
        .map(|(name, outright, _)| (name.clone(), *outright));
    // The date opening the sentence, or right before its acting body
    // (`Thực hiện …, ngay từ ngày 20/6/2020, Bộ Chính trị ban hành …`).
    let dated = match &acting {
        Some((_, true, at)) => DATE_BEFORE_ACTOR
            .captures(&before[..*at])
            .or_else(|| OPENING_DATE.captures(before)),
        _ => None,
    };
    if let Some(caps) = dated {
        said.sentence_date = sentence_day(text, m, &caps);
    }
    // `Ngày 31/10, …, Thường trực Ban Bí thư … ký ban hành Kết luận của Bộ
    // Chính trị, Ban Bí thư về … (Kết luận số 201-KL/TW)`: the document
    // described before the parenthesis that cites it, its issuers (one or
    // two acting together) and the day the sentence opens with.
    // (`(Kết luận số Kết luận số 200-KL/TW)`: the label written twice.)
    let own_type = body[m.start..]
        .split(" số")
        .next()
        .filter(|w| w.len() < 40)
        .unwrap_or("");
    let described = before
        .trim_end()
        .strip_suffix(" số")
        .and_then(|b| b.strip_suffix(own_type))
        .filter(|_| !own_type.is_empty())
        .unwrap_or(before);
    if said.issuer.is_none()
        && described.trim_end().ends_with('(')
        && let Some(caps) = DESCRIBED_BEFORE_PARENTHESIS.captures(described)
        && let (Some(t), Some(i)) = (caps.name("t"), caps.name("i"))
        && t.as_str().to_lowercase() == own_type.to_lowercase()
        && let Some(issuer) = whole_bodies_agreeing(m, i.as_str())
    {
        said.issuer = Some(issuer);
        if said.issued_on.is_none()
            && said.sentence_date.is_none()
            && let Some(caps) = SIGNED_ON.captures(&described[..t.start()])
        {
            said.sentence_date = sentence_day(text, m, &caps);
        }
    }
    // A citation in parentheses after the document's description, or
    // after the description of what the sentence's body issued (`Tỉnh ủy
    // vừa ban hành Kế hoạch tổng kết … (Kế hoạch số 142-KH/TU, …)`).
    for pattern in [&*BEFORE_PARENTHESIS, &*ISSUED_BEFORE_PARENTHESIS] {
        if said.issuer.is_none()
            && before.trim_end().ends_with('(')
            && let Some(caps) = pattern.captures(before)
            && let Some(i) = caps.name("i")
        {
            said.issuer = whole_body_agreeing(m, i.as_str());
        }
    }
    // `Theo chỉ đạo của Ban Thường vụ Tỉnh ủy tại Chỉ thị số 40 …`: the
    // body whose direction the document holds, where the code agrees.
    if said.issuer.is_none()
        && let Some(caps) = DIRECTED_IN.captures(before)
        && let Some(i) = caps.name("i")
    {
        said.issuer = whole_body_agreeing(m, i.as_str());
    }
    said
}

/// The day a sentence opens with (`OPENING_DATE`, `DATE_BEFORE_ACTOR`).
fn sentence_day(text: &Text, m: &Mention, caps: &regex::Captures<'_>) -> Option<NaiveDate> {
    match (caps.name("d"), caps.name("dm")) {
        (Some(d), _) => date_of(d.as_str()),
        (None, Some(dm)) => day_and_month(dm.as_str()).and_then(|(d, mo)| {
            // Issued on a day the article gives no year to: the
            // dateline's year, never after the dateline; with no
            // dateline, the year of the last full date before it (a
            // title's `trước ngày 15-6-2020` above `Ngày 17-4, …`).
            let Some(dateline) = text.dateline else {
                let reference = text.year_reference(m.start)?;
                return NaiveDate::from_ymd_opt(reference.year(), mo, d);
            };
            let this = NaiveDate::from_ymd_opt(dateline.year(), mo, d)?;
            if this > dateline {
                NaiveDate::from_ymd_opt(dateline.year() - 1, mo, d)
            } else {
                Some(this)
            }
        }),
        _ => None,
    }
}

/// `Bộ Chính trị, Ban Bí thư`: the body `text` names whole, or two named
/// whole and joined by a comma or `và`, each agreeing with the code.
fn whole_bodies_agreeing(m: &Mention, text: &str) -> Option<String> {
    if let Some(one) = whole_body_agreeing(m, text) {
        return Some(one);
    }
    let (first, len) = bodies::name_at(text);
    let rest = text[len..].trim_start();
    let rest = rest
        .strip_prefix(',')
        .or_else(|| rest.strip_prefix("và "))?
        .trim_start();
    let second = whole_body_agreeing(m, rest)?;
    whole_body_agreeing(m, &first)?;
    Some(format!("{first}, {second}"))
}

/// The body that `text` names whole (nothing left after its name), unless
/// the issuer code of the mention's symbol says it is another's.
fn whole_body_agreeing(m: &Mention, text: &str) -> Option<String> {
    let (name, len) = bodies::name_at(text);
    let agrees = m
        .spec
        .symbol
        .as_ref()
        .and_then(|s| bodies::fits(&s.issuer_code, &name, m.tu_written));
    (len >= text.trim_end().len() && agrees != Some(false)).then_some(name)
}

/// The acting body of the words before a citation, and whether its verb
/// makes it the issuer outright: the first body named from which the words
/// run, all of them its name, to the verb.
fn actor(before: &str) -> Option<(String, bool, usize)> {
    static HEAD: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?:{HEADS})\b")));
    // Most citations follow no verb that issues: nothing to look for.
    let end = before.trim_end();
    if !["ban hành", "xây dựng", "gửi", "triển khai", " có"]
        .iter()
        .any(|verb| end.ends_with(verb))
    {
        return None;
    }
    // The committee a signer's title names: `…, Phó Bí thư Thường trực
    // Huyện ủy Càng Long, đã ký ban hành`.
    let titled = SIGNED_BY_TITLE.captures(before).and_then(|caps| {
        let (all, i) = (caps.get(0)?, caps.name("i")?);
        let (name, len) = bodies::name_at(i.as_str());
        (len >= i.as_str().trim_end().len()).then_some((bodies::without_signer(&name), all.start()))
    });
    if let Some(caps) = ON_BEHALF.captures(before)
        && let (Some(all), Some(i)) = (caps.get(0), caps.name("i"))
    {
        let name = bodies::name_at(i.as_str()).0;
        // `Thay mặt Ban Thường vụ, đồng chí …, Phó Bí thư Thường trực Huyện
        // ủy Càng Long đã ký ban hành`: the standing committee of the
        // committee the title names.
        let name = match &titled {
            Some((committee, _)) if ["Ban Thường vụ", "Ban Chấp hành"].contains(&name.as_str()) =>
            {
                format!("{name} {committee}")
            }
            _ => name,
        };
        return Some((name, true, all.start()));
    }
    if let Some((name, at)) = titled {
        return Some((name, true, at));
    }
    // `Thường trực Ban Bí thư ký ban hành`: the post of the one who signs,
    // not a body; the issuer is said elsewhere (`Thay mặt Bộ Chính trị`).
    let mut signer_end = 0;
    for head in HEAD.find_iter(before) {
        if head.start() < signer_end {
            continue;
        }
        if head.as_str() == "Thường trực" {
            let rest = &before[head.end()..];
            if let Some(after) = rest.strip_prefix(" Ban Bí thư")
                && (after.trim_start().starts_with("ký")
                    || after.trim_start().starts_with(|c: char| c.is_uppercase()))
            {
                signer_end = head.end() + " Ban Bí thư".len();
                continue;
            }
        }
        // `Phó Bí thư Thường trực Huyện ủy …`: a signer's title, whose
        // body is the committee after it.
        if head.as_str() == "Thường trực" && is_title_before(&before[..head.start()]) {
            continue;
        }
        let Some(caps) = ACTOR.captures(&before[head.start()..]) else {
            continue;
        };
        let (Some(i), Some(v)) = (caps.name("i"), caps.name("v")) else {
            continue;
        };
        let (name, len) = bodies::name_at(i.as_str());
        if len >= i.as_str().trim_end().len() {
            // `Bộ Chính trị, Ban Bí thư ban hành`: bodies that issue it
            // together.
            let (name, at) = match joint_before(&before[..head.start()]) {
                Some((first, at)) => (format!("{first}, {name}"), at),
                None => (name, head.start()),
            };
            return Some((name, v.as_str() != "triển khai", at));
        }
    }
    None
}

/// The body named right before `, ` or ` và ` at the end of `before`, all
/// its words a name, and where it starts: the first of bodies that act
/// together (`Bộ Chính trị, Ban Bí thư ban hành`).
fn joint_before(before: &str) -> Option<(String, usize)> {
    static HEAD: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?:{HEADS})\b")));
    let trimmed = before.trim_end();
    let trimmed = trimmed
        .strip_suffix(',')
        .or_else(|| trimmed.strip_suffix(" và"))?
        .trim_end();
    let head = HEAD.find_iter(trimmed).last()?;
    let words = &trimmed[head.start()..];
    let (name, len) = bodies::name_at(words);
    // Only at the opening of the sentence, a date or `Mới đây,` before it
    // at most: after a citation (`… của Bộ Chính trị, Ban Thường vụ Huyện
    // ủy ban hành`) the first body is that citation's.
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\s*(?:[-–•+*]\s*)?(?:\(\p{Lu}+\)\s*[-–]\s*)?(?:(?i:(?:sáng|chiều|tối)\s+)?(?i:ngày)\s+[\d/.\-]+\s*(?:vừa qua\s*)?,\s*|(?i:mới đây|vừa qua|gần đây|hôm qua|hôm nay|sáng nay|chiều nay)\s*,\s*)?$",
        )
    });
    (len >= words.len() && OPENING.is_match(&trimmed[..head.start()]))
        .then_some((name, head.start()))
}

/// Whether the words before a `Thường trực` end with a secretary's title
/// (`Phó Bí thư Thường trực`: a person, not the standing body).
fn is_title_before(before: &str) -> bool {
    let lower = before.trim_end().to_lowercase();
    lower.ends_with("bí thư")
}

/// Where the clause holding `offset` starts: after a line break, a
/// semicolon or a full stop before a space.
fn clause_start(body: &str, offset: usize) -> usize {
    let before = &body[..offset];
    before
        .char_indices()
        .rev()
        .find(|&(i, c)| c == '\n' || c == ';' || (c == '.' && before[i + 1..].starts_with(' ')))
        .map_or(0, |(i, _)| i + 1)
}

/// What lists say: a list's issuer and subject (after its last item) to
/// every item the code allows, its date to items of the last one's type
/// and code; the acting body and date of the sentence to every item of the
/// list that follows the verb.
fn share_in_lists(mentions: &[Mention], said: &mut [Said]) {
    let code = |m: &Mention| m.spec.symbol.as_ref().map(|s| s.issuer_code.clone());
    let fits = |m: &Mention, issuer: &str| match &m.spec.symbol {
        Some(symbol) => bodies::fits(&symbol.issuer_code, issuer, m.tu_written),
        None => None,
    };
    // Backwards: what follows the last item.
    for i in (0..said.len().saturating_sub(1)).rev() {
        if !said[i].joined_next {
            continue;
        }
        let next = said[i + 1].clone();
        let (this_m, next_m) = (&mentions[i], &mentions[i + 1]);
        let this = &mut said[i];
        if this.issuer.is_none()
            && let Some(issuer) = &next.issuer
            && fits(this_m, issuer) != Some(false)
        {
            this.issuer = Some(issuer.clone());
            this.shared_issuer = true;
        }
        let same_kind =
            this_m.spec.doc_type == next_m.spec.doc_type && code(this_m) == code(next_m);
        if same_kind {
            this.issued_on = this.issued_on.or(next.issued_on);
            this.subject = this.subject.take().or(next.subject);
        }
    }
    // Forwards: the sentence's actor and date, from the first item on.
    for i in 0..said.len() {
        if i > 0 && said[i - 1].joined_next && said[i].actor.is_none() {
            said[i].actor = said[i - 1].actor.clone();
            said[i].sentence_date = said[i - 1].sentence_date;
        }
    }
    for (m, s) in mentions.iter().zip(said.iter_mut()) {
        // The acting body is nearer the citation than a list's issuer.
        if (s.issuer.is_none() || s.shared_issuer)
            && let Some((actor, outright)) = &s.actor
        {
            let agrees = fits(m, actor);
            if (*outright && agrees != Some(false)) || (s.issuer.is_none() && agrees == Some(true))
            {
                s.issuer = Some(actor.clone());
            }
        }
        if s.issued_on.is_none() {
            s.issued_on = s.sentence_date;
        }
    }
}

/// A list's head names the issuer of its items: `2 chương trình của Thành
/// ủy, gồm: Chương trình số 02-CTr/TU …, Chương trình số 03-CTr/TU …` (to
/// the end of its sentence, the items of the head's type the code allows).
fn issuers_of_list_heads(body: &str, mentions: &[Mention], said: &mut [Said]) {
    let mut from = 0;
    let mut head: Option<(usize, Option<DocType>, String)> = None;
    for (m, s) in mentions.iter().zip(said.iter_mut()) {
        // The heads before this citation, since the last one's.
        for caps in LIST_HEAD.captures_iter(&body[from..m.start]) {
            if let (Some(all), Some(t), Some(i)) = (caps.get(0), caps.name("t"), caps.name("i")) {
                let (name, len) = bodies::name_at(i.as_str());
                if len >= i.as_str().trim_end().len() {
                    head = Some((from + all.end(), DocType::parse(t.as_str()), name));
                }
            }
        }
        from = m.start.max(from);
        let Some((head_end, head_type, name)) = &head else {
            continue;
        };
        // The list ends with its sentence.
        let between = &body[*head_end..m.start];
        if between.contains(". ") || between.contains(".\n") || between.contains("\n\n") {
            head = None;
            continue;
        }
        let same_type = head_type.is_none_or(|t| t == m.spec.doc_type);
        let agrees = m
            .spec
            .symbol
            .as_ref()
            .and_then(|sym| bodies::fits(&sym.issuer_code, name, m.tu_written));
        if s.issuer.is_none() && same_type && agrees != Some(false) {
            s.issuer = Some(name.clone());
        }
    }
}

/// `Hà Nội, ngày 10 tháng 10 năm 2008`: a header's place and date.
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\p{{Lu}}[^\n,]{{0,40}},\s*(?i:ngày)\s+(?P<d>{DATE})"
    ))
});

/// What a header says of the document it heads.
struct Header {
    issuer: Option<String>,
    issued_on: Option<NaiveDate>,
    subject: Option<String>,
}

/// The header of the document whose number `m` is, if `m` opens a line as
/// a header's `Số: …` (or `Nghị quyết số: …`) does.
fn header_of(text: &Text, m: &Mention) -> Option<Header> {
    static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
        re(&format!(
            r"(?:^|[\s*|])(?:[Ss]ố|SỐ|(?:{TYPE_WORDS})\s+[Ss]ố)\s*:?\s*$"
        ))
    });
    static TITLE_LINE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:NGHỊ QUYẾT|QUYẾT ĐỊNH|QUY ĐỊNH|CHỈ THỊ|KẾT LUẬN|QUY CHẾ|THÔNG TRI|HƯỚNG DẪN|THÔNG BÁO|BÁO CÁO|KẾ HOẠCH|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|ĐỀ ÁN|TỜ TRÌNH|K\s?[EÉẾ]T LUẬN)\b\s*(?P<rest>.*)$",
        )
    });
    let body = &text.body;
    let mut line_start = body[..m.start].rfind('\n').map_or(0, |i| i + 1);
    // `Số: …` opens its line, or follows the header's capitals on it when
    // a page runs the header into one line (`ĐẢNG ỦY XÃ … Số: 05-KH/ĐU`);
    // or `Số:` ends the line above a number that opens its own, a table's
    // cell broken in two.
    let number_at = match NUMBER_LINE.find(&body[line_start..m.start]) {
        Some(found) => found.start(),
        None if line_start > 0 && body[line_start..m.start].trim().is_empty() => {
            let above_start = body[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
            let found = NUMBER_LINE.find(&body[above_start..line_start - 1])?;
            line_start = above_start;
            found.start()
        }
        None => return None,
    };
    let same_line = body[line_start..line_start + number_at]
        .trim()
        .trim_matches(['*', '|'])
        .trim();
    if same_line.chars().any(char::is_lowercase) {
        return None;
    }
    // The issuing body: the lines in capitals above, the committee over
    // the body (`HUYỆN ỦY ĐAN PHƯỢNG` over `BAN TỔ CHỨC`); the place and
    // date line and the country's name may stand between.
    let above: Vec<&str> = body[..line_start].lines().collect();
    let mut date_above = None;
    let lines = above.iter().rev().take(8).map(|line| {
        // A page may open each line of a block with a bullet (`• BAN …`).
        line.trim()
            .trim_matches('|')
            .trim()
            .trim_start_matches(['•', '*', '-', '+'])
            .trim()
    });
    let mut issuer = header_issuer(header_caps(same_line, lines, &mut date_above));
    // A header laid out as a table whose cells break their words over
    // lines (`THÀNH` / `ỦY` / `THÀNH PHỐ …`, cells apart by `|` or a
    // rule): each cell's lines read as one.
    if issuer.is_none() {
        let cells = header_cells(&above);
        issuer = header_issuer(header_caps(
            same_line,
            cells.iter().map(String::as_str),
            &mut date_above,
        ));
    }
    // "Hà Nội, ngày 10 tháng 10 năm 2008" on the number's line or within
    // the next lines (a `V/v …` line, the country's name between), before
    // the title; else above the number, where a page puts the right
    // column first.
    let after = &body[m.end..];
    let window_end = after
        .match_indices('\n')
        .nth(5)
        .map_or(after.len(), |(i, _)| i);
    let mut window_len = 0;
    for (k, line) in after[..window_end].split_inclusive('\n').enumerate() {
        if k > 0 && (TITLE_LINE.is_match(line.trim()) || line.chars().count() > 100) {
            break;
        }
        window_len += line.len();
    }
    let window = &after[..window_len];
    let date = PLACE_DATE.captures(window).and_then(|c| c.name("d"));
    let issued_on = date.and_then(|d| date_of(d.as_str())).or(date_above);
    // The title line (`HƯỚNG DẪN`) and the subject on it or under it.
    let from = date.map_or(0, |d| d.end());
    let mut subject = None;
    let mut lines = after[from..].lines().skip(1).take(4).peekable();
    while let Some(line) = lines.next() {
        if let Some(caps) = TITLE_LINE.captures(line.trim()) {
            let rest = caps.name("rest").map_or("", |r| r.as_str()).trim();
            let subject_line = if rest.is_empty() {
                lines.next().unwrap_or("")
            } else {
                rest
            };
            let s = subject_line.trim();
            if s.chars().any(char::is_alphabetic) {
                let lower = if s
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| !c.is_lowercase())
                {
                    s.to_lowercase()
                } else {
                    s.to_string()
                };
                let lower = lower.strip_prefix("về ").unwrap_or(&lower).to_string();
                subject = Some(clean(&without_stamps(&lower)));
            }
            break;
        }
    }
    Some(Header {
        issuer,
        issued_on,
        subject,
    })
}

/// The lines in capitals of a header above its number, top first, from
/// `pieces` (its lines or cells, nearest first), after the capitals on the
/// number's own line; a place-and-date line among them gives `date_above`.
fn header_caps<'a>(
    same_line: &'a str,
    pieces: impl Iterator<Item = &'a str>,
    date_above: &mut Option<NaiveDate>,
) -> Vec<&'a str> {
    let mut caps_lines: Vec<&str> = Vec::new();
    if !same_line.is_empty() {
        caps_lines.push(same_line);
    }
    for line in pieces {
        let letters: Vec<char> = line.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.is_empty()
            || matches!(
                line,
                "ĐẢNG CỘNG SẢN VIỆT NAM" | "ĐẢNG CỘNG SẢN" | "VIỆT NAM"
            )
        {
            continue;
        }
        if line.chars().count() <= 80
            && let Some(d) = PLACE_DATE.captures(line).and_then(|c| c.name("d"))
        {
            *date_above = date_above.or_else(|| date_of(d.as_str()));
            continue;
        }
        if letters.iter().any(|c| c.is_lowercase()) || caps_lines.len() == 4 {
            break;
        }
        caps_lines.push(line.trim_end_matches(['*', ' ']));
    }
    caps_lines.reverse();
    caps_lines
}

/// The cells of a header laid out as a table, above its number, nearest
/// first: `|` or a line with no letters (a rule) parts them, and the
/// lines of a cell are joined.
fn header_cells(above: &[&str]) -> Vec<String> {
    let mut cells = Vec::new();
    // The lines of the cell being read, nearest first.
    let mut cell: Vec<&str> = Vec::new();
    let close = |cell: &mut Vec<&str>, cells: &mut Vec<String>| {
        if !cell.is_empty() {
            cell.reverse();
            cells.push(cell.join(" "));
            cell.clear();
        }
    };
    for line in above.iter().rev().take(16) {
        let parts: Vec<&str> = line.split('|').collect();
        for (k, part) in parts.iter().enumerate().rev() {
            let part = part.trim().trim_start_matches(['•', '*', '-', '+']).trim();
            if part.chars().any(char::is_alphabetic) {
                cell.push(part);
            } else {
                close(&mut cell, &mut cells);
            }
            if k > 0 {
                close(&mut cell, &mut cells);
            }
        }
    }
    close(&mut cell, &mut cells);
    cells
}

/// The issuing body a header's lines in capitals name, top first: the
/// last body named, under its committee where its own name has none.
fn header_issuer(caps_lines: Vec<&str>) -> Option<String> {
    // A header run into one line (`ĐẢNG BỘ HUYỆN BẢO LÂM ĐẢNG ỦY XÃ LỘC
    // NAM`): its lines again, one body a line.
    let caps_lines: Vec<&str> = caps_lines
        .into_iter()
        .flat_map(split_header_line)
        .filter(|l| *l != "ĐẢNG CỘNG SẢN VIỆT NAM")
        .collect();
    caps_lines
        .iter()
        .rposition(|l| l.starts_with("BỘ CHÍNH TRỊ") || starts_a_body(l))
        .map(|k| {
            let own = caps_lines[k..].join(" ");
            let committee = caps_lines[..k].join(" ");
            // `ỦY BAN KIỂM TRA` under `BAN CHẤP HÀNH TRUNG ƯƠNG`: its own
            // `ỦY` names no committee.
            let own_rest = own
                .strip_prefix("ỦY BAN ")
                .or_else(|| own.strip_prefix("UỶ BAN "))
                .unwrap_or(&own);
            let has_committee = own_rest.contains("ỦY")
                || own_rest.contains("UỶ")
                || own.contains("TRUNG ƯƠNG")
                || own.starts_with("BỘ CHÍNH TRỊ");
            if has_committee || committee.is_empty() {
                bodies::canonical(&own)
            } else {
                let committee = committee
                    .strip_prefix("BAN CHẤP HÀNH ")
                    .unwrap_or(&committee);
                bodies::canonical(&format!("{own} {committee}"))
            }
        })
}

/// How the name of a committee or of one of its bodies begins in a
/// document's header, in capitals.
const BODY_STARTS: &[&str] = &[
    "BAN ",
    "ĐẢNG ỦY",
    "ĐẢNG UỶ",
    "TỈNH ỦY",
    "TỈNH UỶ",
    "THÀNH ỦY",
    "THÀNH UỶ",
    "HUYỆN ỦY",
    "HUYỆN UỶ",
    "QUẬN ỦY",
    "QUẬN UỶ",
    "THỊ ỦY",
    "THỊ UỶ",
    "VĂN PHÒNG",
    "ỦY BAN",
    "UỶ BAN",
];

/// Whether a header line begins the name of a committee or of its body.
fn starts_a_body(line: &str) -> bool {
    BODY_STARTS.iter().any(|s| line.starts_with(s))
}

/// A header line in capitals cut where a second body's name starts after
/// a first one's complete name: after a committee with its place
/// (`HUYỆN ỦY ĐAN PHƯỢNG BAN TỔ CHỨC`) or the Party organization over it
/// (`ĐẢNG BỘ HUYỆN BẢO LÂM ĐẢNG ỦY XÃ LỘC NAM`); `BAN THƯỜNG VỤ HUYỆN ỦY`
/// is one name.
fn split_header_line(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut from = 0;
    for (i, _) in line.match_indices(' ') {
        let at = i + 1;
        if !starts_a_body(&line[at..]) {
            continue;
        }
        let part = line[from..i].trim();
        let complete = part.starts_with("ĐẢNG BỘ ")
            || part == "ĐẢNG CỘNG SẢN VIỆT NAM"
            || part
                .split_once(" ỦY ")
                .or_else(|| part.split_once(" UỶ "))
                .is_some_and(|(_, place)| !place.trim().is_empty());
        if complete {
            parts.push(part);
            from = at;
        }
    }
    parts.push(line[from..].trim());
    parts
}

/// Adds a directive, or merges it into one already found that it must be:
/// the same type and number, no symbols, dates or issuers that differ.
/// Returns its place.
fn merge(
    directives: &mut Vec<FoundDirective>,
    by_number: &mut HashMap<(DocType, String), Vec<usize>>,
    d: FoundDirective,
) -> usize {
    let same = |a: &Option<String>, b: &Option<String>| a.is_none() || b.is_none() || a == b;
    // `18-KH/Đ` in a header under `18-KH/ĐU` cited above: a code cut short
    // that is no issuer's is the same symbol.
    let cut_short = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => {
            let code = |s: &str| s.rsplit_once('/').map(|(_, c)| c.to_string());
            match (code(a), code(b)) {
                (Some(x), Some(y)) => {
                    let (short, long) = if x.len() < y.len() { (x, y) } else { (y, x) };
                    short != long && long.starts_with(&short) && !is_party_code(&short)
                }
                _ => false,
            }
        }
        _ => false,
    };
    let key = (d.doc_type, d.number.clone());
    let candidates: Vec<usize> = by_number
        .get(&key)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|&i| (i, &directives[i]))
        .filter(|(_, x)| {
            (same(&x.symbol, &d.symbol) || cut_short(&x.symbol, &d.symbol))
                && same(&x.state_symbol, &d.state_symbol)
                // `Ủy ban` and `Uỷ ban`: one name, its accent placed two ways.
                && (same(
                    &x.issuer.as_deref().map(crate::text::fold),
                    &d.issuer.as_deref().map(crate::text::fold),
                )
                // One symbol that two names of one body give (`Tỉnh ủy Nghệ
                // An`, `Thường trực Tỉnh ủy`): one document.
                || (x.symbol.is_some()
                    && x.symbol == d.symbol
                    && x.issuer.as_deref().zip(d.issuer.as_deref())
                        .is_some_and(|(a, b)| bodies::one_body(a, b))))
                && (x.issued_on.is_none() || d.issued_on.is_none() || x.issued_on == d.issued_on)
        })
        .map(|(i, _)| i)
        .collect();
    // Two documents of one number and different dates: an undated mention
    // could be either, so it stays apart.
    let target = match candidates.as_slice() {
        [one] => Some(*one),
        [_, ..] if d.issued_on.is_some() => candidates
            .iter()
            .copied()
            .find(|&i| directives[i].issued_on == d.issued_on),
        _ => None,
    };
    match target {
        Some(i) => {
            let x = &mut directives[i];
            // Of a symbol and the same cut short, the whole one.
            x.symbol = match (x.symbol.take(), d.symbol) {
                (Some(a), Some(b)) if b.len() > a.len() => Some(b),
                (a, b) => a.or(b),
            };
            x.state_symbol = x.state_symbol.take().or(d.state_symbol);
            // Of two names of its issuer, the one that says more.
            x.issuer = match (x.issuer.take(), d.issuer) {
                (Some(a), Some(b)) if bodies::says_more(&b, &a) => Some(b),
                (a, b) => a.or(b),
            };
            x.issued_on = x.issued_on.or(d.issued_on);
            x.subject = x.subject.take().or(d.subject);
            x.secrecy = x.secrecy.or(d.secrecy);
            x.urgency = x.urgency.or(d.urgency);
            i
        }
        None => {
            directives.push(d);
            let i = directives.len() - 1;
            by_number.entry(key).or_default().push(i);
            i
        }
    }
}

/// A classification beside a citation: `(mật)`, `(Tối mật)` in any case;
/// `MẬT`, `TỐI MẬT`, `TUYỆT MẬT` stamped in capitals; `Tối mật`, `Tuyệt
/// mật` in words. A lone `mật` in small letters is another word (`bí mật`,
/// `mật thiết`), not a mark.
static SECRECY_NEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\(\s*(?P<p>(?i:tuyệt\s+mật|tối\s+mật|mật))\s*\)|\b(?P<c>TUYỆT\s+MẬT|TỐI\s+MẬT|MẬT)\b|\b(?P<w>(?i:tuyệt\s+mật|tối\s+mật))\b",
    )
});

/// An urgency beside a citation: `(Khẩn)`, `(hỏa tốc)` in any case;
/// `KHẨN` in capitals (not `KHẨN TRƯƠNG`: "urgently", a word of every
/// text); `Thượng khẩn`, `Hỏa tốc` (or `Hoả tốc`) in words.
static URGENCY_NEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\(\s*(?P<p>(?i:thượng\s+khẩn|khẩn|h(?:ỏa|oả)\s+tốc))\s*\)|\b(?P<c>KHẨN)\b(?P<t>\s+TRƯƠNG)?|\b(?P<w>(?i:thượng\s+khẩn|h(?:ỏa|oả)\s+tốc))\b",
    )
});

/// The stamps a subject may end with, which are no part of it: `…, HỎA
/// TỐC`, `… - TỐI MẬT, HỎA TỐC`, `… (TỐI MẬT, HỎA TỐC` (its bracket lost),
/// `… (mật)`. Bare words only in capitals, as stamps are printed, so that a
/// subject about `bảo vệ bí mật` keeps its words.
static STAMPS_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[\s,;:\-–—(\[])\s*[(\[]?\s*(?:(?:TUYỆT\s+MẬT|TỐI\s+MẬT|MẬT|THƯỢNG\s+KHẨN|KHẨN|H(?:ỎA|OẢ)\s+TỐC|\(\s*(?i:tuyệt\s+mật|tối\s+mật|mật|thượng\s+khẩn|khẩn|h(?:ỏa|oả)\s+tốc)\s*\))[\s,;\-–—]*)+[)\]]?[\s.,;]*$",
    )
});

/// A subject without the stamps it ends with.
fn without_stamps(subject: &str) -> String {
    let mut s = subject.trim_end().to_string();
    while let Some(m) = STAMPS_AT_END.find(&s) {
        if m.start() == 0 && m.end() == s.len() && m.start() == m.end() {
            break;
        }
        s.truncate(m.start());
        s = s
            .trim_end_matches([' ', ',', ';', ':', '-', '–', '—'])
            .to_string();
    }
    s
}

/// How far before a citation, on its line, a mark still belongs to it.
const MARK_REACH: usize = 48;

/// The marks the words around one citation give it: within the citation
/// (`Hướng dẫn (mật) số 03-HD/HU`), a few words before it on its line
/// (after the citation before it), or in its own words after it (up to the
/// end of its sentence, `own_end`, or the next citation).
fn marks_near(
    body: &str,
    prev_end: usize,
    start: usize,
    end: usize,
    own_end: usize,
) -> (Option<Secrecy>, Option<Urgency>) {
    let line_start = body[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[end..].find('\n').map_or(body.len(), |i| end + i);
    let mut from = start
        .saturating_sub(MARK_REACH)
        .max(line_start)
        .max(prev_end.min(start));
    while !body.is_char_boundary(from) {
        from += 1;
    }
    let mut to = own_end.max(end).min(line_end);
    while !body.is_char_boundary(to) {
        to -= 1;
    }
    let window = &body[from..to];
    let word = |caps: &regex::Captures<'_>| {
        ["p", "c", "w"]
            .iter()
            .find_map(|n| caps.name(n))
            .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let secrecy = SECRECY_NEAR
        .captures_iter(window)
        .filter_map(|c| word(&c))
        .find_map(|w| Secrecy::parse(&w));
    let urgency = URGENCY_NEAR
        .captures_iter(window)
        .filter(|c| c.name("t").is_none())
        .filter_map(|c| word(&c))
        .find_map(|w| Urgency::parse(&w));
    (secrecy, urgency)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_loses_the_stamps_it_ends_with() {
        for (input, subject) in [
            ("công tác nhân sự, HỎA TỐC", "công tác nhân sự"),
            ("bảo vệ nội bộ - TỐI MẬT, HỎA TỐC", "bảo vệ nội bộ"),
            ("công tác X (TỐI MẬT, HỎA TỐC", "công tác X"),
            ("công tác Y (mật)", "công tác Y"),
            ("bảo vệ bí mật nhà nước", "bảo vệ bí mật nhà nước"),
            ("giữ bí mật", "giữ bí mật"),
            ("MẬT", ""),
        ] {
            assert_eq!(without_stamps(input), subject, "{input}");
        }
    }

    #[test]
    fn one_symbol_of_two_places_stays_two_documents() {
        let text = Text::new(
            "Tỉnh ủy Quảng Bình ban hành Công văn số 245-CV/TU, ngày 12/11/2030 về rà soát. \
             Thường trực Tỉnh ủy có Công văn số 245-CV/TU, ngày 12/11/2030 đề nghị thực hiện. \
             Tỉnh ủy Quảng Trị cũng ban hành Công văn số 245-CV/TU, ngày 12/11/2030 về việc khác.",
        );
        let issuers: Vec<Option<String>> = read(&text)
            .directives
            .into_iter()
            .map(|d| d.issuer)
            .collect();
        assert_eq!(
            issuers,
            [
                Some("Tỉnh ủy Quảng Bình".to_string()),
                Some("Tỉnh ủy Quảng Trị".to_string())
            ]
        );
    }
}
