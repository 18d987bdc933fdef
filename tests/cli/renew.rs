//! The yearly cycle: next year's task from this year's (`task renew`), a
//! task's due dates changed (`task edit --due|--add-due|--remove-due`), and
//! reminders before the day (`upcoming`, `agenda`: how many days are left).

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::Value;

use crate::util::Theodoi;

/// One row of `agenda`, `overdue` or `upcoming` in JSON.
#[derive(Debug, Deserialize)]
struct Row {
    unit_code: String,
    unit_kind: String,
    directive: String,
    task: String,
    due_on: String,
    completed_on: Option<String>,
    status: String,
    days_left: i64,
    original_due_on: Option<String>,
    person: Option<String>,
}

/// One row of `task list` in JSON.
#[derive(Debug, Deserialize)]
struct TaskRow {
    code: String,
    directive: String,
    title: String,
    due: String,
    units: u64,
}

/// Every obligation of `task`, whatever its status, as of the end of 2030.
fn obligations(t: &Theodoi, task: &str) -> Vec<Row> {
    t.json(&["agenda", "son-tay", "--task", task, "--as-of", "31/12/2030"])
}

/// Every obligation of plan 223's review of 2023 owed by a chi bộ cơ sở,
/// by unit, as of the end of 2023.
fn chi_bo_co_so(t: &Theodoi) -> BTreeMap<String, Row> {
    let rows: Vec<Row> = t.json(&[
        "agenda",
        "son-tay",
        "--task",
        "kiem-diem-2023",
        "--kind",
        "chi-bo-co-so",
        "--as-of",
        "31/12/2023",
    ]);
    rows.into_iter().map(|r| (r.unit_code.clone(), r)).collect()
}

fn tasks(t: &Theodoi) -> Vec<TaskRow> {
    t.json(&["task", "list"])
}

/// The export's tables, the change log aside: what an undo must give back.
fn export(t: &Theodoi) -> serde_json::Map<String, Value> {
    let out = t.ok(&["export", "-"]);
    let mut document: Value = serde_json::from_str(&out).unwrap();
    let Some(Value::Object(mut tables)) = document.get_mut("tables").map(Value::take) else {
        panic!("an export without tables: {out}");
    };
    tables.remove("change");
    tables.remove("change_row");
    tables
}

/// Runs a write that must be refused: exit 2, one line, nothing written.
fn refused(t: &Theodoi, args: &[&str]) -> String {
    let before = (t.snapshot(), t.ok(&["log", "--format", "json"]));
    let err = t.fails(args);
    let after = (t.snapshot(), t.ok(&["log", "--format", "json"]));
    assert_eq!(before, after, "{args:?} wrote something");
    err
}

/// Runs a write, then undoes it: the export is the one before again.
fn undone_gives_back_the_export(t: &Theodoi, args: &[&str]) -> String {
    let before = export(t);
    let said = t.ok(args);
    assert_ne!(export(t), before, "{args:?} changed nothing");
    t.ok(&["undo"]);
    assert_eq!(export(t), before, "{args:?} undone");
    said
}

