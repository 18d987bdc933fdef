use std::collections::BTreeSet;
use std::process::Stdio;

use crate::util::{OverdueRow, Theodoi, UnitRow};

fn codes_of_kind(t: &Theodoi, kind: &str) -> BTreeSet<String> {
    let units: Vec<UnitRow> = t.json(&["unit", "list"]);
    units
        .into_iter()
        .filter(|u| u.kind == kind)
        .map(|u| u.code)
        .collect()
}

fn overdue(t: &Theodoi, as_of: &str) -> Vec<OverdueRow> {
    t.json(&["overdue", "--as-of", as_of])
}

fn codes(rows: &[OverdueRow]) -> BTreeSet<String> {
    rows.iter().map(|r| r.unit_code.clone()).collect()
}

fn minus(set: &BTreeSet<String>, remove: &[&str]) -> BTreeSet<String> {
    set.iter()
        .filter(|c| !remove.contains(&c.as_str()))
        .cloned()
        .collect()
}

#[test]
fn canonical_scenario() {
    let t = Theodoi::son_tay();
    let chi_bo = codes_of_kind(&t, "chi-bo-co-so");
    let dang_bo = codes_of_kind(&t, "dang-bo-co-so");
    assert_eq!((chi_bo.len(), dang_bo.len()), (7, 16));

    let on_time = t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
        "--evidence",
        "Biên bản họp chi bộ ngày 05/12/2023",
    ]);
    assert!(on_time.contains("(đúng hạn)"), "{on_time}");
    let late = t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Kho bạc",
        "--on",
        "08/12/2023",
    ]);
    assert!(late.contains("(quá hạn)"), "{late}");
    t.ok(&[
        "done",
        "--task",
        "Kế hoạch số 223",
        "--unit",
        "ngo quyen",
        "--on",
        "05/12/2023",
    ]);

    // 07/12: every unfinished chi bộ cơ sở is late (Kho bạc had not reported yet),
    // no đảng bộ cơ sở is.
    let rows = overdue(&t, "07/12/2023");
    assert_eq!(codes(&rows), minus(&chi_bo, &["cb-ubkt"]));
    for row in &rows {
        assert_eq!(row.unit_kind, "chi-bo-co-so");
        assert_eq!(row.due_on, "2023-12-06");
        assert_eq!(row.days_overdue, 1);
        assert_eq!(row.directive, "Kế hoạch số 223");
        assert_eq!(row.task, "kiem-diem-2023");
        assert_eq!(row.parent.as_deref(), Some("Đảng bộ thị xã Sơn Tây"));
        assert_eq!(row.parent_code.as_deref(), Some("son-tay"));
    }

    // 13/12: the unfinished đảng bộ cơ sở too; Kho bạc is done (late), never overdue again.
    let rows = overdue(&t, "13/12/2023");
    let mut want = minus(&chi_bo, &["cb-ubkt", "cb-kho-bac"]);
    want.extend(minus(&dang_bo, &["p-ngo-quyen"]));
    assert_eq!(codes(&rows), want);
    for row in &rows {
        let days = if row.unit_kind == "chi-bo-co-so" {
            7
        } else {
            1
        };
        assert_eq!(row.days_overdue, days, "{row:?}");
    }

    // A report for a past day shows that day: on 06/12 nothing was late yet.
    assert!(overdue(&t, "06/12/2023").is_empty());
}

#[test]
fn rows_sorted_by_parent_then_unit_in_vietnamese_order() {
    let t = Theodoi::son_tay();
    let rows = overdue(&t, "13/12/2023");
    let names: Vec<&str> = rows.iter().map(|r| r.unit.as_str()).collect();
    // Đ sorts after D and before E, not after Z; the two ward names share a parent.
    let pos = |name: &str| names.iter().position(|n| *n == name).unwrap();
    assert!(pos("Chi bộ Trường THPT Sơn Tây") < pos("Đảng bộ phường Lê Lợi"));
    assert!(pos("Đảng bộ phường Xuân Khanh") < pos("Đảng bộ Quân sự thị xã"));
    assert!(pos("Đảng bộ xã Cổ Đông") < pos("Đảng bộ xã Đường Lâm"));
    assert!(pos("Đảng bộ xã Đường Lâm") < pos("Đảng bộ xã Kim Sơn"));
    assert_eq!(*names.last().unwrap(), "Đảng bộ xã Xuân Sơn");
}

#[test]
fn exit_code_and_quiet_for_cron() {
    let t = Theodoi::son_tay();
    let late = t.run(&["overdue", "--as-of", "07/12/2023", "--exit-code", "--quiet"]);
    assert_eq!(late.code, 1);
    assert!(late.stdout.contains("THPT"), "{}", late.stdout);
    let calm = t.run(&["overdue", "--as-of", "01/12/2023", "--exit-code", "--quiet"]);
    assert_eq!(
        (calm.code, calm.stdout.as_str(), calm.stderr.as_str()),
        (0, "", "")
    );
    // Without --exit-code, overdue work is no failure.
    assert_eq!(t.run(&["overdue", "--as-of", "07/12/2023"]).code, 0);
}

