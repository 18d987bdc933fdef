use crate::util::{OverdueRow, Theodoi};

#[test]
fn units_are_found_by_code_or_name_without_accents() {
    let t = Theodoi::son_tay();
    for (unit, code) in [
        ("p-ngo-quyen", "p-ngo-quyen"),
        ("PHÚ THỊNH", "p-phu-thinh"),
        ("le loi", "p-le-loi"),
        ("duong lam", "x-duong-lam"),
        ("Đảng bộ xã Kim Sơn", "x-kim-son"),
    ] {
        t.ok(&[
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            unit,
            "--on",
            "10/12/2023",
        ]);
        let rows: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "13/12/2023"]);
        assert!(
            !rows.iter().any(|r| r.unit_code == code),
            "{unit} still overdue"
        );
    }
}

#[test]
fn ambiguous_or_unknown_units_are_refused_with_candidates() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Trung",
        "--on",
        "05/12/2023",
    ]);
    assert!(
        err.contains("Quang Trung") && err.contains("Trung Hưng") && err.contains("Trung Sơn Trầm"),
        "{err}"
    );
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Hoàn Kiếm",
        "--on",
        "05/12/2023",
    ]);
    assert!(
        err.contains("'Hoàn Kiếm'") && err.contains("unit list"),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);
}

#[test]
fn done_twice_in_the_future_or_where_the_task_does_not_apply() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
    ]);
    let before = t.snapshot();
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "06/12/2023",
    ]);
    assert!(err.contains("05/12/2023"), "{err}");
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-van-phong",
        "--on",
        "01/01/2999",
    ]);
    assert!(err.contains("01/01/2999"), "{err}");
    // Plan 223's task names chi bộ cơ sở and đảng bộ cơ sở, not chi bộ trực thuộc.
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "duong-lam-mong-phu",
        "--on",
        "05/12/2023",
    ]);
    assert!(err.contains("Chi bộ thôn Mông Phụ"), "{err}");
    let err = t.fails(&[
        "done",
        "--task",
        "khong-co",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
    ]);
    assert!(err.contains("'khong-co'"), "{err}");
    assert_eq!(t.snapshot(), before);
}

#[test]
fn task_list_counts_the_units_that_owe_it() {
    let t = Theodoi::son_tay();
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    assert_eq!(tasks.len(), 1);
    assert_eq!(tasks[0]["code"], "kiem-diem-2023");
    assert_eq!(tasks[0]["units"], 23);
    assert_eq!(
        tasks[0]["due"],
        "chi-bo-co-so=2023-12-06 dang-bo-co-so=2023-12-12"
    );
    assert_eq!(tasks[0]["directive"], "Kế hoạch số 223");
}

#[test]
fn task_within_a_subtree_and_default_code() {
    let t = Theodoi::son_tay();
    let out = t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--title",
        "Báo cáo luân chuyển cán bộ",
        "--due",
        "chi bộ trực thuộc=15/12/2023",
        "--within",
        "Đường Lâm",
    ]);
    assert!(out.contains("kh188-1") && out.contains(": 3 "), "{out}");
    let rows: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "16/12/2023"]);
    let task_rows: Vec<&OverdueRow> = rows.iter().filter(|r| r.task == "kh188-1").collect();
    assert_eq!(task_rows.len(), 3);
    assert!(
        task_rows
            .iter()
            .all(|r| r.parent_code.as_deref() == Some("x-duong-lam"))
    );
    // A task that reaches no unit is refused.
    let err = t.fails(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--title",
        "x",
        "--due",
        "dang-bo-bo-phan=15/12/2023",
        "--within",
        "Đường Lâm",
    ]);
    assert!(err.contains("Đảng bộ xã Đường Lâm"), "{err}");
}

/// Excel where a comma is the decimal separator (as in Vietnam) saves CSV
/// with semicolons: such a file is read as well.
#[test]
fn a_file_with_semicolons_is_read_too() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("ketqua.csv");
    std::fs::write(
        &file,
        "\u{FEFF}unit;on;evidence;note\r\ncb-ubkt;05/12/2023;Biên bản số 1, ngày 05/12;\r\n",
    )
    .unwrap();
    let said = t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--from",
        file.to_str().unwrap(),
    ]);
    assert!(said.contains('1'), "{said}");
    let agenda: Vec<serde_json::Value> = t.json(&["agenda", "cb-ubkt", "--as-of", "13/12/2023"]);
    assert_eq!(agenda[0]["completed_on"], "2023-12-05", "{agenda:?}");
}
