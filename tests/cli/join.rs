//! Units that join the tree owe the open tasks of their kind and place;
//! `task assign` gives a task to units after the fact; a unit that changes
//! kind takes its new kind's due dates for what it still owes.

use serde::Deserialize;

use crate::util::{OverdueRow, Theodoi};

/// One row of `agenda --format json`: what one unit owes or did.
#[derive(Debug, Deserialize)]
struct AgendaRow {
    unit_code: String,
    unit_kind: String,
    task: String,
    due_on: String,
    status: String,
    person: Option<String>,
    passed_on: Option<String>,
}

/// One entry of `log --format json`.
#[derive(Debug, Deserialize)]
struct LogRow {
    action: String,
    details: String,
}

/// A chi bộ cơ sở added under the town, founded on `founded` when given;
/// `extra` arguments after. What the command printed.
fn add_school(t: &Theodoi, founded: Option<&str>, extra: &[&str]) -> String {
    let mut args = vec![
        "unit",
        "add",
        "Chi bộ Trường THCS Sơn Lộc",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "cb-thcs-son-loc",
    ];
    if let Some(day) = founded {
        args.extend(["--founded", day]);
    }
    args.extend(extra);
    t.ok(&args)
}

/// The overdue rows of one unit as of a day.
fn overdue_of(t: &Theodoi, unit: &str, day: &str) -> Vec<OverdueRow> {
    let rows: Vec<OverdueRow> = t.json(&["overdue", "--as-of", day]);
    rows.into_iter().filter(|r| r.unit_code == unit).collect()
}

/// What one unit owes as of a day.
fn agenda(t: &Theodoi, unit: &str, day: &str) -> Vec<AgendaRow> {
    t.json(&["agenda", unit, "--as-of", day])
}

/// The newest entry of the log.
fn newest_log(t: &Theodoi) -> LogRow {
    let rows: Vec<LogRow> = t.json(&["log"]);
    rows.into_iter().next().expect("a log entry")
}

#[test]
fn a_unit_added_on_1_december_owes_the_review_and_is_late_on_the_7th() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let count = |t: &Theodoi| -> usize {
        t.ok(&["overdue", "--as-of", "07/12/2023", "--count"])
            .trim()
            .parse()
            .expect("a count")
    };
    let late_before = count(&t);
    let out = add_school(&t, Some("01/12/2023"), &[]);
    assert_eq!(
        out,
        "Đã thêm tổ chức đảng: Chi bộ Trường THCS Sơn Lộc (mã cb-thcs-son-loc)\n\
         \x20 phải thực hiện nhiệm vụ kiem-diem-2023 (Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023), hạn 06/12/2023\n"
    );
    // Late from 07/12/2023, as every chi bộ cơ sở that has not reported.
    let late = overdue_of(&t, "cb-thcs-son-loc", "07/12/2023");
    assert_eq!(late.len(), 1, "{late:?}");
    assert_eq!(
        (late[0].due_on.as_str(), late[0].days_overdue),
        ("2023-12-06", 1)
    );
    // It owes it from the day it was founded, not before, and no report
    // says it was passed on from anywhere.
    assert!(agenda(&t, "cb-thcs-son-loc", "30/11/2023").is_empty());
    let owed = agenda(&t, "cb-thcs-son-loc", "01/12/2023");
    assert_eq!(owed.len(), 1);
    assert_eq!(
        (owed[0].status.as_str(), owed[0].passed_on.as_deref()),
        ("open", None)
    );
    // `overdue --count` counts it with the others.
    assert_eq!(count(&t), late_before + 1);
    // The log keeps the tasks it now owes as data, the same in any language.
    let log = newest_log(&t);
    assert_eq!(log.action, "unit.add");
    let details: serde_json::Value = serde_json::from_str(&log.details).unwrap();
    assert_eq!(details["tasks"], serde_json::json!(["kiem-diem-2023"]));
    let line = t.ok(&["log", "--format", "md"]);
    assert!(
        line.contains("Thêm tổ chức đảng Chi bộ Trường THCS Sơn Lộc (cb-thcs-son-loc); phải thực hiện: “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023”"),
        "{line}"
    );
    let en = t.ok(&["--lang", "en", "log", "--format", "md"]);
    assert!(
        en.contains("; now owes: “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023”"),
        "{en}"
    );
    // Undone, the unit and what it owed are gone.
    t.ok(&["undo"]);
    assert_eq!(t.snapshot(), before);
}

