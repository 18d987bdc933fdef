//! Nothing lost: the change log, corrections, undo, extensions, renames,
//! moves, and databases made by earlier versions.

use serde::Deserialize;

use crate::util::{OverdueRow, Theodoi, UnitRow, repo_file};

#[derive(Debug, Deserialize)]
struct LogRow {
    id: i64,
    /// `null` when nobody was named.
    #[serde(deserialize_with = "actor_or_unknown")]
    actor: String,
    action: String,
    /// JSON text.
    details: String,
    undoes: Option<i64>,
    undone_by: Option<i64>,
}

/// An actor from the log's JSON: `null` read as `?`.
fn actor_or_unknown<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(<Option<String> as serde::Deserialize>::deserialize(d)?.unwrap_or_else(|| "?".into()))
}

impl LogRow {
    fn details(&self) -> serde_json::Value {
        serde_json::from_str(&self.details).expect("details are JSON")
    }
}

#[derive(Debug, Deserialize)]
struct AgendaRow {
    due_on: String,
    completed_on: Option<String>,
    status: String,
    original_due_on: Option<String>,
}

fn agenda(t: &Theodoi, unit: &str, as_of: &str) -> AgendaRow {
    let mut rows: Vec<AgendaRow> = t.json(&["agenda", unit, "--as-of", as_of]);
    assert_eq!(rows.len(), 1);
    rows.remove(0)
}

#[test]
fn every_change_is_logged_with_who_and_what() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "--actor",
        "Nguyễn Thị Hà",
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
    ]);
    let mut cmd = t.command(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Thanh Mỹ",
        "--on",
        "10/12/2023",
    ]);
    cmd.env("THEODOI_ACTOR", "Trần Văn Bình");
    assert_eq!(crate::util::run(cmd).code, 0);
    let log: Vec<LogRow> = t.json(&["log"]);
    // 5 directives, 1 import, 1 task, 2 completions; newest first.
    assert_eq!(log.len(), 9);
    assert_eq!(
        (log[0].actor.as_str(), log[0].action.as_str()),
        ("Trần Văn Bình", "done")
    );
    assert_eq!(log[0].details()["unit"], "Đảng bộ xã Thanh Mỹ");
    assert_eq!(log[1].actor, "Nguyễn Thị Hà");
    assert_eq!(
        log[1].details()["unit"],
        "Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy"
    );
    // The log line in words is the table's; JSON carries the action and details.
    let table = t.ok(&["log", "--format", "md"]);
    assert!(
        table.contains(
            "Ghi kết quả: Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy hoàn thành nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” ngày 05/12/2023"
        ),
        "{table}"
    );
    assert_eq!(log[2].action, "task.add");
    assert_eq!(log[3].action, "unit.import");
    assert_eq!(log[3].details()["n"], 59);
    assert!(
        log[4..]
            .iter()
            .all(|l| l.action == "directive.add" && l.actor == "chuyen-vien")
    );
    // Filters: by unit, by directive.
    let about: Vec<LogRow> = t.json(&["log", "--unit", "Thanh Mỹ"]);
    assert_eq!(about.len(), 1);
    let about: Vec<LogRow> = t.json(&["log", "--directive", "Kế hoạch số 223"]);
    assert_eq!(about.len(), 4);
    let en = t.ok(&[
        "--lang",
        "en",
        "log",
        "--unit",
        "Thanh Mỹ",
        "--format",
        "md",
    ]);
    assert!(
        en.contains("Recorded: Đảng bộ xã Thanh Mỹ did the task “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” on 10/12/2023"),
        "{en}"
    );
}

