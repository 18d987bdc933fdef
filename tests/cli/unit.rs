use crate::util::{Theodoi, UnitRow, repo_file};

#[test]
fn import_then_list_in_tree_order() {
    let t = Theodoi::son_tay();
    let units: Vec<UnitRow> = t.json(&["unit", "list"]);
    assert_eq!(units.len(), 59);
    assert_eq!(
        (units[0].code.as_str(), units[0].parent.as_deref()),
        ("son-tay", None)
    );
    // Every unit comes after its parent, and a subtree is contiguous.
    let pos = |code: &str| units.iter().position(|u| u.code == code).unwrap();
    for (i, u) in units.iter().enumerate() {
        if let Some(p) = &u.parent {
            assert!(pos(p) < i, "{} before its parent", u.code);
        }
    }
    assert_eq!(pos("duong-lam-cam-lam"), pos("x-duong-lam") + 1);
    assert_eq!(units[pos("x-duong-lam")].name, "Đảng bộ xã Đường Lâm");
    // The CSV of the list is a unit file again.
    let csv = t.ok(&["unit", "list", "--format", "csv"]);
    let fixture = std::fs::read_to_string(repo_file("fixtures/units.csv")).unwrap();
    // The list has three more columns (dissolved_on, merged_into, aliases,
    // empty here): the first four are the file's.
    let got: Vec<String> = csv
        .lines()
        .map(|l| l.strip_suffix(",,,").unwrap_or(l).to_string())
        .collect();
    let mut got: Vec<&str> = got.iter().map(|l| l.as_str()).collect();
    let mut want: Vec<&str> = fixture.lines().collect();
    assert_eq!(
        got.remove(0),
        "code,name,kind,parent,dissolved_on,merged_into,aliases"
    );
    want.remove(0);
    got.sort();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn units_added_one_by_one_with_codes_made_from_names() {
    let t = Theodoi::new();
    t.ok(&[
        "unit",
        "add",
        "Đảng bộ thị xã Sơn Tây",
        "--kind",
        "dang-bo-cap-tren",
        "--code",
        "son-tay",
    ]);
    let out = t.ok(&[
        "unit",
        "add",
        "Đảng bộ phường Ngô Quyền",
        "--kind",
        "đảng bộ cơ sở",
        "--parent",
        "Sơn Tây",
    ]);
    assert!(out.contains("phuong-ngo-quyen"), "{out}");
    let out = t.ok(&[
        "unit",
        "add",
        "Chi bộ tổ dân phố 1",
        "--kind",
        "Chi bo truc thuoc",
        "--parent",
        "ngo quyen",
    ]);
    assert!(out.contains("to-dan-pho-1"), "{out}");
    let out = t.ok(&[
        "unit",
        "add",
        "Chi bộ tổ dân phố 1",
        "--kind",
        "chi-bo-truc-thuoc",
        "--parent",
        "phuong-ngo-quyen",
        "--same-name",
    ]);
    assert!(out.contains("to-dan-pho-1-2"), "{out}");
    let units: Vec<UnitRow> = t.json(&["unit", "list"]);
    let got: Vec<(&str, &str, Option<&str>)> = units
        .iter()
        .map(|u| (u.code.as_str(), u.kind.as_str(), u.parent.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("son-tay", "dang-bo-cap-tren", None),
            ("phuong-ngo-quyen", "dang-bo-co-so", Some("son-tay")),
            (
                "to-dan-pho-1",
                "chi-bo-truc-thuoc",
                Some("phuong-ngo-quyen")
            ),
            (
                "to-dan-pho-1-2",
                "chi-bo-truc-thuoc",
                Some("phuong-ngo-quyen")
            ),
        ]
    );
    // A code is unique whatever its case.
    let err = t.fails(&[
        "unit",
        "add",
        "X",
        "--kind",
        "dang-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "SON-TAY",
    ]);
    assert!(err.contains("Đảng bộ thị xã Sơn Tây"), "{err}");
}

#[test]
fn names_in_nfd_are_stored_in_nfc() {
    let t = Theodoi::new();
    // "Sơn Tây" typed with combining marks.
    t.ok(&[
        "unit",
        "add",
        "Đảng bộ thị xã So\u{31b}n Ta\u{302}y",
        "--kind",
        "dang-bo-cap-tren",
        "--code",
        "st",
    ]);
    let units: Vec<UnitRow> = t.json(&["unit", "list"]);
    assert_eq!(units[0].name, "Đảng bộ thị xã Sơn Tây");
    t.ok(&[
        "unit",
        "add",
        "Đảng bộ phường Lê Lợi",
        "--kind",
        "dang-bo-co-so",
        "--parent",
        "Sơn Tây",
    ]);
}

#[test]
fn dry_run_checks_and_writes_nothing() {
    let t = Theodoi::new();
    let file = repo_file("fixtures/units.csv");
    let out = t.ok(&["unit", "import", file.to_str().unwrap(), "--dry-run"]);
    assert!(out.contains("59 tổ chức đảng"), "{out}");
    assert_eq!(t.ok(&["unit", "list"]), "Chưa có tổ chức đảng nào.\n");
}

#[test]
fn search_keeps_tree_order() {
    let t = Theodoi::son_tay();
    let units: Vec<UnitRow> = t.json(&["unit", "list", "--search", "duong lam"]);
    let codes: Vec<&str> = units.iter().map(|u| u.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "x-duong-lam",
            "duong-lam-cam-lam",
            "duong-lam-dong-sang",
            "duong-lam-mong-phu"
        ]
    );
}