#[test]
fn no_tasks_gives_none_and_says_which_it_could_owe() {
    let t = Theodoi::son_tay();
    let out = add_school(&t, Some("01/12/2023"), &["--no-tasks"]);
    assert!(
        out.contains("không giao nhiệm vụ nào (--no-tasks)")
            && out.contains("kiem-diem-2023 (hạn 06/12/2023)")
            && out.contains(&t.typed("task assign MÃ --unit cb-thcs-son-loc")),
        "{out}"
    );
    assert!(overdue_of(&t, "cb-thcs-son-loc", "07/12/2023").is_empty());
    assert!(agenda(&t, "cb-thcs-son-loc", "07/12/2023").is_empty());
    let en = t.ok(&[
        "--lang",
        "en",
        "unit",
        "add",
        "Chi bộ Trường Tiểu học Sơn Lộc",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--founded",
        "01/12/2023",
        "--no-tasks",
    ]);
    assert!(en.contains("no task given (--no-tasks)"), "{en}");
}

#[test]
fn a_unit_founded_after_the_due_date_is_not_late() {
    let t = Theodoi::son_tay();
    let out = add_school(&t, Some("07/12/2023"), &[]);
    assert!(
        out.contains(
            "không giao nhiệm vụ kiem-diem-2023 (Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023): hạn 06/12/2023 trước ngày thành lập 07/12/2023"
        ) && out.contains(&format!("`{}`", t.typed("task assign kiem-diem-2023 --unit cb-thcs-son-loc --due NGÀY"))),
        "{out}"
    );
    assert!(overdue_of(&t, "cb-thcs-son-loc", "13/12/2023").is_empty());
    assert!(agenda(&t, "cb-thcs-son-loc", "13/12/2023").is_empty());

    // Without a date of its own, the task's would make it late before it
    // existed: refused, nothing written.
    let before = t.snapshot();
    let err = t.fails(&[
        "task",
        "assign",
        "kiem-diem-2023",
        "--unit",
        "cb-thcs-son-loc",
    ]);
    assert!(
        err.contains("hạn 06/12/2023 của nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” trước ngày thành lập 07/12/2023")
            && err.contains("--due"),
        "{err}"
    );
    let err = t.fails(&[
        "task",
        "assign",
        "kiem-diem-2023",
        "--unit",
        "cb-thcs-son-loc",
        "--due",
        "05/12/2023",
    ]);
    assert!(err.contains("--due 05/12/2023"), "{err}");
    assert_eq!(t.snapshot(), before);

    // With one: owed from its founding, late from the day after that date.
    let out = t.ok(&[
        "task",
        "assign",
        "kiem-diem-2023",
        "--unit",
        "cb-thcs-son-loc",
        "--due",
        "20/12/2023",
    ]);
    assert_eq!(
        out,
        "Đã giao nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” cho Chi bộ Trường THCS Sơn Lộc, hạn 20/12/2023\n"
    );
    assert!(overdue_of(&t, "cb-thcs-son-loc", "20/12/2023").is_empty());
    let late = overdue_of(&t, "cb-thcs-son-loc", "21/12/2023");
    assert_eq!(
        (late[0].due_on.as_str(), late[0].days_overdue),
        ("2023-12-20", 1)
    );
    assert!(agenda(&t, "cb-thcs-son-loc", "06/12/2023").is_empty());
    // The log names the unit and the date given.
    let log = t.ok(&["log", "--format", "md"]);
    assert!(
        log.contains(
            "Giao nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” cho 1 tổ chức đảng: Chi bộ Trường THCS Sơn Lộc, hạn 20/12/2023"
        ),
        "{log}"
    );
    let en = t.ok(&["--lang", "en", "log", "--format", "md"]);
    assert!(
        en.contains(
            "Gave the task “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” to 1 unit: Chi bộ Trường THCS Sơn Lộc, due 20/12/2023"
        ),
        "{en}"
    );
    t.ok(&["undo"]);
    assert_eq!(t.snapshot(), before);
}