#[test]
fn the_2023_review_renewed_for_2024_has_the_same_units_and_the_2024_due_dates() {
    let t = Theodoi::son_tay_reported();
    let said = t.ok(&["task", "renew", "kiem-diem-2023", "--year", "2024"]);
    assert!(
        said.contains("Đã lập nhiệm vụ kiem-diem-2024")
            && said.contains("năm 2024")
            && said.contains("Hạn của chi bộ cơ sở: 06/12/2024 (7 tổ chức đảng)")
            && said.contains("Hạn của đảng bộ cơ sở: 12/12/2024 (16 tổ chức đảng)"),
        "{said}"
    );
    let listed = tasks(&t);
    let new = listed
        .iter()
        .find(|r| r.code == "kiem-diem-2024")
        .expect("the task of 2024");
    assert_eq!(
        new.title,
        "Kiểm điểm, đánh giá, xếp loại chất lượng năm 2024"
    );
    assert_eq!(new.directive, "Kế hoạch số 223");
    assert_eq!(new.due, "chi-bo-co-so=2024-12-06 dang-bo-co-so=2024-12-12");
    assert_eq!(new.units, 23);

    let units = |task| -> BTreeSet<(String, String)> {
        obligations(&t, task)
            .into_iter()
            .map(|r| (r.unit_code, r.unit_kind))
            .collect()
    };
    assert_eq!(units("kiem-diem-2024"), units("kiem-diem-2023"));
    for row in obligations(&t, "kiem-diem-2024") {
        let due = match row.unit_kind.as_str() {
            "chi-bo-co-so" => "2024-12-06",
            "dang-bo-co-so" => "2024-12-12",
            other => panic!("{other} owes the review"),
        };
        assert_eq!(
            (row.due_on.as_str(), row.completed_on, row.original_due_on),
            (due, None, None),
            "{}",
            row.unit_code
        );
    }
    // On 07/12/2024 the chi bộ cơ sở are late again, and only they.
    let late: Vec<Row> = t.json(&[
        "overdue",
        "--task",
        "kiem-diem-2024",
        "--as-of",
        "07/12/2024",
    ]);
    assert_eq!(late.len(), 7);
    assert!(late.iter().all(|r| r.unit_kind == "chi-bo-co-so"));
    // The log names both tasks and the year, in either language.
    let log = t.ok(&["log", "--format", "md"]);
    assert!(
        log.contains("Lập nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2024” (năm 2024) từ nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023”"),
        "{log}"
    );
    let log = t.ok(&["--lang", "en", "log", "--format", "md"]);
    assert!(
        log.contains("Renewed the task “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” for 2024 as “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2024”"),
        "{log}"
    );
}

#[test]
fn a_renewal_is_refused_where_the_task_of_that_year_exists() {
    let t = Theodoi::son_tay();
    t.ok(&["task", "renew", "kiem-diem-2023", "--year", "2024"]);
    let err = refused(&t, &["task", "renew", "kiem-diem-2023", "--year", "2024"]);
    assert!(
        err.contains("nhiệm vụ năm 2024 đã có: kiem-diem-2024"),
        "{err}"
    );
    // Another code does not make it another task.
    let err = refused(
        &t,
        &[
            "--lang",
            "en",
            "task",
            "renew",
            "kiem-diem-2023",
            "--year",
            "2024",
            "--code",
            "kd-2024",
        ],
    );
    assert!(
        err.contains("the task for 2024 is recorded already: kiem-diem-2024"),
        "{err}"
    );
    // The year it is about already; a year that is no year; no such task.
    let err = refused(&t, &["task", "renew", "kiem-diem-2023", "--year", "2023"]);
    assert!(err.contains("đã là nhiệm vụ của năm 2023"), "{err}");
    let err = refused(&t, &["task", "renew", "kiem-diem-2023", "--year", "24"]);
    assert!(err.contains("'24'") && err.contains("1930"), "{err}");
    let err = refused(&t, &["task", "renew", "khong-co", "--year", "2025"]);
    assert!(err.contains("'khong-co'"), "{err}");
}

#[test]
fn a_renewal_under_the_new_years_plan() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        "Kế hoạch số 301",
        "--issuer",
        "Ban Thường vụ Thị ủy Sơn Tây",
        "--date",
        "20/11/2024",
        "--title",
        "Kiểm điểm, đánh giá, xếp loại chất lượng năm 2024",
    ]);
    // Due before the plan of 2025 was issued: a year typed wrong, most likely.
    t.ok(&[
        "directive",
        "add",
        "Kế hoạch số 350",
        "--issuer",
        "Ban Thường vụ Thị ủy Sơn Tây",
        "--date",
        "15/01/2025",
        "--title",
        "Kiểm điểm năm 2025",
    ]);
    let err = refused(
        &t,
        &[
            "task",
            "renew",
            "kiem-diem-2023",
            "--year",
            "2024",
            "--directive",
            "Kế hoạch số 350",
        ],
    );
    assert!(
        err.contains("06/12/2024") && err.contains("--force"),
        "{err}"
    );
    t.ok(&[
        "task",
        "renew",
        "kiem-diem-2023",
        "--year",
        "2024",
        "--directive",
        "Kế hoạch số 301",
    ]);
    let rows = obligations(&t, "kiem-diem-2024");
    assert_eq!(rows.len(), 23);
    assert!(rows.iter().all(|r| r.directive == "Kế hoạch số 301"));
    // A code without a year: the new one comes from the new plan.
    t.ok(&["task", "edit", "kiem-diem-2024", "--code", "kd"]);
    t.ok(&[
        "task",
        "renew",
        "kd",
        "--year",
        "2025",
        "--directive",
        "Kế hoạch số 350",
    ]);
    let new = tasks(&t)
        .into_iter()
        .find(|r| r.directive == "Kế hoạch số 350")
        .expect("the task of 2025");
    assert_eq!(
        (new.code.as_str(), new.title.as_str()),
        (
            "kh350-1",
            "Kiểm điểm, đánh giá, xếp loại chất lượng năm 2025"
        )
    );
}

