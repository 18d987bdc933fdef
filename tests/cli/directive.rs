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
        run.stderr.starts_with("Cảnh báo: 44-QĐ/TU")
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

/// A directive added as the text cites it: the type it states wins over
/// the one its symbol's code suggests.
#[test]
fn a_citation_as_written_is_a_directive() {
    let t = Theodoi::new();
    for (citation, issuer) in [
        ("Đề án số 34-ĐA/TU", HN),
        ("Kế hoạch số 223", ST),
        ("Quy định số 44-QĐ/TU", ST),
        ("Quyết định số: 45- QĐ/TU", ST),
        ("chương trình hành động số 03-CTHĐ/TU", ST),
    ] {
        t.ok(&[
            "directive",
            "add",
            citation,
            "--issuer",
            issuer,
            "--date",
            "23/11/2023",
            "--title",
            "x",
        ]);
    }
    let rows: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    let got: Vec<(Option<&str>, &str, &str)> = rows
        .iter()
        .map(|r| (r.symbol.as_deref(), r.doc_type.as_str(), r.number.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("03-CTHĐ/TU"), "chuong-trinh-hanh-dong", "03"),
            (Some("34-ĐA/TU"), "de-an", "34"),
            (None, "ke-hoach", "223"),
            (Some("44-QĐ/TU"), "quy-dinh", "44"),
            (Some("45-QĐ/TU"), "quyet-dinh", "45"),
        ]
    );
    // Found again as cited; a wrong code in a citation is named.
    let shown = t.ok(&["directive", "show", "Quy định số 44-QĐ/TU"]);
    assert!(shown.contains("Quy định"), "{shown}");
    let err = t.fails(&[
        "directive",
        "add",
        "Đề án số 35-XX/TU",
        "--issuer",
        HN,
        "--title",
        "x",
    ]);
    assert!(err.contains("'XX'"), "{err}");
}

/// One row of `directive list --format json`, its date as it comes.
#[derive(Debug, serde::Deserialize)]
struct Dated {
    symbol: Option<String>,
    issued_on: Option<String>,
}