#[test]
fn a_unit_added_for_a_merger_leaves_the_days_before_it_as_they_were() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        "366-QĐ/TW",
        "--type",
        "quy-dinh",
        "--issuer",
        "Bộ Chính trị",
        "--date",
        "01/07/2025",
        "--title",
        "Kiểm điểm, đánh giá, xếp loại chất lượng hằng năm",
    ]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "366-QĐ/TW",
        "--code",
        "kiem-diem-2025",
        "--title",
        "Kiểm điểm năm 2025",
        "--due",
        "dang-bo-co-so=12/12/2025",
    ]);
    let reports = |day: &str| -> String {
        ["overdue", "upcoming", "progress", "agenda"]
            .iter()
            .map(|report| {
                let mut args = vec![*report];
                if *report == "agenda" {
                    args.push("son-tay");
                }
                if *report == "upcoming" {
                    args.extend(["--days", "400"]);
                }
                args.extend(["--as-of", day, "--format", "json"]);
                t.ok(&args)
            })
            .collect()
    };
    let before = reports("30/06/2025");
    let out = t.ok(&[
        "unit",
        "add",
        "Đảng bộ phường Tùng Thiện",
        "--kind",
        "dang-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "p-tung-thien",
        "--founded",
        "01/07/2025",
    ]);
    assert!(
        out.contains("phải thực hiện nhiệm vụ kiem-diem-2025 (Kiểm điểm năm 2025), hạn 12/12/2025")
            && out.contains("không giao nhiệm vụ kiem-diem-2023")
            && !out.contains("phải thực hiện nhiệm vụ kiem-diem-2023"),
        "{out}"
    );
    t.ok(&[
        "unit",
        "merge",
        "p-le-loi",
        "p-phu-thinh",
        "--into",
        "p-tung-thien",
        "--on",
        "01/07/2025",
    ]);
    let after = reports("30/06/2025");
    assert!(after == before, "{}", first_difference(&before, &after));
    // The successor owes the review of 2025 once: its own, not the merged
    // wards' passed on.
    let owed: Vec<AgendaRow> = agenda(&t, "p-tung-thien", "01/07/2025")
        .into_iter()
        .filter(|r| r.unit_code == "p-tung-thien" && r.task == "kiem-diem-2025")
        .collect();
    assert_eq!(owed.len(), 1, "{owed:?}");
    assert_eq!(owed[0].passed_on, None);
}

#[test]
fn task_assign_missing_is_idempotent() {
    let t = Theodoi::son_tay();
    add_school(&t, Some("01/12/2023"), &["--no-tasks"]);
    t.ok(&[
        "unit",
        "add",
        "Chi bộ Trường Tiểu học Sơn Lộc",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "cb-th-son-loc",
        "--founded",
        "01/12/2023",
        "--no-tasks",
    ]);
    // Founded after the due date: left out, and named.
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
    let before = t.snapshot();
    let out = t.ok(&["task", "assign", "kiem-diem-2023", "--missing"]);
    assert!(
        out.starts_with("Đã giao nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” cho 2 tổ chức đảng còn thiếu\n")
            && out.contains("cho Chi bộ Trường THCS Sơn Lộc, hạn 06/12/2023")
            && out.contains("cho Chi bộ Trường Tiểu học Sơn Lộc, hạn 06/12/2023")
            && out.contains(
                "không giao cho Chi bộ Trung tâm Chính trị: thành lập ngày 10/12/2023, sau hạn 06/12/2023"
            )
            && out.contains("--unit cb-ttct --due NGÀY"),
        "{out}"
    );
    assert_eq!(overdue_of(&t, "cb-th-son-loc", "07/12/2023").len(), 1);
    let after = t.snapshot();
    // Again: nothing is missing any more; nothing changes, nothing logged.
    let log = t.ok(&["log", "--format", "json"]);
    let again = t.ok(&["task", "assign", "kiem-diem-2023", "--missing"]);
    assert!(again.contains("Không có gì thay đổi"), "{again}");
    assert_eq!(t.snapshot(), after);
    assert_eq!(t.ok(&["log", "--format", "json"]), log);
    let en = t.ok(&[
        "--lang",
        "en",
        "task",
        "assign",
        "kiem-diem-2023",
        "--missing",
    ]);
    assert!(en.contains("Nothing changed"), "{en}");
    // Undone, the units lack it again.
    t.ok(&["undo"]);
    assert_eq!(t.snapshot(), before);
}

