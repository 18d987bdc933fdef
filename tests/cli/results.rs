//! `theodoi results TASK`: a numbered line per unit (or person) that owes a
//! task, in tree order, in every format.

use serde::Deserialize;

use crate::util::Theodoi;

/// One line of `results --format json`, as a script reads it.
#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct ResultRow {
    stt: usize,
    task: String,
    unit_code: String,
    unit: String,
    unit_kind: String,
    parent: Option<String>,
    parent_code: Option<String>,
    person: Option<String>,
    person_name: Option<String>,
    due_on: String,
    original_due_on: Option<String>,
    extension_reason: Option<String>,
    completed_on: Option<String>,
    status: String,
    days_overdue: i64,
    rating: Option<String>,
    not_rated_reason: Option<String>,
    evidence: Option<String>,
    note: Option<String>,
    cancelled_reason: Option<String>,
}

const FIELDS: &str = "stt,task,unit_code,unit,unit_kind,parent,parent_code,person,person_name,\
due_on,original_due_on,extension_reason,completed_on,status,days_overdue,rating,\
not_rated_reason,evidence,note,cancelled_reason";

fn results(t: &Theodoi, args: &[&str]) -> Vec<ResultRow> {
    let mut all = vec!["results"];
    all.extend(args);
    t.json(&all)
}

fn row<'r>(rows: &'r [ResultRow], unit: &str) -> &'r ResultRow {
    rows.iter()
        .find(|r| r.unit_code == unit)
        .unwrap_or_else(|| panic!("no line for {unit}: {rows:?}"))
}

/// The units of `unit list` as of a day, in tree order.
fn tree_order(t: &Theodoi, as_of: &str) -> Vec<String> {
    #[derive(Deserialize)]
    struct Unit {
        code: String,
    }
    let units: Vec<Unit> = t.json(&["unit", "list", "--as-of", as_of]);
    units.into_iter().map(|u| u.code).collect()
}

#[test]
fn every_unit_that_owes_the_task_in_tree_order_numbered() {
    let t = Theodoi::son_tay_reported();
    let rows = results(&t, &["kiem-diem-2023", "--as-of", "13/12/2023"]);
    // Every chi bộ cơ sở and đảng bộ cơ sở of the town, once.
    assert_eq!(rows.len(), 23);
    assert_eq!(
        rows.iter().map(|r| r.stt).collect::<Vec<_>>(),
        (1..=23).collect::<Vec<_>>()
    );
    // The order of the tree (each unit before the units under it, siblings
    // in Vietnamese order), as `unit list` has it.
    let order: Vec<String> = tree_order(&t, "13/12/2023")
        .into_iter()
        .filter(|code| rows.iter().any(|r| &r.unit_code == code))
        .collect();
    let listed: Vec<&String> = rows.iter().map(|r| &r.unit_code).collect();
    assert_eq!(listed, order.iter().collect::<Vec<_>>());

    let kho_bac = row(&rows, "cb-kho-bac");
    assert_eq!(
        (
            kho_bac.status.as_str(),
            kho_bac.completed_on.as_deref(),
            kho_bac.due_on.as_str(),
            kho_bac.note.as_deref(),
            kho_bac.evidence.as_deref(),
        ),
        (
            "done_late",
            Some("2023-12-08"),
            "2023-12-06",
            Some("Họp muộn do đồng chí Bí thư đi công tác"),
            Some("Biên bản họp chi bộ ngày 08/12/2023")
        )
    );
    assert_eq!(kho_bac.task, "kiem-diem-2023");
    assert_eq!(kho_bac.unit_kind, "chi-bo-co-so");
    assert_eq!(kho_bac.parent_code.as_deref(), Some("son-tay"));
    assert_eq!(row(&rows, "cb-ubkt").status, "done_on_time");
    // Not reported: overdue, with the days; a đảng bộ due on 12/12 too.
    let kim_son = row(&rows, "x-kim-son");
    assert_eq!(
        (
            kim_son.status.as_str(),
            kim_son.days_overdue,
            kim_son.due_on.as_str()
        ),
        ("overdue", 1, "2023-12-12")
    );
    assert_eq!(kim_son.evidence, None);
    assert_eq!(kim_son.rating, None);
}

#[test]
fn as_of_a_day_what_was_reported_by_then() {
    let t = Theodoi::son_tay_reported();
    let rows = results(&t, &["kiem-diem-2023", "--as-of", "07/12/2023"]);
    // Sơn Lộc reported on 14/12: as of 07/12 it had not, and was not late.
    let son_loc = row(&rows, "p-son-loc");
    assert_eq!(
        (
            son_loc.status.as_str(),
            son_loc.completed_on.as_deref(),
            son_loc.evidence.as_deref(),
            son_loc.note.as_deref()
        ),
        ("open", None, None, None)
    );
    let late = rows.iter().filter(|r| r.status == "overdue").count();
    assert_eq!(late, 4, "{rows:?}");
}