#[test]
fn a_correction_keeps_the_first_record_and_undo_takes_it_back() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Kho bạc",
        "--on",
        "08/12/2023",
    ]);
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Kho bạc",
        "--on",
        "05/12/2023",
    ]);
    assert!(err.contains("--correct"), "{err}");
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Kho bạc",
        "--on",
        "05/12/2023",
        "--correct",
    ]);
    assert_eq!(agenda(&t, "Kho bạc", "13/12/2023").status, "done_on_time");
    let log: Vec<LogRow> = t.json(&["log", "--unit", "Kho bạc"]);
    assert_eq!(log[0].action, "done.correct");
    assert_eq!(
        (
            log[0].details()["was"].as_str(),
            log[0].details()["on"].as_str()
        ),
        (Some("08/12/2023"), Some("05/12/2023"))
    );

    // Undo twice: the correction, then the first record.
    let out = t.ok(&["undo"]);
    assert!(out.contains(&format!("#{}", log[0].id)), "{out}");
    let row = agenda(&t, "Kho bạc", "13/12/2023");
    assert_eq!(
        (row.status.as_str(), row.completed_on.as_deref()),
        ("done_late", Some("2023-12-08"))
    );
    t.ok(&["undo"]);
    assert_eq!(agenda(&t, "Kho bạc", "13/12/2023").status, "overdue");
    let log: Vec<LogRow> = t.json(&["log"]);
    assert_eq!(
        (log[0].action.as_str(), log[0].undoes),
        ("undo", Some(log[3].id))
    );
    assert_eq!(log[3].undone_by, Some(log[0].id));
    // Undoing an undo by its number redoes the change.
    t.ok(&["undo", &log[0].id.to_string()]);
    assert_eq!(agenda(&t, "Kho bạc", "13/12/2023").status, "done_late");
}

#[test]
fn undo_of_a_task_and_of_an_import_and_what_blocks_it() {
    let t = Theodoi::son_tay();
    // The task was added after the import: undoing the import is refused.
    let log: Vec<LogRow> = t.json(&["log"]);
    let import = log.iter().find(|l| l.action == "unit.import").unwrap().id;
    let task = log.iter().find(|l| l.action == "task.add").unwrap().id;
    let before = t.snapshot();
    let err = t.fails(&["undo", &import.to_string()]);
    // It names the change to undo first: the task, whose obligations point at the units.
    assert!(
        err.contains("không hoàn tác được") && err.contains(&format!("hoàn tác #{task} trước")),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);
    // Undo the task (its 23 obligations go), then the import.
    t.ok(&["undo"]);
    assert_eq!(t.ok(&["task", "list"]), "Chưa có nhiệm vụ nào.\n");
    t.ok(&["undo"]);
    assert_eq!(t.ok(&["unit", "list"]), "Chưa có tổ chức đảng nào.\n");
    // Redo the import: every unit is back, in the same tree.
    let log: Vec<LogRow> = t.json(&["log"]);
    t.ok(&["undo", &log[0].id.to_string()]);
    let units: Vec<UnitRow> = t.json(&["unit", "list"]);
    assert_eq!(units.len(), 59);
    assert_eq!(units[1].parent.as_deref(), Some("son-tay"));
    let err = t.fails(&["undo", "999"]);
    assert!(err.contains("#999"), "{err}");
}

#[test]
fn extension_moves_the_due_date_and_keeps_the_first() {
    let t = Theodoi::son_tay();
    t.extend_kim_son();
    let row = agenda(&t, "Kim Sơn", "15/12/2023");
    assert_eq!(
        (
            row.due_on.as_str(),
            row.original_due_on.as_deref(),
            row.status.as_str()
        ),
        ("2023-12-20", Some("2023-12-12"), "open")
    );
    let overdue: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "15/12/2023"]);
    assert!(!overdue.iter().any(|r| r.unit_code == "x-kim-son"));
    let overdue: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "21/12/2023"]);
    assert!(
        overdue
            .iter()
            .any(|r| r.unit_code == "x-kim-son" && r.days_overdue == 1)
    );
    let table = t.ok(&[
        "agenda",
        "Kim Sơn",
        "--as-of",
        "15/12/2023",
        "--format",
        "md",
    ]);
    assert!(
        table.contains("Gia hạn đến") && table.contains("(hạn ban đầu 12/12/2023)"),
        "{table}"
    );
    // Only later, only open, always with a reason.
    let err = t.fails(&[
        "extend",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Kim Sơn",
        "--to",
        "18/12/2023",
        "--reason",
        "x",
    ]);
    assert!(err.contains("18/12/2023"), "{err}");
    let err = t.fails(&[
        "extend",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Kim Sơn",
        "--to",
        "28/12/2023",
        "--reason",
        " ",
    ]);
    assert!(err.contains("--reason"), "{err}");
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
    ]);
    t.fails(&[
        "extend",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--to",
        "28/12/2023",
        "--reason",
        "x",
    ]);
}

