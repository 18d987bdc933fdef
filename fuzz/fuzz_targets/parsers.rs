//! The symbol, date and reference parsers on arbitrary text: they must never
//! panic, and what they accept must print back to something they accept the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use theodoi::domain::{DirectiveSpec, DueRule, UnitKind};
use theodoi::text::date::{format_dmy, parse_date};
use theodoi::text::symbol::parse_symbol;
use theodoi::text::{fold, normalize, slug};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(symbol) = parse_symbol(s) {
        assert_eq!(parse_symbol(&symbol.to_string()), Ok(symbol));
    }
    if let Ok(day) = parse_date(s) {
        assert_eq!(parse_date(&format_dmy(day)), Ok(day));
    }
    let _ = DirectiveSpec::parse(s, None);
    let _ = DueRule::parse(s);
    let _ = UnitKind::parse(s);
    let folded = fold(s);
    assert_eq!(fold(&folded), folded);
    let normalized = normalize(s);
    assert_eq!(normalize(&normalized), normalized);
    let _ = slug(s);
});