#[test]
fn filters_as_the_other_reports() {
    let t = Theodoi::son_tay_reported();
    let wards = results(
        &t,
        &[
            "kiem-diem-2023",
            "--as-of",
            "13/12/2023",
            "--kind",
            "đảng bộ cơ sở",
        ],
    );
    assert!(!wards.is_empty());
    assert!(wards.iter().all(|r| r.unit_kind == "dang-bo-co-so"));
    assert_eq!(wards[0].stt, 1);
    let one = results(
        &t,
        &[
            "Kế hoạch số 223",
            "--as-of",
            "13/12/2023",
            "--within",
            "Ngô Quyền",
        ],
    );
    assert_eq!(
        one.iter().map(|r| r.unit_code.as_str()).collect::<Vec<_>>(),
        ["p-ngo-quyen"]
    );
    let err = t.fails(&["results", "khong-co", "--as-of", "13/12/2023"]);
    assert!(err.contains("khong-co"), "{err}");
    let err = t.fails(&["results", "kiem-diem-2023", "--as-of", "31/02/2023"]);
    assert!(err.contains("31/02/2023"), "{err}");
}

#[test]
fn an_extension_shows_the_first_due_date_and_why() {
    let t = Theodoi::son_tay_reported();
    t.extend_kim_son();
    let rows = results(&t, &["kiem-diem-2023", "--as-of", "13/12/2023"]);
    let kim_son = row(&rows, "x-kim-son");
    assert_eq!(
        (
            kim_son.due_on.as_str(),
            kim_son.original_due_on.as_deref(),
            kim_son.extension_reason.as_deref(),
            kim_son.status.as_str()
        ),
        (
            "2023-12-20",
            Some("2023-12-12"),
            Some("Bí thư đi học"),
            "open"
        )
    );
    let md = t.ok(&[
        "results",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--format",
        "md",
    ]);
    assert!(
        md.contains("| Gia hạn đến 20/12/2023 (hạn ban đầu 12/12/2023; lý do: Bí thư đi học) |"),
        "{md}"
    );
}

#[test]
fn every_format_in_both_languages() {
    let t = Theodoi::son_tay_reported();
    let args = ["results", "kiem-diem-2023", "--as-of", "13/12/2023"];
    let with = |extra: &[&str]| {
        let mut all = args.to_vec();
        all.extend(extra);
        t.ok(&all)
    };
    // Table: Vietnamese headers, dates dd/mm/yyyy, statuses in words.
    let table = with(&[]);
    for text in [
        "Kết quả thực hiện nhiệm vụ “Kiểm điểm, đánh giá",
        "tính đến ngày 13/12/2023: 23 tổ chức đảng",
        "STT",
        "Tình trạng",
        "08/12/2023",
    ] {
        assert!(table.contains(text), "{text}: {table}");
    }
    let english = with(&["--lang", "en"]);
    assert!(
        english.contains("Results of the task “Kiểm điểm, đánh giá"),
        "{english}"
    );
    assert!(english.contains("No."), "{english}");
    // Markdown: a heading, then a row per line.
    let md = with(&["--format", "md"]);
    assert!(
        md.starts_with("## Kết quả thực hiện nhiệm vụ “Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023” tính đến ngày 13/12/2023"),
        "{md}"
    );
    assert!(md.contains("| STT | Đơn vị |"), "{md}");
    assert!(md.contains("| 1 | "), "{md}");
    assert!(md.contains("Hoàn thành quá hạn"), "{md}");
    assert_eq!(md.lines().filter(|l| l.starts_with("| ")).count(), 24);
    // CSV: the JSON field names, ISO dates, codes; the same in English.
    let csv = with(&["--format", "csv"]);
    assert_eq!(csv.lines().next(), Some(FIELDS));
    assert_eq!(csv.lines().count(), 24);
    // Done late: how many days late it was done.
    assert!(csv.contains(",2023-12-08,done_late,2,"), "{csv}");
    assert_eq!(csv, with(&["--format", "csv", "--lang", "en"]));
    let json = with(&["--format", "json"]);
    assert_eq!(json, with(&["--format", "json", "--lang", "en"]));
}