#[test]
fn rename_and_move_keep_the_old_values_in_the_log() {
    let t = Theodoi::son_tay();
    t.ok(&["unit", "rename", "Kim Sơn", "Đảng bộ xã Kim Sơn mới"]);
    t.ok(&["unit", "move", "kim-son-t1", "--to", "Đường Lâm"]);
    let units: Vec<UnitRow> = t.json(&["unit", "list", "--search", "kim"]);
    let t1 = units.iter().find(|u| u.code == "kim-son-t1").unwrap();
    assert_eq!(t1.parent.as_deref(), Some("x-duong-lam"));
    assert!(units.iter().any(|u| u.name == "Đảng bộ xã Kim Sơn mới"));
    let log: Vec<LogRow> = t.json(&["log", "--unit", "x-kim-son"]);
    assert_eq!(log[0].details()["from"], "Đảng bộ xã Kim Sơn");
    // A move that breaks the tree is refused.
    let err = t.fails(&["unit", "move", "x-duong-lam", "--to", "duong-lam-mong-phu"]);
    assert!(err.contains("Chi bộ thôn Mông Phụ"), "{err}");
    let err = t.fails(&["unit", "move", "son-tay", "--to", "x-duong-lam"]);
    assert!(!err.is_empty());
    t.ok(&["undo"]);
    t.ok(&["undo"]);
    let units: Vec<UnitRow> = t.json(&["unit", "list", "--search", "kim"]);
    assert!(units.iter().any(|u| u.name == "Đảng bộ xã Kim Sơn"));
    assert_eq!(
        units
            .iter()
            .find(|u| u.code == "kim-son-t1")
            .unwrap()
            .parent
            .as_deref(),
        Some("x-kim-son")
    );
}

#[test]
fn a_version_1_database_opens_and_upgrades_in_place() {
    crate::util::skip_on_postgres!("a version 1 SQLite file");
    let t = Theodoi::bare();
    std::fs::copy(repo_file("tests/fixtures/v1-son-tay.db"), &t.db).unwrap();
    let version = |path: &std::path::Path| -> i64 {
        rusqlite::Connection::open(path)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap()
    };
    assert_eq!(version(&t.db), 1);
    let rows: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "13/12/2023"]);
    assert_eq!(rows.len(), 13);
    assert!(version(&t.db) >= 2);
    // The upgraded file takes changes and logs them.
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Thanh Mỹ",
        "--on",
        "13/12/2023",
    ]);
    let log: Vec<LogRow> = t.json(&["log"]);
    assert_eq!(log.len(), 1);
}

#[test]
fn names_that_look_like_sql_are_stored_verbatim() {
    let t = Theodoi::son_tay();
    let names = [
        "'); DROP TABLE unit;--",
        "Chi bộ \"Ngôi sao\" 'trích dẫn'",
        "Chi bộ dòng một\ndòng hai",
        "Chi bộ 🚩 Cờ đỏ",
    ];
    for (i, name) in names.iter().enumerate() {
        t.ok(&[
            "unit",
            "add",
            name,
            "--kind",
            "chi-bo-co-so",
            "--parent",
            "son-tay",
            "--code",
            &format!("x{i}"),
        ]);
    }
    let units: Vec<UnitRow> = t.json(&["unit", "list"]);
    for (i, name) in names.iter().enumerate() {
        let stored = units.iter().find(|u| u.code == format!("x{i}")).unwrap();
        // Whitespace runs (the newline) are collapsed like every name; the rest is verbatim.
        assert_eq!(stored.name, name.replace('\n', " "));
    }
    assert_eq!(units.len(), 59 + names.len());
}

