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
        err.contains("Quang Trung")
            && err.contains("cb-trung-tam-y-te")
            && err.contains(&format!(
                "(xem `theodoi --db {} unit list --search 'Trung'`)",
                t.db.display()
            )),
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
    // The task by what it is, not by the code typed.
    assert!(
        said.starts_with(
            "Đã ghi 1 kết quả hoàn thành nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” từ tệp"
        ),
        "{said}"
    );
    let agenda: Vec<serde_json::Value> = t.json(&["agenda", "cb-ubkt", "--as-of", "13/12/2023"]);
    assert_eq!(agenda[0]["completed_on"], "2023-12-05", "{agenda:?}");
}

/// Sơn Tây with a rating task owed by every chi bộ and đảng bộ cơ sở.
fn rated() -> Theodoi {
    let t = Theodoi::son_tay();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "44-QĐ/TU",
        "--issuer",
        "Thị ủy Sơn Tây",
        "--code",
        "xep-loai-2023",
        "--title",
        "Đánh giá, xếp loại chất lượng năm 2023",
        "--rated",
        "--due",
        "chi-bo-truc-thuoc=06/12/2023",
        "--due",
        "chi-bo-co-so=06/12/2023",
        "--due",
        "dang-bo-co-so=12/12/2023",
    ]);
    t
}

/// `done --task xep-loai-2023 --unit UNIT` with more arguments.
fn rate(t: &Theodoi, unit: &str, more: &[&str]) -> crate::util::Run {
    let mut args = vec!["done", "--task", "xep-loai-2023", "--unit", unit];
    args.extend(more);
    t.run(&args)
}

/// The obligation row of `unit` under `task`, as the export writes it.
fn exported(t: &Theodoi, task: &str, unit: &str) -> serde_json::Value {
    let export: serde_json::Value = serde_json::from_str(&t.ok(&["export", "-"])).unwrap();
    let id_of = |table: &str, code: &str| {
        export["tables"][table]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["code"] == code)
            .unwrap_or_else(|| panic!("no {table} {code}"))["id"]
            .clone()
    };
    let (task, unit) = (id_of("task", task), id_of("unit", unit));
    export["tables"]["obligation"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["task_id"] == task && o["unit_id"] == unit && o["person_id"].is_null())
        .expect("an obligation")
        .clone()
}

/// The town's group in `ratings --format json`.
fn town_group(t: &Theodoi) -> serde_json::Value {
    let r: serde_json::Value = t.json(&[
        "ratings",
        "--task",
        "xep-loai-2023",
        "--as-of",
        "31/12/2023",
    ]);
    r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["group"] == "son-tay")
        .expect("the town's group")
        .clone()
}

/// The reported case: a completion rated HTTNV whose date is corrected
/// keeps its rating, evidence, note and recorder; the log names only the
/// date, before and after.
#[test]
fn a_correction_of_the_date_keeps_the_rating_and_the_rest() {
    let t = rated();
    let first = rate(
        &t,
        "cb-ubkt",
        &[
            "--on",
            "06/12/2023",
            "--rating",
            "HTTNV",
            "--evidence",
            "Biên bản họp chi bộ số 5",
            "--note",
            "Họp đủ",
        ],
    );
    assert_eq!(first.code, 0, "{first:?}");
    let said = t.ok(&[
        "--actor",
        "pho-ban",
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
        "--correct",
    ]);
    assert!(said.contains("06/12/2023 → 05/12/2023"), "{said}");
    let g = town_group(&t);
    assert_eq!(
        (g["httnv"].as_u64(), g["unrated"].as_u64()),
        (Some(1), Some(22)),
        "{g}"
    );
    let r: serde_json::Value = t.json(&[
        "ratings",
        "--task",
        "xep-loai-2023",
        "--as-of",
        "31/12/2023",
    ]);
    assert!(
        !r["issues"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["unit_code"] == "cb-ubkt"),
        "{r}"
    );
    let row = exported(&t, "xep-loai-2023", "cb-ubkt");
    assert_eq!(
        (
            row["completed_on"].as_str(),
            row["rating"].as_str(),
            row["evidence"].as_str(),
            row["note"].as_str(),
            row["recorded_by"].as_str()
        ),
        (
            Some("2023-12-05"),
            Some("HTTNV"),
            Some("Biên bản họp chi bộ số 5"),
            Some("Họp đủ"),
            Some("chuyen-vien")
        )
    );
    // The log: who corrected, what changed (only the date), as data and in words.
    let log: Vec<serde_json::Value> = t.json(&["log"]);
    assert_eq!(
        (log[0]["action"].as_str(), log[0]["actor"].as_str()),
        (Some("done.correct"), Some("pho-ban"))
    );
    let details: serde_json::Value =
        serde_json::from_str(log[0]["details"].as_str().unwrap()).unwrap();
    assert_eq!(
        details["changes"],
        serde_json::json!([{"field": "completed_on", "from": "2023-12-06", "to": "2023-12-05"}])
    );
    let line = t.ok(&["log", "--format", "md"]);
    assert!(
        line.contains("ngày hoàn thành 06/12/2023 → 05/12/2023; xếp loại giữ nguyên (HTTNV)"),
        "{line}"
    );
    assert!(
        !line.contains("minh chứng") && !line.contains("ghi chú"),
        "{line}"
    );
    let line = t.ok(&["--lang", "en", "log", "--format", "md"]);
    assert!(
        line.contains("completion date 06/12/2023 → 05/12/2023; rating kept (HTTNV)"),
        "{line}"
    );
}

