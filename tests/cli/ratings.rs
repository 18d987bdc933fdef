//! Annual review results: ratings, the rules that check them, the report.

use serde::Deserialize;

use crate::util::Theodoi;

#[derive(Debug, Deserialize)]
struct Report {
    groups: Vec<Group>,
    issues: Vec<Issue>,
}

#[derive(Debug, Deserialize)]
struct Group {
    task: String,
    group: String,
    htxsnv: u64,
    httnv: u64,
    htnv: u64,
    not_rated: u64,
    unrated: u64,
    quota_kept: bool,
}

#[derive(Debug, Deserialize)]
struct Issue {
    issue: String,
    violation: bool,
    unit_code: String,
    htxsnv: Option<u64>,
    httnv: Option<u64>,
    quota_pct: Option<f64>,
    founded_on: Option<String>,
    min_age_months: Option<u32>,
}

/// Sơn Tây with a rating task for every grassroots organization and chi bộ.
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

/// Records the ratings of the seven chi bộ cơ sở and of some đảng bộ cơ sở
/// of Sơn Tây (the group under the town committee) from a CSV file.
fn rate(t: &Theodoi, excellent: usize, good: usize) {
    // Đảng bộ cơ sở need their chi bộ done first: record all chi bộ trực thuộc.
    let units: Vec<crate::util::UnitRow> = t.json(&["unit", "list"]);
    let mut csv = String::from("unit,on,evidence,note,rating\n");
    for u in units.iter().filter(|u| u.kind == "chi-bo-truc-thuoc") {
        csv.push_str(&format!("{},05/12/2023,,,HTNV\n", u.code));
    }
    let grassroots: Vec<&str> = units
        .iter()
        .filter(|u| u.parent.as_deref() == Some("son-tay"))
        .map(|u| u.code.as_str())
        .collect();
    assert_eq!(grassroots.len(), 23);
    for (i, code) in grassroots.iter().enumerate() {
        let rating = if i < excellent {
            "HTXSNV"
        } else if i < excellent + good {
            "Hoàn thành tốt nhiệm vụ"
        } else {
            continue;
        };
        csv.push_str(&format!("{code},06/12/2023,,,{rating}\n"));
    }
    let file = t.dir.path().join("xeploai.csv");
    std::fs::write(&file, csv).unwrap();
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--from",
        file.to_str().unwrap(),
    ]);
}

fn report(t: &Theodoi) -> Report {
    t.json(&[
        "ratings",
        "--task",
        "xep-loai-2023",
        "--as-of",
        "31/12/2023",
    ])
}

fn town(report: &Report) -> &Group {
    report.groups.iter().find(|g| g.group == "son-tay").unwrap()
}