#[test]
fn nothing_overdue_says_so() {
    let t = Theodoi::son_tay();
    assert_eq!(
        t.ok(&["overdue", "--as-of", "1/12/2023"]),
        "Không có trường hợp nào chưa hoàn thành, quá hạn tính đến ngày 01/12/2023.\n"
    );
    assert_eq!(
        t.ok(&["--lang", "en", "overdue", "--as-of", "1/12/2023"]),
        "Nothing is overdue as of 01/12/2023.\n"
    );
}

#[test]
fn table_in_both_languages() {
    let t = Theodoi::son_tay();
    let vi = t.ok(&["overdue", "--as-of", "07/12/2023"]);
    assert!(
        vi.starts_with(
            "Số trường hợp chưa hoàn thành, quá hạn tính đến ngày 07/12/2023: 7 (7 tổ chức đảng, 1 nhiệm vụ)\n"
        ),
        "{vi}"
    );
    for word in ["Đơn vị", "Hạn hoàn thành", "Chi bộ cơ sở", "06/12/2023"] {
        assert!(vi.contains(word), "{word} missing in {vi}");
    }
    let en = t.ok(&["overdue", "--as-of", "07/12/2023", "--lang", "en"]);
    assert!(
        en.starts_with("Overdue as of 07/12/2023: 7 cases (7 units, 1 task)\n"),
        "{en}"
    );
    for word in ["Unit", "Due", "Grassroots", "Plan no. 223"] {
        assert!(en.contains(word), "{word} missing in {en}");
    }
    assert!(
        !vi.contains('\u{1b}') && !en.contains('\u{1b}'),
        "no escapes in a pipe"
    );
}

#[test]
fn csv_has_json_names_and_iso_dates() {
    let t = Theodoi::son_tay();
    let csv = t.ok(&["overdue", "--as-of", "07/12/2023", "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "unit_code,unit,unit_kind,parent,parent_code,directive,task,task_title,due_on,completed_on,status,days_overdue,days_left,original_due_on,cancelled_reason,person,person_name,passed_from,passed_from_name,passed_on,secrecy,urgency"
        )
    );
    assert_eq!(
        lines.next(),
        Some(
            "cb-ban-to-chuc,Chi bộ Cơ quan Ban Tổ chức Thị ủy,chi-bo-co-so,Đảng bộ thị xã Sơn Tây,son-tay,Kế hoạch số 223,kiem-diem-2023,\"Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023\",2023-12-06,,overdue,1,0,,,,,,,,,"
        )
    );
    assert_eq!(csv.lines().count(), 8);
    // An empty report still names its columns.
    let empty = t.ok(&["overdue", "--as-of", "01/12/2023", "--format", "csv"]);
    assert!(empty.starts_with("unit_code,unit,"));
    assert_eq!(empty.lines().count(), 1);
}

