//! The Party bodies that issue documents, as texts name them: where a
//! name ends (`Ban Thường vụ Tỉnh ủy` in `… của Ban Thường vụ Tỉnh ủy thực
//! hiện …`), its usual spelling (`Bộ chính trị`, `BTV`, a header in
//! capitals), and whether it can be the issuer a symbol's code says
//! (`BTCTW` is the Ban Tổ chức Trung ương, never the Bộ Chính trị).

use std::sync::LazyLock;

use regex::Regex;

use super::re;
use crate::text::fold;

/// The words a body's name starts with (the head of `của …`, of the acting
/// body of a sentence); a few as pages type them with every word
/// capitalised (`Ban Thường Vụ`, `Đảng Ủy`).
pub(super) const HEADS: &str = r"Ban Thường vụ|Ban thường vụ|Ban Chấp hành|Ban chấp hành|Ban Bí thư|Ban bí thư|Bộ Chính trị|Bộ chính trị|Ban Tổ chức|Ban tổ chức|Ban Tuyên giáo|Ban tuyên giáo|Ban Dân vận|Ban dân vận|Ban Nội chính|Ban Kinh tế|Ủy ban Kiểm tra|Uỷ ban Kiểm tra|Ủy ban kiểm tra|Văn phòng|Thường trực|Đảng ủy|Đảng uỷ|Đảng đoàn|Ban cán sự|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|Thị ủy|Thị uỷ|Hội nghị Trung ương|Ban Chấp hành Trung ương|Trung ương|Quân ủy Trung ương|Quân uỷ Trung ương|Ủy ban Thường vụ Quốc hội|Uỷ ban Thường vụ Quốc hội|Quốc hội|Ban Thường Vụ|Ban Chấp Hành|Ban Tổ Chức|Ban Tuyên Giáo|Ban Dân Vận|Đảng Ủy|Đảng Uỷ|Ban TVTU|Ban TVHU|Ban TVQU|Ban TVTHU|BTVTU|BTVHU|BTVQU|BTVTHU|BTV|BCH|UBKT|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|HĐND|Hội đồng bầu cử|Sở|Chính phủ|Thủ tướng Chính phủ";

/// Lower-case words that end a name: the sentence goes on with a verb or a
/// preposition (`… Tỉnh ủy thực hiện …`, `… Bộ Chính trị về …`).
const STOP: &[&str] = &[
    "về", "và", "với", "đã", "vừa", "mới", "đang", "sẽ", "cũng", "theo", "tại", "trong", "cho",
    "để", "nhằm", "của", "do", "ngày", "năm", "số", "khẩn", "kịp", "ký", "là", "có", "được",
    "bằng", "từ", "đến", "trước", "sau", "xong", "nộp", "gửi", "họp", "chọn", "giao", "ra", "vào",
    "như", "thì", "nay", "đối", "gồm", "thay", "cụ", "dự", "tiếp", "làm", "khi", "mà", "cùng",
    "nhất", "ngay", "rà", "yêu", "nêu", "đề", "lãnh", "phát", "duyệt", "thẩm", "hoặc",
];

/// Pairs of lower-case words that end a name where either word alone may
/// be part of one (`thực` in `Tổng công ty Lương thực`, `thực hiện`).
const STOP_PAIRS: &[(&str, &str)] = &[
    ("thực", "hiện"),
    ("triển", "khai"),
    ("hướng", "dẫn"),
    ("quán", "triệt"),
    ("ban", "hành"),
    ("tổ", "chức"),
    ("kiểm", "điểm"),
    ("đánh", "giá"),
    ("chỉ", "đạo"),
    ("xây", "dựng"),
    ("báo", "cáo"),
    ("thông", "báo"),
    ("thông", "qua"),
    ("hội", "nghị"),
    ("đại", "hội"),
    ("chủ", "trì"),
    ("tổng", "kết"),
    ("tổng", "hợp"),
    ("hoàn", "thành"),
    ("hoàn", "thiện"),
    ("tiến", "hành"),
    ("quyết", "định"),
    ("quy", "định"),
    ("trình", "bày"),
    ("sơ", "kết"),
    ("lấy", "ý"),
    ("khẳng", "định"),
    ("nhấn", "mạnh"),
    ("thi", "hành"),
    ("lựa", "chọn"),
    ("phù", "hợp"),
    // `… của Bộ Chính trị trên địa bàn thành phố`: where it applies.
    ("trên", "địa"),
];

