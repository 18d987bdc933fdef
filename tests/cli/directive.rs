use crate::util::{DirectiveRow, Theodoi};

const ST: &str = "Ban Thường vụ Thị ủy Sơn Tây";
const HN: &str = "Ban Thường vụ Thành ủy Hà Nội";

#[test]
fn the_five_directives_are_listed_canonically() {
    let t = Theodoi::son_tay();
    let list: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    let got: Vec<(Option<&str>, &str, &str, &str)> = list
        .iter()
        .map(|d| {
            (
                d.symbol.as_deref(),
                d.doc_type.as_str(),
                d.number.as_str(),
                d.issued_on.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("34-ĐA/TU"), "de-an", "34", "2023-11-06"),
            (Some("188-KH/TU"), "ke-hoach", "188", "2023-11-06"),
            (None, "ke-hoach", "223", "2023-11-23"),
            (Some("44-QĐ/TU"), "quy-dinh", "44", "2023-11-23"),
            (Some("45-QĐ/TU"), "quy-dinh", "45", "2023-11-23"),
        ]
    );
    assert!(
        list.iter()
            .all(|d| !d.title.is_empty() && !d.issuer.is_empty())
    );
}

#[test]
fn same_symbol_from_two_issuers_is_two_directives() {
    let t = Theodoi::new();
    t.ok(&[
        "directive",
        "add",
        "44-QĐ/TU",
        "--type",
        "quy-dinh",
        "--issuer",
        ST,
        "--date",
        "23/11/2023",
        "--title",
        "Đánh giá, xếp loại",
    ]);
    t.ok(&[
        "directive",
        "add",
        "44-QĐ/TU",
        "--issuer",
        HN,
        "--date",
        "02/03/2021",
        "--title",
        "Một văn bản khác",
    ]);
    let list: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    assert_eq!(list.len(), 2);

    let before = t.snapshot();
    // The same one again, typed another way, is refused and named.
    let err = t.fails(&[
        "directive",
        "add",
        "44- qđ/tu",
        "--issuer",
        "ban thuong vu thi uy son tay",
        "--date",
        "23-11-2023",
        "--title",
        "x",
    ]);
    assert!(
        err.contains("đã có: 44-QĐ/TU ngày 23/11/2023 của Ban Thường vụ Thị ủy Sơn Tây"),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);

    // Naming it needs the issuer; the error lists both.
    let err = t.fails(&["directive", "show", "44-QĐ/TU"]);
    assert!(err.contains(ST) && err.contains(HN), "{err}");
    let shown = t.ok(&["directive", "show", "44-QĐ/TU", "--issuer", "Hà Nội"]);
    assert!(shown.contains("02/03/2021"), "{shown}");
}

#[test]
fn a_plan_known_only_by_number() {
    let t = Theodoi::son_tay();
    // The symbol the clerk later learns finds it, and cannot be added again.
    let shown = t.ok(&["directive", "show", "223-KH/TU"]);
    assert!(shown.contains("Kế hoạch số 223"), "{shown}");
    assert!(shown.contains("kiem-diem-2023"), "{shown}");
    let err = t.fails(&[
        "directive",
        "add",
        "223-KH/TU",
        "--issuer",
        ST,
        "--date",
        "23/11/2023",
        "--title",
        "x",
    ]);
    assert!(err.contains("Kế hoạch số 223"), "{err}");
    // A bare number needs a type.
    let err = t.fails(&[
        "directive",
        "add",
        "223",
        "--issuer",
        ST,
        "--date",
        "23/11/2023",
        "--title",
        "x",
    ]);
    assert!(err.contains("--type"), "{err}");
}

#[test]
fn bad_symbols_show_the_expected_shape() {
    let t = Theodoi::new();
    let err = t.fails(&[
        "directive",
        "add",
        "KH/TU 188",
        "--issuer",
        ST,
        "--date",
        "23/11/2023",
        "--title",
        "x",
    ]);
    assert!(
        err.contains("'KH/TU 188'") && err.contains("188-KH/TU"),
        "{err}"
    );
    let err = t.fails(&[
        "directive",
        "add",
        "188-XYZ/TU",
        "--issuer",
        ST,
        "--date",
        "23/11/2023",
        "--title",
        "x",
    ]);
    assert!(err.contains("XYZ") && err.contains("KH"), "{err}");
    let err = t.fails(&[
        "directive",
        "add",
        "188-KH/TU",
        "--issuer",
        " ",
        "--date",
        "23/11/2023",
        "--title",
        "x",
    ]);
    assert!(err.contains("--issuer"), "{err}");
}

/// `QĐ` alone may be a Quyết định or a Quy định: with no one to ask (a
/// script), recorded as before, with a warning naming both and how to say
/// which; with `--type`, nothing to say.
#[test]
fn qd_without_a_type_is_recorded_with_a_warning_in_a_script() {
    let t = Theodoi::new();
    let add = |symbol: &str, more: &[&str]| {
        let mut args = vec![
            "directive",
            "add",
            symbol,
            "--issuer",
            ST,
            "--date",
            "23/11/2023",
            "--title",
            "Đánh giá, xếp loại chất lượng",
        ];
        args.extend(more);
        t.run(&args)
    };
    let run = add("44-QĐ/TU", &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("cảnh báo: 44-QĐ/TU")
            && run.stderr.contains("Quyết định")
            && run.stderr.contains("Quy định")
            && run.stderr.contains("--type quy-dinh")
            && run.stderr.contains("--type quyet-dinh"),
        "{}",
        run.stderr
    );
    let list: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    assert_eq!(list[0].doc_type, "quyet-dinh");
    let run = add("45-QĐ/TU", &["--lang", "en"]);
    assert!(
        run.stderr.starts_with("warning: 45-QĐ/TU") && run.stderr.contains("--type quy-dinh"),
        "{}",
        run.stderr
    );
    // Said which: nothing to warn of; nor for another code.
    for (symbol, more) in [
        ("46-QĐ/TU", &["--type", "quy-dinh"][..]),
        ("47-QĐ/TU", &["--type", "quyet-dinh"]),
        ("48-QĐi/TU", &[]),
        ("188-KH/TU", &[]),
    ] {
        let run = add(symbol, more);
        assert_eq!(
            (run.code, run.stderr.as_str()),
            (0, ""),
            "{symbol}: {run:?}"
        );
    }
}