#[test]
fn task_assign_gives_a_kind_with_no_due_date_one_with_due() {
    let t = Theodoi::son_tay_reported();
    let before = t.snapshot();
    // Plan 223 sets no date for chi bộ trực thuộc.
    let err = t.fails(&["task", "assign", "kiem-diem-2023", "--unit", "le-loi-tdp1"]);
    assert!(
        err.contains("không có hạn cho chi bộ trực thuộc (Chi bộ tổ dân phố 1 phường Lê Lợi)")
            && err.contains("chỉ cho: chi bộ cơ sở, đảng bộ cơ sở")
            && err.contains("--due"),
        "{err}"
    );
    let err = t.fails(&[
        "--lang",
        "en",
        "task",
        "assign",
        "kiem-diem-2023",
        "--unit",
        "le-loi-tdp1",
    ]);
    assert!(err.contains("sets no due date for kind"), "{err}");
    assert_eq!(t.snapshot(), before);
    // `done` says how to give it.
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "le-loi-tdp1",
        "--on",
        "05/12/2023",
    ]);
    assert!(
        err.contains("Chi bộ tổ dân phố 1 phường Lê Lợi không thuộc danh sách phải thực hiện")
            && err.contains(&t.typed("task assign kiem-diem-2023 --unit")),
        "{err}"
    );

    let out = t.ok(&[
        "task",
        "assign",
        "kiem-diem-2023",
        "--unit",
        "le-loi-tdp1",
        "le-loi-tdp2",
        "cb-ubkt",
        "--due",
        "08/12/2023",
    ]);
    assert_eq!(
        out,
        "Đã giao nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” cho Chi bộ tổ dân phố 1 phường Lê Lợi, hạn 08/12/2023\n\
         Đã giao nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” cho Chi bộ tổ dân phố 2 phường Lê Lợi, hạn 08/12/2023\n\
         Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy đã có nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” (hạn 06/12/2023); không giao lại\n"
    );
    let late = overdue_of(&t, "le-loi-tdp2", "09/12/2023");
    assert_eq!(late[0].due_on, "2023-12-08");
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "le-loi-tdp1",
        "--on",
        "07/12/2023",
    ]);
    t.ok(&["undo"]);
    t.ok(&["undo"]);
    assert_eq!(t.snapshot(), before);

    // Named again, a unit that owes it already: said, nothing changes, exit 0.
    let out = t.ok(&["task", "assign", "kiem-diem-2023", "--unit", "cb-ubkt"]);
    assert!(
        out.contains(
            "đã có nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” (hạn 06/12/2023)"
        ) && out.contains("Không có gì thay đổi"),
        "{out}"
    );
    assert_eq!(t.snapshot(), before);
}

