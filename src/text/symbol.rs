//! Party document symbols, `NUMBER-TYPE/ISSUER`, in their real-world forms:
//! `188-KH/TU`, `34- ĐA/TU`, `Số: 25-HD/BTCTW`, `số 09 KH/ĐU`, `03-Ctr/TU`,
//! `15-NQ/TƯ`; canonical form `34-ĐA/TU`.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use thiserror::Error;

use crate::text::{fold, normalize};

/// The document type codes in their standard spelling.
pub const TYPE_CODES: &[&str] = &[
    "NQ", "QĐ", "QĐi", "CT", "KL", "QC", "TT", "HD", "TB", "BC", "KH", "CTr", "CTHĐ", "ĐA", "TTr",
    "CV", "BB",
];

/// A parsed number and symbol.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Symbol {
    /// The number as written, leading zeros kept (`09`).
    pub number: String,
    /// The type code in its standard spelling (`CTr`, `QĐ`).
    pub type_code: &'static str,
    /// The issuer code, upper case, `TƯ` read as `TW`.
    pub issuer_code: String,
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}/{}", self.number, self.type_code, self.issuer_code)
    }
}

/// Why a text is not a document symbol.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SymbolError {
    /// Not of the shape `NUMBER-TYPE/ISSUER`.
    #[error("not of the shape NUMBER-TYPE/ISSUER")]
    Shape,
    /// The shape is right but the type code is not a known one.
    #[error("unknown document type code {0}")]
    UnknownType(String),
}

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:số)?\s*:?\s*(\d+)\s*[-–‐]?\s*(\p{L}+)\s*/\s*([\p{L}\p{M}\p{N}]+(?:\s*-\s*[\p{L}\p{M}\p{N}]+)*)$",
    )
    .expect("valid symbol pattern")
});

/// Finds the standard spelling of a type code, whatever its case or accents.
pub fn canonical_type_code(code: &str) -> Option<&'static str> {
    static FOLDED: LazyLock<Vec<(&'static str, String)>> =
        LazyLock::new(|| TYPE_CODES.iter().map(|c| (*c, fold(c))).collect());
    let folded = fold(code);
    FOLDED.iter().find(|(_, f)| *f == folded).map(|(c, _)| *c)
}

/// Parses a number and symbol.
pub fn parse_symbol(input: &str) -> Result<Symbol, SymbolError> {
    let text = normalize(input);
    let caps = SYMBOL.captures(&text).ok_or(SymbolError::Shape)?;
    let number = caps[1].to_string();
    let type_code =
        canonical_type_code(&caps[2]).ok_or_else(|| SymbolError::UnknownType(caps[2].into()))?;
    let issuer_code: String = caps[3]
        .split('-')
        .map(|part| {
            // Upper case may decompose (ǰ → J̌): compose again.
            let part = normalize(&part.trim().to_uppercase());
            if part == "TƯ" {
                "TW".to_string()
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("-");
    Ok(Symbol {
        number,
        type_code,
        issuer_code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real forms and their canonical spelling.
    const GOOD: &[(&str, &str)] = &[
        ("188-KH/TU", "188-KH/TU"),
        ("34- ĐA/TU", "34-ĐA/TU"),
        ("34 - ĐA / TU", "34-ĐA/TU"),
        ("34-\u{00D0}A/TU", "34-ĐA/TU"),
        ("44-QĐ/TU", "44-QĐ/TU"),
        ("45-qđ/tu", "45-QĐ/TU"),
        ("223-KH/TU", "223-KH/TU"),
        ("Số: 25-HD/BTCTW", "25-HD/BTCTW"),
        ("số 09 KH/ĐU", "09-KH/ĐU"),
        ("Số 09-KH/ĐU", "09-KH/ĐU"),
        ("03-Ctr/TU", "03-CTr/TU"),
        ("03-CTR/TU", "03-CTr/TU"),
        ("15-NQ/TƯ", "15-NQ/TW"),
        ("15-nq/tư", "15-NQ/TW"),
        ("08-QĐi/TW", "08-QĐi/TW"),
        ("08-qdi/tw", "08-QĐi/TW"),
        ("147-CTHĐ/TU", "147-CTHĐ/TU"),
        ("10072-CV/BTCTW", "10072-CV/BTCTW"),
        ("124-QĐ/TW", "124-QĐ/TW"),
        ("366-QD/TW", "366-QĐ/TW"),
        ("01-TB/ĐUK", "01-TB/ĐUK"),
        ("12-BC/HU", "12-BC/HU"),
        ("7-TT/TW", "7-TT/TW"),
        ("05-CT/TU", "05-CT/TU"),
        ("21-KL/TW", "21-KL/TW"),
        ("02-QC/TU", "02-QC/TU"),
        ("14-TTr/BTCTU", "14-TTr/BTCTU"),
        ("3-BB/ĐU", "3-BB/ĐU"),
        ("35-da/qu", "35-ĐA/QU"),
        ("120-CV/ĐU-BTC", "120-CV/ĐU-BTC"),
        ("  188-KH/TU  ", "188-KH/TU"),
        ("188–KH/TU", "188-KH/TU"),
    ];

    const BAD: &[&str] = &[
        "",
        "KH/TU",
        "188-KH",
        "188/TU",
        "-KH/TU",
        "Kế hoạch số 223",
        "188-KH/",
        "188-XYZ/TU",
        "188-KH/TU/1",
    ];

    #[test]
    fn real_forms_parse_to_canonical() {
        for (input, canonical) in GOOD {
            let parsed = parse_symbol(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(parsed.to_string(), *canonical, "{input}");
        }
    }

    #[test]
    fn malformed_symbols_are_refused() {
        for input in BAD {
            assert!(parse_symbol(input).is_err(), "{input} parsed");
        }
        assert_eq!(
            parse_symbol("188-XYZ/TU"),
            Err(SymbolError::UnknownType("XYZ".into()))
        );
    }

    proptest::proptest! {
        #[test]
        fn any_symbol_round_trips(
            number in "[0-9]{1,5}",
            type_index in 0..TYPE_CODES.len(),
            issuer in "[A-ZĐ]{1,6}(-[A-ZĐ]{1,4})?",
        ) {
            let symbol = Symbol { number, type_code: TYPE_CODES[type_index], issuer_code: issuer };
            proptest::prop_assert_eq!(parse_symbol(&symbol.to_string()), Ok(symbol.clone()));
            // As pasted: lower case, spaces around the dash, a "Số:" before it.
            let messy = format!("Số: {} - {}/{}", symbol.number, symbol.type_code.to_lowercase(), symbol.issuer_code.to_lowercase());
            proptest::prop_assert_eq!(parse_symbol(&messy), Ok(symbol));
        }

        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = parse_symbol(&s);
            let _ = crate::domain::DirectiveSpec::parse(&s, None);
        }
    }

    #[test]
    fn found_by_fuzzing() {
        // `ǰ` upper-cases to J + combining caron; the canonical form must parse again.
        let s = parse_symbol("Số68- ĐA/bbǰyHDC-db").unwrap();
        assert_eq!(parse_symbol(&s.to_string()), Ok(s));
    }

    #[test]
    fn leading_zeros_are_kept() {
        assert_eq!(parse_symbol("09-KH/ĐU").unwrap().number, "09");
    }
}
