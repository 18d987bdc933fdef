//! `progress`, `upcoming`, `agenda` and the output formats, on the Sơn Tây
//! scenario with the completions of `fixtures/completions.csv`.

use std::collections::HashMap;

use serde::Deserialize;

use crate::util::{Theodoi, UnitRow};

#[derive(Debug, Deserialize)]
struct ProgressRow {
    task: String,
    group: String,
    total: u64,
    done_on_time: u64,
    done_late: u64,
    open: u64,
    overdue: u64,
    done_on_time_pct: f64,
}

#[derive(Debug, Deserialize)]
struct Row {
    unit_code: String,
    due_on: String,
    completed_on: Option<String>,
    status: String,
    days_left: i64,
}

fn buckets(rows: &[ProgressRow], group: &str) -> (u64, u64, u64, u64) {
    let r = rows.iter().find(|r| r.group == group).unwrap();
    (r.done_on_time, r.done_late, r.open, r.overdue)
}

#[test]
fn progress_by_kind_on_three_days() {
    let t = Theodoi::son_tay_reported();
    // (as of, chi bộ cơ sở buckets, đảng bộ cơ sở buckets): on time, late, open, overdue.
    let days = [
        ("01/12/2023", (0, 0, 7, 0), (0, 0, 16, 0)),
        ("07/12/2023", (3, 0, 0, 4), (1, 0, 15, 0)),
        ("13/12/2023", (3, 1, 0, 3), (6, 0, 0, 10)),
    ];
    for (as_of, chi_bo, dang_bo) in days {
        let rows: Vec<ProgressRow> = t.json(&["progress", "--as-of", as_of]);
        assert_eq!(rows.len(), 2, "{as_of}");
        assert_eq!(buckets(&rows, "chi-bo-co-so"), chi_bo, "{as_of}");
        assert_eq!(buckets(&rows, "dang-bo-co-so"), dang_bo, "{as_of}");
        for r in &rows {
            assert_eq!(r.task, "kiem-diem-2023");
            assert_eq!(r.done_on_time + r.done_late + r.open + r.overdue, r.total);
        }
        assert_eq!(rows.iter().map(|r| r.total).sum::<u64>(), 23);
        // The same statuses, counted from the agenda of the whole town.
        let agenda: Vec<Row> = t.json(&["agenda", "son-tay", "--as-of", as_of]);
        assert_eq!(agenda.len(), 23);
        let overdue = agenda.iter().filter(|r| r.status == "overdue").count() as u64;
        assert_eq!(overdue, chi_bo.3 + dang_bo.3, "{as_of}");
    }
    let rows: Vec<ProgressRow> = t.json(&[
        "progress",
        "--as-of",
        "13/12/2023",
        "--kind",
        "chi-bo-co-so",
    ]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].done_on_time_pct, 42.9);
}

