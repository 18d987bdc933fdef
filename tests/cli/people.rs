//! Leaders the Standing Committee manages (Quy định 45): the register, tasks
//! for people, their ratings.

use serde::Deserialize;

use crate::util::{OverdueRow, Theodoi};

#[derive(Debug, Deserialize)]
struct PersonRow {
    code: String,
    name: String,
    position: String,
    unit: String,
    from_on: Option<String>,
    to_on: Option<String>,
}

/// Sơn Tây with four leaders: two in Ngô Quyền, one in Đường Lâm, one who left.
fn leaders() -> Theodoi {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("canbo.csv");
    std::fs::write(
        &file,
        "code,name,position,unit,from\n\
         nguyen-van-an,Nguyễn Văn An,Bí thư Đảng ủy phường,Ngô Quyền,01/01/2021\n\
         tran-thi-binh,Trần Thị Bình,Phó Bí thư Đảng ủy phường,p-ngo-quyen,\n\
         le-van-cuong,Lê Văn Cường,Bí thư Đảng ủy xã,Đường Lâm,15/06/2020\n\
         pham-thi-dung,Phạm Thị Dung,Bí thư Chi bộ,cb-ubkt,\n",
    )
    .unwrap();
    let out = t.ok(&["person", "import", file.to_str().unwrap()]);
    assert!(out.contains("4 cán bộ"), "{out}");
    t.ok(&["person", "leave", "Phạm Thị Dung", "--on", "30/11/2023"]);
    t
}

#[test]
fn the_register_keeps_who_left() {
    let t = leaders();
    let people: Vec<PersonRow> = t.json(&["person", "list"]);
    assert_eq!(people.len(), 4);
    let dung = people.iter().find(|p| p.code == "pham-thi-dung").unwrap();
    assert_eq!(dung.to_on.as_deref(), Some("2023-11-30"));
    let an = people.iter().find(|p| p.name == "Nguyễn Văn An").unwrap();
    assert_eq!(
        (
            an.unit.as_str(),
            an.position.as_str(),
            an.from_on.as_deref()
        ),
        ("p-ngo-quyen", "Bí thư Đảng ủy phường", Some("2021-01-01"))
    );
    let found: Vec<PersonRow> = t.json(&["person", "list", "--search", "bi thu dang uy"]);
    assert_eq!(found.len(), 3);
    // A bad file writes nothing and names its bad lines.
    let bad = t.dir.path().join("sai.csv");
    std::fs::write(
        &bad,
        "code,name,position,unit,from\nx,Người X,Bí thư,Không có,\ny,,Bí thư,cb-ubkt,\n",
    )
    .unwrap();
    let err = t.fails(&["person", "import", bad.to_str().unwrap()]);
    assert!(
        err.contains("dòng 2") && err.contains("'Không có'") && err.contains("dòng 3"),
        "{err}"
    );
    let people: Vec<PersonRow> = t.json(&["person", "list"]);
    assert_eq!(people.len(), 4);
    let out = t.ok(&[
        "person",
        "add",
        "Hoàng Văn Em",
        "--position",
        "Bí thư Đảng ủy xã",
        "--unit",
        "Kim Sơn",
    ]);
    assert!(out.contains("hoang-van-em"), "{out}");
}