#[test]
fn closed_pipe_is_not_an_error() {
    let t = Theodoi::son_tay_reported();
    // Small outputs fail when written at the end, large ones (more than the
    // output buffer) while rows are still being read.
    for args in [
        &["overdue", "--as-of", "13/12/2023", "--format", "csv"][..],
        &[
            "agenda",
            "son-tay",
            "--as-of",
            "13/12/2023",
            "--format",
            "json",
        ],
        &["export", "-"],
        &["ratings", "--as-of", "13/12/2023", "--format", "json"],
        &["directive", "show", "Kế hoạch số 223", "--format", "json"],
        &["completions", "bash"],
    ] {
        let mut child = t
            .command(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end before theodoi writes, as `| head -0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

/// `overdue --count` over everything reads a tally kept by the database; it
/// must agree with the list, and with the count within a scope, through every
/// kind of change.
#[test]
fn the_count_agrees_with_the_list_through_every_change() {
    fn agrees(t: &Theodoi, after: &str) {
        for day in [
            "01/12/2023",
            "07/12/2023",
            "13/12/2023",
            "30/06/2025",
            "01/07/2025",
        ] {
            let listed = overdue(t, day).len();
            let counted = t.ok(&["overdue", "--as-of", day, "--count"]);
            assert_eq!(
                counted.trim(),
                listed.to_string(),
                "after {after}, as of {day}"
            );
            let within = t.ok(&["overdue", "--as-of", day, "--count", "--within", "son-tay"]);
            assert_eq!(
                within.trim(),
                listed.to_string(),
                "after {after}, as of {day}"
            );
        }
    }
    let t = Theodoi::son_tay();
    agrees(&t, "the task");
    let done = |unit: &str, on: &str, more: &[&str]| {
        let mut args = vec![
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            unit,
            "--on",
            on,
        ];
        args.extend(more);
        t.ok(&args);
    };
    done("cb-ubkt", "05/12/2023", &[]);
    done("Kho bạc", "08/12/2023", &[]);
    agrees(&t, "two completions");
    done("Kho bạc", "06/12/2023", &["--correct"]);
    agrees(&t, "a correction");
    t.ok(&["undo"]);
    agrees(&t, "undoing the correction");
    t.extend_kim_son();
    agrees(&t, "an extension");
    t.merge_into_tung_thien();
    agrees(&t, "a merger");
    t.ok(&[
        "directive",
        "revoke",
        "Kế hoạch số 223",
        "--on",
        "01/07/2025",
        "--reason",
        "x",
    ]);
    agrees(&t, "a revocation");
    t.ok(&["undo"]);
    agrees(&t, "undoing the revocation");
    t.ok(&["undo"]);
    agrees(&t, "undoing the merger");

    let file = t.dir.path().join("all.json");
    t.ok(&["export", file.to_str().unwrap()]);
    let copy = Theodoi::new();
    copy.ok(&["import", file.to_str().unwrap()]);
    agrees(&copy, "an import");
}

/// `overdue --exit-code | head -1`: the reader stops early, and the status
/// still says something is late (it said "nothing" when the pipe closed
/// before the last write). The same for `upcoming` and `ratings`.
#[test]
fn a_reader_that_stops_early_changes_no_exit_status() {
    let t = Theodoi::son_tay_reported();
    for (args, status) in [
        (
            &[
                "overdue",
                "--as-of",
                "13/12/2023",
                "--exit-code",
                "--format",
                "json",
            ][..],
            1,
        ),
        (&["overdue", "--as-of", "13/12/2023", "--exit-code"][..], 1),
        (
            &["overdue", "--as-of", "13/12/2023", "--exit-code", "--count"][..],
            1,
        ),
        (&["overdue", "--as-of", "01/12/2023", "--exit-code"][..], 0),
        (
            &[
                "upcoming",
                "--as-of",
                "01/12/2023",
                "--within",
                "30",
                "--exit-code",
            ][..],
            1,
        ),
    ] {
        for _ in 0..3 {
            let mut child = t
                .command(args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            // The reader is gone before the first line is written.
            drop(child.stdout.take());
            let out = child.wait_with_output().unwrap();
            assert_eq!(
                out.status.code(),
                Some(status),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(out.stderr.is_empty(), "{args:?}");
        }
    }
}

#[test]
fn the_heading_counts_cases_units_and_tasks_apart() {
    let t = Theodoi::son_tay();
    // A second task for the chi bộ cơ sở: a unit late on both is two cases.
    t.ok(&[
        "task",
        "add",
        "--directive",
        "44-QĐ/TU",
        "--code",
        "bao-cao-2023",
        "--title",
        "Báo cáo tình hình tổ chức đảng năm 2023",
        "--due",
        "chi-bo-co-so=05/12/2023",
    ]);
    let rows: Vec<OverdueRow> = t.json(&["overdue", "--as-of", "07/12/2023"]);
    let units: BTreeSet<&str> = rows.iter().map(|r| r.unit_code.as_str()).collect();
    assert!(units.len() < rows.len(), "{rows:?}");
    let vi = t.ok(&["overdue", "--as-of", "07/12/2023"]);
    let want = format!(
        "Số trường hợp chưa hoàn thành, quá hạn tính đến ngày 07/12/2023: {} ({} tổ chức đảng, 2 nhiệm vụ)\n",
        rows.len(),
        units.len()
    );
    assert!(vi.starts_with(&want), "{want}\n{vi}");
    let en = t.ok(&["overdue", "--as-of", "07/12/2023", "--lang", "en"]);
    let want = format!(
        "Overdue as of 07/12/2023: {} cases ({} units, 2 tasks)\n",
        rows.len(),
        units.len()
    );
    assert!(en.starts_with(&want), "{want}\n{en}");
    // Upcoming and agenda say what they count too.
    let soon = t.ok(&["upcoming", "--as-of", "01/12/2023"]);
    assert!(
        soon.starts_with("Số trường hợp sắp đến hạn trong 7 ngày tính từ ngày 01/12/2023: "),
        "{soon}"
    );
    assert!(
        soon.lines().next().unwrap().ends_with(", 2 nhiệm vụ)"),
        "{soon}"
    );
    let agenda = t.ok(&["agenda", "son-tay", "--as-of", "07/12/2023"]);
    let first = agenda.lines().next().unwrap();
    assert!(first.ends_with(" lượt (2 nhiệm vụ)"), "{first}");
    // The data stay as they were: one row per unit and task.
    let csv = t.ok(&["overdue", "--as-of", "07/12/2023", "--format", "csv"]);
    assert_eq!(csv.lines().count(), rows.len() + 1);
}