/// The tree has one top: a second committee without a parent is refused,
/// from the command line and from a file.
#[test]
fn the_tree_has_one_top() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let err = t.fails(&[
        "unit",
        "add",
        "Đảng bộ huyện khác",
        "--kind",
        "dang-bo-cap-tren",
    ]);
    assert!(err.contains("Đảng bộ thị xã Sơn Tây"), "{err}");
    let file = t.dir.path().join("goc.csv");
    std::fs::write(
        &file,
        "code,name,kind,parent\nkhac,Đảng bộ huyện khác,dang-bo-cap-tren,\n",
    )
    .unwrap();
    let err = t.fails(&["unit", "import", file.to_str().unwrap()]);
    assert!(err.contains("dòng 2"), "{err}");
    assert_eq!(t.snapshot(), before);
}

/// Adds `units` (code, name, kind, parent code) one by one.
fn add_units(t: &Theodoi, units: &[(&str, &str, &str, &str)]) {
    for (code, name, kind, parent) in units {
        t.ok(&[
            "unit", "add", name, "--kind", kind, "--parent", parent, "--code", code,
        ]);
    }
}

/// Two chi bộ of one name differ by their parent: an ambiguous reference
/// lists each with its code, kind and parent, in the clerk's language.
#[test]
fn an_ambiguous_name_lists_each_unit_with_its_kind_and_parent() {
    let t = Theodoi::son_tay();
    add_units(
        &t,
        &[
            (
                "x-tan-lap",
                "Đảng bộ xã Tân Lập",
                "dang-bo-co-so",
                "son-tay",
            ),
            (
                "x-ba-trai",
                "Đảng bộ xã Ba Trại",
                "dang-bo-co-so",
                "son-tay",
            ),
            (
                "tl-thon-1",
                "Chi bộ thôn 1",
                "chi-bo-truc-thuoc",
                "x-tan-lap",
            ),
            (
                "bt-thon-1",
                "Chi bộ thôn 1",
                "chi-bo-truc-thuoc",
                "x-ba-trai",
            ),
        ],
    );
    let before = t.snapshot();
    let done = [
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Chi bộ thôn 1",
        "--on",
        "05/12/2023",
    ];
    let err = t.fails(&done);
    assert!(
        err.contains("Chi bộ thôn 1 (bt-thon-1, chi bộ trực thuộc, thuộc Đảng bộ xã Ba Trại)")
            && err
                .contains("Chi bộ thôn 1 (tl-thon-1, chi bộ trực thuộc, thuộc Đảng bộ xã Tân Lập)"),
        "{err}"
    );
    let mut english = done.to_vec();
    english.extend(["--lang", "en"]);
    let err = t.fails(&english);
    assert!(
        err.contains("Chi bộ thôn 1 (bt-thon-1, affiliated Party cell, under Đảng bộ xã Ba Trại)"),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);
}