#[derive(Debug, Deserialize)]
struct Progress {
    group: String,
    total: u64,
    overdue: u64,
    cancelled: u64,
}

#[test]
fn a_replaced_directive_stops_counting_what_is_open() {
    let t = Theodoi::son_tay_reported();
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
        "Đánh giá, xếp loại",
    ]);
    let out = t.ok(&[
        "directive",
        "replace",
        "Kế hoạch số 223",
        "--by",
        "366-QĐ/TW",
    ]);
    assert!(
        out.contains("dừng theo dõi 12 trường hợp chưa hoàn thành"),
        "{out}"
    );
    // Before the replacement the units were late; from it on nothing counts as late.
    let before: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "30/06/2025"]);
    assert_eq!(before.len(), 12);
    let after: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "01/07/2025"]);
    assert!(after.is_empty());
    let progress: Vec<Progress> = t.json(&["progress", "--as-of", "01/07/2025"]);
    let chi_bo = progress.iter().find(|p| p.group == "chi-bo-co-so").unwrap();
    assert_eq!((chi_bo.total, chi_bo.overdue, chi_bo.cancelled), (7, 0, 3));
    let agenda: Vec<serde_json::Value> =
        t.json(&["agenda", "cb-thpt-son-tay", "--as-of", "01/07/2025"]);
    assert_eq!(agenda[0]["status"], "cancelled");
    assert_eq!(agenda[0]["cancelled_reason"], "được thay thế bởi 366-QĐ/TW");
    let err = t.fails(&[
        "directive",
        "revoke",
        "Kế hoạch số 223",
        "--on",
        "02/07/2025",
        "--reason",
        "x",
    ]);
    assert!(err.contains("01/07/2025"), "{err}");
    // Undo puts everything back.
    t.ok(&["undo"]);
    let again: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "01/07/2025"]);
    assert_eq!(again.len(), 12);
}

#[test]
fn merged_wards_pass_open_work_to_their_successor() {
    let t = Theodoi::son_tay_reported();
    // Lê Lợi reported on 11/12/2023; Phú Thịnh never did.
    let out = t.merge_into_tung_thien();
    assert!(
        out.contains("0 nhiệm vụ") && out.contains("1 nhiệm vụ"),
        "{out}"
    );
    // As of a day before the merger the old wards are as they were.
    let before: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "30/06/2025"]);
    assert!(before.iter().any(|r| r.unit_code == "p-phu-thinh"));
    assert!(!before.iter().any(|r| r.unit_code == "p-tung-thien"));
    // From the merger the successor owes what was open.
    let after: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "01/07/2025"]);
    assert!(!after.iter().any(|r| r.unit_code == "p-phu-thinh"));
    assert!(
        after
            .iter()
            .any(|r| r.unit_code == "p-tung-thien" && r.due_on == "2023-12-12")
    );
    // What Lê Lợi did stays with Lê Lợi.
    let le_loi: Vec<serde_json::Value> = t.json(&["agenda", "p-le-loi", "--as-of", "01/07/2025"]);
    assert_eq!(le_loi[0]["status"], "done_on_time");
    // Their chi bộ moved to the new ward; the old wards are marked.
    let units: Vec<UnitRow> = t.json(&["unit", "list", "--search", "le loi"]);
    assert!(
        units
            .iter()
            .filter(|u| u.code.starts_with("le-loi-"))
            .all(|u| u.parent.as_deref() == Some("p-tung-thien"))
    );
    let table = t.ok(&["unit", "list", "--search", "p-le-loi"]);
    assert!(
        table.contains("sáp nhập vào Đảng bộ phường Tùng Thiện từ 01/07/2025"),
        "{table}"
    );
    // A new task does not reach dissolved units.
    let out = t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--title",
        "Báo cáo",
        "--due",
        "dang-bo-co-so=01/08/2025",
    ]);
    assert!(out.contains(": 15 tổ chức đảng"), "{out}");
}