/// Each field is corrected on its own; without `--on` the date stays.
#[test]
fn each_field_is_corrected_on_its_own() {
    let t = rated();
    assert_eq!(
        rate(
            &t,
            "cb-ubkt",
            &[
                "--on",
                "05/12/2023",
                "--rating",
                "HTTNV",
                "--note",
                "Họp đủ"
            ]
        )
        .code,
        0
    );
    let correct = |more: &[&str]| {
        let mut args = vec!["--correct"];
        args.extend(more);
        let r = rate(&t, "cb-ubkt", &args);
        assert_eq!(r.code, 0, "{r:?}");
        let log: Vec<serde_json::Value> = t.json(&["log"]);
        let details: serde_json::Value =
            serde_json::from_str(log[0]["details"].as_str().unwrap()).unwrap();
        details["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["field"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(correct(&["--evidence", "Biên bản số 7"]), ["evidence"]);
    assert_eq!(correct(&["--note", "Họp bổ sung"]), ["note"]);
    assert_eq!(correct(&["--rating", "HTXSNV"]), ["rating"]);
    assert_eq!(
        correct(&["--not-rated", "Thành lập chưa đủ 6 tháng"]),
        ["rating", "not_rated"]
    );
    let row = exported(&t, "xep-loai-2023", "cb-ubkt");
    assert_eq!(
        (
            row["completed_on"].as_str(),
            row["rating"].as_str(),
            row["not_rated_reason"].as_str(),
            row["evidence"].as_str(),
            row["note"].as_str()
        ),
        (
            Some("2023-12-05"),
            None,
            Some("Thành lập chưa đủ 6 tháng"),
            Some("Biên bản số 7"),
            Some("Họp bổ sung")
        )
    );
    let line = t.ok(&["log", "--format", "md"]);
    assert!(
        line.contains(
            "bỏ xếp loại (trước là HTXSNV); thêm lý do không xếp loại: “Thành lập chưa đủ 6 tháng”"
        ),
        "{line}"
    );
    // Naming what is recorded changes nothing, and logs nothing.
    let before: Vec<serde_json::Value> = t.json(&["log"]);
    let said = t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-ubkt",
        "--note",
        "Họp bổ sung",
        "--correct",
    ]);
    assert!(said.starts_with("Không có gì thay đổi"), "{said}");
    assert_eq!(
        t.json::<Vec<serde_json::Value>>(&["log"]).len(),
        before.len()
    );
}