/// The name that starts `s` (which starts with one of `HEADS`): its words up
/// to the first that cannot be part of a name, at most twelve. Returns the
/// name as written (trimmed) and its length in bytes.
pub(super) fn name_at(s: &str) -> (String, usize) {
    let mut end = 0;
    let mut words = 0;
    let mut rest = s;
    let mut offset = 0;
    while words < 12 {
        let trimmed = rest.trim_start_matches(' ');
        let skipped = rest.len() - trimmed.len();
        let word_len = trimmed
            .find(|c: char| c.is_whitespace() || ",;:.()“”\"'[]/".contains(c))
            .unwrap_or(trimmed.len());
        if word_len == 0 {
            break;
        }
        let word = &trimmed[..word_len];
        let first = word.chars().next().unwrap_or(' ');
        // The heads' own lower-case words (`ban thường vụ`) are read by the
        // head; past it, a lower-case stop word ends the name.
        if words > 0 && first.is_lowercase() {
            let next = trimmed[word_len..]
                .trim_start_matches(' ')
                .split([' ', ',', ';', '.'])
                .next()
                .unwrap_or("");
            // `Sở Thông tin và Truyền thông`, `Bộ Nội vụ`: a State
            // department's name joins its fields with `và`.
            let joins_fields = word == "và"
                && (s.starts_with("Sở ") || s.starts_with("Bộ "))
                && !s.starts_with("Bộ Chính trị")
                && next.starts_with(char::is_uppercase);
            // `Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh`: so does a
            // bloc's.
            let joins_bloc = word == "và"
                && s[..offset].contains(" Khối ")
                && (next.starts_with(char::is_uppercase) || next == "doanh");
            // `Ban Tuyên giáo và Dân vận Tỉnh ủy`: one department since 2025.
            let joins_merged = word == "và"
                && fold(&s[..offset]).ends_with("ban tuyen giao")
                && fold(next) == "dan";
            // `Ban tổ chức Tỉnh ủy`: the head's own words, in lower case.
            let in_head = words == 1 && (word, next) == ("tổ", "chức") && s.starts_with("Ban ");
            // `… Ban Thường vụ Tỉnh ủy trên cơ sở tiếp thu …`: the sentence
            // goes on (not `Đảng ủy cấp trên cơ sở`, a level's name).
            let goes_on = (word, next) == ("trên", "cơ") && !s[..offset].ends_with(" cấp");
            if (STOP.contains(&word) && !joins_fields && !joins_bloc && !joins_merged)
                || (STOP_PAIRS.contains(&(word, next)) && !in_head)
                || goes_on
            {
                break;
            }
        }
        // A capitalised verb or noun that opens a subject run on after
        // the name (`… Ban Tuyên giáo Trung ương Sơ kết 05 năm …`).
        if words > 0
            && first.is_uppercase()
            && (opens_subject(word, trimmed[word_len..].trim_start_matches(' '))
                || congress_opens_subject(
                    &s[..offset],
                    word,
                    trimmed[word_len..].trim_start_matches(' '),
                ))
        {
            break;
        }
        // A newline ends a name too: a header's body is one line.
        if rest[..skipped].contains('\n') {
            break;
        }
        offset += skipped + word_len;
        end = offset;
        rest = &trimmed[word_len..];
        words += 1;
        if rest.starts_with('\n') {
            break;
        }
    }
    // "Ban Thường vụ Huyện ủy nhiệm kỳ 2020-2025": a term is no part of a name.
    let mut name = s[..end].trim().to_string();
    // Nor is a congress's number after a đảng bộ's name (`Đảng bộ tỉnh lần
    // thứ XVII`).
    if fold(&name).starts_with("dang bo ")
        && let Some(at) = name.find(" lần thứ")
    {
        name.truncate(at);
    }
    for tail in [" nhiệm kỳ", " khóa", " khoá"] {
        if let Some(at) = name.find(tail)
            && !name[at + tail.len()..]
                .trim_start()
                .starts_with(char::is_uppercase)
        {
            name.truncate(at);
        }
    }
    (name, end)
}

/// A committee's name with the signer's own name after it (`Bí thư Thành
/// ủy Hà Nội Hoàng Trung Hải vừa ký ban hành …`): the committee alone. A
/// person's name is its last two to four words, all capitalised, the first
/// a family name, after a committee head and its place's name.
pub(super) fn without_signer(name: &str) -> String {
    const FAMILY: &[&str] = &[
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lâm", "Mai", "Trịnh", "Đoàn", "Lương",
        "Cao", "Tạ", "Chu", "Đào", "Thái", "Tô", "Quách", "Triệu", "Lưu", "Vương", "Kiều", "Tăng",
        "Nông", "Lò", "Hà",
    ];
    static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^(?:Tỉnh|Thành|Huyện|Quận|Thị)\s+[uủ]ỷ?y?\s+|^Đảng\s+[uủ]ỷ?y?\s+(?:xã|phường|thị trấn)\s+",
        )
    });
    let Some(head) = COMMITTEE.find(name) else {
        return name.to_string();
    };
    let words: Vec<&str> = name[head.end()..].split_whitespace().collect();
    let starts = (1..words.len()).filter(|&i| {
        let person = &words[i..];
        // `Thành ủy thành phố Hồ Chí Minh`: the place's own name comes
        // first.
        let place_named = words[..i]
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        FAMILY.contains(&words[i])
            && place_named
            && (2..=4).contains(&person.len())
            && person
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    });
    // A family name may end a place (`Sơn Hà`) or open a given name
    // (`Trần Lưu Quang`): a name of three words is the likeliest, then of
    // four, then of two.
    let rank = |i: &usize| match words.len() - i {
        3 => 0,
        4 => 1,
        _ => 2,
    };
    if let Some(i) = starts.min_by_key(rank) {
        return format!("{}{}", &name[..head.end()], words[..i].join(" "));
    }
    name.to_string()
}