#[test]
fn dissolving_needs_the_units_under_it_gone_first() {
    let t = Theodoi::son_tay_reported();
    let err = t.fails(&["unit", "dissolve", "x-kim-son", "--on", "01/07/2025"]);
    assert!(
        err.contains("Kim Trung") && err.contains("unit merge"),
        "{err}"
    );
    t.ok(&["unit", "dissolve", "cb-thpt-son-tay", "--on", "01/01/2024"]);
    let late: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "02/01/2024"]);
    assert!(!late.iter().any(|r| r.unit_code == "cb-thpt-son-tay"));
    let late: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "31/12/2023"]);
    assert!(late.iter().any(|r| r.unit_code == "cb-thpt-son-tay"));
}

#[test]
fn editing_a_directive_or_a_task_keeps_the_old_values() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "edit",
        "188-KH/TU",
        "--title",
        "Luân chuyển cán bộ năm 2024",
        "--date",
        "07/11/2023",
    ]);
    t.ok(&[
        "task",
        "edit",
        "kiem-diem-2023",
        "--code",
        "kd-2023",
        "--title",
        "Kiểm điểm năm 2023",
    ]);
    let list: Vec<crate::util::DirectiveRow> = t.json(&["directive", "list", "--search", "188"]);
    assert_eq!(
        (list[0].title.as_str(), list[0].issued_on.as_str()),
        ("Luân chuyển cán bộ năm 2024", "2023-11-07")
    );
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    assert_eq!(
        (tasks[0]["code"].as_str(), tasks[0]["title"].as_str()),
        (Some("kd-2023"), Some("Kiểm điểm năm 2023"))
    );
    // The log keeps each field changed, before and after, as data: the same
    // in any language.
    let log: Vec<LogRow> = t.json(&["log"]);
    assert_eq!(log[0].action, "task.edit");
    assert_eq!(
        log[0].details()["changes"],
        serde_json::json!([
            {"field": "code", "from": "kiem-diem-2023", "to": "kd-2023"},
            {
                "field": "title",
                "from": "Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023",
                "to": "Kiểm điểm năm 2023"
            }
        ])
    );
    assert_eq!(log[1].action, "directive.edit");
    assert_eq!(
        log[1].details(),
        serde_json::json!({
            "directive": "188-KH/TU",
            "changes": [
                {"field": "issued_on", "from": "2023-11-06", "to": "2023-11-07"},
                {
                    "field": "title",
                    "from": "Luân chuyển, điều động, biệt phái cán bộ",
                    "to": "Luân chuyển cán bộ năm 2024"
                }
            ]
        })
    );
    let en: Vec<serde_json::Value> = t.json(&["--lang", "en", "log"]);
    assert_eq!(en[1]["details"].as_str(), Some(log[1].details.as_str()));
    // The log line names them, in the reader's language; nothing else.
    let vi = t.ok(&["log", "--format", "md"]);
    assert!(
        vi.contains("Sửa văn bản 188-KH/TU: ngày ban hành 06/11/2023 → 07/11/2023; trích yếu"),
        "{vi}"
    );
    assert!(
        vi.contains("Sửa nhiệm vụ “Kiểm điểm năm 2023”: mã kiem-diem-2023 → kd-2023; tên nhiệm vụ"),
        "{vi}"
    );
    assert!(!vi.contains("cơ quan ban hành"), "{vi}");
    let en = t.ok(&["--lang", "en", "log", "--format", "md"]);
    assert!(
        en.contains("Corrected directive 188-KH/TU: issued on 06/11/2023 → 07/11/2023; subject"),
        "{en}"
    );
    // A code in use is refused; undo restores the old title.
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "khac",
        "--title",
        "Khác",
        "--due",
        "chi-bo-co-so=01/01/2024",
    ]);
    let err = t.fails(&["task", "edit", "khac", "--code", "KD-2023"]);
    assert!(err.contains("kd-2023"), "{err}");
    t.ok(&["undo"]);
    t.ok(&["undo"]);
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    assert_eq!(tasks[0]["code"], "kiem-diem-2023");
}