/// Lower levels first compares dates: a đảng bộ done on a day needs every
/// unit under it that owes the task done by then.
#[test]
fn a_dang_bo_done_before_its_chi_bo_by_date_is_refused_unless_forced() {
    let t = rated();
    for (unit, on) in [
        ("ngo-quyen-tdp1", "05/12/2023"),
        ("ngo-quyen-tdp2", "04/12/2023"),
        ("ngo-quyen-tdp3", "06/12/2023"),
    ] {
        let r = rate(&t, unit, &["--on", on, "--rating", "HTTNV"]);
        assert_eq!(r.code, 0, "{r:?}");
    }
    let before = t.snapshot();
    let err = t.fails(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "p-ngo-quyen",
        "--on",
        "05/12/2023",
        "--rating",
        "HTTNV",
    ]);
    assert!(
        err.contains("05/12/2023")
            && err.contains("Chi bộ tổ dân phố 3 phường Ngô Quyền (06/12/2023)")
            && err.contains("--force"),
        "{err}"
    );
    assert!(
        !err.contains("tổ dân phố 1") && !err.contains("tổ dân phố 2"),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);
    let err = t.fails(&[
        "--lang",
        "en",
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "p-ngo-quyen",
        "--on",
        "05/12/2023",
        "--rating",
        "HTTNV",
    ]);
    assert!(
        err.contains("by the rule Lower levels first") && err.contains("(06/12/2023)"),
        "{err}"
    );
    // On the day the last one was done: recorded.
    let r = rate(
        &t,
        "p-ngo-quyen",
        &["--on", "06/12/2023", "--rating", "HTTNV"],
    );
    assert_eq!(r.code, 0, "{r:?}");
    // A correction that moves a chi bộ after its đảng bộ is refused too…
    let err = t.fails(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "ngo-quyen-tdp1",
        "--on",
        "07/12/2023",
        "--correct",
    ]);
    assert!(
        err.contains("07/12/2023") && err.contains("Đảng bộ phường Ngô Quyền (06/12/2023)"),
        "{err}"
    );
    // …and with --force, recorded and kept as forced.
    let r = rate(
        &t,
        "ngo-quyen-tdp1",
        &["--on", "07/12/2023", "--correct", "--force"],
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(exported(&t, "xep-loai-2023", "ngo-quyen-tdp1")["forced"], 1);
    // The đảng bộ moved back before it, by force: the record says so.
    let r = rate(
        &t,
        "p-ngo-quyen",
        &["--on", "05/12/2023", "--correct", "--force"],
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(exported(&t, "xep-loai-2023", "p-ngo-quyen")["forced"], 1);
}

/// A completion more than a year from its due date is a year typed wrong,
/// most likely: refused unless forced.
#[test]
fn a_completion_a_year_from_its_due_date_needs_force() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "10/01/2025",
    ]);
    assert!(
        err.contains("10/01/2025") && err.contains("06/12/2023") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);
    // Long before a due date (a plan for 2025 recorded done in 2023).
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "luan-chuyen-2025",
        "--title",
        "Luân chuyển cán bộ đến năm 2025",
        "--due",
        "chi-bo-co-so=31/12/2025",
    ]);
    let err = t.fails(&[
        "--lang",
        "en",
        "done",
        "--task",
        "luan-chuyen-2025",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
    ]);
    assert!(
        err.contains("05/12/2023") && err.contains("31/12/2025") && err.contains("--force"),
        "{err}"
    );
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "10/01/2025",
        "--force",
    ]);
    assert_eq!(exported(&t, "kiem-diem-2023", "cb-ubkt")["forced"], 1);
}

/// A file of corrections: the rows that change nothing are passed over, the
/// others corrected; what a row leaves empty stays as recorded.
#[test]
fn a_file_of_corrections_changes_only_what_differs() {
    let t = Theodoi::son_tay_reported();
    let file = t.dir.path().join("sua.csv");
    std::fs::write(
        &file,
        "unit,on,evidence,note\n\
         cb-ubkt,05/12/2023,,\n\
         cb-kho-bac,07/12/2023,,\n",
    )
    .unwrap();
    let args = [
        "done",
        "--task",
        "kiem-diem-2023",
        "--from",
        file.to_str().unwrap(),
        "--correct",
    ];
    let said = t.ok(&args);
    assert!(said.contains(" 1 "), "{said}");
    let row = exported(&t, "kiem-diem-2023", "cb-kho-bac");
    assert_eq!(
        (row["completed_on"].as_str(), row["note"].as_str()),
        (
            Some("2023-12-07"),
            Some("Họp muộn do đồng chí Bí thư đi công tác")
        )
    );
    // Again: nothing left to change, nothing written.
    let said = t.ok(&args);
    assert!(said.starts_with("Không có gì thay đổi"), "{said}");
}