/// A name cut by the end of a hard-wrapped line (`… của huyện uỷ Lục` /
/// `Ngạn về việc …`, text copied out of a printed page): the capitalised
/// words that open the next line join it, where the line is a long one of
/// running text and the name stops inside a proper name. `at` is where the
/// name starts in `body`, `len` its length as read.
pub(super) fn wrapped(body: &str, at: usize, name: String, len: usize) -> String {
    let end = at + len;
    let Some(after) = body.get(end..) else {
        return name;
    };
    let Some(next_line) = after.trim_start_matches([' ', '\t']).strip_prefix('\n') else {
        return name;
    };
    let line_start = body[..at].rfind('\n').map_or(0, |i| i + 1);
    let last_word = name.rsplit(' ').next().unwrap_or("");
    let last_capitalised = last_word.chars().next().is_some_and(char::is_uppercase);
    if body[line_start..end].chars().count() < 50 || !last_capitalised || name.len() < 2 {
        return name;
    }
    let mut out = name;
    let line = next_line.split('\n').next().unwrap_or("");
    for raw in line.split(' ').take(3) {
        let word = raw.trim_end_matches([',', ';', '.', ':', ')']);
        let mut letters = word.chars();
        let proper = letters.next().is_some_and(char::is_uppercase)
            && letters.any(char::is_lowercase)
            && word.chars().all(char::is_alphabetic);
        if !proper {
            break;
        }
        out.push(' ');
        out.push_str(word);
        if raw.len() != word.len() {
            break;
        }
    }
    out
}

/// Whether `word` (capitalised) and the words after it open a document's
/// subject, not a part of a name: `Sơ kết`, `Tổng kết`, `Hướng dẫn`,
/// `Thực hiện`, `Về`. Words a body's name may hold (`Tổ chức`, `Chỉ đạo`,
/// `Kiểm tra`) are not among them.
fn opens_subject(word: &str, rest: &str) -> bool {
    const PAIRS: &[(&str, &str)] = &[
        ("Sơ", "kết"),
        ("Tổng", "kết"),
        ("Hướng", "dẫn"),
        ("Thực", "hiện"),
        ("Triển", "khai"),
        ("Quán", "triệt"),
        ("Kiểm", "điểm"),
        ("Đánh", "giá"),
        ("Tiếp", "tục"),
        ("Tăng", "cường"),
        ("Nâng", "cao"),
    ];
    let next = rest.split([' ', ',', ';', '.', '\n']).next().unwrap_or("");
    word == "Về" || PAIRS.contains(&(word, next))
}

/// Whether a capitalised `Đại hội` after the words `before` of a name opens
/// its subject (`Quận ủy Đống Đa Đại hội Đảng bộ các cấp …`, written with
/// no `về`), not a congress's own body (`Ban Tổ chức Đại hội`, `Đoàn Chủ
/// tịch Đại hội`).
fn congress_opens_subject(before: &str, word: &str, rest: &str) -> bool {
    let next = rest.split([' ', ',', ';', '.', '\n']).next().unwrap_or("");
    (word, next) == ("Đại", "hội") && !before.ends_with(" chức") && !before.ends_with(" tịch")
}