/// A directive whose date the text does not give: recorded without it,
/// shown as such, once only, dated later; the checks against its date wait
/// for it.
#[test]
fn a_directive_with_an_unknown_date() {
    let t = Theodoi::son_tay();
    let add = [
        "directive",
        "add",
        "Đề án số 35-ĐA/TU",
        "--issuer",
        HN,
        "--title",
        "Đào tạo cán bộ",
    ];
    let out = t.ok(&add);
    assert_eq!(
        out,
        "Đã thêm văn bản 35-ĐA/TU (chưa rõ ngày) của Ban Thường vụ Thành ủy Hà Nội\n"
    );
    // Once: the same issuer and symbol, date unknown, is the same directive.
    let before = t.snapshot();
    let err = t.fails(&add);
    assert!(err.contains("đã có: 35-ĐA/TU (chưa rõ ngày)"), "{err}");
    let err = t.fails(&[
        "directive",
        "add",
        "35-ĐA/TU",
        "--issuer",
        "ban thuong vu thanh uy ha noi",
        "--title",
        "y",
    ]);
    assert!(err.contains("đã có"), "{err}");
    assert_eq!(t.snapshot(), before);

    // Shown as unknown: words in tables and Markdown, null in JSON, empty in CSV.
    let table = t.ok(&["directive", "list"]);
    assert!(table.contains("Chưa rõ ngày"), "{table}");
    let md = t.ok(&["directive", "list", "--format", "md", "--lang", "en"]);
    assert!(
        md.contains("| 35-ĐA/TU | Scheme | Ban Thường vụ Thành ủy Hà Nội | Date unknown |"),
        "{md}"
    );
    let rows: Vec<Dated> = t.json(&["directive", "list"]);
    let row = rows
        .iter()
        .find(|r| r.symbol.as_deref() == Some("35-ĐA/TU"))
        .unwrap();
    assert_eq!(row.issued_on, None);
    let json = t.ok(&["directive", "list", "--format", "json"]);
    assert!(json.contains(r#""symbol":"35-ĐA/TU","type":"de-an","number":"35","issuer":"Ban Thường vụ Thành ủy Hà Nội","issued_on":null"#), "{json}");
    let csv = t.ok(&["directive", "list", "--format", "csv"]);
    assert!(
        csv.contains("35-ĐA/TU,de-an,35,Ban Thường vụ Thành ủy Hà Nội,,Đào tạo cán bộ,"),
        "{csv}"
    );
    let shown = t.ok(&["directive", "show", "35-ĐA/TU", "--lang", "en"]);
    assert!(shown.contains("Issued on: date unknown"), "{shown}");

    // With no date to compare with, a task due and a completion at any day are taken.
    t.ok(&[
        "task",
        "add",
        "--directive",
        "35-ĐA/TU",
        "--code",
        "dt",
        "--title",
        "Báo cáo đào tạo",
        "--due",
        "chi-bo-co-so=01/10/2023",
    ]);
    t.ok(&[
        "done",
        "--task",
        "dt",
        "--unit",
        "cb-ubkt",
        "--on",
        "02/10/2023",
    ]);
    // A replacement by it needs a day.
    let err = t.fails(&["directive", "replace", "34-ĐA/TU", "--by", "35-ĐA/TU"]);
    assert!(err.contains("--on") && err.contains("35-ĐA/TU"), "{err}");

    // Dated later; then the same symbol with no date is another record again.
    let out = t.ok(&["directive", "edit", "35-ĐA/TU", "--date", "01/09/2023"]);
    assert!(out.contains("35-ĐA/TU ngày 01/09/2023"), "{out}");
    let rows: Vec<Dated> = t.json(&["directive", "list"]);
    let row = rows
        .iter()
        .find(|r| r.symbol.as_deref() == Some("35-ĐA/TU"))
        .unwrap();
    assert_eq!(row.issued_on.as_deref(), Some("2023-09-01"));
    t.ok(&[
        "directive",
        "replace",
        "34-ĐA/TU",
        "--by",
        "35-ĐA/TU",
        "--force",
    ]);

    // An export carries the unknown date as null and imports as it was.
    t.ok(&[
        "directive",
        "add",
        "Kế hoạch số 9",
        "--issuer",
        ST,
        "--title",
        "z",
    ]);
    let export = t.dir.path().join("x.json");
    t.ok(&["export", export.to_str().unwrap()]);
    let text = std::fs::read_to_string(&export).unwrap();
    assert!(
        text.contains(r#""issued_on": null"#) || text.contains(r#""issued_on":null"#),
        "no null date"
    );
    let copy = Theodoi::new();
    copy.ok(&["import", export.to_str().unwrap()]);
    assert_eq!(
        copy.ok(&["directive", "list", "--format", "json"]),
        t.ok(&["directive", "list", "--format", "json"])
    );
}

/// An issue date set later than a due date of the directive's tasks is
/// refused as `task add` refuses such a due date, unless forced.
#[test]
fn an_issue_date_after_its_tasks_due_is_refused_unless_forced() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let err = t.fails(&[
        "directive",
        "edit",
        "Kế hoạch số 223",
        "--date",
        "01/01/2024",
    ]);
    assert_eq!(
        err,
        "theodoi: thời hạn 06/12/2023 trước ngày ban hành 01/01/2024 của Kế hoạch số 223; cần kiểm tra lại ngày; nếu đúng như vậy thì thêm --force\n"
    );
    assert_eq!(t.snapshot(), before);
    t.ok(&[
        "directive",
        "edit",
        "Kế hoạch số 223",
        "--date",
        "01/01/2024",
        "--force",
    ]);
    // An earlier day needs nothing.
    t.ok(&["undo"]);
    t.ok(&[
        "directive",
        "edit",
        "Kế hoạch số 223",
        "--date",
        "20/11/2023",
    ]);
}

/// `--type` wins only where the code may be either of two (`QĐ`); a type
/// the code contradicts is refused, nothing written.
#[test]
fn a_type_the_symbol_contradicts_is_refused() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let err = t.fails(&[
        "directive",
        "add",
        "16-NQ/TW",
        "--type",
        "ke-hoach",
        "--issuer",
        "Bộ Chính trị",
        "--date",
        "01/01/2024",
        "--title",
        "x",
    ]);
    assert_eq!(
        err,
        "theodoi: '16-NQ/TW': ký hiệu NQ là của Nghị quyết, không phải Kế hoạch; bỏ --type, hoặc kiểm tra lại ký hiệu\n"
    );
    assert_eq!(t.snapshot(), before);
    t.ok(&[
        "directive",
        "add",
        "17-QĐ/TU",
        "--type",
        "quy-dinh",
        "--issuer",
        ST,
        "--date",
        "01/01/2024",
        "--title",
        "x",
    ]);
}

/// The same symbol from the same committee in two years (a yearly plan
/// numbered 01 each January): the issue date after the symbol picks one, in
/// `directive edit` as in every command that takes a directive.
#[test]
fn the_issue_date_after_the_symbol_picks_one_of_two() {
    let t = Theodoi::new();
    t.ok(&["init"]);
    for (date, title) in [
        ("05/01/2023", "Công tác tổ chức xây dựng Đảng năm 2023"),
        ("04/01/2024", "Công tác tổ chức xây dựng Đảng năm 2024"),
    ] {
        t.ok(&[
            "directive",
            "add",
            "01-KH/TU",
            "--issuer",
            ST,
            "--date",
            date,
            "--title",
            title,
        ]);
    }
    let err = t.fails(&["directive", "edit", "01-KH/TU", "--title", "X"]);
    assert!(
        err.contains("ngày 05/01/2023") && err.contains("ứng với nhiều văn bản"),
        "{err}"
    );
    for reference in [
        "01-KH/TU ngày 04/01/2024",
        "01-KH/TU, ngày 4 tháng 1 năm 2024",
        "Kế hoạch số 01-KH/TU (04/01/2024)",
    ] {
        let out = t.ok(&[
            "directive",
            "edit",
            reference,
            "--title",
            "Công tác tổ chức xây dựng Đảng năm 2024 (sửa)",
        ]);
        assert!(!out.is_empty(), "{reference}");
        let list: Vec<DirectiveRow> = t.json(&["directive", "list"]);
        let edited: Vec<&str> = list
            .iter()
            .filter(|d| d.title.ends_with("(sửa)"))
            .map(|d| d.issued_on.as_str())
            .collect();
        assert_eq!(edited, ["2024-01-04"], "{reference}");
        t.ok(&["undo"]);
    }
    // A date that is none of theirs finds none.
    let err = t.fails(&["directive", "show", "01-KH/TU ngày 06/01/2024"]);
    assert!(err.contains("01-KH/TU"), "{err}");
}

/// `CTr` is the code of every chương trình, a Chương trình hành động
/// included: that type is taken with it; a type of another code still is
/// not, nothing written.
#[test]
fn a_programme_of_action_takes_the_code_ctr() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        "04-CTr/TU",
        "--type",
        "chuong-trinh-hanh-dong",
        "--issuer",
        ST,
        "--date",
        "06/11/2020",
        "--title",
        "Thực hiện Nghị quyết Đại hội",
    ]);
    let list: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    assert!(
        list.iter()
            .any(|d| d.symbol.as_deref() == Some("04-CTr/TU")
                && d.doc_type == "chuong-trinh-hanh-dong"),
        "{list:?}"
    );
    let before = t.snapshot();
    let err = t.fails(&[
        "directive",
        "add",
        "05-CTr/TU",
        "--type",
        "ke-hoach",
        "--issuer",
        ST,
        "--date",
        "06/11/2020",
        "--title",
        "x",
    ]);
    assert!(err.contains("05-CTr/TU"), "{err}");
    assert_eq!(t.snapshot(), before);
}