/// `--correct` with nothing recorded is refused, not taken for a new
/// result; a result dated after the unit ended is refused unless forced.
#[test]
fn a_correction_needs_a_result_and_a_result_needs_the_unit() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-trung-tam-y-te",
        "--correct",
        "--on",
        "07/12/2023",
    ]);
    assert_eq!(
        err,
        "theodoi: Chi bộ Trung tâm Y tế thị xã chưa có kết quả nào của nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” để sửa; muốn ghi kết quả thì bỏ --correct\n"
    );
    assert_eq!(t.snapshot(), before);
    t.ok(&[
        "unit",
        "dissolve",
        "cb-trung-tam-y-te",
        "--on",
        "10/12/2023",
        "--force",
    ]);
    let before = t.snapshot();
    let args = [
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-trung-tam-y-te",
        "--on",
        "11/12/2023",
    ];
    let err = t.fails(&args);
    assert!(
        err.contains("ngày hoàn thành 11/12/2023 sau ngày Chi bộ Trung tâm Y tế thị xã giải thể hoặc sáp nhập (10/12/2023)"),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);
    t.ok(&[&args[..], &["--force"]].concat());
}

/// A result half a year or more after its due date is recorded, with a
/// word on stderr to check the year.
#[test]
fn a_result_very_late_asks_to_check_the_year() {
    let t = Theodoi::son_tay();
    let run = t.run(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ban-tuyen-giao",
        "--on",
        "05/12/2024",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr,
        "Cảnh báo: ngày hoàn thành 05/12/2024 muộn 365 ngày so với hạn 06/12/2023; nếu gõ nhầm năm thì sửa bằng --correct --on NGÀY\n"
    );
    let run = t.run(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "20/12/2023",
    ]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
}

/// `done --dry-run` checks and writes nothing, and says so: it said
/// "Đã ghi kết quả" as if it had recorded.
#[test]
fn a_dry_run_says_it_recorded_nothing() {
    let t = Theodoi::son_tay();
    let out = t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Thanh Mỹ",
        "--on",
        "10/12/2023",
        "--dry-run",
    ]);
    assert!(
        out.starts_with("Chạy thử (--dry-run), chưa ghi gì"),
        "{out}"
    );
    assert!(out.contains("Đảng bộ xã Thanh Mỹ"), "{out}");
    let log = t.ok(&["log", "--format", "csv"]);
    assert!(!log.contains("Thanh Mỹ"), "{log}");
}

#[test]
fn the_log_says_why_a_result_is_not_rated() {
    let t = rated();
    let run = rate(
        &t,
        "cb-ubkt",
        &[
            "--on",
            "05/12/2023",
            "--not-rated",
            "Thành lập chưa đủ 6 tháng",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let log = t.ok(&["log", "--format", "md"]);
    assert!(
        log.contains("ngày 05/12/2023; không xếp loại (Thành lập chưa đủ 6 tháng)"),
        "{log}"
    );
    let en = t.ok(&["--lang", "en", "log", "--format", "md"]);
    assert!(
        en.contains("; not rated (Thành lập chưa đủ 6 tháng)"),
        "{en}"
    );
}

/// The command the hint of a unit that does not owe the task suggests, run
/// as a clerk pastes it into a shell: whole, the unit by a word the shell
/// takes, `--due` where the task sets no due date for the unit's kind.
#[cfg(unix)]
#[test]
fn the_task_assign_hint_after_done_runs_as_pasted() {
    let t = Theodoi::son_tay();
    // A long name with an apostrophe, of a kind the task has a due date for.
    let name = "Chi bộ Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội thị xã Sơn Tây (O'Hara)";
    t.ok(&[
        "unit",
        "add",
        name,
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--no-tasks",
    ]);
    let pasted = |unit: &str, due: &str| {
        let args = [
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            unit,
            "--on",
            "05/12/2023",
        ];
        paste_hint(&t, &args, due)
    };
    let hint = pasted(name, "");
    assert!(!hint.contains("--due"), "{hint}");
    // A kind the task sets no due date for: the hint asks for one.
    let hint = pasted("le-loi-tdp1", "06/12/2023");
    assert!(hint.ends_with("--unit le-loi-tdp1 --due NGÀY"), "{hint}");
}

/// Runs `args`, which fail with a command to paste between backquotes at
/// the end; runs that command in a shell as a clerk pastes it (`NGÀY` read
/// as `due`), then `args` again, which now succeed. Returns the command.
#[cfg(unix)]
fn paste_hint(t: &Theodoi, args: &[&str], due: &str) -> String {
    let err = t.fails(args);
    let hint = err
        .split('`')
        .nth(1)
        .unwrap_or_else(|| panic!("no command in {err}"))
        .to_string();
    assert!(err.trim_end().ends_with('`'), "{err}");
    let command = hint.replace("NGÀY", due);
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_theodoi"))
        .parent()
        .expect("binary's folder")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // The clean environment of the other commands, and `theodoi` on PATH.
    let base = t.command_without_db(&[]);
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c").arg(&command);
    for (k, v) in base.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.env("PATH", path).stdin(std::process::Stdio::null());
    let r = crate::util::run(cmd);
    assert_eq!(r.code, 0, "{command}: {r:?}");
    t.ok(args);
    hint
}

/// A unit founded after the task's due date for its kind: `task assign`
/// wants a due date of its own for it, so the hint after `done` asks for one
/// as `unit add`'s does, and pasted with a day it gives the task.
#[cfg(unix)]
#[test]
fn the_task_assign_hint_for_a_unit_founded_after_the_due_date_asks_for_one() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "unit",
        "add",
        "Chi bộ Trung tâm Chính trị",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "cb-ttct",
        "--founded",
        "10/12/2023",
        "--no-tasks",
    ]);
    let args = [
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ttct",
        "--on",
        "12/12/2023",
    ];
    let hint = paste_hint(&t, &args, "20/12/2023");
    assert!(
        hint.ends_with("task assign kiem-diem-2023 --unit cb-ttct --due NGÀY"),
        "{hint}"
    );
}