/// The leaders of a unit merged into another are asked for nothing new:
/// their unit has ended (its record, and theirs, is kept).
#[test]
fn a_task_for_people_leaves_out_units_that_ended() {
    let t = leaders();
    t.ok(&[
        "unit",
        "add",
        "Đảng bộ xã Đường Lâm mới",
        "--kind",
        "dang-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "x-duong-lam-moi",
        "--founded",
        "01/12/2023",
    ]);
    t.ok(&[
        "unit",
        "merge",
        "x-duong-lam",
        "--into",
        "x-duong-lam-moi",
        "--on",
        "01/12/2023",
    ]);
    let out = t.ok(&[
        "task",
        "add",
        "--directive",
        "45-QĐ/TU",
        "--issuer",
        "Thị ủy",
        "--code",
        "kd-can-bo",
        "--title",
        "Kiểm điểm cán bộ năm 2023",
        "--people",
        "--due",
        "dang-bo-co-so=15/12/2023",
    ]);
    // Nguyễn Văn An and Trần Thị Bình; not Lê Văn Cường of Đường Lâm.
    assert!(out.contains(": 2 "), "{out}");
    let rows = t.ok(&["results", "kd-can-bo", "--format", "csv"]);
    assert!(!rows.contains("le-van-cuong"), "{rows}");
    // A kind added to the task later leaves out a dissolved unit's leader
    // too.
    t.ok(&[
        "unit",
        "add",
        "Chi bộ Cơ quan cũ",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "cb-cu",
        "--founded",
        "01/01/2020",
    ]);
    t.ok(&[
        "person",
        "add",
        "Đỗ Văn Giang",
        "--position",
        "Bí thư Chi bộ",
        "--unit",
        "cb-cu",
    ]);
    t.ok(&["unit", "dissolve", "cb-cu", "--on", "05/12/2023"]);
    t.ok(&[
        "person",
        "add",
        "Vũ Văn Hải",
        "--position",
        "Bí thư Chi bộ",
        "--unit",
        "cb-ubkt",
    ]);
    t.ok(&[
        "task",
        "edit",
        "kd-can-bo",
        "--add-due",
        "chi-bo-co-so=15/12/2023",
    ]);
    let rows = t.ok(&["results", "kd-can-bo", "--format", "csv"]);
    assert!(!rows.contains("do-van-giang"), "{rows}");
    assert!(rows.contains("vu-van-hai"), "{rows}");
}

