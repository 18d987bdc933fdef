//! Text as clerks type and paste it: normalization, accent folding, slugs,
//! Vietnamese collation, and the parsers for dates and document symbols.
//! Pure functions only; nothing here touches the database or the terminal.

pub mod abbrev;
pub mod collate;
pub mod date;
pub mod symbol;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Normalizes one piece of user text before it is stored or compared:
/// NFC, `Ð`/`ð` (Icelandic eth, often typed for `Đ`) read as `Đ`/`đ`,
/// runs of whitespace collapsed to one space, ends trimmed.
pub fn normalize(s: &str) -> String {
    // Characters that show nothing (a soft hyphen or zero-width space
    // pasted from a web page or Word) are dropped, so that two names that
    // look alike are one; bidirectional controls stay, to be refused.
    let keep = |c: &char| !is_invisible(*c) || (is_bidi_control(*c) && *c != '\u{FEFF}');
    let eth = |c| match c {
        '\u{00D0}' => 'Đ',
        '\u{00F0}' => 'đ',
        c => c,
    };
    // Text already in NFC (nearly all of it) is not composed again.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        collapse_whitespace(s.chars().filter(keep).map(eth))
    } else {
        collapse_whitespace(s.nfc().filter(keep).map(eth))
    }
}

/// Joins the non-space runs of `chars` with single spaces.
fn collapse_whitespace(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for c in chars {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// A control character that a terminal may act on: C0 (but the whitespace
/// that `normalize` turns into a space), DEL and C1.
pub fn is_control(c: char) -> bool {
    c.is_control()
}

/// A bidirectional embedding, override or isolate (U+202A–U+202E,
/// U+2066–U+2069), which turns the text after it around on screen, or an
/// invisible direction mark (U+200E, U+200F, U+061C) or byte-order mark
/// (U+FEFF) inside a text, which makes two names that look alike differ.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{FEFF}'
    )
}