#[test]
fn progress_rolls_up_the_tree() {
    let t = Theodoi::son_tay_reported();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "bao-cao-188",
        "--title",
        "Báo cáo",
        "--due",
        "chi-bo-truc-thuoc=15/12/2023",
    ]);
    for unit in [
        "duong-lam-mong-phu",
        "duong-lam-dong-sang",
        "quan-su-cb1",
        "le-loi-tdp1",
    ] {
        t.ok(&[
            "done",
            "--task",
            "bao-cao-188",
            "--unit",
            unit,
            "--on",
            "14/12/2023",
        ]);
    }
    t.ok(&[
        "done",
        "--task",
        "bao-cao-188",
        "--unit",
        "quan-su-cb2",
        "--on",
        "16/12/2023",
    ]);
    let units: Vec<UnitRow> = t.json(&["unit", "list"]);
    let parent: HashMap<&str, &str> = units
        .iter()
        .filter_map(|u| Some((u.code.as_str(), u.parent.as_deref()?)))
        .collect();

    for as_of in ["01/12/2023", "16/12/2023"] {
        let rows: Vec<ProgressRow> = t.json(&[
            "progress",
            "--by",
            "parent",
            "--task",
            "bao-cao-188",
            "--as-of",
            as_of,
        ]);
        let agenda: Vec<Row> = t.json(&[
            "agenda",
            "son-tay",
            "--task",
            "bao-cao-188",
            "--as-of",
            as_of,
        ]);
        assert_eq!(agenda.len(), 34);
        // Each group counts exactly the obligations of the units below it
        // (and its own: none here, the task is for chi bộ trực thuộc).
        for group in &rows {
            let below = agenda
                .iter()
                .filter(|o| {
                    let mut at = o.unit_code.as_str();
                    if at == group.group {
                        return true;
                    }
                    while let Some(p) = parent.get(at) {
                        if *p == group.group {
                            return true;
                        }
                        at = p;
                    }
                    false
                })
                .count() as u64;
            assert_eq!(group.total, below, "{}", group.group);
            assert_eq!(
                group.done_on_time + group.done_late + group.open + group.overdue,
                group.total
            );
        }
        // A group's numbers are the sum of its children: own obligations plus their groups.
        let total_of = |code: &str| rows.iter().find(|r| r.group == code).map_or(0, |r| r.total);
        let root = total_of("son-tay");
        let children: u64 = units
            .iter()
            .filter(|u| u.parent.as_deref() == Some("son-tay"))
            .map(|u| {
                total_of(&u.code) + agenda.iter().filter(|o| o.unit_code == u.code).count() as u64
            })
            .sum();
        assert_eq!(root, children);
        assert_eq!(root, 34);
        assert_eq!(rows[0].group, "son-tay", "the committee comes first");
    }
    let rows: Vec<ProgressRow> = t.json(&[
        "progress",
        "--by",
        "parent",
        "--task",
        "bao-cao-188",
        "--as-of",
        "16/12/2023",
    ]);
    assert_eq!(buckets(&rows, "x-duong-lam"), (2, 0, 0, 1));
    // Quân sự: one chi bộ under the đảng bộ, one under its đảng bộ bộ phận.
    assert_eq!(buckets(&rows, "db-quan-su"), (1, 1, 0, 0));
    assert_eq!(buckets(&rows, "quan-su-bo-phan"), (1, 0, 0, 0));
    assert_eq!(buckets(&rows, "son-tay"), (4, 1, 0, 29));
    // --within keeps the subtree and nothing above it.
    let rows: Vec<ProgressRow> = t.json(&[
        "progress",
        "--by",
        "parent",
        "--task",
        "bao-cao-188",
        "--within",
        "Quân sự",
    ]);
    let groups: Vec<&str> = rows.iter().map(|r| r.group.as_str()).collect();
    assert_eq!(groups, ["db-quan-su", "quan-su-bo-phan"]);
}

/// A đảng bộ that owes a task itself counts it in its own line: Phú Thịnh,
/// whose chi bộ reported on time while it did not, is not 100% on time
/// while it is on the overdue list.
#[test]
fn progress_by_parent_counts_the_parents_own_obligation() {
    let t = Theodoi::son_tay_reported();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "bao-cao-188",
        "--title",
        "Báo cáo",
        "--due",
        "chi-bo-truc-thuoc=15/12/2023",
        "--due",
        "dang-bo-co-so=15/12/2023",
    ]);
    for unit in ["phu-thinh-tdp1", "phu-thinh-tdp2"] {
        t.ok(&[
            "done",
            "--task",
            "bao-cao-188",
            "--unit",
            unit,
            "--on",
            "14/12/2023",
        ]);
    }
    let overdue: Vec<crate::util::OverdueRow> =
        t.json(&["overdue", "--task", "bao-cao-188", "--as-of", "16/12/2023"]);
    assert!(overdue.iter().any(|r| r.unit_code == "p-phu-thinh"));
    let args = [
        "progress",
        "--by",
        "parent",
        "--task",
        "bao-cao-188",
        "--as-of",
        "16/12/2023",
    ];
    let rows: Vec<ProgressRow> = t.json(&args);
    // Its two chi bộ on time, itself overdue.
    assert_eq!(buckets(&rows, "p-phu-thinh"), (2, 0, 0, 1));
    let phu_thinh = rows.iter().find(|r| r.group == "p-phu-thinh").unwrap();
    assert_eq!(phu_thinh.done_on_time_pct, 66.7);
    // The committee's line counts every obligation once: 34 chi bộ trực
    // thuộc and 16 đảng bộ cơ sở.
    let root = rows.iter().find(|r| r.group == "son-tay").unwrap();
    assert_eq!(root.total, 50);
    assert_eq!(buckets(&rows, "son-tay"), (2, 0, 0, 48));
    // Within the ward: its own line, itself included.
    let mut within = args.to_vec();
    within.extend(["--within", "p-phu-thinh"]);
    let rows: Vec<ProgressRow> = t.json(&within);
    let groups: Vec<(&str, u64)> = rows.iter().map(|r| (r.group.as_str(), r.total)).collect();
    assert_eq!(groups, [("p-phu-thinh", 3)]);
    // Within a chi bộ (no line of its own): nothing.
    let mut within = args.to_vec();
    within.extend(["--within", "phu-thinh-tdp1"]);
    let rows: Vec<ProgressRow> = t.json(&within);
    assert!(rows.is_empty(), "{rows:?}");
}