/// The usual spelling of a body's name: `BTV` and `BCH` written out, the
/// central bodies with their capitals (`Bộ chính trị` → `Bộ Chính trị`), a
/// name in capitals (a header) in the case the body writes itself.
pub(super) fn canonical(name: &str) -> String {
    let name = name.trim();
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 3 && letters.iter().all(|c| !c.is_lowercase());
    let mut out = if all_caps {
        from_capitals(name)
    } else {
        name.to_string()
    };
    static ABBREV: LazyLock<Vec<(Regex, &str)>> = LazyLock::new(|| {
        [
            // `Ban TVTU`, `BTVHU`: the standing committee of the Tỉnh ủy,
            // the Huyện ủy, the Quận ủy, the Thành ủy.
            (r"\b(?:Ban\s+TV|BTV)TU\b", "Ban Thường vụ Tỉnh ủy"),
            (r"\b(?:Ban\s+TV|BTV)HU\b", "Ban Thường vụ Huyện ủy"),
            (r"\b(?:Ban\s+TV|BTV)QU\b", "Ban Thường vụ Quận ủy"),
            (r"\b(?:Ban\s+TV|BTV)THU\b", "Ban Thường vụ Thành ủy"),
            (r"\bBTV\b", "Ban Thường vụ"),
            (r"\bBCH\b", "Ban Chấp hành"),
            (r"\bUBKT\b", "Ủy ban Kiểm tra"),
            (r"(?i)\bbộ chính trị\b", "Bộ Chính trị"),
            (r"(?i)\bban bí thư\b", "Ban Bí thư"),
            (
                r"(?i)\bban chấp hành trung ương\b",
                "Ban Chấp hành Trung ương",
            ),
            (r"(?i)^ban thường vụ\b", "Ban Thường vụ"),
            (r"(?i)^ban tổ chức\b", "Ban Tổ chức"),
            // Every word capitalised, as some pages type a name:
            // `Đảng Bộ phường …`, `Ban Chấp Hành Đảng Ủy …`.
            (r"\bĐảng Bộ\b", "Đảng bộ"),
            (r"\bĐảng Ủy\b", "Đảng ủy"),
            (r"\bĐảng Uỷ\b", "Đảng uỷ"),
            (r"\bBan Chấp Hành\b", "Ban Chấp hành"),
            (r"\bBan Thường Vụ\b", "Ban Thường vụ"),
            (r"\bBan Tuyên Giáo\b", "Ban Tuyên giáo"),
            (r"\bBan Dân Vận\b", "Ban Dân vận"),
            (r"\b(Ủy|Uỷ) Ban Kiểm Tra\b", "$1 ban Kiểm tra"),
            // `Ban Tổ chức Ban Chấp hành Trung ương`, as a document portal
            // writes the issuer: the Ban Tổ chức Trung ương.
            (
                r"^(Ban (?:Tổ chức|Tuyên giáo và Dân vận|Tuyên giáo|Dân vận|Nội chính|Kinh tế)|Ủy ban Kiểm tra) Ban Chấp hành Trung ương$",
                "$1 Trung ương",
            ),
        ]
        .into_iter()
        .map(|(p, r)| (re(p), r))
        .collect()
    });
    for (pattern, replacement) in ABBREV.iter() {
        if let std::borrow::Cow::Owned(replaced) = pattern.replace_all(&out, *replacement) {
            out = replaced;
        }
    }
    // `huyện uỷ Lục Ngạn`: a name starts with a capital.
    if out.starts_with(char::is_lowercase) {
        let mut chars = out.chars();
        if let Some(first) = chars.next() {
            out = first.to_uppercase().chain(chars).collect();
        }
    }
    out
}

/// A name in capitals, as a header prints it, in ordinary case:
/// `HUYỆN ỦY ĐAN PHƯỢNG` → `Huyện ủy Đan Phượng`, `ĐẢNG ỦY XÃ LA BẰNG` →
/// `Đảng ủy xã La Bằng`, `BAN TỔ CHỨC TRUNG ƯƠNG` → `Ban Tổ chức Trung ương`.
pub(super) fn from_capitals(name: &str) -> String {
    const PHRASES: &[&str] = &[
        "Ban Chấp hành",
        "Ban Thường vụ",
        "Ban Tổ chức",
        "Ban Tuyên giáo và Dân vận",
        "Ban Tuyên giáo",
        "Ban Dân vận",
        "Ban Nội chính",
        "Ban Bí thư",
        "Bộ Chính trị",
        "Quân ủy Trung ương",
        "Quân uỷ Trung ương",
        "Đảng ủy Quân sự Trung ương",
        "Đảng ủy Công an Trung ương",
        "Ủy ban Thường vụ Quốc hội",
        "Ủy ban Kiểm tra",
        "Uỷ ban Kiểm tra",
        "Văn phòng",
        "Trung ương",
        "Thường trực",
        "Đảng ủy Khối",
        "Đảng uỷ Khối",
        "Đảng ủy",
        "Đảng uỷ",
        "Đảng bộ",
    ];
    // After these, the rest is a place name.
    const COMMITTEES: &[&str] = &[
        "Tỉnh ủy",
        "Tỉnh uỷ",
        "Thành ủy",
        "Thành uỷ",
        "Thị ủy",
        "Thị uỷ",
        "Huyện ủy",
        "Huyện uỷ",
        "Quận ủy",
        "Quận uỷ",
    ];
    const LEVELS: &[&str] = &[
        "thị trấn",
        "thành phố",
        "thị xã",
        "xã",
        "phường",
        "huyện",
        "quận",
        "tỉnh",
    ];
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let starts = |at: usize, phrase: &str| -> Option<usize> {
        let parts: Vec<String> = phrase.split(' ').map(str::to_lowercase).collect();
        (words.len() >= at + parts.len() && parts.iter().zip(&words[at..]).all(|(a, b)| a == b))
            .then_some(parts.len())
    };
    let mut out: Vec<String> = Vec::new();
    let mut place = false;
    let mut i = 0;
    'words: while i < words.len() {
        // `THÀNH ỦY THÀNH PHỐ HỒ CHÍ MINH`: the place's level opens it.
        if place && out.last().is_some_and(|w| COMMITTEES.contains(&w.as_str())) {
            for level in LEVELS {
                if let Some(n) = starts(i, level) {
                    out.push(capitalize(level));
                    i += n;
                    continue 'words;
                }
            }
        }
        if place {
            out.push(capitalize(words[i]));
            i += 1;
            continue;
        }
        for phrase in COMMITTEES.iter().chain(PHRASES) {
            if let Some(n) = starts(i, phrase) {
                out.push((*phrase).to_string());
                place = COMMITTEES.contains(phrase);
                i += n;
                continue 'words;
            }
        }
        for level in LEVELS {
            if let Some(n) = starts(i, level) {
                out.push((*level).to_string());
                place = true;
                i += n;
                continue 'words;
            }
        }
        out.push(words[i].to_string());
        i += 1;
    }
    capitalize(&out.join(" "))
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A body's part of the Party apparatus, as a symbol's issuer code says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The committee itself (or its standing committee, its congress).
    Committee,
    ToChuc,
    TuyenGiao,
    DanVan,
    /// The Ban Tuyên giáo and the Ban Dân vận merged into one in 2025.
    TuyenGiaoDanVan,
    KiemTra,
    VanPhong,
    NoiChinh,
}