#[test]
fn task_assign_refuses_with_one_line_and_writes_nothing() {
    let t = Theodoi::son_tay_reported();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "luan-chuyen",
        "--title",
        "Báo cáo luân chuyển cán bộ",
        "--due",
        "chi-bo-truc-thuoc=20/12/2023",
        "--within",
        "p-le-loi",
    ]);
    t.ok(&["unit", "dissolve", "cb-kho-bac", "--on", "01/01/2024"]);
    let before = t.snapshot();
    let refusals: [(&[&str], &str); 9] = [
        (
            &["task", "assign", "luan-chuyen", "--unit", "ngo-quyen-tdp1"],
            "không thuộc phạm vi của nhiệm vụ “Báo cáo luân chuyển cán bộ” (các tổ chức đảng thuộc Đảng bộ phường Lê Lợi)",
        ),
        (
            &["task", "assign", "kiem-diem-2023", "--unit", "cb-kho-bac"],
            "đã giải thể hoặc sáp nhập từ ngày 01/01/2024",
        ),
        (
            &["task", "assign", "kiem-diem-2023", "--unit", "khong-co"],
            "không tìm thấy tổ chức đảng 'khong-co'",
        ),
        (
            &["task", "assign", "khong-co", "--missing"],
            "không tìm thấy nhiệm vụ 'khong-co'",
        ),
        (
            &["task", "assign", "kiem-diem-2023"],
            "thiếu tham số bắt buộc",
        ),
        (
            &[
                "task",
                "assign",
                "kiem-diem-2023",
                "--unit",
                "cb-ubkt",
                "--missing",
            ],
            "không dùng --unit",
        ),
        (
            &[
                "task",
                "assign",
                "kiem-diem-2023",
                "--missing",
                "--due",
                "31/02/2023",
            ],
            "ngày 31/02/2023 không có thật",
        ),
        (
            &[
                "task",
                "assign",
                "luan-chuyen",
                "--unit",
                "le-loi-tdp1",
                "--due",
                "01/11/2023",
            ],
            "thời hạn 01/11/2023 trước ngày ban hành 06/11/2023",
        ),
        (
            // The first unit is fine, the second is not: nothing at all.
            &[
                "task",
                "assign",
                "kiem-diem-2023",
                "--unit",
                "cb-thpt-son-tay",
                "le-loi-tdp1",
            ],
            "không có hạn cho chi bộ trực thuộc",
        ),
    ];
    for (args, want) in refusals {
        let err = t.fails(args);
        assert!(err.contains(want), "{args:?}: {err}");
    }
    assert_eq!(t.snapshot(), before);
    // A revoked directive gives no more tasks.
    t.ok(&[
        "directive",
        "revoke",
        "188-KH/TU",
        "--on",
        "01/01/2024",
        "--reason",
        "Hết hiệu lực",
    ]);
    let before = t.snapshot();
    let err = t.fails(&["task", "assign", "luan-chuyen", "--missing"]);
    assert!(err.contains("đã hết hiệu lực từ ngày 01/01/2024"), "{err}");
    assert_eq!(t.snapshot(), before);
}