#[test]
fn upcoming_soonest_first() {
    let t = Theodoi::son_tay_reported();
    let rows: Vec<Row> = t.json(&["upcoming", "--as-of", "04/12/2023", "--within", "3"]);
    // Ban Tổ chức reported on 04/12; the other six chi bộ cơ sở are due on 06/12.
    assert_eq!(rows.len(), 6);
    assert!(
        rows.iter()
            .all(|r| r.due_on == "2023-12-06" && r.days_left == 2 && r.status == "open")
    );
    let rows: Vec<Row> = t.json(&["upcoming", "--as-of", "04/12/2023", "--days", "10"]);
    assert_eq!(rows.len(), 6 + 16);
    assert!(rows.windows(2).all(|w| w[0].due_on <= w[1].due_on));
    let rows: Vec<Row> = t.json(&[
        "upcoming",
        "--as-of",
        "04/12/2023",
        "--within",
        "Đường Lâm",
        "--days",
        "10",
    ]);
    let codes: Vec<&str> = rows.iter().map(|r| r.unit_code.as_str()).collect();
    assert_eq!(codes, ["x-duong-lam"]);
    assert_eq!(
        t.ok(&["upcoming", "--as-of", "20/12/2023"]),
        "Không có nhiệm vụ nào sắp đến hạn trong 7 ngày tính từ ngày 20/12/2023.\n"
    );
    assert_eq!(t.ok(&["upcoming", "--as-of", "20/12/2023", "--quiet"]), "");
    // For cron: the number of rows alone, as `overdue --count`.
    for (days, n) in [("3", 6), ("10", 6 + 16)] {
        let args = [
            "upcoming",
            "--as-of",
            "04/12/2023",
            "--days",
            days,
            "--count",
        ];
        assert_eq!(t.ok(&args), format!("{n}\n"));
    }
    assert_eq!(
        t.ok(&["upcoming", "--as-of", "20/12/2023", "--count"]),
        "0\n"
    );
    let quiet = ["upcoming", "--as-of", "20/12/2023", "--count", "--quiet"];
    assert_eq!(t.ok(&quiet), "");
    let due = t.run(&[
        "upcoming",
        "--as-of",
        "04/12/2023",
        "--count",
        "--exit-code",
    ]);
    assert_eq!((due.code, due.stdout.as_str()), (1, "6\n"));
}

#[test]
fn agenda_of_one_unit() {
    let t = Theodoi::son_tay_reported();
    let rows: Vec<Row> = t.json(&["agenda", "Kho bạc", "--as-of", "13/12/2023"]);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].status.as_str(), rows[0].completed_on.as_deref()),
        ("done_late", Some("2023-12-08"))
    );
    // On 07/12 the late report had not come in yet.
    let rows: Vec<Row> = t.json(&["agenda", "Kho bạc", "--as-of", "07/12/2023"]);
    assert_eq!(
        (rows[0].status.as_str(), rows[0].completed_on.as_deref()),
        ("overdue", None)
    );
    let table = t.ok(&[
        "agenda",
        "Sơn Lộc",
        "--as-of",
        "13/12/2023",
        "--format",
        "md",
    ]);
    assert!(
        table.contains("| Chưa hoàn thành, quá hạn 1 ngày |"),
        "{table}"
    );
}

