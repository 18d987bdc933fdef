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
    // The list has two more columns (dissolved_on, merged_into, empty
    // here): the first four are the file's.
    let got: Vec<String> = csv
        .lines()
        .map(|l| l.strip_suffix(",,").unwrap_or(l).to_string())
        .collect();
    let mut got: Vec<&str> = got.iter().map(|l| l.as_str()).collect();
    let mut want: Vec<&str> = fixture.lines().collect();
    assert_eq!(
        got.remove(0),
        "code,name,kind,parent,dissolved_on,merged_into"
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
    assert!(out.contains("59 đơn vị"), "{out}");
    assert_eq!(t.ok(&["unit", "list"]), "Chưa có đơn vị nào.\n");
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