/// Undo, redo, undo again: the marks of the log say what is in force, and a
/// plain `undo` never picks a change that is not.
#[test]
fn undo_of_undo_of_undo_leaves_marks_that_match_the_record() {
    let t = Theodoi::son_tay();
    let before = t.ok(&["export", "-"]);
    t.extend_kim_son();
    let log: Vec<LogRow> = t.json(&["log"]);
    let extension = log[0].id;
    t.ok(&["undo"]);
    let undo = extension + 1;
    t.ok(&["undo", &undo.to_string()]);
    let redo = undo + 1;
    t.ok(&["undo", &redo.to_string()]);
    // The extension is undone again, by the first undo, which stands again.
    let log: Vec<LogRow> = t.json(&["log"]);
    let find = |id: i64| log.iter().find(|c| c.id == id).expect("a change");
    assert_eq!(find(extension).undone_by, Some(undo), "{log:?}");
    assert_eq!(find(undo).undone_by, None, "{log:?}");
    assert_eq!(find(redo).undone_by, Some(redo + 1), "{log:?}");
    let strip = |export: &str| {
        let mut v: serde_json::Value = serde_json::from_str(export).unwrap();
        v["tables"].as_object_mut().unwrap().remove("change");
        v["tables"].as_object_mut().unwrap().remove("change_row");
        v
    };
    assert_eq!(strip(&t.ok(&["export", "-"])), strip(&before));
    // Nothing of this actor is in force to take back any more but the import
    // and the directives of the scenario: a plain undo takes the newest of them.
    let said = t.ok(&["undo"]);
    assert!(!said.contains(&format!("#{extension}")), "{said}");
}

/// A command that finds the record as it asks changes nothing and logs nothing.
#[test]
fn a_command_that_changes_nothing_logs_nothing() {
    let t = Theodoi::son_tay();
    let log = |t: &Theodoi| t.json::<Vec<LogRow>>(&["log"]).len();
    let before = log(&t);
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    let title = tasks[0]["title"].as_str().expect("a title").to_string();
    let code = tasks[0]["code"].as_str().expect("a code").to_string();
    for args in [
        &["task", "edit", &code, "--title", &title][..],
        &["rules", "set", "htxsnv-quota-pct", "20"],
    ] {
        let said = t.ok(args);
        assert!(said.starts_with("Không có gì thay đổi"), "{args:?}: {said}");
    }
    let header_only = t.dir.path().join("trong.csv");
    std::fs::write(&header_only, "code,name,kind,parent\n").unwrap();
    let said = t.ok(&["unit", "import", header_only.to_str().unwrap()]);
    assert!(said.starts_with("Không có gì thay đổi"), "{said}");
    let said = t.ok(&["--lang", "en", "task", "edit", &code, "--title", &title]);
    assert!(said.starts_with("Nothing changed"), "{said}");
    assert_eq!(log(&t), before);
}

/// A unit dissolved, then a task added without it: undoing the dissolution
/// would bring back a unit that never owes the task; it is refused.
#[test]
fn a_dissolved_unit_is_not_revived_past_a_task_added_without_it() {
    let t = Theodoi::son_tay();
    t.ok(&["unit", "dissolve", "cb-kho-bac", "--on", "01/07/2025"]);
    let dissolution: Vec<LogRow> = t.json(&["log"]);
    let dissolution = dissolution[0].id;
    t.ok(&[
        "task",
        "add",
        "--directive",
        "Kế hoạch số 223",
        "--code",
        "kd-2025",
        "--title",
        "Kiểm điểm năm 2025",
        "--due",
        "chi-bo-co-so=06/12/2025",
    ]);
    let before = t.ok(&["export", "-"]);
    let err = t.fails(&["undo", &dissolution.to_string()]);
    assert!(err.contains(&format!("#{}", dissolution + 1)), "{err}");
    assert_eq!(t.ok(&["export", "-"]), before);
    t.ok(&["undo", &(dissolution + 1).to_string()]);
    t.ok(&["undo", &dissolution.to_string()]);
}