/// The level of a committee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Central,
    /// Tỉnh ủy, Thành ủy, Thị ủy: the code `TU`.
    Province,
    District,
    Urban,
    /// An đảng ủy (of a commune, an agency, an enterprise).
    PartyCommittee,
    /// A đảng ủy khối.
    Bloc,
    /// The Quân ủy Trung ương (`QUTW`), named Đảng ủy Quân sự Trung ương
    /// (`ĐUQSTW`) before 2011.
    Military,
    /// The Đảng ủy Công an Trung ương (`ĐUCA`).
    Police,
}

/// What an issuer code says: `BTCTW` → (Ban Tổ chức, central).
fn read_code(code: &str) -> Option<(Part, Level)> {
    let code = fold(code).to_uppercase();
    let parts = [
        ("BTGDV", Part::TuyenGiaoDanVan),
        ("BTC", Part::ToChuc),
        ("BTG", Part::TuyenGiao),
        ("BDV", Part::DanVan),
        ("UBKT", Part::KiemTra),
        ("VP", Part::VanPhong),
        ("BNC", Part::NoiChinh),
    ];
    let (part, rest) = parts
        .iter()
        .find_map(|(prefix, part)| code.strip_prefix(prefix).map(|rest| (*part, rest)))
        .unwrap_or((Part::Committee, code.as_str()));
    let level = match rest {
        "TW" => Level::Central,
        "TU" => Level::Province,
        "HU" => Level::District,
        "QU" => Level::Urban,
        "DU" => Level::PartyCommittee,
        "DUK" => Level::Bloc,
        "QUTW" | "DUQSTW" => Level::Military,
        "DUCA" | "DUCATW" => Level::Police,
        _ => return None,
    };
    Some((part, level))
}

/// What a name says of its body: its part and level, where it says them.
fn read_name(issuer: &str) -> (Part, Option<Level>) {
    let f = fold(issuer);
    let has = |w: &str| f.contains(w);
    let part = if has("ban to chuc") {
        Part::ToChuc
    } else if has("ban tuyen giao va dan van") {
        Part::TuyenGiaoDanVan
    } else if has("ban tuyen giao") {
        Part::TuyenGiao
    } else if has("ban dan van") {
        Part::DanVan
    } else if has("uy ban kiem tra") || has("ubkt") {
        Part::KiemTra
    } else if has("van phong") {
        Part::VanPhong
    } else if has("ban noi chinh") {
        Part::NoiChinh
    } else {
        Part::Committee
    };
    // `quan uy` is also a Quận ủy's name folded: the central one first.
    let level = if has("quan uy trung uong") || has("dang uy quan su trung uong") {
        Some(Level::Military)
    } else if has("dang uy cong an trung uong") {
        Some(Level::Police)
    } else if has("trung uong") || has("bo chinh tri") || has("ban bi thu") {
        Some(Level::Central)
    } else if has("tinh uy")
        || has("thanh uy")
        || has("thi uy")
        || has("dang bo tinh")
        || has("dang bo thanh pho")
        || has("dang bo thi xa")
    {
        Some(Level::Province)
    } else if has("huyen uy") || has("dang bo huyen") {
        Some(Level::District)
    } else if has("quan uy") || has("dang bo quan") {
        Some(Level::Urban)
    } else if has("dang uy khoi") {
        Some(Level::Bloc)
    } else if has("dang uy") {
        Some(Level::PartyCommittee)
    } else {
        None
    };
    (part, level)
}

