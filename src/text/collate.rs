//! Vietnamese sort order (a ă â b c d đ e ê …, tones after letters), from
//! ICU's `vi` tailoring. Names are stored with their sort key so that the
//! database can order them without calling back into Rust.

use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use icu_locale_core::locale;

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        let prefs = CollatorPreferences::from(locale!("vi"));
        CollatorBorrowed::try_new(prefs, CollatorOptions::default())
            .expect("compiled collation data for vi")
    })
}

/// Compares two texts in Vietnamese order.
pub fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    collator().compare(a, b)
}

/// The byte string whose plain byte order is the Vietnamese order of `s`.
pub fn sort_key(s: &str) -> Vec<u8> {
    let mut key = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = collator().write_sort_key_to(s, &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_alphabet_order() {
        let mut names = vec![
            "Xuân Sơn",
            "Đường Lâm",
            "Dương",
            "Ăn",
            "Ân",
            "An",
            "Ơn",
            "Ôn",
            "On",
            "Uy",
            "Ưng",
            "Bá",
            "Ba",
            "Bà",
        ];
        names.sort_by(|a, b| compare(a, b));
        assert_eq!(
            names,
            [
                "An",
                "Ăn",
                "Ân",
                "Ba",
                "Bà",
                "Bá",
                "Dương",
                "Đường Lâm",
                "On",
                "Ôn",
                "Ơn",
                "Uy",
                "Ưng",
                "Xuân Sơn"
            ]
        );
    }

    #[test]
    fn sort_key_agrees_with_compare() {
        let words = ["Đường Lâm", "Dương", "Zeta", "ấp", "Ấp", "a"];
        for a in words {
            for b in words {
                assert_eq!(sort_key(a).cmp(&sort_key(b)), compare(a, b), "{a} vs {b}");
            }
        }
    }
}