/// Many candidates with long names still make one line of at most 300
/// characters, each unit named whole with its code, and how many more.
#[test]
fn a_long_list_of_candidates_fits_one_line() {
    let t = Theodoi::son_tay();
    let long = "Chi bộ thôn Đoài Giáp Nhất Thượng Thượng Đông Hạ";
    let mut units = Vec::new();
    for (ward, n) in [("p-le-loi", 1), ("p-ngo-quyen", 2), ("p-phu-thinh", 3)] {
        for i in 1..=4 {
            units.push((format!("dgn-{n}-{i}"), format!("{long} {i}"), ward));
        }
    }
    for (code, name, parent) in &units {
        t.ok(&[
            "unit",
            "add",
            name,
            "--kind",
            "chi-bo-truc-thuoc",
            "--parent",
            parent,
            "--code",
            code,
        ]);
    }
    let err = t.fails(&["agenda", long]);
    let line = err.trim_end();
    assert!(
        line.chars().count() <= 300,
        "{} {line}",
        line.chars().count()
    );
    assert!(
        line.contains("Hạ 1 (dgn-1-1, thuộc ") && line.contains("Lợi)"),
        "{line}"
    );
    assert!(line.contains(" … và 11 tổ chức đảng khác"), "{line}");
    assert!(
        line.contains(&format!("(xem `{}", t.typed("unit list --search"))),
        "{line}"
    );
    // Three of one long name: each cut in its name and parent, never in its code.
    let err = t.fails(&["agenda", &format!("{long} 1")]);
    let line = err.trim_end();
    assert!(
        line.chars().count() <= 300,
        "{} {line}",
        line.chars().count()
    );
    for code in ["dgn-1-1", "dgn-2-1", "dgn-3-1"] {
        assert!(
            line.contains(&format!("Hạ 1 ({code}, thuộc Đảng bộ")),
            "{line}"
        );
    }
    // Their parents keep their ends, where they differ.
    assert!(
        ["Lê Lợi)", "Ngô Quyền)", "Phú Thịnh)"]
            .iter()
            .all(|p| line.contains(p)),
        "{line}"
    );
}

/// One row of `unit list --format json`, with the other names.
#[derive(Debug, serde::Deserialize)]
struct AliasedRow {
    code: String,
    aliases: Vec<String>,
}