#[test]
fn a_task_for_people_goes_to_the_people_in_post() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "person",
        "add",
        "Nguyễn Văn An",
        "--position",
        "Bí thư Đảng ủy phường",
        "--unit",
        "Ngô Quyền",
    ]);
    t.add_leaders_review();
    // Two who took their posts after the task was set.
    for (name, unit) in [
        ("Trần Thị Bình", "Ngô Quyền"),
        ("Lê Văn Cường", "Đường Lâm"),
    ] {
        t.ok(&[
            "person",
            "add",
            name,
            "--position",
            "Phó Bí thư",
            "--unit",
            unit,
        ]);
    }
    let err = t.fails(&["task", "assign", "xl-can-bo-2023", "--unit", "Kim Sơn"]);
    assert!(
        err.contains("nhiệm vụ “Xếp loại cán bộ năm 2023” là của cán bộ, mà Đảng bộ xã Kim Sơn không có cán bộ nào đang giữ chức"),
        "{err}"
    );
    let err = t.fails(&[
        "done",
        "--task",
        "xl-can-bo-2023",
        "--person",
        "Trần Thị Bình",
        "--rating",
        "HTTNV",
        "--on",
        "10/12/2023",
    ]);
    assert!(
        err.contains(&t.typed("task assign xl-can-bo-2023")),
        "{err}"
    );
    let before = t.snapshot();
    let out = t.ok(&["task", "assign", "xl-can-bo-2023", "--unit", "Ngô Quyền"]);
    assert_eq!(
        out,
        "Đã giao nhiệm vụ “Xếp loại cán bộ năm 2023” cho Trần Thị Bình (Đảng bộ phường Ngô Quyền), hạn 15/12/2023\n\
         Nguyễn Văn An (Đảng bộ phường Ngô Quyền) đã có nhiệm vụ “Xếp loại cán bộ năm 2023” (hạn 15/12/2023); không giao lại\n"
    );
    let out = t.ok(&["task", "assign", "xl-can-bo-2023", "--missing"]);
    assert!(
        out.starts_with("Đã giao nhiệm vụ “Xếp loại cán bộ năm 2023” cho 1 cán bộ còn thiếu\n")
            && out.contains("Lê Văn Cường (Đảng bộ xã Đường Lâm)"),
        "{out}"
    );
    let owed: Vec<AgendaRow> = agenda(&t, "x-duong-lam", "16/12/2023")
        .into_iter()
        .filter(|r| r.task == "xl-can-bo-2023")
        .collect();
    assert_eq!(owed.len(), 1);
    assert_eq!(owed[0].person.as_deref(), Some("le-van-cuong"));
    assert_eq!(owed[0].status, "overdue");
    assert!(t.ok(&["log", "--format", "md"]).contains(
        "Giao nhiệm vụ “Xếp loại cán bộ năm 2023” cho 1 cán bộ: Lê Văn Cường (Đảng bộ xã Đường Lâm)"
    ),);
    t.ok(&["undo"]);
    t.ok(&["undo"]);
    assert_eq!(t.snapshot(), before);
}

#[test]
fn a_file_of_units_joins_the_open_tasks() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("donvi.csv");
    std::fs::write(
        &file,
        "code,name,kind,parent,founded\n\
         p-tung-thien,Đảng bộ phường Tùng Thiện,dang-bo-co-so,son-tay,01/12/2023\n\
         tung-thien-tdp1,Chi bộ tổ dân phố 1 phường Tùng Thiện,chi-bo-truc-thuoc,p-tung-thien,01/12/2023\n\
         cb-thcs-son-loc,Chi bộ Trường THCS Sơn Lộc,chi-bo-co-so,son-tay,01/12/2023\n\
         cb-moi,Chi bộ Trung tâm Chính trị,chi-bo-co-so,son-tay,10/12/2023\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let before = t.snapshot();
    let out = t.ok(&["unit", "import", path, "--dry-run"]);
    assert!(out.contains("chạy thử"), "{out}");
    assert_eq!(t.snapshot(), before);
    let out = t.ok(&["unit", "import", path]);
    assert!(
        out.contains("  2 tổ chức đảng mới phải thực hiện nhiệm vụ kiem-diem-2023")
            && out.contains(
                "  1 tổ chức đảng mới thành lập sau hạn của nhiệm vụ kiem-diem-2023: không giao"
            ),
        "{out}"
    );
    let late: Vec<String> = t
        .json::<Vec<OverdueRow>>(&["overdue", "--as-of", "13/12/2023"])
        .into_iter()
        .map(|r| r.unit_code)
        .collect();
    assert!(
        late.contains(&"p-tung-thien".to_string())
            && late.contains(&"cb-thcs-son-loc".to_string())
            && !late.contains(&"cb-moi".to_string())
            && !late.contains(&"tung-thien-tdp1".to_string()),
        "{late:?}"
    );
    let log = t.ok(&["log", "--format", "md"]);
    assert!(
        log.contains("; 2 nghĩa vụ mới của: “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023”"),
        "{log}"
    );
    t.ok(&["undo"]);
    assert_eq!(t.snapshot(), before);
    let out = t.ok(&["unit", "import", path, "--no-tasks"]);
    assert!(
        out.contains("không giao nhiệm vụ nào (--no-tasks), dù 2 tổ chức đảng mới thuộc phạm vi của: kiem-diem-2023"),
        "{out}"
    );
    assert!(overdue_of(&t, "p-tung-thien", "13/12/2023").is_empty());
}