/// The place a committee's name gives, folded, its level's word left out:
/// `Tỉnh ủy Nghệ An` → `nghe an`; empty where it names none (`Thường trực
/// Tỉnh ủy`).
fn place(issuer: &str) -> String {
    const COMMITTEES: &[&str] = &[
        "tinh uy", "thanh uy", "thi uy", "huyen uy", "quan uy", "dang uy", "dang bo",
    ];
    const LEVELS: &[&str] = &[
        "thi tran ",
        "thanh pho ",
        "thi xa ",
        "xa ",
        "phuong ",
        "huyen ",
        "quan ",
        "tinh ",
    ];
    let f = fold(issuer);
    let Some(after) = COMMITTEES
        .iter()
        .filter_map(|c| f.rfind(c).map(|at| at + c.len()))
        .max()
    else {
        return String::new();
    };
    let rest = f[after..].trim();
    let rest = LEVELS
        .iter()
        .find_map(|l| rest.strip_prefix(l))
        .unwrap_or(rest);
    rest.trim().to_string()
}

/// Whether two names can be one body's: the same part and level, and no
/// two places (`Tỉnh ủy Nghệ An` and `Thường trực Tỉnh ủy` can; `Tỉnh ủy
/// Nghệ An` and `Tỉnh ủy Hà Tĩnh`, `Tỉnh ủy` and `Ban Tổ chức Tỉnh ủy`
/// cannot).
pub(super) fn one_body(a: &str, b: &str) -> bool {
    let (pa, pb) = (place(a), place(b));
    read_name(a) == read_name(b) && (pa.is_empty() || pb.is_empty() || pa == pb)
}

/// Whether the name `a` says more of its body than `b`: it gives the
/// place `b` does not, or it holds `b` whole. Words in small letters
/// after all of `b` are the sentence run on, not more of the name (`Bộ
/// Chính trị ở các địa phương`).
pub(super) fn says_more(a: &str, b: &str) -> bool {
    let (pa, pb) = (place(a), place(b));
    if pa.is_empty() != pb.is_empty() {
        return !pa.is_empty();
    }
    if let Some(rest) = a.strip_prefix(b)
        && rest.trim_start().starts_with(char::is_lowercase)
    {
        return false;
    }
    let (fa, fb) = (fold(a), fold(b));
    fa.len() > fb.len() && fa.contains(&fb)
}

/// Whether `issuer` can have issued a document with issuer code `code`.
/// `None` when the code is not one this reads (`TWĐTN-VP`). `tu_written`:
/// the code was written `TƯ`, which some committees type for `TU`.
pub(super) fn fits(code: &str, issuer: &str, tu_written: bool) -> Option<bool> {
    let (part, level) = read_code(code)?;
    let (name_part, name_level) = read_name(issuer);
    if name_part != part {
        return Some(false);
    }
    Some(match name_level {
        None => true,
        Some(l) if l == level => true,
        Some(Level::Province) => tu_written && level == Level::Central,
        Some(Level::Bloc) => level == Level::PartyCommittee,
        Some(Level::PartyCommittee) => level == Level::Bloc,
        Some(_) => false,
    })
}

/// The body a code names, for a clerk to confirm: the committee of that
/// level the text names if it names exactly one (`Thị ủy Sơn Tây` for
/// `TU`), else the level's usual name.
pub(super) fn hint(code: &str, committees: &[String]) -> Option<String> {
    let (part, level) = read_code(code)?;
    let named: Vec<&String> = committees
        .iter()
        .filter(|c| read_name(c).1 == Some(level))
        .collect();
    let committee = match (level, named.as_slice()) {
        (Level::Central, _) => "Trung ương".to_string(),
        (Level::Military, _) if fold(code).to_uppercase().starts_with("DUQS") => {
            "Đảng ủy Quân sự Trung ương".to_string()
        }
        (Level::Military, _) => "Quân ủy Trung ương".to_string(),
        (Level::Police, _) => "Đảng ủy Công an Trung ương".to_string(),
        (_, [one]) => (*one).clone(),
        (Level::Province, _) => "Tỉnh ủy/Thành ủy/Thị ủy".to_string(),
        (Level::District, _) => "Huyện ủy".to_string(),
        (Level::Urban, _) => "Quận ủy".to_string(),
        (Level::PartyCommittee, _) => "Đảng ủy".to_string(),
        (Level::Bloc, _) => "Đảng ủy Khối".to_string(),
    };
    Some(match part {
        Part::Committee => committee,
        Part::ToChuc => format!("Ban Tổ chức {committee}"),
        Part::TuyenGiao => format!("Ban Tuyên giáo {committee}"),
        Part::DanVan => format!("Ban Dân vận {committee}"),
        Part::TuyenGiaoDanVan => format!("Ban Tuyên giáo và Dân vận {committee}"),
        Part::KiemTra => format!("Ủy ban Kiểm tra {committee}"),
        Part::VanPhong if level == Level::Central => "Văn phòng Trung ương Đảng".to_string(),
        Part::VanPhong => format!("Văn phòng {committee}"),
        Part::NoiChinh => format!("Ban Nội chính {committee}"),
    })
}