/// Other names: a unit is found by them, lists show them, the log says
/// them, and each change of them is one change that undo takes back.
#[test]
fn a_unit_is_found_by_its_other_names() {
    let t = Theodoi::son_tay();
    // Not a name, code or part of one yet.
    let err = t.fails(&["agenda", "Kiểm tra Đảng"]);
    assert!(err.contains("không tìm thấy"), "{err}");
    let out = t.ok(&[
        "unit",
        "edit",
        "cb-ubkt",
        "--alias",
        "Kiểm tra Đảng",
        "--alias",
        "KT",
    ]);
    assert_eq!(
        out,
        "Đã thêm tên khác cho Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy: Kiểm tra Đảng, KT\n"
    );
    for reference in ["Kiểm tra Đảng", "kiem tra dang", "KT", "kt"] {
        let out = t.ok(&["agenda", reference, "--as-of", "13/12/2023"]);
        assert!(
            out.contains("Nhiệm vụ của Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy"),
            "{reference}: {out}"
        );
    }
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "KT",
        "--on",
        "05/12/2023",
    ]);
    // Lists: JSON an array, CSV one cell, the table after the name.
    let rows: Vec<AliasedRow> = t.json(&["unit", "list"]);
    let row = rows.iter().find(|r| r.code == "cb-ubkt").unwrap();
    assert_eq!(row.aliases, ["Kiểm tra Đảng", "KT"]);
    assert!(
        rows.iter()
            .filter(|r| r.code != "cb-ubkt")
            .all(|r| r.aliases.is_empty())
    );
    let csv = t.ok(&["unit", "list", "--format", "csv"]);
    assert!(
        csv.contains("cb-ubkt,Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy,chi-bo-co-so,son-tay,,,Kiểm tra Đảng; KT\r\n"),
        "{csv}"
    );
    let table = t.ok(&["unit", "list"]);
    assert!(table.contains("tên khác: Kiểm tra Đảng, KT"), "{table}");
    let table = t.ok(&["unit", "list", "--lang", "en"]);
    assert!(table.contains("also: Kiểm tra Đảng, KT"), "{table}");

    // Taken away, accents and case aside; the log says what changed.
    let out = t.ok(&["unit", "edit", "KT", "--remove-alias", "kiem tra dang"]);
    assert_eq!(
        out,
        "Đã bỏ tên khác của Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy: Kiểm tra Đảng\n"
    );
    assert!(
        t.fails(&["agenda", "Kiểm tra Đảng"])
            .contains("không tìm thấy")
    );
    let log = t.ok(&["log", "--unit", "cb-ubkt", "--lang", "en", "--format", "md"]);
    assert!(
        log.contains("no longer found as Kiểm tra Đảng") && log.contains("now also found as"),
        "{log}"
    );
    let log: Vec<serde_json::Value> = t.json(&["log"]);
    assert_eq!(log[0]["action"], "unit.edit");
    let details: serde_json::Value =
        serde_json::from_str(log[0]["details"].as_str().unwrap()).unwrap();
    assert_eq!(
        details["aliases"],
        serde_json::json!({ "added": [], "removed": ["Kiểm tra Đảng"] })
    );
    // Undo brings it back.
    t.ok(&["undo"]);
    let rows: Vec<AliasedRow> = t.json(&["unit", "list"]);
    let row = rows.iter().find(|r| r.code == "cb-ubkt").unwrap();
    assert_eq!(row.aliases, ["Kiểm tra Đảng", "KT"]);
}

/// What `unit edit` refuses, in one line, writing nothing: a name that
/// finds another unit, a name to take away that the unit does not have, a
/// name that is no text.
#[test]
fn other_names_that_would_mislead_are_refused() {
    let t = Theodoi::son_tay();
    t.ok(&["unit", "edit", "cb-ubkt", "--alias", "KT"]);
    let before = t.snapshot();
    for (args, want) in [
        (
            vec!["unit", "edit", "cb-kho-bac", "--alias", "kt"],
            "'kt' đã dùng để tìm Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy",
        ),
        (
            vec!["unit", "edit", "cb-kho-bac", "--alias", "p-le-loi"],
            "đã dùng để tìm Đảng bộ phường Lê Lợi",
        ),
        (
            vec![
                "unit",
                "edit",
                "cb-kho-bac",
                "--alias",
                "Đảng bộ xã Kim Sơn",
            ],
            "đã dùng để tìm Đảng bộ xã Kim Sơn",
        ),
        (
            vec!["unit", "edit", "cb-ubkt", "--remove-alias", "KTra"],
            "không có tên khác 'KTra'; các tên khác đã ghi: KT",
        ),
        (
            vec!["unit", "edit", "cb-kho-bac", "--remove-alias", "KT"],
            "và chưa có tên khác nào",
        ),
        (
            vec![
                "unit",
                "edit",
                "cb-ubkt",
                "--alias",
                "KT2",
                "--alias",
                "\u{1b}[2J",
            ],
            "tên khác (--alias) có ký tự điều khiển",
        ),
        (
            vec!["unit", "edit", "cb-ubkt", "--alias", " "],
            "tên khác (--alias) không được để trống",
        ),
    ] {
        let err = t.fails(&args);
        assert!(err.contains(want), "{args:?}: {err}");
    }
    let err = t.fails(&[
        "--lang",
        "en",
        "unit",
        "edit",
        "cb-kho-bac",
        "--alias",
        "KT",
    ]);
    assert!(
        err.contains("'KT' already finds Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy"),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);
    // A name it has already changes nothing, and the log says nothing.
    let out = t.ok(&["unit", "edit", "cb-ubkt", "--alias", "kt"]);
    assert!(out.contains("Không có gì thay đổi"), "{out}");
}