#[test]
fn directive_show_includes_progress() {
    let t = Theodoi::son_tay_reported();
    let shown: serde_json::Value = t.json(&[
        "directive",
        "show",
        "Kế hoạch số 223",
        "--as-of",
        "13/12/2023",
    ]);
    assert_eq!(shown["progress"].as_array().unwrap().len(), 2);
    assert_eq!(shown["progress"][1]["group"], "chi-bo-co-so");
    assert_eq!(shown["progress"][1]["overdue"], 3);
    let table = t.ok(&["directive", "show", "223", "--as-of", "13/12/2023"]);
    assert!(
        table.contains("Tiến độ thực hiện tính đến ngày 13/12/2023"),
        "{table}"
    );
}

const TABLE: &str = "\
Số trường hợp chưa hoàn thành, quá hạn tính đến ngày 13/12/2023: 3 (3 tổ chức đảng, 1 nhiệm vụ)
┌──────────────────┬─────────────────┬──────────────┬─────────────┬─────────────────┬────────────────┬─────────────────┐
│ Cấp trên trực    ┆ Đơn vị          ┆ Loại đơn vị  ┆ Văn bản     ┆ Nhiệm vụ        ┆ Hạn hoàn thành ┆ Số ngày quá hạn │
│ tiếp             ┆                 ┆              ┆             ┆                 ┆                ┆                 │
╞══════════════════╪═════════════════╪══════════════╪═════════════╪═════════════════╪════════════════╪═════════════════╡
│ Đảng bộ thị xã   ┆ Chi bộ Cơ quan  ┆ Chi bộ cơ sở ┆ Kế hoạch số ┆ Kiểm điểm, đánh ┆ 06/12/2023     ┆ 7               │
│ Sơn Tây          ┆ Ban Tuyên giáo  ┆              ┆ 223         ┆ giá, xếp loại   ┆                ┆                 │
│                  ┆ Thị ủy          ┆              ┆             ┆ chất lượng năm  ┆                ┆                 │
│                  ┆                 ┆              ┆             ┆ 2023            ┆                ┆                 │
│ Đảng bộ thị xã   ┆ Chi bộ Trung    ┆ Chi bộ cơ sở ┆ Kế hoạch số ┆ Kiểm điểm, đánh ┆ 06/12/2023     ┆ 7               │
│ Sơn Tây          ┆ tâm Y tế thị xã ┆              ┆ 223         ┆ giá, xếp loại   ┆                ┆                 │
│                  ┆                 ┆              ┆             ┆ chất lượng năm  ┆                ┆                 │
│                  ┆                 ┆              ┆             ┆ 2023            ┆                ┆                 │
│ Đảng bộ thị xã   ┆ Chi bộ Trường   ┆ Chi bộ cơ sở ┆ Kế hoạch số ┆ Kiểm điểm, đánh ┆ 06/12/2023     ┆ 7               │
│ Sơn Tây          ┆ THPT Sơn Tây    ┆              ┆ 223         ┆ giá, xếp loại   ┆                ┆                 │
│                  ┆                 ┆              ┆             ┆ chất lượng năm  ┆                ┆                 │
│                  ┆                 ┆              ┆             ┆ 2023            ┆                ┆                 │
└──────────────────┴─────────────────┴──────────────┴─────────────┴─────────────────┴────────────────┴─────────────────┘
";