#[test]
fn a_change_of_kind_moves_open_due_dates_and_keeps_closed_ones() {
    let t = Theodoi::son_tay_reported();
    let before = t.snapshot();
    let due_of = |unit: &str| -> (String, String, String) {
        let rows = agenda(&t, unit, "31/12/2023");
        let row = rows
            .iter()
            .find(|r| r.unit_code == unit && r.task == "kiem-diem-2023")
            .expect("a row");
        (
            row.unit_kind.clone(),
            row.due_on.clone(),
            row.status.clone(),
        )
    };
    assert_eq!(overdue_of(&t, "cb-trung-tam-y-te", "07/12/2023").len(), 1);
    // The health centre's chi bộ (open) and the Inspection Committee's
    // (done 05/12/2023) become đảng bộ cơ sở from 01/12/2023.
    let out = t.ok(&[
        "unit",
        "edit",
        "cb-trung-tam-y-te",
        "--kind",
        "dang-bo-co-so",
        "--on",
        "01/12/2023",
    ]);
    assert_eq!(
        out,
        "Đã chuyển Chi bộ Trung tâm Y tế thị xã từ chi bộ cơ sở thành đảng bộ cơ sở\n\
         \x20 hạn theo loại mới: nhiệm vụ kiem-diem-2023 06/12/2023 → 12/12/2023\n"
    );
    t.ok(&[
        "unit",
        "edit",
        "cb-ubkt",
        "--kind",
        "dang-bo-co-so",
        "--on",
        "01/12/2023",
    ]);
    assert_eq!(
        due_of("cb-trung-tam-y-te"),
        (
            "dang-bo-co-so".into(),
            "2023-12-12".into(),
            "overdue".into()
        )
    );
    assert_eq!(
        due_of("cb-ubkt"),
        (
            "dang-bo-co-so".into(),
            "2023-12-06".into(),
            "done_on_time".into()
        )
    );
    // Not late on 07/12 any more: a đảng bộ cơ sở has until 12/12.
    assert!(overdue_of(&t, "cb-trung-tam-y-te", "07/12/2023").is_empty());
    assert_eq!(overdue_of(&t, "cb-trung-tam-y-te", "13/12/2023").len(), 1);
    // The log keeps the dates before and after, in both languages.
    let log = t.ok(&["log", "--format", "md"]);
    assert!(
        log.contains("(từ 01/12/2023); hạn theo loại mới: “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” 06/12/2023 → 12/12/2023"),
        "{log}"
    );
    let en = t.ok(&["--lang", "en", "log", "--format", "md"]);
    assert!(
        en.contains("; due as the new kind: “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” 06/12/2023 → 12/12/2023"),
        "{en}"
    );
    // Undone, each due date is as it was.
    t.ok(&["undo"]);
    t.ok(&["undo"]);
    assert_eq!(t.snapshot(), before);

    // A correction: the kind was always the new one; so are the dates.
    let out = t.ok(&[
        "--lang",
        "en",
        "unit",
        "edit",
        "cb-trung-tam-y-te",
        "--kind",
        "dang-bo-co-so",
        "--correct",
    ]);
    assert!(
        out.contains("  due as the new kind: task kiem-diem-2023 06/12/2023 → 12/12/2023"),
        "{out}"
    );
    t.ok(&["undo"]);
    assert_eq!(t.snapshot(), before);
}