/// The common abbreviations of unit names match their long forms, either
/// way and inside longer references.
#[test]
fn abbreviations_find_the_long_forms() {
    let t = Theodoi::son_tay();
    add_units(
        &t,
        &[
            (
                "qt-ubnd",
                "Chi bộ Ủy ban nhân dân phường Quang Trung",
                "chi-bo-truc-thuoc",
                "p-quang-trung",
            ),
            (
                "ks-hdnd",
                "Chi bộ Hội đồng nhân dân xã Kim Sơn",
                "chi-bo-truc-thuoc",
                "x-kim-son",
            ),
            (
                "xs-mttq",
                "Chi bộ Mặt trận Tổ quốc xã Xuân Sơn",
                "chi-bo-truc-thuoc",
                "x-xuan-son",
            ),
            (
                "cb-thcs-son-loc",
                "Chi bộ Trường Trung học cơ sở Sơn Lộc",
                "chi-bo-co-so",
                "son-tay",
            ),
        ],
    );
    for (reference, code) in [
        ("UBKT", "cb-ubkt"),
        ("Chi bộ Cơ quan UBKT", "cb-ubkt"),
        ("Chi bộ UBND", "qt-ubnd"),
        ("UBND phường Quang Trung", "qt-ubnd"),
        ("HĐND xã Kim Sơn", "ks-hdnd"),
        ("hdnd xa kim son", "ks-hdnd"),
        ("MTTQ", "xs-mttq"),
        ("THCS Sơn Lộc", "cb-thcs-son-loc"),
        // The fixture writes THPT; the long form finds it.
        ("Trường Trung học phổ thông Sơn Tây", "cb-thpt-son-tay"),
        ("Chi bộ Trường THPT Sơn Tây", "cb-thpt-son-tay"),
    ] {
        let rows: Vec<serde_json::Value> = t.json(&["agenda", reference, "--as-of", "13/12/2023"]);
        let codes: Vec<&str> = rows
            .iter()
            .filter_map(|r| r["unit_code"].as_str())
            .collect();
        // A unit the task does not reach has an empty agenda: ask the heading.
        if codes.is_empty() {
            let out = t.ok(&["agenda", reference]);
            let name = t
                .json::<Vec<UnitRow>>(&["unit", "list"])
                .into_iter()
                .find(|u| u.code == code)
                .unwrap()
                .name;
            assert!(out.contains(&name), "{reference}: {out}");
        } else {
            assert!(codes.iter().all(|c| *c == code), "{reference}: {codes:?}");
        }
    }
    // An abbreviation that names no unit is not found.
    assert!(
        t.fails(&["agenda", "HĐND Sơn Đông"])
            .contains("không tìm thấy")
    );
}