#[test]
fn a_dry_run_says_what_it_would_make_and_writes_nothing() {
    let t = Theodoi::son_tay_reported();
    let before = (t.snapshot(), t.ok(&["log", "--format", "json"]), export(&t));
    let said = t.ok(&[
        "task",
        "renew",
        "kiem-diem-2023",
        "--year",
        "2024",
        "--dry-run",
    ]);
    for want in [
        "Chạy thử, không ghi gì",
        "Mã: kiem-diem-2024",
        "Tên nhiệm vụ: Kiểm điểm, đánh giá, xếp loại chất lượng năm 2024",
        "Văn bản: Kế hoạch số 223",
        "Hạn của chi bộ cơ sở: 06/12/2024 (7 tổ chức đảng)",
        "Hạn của đảng bộ cơ sở: 12/12/2024 (16 tổ chức đảng)",
        "Tổng số: 23 tổ chức đảng",
    ] {
        assert!(said.contains(want), "{want} missing in {said}");
    }
    let after = (t.snapshot(), t.ok(&["log", "--format", "json"]), export(&t));
    assert_eq!(before, after);
    let said = t.ok(&[
        "--lang",
        "en",
        "task",
        "renew",
        "kiem-diem-2023",
        "--year",
        "2024",
        "--dry-run",
    ]);
    assert!(
        said.contains("Dry run, nothing written") && said.contains("Due for grassroots"),
        "{said}"
    );
    // A dry run refuses what the run would.
    t.ok(&["task", "renew", "kiem-diem-2023", "--year", "2024"]);
    refused(
        &t,
        &[
            "task",
            "renew",
            "kiem-diem-2023",
            "--year",
            "2024",
            "--dry-run",
        ],
    );
}

#[test]
fn a_renewal_undone_gives_back_the_export_before() {
    let t = Theodoi::son_tay_reported();
    undone_gives_back_the_export(&t, &["task", "renew", "kiem-diem-2023", "--year", "2024"]);
    assert!(!tasks(&t).iter().any(|r| r.code == "kiem-diem-2024"));
}

#[test]
fn a_task_for_people_goes_to_the_people_in_post_in_the_new_year() {
    let t = Theodoi::son_tay();
    for (name, unit) in [
        ("Nguyễn Văn An", "p-ngo-quyen"),
        ("Lê Văn Cường", "x-duong-lam"),
    ] {
        t.ok(&[
            "person",
            "add",
            name,
            "--position",
            "Bí thư",
            "--unit",
            unit,
        ]);
    }
    t.ok(&[
        "task",
        "add",
        "--directive",
        "45-QĐ/TU",
        "--code",
        "xl-can-bo-2023",
        "--title",
        "Xếp loại cán bộ diện BTV quản lý năm 2023",
        "--people",
        "--rated",
        "--due",
        "dang-bo-co-so=15/12/2023",
    ]);
    t.ok(&["person", "leave", "Lê Văn Cường", "--on", "31/12/2023"]);
    t.ok(&[
        "person",
        "add",
        "Vũ Thị Giang",
        "--position",
        "Bí thư",
        "--unit",
        "x-duong-lam",
    ]);
    t.ok(&["task", "renew", "xl-can-bo-2023", "--year", "2024"]);
    let people = |task| -> BTreeSet<String> {
        obligations(&t, task)
            .into_iter()
            .filter_map(|r| r.person)
            .collect()
    };
    assert_eq!(people("xl-can-bo-2023").len(), 2);
    let now = people("xl-can-bo-2024");
    assert_eq!(now.len(), 2, "{now:?}");
    assert!(now.iter().any(|p| p.contains("giang")), "{now:?}");
    assert!(!now.iter().any(|p| p.contains("cuong")), "{now:?}");
    // Still rated: a completion needs a rating.
    let err = t.fails(&[
        "done",
        "--task",
        "xl-can-bo-2024",
        "--person",
        "Nguyễn Văn An",
        "--on",
        "10/12/2024",
    ]);
    assert!(err.contains("--rating"), "{err}");
}