#[test]
fn three_excellent_for_ten_good_break_the_quota() {
    let t = rated();
    rate(&t, 3, 10);
    let r = report(&t);
    let g = town(&r);
    assert_eq!(
        (g.task.as_str(), g.htxsnv, g.httnv, g.unrated),
        ("xep-loai-2023", 3, 10, 10)
    );
    assert!(!g.quota_kept);
    let quota: Vec<&Issue> = r.issues.iter().filter(|i| i.issue == "quota").collect();
    assert_eq!(quota.len(), 1);
    assert!(quota[0].violation && quota[0].unit_code == "son-tay");
    assert_eq!(
        (quota[0].htxsnv, quota[0].httnv, quota[0].quota_pct),
        (Some(3), Some(10), Some(20.0))
    );
    // In words in the table.
    let table = t.ok(&["ratings", "--as-of", "31/12/2023"]);
    assert!(
        table.contains("3 HTXSNV/10 HTTNV (30%), vượt mức tối đa"),
        "{table}"
    );
    let run = t.run(&["ratings", "--as-of", "31/12/2023", "--exit-code"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains("Vượt quá 20%"), "{}", run.stdout);
    // The units still without a result are listed, not counted as broken rules.
    assert_eq!(r.issues.iter().filter(|i| i.issue == "missing").count(), 10);
    // Groups of chi bộ trực thuộc: one per đảng bộ, all HTNV.
    let duong_lam = r.groups.iter().find(|g| g.group == "x-duong-lam").unwrap();
    assert_eq!((duong_lam.htnv, duong_lam.quota_kept), (3, true));
}

/// A rating that breaks the quota is recorded, with a warning on stderr
/// that names the rule and the counts; the exit status stays 0.
#[test]
fn a_rating_over_the_quota_is_recorded_with_a_warning() {
    let t = rated();
    // A file: said once, for the group, when the whole file is in, and
    // only when the group is over the quota whatever the units still to
    // report get (4 HTXSNV of 21: over 20% even if the 17 others were HTTNV).
    let file = t.dir.path().join("xeploai.csv");
    let mut csv = String::from("unit,on,rating\n");
    for code in ["cb-ubkt", "cb-ban-to-chuc", "cb-van-phong", "cb-kho-bac"] {
        csv.push_str(&format!("{code},05/12/2023,HTXSNV\n"));
    }
    for code in ["cb-ban-tuyen-giao", "cb-trung-tam-y-te", "cb-thpt-son-tay"] {
        csv.push_str(&format!("{code},05/12/2023,HTTNV\n"));
    }
    std::fs::write(&file, csv).unwrap();
    let run = t.run(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--from",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("Cảnh báo: các tổ chức đảng trực thuộc Đảng bộ thị xã Sơn Tây: 4 HTXSNV, 3 HTTNV (133,3%), vượt tỷ lệ tối đa 20% (không được có HTXSNV nào)"),
        "{}",
        run.stderr
    );
    // One more HTTNV: it does not add to the excess, nothing said. (The
    // wards' own chi bộ are left aside.)
    t.ok(&["rules", "set", "lower-levels-first", "off"]);
    let one = |unit: &str, rating: &str, lang: &str| {
        t.run(&[
            "--lang",
            lang,
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            unit,
            "--on",
            "06/12/2023",
            "--rating",
            rating,
        ])
    };
    let run = one("p-son-loc", "HTTNV", "vi");
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    // One more HTXSNV: recorded, and said, in the clerk's language.
    let run = one("p-trung-hung", "HTXSNV", "en");
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("5 rated HTXSNV against 4 HTTNV (125%), over the 20% quota"),
        "{}",
        run.stderr
    );
    let r = report(&t);
    let g = town(&r);
    assert_eq!((g.htxsnv, g.httnv, g.quota_kept), (5, 4, false));
    assert!(r.issues.iter().any(|i| i.issue == "quota" && i.violation));
}

#[test]
fn two_excellent_for_ten_good_pass_until_the_quota_changes() {
    let t = rated();
    rate(&t, 2, 10);
    assert!(town(&report(&t)).quota_kept);
    assert_eq!(
        t.run(&["ratings", "--as-of", "31/12/2023", "--exit-code"])
            .code,
        0
    );
    // Quy định changes: 15%, without rebuilding anything.
    let out = t.ok(&["rules", "set", "htxsnv-quota-pct", "15"]);
    assert!(out.contains("20") && out.contains("15"), "{out}");
    assert!(!town(&report(&t)).quota_kept);
    assert_eq!(
        t.run(&["ratings", "--as-of", "31/12/2023", "--exit-code"])
            .code,
        1
    );
    let rules = t.ok(&["rules"]);
    assert!(
        rules.contains("htxsnv-quota-pct") && rules.contains("15"),
        "{rules}"
    );
    let log: Vec<serde_json::Value> = t.json(&["log"]);
    assert_eq!(log[0]["action"], "rules.set");
    // Undo puts the quota back.
    t.ok(&["undo"]);
    assert!(town(&report(&t)).quota_kept);
    let err = t.fails(&["rules", "set", "htxsnv-quota-pct", "nhiều"]);
    assert!(err.contains("'nhiều'") && err.contains("0–100"), "{err}");
    let err = t.fails(&["rules", "set", "khong-co", "1"]);
    assert!(err.contains("min-age-months"), "{err}");
}

