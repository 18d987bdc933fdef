//! The tree has time: a rename, a move, a change of kind or a merger holds
//! from a day, and a report as of an earlier day shows the tree of that day.

use crate::util::Theodoi;

/// Sơn Tây reported, with a rated review for every kind and a report the
/// chi bộ trực thuộc owe by 15/12/2023.
fn son_tay() -> Theodoi {
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
        "--rated",
        "--due",
        "chi-bo-truc-thuoc=15/12/2023",
        "--due",
        "chi-bo-co-so=15/12/2023",
        "--due",
        "dang-bo-co-so=20/12/2023",
    ]);
    for (unit, rating) in [
        ("le-loi-tdp1", "HTTNV"),
        ("ngo-quyen-tdp1", "HTXSNV"),
        ("cb-ubkt", "HTTNV"),
    ] {
        t.ok(&[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            unit,
            "--on",
            "14/12/2023",
            "--rating",
            rating,
        ]);
    }
    t
}

/// Merges Lê Lợi and Phú Thịnh into the ward of Tùng Thiện, founded for it
/// on 01/07/2025.
fn merge(t: &Theodoi) {
    t.ok(&[
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
}

/// Every report as of `day`, in every format, one after the other.
fn reports(t: &Theodoi, day: &str) -> String {
    let mut out = String::new();
    let commands: [&[&str]; 7] = [
        &["overdue"],
        &["upcoming", "--within", "30"],
        &["progress", "--by", "parent"],
        &["progress", "--by", "kind"],
        &["agenda", "son-tay"],
        &["ratings"],
        &["unit", "list"],
    ];
    for command in commands {
        for format in ["table", "json", "csv", "md"] {
            if command[0] == "ratings" && format == "md" {
                continue;
            }
            let mut args = command.to_vec();
            args.extend(["--as-of", day, "--format", format]);
            out.push_str(&format!("== {}\n", args.join(" ")));
            out.push_str(&t.ok(&args));
        }
    }
    out
}

#[test]
fn a_merger_leaves_the_reports_of_earlier_days_as_they_were() {
    let t = son_tay();
    let days = ["01/12/2023", "13/12/2023", "21/12/2023", "30/06/2025"];
    let before: Vec<String> = days.iter().map(|d| reports(&t, d)).collect();
    let today_before = reports(&t, "01/07/2025");
    merge(&t);
    for (day, was) in days.iter().zip(&before) {
        let now = reports(&t, day);
        assert!(now == *was, "as of {day}:\n{}", first_difference(was, &now));
    }
    // From the merger on, the new ward has the chi bộ of Lê Lợi.
    let after = reports(&t, "01/07/2025");
    assert_ne!(after, today_before);
    let list = t.ok(&["unit", "list", "--as-of", "01/07/2025", "--format", "md"]);
    assert!(
        list.contains(
            "Đảng bộ phường Lê Lợi | p-le-loi | Đảng bộ cơ sở | sáp nhập vào Đảng bộ phường Tùng Thiện từ 01/07/2025 |"
        ),
        "{list}"
    );
    // Undone, the merger (and the new ward) leave no trace in any report.
    t.ok(&["undo"]);
    t.ok(&["undo"]);
    assert_eq!(reports(&t, "01/07/2025"), today_before);
    for (day, was) in days.iter().zip(&before) {
        assert_eq!(reports(&t, day), *was, "as of {day} after undo");
    }
}

#[test]
fn a_unit_moved_in_2025_is_under_its_old_parent_in_2023() {
    let t = son_tay();
    let parent_of = |day: &str| -> Vec<String> {
        let rows: Vec<serde_json::Value> = t.json(&[
            "overdue",
            "--as-of",
            day,
            "--within",
            "son-tay",
            "--task",
            "xep-loai-2023",
        ]);
        rows.iter()
            .filter(|r| r["unit_code"] == "le-loi-tdp2")
            .map(|r| r["parent_code"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(parent_of("16/12/2023"), ["p-le-loi"]);
    let before = reports(&t, "16/12/2023");
    let later = reports(&t, "01/03/2025");
    let out = t.ok(&[
        "unit",
        "move",
        "le-loi-tdp2",
        "--to",
        "p-ngo-quyen",
        "--on",
        "01/03/2025",
    ]);
    assert!(out.contains("Đảng bộ phường Ngô Quyền"), "{out}");
    t.ok(&[
        "unit",
        "rename",
        "le-loi-tdp2",
        "Chi bộ tổ dân phố 5 phường Ngô Quyền",
        "--on",
        "01/03/2025",
    ]);
    // In 2023, every report and every format shows it where it was.
    assert_eq!(reports(&t, "16/12/2023"), before);
    assert_eq!(parent_of("16/12/2023"), ["p-le-loi"]);
    // From the move on, it is under Ngô Quyền, with its new name.
    assert_eq!(parent_of("01/03/2025"), ["p-ngo-quyen"]);
    let table = t.ok(&[
        "overdue",
        "--as-of",
        "01/03/2025",
        "--within",
        "p-ngo-quyen",
        "--format",
        "md",
    ]);
    assert!(
        table.contains("Chi bộ tổ dân phố 5 phường Ngô Quyền"),
        "{table}"
    );
    let old = t.ok(&[
        "overdue",
        "--as-of",
        "28/02/2025",
        "--within",
        "p-le-loi",
        "--format",
        "md",
    ]);
    assert!(old.contains("Chi bộ tổ dân phố 2 phường Lê Lợi"), "{old}");
    let list = t.ok(&["unit", "list", "--as-of", "16/12/2023", "--format", "csv"]);
    assert!(
        list.contains("le-loi-tdp2,Chi bộ tổ dân phố 2 phường Lê Lợi,chi-bo-truc-thuoc,p-le-loi"),
        "{list}"
    );
    // The log says from when; undo takes both back.
    let log = t.ok(&["log"]);
    assert!(log.contains("(từ 01/03/2025)"), "{log}");
    t.ok(&["undo"]);
    t.ok(&["undo"]);
    assert_eq!(reports(&t, "01/03/2025"), later);
}

#[test]
fn a_change_before_the_last_one_is_refused_and_a_correction_rewrites_the_past() {
    let t = son_tay();
    t.ok(&[
        "unit",
        "rename",
        "p-le-loi",
        "Đảng bộ phường Lê Lợi mới",
        "--on",
        "01/03/2025",
    ]);
    let before = t.snapshot();
    let err = t.fails(&[
        "unit",
        "rename",
        "p-le-loi",
        "Đảng bộ phường Lê Lợi cũ",
        "--on",
        "01/01/2025",
    ]);
    assert!(
        err.contains("01/01/2025") && err.contains("01/03/2025"),
        "{err}"
    );
    assert_eq!(t.snapshot(), before, "a refused change writes nothing");
    // A correction: the name was recorded wrongly, for every day.
    t.ok(&[
        "unit",
        "rename",
        "p-phu-thinh",
        "Đảng bộ phường Phú Thịnh (sửa)",
        "--correct",
    ]);
    let old = t.ok(&["overdue", "--as-of", "13/12/2023", "--format", "csv"]);
    assert!(old.contains("Đảng bộ phường Phú Thịnh (sửa)"), "{old}");
    let list = t.ok(&["unit", "list", "--as-of", "13/12/2023", "--format", "csv"]);
    assert!(list.contains("p-le-loi,Đảng bộ phường Lê Lợi,"), "{list}");
    let log = t.ok(&["log"]);
    assert!(
        log.contains("đính chính, áp dụng từ lần thay đổi trước"),
        "{log}"
    );
}

#[test]
fn the_successor_owes_from_the_merger_and_says_whose_it_was() {
    let t = son_tay();
    merge(&t);
    let rows: Vec<serde_json::Value> = t.json(&[
        "overdue",
        "--as-of",
        "31/07/2025",
        "--task",
        "kiem-diem-2023",
        "--within",
        "p-tung-thien",
    ]);
    let inherited: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| r["unit_code"] == "p-tung-thien")
        .collect();
    assert_eq!(inherited.len(), 1, "{rows:?}");
    let row = inherited[0];
    assert_eq!(row["passed_from"], "p-phu-thinh");
    assert_eq!(row["passed_on"], "2025-07-01");
    // Late from the merger (30 days), not from 12/12/2023.
    assert_eq!(row["days_overdue"], 30);
    let table = t.ok(&[
        "overdue",
        "--as-of",
        "31/07/2025",
        "--within",
        "p-tung-thien",
        "--format",
        "md",
    ]);
    assert!(
        table.contains("của Đảng bộ phường Phú Thịnh, chuyển sang từ 01/07/2025"),
        "{table}"
    );
    let en = t.ok(&[
        "--lang",
        "en",
        "overdue",
        "--as-of",
        "31/07/2025",
        "--within",
        "p-tung-thien",
        "--format",
        "md",
    ]);
    assert!(en.contains("passed on from 01/07/2025"), "{en}");
}

/// A unit that changes kind: as of the days before, every report keeps the
/// old kind (its rating group, its bucket of `progress --by kind`); a
/// change that breaks the tree rule is refused and writes nothing; the log
/// names the kind before and after; undo gives back the reports.
#[test]
fn a_change_of_kind_holds_from_its_day() {
    let t = son_tay();
    let kind_of = |code: &str, day: &str| -> String {
        let rows: Vec<serde_json::Value> = t.json(&["unit", "list", "--as-of", day]);
        let row = rows.iter().find(|r| r["code"] == code).unwrap();
        format!(
            "{}/{}",
            row["kind"].as_str().unwrap(),
            row["parent"].as_str().unwrap()
        )
    };
    let before = reports(&t, "21/12/2023");
    let today = reports(&t, "01/07/2025");
    let snapshot = t.snapshot();

    // Refused: a chi bộ trực thuộc cannot sit under the town; a đảng bộ bộ
    // phận under the town neither; nothing written.
    let err = t.fails(&["unit", "edit", "cb-ubkt", "--kind", "chi-bo-truc-thuoc"]);
    assert!(err.contains("chi bộ trực thuộc chỉ được đặt dưới"), "{err}");
    let err = t.fails(&["unit", "move", "cb-kho-bac", "--to", "p-le-loi"]);
    assert!(err.contains("chi bộ cơ sở chỉ được đặt dưới"), "{err}");
    assert_eq!(t.snapshot(), snapshot);

    // The chi bộ of the treasury becomes a chi bộ trực thuộc of Lê Lợi, and
    // the health centre's chi bộ a đảng bộ cơ sở, both from 01/07/2025.
    let out = t.ok(&[
        "unit",
        "move",
        "cb-kho-bac",
        "--to",
        "p-le-loi",
        "--kind",
        "chi bộ trực thuộc",
        "--on",
        "01/07/2025",
    ]);
    assert_eq!(
        out,
        "Đã chuyển Chi bộ Kho bạc Nhà nước Sơn Tây sang trực thuộc Đảng bộ phường Lê Lợi, nay là chi bộ trực thuộc\n"
    );
    let out = t.ok(&[
        "unit",
        "edit",
        "cb-trung-tam-y-te",
        "--kind",
        "dang-bo-co-so",
        "--on",
        "01/07/2025",
    ]);
    // Its open obligations fell due in 2023, while it was a chi bộ cơ sở:
    // they keep their dates, and it says so.
    assert_eq!(
        out,
        "Đã chuyển Chi bộ Trung tâm Y tế thị xã từ chi bộ cơ sở thành đảng bộ cơ sở\n\
         \x20 giữ hạn 06/12/2023 của nhiệm vụ kiem-diem-2023: đã đến hạn trước ngày đổi loại\n\
         \x20 giữ hạn 15/12/2023 của nhiệm vụ xep-loai-2023: đã đến hạn trước ngày đổi loại\n"
    );
    assert_eq!(kind_of("cb-kho-bac", "30/06/2025"), "chi-bo-co-so/son-tay");
    assert_eq!(
        kind_of("cb-kho-bac", "01/07/2025"),
        "chi-bo-truc-thuoc/p-le-loi"
    );
    assert_eq!(
        kind_of("cb-trung-tam-y-te", "30/06/2025"),
        "chi-bo-co-so/son-tay"
    );
    assert_eq!(
        kind_of("cb-trung-tam-y-te", "01/07/2025"),
        "dang-bo-co-so/son-tay"
    );
    let after = reports(&t, "21/12/2023");
    assert!(after == before, "{}", first_difference(&before, &after));
    assert_ne!(reports(&t, "01/07/2025"), today);

    // The log says what changed, from when.
    let log = t.ok(&["log", "--format", "md"]);
    assert!(
        log.contains("loại tổ chức chi bộ cơ sở → chi bộ trực thuộc (từ 01/07/2025)"),
        "{log}"
    );
    assert!(
        log.contains(
            "Sửa tổ chức đảng Chi bộ Trung tâm Y tế thị xã (cb-trung-tam-y-te): loại tổ chức chi bộ cơ sở → đảng bộ cơ sở (từ 01/07/2025)"
        ),
        "{log}"
    );
    // A kind recorded wrongly is corrected for every day.
    t.ok(&[
        "unit",
        "edit",
        "cb-thpt-son-tay",
        "--kind",
        "dang-bo-co-so",
        "--correct",
    ]);
    assert_eq!(
        kind_of("cb-thpt-son-tay", "01/12/2023"),
        "dang-bo-co-so/son-tay"
    );
    t.ok(&["undo"]);
    t.ok(&["undo"]);
    t.ok(&["undo"]);
    assert_eq!(reports(&t, "01/07/2025"), today);
    assert_eq!(t.snapshot(), snapshot);
}

/// The tree is checked on every day a change covers: a dated move under a
/// unit whose kind changes later, a merger while a unit still sits under
/// the merged one for a while, an undo out of order that would make a
/// cycle, an export edited into a past state of the wrong kind: each is
/// refused with one line naming the day, and nothing is written.
#[test]
fn no_change_leaves_the_tree_of_any_day_wrong() {
    let t = Theodoi::son_tay();
    let refused = |args: &[&str], day: &str| {
        let before = t.snapshot();
        let err = t.fails(args);
        assert!(
            err.starts_with(&format!(
                "theodoi: không ghi thay đổi này vì hệ thống tổ chức đảng sẽ sai từ ngày {day}: "
            )) && err.lines().count() == 1,
            "{args:?}: {err}"
        );
        assert_eq!(t.snapshot(), before, "{args:?}");
        err
    };
    // A chi bộ cơ sở until 30/06/2025 cannot take a chi bộ trực thuộc from 01/01/2025.
    t.ok(&[
        "unit",
        "edit",
        "cb-kho-bac",
        "--kind",
        "dang-bo-co-so",
        "--on",
        "01/07/2025",
    ]);
    let err = refused(
        &[
            "unit",
            "move",
            "le-loi-tdp1",
            "--to",
            "cb-kho-bac",
            "--on",
            "01/01/2025",
        ],
        "01/01/2025",
    );
    assert!(
        err.contains(
            "chi bộ trực thuộc chỉ được đặt dưới đảng bộ cơ sở hoặc đảng bộ bộ phận; Chi bộ Kho bạc"
        ),
        "{err}"
    );
    t.ok(&["undo"]);
    // Lê Lợi merged on 01/07/2025 while one of its chi bộ leaves it only on 01/09.
    t.ok(&[
        "unit",
        "move",
        "le-loi-tdp2",
        "--to",
        "p-ngo-quyen",
        "--on",
        "01/09/2025",
    ]);
    let err = refused(
        &[
            "unit",
            "merge",
            "p-le-loi",
            "--into",
            "p-phu-thinh",
            "--on",
            "01/07/2025",
        ],
        "01/07/2025",
    );
    assert!(
        err.contains("vẫn trực thuộc Đảng bộ phường Lê Lợi"),
        "{err}"
    );
    t.ok(&["undo"]);
    // Undone out of order, two moves would put Lê Lợi under its own chi bộ.
    t.ok(&[
        "unit",
        "move",
        "le-loi-tdp1",
        "--to",
        "son-tay",
        "--kind",
        "dang-bo-co-so",
        "--on",
        "01/01/2025",
    ]);
    let first: Vec<serde_json::Value> = t.json(&["log"]);
    let first = first[0]["id"].as_i64().unwrap().to_string();
    t.ok(&[
        "unit",
        "move",
        "p-le-loi",
        "--to",
        "le-loi-tdp1",
        "--kind",
        "dang-bo-bo-phan",
        "--on",
        "01/02/2025",
    ]);
    let err = refused(&["undo", &first], "01/02/2025");
    assert!(
        err.contains("sẽ trực thuộc chính cấp dưới của mình"),
        "{err}"
    );
    t.ok(&["undo"]);
    t.ok(&["undo"]);

    // An export whose past state puts a chi bộ trực thuộc at the top level.
    t.ok(&[
        "unit",
        "move",
        "le-loi-tdp1",
        "--to",
        "p-ngo-quyen",
        "--on",
        "01/07/2025",
    ]);
    let file = t.dir.path().join("x.json");
    t.ok(&["export", file.to_str().unwrap()]);
    let mut export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let son_tay = export["tables"]["unit"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "son-tay")
        .unwrap()["id"]
        .clone();
    let past = &mut export["tables"]["unit_past"][0];
    past["parent_id"] = son_tay;
    let edited = t.dir.path().join("y.json");
    std::fs::write(&edited, export.to_string()).unwrap();
    let fresh = Theodoi::new();
    let before = fresh.snapshot();
    let err = fresh.fails(&["import", edited.to_str().unwrap()]);
    assert!(
        err.contains("hệ thống tổ chức đảng sẽ sai từ ngày")
            && err.contains("chi bộ trực thuộc chỉ được đặt dưới")
            && err.contains("Đảng bộ thị xã Sơn Tây là đảng bộ cấp trên cơ sở"),
        "{err}"
    );
    assert_eq!(fresh.snapshot(), before);
    fresh.ok(&["import", file.to_str().unwrap()]);
}

/// A merger into a unit that owes the same task already passes nothing on
/// for it and closes the old unit's: the output and the log say how many.
#[test]
fn a_merger_says_what_it_closed() {
    let t = Theodoi::son_tay();
    let out = t.ok(&[
        "unit",
        "merge",
        "p-le-loi",
        "p-phu-thinh",
        "--into",
        "p-quang-trung",
        "--on",
        "01/07/2025",
    ]);
    assert!(
        out.contains("Phú Thịnh vào Đảng bộ phường Quang Trung từ ngày 01/07/2025; 0 nhiệm vụ chưa hoàn thành chuyển sang Đảng bộ phường Quang Trung; 1 nhiệm vụ không chuyển vì Đảng bộ phường Quang Trung cũng có nhiệm vụ đó"),
        "{out}"
    );
    let log = t.ok(&["log", "--format", "md"]);
    assert!(
        log.contains(
            "(0 nhiệm vụ chuyển sang, 2 nhiệm vụ dừng theo dõi vì tổ chức đảng nhận sáp nhập đã có)"
        ),
        "{log}"
    );
}

/// An ended unit takes no new unit and no later change, and a unit ends no
/// earlier than its last change; each refusal writes nothing.
#[test]
fn an_ended_unit_changes_no_more() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "unit",
        "merge",
        "p-le-loi",
        "--into",
        "p-phu-thinh",
        "--on",
        "01/07/2025",
    ]);
    let before = t.snapshot();
    let ended = "Đảng bộ phường Lê Lợi đã giải thể hoặc sáp nhập từ ngày 01/07/2025";
    let err = t.fails(&[
        "unit",
        "add",
        "Chi bộ mới",
        "--kind",
        "chi-bo-truc-thuoc",
        "--parent",
        "p-le-loi",
    ]);
    assert!(err.contains(ended), "{err}");
    let file = t.dir.path().join("moi.csv");
    std::fs::write(
        &file,
        "code,name,kind,parent\ncb-moi,Chi bộ mới,chi-bo-truc-thuoc,p-le-loi\n",
    )
    .unwrap();
    let err = t.fails(&["unit", "import", file.to_str().unwrap()]);
    assert!(err.contains(ended), "{err}");
    let err = t.fails(&[
        "unit",
        "rename",
        "p-le-loi",
        "Lê Lợi mới",
        "--on",
        "01/08/2025",
    ]);
    assert!(err.contains(ended), "{err}");
    assert_eq!(t.snapshot(), before);
    // A rename from 2028, then a merger dated before it.
    t.ok(&[
        "unit",
        "rename",
        "cb-kho-bac",
        "Chi bộ Kho bạc mới",
        "--on",
        "01/01/2028",
    ]);
    let before = t.snapshot();
    let err = t.fails(&[
        "unit",
        "merge",
        "cb-kho-bac",
        "--into",
        "cb-thpt-son-tay",
        "--on",
        "01/06/2027",
    ]);
    assert!(
        err.contains(
            "ngày 01/06/2027 trước lần thay đổi gần nhất của Chi bộ Kho bạc mới (từ 01/01/2028)"
        ),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);
}

/// Where two long texts first differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    let line = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(a.lines().count().min(b.lines().count()));
    let around = |s: &str| {
        s.lines()
            .skip(line.saturating_sub(3))
            .take(6)
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!("before:\n{}\nafter:\n{}", around(a), around(b))
}