const MOVE_CHI_BO: &[&str] = &[
    "task",
    "edit",
    "kiem-diem-2023",
    "--due",
    "chi-bo-co-so=15/12/2023",
    "--reason",
    "Theo Công văn số 125-CV/TU",
];

#[test]
fn a_due_date_moved_moves_what_is_open_and_keeps_what_was_judged() {
    let t = Theodoi::son_tay_reported();
    let said = t.ok(MOVE_CHI_BO);
    assert!(
        said.contains("Đã đổi thời hạn nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” đối với chi bộ cơ sở: 06/12/2023 → 15/12/2023")
            && said.contains("\nLý do: ")
            && said.contains("3 trường hợp chưa hoàn thành chuyển sang hạn mới")
            && said.contains("4 trường hợp đã hoàn thành vẫn tính theo hạn cũ"),
        "{said}"
    );
    let rows = chi_bo_co_so(&t);
    assert_eq!(rows.len(), 7);
    for code in ["cb-ban-tuyen-giao", "cb-trung-tam-y-te", "cb-thpt-son-tay"] {
        let r = &rows[code];
        assert_eq!(
            (r.due_on.as_str(), r.original_due_on.as_deref()),
            ("2023-12-15", Some("2023-12-06")),
            "{code}"
        );
    }
    // Done late against 06/12, and still so.
    let kho_bac = &rows["cb-kho-bac"];
    assert_eq!(
        (
            kho_bac.due_on.as_str(),
            kho_bac.original_due_on.as_deref(),
            kho_bac.status.as_str()
        ),
        ("2023-12-06", None, "done_late")
    );
    // Overdue from 16/12, shown as an extension is.
    let late: Vec<Row> = t.json(&["overdue", "--kind", "chi-bo-co-so", "--as-of", "15/12/2023"]);
    assert!(late.is_empty(), "{late:?}");
    let table = t.ok(&[
        "overdue",
        "--kind",
        "chi-bo-co-so",
        "--as-of",
        "16/12/2023",
        "--format",
        "md",
    ]);
    assert!(
        table.contains("| Gia hạn đến 15/12/2023 (hạn ban đầu 06/12/2023) |"),
        "{table}"
    );
    assert!(
        tasks(&t)[0].due.contains("chi-bo-co-so=2023-12-15"),
        "{:?}",
        tasks(&t)
    );
    // The log: the field, before → after, and why.
    let log = t.ok(&["log", "--format", "md"]);
    assert!(
        log.contains("Sửa nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023”: thời hạn của chi bộ cơ sở 06/12/2023")
            && log.contains("Theo Công văn số 125-CV/TU"),
        "{log}"
    );
    let entry: Vec<Value> = t.json(&["log"]);
    let details: Value = serde_json::from_str(entry[0]["details"].as_str().unwrap()).unwrap();
    assert_eq!(
        details["changes"][0],
        serde_json::json!({
            "field": "due_on", "kind": "chi-bo-co-so", "from": "2023-12-06",
            "to": "2023-12-15", "moved": 3, "kept_done": 4
        })
    );
}

#[test]
fn with_all_the_units_that_are_done_move_too() {
    let t = Theodoi::son_tay_reported();
    let mut args = MOVE_CHI_BO.to_vec();
    args.push("--all");
    let said = t.ok(&args);
    assert!(
        said.contains("4 trường hợp đã hoàn thành cũng chuyển sang hạn mới"),
        "{said}"
    );
    let rows = chi_bo_co_so(&t);
    assert!(rows.values().all(|r| r.due_on == "2023-12-15"));
    let kho_bac = &rows["cb-kho-bac"];
    assert_eq!(
        (kho_bac.original_due_on.as_deref(), kho_bac.status.as_str()),
        (Some("2023-12-06"), "done_on_time")
    );
}