#[test]
fn a_dang_bo_before_its_chi_bo_is_refused_unless_forced() {
    let t = rated();
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "duong-lam-mong-phu",
        "--on",
        "05/12/2023",
        "--rating",
        "HTTNV",
    ]);
    let before = t.snapshot();
    let err = t.fails(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "x-duong-lam",
        "--on",
        "10/12/2023",
        "--rating",
        "HTTNV",
    ]);
    assert!(
        err.contains("Chi bộ thôn Cam Lâm") && err.contains("Chi bộ thôn Đông Sàng"),
        "{err}"
    );
    assert!(!err.contains("Mông Phụ"), "{err}");
    assert_eq!(t.snapshot(), before);
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "x-duong-lam",
        "--on",
        "10/12/2023",
        "--rating",
        "HTTNV",
        "--force",
    ]);
    let r = report(&t);
    let forced: Vec<&Issue> = r.issues.iter().filter(|i| i.issue == "forced").collect();
    assert_eq!(forced.len(), 1);
    assert_eq!(forced[0].unit_code, "x-duong-lam");
    assert!(!forced[0].violation);
    // With the rule off, no refusal.
    t.ok(&["rules", "set", "lower-levels-first", "off"]);
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "x-kim-son",
        "--on",
        "10/12/2023",
        "--rating",
        "HTNV",
    ]);
}

#[test]
fn ratings_only_on_rating_tasks_and_in_known_words() {
    let t = rated();
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
        "--rating",
        "HTTNV",
    ]);
    assert!(err.contains("--rated"), "{err}");
    let err = t.fails(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
        "--rating",
        "tốt",
    ]);
    assert!(err.contains("'tốt'") && err.contains("HTXSNV"), "{err}");
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
        "--rating",
        "hoan thanh xuat sac nhiem vu",
    ]);
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-van-phong",
        "--on",
        "05/12/2023",
        "--not-rated",
        "Mới thành lập",
    ]);
    let g = report(&t);
    let g = town(&g);
    assert_eq!((g.htxsnv, g.not_rated), (1, 1));
}

#[test]
fn an_organization_younger_than_six_months_is_not_rated() {
    let t = rated();
    t.ok(&[
        "unit",
        "add",
        "Chi bộ Trung tâm Chính trị",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "cb-moi",
        "--founded",
        "01/09/2023",
    ]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "45-QĐ/TU",
        "--code",
        "xl-moi",
        "--title",
        "Xếp loại",
        "--rated",
        "--due",
        "chi-bo-co-so=06/12/2023",
        "--within",
        "cb-moi",
    ]);
    // Recorded, with a warning that names the rule.
    let run = t.run(&[
        "done",
        "--task",
        "xl-moi",
        "--unit",
        "cb-moi",
        "--on",
        "05/12/2023",
        "--rating",
        "HTTNV",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.starts_with(
            "Cảnh báo: Chi bộ Trung tâm Chính trị thành lập ngày 01/09/2023, tính đến hạn kiểm điểm chưa đủ 6 tháng"
        ),
        "{}",
        run.stderr
    );
    let r: Report = t.json(&["ratings", "--task", "xl-moi", "--as-of", "31/12/2023"]);
    let young: Vec<&Issue> = r.issues.iter().filter(|i| i.issue == "too_young").collect();
    assert_eq!(young.len(), 1);
    assert!(
        young[0].violation
            && young[0].founded_on.as_deref() == Some("2023-09-01")
            && young[0].min_age_months == Some(6),
        "{:?}",
        young[0]
    );
    assert_eq!(
        t.run(&[
            "ratings",
            "--task",
            "xl-moi",
            "--as-of",
            "31/12/2023",
            "--exit-code"
        ])
        .code,
        1
    );
    // Recorded as not rated instead, nothing is broken.
    t.ok(&[
        "done",
        "--task",
        "xl-moi",
        "--unit",
        "cb-moi",
        "--on",
        "05/12/2023",
        "--not-rated",
        "Thành lập chưa đủ 6 tháng",
        "--correct",
    ]);
    assert_eq!(
        t.run(&[
            "ratings",
            "--task",
            "xl-moi",
            "--as-of",
            "31/12/2023",
            "--exit-code"
        ])
        .code,
        0
    );
}

/// The first HTXSNV of a group is no excess while the others may still be
/// rated HTTNV; a group with no result has no verdict yet.
#[test]
fn the_first_excellent_is_no_warning_and_no_result_is_no_verdict() {
    let t = rated();
    let table = t.ok(&["ratings", "--as-of", "31/12/2023"]);
    assert!(
        table.contains("┆ — ") && !table.contains("Bảo đảm"),
        "{table}"
    );
    let run = t.run(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
        "--rating",
        "HTXSNV",
    ]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
}