const CSV: &str = "\
unit_code,unit,unit_kind,parent,parent_code,directive,task,task_title,due_on,completed_on,status,days_overdue,days_left,original_due_on,cancelled_reason,person,person_name,passed_from,passed_from_name,passed_on,secrecy,urgency\r
cb-ban-tuyen-giao,Chi bộ Cơ quan Ban Tuyên giáo Thị ủy,chi-bo-co-so,Đảng bộ thị xã Sơn Tây,son-tay,Kế hoạch số 223,kiem-diem-2023,\"Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023\",2023-12-06,,overdue,7,0,,,,,,,,,\r
cb-trung-tam-y-te,Chi bộ Trung tâm Y tế thị xã,chi-bo-co-so,Đảng bộ thị xã Sơn Tây,son-tay,Kế hoạch số 223,kiem-diem-2023,\"Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023\",2023-12-06,,overdue,7,0,,,,,,,,,\r
cb-thpt-son-tay,Chi bộ Trường THPT Sơn Tây,chi-bo-co-so,Đảng bộ thị xã Sơn Tây,son-tay,Kế hoạch số 223,kiem-diem-2023,\"Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023\",2023-12-06,,overdue,7,0,,,,,,,,,\r
";

const MD: &str = "\
## Tổ chức đảng chưa hoàn thành, quá hạn tính đến ngày 13/12/2023

| Cấp trên trực tiếp | Đơn vị | Loại đơn vị | Văn bản | Nhiệm vụ | Hạn hoàn thành | Số ngày quá hạn |
|---|---|---|---|---|---|---|
| Đảng bộ thị xã Sơn Tây | Chi bộ Cơ quan Ban Tuyên giáo Thị ủy | Chi bộ cơ sở | Kế hoạch số 223 | Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023 | 06/12/2023 | 7 |
| Đảng bộ thị xã Sơn Tây | Chi bộ Trung tâm Y tế thị xã | Chi bộ cơ sở | Kế hoạch số 223 | Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023 | 06/12/2023 | 7 |
| Đảng bộ thị xã Sơn Tây | Chi bộ Trường THPT Sơn Tây | Chi bộ cơ sở | Kế hoạch số 223 | Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023 | 06/12/2023 | 7 |
";

const PROGRESS_MD_EN: &str = "\
## Progress as of 13/12/2023

| Task | Kind | Total | Done on time | Done late | Open | Overdue |
|---|---|---|---|---|---|---|
| Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023 | Grassroots Party committee | 16 | 6 (37.5%) | 0 (0.0%) | 0 (0.0%) | 10 (62.5%) |
| Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023 | Grassroots Party cell | 7 | 3 (42.9%) | 1 (14.3%) | 0 (0.0%) | 3 (42.9%) |
";

#[test]
fn every_format_in_full() {
    let t = Theodoi::son_tay_reported();
    let args = ["overdue", "--as-of", "13/12/2023", "--kind", "chi bộ cơ sở"];
    let with = |extra: &[&'static str]| {
        let mut all = args.to_vec();
        all.extend(extra);
        t.ok(&all)
    };
    assert_eq!(with(&[]), TABLE);
    assert_eq!(with(&["--format", "table"]), TABLE);
    assert_eq!(with(&["--format", "csv"]), CSV);
    assert_eq!(
        with(&["--format", "csv", "--bom"]),
        format!("\u{FEFF}{CSV}")
    );
    assert_eq!(with(&["--format", "md"]), MD);
    assert_eq!(
        t.ok(&[
            "--lang",
            "en",
            "progress",
            "--as-of",
            "13/12/2023",
            "--format",
            "md"
        ]),
        PROGRESS_MD_EN
    );
    let json = with(&["--format", "json"]);
    assert!(
        json.starts_with("[\n  {\"unit_code\":\"cb-ban-tuyen-giao\""),
        "{json}"
    );
    assert!(json.ends_with("}\n]\n"), "{json}");
    assert_eq!(
        t.ok(&["overdue", "--as-of", "01/12/2023", "--format", "json"]),
        "[]\n"
    );
    assert_eq!(
        t.ok(&["overdue", "--as-of", "01/12/2023", "--format", "md"]),
        "## Tổ chức đảng chưa hoàn thành, quá hạn tính đến ngày 01/12/2023\n\nKhông có trường hợp nào chưa hoàn thành, quá hạn tính đến ngày 01/12/2023.\n"
    );
}