#[test]
fn a_due_date_moved_needs_a_reason_and_a_kind_the_task_has() {
    let t = Theodoi::son_tay_reported();
    let err = refused(
        &t,
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--due",
            "chi-bo-co-so=15/12/2023",
        ],
    );
    assert!(
        err.contains("đổi thời hạn phải có lý do") && err.contains("--reason"),
        "{err}"
    );
    let err = refused(
        &t,
        &[
            "--lang",
            "en",
            "task",
            "edit",
            "kiem-diem-2023",
            "--due",
            "chi-bo-co-so=15/12/2023",
            "--reason",
            " ",
        ],
    );
    assert!(err.contains("the reason (--reason)"), "{err}");
    let err = refused(
        &t,
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--due",
            "chi-bo-truc-thuoc=15/12/2023",
            "--reason",
            "x",
        ],
    );
    assert!(
        err.contains("không có thời hạn cho chi bộ trực thuộc")
            && err.contains("chi bộ cơ sở (chi-bo-co-so), đảng bộ cơ sở (dang-bo-co-so)")
            && err.contains("--add-due"),
        "{err}"
    );
    let err = refused(
        &t,
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--due",
            "chi-bo-co-so=15/12/2022",
            "--reason",
            "x",
        ],
    );
    assert!(
        err.contains("15/12/2022") && err.contains("--force"),
        "{err}"
    );
    let err = refused(
        &t,
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--due",
            "chi-bo=15/12/2023",
            "--reason",
            "x",
        ],
    );
    assert!(
        err.contains("'chi-bo'") && err.contains("chi-bo-co-so"),
        "{err}"
    );
    let err = refused(&t, &["task", "edit", "kiem-diem-2023", "--all"]);
    assert!(err.contains("--due"), "{err}");
}

#[test]
fn a_kind_is_added_and_removed() {
    let t = Theodoi::son_tay_reported();
    let said = t.ok(&[
        "task",
        "edit",
        "kiem-diem-2023",
        "--add-due",
        "chi-bo-truc-thuoc=06/12/2023",
    ]);
    assert!(
        said.contains(
            "Đã thêm thời hạn nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” cho chi bộ trực thuộc: 06/12/2023 (thêm 34 trường hợp phải thực hiện)"
        ),
        "{said}"
    );
    let rows = obligations(&t, "kiem-diem-2023");
    assert_eq!(rows.len(), 23 + 34);
    assert!(
        rows.iter()
            .filter(|r| r.unit_kind == "chi-bo-truc-thuoc")
            .all(|r| r.due_on == "2023-12-06" && r.completed_on.is_none())
    );
    // Given already: --due moves it.
    let err = refused(
        &t,
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--add-due",
            "chi-bo-truc-thuoc=08/12/2023",
        ],
    );
    assert!(err.contains("--due chi-bo-truc-thuoc="), "{err}");
    // A task of one ward: no chi bộ cơ sở there.
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "bc-ngo-quyen",
        "--title",
        "Báo cáo luân chuyển",
        "--within",
        "Ngô Quyền",
        "--due",
        "chi-bo-truc-thuoc=15/01/2024",
    ]);
    let err = refused(
        &t,
        &[
            "task",
            "edit",
            "bc-ngo-quyen",
            "--add-due",
            "chi-bo-co-so=15/01/2024",
        ],
    );
    assert!(
        err.contains("trong Đảng bộ phường Ngô Quyền không có tổ chức đảng nào là chi bộ cơ sở"),
        "{err}"
    );
    t.ok(&[
        "task",
        "edit",
        "bc-ngo-quyen",
        "--add-due",
        "dang-bo-co-so=20/01/2024",
    ]);
    let ward: Vec<String> = obligations(&t, "bc-ngo-quyen")
        .into_iter()
        .map(|r| r.unit_code)
        .collect();
    assert_eq!(ward.len(), 4, "{ward:?}");
    assert!(ward.contains(&"p-ngo-quyen".to_string()), "{ward:?}");

    let said = t.ok(&[
        "task",
        "edit",
        "kiem-diem-2023",
        "--remove-due",
        "chi-bo-truc-thuoc",
    ]);
    assert!(
        said.contains("34 trường hợp không còn phải thực hiện"),
        "{said}"
    );
    assert_eq!(obligations(&t, "kiem-diem-2023").len(), 23);
    // Four chi bộ cơ sở have done it: their kind stays.
    let err = refused(
        &t,
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--remove-due",
            "chi-bo-co-so",
        ],
    );
    assert!(
        err.contains("đã có 4 kết quả hoàn thành") && err.contains("chi bộ cơ sở"),
        "{err}"
    );
    let err = refused(
        &t,
        &[
            "--lang",
            "en",
            "task",
            "edit",
            "kiem-diem-2023",
            "--remove-due",
            "chi-bo-co-so",
        ],
    );
    assert!(err.contains("4 completions"), "{err}");
}

