//! Vietnamese text as clerks paste it: NFD, Ð for Đ, no accents, sort order.

use crate::util::{DirectiveRow, Theodoi, UnitRow};

/// Decomposed (NFD) spelling of a precomposed text.
fn nfd(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().collect()
}

#[test]
fn nfd_and_eth_are_stored_as_nfc_and_found_either_way() {
    let t = Theodoi::new();
    let issuer = nfd("Ban Thường vụ Thành ủy Hà Nội");
    assert_ne!(issuer, "Ban Thường vụ Thành ủy Hà Nội");
    t.ok(&[
        "directive",
        "add",
        "34- \u{00D0}A/TU",
        "--issuer",
        &issuer,
        "--date",
        "6-11-2023",
        "--title",
        &nfd("Tạo nguồn cán bộ"),
    ]);
    let list: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    assert_eq!(list[0].symbol.as_deref(), Some("34-ĐA/TU"));
    assert_eq!(list[0].issuer, "Ban Thường vụ Thành ủy Hà Nội");
    assert_eq!(list[0].title, "Tạo nguồn cán bộ");
    // The same directive typed precomposed is the same directive.
    let err = t.fails(&[
        "directive",
        "add",
        "34-ĐA/TU",
        "--issuer",
        "Ban Thường vụ Thành ủy Hà Nội",
        "--date",
        "06/11/2023",
        "--title",
        "x",
    ]);
    assert!(err.contains("34-ĐA/TU"), "{err}");

    // A unit stored precomposed is found by its decomposed name, and the reverse.
    t.ok(&[
        "unit",
        "add",
        "Đảng bộ thị xã Sơn Tây",
        "--kind",
        "dang-bo-cap-tren",
        "--code",
        "st",
    ]);
    t.ok(&[
        "unit",
        "add",
        &nfd("Đảng bộ phường Ngô Quyền"),
        "--kind",
        "dang-bo-co-so",
        "--parent",
        &nfd("Sơn Tây"),
    ]);
    t.ok(&[
        "unit",
        "add",
        "Chi bộ tổ dân phố 1",
        "--kind",
        "chi-bo-truc-thuoc",
        "--parent",
        "Ngô Quyền",
        "--code",
        "tdp1",
    ]);
    let units: Vec<UnitRow> = t.json(&["unit", "list"]);
    assert_eq!(units[1].name, "Đảng bộ phường Ngô Quyền");
    assert_eq!(units[2].parent.as_deref(), Some(units[1].code.as_str()));
}

#[test]
fn search_ignores_accents_and_case_on_every_list() {
    let t = Theodoi::son_tay();
    let found: Vec<DirectiveRow> = t.json(&["directive", "list", "--search", "XEP LOAI"]);
    let numbers: Vec<&str> = found.iter().map(|d| d.number.as_str()).collect();
    assert_eq!(numbers, ["223", "44", "45"]);
    let found: Vec<DirectiveRow> = t.json(&["directive", "list", "--search", "ha noi"]);
    assert_eq!(found.len(), 2);
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list", "--search", "kiem diem"]);
    assert_eq!(tasks.len(), 1);
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list", "--search", "luan chuyen"]);
    assert!(tasks.is_empty());
    let units: Vec<UnitRow> = t.json(&["unit", "list", "--search", "SƠN ĐÔNG"]);
    assert_eq!(units.len(), 3);
}

#[test]
fn siblings_are_listed_in_vietnamese_order() {
    let t = Theodoi::new();
    t.ok(&[
        "unit",
        "add",
        "Đảng bộ thị xã Sơn Tây",
        "--kind",
        "dang-bo-cap-tren",
        "--code",
        "st",
    ]);
    // Added in an order that is neither alphabetical nor byte order.
    let names = [
        "Đảng bộ xã Đường Lâm",
        "Đảng bộ xã Xuân Sơn",
        "Đảng bộ xã Dương Liễu",
        "Đảng bộ xã Ơn Hòa",
        "Đảng bộ xã Ông Đình",
        "Đảng bộ xã Ân Thi",
        "Đảng bộ xã An Khánh",
        "Đảng bộ xã Ăn Mòn",
        "Đảng bộ xã Ủng Hòa",
        "Đảng bộ xã Ưng Thành",
        "Đảng bộ xã Cổ Đông",
        "Đảng bộ xã Cò Nòi",
    ];
    for (i, name) in names.iter().enumerate() {
        t.ok(&[
            "unit",
            "add",
            name,
            "--kind",
            "dang-bo-co-so",
            "--parent",
            "st",
            "--code",
            &format!("u{i}"),
        ]);
    }
    let units: Vec<UnitRow> = t.json(&["unit", "list"]);
    let got: Vec<&str> = units[1..].iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        got,
        [
            "Đảng bộ xã An Khánh",
            "Đảng bộ xã Ăn Mòn",
            "Đảng bộ xã Ân Thi",
            "Đảng bộ xã Cò Nòi",
            "Đảng bộ xã Cổ Đông",
            "Đảng bộ xã Dương Liễu",
            "Đảng bộ xã Đường Lâm",
            "Đảng bộ xã Ông Đình",
            "Đảng bộ xã Ơn Hòa",
            "Đảng bộ xã Ủng Hòa",
            "Đảng bộ xã Ưng Thành",
            "Đảng bộ xã Xuân Sơn",
        ]
    );
}