/// `--bom` belongs to CSV: with any other format (given, or named by the
/// output file's extension) one line, exit 2, no file and nothing printed.
#[test]
fn bom_with_another_format_is_refused() {
    let t = Theodoi::son_tay_reported();
    let file = t.dir.path().join("quahan.md");
    let file_arg = file.to_str().expect("utf-8 path");
    for extra in [
        &["--format", "json"][..],
        &["--format", "md"],
        &["--format", "table"],
        &[],
        &["--output", file_arg],
        &["--format", "xlsx", "--output", file_arg],
    ] {
        let mut args = vec!["overdue", "--as-of", "13/12/2023", "--bom"];
        args.extend(extra);
        let r = t.run(&args);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert_eq!(r.stdout, "", "{args:?}");
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        assert!(
            r.stderr
                .starts_with("theodoi: --bom chỉ dùng với định dạng csv")
                && r.stderr.contains("không ghi gì"),
            "{}",
            r.stderr
        );
        assert!(!file.exists(), "{args:?}");
    }
    let r = t.run(&["--lang", "en", "progress", "--bom", "--format", "json"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr.contains("--bom is only for the csv format") && r.stderr.contains("not for json"),
        "{}",
        r.stderr
    );
    // The table on screen and a workbook are named in the clerk's words.
    let r = t.run(&["overdue", "--bom"]);
    assert!(r.stderr.contains("bảng trên màn hình"), "{}", r.stderr);
    let r = t.run(&["overdue", "--bom", "--output", "x.xlsx"]);
    assert!(r.stderr.contains("không cần --bom"), "{}", r.stderr);
    // A format typed in capitals is the same format.
    let out = t.ok(&[
        "overdue",
        "--as-of",
        "13/12/2023",
        "--format",
        "CSV",
        "--bom",
    ]);
    assert!(out.starts_with('\u{feff}'), "{out}");
    // With CSV, named by the extension alone too, the mark is written.
    let csv = t.dir.path().join("quahan.csv");
    t.ok(&[
        "overdue",
        "--as-of",
        "13/12/2023",
        "--bom",
        "--output",
        csv.to_str().expect("utf-8 path"),
    ]);
    assert!(
        std::fs::read(&csv)
            .expect("csv")
            .starts_with("\u{FEFF}".as_bytes())
    );
}

/// Runs theodoi under a pseudo-terminal (util-linux `script`).
#[cfg(target_os = "linux")]
fn on_terminal(t: &Theodoi, args: &str, no_color: bool) -> Option<String> {
    if !std::path::Path::new("/usr/bin/script").exists() {
        return None;
    }
    let line = format!(
        "{} --db {} {args}",
        env!("CARGO_BIN_EXE_theodoi"),
        t.db.display()
    );
    let mut cmd = std::process::Command::new("/usr/bin/script");
    t.clean_env(&mut cmd);
    cmd.args(["-qec", &line, "/dev/null"]);
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let run = crate::util::run(cmd);
    assert_eq!(run.code, 0, "{run:?}");
    Some(run.stdout)
}

#[cfg(target_os = "linux")]
#[test]
fn colour_on_a_terminal_only() {
    let t = Theodoi::son_tay_reported();
    let Some(coloured) = on_terminal(&t, "progress --as-of 13/12/2023", false) else {
        return;
    };
    // Orange (256-colour 208) marks the late completion; others use the base colours.
    assert!(coloured.contains("\u{1b}[38;5;208m"), "{coloured:?}");
    let plain = on_terminal(&t, "progress --as-of 13/12/2023", true).unwrap();
    assert!(!plain.contains("\u{1b}["), "{plain:?}");
    let piped = t.ok(&["progress", "--as-of", "13/12/2023"]);
    assert!(!piped.contains('\u{1b}'));
}

#[test]
fn completions_and_man_page() {
    let t = Theodoi::bare();
    let bash = t.ok(&["completions", "bash"]);
    assert!(bash.contains("theodoi") && bash.contains("overdue") && bash.contains("--as-of"));
    let fish = t.ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c theodoi"));
    let man = t.ok(&["man"]);
    assert!(
        man.contains(".TH theodoi") && man.contains("overdue"),
        "{man}"
    );
}