#[test]
fn the_last_due_date_of_a_task_stays() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "bc",
        "--title",
        "Báo cáo luân chuyển",
        "--due",
        "dang-bo-co-so=15/01/2024",
    ]);
    let err = refused(&t, &["task", "edit", "bc", "--remove-due", "dang-bo-co-so"]);
    assert!(err.contains("thời hạn duy nhất"), "{err}");
    // Another kind in its place, in one change.
    t.ok(&[
        "task",
        "edit",
        "bc",
        "--remove-due",
        "dang-bo-co-so",
        "--add-due",
        "chi-bo-co-so=15/01/2024",
    ]);
    let rows = obligations(&t, "bc");
    assert_eq!(rows.len(), 7);
    assert!(rows.iter().all(|r| r.unit_kind == "chi-bo-co-so"));
}

#[test]
fn each_change_of_due_dates_undone_gives_back_the_export_before() {
    let t = Theodoi::son_tay_reported();
    undone_gives_back_the_export(&t, MOVE_CHI_BO);
    let mut all = MOVE_CHI_BO.to_vec();
    all.push("--all");
    undone_gives_back_the_export(&t, &all);
    undone_gives_back_the_export(
        &t,
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--add-due",
            "chi-bo-truc-thuoc=06/12/2023",
        ],
    );
    t.ok(&[
        "task",
        "edit",
        "kiem-diem-2023",
        "--add-due",
        "chi-bo-truc-thuoc=06/12/2023",
    ]);
    undone_gives_back_the_export(
        &t,
        &[
            "task",
            "edit",
            "kiem-diem-2023",
            "--remove-due",
            "chi-bo-truc-thuoc",
        ],
    );
}

#[test]
fn a_unit_dissolved_before_a_kind_was_added_comes_back_only_after() {
    let t = Theodoi::son_tay();
    t.ok(&["unit", "dissolve", "le-loi-tdp1", "--on", "01/12/2023"]);
    t.ok(&[
        "task",
        "edit",
        "kiem-diem-2023",
        "--add-due",
        "chi-bo-truc-thuoc=06/12/2023",
    ]);
    // Undoing the dissolution would bring back a chi bộ that missed the task.
    let log: Vec<Value> = t.json(&["log"]);
    let dissolution = log[1]["id"].to_string();
    let err = t.fails(&["undo", &dissolution]);
    assert!(err.contains(&log[0]["id"].to_string()), "{err}");
}

#[test]
fn reminders_say_how_many_days_are_left() {
    let t = Theodoi::son_tay_reported();
    let table = t.ok(&["upcoming", "--as-of", "04/12/2023", "--within", "3"]);
    assert!(
        table.contains("Số ngày còn") && table.contains("┆ 2 ngày "),
        "{table}"
    );
    let table = t.ok(&["upcoming", "--as-of", "05/12/2023", "--format", "md"]);
    assert!(table.contains("| 1 ngày |"), "{table}");
    let table = t.ok(&[
        "upcoming",
        "--as-of",
        "06/12/2023",
        "--within",
        "0",
        "--format",
        "md",
    ]);
    // The day itself: no day left, whatever day the report is of.
    assert!(table.contains("| 0 ngày |"), "{table}");
    let table = t.ok(&[
        "--lang",
        "en",
        "upcoming",
        "--as-of",
        "04/12/2023",
        "--within",
        "10",
    ]);
    assert!(
        table.contains("┆ 2 days ") && table.contains("┆ 8 days "),
        "{table}"
    );
    let table = t.ok(&[
        "--lang",
        "en",
        "upcoming",
        "--as-of",
        "06/12/2023",
        "--format",
        "md",
    ]);
    assert!(table.contains("| 0 days |"), "{table}");
    let agenda = t.ok(&[
        "agenda",
        "Ngô Quyền",
        "--as-of",
        "04/12/2023",
        "--format",
        "md",
    ]);
    assert!(
        agenda.contains("| Chưa hoàn thành, trong hạn (còn 8 ngày) |"),
        "{agenda}"
    );
    let agenda = t.ok(&["--lang", "en", "agenda", "Kim Sơn", "--as-of", "12/12/2023"]);
    // The report's day, not today, is named.
    assert!(agenda.contains("(due on 12/12/2023)"), "{agenda}");
    // Data, not words: the same number in either language.
    let rows: Vec<Row> = t.json(&["upcoming", "--as-of", "04/12/2023"]);
    assert!(rows.iter().any(|r| r.days_left == 2));
    assert!(rows.iter().all(|r| r.task == "kiem-diem-2023"));
    let vi = t.ok(&["upcoming", "--as-of", "04/12/2023", "--format", "csv"]);
    let en = t.ok(&[
        "--lang",
        "en",
        "upcoming",
        "--as-of",
        "04/12/2023",
        "--format",
        "csv",
    ]);
    assert_eq!(vi, en);
}