/// The committees a text names with their place (`Thị ủy Sơn Tây`, `Đảng ủy
/// xã Tân Lập`), each once, in order.
pub(super) fn committees(body: &str) -> Vec<String> {
    static COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"\b(?:Tỉnh|Thành|Thị|Huyện|Quận) [uủ]ỷ?y?(?: \p{Lu}\p{L}*)+|\bĐảng [uủ]ỷ?y? (?:xã|phường|thị trấn)(?: \p{Lu}\p{L}*)+",
        )
    });
    let mut out: Vec<String> = Vec::new();
    for m in COMMITTEE.find_iter(body) {
        let name = m.as_str().to_string();
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_end_where_the_sentence_goes_on() {
        for (text, name) in [
            (
                "Ban Thường vụ Tỉnh ủy thực hiện Kết luận",
                "Ban Thường vụ Tỉnh ủy",
            ),
            ("Bộ Chính trị về đại hội", "Bộ Chính trị"),
            ("Ban Bí thư (khóa XI) về", "Ban Bí thư"),
            (
                "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh đã khẩn trương",
                "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh",
            ),
            ("Quận ủy Hà Đông về “Tổ chức", "Quận ủy Hà Đông"),
            (
                "Ban Thường vụ Thị ủy Sơn Tây tổ chức hội nghị",
                "Ban Thường vụ Thị ủy Sơn Tây",
            ),
            (
                "Hội nghị Trung ương 5 khóa XIII về",
                "Hội nghị Trung ương 5 khóa XIII",
            ),
            ("Ban Tổ chức Thành ủy ban hành", "Ban Tổ chức Thành ủy"),
            (
                "Ban Thường vụ Đảng ủy Tổng công ty Lương thực đã ban hành",
                "Ban Thường vụ Đảng ủy Tổng công ty Lương thực",
            ),
            (
                "Ban Tuyên giáo Trung ương Sơ kết 05 năm thực hiện",
                "Ban Tuyên giáo Trung ương",
            ),
            (
                "Ban Tuyên giáo Tỉnh ủy Hướng dẫn tổ chức",
                "Ban Tuyên giáo Tỉnh ủy",
            ),
            ("Ban Tổ chức Trung ương về", "Ban Tổ chức Trung ương"),
            ("Ban tổ chức Tỉnh ủy về việc", "Ban tổ chức Tỉnh ủy"),
            (
                "Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ về việc",
                "Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ",
            ),
            ("Ban Tuyên giáo và các ban đảng", "Ban Tuyên giáo"),
            ("Bộ Chính trị trên địa bàn tỉnh", "Bộ Chính trị"),
            ("Quân ủy Trung ương về", "Quân ủy Trung ương"),
            ("Đảng bộ tỉnh lần thứ XVII về", "Đảng bộ tỉnh"),
        ] {
            assert_eq!(name_at(text).0, name, "{text}");
        }
    }

    #[test]
    fn usual_spellings() {
        assert_eq!(canonical("Bộ chính trị"), "Bộ Chính trị");
        assert_eq!(canonical("BTV Huyện ủy"), "Ban Thường vụ Huyện ủy");
        assert_eq!(canonical("Ban TVTU"), "Ban Thường vụ Tỉnh ủy");
        assert_eq!(canonical("BTVHU Hải Hậu"), "Ban Thường vụ Huyện ủy Hải Hậu");
        assert_eq!(canonical("HUYỆN ỦY ĐAN PHƯỢNG"), "Huyện ủy Đan Phượng");
        assert_eq!(canonical("ĐẢNG ỦY XÃ LA BẰNG"), "Đảng ủy xã La Bằng");
        assert_eq!(
            canonical("BAN TỔ CHỨC TRUNG ƯƠNG"),
            "Ban Tổ chức Trung ương"
        );
        assert_eq!(
            canonical("BAN TỔ CHỨC HUYỆN ỦY ĐAN PHƯỢNG"),
            "Ban Tổ chức Huyện ủy Đan Phượng"
        );
        assert_eq!(
            canonical("TỈNH ỦY THỪA THIÊN HUẾ"),
            "Tỉnh ủy Thừa Thiên Huế"
        );
        assert_eq!(canonical("BỘ CHÍNH TRỊ"), "Bộ Chính trị");
        assert_eq!(canonical("Đảng Bộ phường Sa Pa"), "Đảng bộ phường Sa Pa");
        assert_eq!(
            canonical("Ban Thường Vụ Đảng Ủy xã An Hòa"),
            "Ban Thường vụ Đảng ủy xã An Hòa"
        );
        assert_eq!(canonical("QUÂN ỦY TRUNG ƯƠNG"), "Quân ủy Trung ương");
        assert_eq!(
            canonical("THÀNH ỦY THÀNH PHỐ HẢI PHÒNG"),
            "Thành ủy Thành phố Hải Phòng"
        );
    }

    #[test]
    fn codes_check_issuers() {
        assert_eq!(fits("TW", "Bộ Chính trị", false), Some(true));
        assert_eq!(fits("BTCTW", "Bộ Chính trị", false), Some(false));
        assert_eq!(fits("BTCTW", "Ban Tổ chức Trung ương", false), Some(true));
        assert_eq!(fits("TW", "Ban Thường vụ Tỉnh ủy", false), Some(false));
        assert_eq!(fits("TW", "Tỉnh ủy", true), Some(true));
        assert_eq!(
            fits("TU", "Ban Thường vụ Thị ủy Sơn Tây", false),
            Some(true)
        );
        assert_eq!(fits("ĐU", "Đảng ủy phường Vạn Phúc", false), Some(true));
        assert_eq!(fits("TU", "Ban Thường vụ", false), Some(true));
        assert_eq!(fits("TWĐTN-VP", "Ban Bí thư", false), None);
        // The department merged in 2025, told from the two it replaced.
        let merged = "Ban Tuyên giáo và Dân vận Tỉnh ủy";
        assert_eq!(fits("BTGDVTU", merged, false), Some(true));
        assert_eq!(fits("BTGTU", merged, false), Some(false));
        assert_eq!(
            fits("BTGDVTU", "Ban Tuyên giáo Tỉnh ủy", false),
            Some(false)
        );
        assert_eq!(fits("BDVTU", "Ban Dân vận Tỉnh ủy", false), Some(true));
        assert_eq!(
            fits("BTGDVTW", "Ban Tuyên giáo và Dân vận Trung ương", false),
            Some(true)
        );
        assert_eq!(
            hint("BTGDVHU", &[]).as_deref(),
            Some("Ban Tuyên giáo và Dân vận Huyện ủy")
        );
        assert_eq!(
            canonical("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY"),
            "Ban Tuyên giáo và Dân vận Tỉnh ủy"
        );
        assert!(one_body("Tỉnh ủy Nghệ An", "Thường trực Tỉnh ủy"));
        assert!(one_body("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy Hà Tĩnh"));
        assert!(!one_body("Tỉnh ủy Nghệ An", "Tỉnh ủy Hà Tĩnh"));
        assert!(!one_body("Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"));
        assert!(!one_body("Huyện ủy Ba Vì", "Tỉnh ủy"));
        assert!(says_more("Tỉnh ủy Nghệ An", "Thường trực Tỉnh ủy"));
        assert!(!says_more("Thường trực Tỉnh ủy", "Tỉnh ủy Nghệ An"));
        assert!(says_more("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy"));
        // The central committees of the army and of the police.
        assert_eq!(fits("QUTW", "Quân ủy Trung ương", false), Some(true));
        assert_eq!(fits("TW", "Quân ủy Trung ương", false), Some(false));
        assert_eq!(fits("QU", "Quân ủy Trung ương", false), Some(false));
        assert_eq!(fits("ĐUQSTW", "Quân ủy Trung ương", false), Some(true));
        assert_eq!(
            fits("ĐUCA", "Ban Thường vụ Đảng ủy Công an Trung ương", false),
            Some(true)
        );
        assert_eq!(hint("QUTW", &[]).as_deref(), Some("Quân ủy Trung ương"));
        assert_eq!(
            hint("ĐUQSTW", &[]).as_deref(),
            Some("Đảng ủy Quân sự Trung ương")
        );
        assert_eq!(
            hint("ĐUCA", &[]).as_deref(),
            Some("Đảng ủy Công an Trung ương")
        );
        assert!(!says_more("Bộ Chính trị ở các xã", "Bộ Chính trị"));
        let named = vec!["Thị ủy Sơn Tây".to_string()];
        assert_eq!(hint("TU", &named).as_deref(), Some("Thị ủy Sơn Tây"));
        assert_eq!(
            hint("BTCTW", &named).as_deref(),
            Some("Ban Tổ chức Trung ương")
        );
    }
}