/// Codes that begin with `-`: refused wherever a code is made, in one line
/// naming the code and what a code may be, nothing written; one an older
/// file holds is written in each suggested command where the command line
/// reads it as a value (`--unit=-x`, a task's after `--`), and pasted it
/// runs; such a file still exports and imports.
#[cfg(unix)]
#[test]
fn a_code_that_begins_with_a_dash() {
    crate::util::skip_on_postgres!("edits the SQLite file by hand");
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let unit_add = |code: &str| {
        vec![
            "unit",
            "add",
            "Chi bộ Trung tâm Chính trị",
            "--kind",
            "chi-bo-co-so",
            "--parent",
            "son-tay",
        ]
        .into_iter()
        .map(str::to_string)
        .chain([code.to_string()])
        .collect::<Vec<_>>()
    };
    let units = t.dir.path().join("donvi.csv");
    std::fs::write(
        &units,
        "code,name,kind,parent\n-x,Chi bộ Trung tâm Chính trị,chi-bo-co-so,son-tay\n",
    )
    .unwrap();
    let units = units.to_str().unwrap().to_string();
    for (args, code) in [
        (unit_add("--code=-x"), "-x"),
        (unit_add("--code=--x"), "--x"),
        (
            [
                "task",
                "add",
                "--directive",
                "Kế hoạch số 223",
                "--title",
                "Báo cáo sơ kết",
                "--due",
                "chi-bo-co-so=20/12/2023",
                "--code=-t",
            ]
            .map(str::to_string)
            .to_vec(),
            "-t",
        ),
        (
            ["task", "edit", "kiem-diem-2023", "--code=-t"]
                .map(str::to_string)
                .to_vec(),
            "-t",
        ),
        (
            ["unit", "import", units.as_str()]
                .map(str::to_string)
                .to_vec(),
            "-x",
        ),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = t.fails(&args);
        assert!(
            err.contains(&format!("mã không hợp lệ '{code}'"))
                && err.contains("không bắt đầu bằng -"),
            "{args:?}: {err}"
        );
        assert_eq!(t.snapshot(), before, "{args:?}");
    }
    let err = t.fails(&[
        "--lang",
        "en",
        "unit",
        "add",
        "X",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code=-x",
    ]);
    assert!(err.contains("not beginning with -"), "{err}");

    // An older file's codes.
    t.ok(&[
        "unit",
        "add",
        "Chi bộ Trung tâm Chính trị",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "cb-ttct",
        "--no-tasks",
    ]);
    {
        let conn = rusqlite::Connection::open(&t.db).unwrap();
        conn.execute_batch(
            "UPDATE unit SET code = '-x' WHERE code = 'cb-ttct'; \
             UPDATE task SET code = '-t' WHERE code = 'kiem-diem-2023';",
        )
        .unwrap();
    }
    let args = ["done", "--task=-t", "--unit=-x", "--on", "05/12/2023"];
    let hint = paste_hint(&t, &args, "");
    assert_eq!(hint, t.typed("task assign --unit=-x -- -t"));
    let export = t.dir.path().join("xuat.json");
    t.ok(&["export", export.to_str().unwrap()]);
    let other = Theodoi::new();
    other.ok(&["import", export.to_str().unwrap()]);
    assert!(
        other
            .ok(&["unit", "list", "--format", "json"])
            .contains("\"-x\"")
    );
}