#[test]
fn upcoming_exits_1_when_something_falls_due_for_cron() {
    let t = Theodoi::son_tay();
    let args = |day| {
        [
            "upcoming",
            "--as-of",
            day,
            "--within",
            "7",
            "--quiet",
            "--exit-code",
        ]
    };
    let soon = t.run(&args("01/12/2023"));
    assert_eq!(soon.code, 1, "{soon:?}");
    assert!(soon.stdout.contains("┆ 5 ngày "), "{soon:?}");
    let calm = t.run(&args("20/12/2023"));
    assert_eq!((calm.code, calm.stdout.as_str()), (0, ""), "{calm:?}");
    // Without --exit-code, 0 either way.
    assert_eq!(
        t.run(&["upcoming", "--as-of", "01/12/2023", "--quiet"])
            .code,
        0
    );
}

#[test]
fn a_renewal_needs_a_directive_in_force_and_a_scope_that_exists() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "Kế hoạch số 223",
        "--code",
        "kd-le-loi-2023",
        "--title",
        "Kiểm điểm phường Lê Lợi năm 2023",
        "--within",
        "Lê Lợi",
        "--due",
        "chi-bo-truc-thuoc=06/12/2023",
    ]);
    t.ok(&[
        "directive",
        "revoke",
        "Kế hoạch số 223",
        "--on",
        "01/07/2024",
        "--reason",
        "Hết hiệu lực",
    ]);
    let err = refused(&t, &["task", "renew", "kiem-diem-2023", "--year", "2024"]);
    assert!(
        err.contains("Kế hoạch số 223 đã hết hiệu lực từ ngày 01/07/2024")
            && err.contains("--directive"),
        "{err}"
    );
    t.ok(&[
        "directive",
        "add",
        "Kế hoạch số 301",
        "--issuer",
        "Ban Thường vụ Thị ủy Sơn Tây",
        "--date",
        "20/11/2024",
        "--title",
        "Kiểm điểm năm 2024",
    ]);
    // Lê Lợi merged into Tùng Thiện: its task goes there, when asked.
    t.merge_into_tung_thien();
    let renew = [
        "task",
        "renew",
        "kd-le-loi-2023",
        "--year",
        "2024",
        "--directive",
        "Kế hoạch số 301",
    ];
    let err = refused(&t, &renew);
    assert!(
        err.contains("Đảng bộ phường Lê Lợi") && err.contains("--within"),
        "{err}"
    );
    let mut within = renew.to_vec();
    within.extend(["--within", "p-tung-thien", "--code", "kd-tung-thien-2024"]);
    t.ok(&within);
    let rows = obligations(&t, "kd-tung-thien-2024");
    let codes: BTreeSet<&str> = rows.iter().map(|r| r.unit_code.as_str()).collect();
    assert_eq!(
        codes,
        BTreeSet::from([
            "le-loi-tdp1",
            "le-loi-tdp2",
            "phu-thinh-tdp1",
            "phu-thinh-tdp2"
        ])
    );
}

/// A window of days past a hundred years is refused, as `--days` is, not
/// taken for the default.
#[test]
fn upcoming_refuses_a_window_too_long() {
    let t = Theodoi::son_tay();
    let err = t.fails(&["upcoming", "--within", "4294967297"]);
    assert_eq!(
        err,
        "theodoi: --within <SỐ_NGÀY|ĐƠN_VỊ>: '4294967297' không phải số nguyên từ 0 đến 36500\n"
    );
}