#[test]
fn a_rating_task_shows_ratings_by_name_and_code() {
    let t = Theodoi::son_tay_reported();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "44-QĐ/TU",
        "--code",
        "xep-loai-2023",
        "--title",
        "Đánh giá, xếp loại chất lượng năm 2023",
        "--due",
        "chi-bo-co-so=06/12/2023",
        "--rated",
    ]);
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
        "--rating",
        "HTTNV",
        "--evidence",
        "Biên bản số 12",
    ]);
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-kho-bac",
        "--on",
        "05/12/2023",
        "--not-rated",
        "Thành lập chưa đủ 6 tháng",
    ]);
    let rows = results(&t, &["xep-loai-2023", "--as-of", "13/12/2023"]);
    let rated = row(&rows, "cb-ubkt");
    assert_eq!(
        (rated.rating.as_deref(), rated.evidence.as_deref()),
        (Some("HTTNV"), Some("Biên bản số 12"))
    );
    let not_rated = row(&rows, "cb-kho-bac");
    assert_eq!(
        (
            not_rated.rating.as_deref(),
            not_rated.not_rated_reason.as_deref()
        ),
        (None, Some("Thành lập chưa đủ 6 tháng"))
    );
    // The table names the rating; as of a day before it, nothing yet.
    let md = t.ok(&[
        "results",
        "xep-loai-2023",
        "--as-of",
        "13/12/2023",
        "--format",
        "md",
    ]);
    assert!(md.contains("| Xếp loại |"), "{md}");
    assert!(md.contains("Lý do không xếp loại"), "{md}");
    assert!(md.contains("| Hoàn thành tốt nhiệm vụ |"), "{md}");
    assert!(md.contains("Thành lập chưa đủ 6 tháng"), "{md}");
    let before = results(&t, &["xep-loai-2023", "--as-of", "04/12/2023"]);
    assert_eq!(row(&before, "cb-ubkt").rating, None);
}

#[test]
fn a_task_for_people_has_a_line_per_person() {
    let t = Theodoi::son_tay_reported();
    for (name, unit, code) in [
        ("Nguyễn Văn An", "p-ngo-quyen", "an"),
        ("Trần Thị Bình", "p-ngo-quyen", "binh"),
    ] {
        t.ok(&[
            "person",
            "add",
            name,
            "--position",
            "Bí thư",
            "--unit",
            unit,
            "--code",
            code,
        ]);
    }
    t.add_leaders_review();
    t.ok(&[
        "done",
        "--task",
        "xl-can-bo-2023",
        "--person",
        "an",
        "--on",
        "10/12/2023",
        "--rating",
        "HTXSNV",
    ]);
    let rows = results(&t, &["xl-can-bo-2023", "--as-of", "20/12/2023"]);
    assert_eq!(
        rows.iter()
            .map(|r| (r.person.as_deref(), r.unit_code.as_str(), r.status.as_str()))
            .collect::<Vec<_>>(),
        [
            (Some("an"), "p-ngo-quyen", "done_on_time"),
            (Some("binh"), "p-ngo-quyen", "overdue"),
        ]
    );
    assert_eq!(rows[0].person_name.as_deref(), Some("Nguyễn Văn An"));
    let md = t.ok(&[
        "results",
        "xl-can-bo-2023",
        "--as-of",
        "20/12/2023",
        "--format",
        "md",
    ]);
    assert!(md.contains("| STT | Họ tên | Đơn vị |"), "{md}");
}

#[test]
fn a_later_merger_changes_no_results_of_a_day_before_it() {
    let t = Theodoi::son_tay_reported();
    let args = ["results", "kiem-diem-2023", "--as-of", "13/12/2023"];
    let before: Vec<String> = ["json", "md"]
        .iter()
        .map(|f| {
            let mut a = args.to_vec();
            a.extend(["--format", f]);
            t.ok(&a)
        })
        .collect();
    t.merge_into_tung_thien();
    for (format, was) in ["json", "md"].iter().zip(&before) {
        let mut a = args.to_vec();
        a.extend(["--format", format]);
        assert_eq!(&t.ok(&a), was, "{format}");
    }
}

/// The examples of `results --help`, run as written (in bash, in a
/// temporary folder, on the Sơn Tây database).
#[cfg(unix)]
#[test]
fn help_examples_run_as_written() {
    let t = Theodoi::son_tay_reported();
    let help = t.ok(&["results", "--help"]);
    let examples: Vec<&str> = help
        .split("Ví dụ:")
        .nth(1)
        .expect("examples")
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("theodoi "))
        .collect();
    assert_eq!(examples.len(), 5, "{help}");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_theodoi"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for line in examples {
        let mut bash = std::process::Command::new("bash");
        t.clean_env(&mut bash);
        bash.arg("-c")
            .arg(line)
            .current_dir(t.dir.path())
            .env("PATH", &path)
            .env("THEODOI_DB", &t.db);
        let run = crate::util::run(bash);
        assert_eq!(run.code, 0, "{line}: {}", run.stderr);
        assert!(!run.stdout.is_empty(), "{line}");
    }
    assert!(t.dir.path().join("ketqua.xlsx").exists());
}