#[test]
fn a_kind_without_a_due_date_or_a_change_after_it_keeps_the_date_and_says_so() {
    let t = Theodoi::son_tay_reported();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "bao-cao-2025",
        "--title",
        "Báo cáo năm 2025",
        "--due",
        "chi-bo-co-so=15/12/2025",
    ]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "44-QĐ/TU",
        "--code",
        "xep-loai-2025",
        "--title",
        "Xếp loại năm 2025",
        "--due",
        "dang-bo-co-so=20/12/2025",
    ]);
    let before = t.snapshot();
    let out = t.ok(&[
        "unit",
        "edit",
        "cb-trung-tam-y-te",
        "--kind",
        "dang-bo-co-so",
        "--on",
        "01/07/2025",
    ]);
    assert_eq!(
        out,
        format!(
            "Đã chuyển Chi bộ Trung tâm Y tế thị xã từ chi bộ cơ sở thành đảng bộ cơ sở\n\
         \x20 giữ hạn 06/12/2023 của nhiệm vụ kiem-diem-2023: đã đến hạn trước ngày đổi loại\n\
         \x20 giữ hạn 15/12/2025 của nhiệm vụ bao-cao-2025: nhiệm vụ không có hạn cho đảng bộ cơ sở\n\
         \x20 nhiệm vụ đang thực hiện của đảng bộ cơ sở mà tổ chức đảng này chưa được giao: xep-loai-2025 (hạn 20/12/2025); nếu phải thực hiện: `{}`\n",
            t.typed("task assign MÃ --unit cb-trung-tam-y-te")
        )
    );
    // Reports of the days before the change show the old kind and date.
    let late = overdue_of(&t, "cb-trung-tam-y-te", "13/12/2023");
    assert_eq!(
        (late[0].unit_kind.as_str(), late[0].due_on.as_str()),
        ("chi-bo-co-so", "2023-12-06")
    );
    let later = overdue_of(&t, "cb-trung-tam-y-te", "16/12/2025");
    assert!(
        later
            .iter()
            .any(|r| r.unit_kind == "dang-bo-co-so" && r.due_on == "2025-12-15"),
        "{later:?}"
    );
    // The clerk gives it the đảng bộ's task with the command it was told.
    t.ok(&[
        "task",
        "assign",
        "xep-loai-2025",
        "--unit",
        "cb-trung-tam-y-te",
    ]);
    t.ok(&["undo"]);
    t.ok(&["undo"]);
    assert_eq!(t.snapshot(), before);
}

/// Where two long texts first differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let from = a[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = |s: &str| s[from..].lines().next().unwrap_or_default().to_string();
    format!("before: {}\nafter:  {}", line(a), line(b))
}

/// `--missing` leaves a past report as it was: a unit recorded after the
/// due date with no founding day counts from the day it was recorded, as a
/// unit that joins does, and a person who took up the post after the due
/// date is left out.
#[test]
fn task_assign_missing_does_not_rewrite_the_past() {
    let t = Theodoi::son_tay_reported();
    add_school(&t, None, &["--no-tasks"]);
    let before = t.ok(&["overdue", "--as-of", "07/12/2023", "--format", "csv"]);
    t.ok(&[
        "person",
        "add",
        "Lê Thị Hoa",
        "--position",
        "Bí thư",
        "--unit",
        "cb-kho-bac",
        "--from",
        "01/01/2020",
    ]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "44-QĐ/TU",
        "--code",
        "xl-cb",
        "--title",
        "Xếp loại cán bộ",
        "--people",
        "--due",
        "chi-bo-co-so=15/12/2023",
    ]);
    t.ok(&[
        "person",
        "add",
        "Phạm Văn Dũng",
        "--position",
        "Bí thư",
        "--unit",
        "cb-ubkt",
        "--from",
        "01/07/2024",
    ]);
    let people_before = t.ok(&["overdue", "--as-of", "16/12/2023", "--format", "csv"]);
    t.ok(&["task", "assign", "kiem-diem-2023", "--missing"]);
    t.ok(&["task", "assign", "xl-cb", "--missing"]);
    assert_eq!(
        t.ok(&["overdue", "--as-of", "07/12/2023", "--format", "csv"]),
        before
    );
    assert_eq!(
        t.ok(&["overdue", "--as-of", "16/12/2023", "--format", "csv"]),
        people_before
    );
}
