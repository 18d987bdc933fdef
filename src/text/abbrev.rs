//! The abbreviations clerks write for the bodies in unit names (`UBKT` for
//! Ủy ban Kiểm tra, `THCS` for Trung học cơ sở), on fold keys: a reference
//! in either form finds a name written in either form.

/// Each abbreviation and its long form, as fold keys (`fold` gives `hdnd`
/// for `HĐND` and `HDND` alike).
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ubkt", "uy ban kiem tra"),
    ("mttq", "mat tran to quoc"),
    ("hdnd", "hoi dong nhan dan"),
    ("ubnd", "uy ban nhan dan"),
    ("thcs", "trung hoc co so"),
    ("thpt", "trung hoc pho thong"),
];

/// Whether `c` is part of a word of a fold key.
fn in_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// `key` with every abbreviation that stands as a word of its own written
/// out: `chi bo ubnd phuong` → `chi bo uy ban nhan dan phuong`.
pub fn expand(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match ABBREVIATIONS
            .iter()
            .find(|(short, _)| *short == word.as_str())
        {
            Some((_, long)) => out.push_str(long),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in key.chars() {
        if in_word(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// `key` with every long form that stands as words of their own
/// abbreviated: `truong trung hoc co so son loc` → `truong thcs son loc`.
pub fn contract(key: &str) -> String {
    let mut out = key.to_string();
    for (short, long) in ABBREVIATIONS {
        let mut from = 0;
        while let Some(at) = out[from..].find(long).map(|i| i + from) {
            let end = at + long.len();
            let starts = out[..at].chars().next_back().is_none_or(|c| !in_word(c));
            let ends = out[end..].chars().next().is_none_or(|c| !in_word(c));
            if starts && ends {
                out.replace_range(at..end, short);
                from = at + short.len();
            } else {
                from = at + 1;
                while !out.is_char_boundary(from) {
                    from += 1;
                }
            }
        }
    }
    out
}

/// The forms of a fold key to look for: as given, abbreviations written
/// out, long forms abbreviated; each once, the key as given first.
pub fn variants(key: &str) -> Vec<String> {
    let mut forms = vec![key.to_string()];
    for form in [expand(key), contract(key)] {
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn abbreviations_are_written_out_as_words_only() {
        assert_eq!(expand(&fold("Chi bộ UBND")), "chi bo uy ban nhan dan");
        assert_eq!(expand(&fold("HĐND xã")), "hoi dong nhan dan xa");
        assert_eq!(expand("hdnd"), "hoi dong nhan dan");
        assert_eq!(expand("(ubkt) thi uy"), "(uy ban kiem tra) thi uy");
        // Inside a longer word, nothing.
        assert_eq!(expand("ubnds thcsx"), "ubnds thcsx");
        assert_eq!(expand(""), "");
    }

    #[test]
    fn long_forms_are_abbreviated_as_words_only() {
        assert_eq!(
            contract(&fold("Chi bộ Trường Trung học cơ sở Sơn Lộc")),
            "chi bo truong thcs son loc"
        );
        assert_eq!(
            contract(&fold("Ủy ban Kiểm tra, Ủy ban nhân dân")),
            "ubkt, ubnd"
        );
        assert_eq!(contract("xuy ban kiem tra"), "xuy ban kiem tra");
        assert_eq!(contract("trung hoc co son"), "trung hoc co son");
    }

    #[test]
    fn variants_start_with_the_key_and_repeat_nothing() {
        assert_eq!(variants("ngo quyen"), ["ngo quyen"]);
        assert_eq!(variants("ubkt"), ["ubkt", "uy ban kiem tra"]);
        assert_eq!(
            variants("ubkt trung hoc pho thong"),
            [
                "ubkt trung hoc pho thong",
                "uy ban kiem tra trung hoc pho thong",
                "ubkt thpt"
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let key = fold(&s);
            let _ = variants(&key);
        }
    }
}