#[test]
fn a_task_for_people_with_deadlines_completions_and_ratings() {
    let t = leaders();
    let out = t.ok(&[
        "task",
        "add",
        "--directive",
        "45-QĐ/TU",
        "--issuer",
        "Thị ủy",
        "--code",
        "xl-can-bo-2023",
        "--title",
        "Xếp loại cán bộ diện BTV quản lý năm 2023",
        "--people",
        "--rated",
        "--due",
        "dang-bo-co-so=15/12/2023",
        "--due",
        "chi-bo-co-so=15/12/2023",
    ]);
    // The three in post; the one who left is not asked.
    assert!(out.contains(": 3 "), "{out}");
    let err = t.fails(&[
        "done",
        "--task",
        "xl-can-bo-2023",
        "--unit",
        "p-ngo-quyen",
        "--on",
        "10/12/2023",
    ]);
    assert!(err.contains("--person"), "{err}");
    let run = t.run(&[
        "done",
        "--task",
        "xl-can-bo-2023",
        "--person",
        "Nguyễn Văn An",
        "--on",
        "10/12/2023",
        "--rating",
        "HTXSNV",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    // The quota is said of the leaders a committee manages, not of units.
    assert!(
        run.stderr
            .starts_with("Cảnh báo: cán bộ diện Thị ủy Sơn Tây quản lý: 1 HTXSNV, 0 HTTNV"),
        "{run:?}"
    );
    t.ok(&[
        "done",
        "--task",
        "xl-can-bo-2023",
        "--person",
        "tran thi binh",
        "--on",
        "10/12/2023",
        "--rating",
        "HTTNV",
    ]);
    let err = t.fails(&[
        "done",
        "--task",
        "xl-can-bo-2023",
        "--person",
        "pham-thi-dung",
        "--on",
        "10/12/2023",
    ]);
    assert!(err.contains("Phạm Thị Dung"), "{err}");
    // Overdue names the person, with their unit.
    let rows: Vec<OverdueRow> = t.json(&[
        "overdue",
        "--as-of",
        "16/12/2023",
        "--task",
        "xl-can-bo-2023",
    ]);
    assert_eq!(rows.len(), 1);
    let late: serde_json::Value = t.json(&[
        "overdue",
        "--as-of",
        "16/12/2023",
        "--task",
        "xl-can-bo-2023",
    ]);
    assert_eq!(late[0]["person"], "le-van-cuong");
    assert_eq!(late[0]["unit_code"], "x-duong-lam");
    let table = t.ok(&[
        "overdue",
        "--as-of",
        "16/12/2023",
        "--task",
        "xl-can-bo-2023",
        "--format",
        "md",
    ]);
    assert!(
        table.contains("| Đồng chí Lê Văn Cường (Đảng bộ xã Đường Lâm) |"),
        "{table}"
    );
    // Ratings of the leaders of one committee: 1 HTXSNV for 1 HTTNV breaks the 20% quota.
    let r: serde_json::Value = t.json(&[
        "ratings",
        "--task",
        "xl-can-bo-2023",
        "--as-of",
        "31/12/2023",
    ]);
    assert_eq!(r["groups"][0]["group"], "son-tay");
    assert_eq!(
        (
            r["groups"][0]["htxsnv"].as_u64(),
            r["groups"][0]["httnv"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(r["groups"][0]["quota_kept"], false);
    let missing: Vec<&serde_json::Value> = r["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["issue"] == "missing")
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0]["unit_code"], "le-van-cuong");
    // A person's page lists their tasks.
    let shown = t.ok(&["person", "show", "Nguyễn Văn An", "--as-of", "31/12/2023"]);
    assert!(
        shown.contains("Xếp loại cán bộ diện") && shown.contains("Bí thư Đảng ủy phường"),
        "{shown}"
    );
}

/// The same register imported again, then again with one more person: each
/// person is recorded once, and the clerk is told which lines were there.
#[test]
fn a_register_imported_again_records_each_person_once() {
    let t = leaders();
    let file = t.dir.path().join("canbo.csv");
    let again = t.run(&["person", "import", file.to_str().unwrap()]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stdout.contains("Không có gì thay đổi"),
        "{}",
        again.stdout
    );
    assert!(
        again.stderr.contains("4 dòng đã có") && again.stderr.contains("dòng 2, 3, 4, 5"),
        "{}",
        again.stderr
    );
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str(",Hoàng Văn Em,Bí thư Đảng ủy xã,Kim Sơn,01/07/2020\n");
    std::fs::write(&file, text).unwrap();
    let out = t.ok(&["person", "import", file.to_str().unwrap()]);
    assert!(out.contains("Đã nhập 1 cán bộ"), "{out}");
    let people: Vec<PersonRow> = t.json(&["person", "list"]);
    assert_eq!(people.len(), 5);
    // Someone of the same name in another post is another person.
    let other = t.dir.path().join("khac.csv");
    std::fs::write(
        &other,
        "name,position,unit,from\nNguyễn Văn An,Bí thư Chi bộ,cb-ubkt,01/01/2022\n",
    )
    .unwrap();
    let out = t.ok(&["person", "import", other.to_str().unwrap()]);
    assert!(out.contains("Đã nhập 1 cán bộ"), "{out}");
}

#[test]
fn a_person_out_of_post_is_no_longer_chased_for_what_they_owed() {
    let t = leaders();
    t.add_leaders_review();
    let late = |as_of: &str| -> Vec<String> {
        let rows: Vec<serde_json::Value> =
            t.json(&["overdue", "--as-of", as_of, "--task", "xl-can-bo-2023"]);
        rows.iter()
            .filter_map(|r| r["person_name"].as_str().map(str::to_string))
            .collect()
    };
    assert!(late("18/12/2023").contains(&"Lê Văn Cường".to_string()));
    let said = t.ok(&["person", "leave", "Lê Văn Cường", "--on", "20/12/2023"]);
    assert!(
        said.contains("dừng theo dõi 1 trường hợp chưa hoàn thành"),
        "{said}"
    );
    // Late until the day they left; after it, no longer owed.
    assert!(late("18/12/2023").contains(&"Lê Văn Cường".to_string()));
    assert!(!late("21/12/2023").contains(&"Lê Văn Cường".to_string()));
    let results = t.ok(&[
        "results",
        "xl-can-bo-2023",
        "--as-of",
        "21/12/2023",
        "--format",
        "md",
    ]);
    assert!(
        results.contains("Dừng theo dõi (cán bộ thôi giữ chức từ ngày 20/12/2023)"),
        "{results}"
    );
    let log = t.ok(&["log", "--format", "md"]);
    assert!(
        log.contains("Lê Văn Cường thôi giữ chức từ 20/12/2023; dừng theo dõi 1 trường hợp"),
        "{log}"
    );
    // Undone, they are owed again.
    t.ok(&["undo"]);
    assert!(late("21/12/2023").contains(&"Lê Văn Cường".to_string()));
}

#[test]
fn a_person_named_for_a_task_of_units_is_pointed_to_unit() {
    let t = leaders();
    let before = t.snapshot();
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--person",
        "Nguyễn Văn An",
        "--on",
        "05/12/2023",
    ]);
    assert!(
        err.contains(
            "dành cho tổ chức đảng, không dành cho từng cán bộ: dùng --unit thay cho --person"
        ),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);
}

#[test]
fn a_leader_s_review_is_extended_by_person() {
    let t = leaders();
    t.add_leaders_review();
    let said = t.ok(&[
        "extend",
        "--task",
        "xl-can-bo-2023",
        "--person",
        "Nguyễn Văn An",
        "--to",
        "22/12/2023",
        "--reason",
        "Đi học",
    ]);
    assert!(
        said.starts_with("Đã gia hạn cho Nguyễn Văn An (Đảng bộ phường Ngô Quyền), nhiệm vụ “Xếp loại cán bộ năm 2023”: đến ngày 22/12/2023 (hạn ban đầu 15/12/2023)"),
        "{said}"
    );
    let rows: Vec<serde_json::Value> = t.json(&[
        "overdue",
        "--as-of",
        "20/12/2023",
        "--task",
        "xl-can-bo-2023",
    ]);
    assert!(
        rows.iter().all(|r| r["person_name"] != "Nguyễn Văn An"),
        "{rows:?}"
    );
    // The units' way is said to be the wrong one, and the other way round.
    let err = t.fails(&[
        "extend",
        "--task",
        "xl-can-bo-2023",
        "--unit",
        "Ngô Quyền",
        "--to",
        "22/12/2023",
        "--reason",
        "x",
    ]);
    assert!(err.contains("dùng --person thay cho --unit"), "{err}");
    let err = t.fails(&[
        "extend",
        "--task",
        "kiem-diem-2023",
        "--person",
        "Nguyễn Văn An",
        "--to",
        "22/12/2023",
        "--reason",
        "x",
    ]);
    assert!(err.contains("dùng --unit thay cho --person"), "{err}");
    t.ok(&["undo"]);
    let rows: Vec<serde_json::Value> = t.json(&[
        "overdue",
        "--as-of",
        "20/12/2023",
        "--task",
        "xl-can-bo-2023",
    ]);
    assert!(
        rows.iter().any(|r| r["person_name"] == "Nguyễn Văn An"),
        "{rows:?}"
    );
}

#[test]
fn an_import_refuses_a_name_in_post_in_its_unit_as_add_does() {
    let t = leaders();
    let before = t.snapshot();
    let file = t.dir.path().join("them.csv");
    // Nguyễn Văn An is in post in Ngô Quyền as Bí thư: a row of his name
    // there in another post is most often him again.
    std::fs::write(
        &file,
        "name,position,unit\nNguyễn Văn An,Phó Bí thư Đảng ủy phường,Ngô Quyền\n",
    )
    .unwrap();
    let err = t.fails(&["person", "import", file.to_str().unwrap()]);
    assert!(
        err.contains("dòng 2: Đảng bộ phường Ngô Quyền đã có cán bộ Nguyễn Văn An, Bí thư Đảng ủy phường (mã nguyen-van-an) đang giữ chức; nếu đúng là hai cán bộ trùng họ tên"),
        "{err}"
    );
    // Said once on the line that nothing was written.
    assert_eq!(err.matches("không ghi gì").count(), 1, "{err}");
    assert_eq!(t.snapshot(), before);
    let said = t.ok(&["person", "import", file.to_str().unwrap(), "--same-name"]);
    assert!(said.contains("1 cán bộ"), "{said}");
}