/// `unit list --search` finds a unit by a part of its other names, and by
/// an abbreviation of its name.
#[test]
fn the_list_is_searched_by_other_names_and_abbreviations() {
    let t = Theodoi::son_tay();
    t.ok(&["unit", "edit", "cb-van-phong", "--alias", "VPTU"]);
    let codes = |search: &str| -> Vec<String> {
        let rows: Vec<serde_json::Value> = t.json(&["unit", "list", "--search", search]);
        rows.iter()
            .map(|r| r["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes("vptu"), ["cb-van-phong"]);
    assert_eq!(codes("UBKT"), ["cb-ubkt"]);
    assert_eq!(codes("Ủy ban Kiểm tra"), ["cb-ubkt"]);
    assert!(codes("không có đơn vị này").is_empty());
    // Words in order with others between, abbreviations written out: the
    // list, and a reference to one unit.
    assert_eq!(codes("Chi bộ UBKT"), ["cb-ubkt"]);
    assert_eq!(codes("chi bo phuong le loi").len(), 2);
    let agenda = t.ok(&["agenda", "Chi bộ UBKT", "--as-of", "07/12/2023"]);
    assert!(
        agenda.starts_with("Nhiệm vụ của Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy"),
        "{agenda}"
    );
    // Many candidates: the line says where to see them all.
    let err = t.fails(&["agenda", "Chi bộ phường"]);
    assert!(
        err.contains(&format!(
            "(xem `{}`)",
            t.typed("unit list --search 'Chi bộ phường'")
        )),
        "{err}"
    );
    assert_eq!(codes("Chi bộ phường").len(), 19);
}

/// An other name that already finds another unit, even by a part of its
/// name or an abbreviation, would take it over: refused, nothing written.
#[test]
fn an_alias_never_takes_over_another_unit() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    for alias in ["UBKT", "Tuyên giáo", "Chi bộ"] {
        let err = t.fails(&["unit", "edit", "cb-van-phong", "--alias", alias]);
        assert!(err.contains(&format!("'{alias}' đã dùng để tìm")), "{err}");
    }
    assert_eq!(t.snapshot(), before);
    t.ok(&["unit", "edit", "cb-van-phong", "--alias", "VPTU"]);
}

/// The same sheet of units imported again, then with one more unit: each
/// unit is recorded once, by code or (a clerk's sheet without codes) by
/// name, kind and parent; the clerk is told which lines were there.
#[test]
fn a_tree_imported_again_records_each_unit_once() {
    let t = Theodoi::son_tay();
    let before = t.ok(&["unit", "list", "--format", "csv"]);
    let fixture = crate::util::repo_file("fixtures/units.csv");
    let again = t.run(&["unit", "import", fixture.to_str().unwrap()]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stdout.contains("Không có gì thay đổi"),
        "{}",
        again.stdout
    );
    assert!(
        again.stderr.contains("đã có trong danh sách tổ chức đảng")
            && again.stderr.contains("dòng 2, 3, 4"),
        "{}",
        again.stderr
    );
    assert_eq!(t.ok(&["unit", "list", "--format", "csv"]), before);
    let sheet = t.dir.path().join("donvi.csv");
    std::fs::write(
        &sheet,
        "Tên,Loại,Cấp trên\n\
         Đảng bộ phường Lê Lợi,dang-bo-co-so,son-tay\n\
         Chi bộ Khu phố Mới,chi-bo-truc-thuoc,Đảng bộ phường Lê Lợi\n",
    )
    .unwrap();
    let out = t.ok(&["unit", "import", sheet.to_str().unwrap()]);
    assert!(out.contains("Đã nhập 1 tổ chức đảng"), "{out}");
    let again = t.run(&["unit", "import", sheet.to_str().unwrap()]);
    assert!(
        again.stdout.contains("Không có gì thay đổi"),
        "{}",
        again.stdout
    );
    let units: Vec<crate::util::UnitRow> = t.json(&["unit", "list", "--search", "Khu phố Mới"]);
    assert_eq!(units.len(), 1);
    // The same name under another parent is another unit.
    std::fs::write(
        &sheet,
        "Tên,Loại,Cấp trên\nChi bộ Khu phố Mới,chi-bo-truc-thuoc,p-ngo-quyen\n",
    )
    .unwrap();
    let out = t.ok(&["unit", "import", sheet.to_str().unwrap()]);
    assert!(out.contains("Đã nhập 1 tổ chức đảng"), "{out}");
}

/// A search that finds nothing says so, naming the words; it does not say
/// that nothing is recorded. JSON stays an empty array.
#[test]
fn a_search_that_finds_nothing_says_what_was_searched() {
    let t = Theodoi::son_tay_reported();
    for (args, said) in [
        (
            vec!["unit", "list", "--search", "xyz"],
            "Không có tổ chức đảng nào có tên hoặc mã chứa 'xyz'.\n",
        ),
        (
            vec!["task", "list", "--search", "xyz"],
            "Không có nhiệm vụ nào có mã hoặc tên chứa 'xyz'.\n",
        ),
        (
            vec!["directive", "list", "--search", "xyz"],
            "Không có văn bản nào có số, ký hiệu hoặc trích yếu chứa 'xyz'.\n",
        ),
        (
            vec!["person", "list", "--search", "xyz"],
            "Không có cán bộ nào có tên hoặc mã chứa 'xyz'.\n",
        ),
    ] {
        assert_eq!(t.ok(&args), said, "{args:?}");
        let mut json = args.clone();
        json.extend(["--format", "json"]);
        assert_eq!(t.ok(&json).trim(), "[]", "{json:?}");
    }
    // Without a search, the list is what is recorded.
    assert!(t.ok(&["unit", "list"]).contains("Đảng bộ thị xã Sơn Tây"));
}

#[test]
fn a_word_that_several_names_share_is_refused_with_the_candidates() {
    let t = Theodoi::son_tay();
    // "Sơn" is in the town's name, and in Sơn Lộc, Kim Sơn, Viên Sơn…:
    // other units, not the town's chi bộ that repeat its name.
    for args in [
        &["agenda", "Sơn"][..],
        &["done", "--task", "kiem-diem-2023", "--unit", "Sơn"],
    ] {
        let err = t.fails(args);
        assert!(err.contains("'Sơn' ứng với nhiều tổ chức đảng"), "{err}");
        for code in ["son-tay", "p-son-loc"] {
            assert!(err.contains(&format!("({code})")), "{code} missing: {err}");
        }
        assert!(err.contains("tổ chức đảng khác"), "{err}");
    }
    // The whole words of one name still find it, the units that repeat
    // it aside.
    let agenda = t.ok(&["agenda", "Sơn Tây", "--as-of", "07/12/2023"]);
    assert!(
        agenda.starts_with("Nhiệm vụ của Đảng bộ thị xã Sơn Tây tính đến ngày 07/12/2023: "),
        "{agenda}"
    );
    let agenda = t.ok(&["agenda", "Sơn Lộc", "--as-of", "07/12/2023"]);
    assert!(
        agenda.starts_with("Nhiệm vụ của Đảng bộ phường Sơn Lộc tính"),
        "{agenda}"
    );
}

#[test]
fn the_same_name_twice_under_one_parent_is_refused_unless_meant() {
    let t = Theodoi::son_tay();
    let count = || t.json::<Vec<UnitRow>>(&["unit", "list"]).len();
    let before = count();
    for name in [
        "Chi bộ Kho bạc Nhà nước Sơn Tây",
        "chi bo kho bac nha nuoc son tay",
    ] {
        let err = t.fails(&[
            "unit",
            "add",
            name,
            "--kind",
            "chi-bo-co-so",
            "--parent",
            "son-tay",
        ]);
        assert!(
            err.contains("cấp trên đã có Chi bộ Kho bạc Nhà nước Sơn Tây (cb-kho-bac)"),
            "{err}"
        );
        assert!(err.contains("--same-name"), "{err}");
    }
    assert_eq!(count(), before, "nothing written");
    // The same name under another parent is another unit.
    t.ok(&[
        "unit",
        "add",
        "Chi bộ tổ dân phố 1 phường Sơn Lộc",
        "--kind",
        "chi-bo-truc-thuoc",
        "--parent",
        "p-le-loi",
    ]);
    // Meant: two units of one name.
    let out = t.ok(&[
        "unit",
        "add",
        "Chi bộ Kho bạc Nhà nước Sơn Tây",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--same-name",
    ]);
    assert!(out.contains("Chi bộ Kho bạc Nhà nước Sơn Tây"), "{out}");
    assert_eq!(count(), before + 2);
    let en = t.fails(&[
        "unit",
        "add",
        "Chi bộ Kho bạc Nhà nước Sơn Tây",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--lang",
        "en",
    ]);
    assert!(en.contains("the parent already has"), "{en}");

    // Moved or renamed to a name its new parent has: refused the same way,
    // unless meant.
    let added: Vec<serde_json::Value> =
        t.json(&["unit", "list", "--search", "tổ dân phố 1 phường Sơn Lộc"]);
    let under_le_loi = added
        .iter()
        .find(|u| u["parent"] == "p-le-loi")
        .and_then(|u| u["code"].as_str())
        .expect("the one under Lê Lợi")
        .to_string();
    let before = t.snapshot();
    let err = t.fails(&["unit", "move", &under_le_loi, "--to", "p-son-loc"]);
    assert!(
        err.contains("cấp trên đã có Chi bộ tổ dân phố 1 phường Sơn Lộc (son-loc-tdp1)")
            && err.contains("--same-name"),
        "{err}"
    );
    let err = t.fails(&[
        "unit",
        "rename",
        "le-loi-tdp2",
        "Chi bộ tổ dân phố 1 phường Lê Lợi",
    ]);
    assert!(err.contains("(le-loi-tdp1)"), "{err}");
    assert_eq!(t.snapshot(), before, "nothing written");
    t.ok(&[
        "unit",
        "move",
        &under_le_loi,
        "--to",
        "p-son-loc",
        "--same-name",
    ]);
}

#[test]
fn what_a_dissolution_or_revocation_stops_tracking_is_counted_in_cases() {
    let t = Theodoi::son_tay();
    let out = t.ok(&["unit", "dissolve", "son-loc-tdp1", "--on", "01/12/2023"]);
    assert!(
        out.trim_end()
            .ends_with("; không có trường hợp nào chưa hoàn thành để dừng theo dõi"),
        "{out}"
    );
    let out = t.ok(&[
        "directive",
        "revoke",
        "Kế hoạch số 223",
        "--on",
        "01/12/2023",
        "--reason",
        "Thay bằng kế hoạch khác",
    ]);
    assert!(out.contains("; dừng theo dõi "), "{out}");
    assert!(
        out.trim_end().ends_with(" trường hợp chưa hoàn thành"),
        "{out}"
    );
}

/// The search a name several units share suggests is quoted as the shell
/// takes it, a name with both kinds of quote too: pasted, it searches for
/// the name typed.
#[cfg(unix)]
#[test]
fn the_search_hint_for_a_shared_name_pastes_whole() {
    let t = Theodoi::son_tay();
    let name = "Chi bộ Nhà hàng \"O'Neil\"";
    // Enough of them that the line has no room for all, and points to the
    // search.
    for (i, (kind, parent)) in [
        ("chi-bo-co-so", "son-tay"),
        ("chi-bo-truc-thuoc", "p-le-loi"),
    ]
    .iter()
    .cycle()
    .take(8)
    .enumerate()
    {
        t.ok(&[
            "unit",
            "add",
            name,
            "--kind",
            kind,
            "--parent",
            parent,
            "--code",
            &format!("oneil-{i}"),
            "--no-tasks",
            "--same-name",
        ]);
    }
    let err = t.fails(&["agenda", "\"O'Neil\""]);
    let hint = err
        .split('`')
        .nth(1)
        .unwrap_or_else(|| panic!("no command in {err}"));
    let quoted = hint
        .split_once("--search ")
        .unwrap_or_else(|| panic!("no search in {hint}"))
        .1;
    let r = crate::util::run({
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c").arg(format!("printf %s {quoted}"));
        cmd
    });
    assert_eq!(r.code, 0, "{quoted}: {r:?}");
    assert_eq!(r.stdout, "\"O'Neil\"", "{hint}");
}