/// Whether a text has a letter or a digit to read: a text of spaces,
/// zero-width or other format characters, or punctuation only, has none.
pub fn has_letter_or_digit(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// Whether every character of a text is invisible: spaces, zero-width and
/// format characters (U+200B, U+2060, U+FEFF, U+00AD…).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// A character that shows nothing: the zero-width and format characters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// A text as it may be shown on a terminal: each control character and
/// bidirectional control written as a visible escape (`\x1b`, `\u202e`),
/// so that a stored or typed text can neither move the cursor, clear the
/// screen, retitle the window nor turn the line around. Line breaks are
/// kept with `keep_newlines` (a table cell of several lines), else escaped
/// too (one line).
pub fn visible(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    let unsafe_char =
        |c: char| (is_control(c) && !(keep_newlines && c == '\n')) || is_bidi_control(c);
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !unsafe_char(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{:04x}", c as u32));
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A text of at most `max` characters: a longer one is cut and ends in `…`
/// (which counts in the `max`).
pub fn cut(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some(_) => {
            let keep = max.saturating_sub(1);
            let end = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
            std::borrow::Cow::Owned(format!("{}…", &s[..end]))
        }
    }
}

/// The most characters `cut_at_word` gives back to end on a whole word.
const WORD_BACK: usize = 24;

/// As `cut`, after a whole word when the cut would fall inside one (a line
/// a clerk reads to its end).
pub fn cut_at_word(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some(_) => {
            let keep = max.saturating_sub(1);
            let end = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
            let mut head = &s[..end];
            if s[end..].starts_with(|c: char| !c.is_whitespace())
                && let Some(space) = head.rfind(char::is_whitespace)
                && head[space..].chars().count() <= WORD_BACK
                && space > 0
            {
                head = head[..space].trim_end();
            }
            std::borrow::Cow::Owned(format!("{head}…"))
        }
    }
}

/// The accent-insensitive key of a text: normalized, diacritics removed,
/// `đ` read as `d`, lower case. `Ngô Quyền`, `ngo quyen` and `NGÔ QUYỀN`
/// share one key.
pub fn fold(s: &str) -> String {
    // Lower case first: lowering may itself produce combining marks (`İ`);
    // collapse spaces last: a mark stripped may leave a space at an end.
    // (No NFC first: the decomposition below undoes it anyway.)
    if s.is_ascii() {
        return collapse_whitespace(s.chars().map(|c| c.to_ascii_lowercase()));
    }
    // Latin text (Vietnamese is): each character decomposed on its own
    // gives the same letters, since every mark is dropped and the order
    // that NFD gives marks changes nothing else.
    let latin = |c: char| c < '\u{0250}' || ('\u{1E00}'..='\u{1EFF}').contains(&c);
    if s.chars().all(latin) {
        let mut letters = Vec::with_capacity(s.len());
        for c in s.chars() {
            let c = if matches!(c, '\u{00D0}' | '\u{00F0}') {
                'đ'
            } else {
                c
            };
            for lower in c.to_lowercase() {
                unicode_normalization::char::decompose_canonical(lower, |d| {
                    if !is_combining_mark(d) && !is_invisible(d) {
                        letters.push(if d == 'đ' { 'd' } else { d });
                    }
                });
            }
        }
        return collapse_whitespace(letters.into_iter());
    }
    fold_by_nfd(s)
}

/// `fold` of any text: lower case, NFD, marks dropped.
fn fold_by_nfd(s: &str) -> String {
    let lowered: String = s
        .chars()
        .map(|c| match c {
            '\u{00D0}' | '\u{00F0}' => 'đ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    collapse_whitespace(
        lowered
            .nfd()
            .filter(|c| !is_combining_mark(*c) && !is_invisible(*c))
            .map(|c| if c == 'đ' { 'd' } else { c }),
    )
}

/// Whether the fold key `name` holds each of `words` as a whole word, in
/// order, with other words between or none.
pub fn words_in_order(name: &str, words: &[&str]) -> bool {
    let mut wanted = words.iter().peekable();
    for word in name.split_whitespace() {
        if wanted.peek() == Some(&&word) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// An ASCII slug of a text: folded, every run of other characters made one `-`.
/// Used to derive unit and task codes from names.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_makes_nfc_and_collapses_space() {
        let nfd: String = "Ngô Quyền".nfd().collect();
        assert_ne!(nfd, "Ngô Quyền");
        assert_eq!(normalize(&format!("  {nfd}\t\n")), "Ngô Quyền");
        assert_eq!(normalize("\u{00D0}ảng  bộ"), "Đảng bộ");
    }

    #[test]
    fn fold_ignores_case_and_accents() {
        for s in ["Ngô Quyền", "ngo quyen", "NGÔ QUYỀN", "Ngô  Quyền "] {
            assert_eq!(fold(s), "ngo quyen", "{s}");
        }
        assert_eq!(fold("Đường Lâm"), "duong lam");
        assert_eq!(fold("\u{00D0}ường Lâm"), "duong lam");
    }

    proptest::proptest! {
        #[test]
        fn latin_text_folds_as_by_nfd(s in "[\\x{0}-\\x{24F}\\x{1E00}-\\x{1EFF}]{0,40}") {
            proptest::prop_assert_eq!(fold(&s), fold_by_nfd(&s));
        }

        #[test]
        fn fold_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            proptest::prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn normalize_is_idempotent(s in "\\PC{0,40}") {
            let once = normalize(&s);
            proptest::prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn nfc_and_nfd_fold_alike(s in VIETNAMESE_NAME) {
            let nfc: String = s.nfc().collect();
            let nfd: String = s.nfd().collect();
            proptest::prop_assert_eq!(fold(&nfc), fold(&nfd));
            proptest::prop_assert_eq!(normalize(&nfd), normalize(&nfc));
        }

        #[test]
        fn slug_is_ascii_always(s in "\\PC{0,40}") {
            let slug = slug(&s);
            proptest::prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
    }

    /// Words of Vietnamese letters with tones, as unit names are written.
    const VIETNAMESE_NAME: &str = "([aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÔƠƯ][àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵaeiouy]{0,3}[cghmnpt]{0,2} ){1,6}";

    #[test]
    fn fold_found_by_fuzzing() {
        // A combining mark after a space: stripping it leaves a trailing space.
        let s = "\0 \u{301}";
        assert_eq!(fold(s), "\0");
        assert_eq!(fold(&fold(s)), fold(s));
    }

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(
            visible("\x1b]0;pwned\x07\x1b[2J", false),
            "\\x1b]0;pwned\\x07\\x1b[2J"
        );
        assert_eq!(visible("a\u{202E}b\u{9b}", false), "a\\u202eb\\x9b");
        assert_eq!(visible("dòng 1\ndòng 2", true), "dòng 1\ndòng 2");
        assert_eq!(visible("dòng 1\ndòng 2", false), "dòng 1\\x0adòng 2");
        assert!(matches!(
            visible("Ngô Quyền", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_long_text_is_cut_with_an_ellipsis() {
        assert_eq!(cut("Ngô Quyền", 9), "Ngô Quyền");
        assert_eq!(cut("Ngô Quyền", 5), "Ngô …");
        // A line: never inside a word, back to the word before it.
        assert_eq!(cut_at_word("Chi bộ Kho bạc Nhà nước", 12), "Chi bộ Kho…");
        assert_eq!(cut_at_word("xếp loại chất lượng", 14), "xếp loại chất…");
        assert_eq!(cut(&"ộ".repeat(1000), 10).chars().count(), 10);
    }

    #[test]
    fn blank_and_letterless_texts() {
        for s in ["", " ", "\u{200B}", "\u{200B}\u{2060}\u{FEFF}", "\u{00AD}"] {
            assert!(is_blank(s), "{s:?}");
        }
        assert!(!is_blank("a\u{200B}"));
        assert!(!has_letter_or_digit("— … !"));
        assert!(has_letter_or_digit("Chi bộ 1"));
        assert!(has_letter_or_digit("١"));
    }

    #[test]
    fn slug_is_ascii() {
        assert_eq!(slug("Đảng bộ phường Ngô Quyền"), "dang-bo-phuong-ngo-quyen");
        assert_eq!(slug("  Chi bộ (Cơ quan) — UBKT "), "chi-bo-co-quan-ubkt");
    }
}
