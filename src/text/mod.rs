//! Text as clerks type and paste it: normalization, accent folding, slugs,
//! Vietnamese collation, and the parsers for dates and document symbols.
//! Pure functions only; nothing here touches the database or the terminal.

pub mod collate;
pub mod date;
pub mod symbol;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Normalizes one piece of user text before it is stored or compared:
/// NFC, `Ð`/`ð` (Icelandic eth, often typed for `Đ`) read as `Đ`/`đ`,
/// runs of whitespace collapsed to one space, ends trimmed.
pub fn normalize(s: &str) -> String {
    collapse_whitespace(s.nfc().map(|c| match c {
        '\u{00D0}' => 'Đ',
        '\u{00F0}' => 'đ',
        c => c,
    }))
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

/// The accent-insensitive key of a text: normalized, diacritics removed,
/// `đ` read as `d`, lower case. `Ngô Quyền`, `ngo quyen` and `NGÔ QUYỀN`
/// share one key.
pub fn fold(s: &str) -> String {
    // Lower case first: lowering may itself produce combining marks (`İ`);
    // collapse spaces last: a mark stripped may leave a space at an end.
    // (No NFC first: the decomposition below undoes it anyway.)
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
            .filter(|c| !is_combining_mark(*c))
            .map(|c| if c == 'đ' { 'd' } else { c }),
    )
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
    fn slug_is_ascii() {
        assert_eq!(slug("Đảng bộ phường Ngô Quyền"), "dang-bo-phuong-ngo-quyen");
        assert_eq!(slug("  Chi bộ (Cơ quan) — UBKT "), "chi-bo-co-quan-ubkt");
    }
}