/// An undo's log line says what it took back in the reader's language, and
/// the number of the change being made is no change to undo.
#[test]
fn the_log_says_undos_in_the_readers_language() {
    let t = Theodoi::son_tay();
    t.extend_kim_son();
    t.ok(&["undo"]);
    let en = t.ok(&["--lang", "en", "log", "--format", "md"]);
    assert!(
        en.contains("Undid #")
            && en.contains("extended the task “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023”"),
        "{en}"
    );
    let vi = t.ok(&["log", "--format", "md"]);
    assert!(
        vi.contains("Hoàn tác #")
            && vi.contains("gia hạn nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023”"),
        "{vi}"
    );
    let log: Vec<LogRow> = t.json(&["log"]);
    let next = (log[0].id + 1).to_string();
    let err = t.fails(&["undo", &next]);
    assert!(err.contains(&format!("#{next}")), "{err}");
}

/// A cron job has `LOGNAME` but often no `USER`: the log still names who ran it.
#[test]
fn a_cron_job_is_logged_under_its_login_name() {
    let t = Theodoi::new();
    t.ok(&["init"]);
    let mut cmd = t.command(&[
        "directive",
        "add",
        "188-KH/TU",
        "--issuer",
        "Ban Thường vụ Thành ủy Hà Nội",
        "--date",
        "06/11/2023",
        "--title",
        "Luân chuyển cán bộ",
    ]);
    cmd.env_remove("USER")
        .env_remove("USERNAME")
        .env("LOGNAME", "bantochuc");
    assert_eq!(crate::util::run(cmd).code, 0);
    let log: Vec<LogRow> = t.json(&["log"]);
    assert_eq!(log[0].actor, "bantochuc");
}

/// With no name given and no login name, the log says in words that the
/// name is unknown; JSON keeps the stored mark.
#[test]
fn an_unknown_actor_is_said_in_words() {
    let t = Theodoi::new();
    let mut cmd = t.command(&[
        "directive",
        "add",
        "188-KH/TU",
        "--issuer",
        "Ban Thường vụ Thành ủy Hà Nội",
        "--date",
        "06/11/2023",
        "--title",
        "Luân chuyển cán bộ",
    ]);
    cmd.env_remove("USER")
        .env_remove("USERNAME")
        .env_remove("LOGNAME");
    assert_eq!(crate::util::run(cmd).code, 0);
    let log: Vec<LogRow> = t.json(&["log"]);
    if crate::util::on_postgres() {
        // On a server, the name of the login.
        assert!(!["?", ""].contains(&log[0].actor.as_str()), "{log:?}");
    } else {
        // JSON says nobody was named with null (read here as `?`).
        assert_eq!(log[0].actor, "?");
        let raw = t.ok(&["log", "--format", "json"]);
        assert!(
            raw.contains(r#""actor": null"#) || raw.contains(r#""actor":null"#),
            "{raw}"
        );
        let mut cmd = t.command(&["log"]);
        cmd.env_remove("USER")
            .env_remove("USERNAME")
            .env_remove("LOGNAME");
        let said = crate::util::run(cmd).stdout;
        assert!(said.contains("(không rõ tên)"), "{said}");
    }
    let mut cmd = t.command(&["--lang", "en", "undo"]);
    cmd.env_remove("USER")
        .env_remove("USERNAME")
        .env_remove("LOGNAME")
        .env("THEODOI_ACTOR", "someone-else");
    let err = crate::util::run(cmd).stderr;
    assert!(err.contains("no change by someone-else to undo"), "{err}");
    // The same nobody undoes it (on a server: the login that made it).
    let mut cmd = t.command(&["undo"]);
    cmd.env_remove("USER")
        .env_remove("USERNAME")
        .env_remove("LOGNAME");
    let undone = crate::util::run(cmd);
    assert_eq!(undone.code, 0, "{undone:?}");
    let left = t.ok(&["directive", "list", "--format", "json"]);
    assert!(!left.contains("188-KH/TU"), "{left}");
}
