//! `theodoi extract`: directives and deadlines out of a pasted announcement.

use std::io::Write as _;
use std::process::Stdio;

use serde::Deserialize;

use crate::util::{Theodoi, repo_file};

#[derive(Debug, Deserialize)]
struct Found {
    directives: Vec<Directive>,
    deadlines: Vec<Deadline>,
}

#[derive(Debug, Deserialize)]
struct Directive {
    #[serde(rename = "type")]
    doc_type: String,
    number: String,
    symbol: Option<String>,
    issuer: Option<String>,
    issuer_hint: Option<String>,
    issued_on: Option<String>,
    line: usize,
    source_text: String,
    unsure: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Deadline {
    unit_kinds: Vec<String>,
    units: Vec<String>,
    due: Option<String>,
    what: String,
    directive: Option<usize>,
    line: usize,
    unsure: Vec<String>,
}

/// A database holding the town's unit tree (`fixtures/units.csv`), as a
/// clerk imports it before reading announcements into it.
fn with_town_units() -> Theodoi {
    let t = Theodoi::new();
    t.ok(&[
        "unit",
        "import",
        repo_file("fixtures/units.csv").to_str().unwrap(),
    ]);
    t
}

#[test]
fn the_son_tay_announcement_in_nfd_from_standard_input() {
    let t = Theodoi::bare();
    let text =
        std::fs::read_to_string(repo_file("tests/fixtures/announcements/son-tay.txt")).unwrap();
    let nfd: String = {
        use unicode_normalization::UnicodeNormalization;
        text.nfd().collect()
    };
    let mut child = t
        .command_without_db(&["extract", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(nfd.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let found: Found = serde_json::from_slice(&out.stdout).unwrap();
    let symbols: Vec<(Option<&str>, &str, &str)> = found
        .directives
        .iter()
        .map(|d| (d.symbol.as_deref(), d.doc_type.as_str(), d.number.as_str()))
        .collect();
    assert_eq!(
        symbols,
        [
            (Some("188-KH/TU"), "ke-hoach", "188"),
            (Some("34-ĐA/TU"), "de-an", "34"),
            (Some("44-QĐ/TU"), "quy-dinh", "44"),
            (Some("45-QĐ/TU"), "quy-dinh", "45"),
            (None, "ke-hoach", "223"),
        ]
    );
    assert!(
        found
            .directives
            .iter()
            .all(|d| d.issuer.is_some() && d.issued_on.is_some())
    );
    assert_eq!(
        found.directives[4].issuer.as_deref(),
        Some("Ban Thường vụ Thị ủy Sơn Tây")
    );
    assert_eq!(found.directives[1].line, 6);
    assert!(
        found.directives[1]
            .source_text
            .starts_with("Đề án số 34- ĐA/TU ngày 6-11-2023")
    );
    let deadlines: Vec<(&[String], &str, usize, Option<usize>)> = found
        .deadlines
        .iter()
        .map(|d| {
            (
                d.unit_kinds.as_slice(),
                d.due.as_deref().unwrap(),
                d.line,
                d.directive,
            )
        })
        .collect();
    assert_eq!(
        deadlines,
        [
            (&["chi-bo-co-so".to_string()][..], "2023-12-06", 8, Some(4)),
            (&["dang-bo-co-so".to_string()][..], "2023-12-12", 8, Some(4))
        ]
    );
}

#[test]
fn extract_writes_nothing_and_needs_no_database() {
    let t = Theodoi::bare();
    let file = repo_file("tests/fixtures/announcements/son-tay.txt");
    let table = t.ok(&["extract", file.to_str().unwrap()]);
    assert!(
        table.contains("Văn bản tìm thấy: 5 văn bản")
            && table.contains("Thời hạn tìm thấy: 2 thời hạn"),
        "{table}"
    );
    assert!(!t.db.exists());
    let err = t.fails(&["extract", "khong-co.txt"]);
    assert!(err.contains("khong-co.txt"), "{err}");
}

#[test]
fn apply_records_directives_and_a_task_once() {
    let t = with_town_units();
    t.ok(&[
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
    let file = repo_file("tests/fixtures/announcements/son-tay.txt");
    let out = t.ok(&["extract", file.to_str().unwrap(), "--apply", "--yes"]);
    assert!(out.contains("Đã có, dùng văn bản 188-KH/TU"), "{out}");
    assert_eq!(out.matches("Đã thêm văn bản").count(), 4, "{out}");
    assert!(out.contains("23 tổ chức đảng"), "{out}");
    let late: Vec<crate::util::OverdueRow> = t.json(&["overdue", "--as-of", "07/12/2023"]);
    assert_eq!(late.len(), 7);
    assert!(
        late.iter()
            .all(|r| r.directive == "Kế hoạch số 223" && r.due_on == "2023-12-06")
    );
    // Again: everything is already there; nothing is added twice.
    let before = t.snapshot();
    let again = t.ok(&["extract", file.to_str().unwrap(), "--apply", "--yes"]);
    assert!(!again.contains("Đã thêm"), "{again}");
    assert_eq!(t.snapshot(), before);
    // No terminal to ask and no --yes: refused, nothing written.
    let err = t.fails(&["extract", file.to_str().unwrap(), "--apply"]);
    assert!(err.contains("--yes"), "{err}");
}

/// A news page in the forms real pages use: a dateline, a list whose
/// issuer one code contradicts, a plan dated before its citation, a
/// schedule by level with dates written without a year, a named unit.
#[test]
fn a_page_in_the_forms_pages_use() {
    let t = Theodoi::bare();
    let file = repo_file("tests/fixtures/announcements/son-tay-2024.txt");
    let out = t.ok(&["extract", file.to_str().unwrap(), "--format", "json"]);
    let found: Found = serde_json::from_str(&out).unwrap();
    /// Symbol, issuer, issue date, what the text does not state.
    type Seen<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Vec<&'a str>);
    let directives: Vec<Seen<'_>> = found
        .directives
        .iter()
        .map(|d| {
            (
                d.symbol.as_deref().unwrap(),
                d.issuer.as_deref(),
                d.issued_on.as_deref(),
                d.unsure.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        directives,
        [
            (
                "124-QĐ/TW",
                Some("Bộ Chính trị"),
                Some("2023-10-04"),
                vec!["subject"]
            ),
            // The list's issuer is not the one its code says: not taken.
            ("25-HD/BTCTW", None, Some("2023-11-10"), vec!["issuer"]),
            // No date given: none, never the meeting's or the article's.
            (
                "412-CV/TU",
                Some("Ban Thường vụ Thành ủy Hà Nội"),
                None,
                vec!["issued_on"]
            ),
            (
                "260-KH/TU",
                Some("Ban Thường vụ Thị ủy Sơn Tây"),
                Some("2024-11-20"),
                vec![]
            ),
        ]
    );
    assert_eq!(
        found.directives[1].issuer_hint.as_deref(),
        Some("Ban Tổ chức Trung ương")
    );
    let deadlines: Vec<(Vec<&str>, &str, Option<usize>)> = found
        .deadlines
        .iter()
        .map(|d| {
            (
                d.unit_kinds
                    .iter()
                    .chain(&d.units)
                    .map(String::as_str)
                    .collect(),
                d.due.as_deref().unwrap(),
                d.directive,
            )
        })
        .collect();
    assert_eq!(
        deadlines,
        [
            (vec!["chi-bo-truc-thuoc"], "2024-12-05", Some(3)),
            (vec!["chi-bo-co-so", "dang-bo-co-so"], "2024-12-15", Some(3)),
            (vec!["Đảng bộ phường Ngô Quyền"], "2024-11-30", Some(3)),
            (vec![], "2024-12-25", Some(3)),
        ]
    );
    assert_eq!(found.deadlines[0].what, "tổ chức kiểm điểm");
    assert_eq!(found.deadlines[3].unsure, ["unit_kind"]);
    // In English, the tables say what they are unsure of.
    let table = t.ok(&[
        "extract",
        file.to_str().unwrap(),
        "--lang",
        "en",
        "--format",
        "md",
    ]);
    assert!(table.contains("(to check: subject)"), "{table}");
    assert!(table.contains("(unit kind unknown)"), "{table}");
    assert!(table.contains("(Ban Tổ chức Trung ương?)"), "{table}");
}

/// `--yes` records what the text states and lists the rest with what it
/// lacks; a named unit owes the task by its own date.
#[test]
fn apply_with_yes_records_what_is_sure_and_lists_what_is_missing() {
    let t = with_town_units();
    let file = repo_file("tests/fixtures/announcements/son-tay-2024.txt");
    let out = t.ok(&["extract", file.to_str().unwrap(), "--apply", "--yes"]);
    for line in [
        "Chưa ghi 124-QĐ/TW: văn bản không nói rõ trích yếu",
        "Chưa ghi 25-HD/BTCTW: văn bản không nói rõ cơ quan ban hành",
        "Chưa ghi 412-CV/TU: văn bản không nói rõ ngày ban hành",
        "Chưa ghi thời hạn 25/12/2024 (dòng 12): thiếu loại tổ chức đảng",
    ] {
        assert!(out.contains(line), "{line}: {out}");
    }
    assert_eq!(out.matches("Đã thêm văn bản").count(), 1, "{out}");
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    assert_eq!(tasks[0]["title"], "tổ chức kiểm điểm");
    let late: Vec<crate::util::OverdueRow> = t.json(&["overdue", "--as-of", "01/12/2024"]);
    let late: Vec<(&str, &str)> = late
        .iter()
        .map(|r| (r.unit_code.as_str(), r.due_on.as_str()))
        .collect();
    assert_eq!(late, [("p-ngo-quyen", "2024-11-30")]);
    let late: Vec<crate::util::OverdueRow> = t.json(&["overdue", "--as-of", "06/12/2024"]);
    assert!(late.iter().all(|r| r.due_on != "2024-12-15"));
    assert!(late.iter().any(|r| r.unit_kind == "chi-bo-truc-thuoc"));
}

/// A schedule from above: the district level's deadline goes to the
/// committee above the grassroots (the clerk's own); the provinces' level
/// (`đảng bộ trực thuộc Trung ương`) has that kind too, but whether it is
/// the clerk's committee's is asked, so `--yes` leaves it out and says so.
#[test]
fn the_provinces_level_is_asked_not_applied() {
    let t = with_town_units();
    t.ok(&[
        "directive",
        "add",
        "30-CT/TW",
        "--issuer",
        "Bộ Chính trị",
        "--date",
        "02/06/2029",
        "--title",
        "Đại hội đảng bộ các cấp",
    ]);
    let file = t.dir.path().join("lich.txt");
    std::fs::write(
        &file,
        "Ngày 10/6/2029, theo Chỉ thị số 30-CT/TW ngày 02/6/2029 của Bộ Chính trị, \
         đại hội đảng bộ cấp huyện hoàn thành trước ngày 31-8-2030; \
         đại hội đảng bộ trực thuộc Trung ương hoàn thành trước ngày 31-10-2030.\n\
         Việc sơ kết nghị quyết ở cấp tỉnh, huyện và cơ sở phải hoàn thành trước ngày 15-12-2030.\n",
    )
    .unwrap();
    let found: Found = t.json(&["extract", file.to_str().unwrap()]);
    let dues: Vec<(&str, Vec<&str>, bool)> = found
        .deadlines
        .iter()
        .map(|d| {
            (
                d.due.as_deref().unwrap_or(""),
                d.unit_kinds.iter().map(String::as_str).collect(),
                d.unsure.iter().any(|u| u == "unit_kind"),
            )
        })
        .collect();
    assert_eq!(
        dues,
        [
            ("2030-08-31", vec!["dang-bo-cap-tren"], false),
            ("2030-10-31", vec!["dang-bo-cap-tren"], true),
            (
                "2030-12-15",
                vec!["dang-bo-cap-tren", "dang-bo-co-so", "chi-bo-co-so"],
                false
            ),
        ],
        "{found:?}"
    );
    let out = t.ok(&["extract", file.to_str().unwrap(), "--apply", "--yes"]);
    assert!(
        out.contains("Chưa ghi thời hạn 31/10/2030 (dòng 1): thiếu loại tổ chức đảng"),
        "{out}"
    );
    let late: Vec<crate::util::OverdueRow> = t.json(&["overdue", "--as-of", "01/11/2030"]);
    let dues: Vec<&str> = late.iter().map(|r| r.due_on.as_str()).collect();
    assert_eq!(dues, ["2030-08-31"], "{late:?}");
}

/// A plan whose date the text does not give is not recorded, and its
/// deadlines go under no other document: the task waits for it.
#[test]
fn an_unsure_plan_takes_its_deadlines_with_it() {
    let t = with_town_units();
    let file = t.dir.path().join("thongbao.txt");
    std::fs::write(
        &file,
        "Hội nghị quán triệt Quy định số 45-QĐ/TU ngày 23/11/2023 của Ban Thường vụ Thị ủy Sơn Tây về đánh giá cán bộ và Kế hoạch số 223 của Ban Thường vụ Thị ủy Sơn Tây về kiểm điểm, đánh giá, xếp loại chất lượng năm 2023.\nTheo kế hoạch, các chi bộ cơ sở hoàn thành trước ngày 06/12/2023.\n",
    )
    .unwrap();
    let out = t.ok(&["extract", file.to_str().unwrap(), "--apply", "--yes"]);
    assert!(out.contains("Đã thêm văn bản 45-QĐ/TU"), "{out}");
    assert!(
        out.contains("Chưa ghi Kế hoạch số 223: văn bản không nói rõ ngày ban hành"),
        "{out}"
    );
    assert!(
        out.contains(
            "Chưa ghi nhiệm vụ của các thời hạn ở dòng 2: thiếu văn bản đặt ra các thời hạn"
        ),
        "{out}"
    );
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    assert!(tasks.is_empty(), "{tasks:?}");
}

/// On a terminal, `--apply` asks for what the text does not say and
/// records the answers. (The terminal is `script`'s; skipped without it.)
#[cfg(unix)]
#[test]
fn apply_on_a_terminal_asks_for_what_is_missing() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no `script` to give theodoi a terminal: skipped");
        return;
    }
    let t = with_town_units();
    let file = t.dir.path().join("thongbao.txt");
    std::fs::write(
        &file,
        "Kế hoạch số 223 của Ban Thường vụ Thị ủy Sơn Tây về kiểm điểm năm 2023.\nTheo kế hoạch, các chi bộ cơ sở hoàn thành trước ngày 06/12/2023. Ban Tổ chức Thị ủy tổng hợp trước ngày 20/12/2023.\n",
    )
    .unwrap();
    let line = format!(
        "{} --db {} extract {} --apply",
        env!("CARGO_BIN_EXE_theodoi"),
        t.db.display(),
        file.display()
    );
    let mut script = std::process::Command::new("script");
    t.clean_env(&mut script);
    let mut child = script
        .args(["-qec", &line, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Yes; the plan's date; the kind of the deadline that names none.
    child
        .stdin
        .take()
        .unwrap()
        .write_all("c\n23/11/2023\nđảng bộ cơ sở\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("Ngày ban hành Kế hoạch số 223"), "{out}");
    assert!(out.contains("dành cho loại tổ chức đảng nào?"), "{out}");
    assert!(
        out.contains("Đã thêm văn bản Kế hoạch số 223 ngày 23/11/2023"),
        "{out}"
    );
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    assert_eq!(tasks[0]["title"], "kiểm điểm năm 2023");
    assert_eq!(
        tasks[0]["due"],
        "chi-bo-co-so=2023-12-06 dang-bo-co-so=2023-12-20"
    );
}

/// What is not an announcement is refused in one line, at once: bytes that
/// are not UTF-8 text, a text of citations only or far too long.
#[test]
fn what_is_not_an_announcement_is_refused_at_once() {
    let t = Theodoi::son_tay();
    let binary = t.dir.path().join("trang.bin");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]).unwrap();
    let err = t.fails(&["extract", binary.to_str().unwrap()]);
    assert!(err.contains("không phải văn bản UTF-8"), "{err}");
    let symbols = t.dir.path().join("kyhieu.txt");
    let text: Vec<String> = (0..5000).map(|i| format!("{i}-KH/TU")).collect();
    std::fs::write(&symbols, text.join(" ")).unwrap();
    let err = t.fails(&["extract", symbols.to_str().unwrap()]);
    assert!(err.contains("quá dài để đọc như một thông báo"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

/// `--apply` that can record nothing says why in one line on stderr, with
/// exit status 2 and nothing else: no table, no "nothing changed".
#[test]
fn a_refused_apply_is_one_line_and_nothing_else() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("thongbao.txt");
    std::fs::write(
        &file,
        "Ban Thường vụ Thị ủy Sơn Tây ban hành Kế hoạch số 300-KH/TU về sơ kết công tác năm 2024. Các chi bộ cơ sở hoàn thành trước ngày 20/12/2024.\n",
    )
    .unwrap();
    let before = t.snapshot();
    let path = file.to_str().unwrap();
    for args in [
        &["extract", path, "--apply", "--yes"][..],
        &["extract", path, "--apply", "--yes", "--format", "json"][..],
        // No terminal to ask and no --yes.
        &["extract", path, "--apply"][..],
    ] {
        let r = t.run(args);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert_eq!(r.stdout, "", "{args:?}");
        assert_eq!(r.stderr.trim_end().lines().count(), 1, "{}", r.stderr);
        assert!(!r.stderr.contains("Không có gì thay đổi"), "{}", r.stderr);
    }
    let err = t.fails(&["extract", path, "--apply", "--yes"]);
    assert!(err.contains("300-KH/TU"), "{err}");
    assert!(err.contains("ngày ban hành"), "{err}");
    // Said once: the task it would have made waits on that document.
    assert_eq!(err.matches("300-KH/TU").count(), 1, "{err}");
    assert_eq!(t.snapshot(), before);
}

/// A deadline on a day the calendar has not is kept without a date and
/// said on stderr; `--apply` does not record it, and says so.
#[test]
fn a_deadline_on_no_real_day_is_kept_and_said() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("thongbao.txt");
    std::fs::write(
        &file,
        "Kế hoạch số 300-KH/TU ngày 10/01/2023 của Ban Thường vụ Thị ủy Sơn Tây về sơ kết công tác năm 2022.\nCác chi bộ cơ sở hoàn thành trước ngày 29/02/2023; các đảng bộ cơ sở hoàn thành trước ngày 10/3/2023.\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let r = t.run(&["extract", path]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout.contains("29/02/2023 (không có ngày này)"),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stderr.trim_end(),
        "dòng 2: không có ngày 29/02/2023 trong lịch; thời hạn này để trống, chưa ghi được"
    );
    let found: Found = t.json(&["extract", path]);
    let first = &found.deadlines[0];
    assert_eq!(first.due, None);
    assert_eq!(first.unit_kinds, ["chi-bo-co-so"]);
    assert_eq!(first.unsure, ["due"]);
    let out = t.ok(&["extract", path, "--apply", "--yes"]);
    assert!(
        out.contains("Chưa ghi thời hạn 29/02/2023 (dòng 2): thiếu hạn hoàn thành"),
        "{out}"
    );
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    let tasks: Vec<&serde_json::Value> = tasks
        .iter()
        .filter(|t| t["directive"] == "300-KH/TU")
        .collect();
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    assert_eq!(tasks[0]["due"], "dang-bo-co-so=2023-03-10");
}

/// A deadline whose subject is no unit names none: no phrase stands in for
/// a unit.
#[test]
fn a_subject_that_is_no_unit_names_none() {
    let t = Theodoi::bare();
    let file = t.dir.path().join("thongbao.txt");
    std::fs::write(
        &file,
        "Việc này hoàn thành trước ngày 10/4/2024. Bố trí cán bộ cho các cơ quan xong trước ngày 20/4/2024.\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let out = t.ok(&["extract", path, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    for d in json["deadlines"].as_array().unwrap() {
        assert_eq!(d["applies_to"], serde_json::Value::Null, "{d}");
        assert_eq!(d["unit_kinds"], serde_json::json!([]), "{d}");
        assert_eq!(d["unsure"], serde_json::json!(["unit_kind"]), "{d}");
    }
    let table = t.ok(&["extract", path]);
    assert!(!table.contains("Việc này"), "{table}");
    assert_eq!(
        table.matches("(chưa rõ loại tổ chức đảng)").count(),
        2,
        "{table}"
    );
}

/// On a terminal, a deadline on a day the calendar has not is asked for
/// again, and recorded as answered.
#[cfg(unix)]
#[test]
fn apply_on_a_terminal_asks_for_a_real_day() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("no `script` to give theodoi a terminal: skipped");
        return;
    }
    let t = with_town_units();
    let file = t.dir.path().join("thongbao.txt");
    std::fs::write(
        &file,
        "Kế hoạch số 302-KH/TU ngày 10/01/2024 của Ban Thường vụ Thị ủy Sơn Tây về sơ kết năm 2023.\nCác chi bộ cơ sở hoàn thành trước ngày 30/02/2024.\n",
    )
    .unwrap();
    let line = format!(
        "{} --db {} extract {} --apply",
        env!("CARGO_BIN_EXE_theodoi"),
        t.db.display(),
        file.display()
    );
    let mut script = std::process::Command::new("script");
    t.clean_env(&mut script);
    let mut child = script
        .args(["-qec", &line, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("c\n29/02/2024\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("«30/02/2024» ở dòng 2"), "{out}");
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    assert_eq!(tasks[0]["due"], "chi-bo-co-so=2024-02-29");
}

/// A recorded document whose title is only its own symbol gives no task
/// title: the task is refused for want of one, never named by a symbol.
#[test]
fn a_title_that_is_only_a_symbol_is_no_task_title() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        "301-KH/TU",
        "--issuer",
        "Ban Thường vụ Thị ủy Sơn Tây",
        "--date",
        "01/12/2024",
        "--title",
        "301-KH/TU",
    ]);
    let file = t.dir.path().join("thongbao.txt");
    std::fs::write(
        &file,
        "Theo Kế hoạch số 301-KH/TU, các chi bộ cơ sở hoàn thành trước ngày 20/12/2024.\n",
    )
    .unwrap();
    let err = t.fails(&["extract", file.to_str().unwrap(), "--apply", "--yes"]);
    assert!(err.contains("thiếu tên nhiệm vụ"), "{err}");
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    assert!(
        tasks.iter().all(|t| t["directive"] != "301-KH/TU"),
        "{tasks:?}"
    );
}

/// `--apply --yes --format json` keeps standard output one JSON document:
/// what became of each thing is said on stderr.
#[test]
fn apply_with_json_keeps_stdout_json() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("thongbao.txt");
    std::fs::write(
        &file,
        "Kế hoạch số 303-KH/TU ngày 10/01/2024 của Ban Thường vụ Thị ủy Sơn Tây về sơ kết năm 2023. Các chi bộ cơ sở hoàn thành trước ngày 20/01/2024.\n",
    )
    .unwrap();
    let r = t.run(&[
        "extract",
        file.to_str().unwrap(),
        "--apply",
        "--yes",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0, "{r:?}");
    let found: Found = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(found.directives.len(), 1);
    assert!(
        r.stderr.contains("Đã thêm văn bản 303-KH/TU"),
        "{}",
        r.stderr
    );
}

/// A State body's documents (`21/KH-UBND`, `197/STTTT`) are read whole:
/// by type and number, their symbol kept as written, their date and
/// issuer read; `các đơn vị còn lại` are the units whose congresses the
/// text is about, and the task's title is what they hold, not the words
/// that open the sentence.
#[test]
fn state_documents_and_the_remaining_units() {
    let t = Theodoi::son_tay();
    let file = t.dir.path().join("thongbao.txt");
    std::fs::write(
        &file,
        "Thực hiện Kế hoạch số 21/KH-UBND ngày 31/01/2024 của UBND tỉnh Thanh Hóa; Công văn số 197/STTTT ngày 02/2/2024 của Sở Thông tin và Truyền thông.\nNgày 05/02/2024, Ban Thường vụ Thị ủy Sơn Tây ban hành Công văn số 305-CV/TU về đại hội chi bộ trực thuộc đảng bộ cơ sở. Đại hội điểm bắt đầu từ ngày 20/02/2024. Sau đó mới tiến hành đại hội đồng loạt các đơn vị còn lại, hoàn thành trong tháng 3 năm 2024.\n",
    )
    .unwrap();
    let found: Found = t.json(&["extract", file.to_str().unwrap()]);
    let json: serde_json::Value = t.json(&["extract", file.to_str().unwrap()]);
    let state: Vec<(&str, &str, &str, &str)> = json["directives"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["symbol"].is_null())
        .map(|d| {
            (
                d["state_symbol"].as_str().unwrap_or(""),
                d["number"].as_str().unwrap_or(""),
                d["issuer"].as_str().unwrap_or(""),
                d["issued_on"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        state,
        [
            ("21/KH-UBND", "21", "UBND tỉnh Thanh Hóa", "2024-01-31"),
            (
                "197/STTTT",
                "197",
                "Sở Thông tin và Truyền thông",
                "2024-02-02"
            ),
        ]
    );
    assert_eq!(found.deadlines.len(), 1, "{found:?}");
    assert_eq!(found.deadlines[0].unit_kinds, ["chi-bo-truc-thuoc"]);
    assert_eq!(found.deadlines[0].due.as_deref(), Some("2024-03"));
    let table = t.ok(&["extract", file.to_str().unwrap()]);
    assert!(table.contains("21/KH-UBND"), "{table}");
    let out = t.ok(&["extract", file.to_str().unwrap(), "--apply", "--yes"]);
    assert!(out.contains("Đã thêm văn bản 305-CV/TU"), "{out}");
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    let tasks: Vec<&serde_json::Value> = tasks
        .iter()
        .filter(|t| t["directive"] == "305-CV/TU")
        .collect();
    assert_eq!(tasks.len(), 1, "{tasks:?}");
    assert_eq!(tasks[0]["title"], "đại hội đồng loạt");
    assert_eq!(tasks[0]["due"], "chi-bo-truc-thuoc=2024-03-31");
}

/// A State body's document recorded from a page keeps its symbol as the
/// page writes it (`21/KH-UBND`): known by type and number, the symbol in
/// `symbol_as_written`; undone in one step.
#[test]
fn apply_keeps_a_state_symbol_as_written() {
    let t = Theodoi::new();
    let file = t.dir.path().join("ubnd.txt");
    std::fs::write(
        &file,
        "Thực hiện Kế hoạch số 21/KH-UBND ngày 31/01/2024 của UBND tỉnh Thanh Hóa về tổng kết công tác năm 2023.\n",
    )
    .unwrap();
    t.ok(&["extract", file.to_str().unwrap(), "--apply", "--yes"]);
    let list: Vec<serde_json::Value> = t.json(&["directive", "list"]);
    let state: Vec<(&str, &str, bool)> = list
        .iter()
        .filter(|d| d["issuer"] == "UBND tỉnh Thanh Hóa")
        .map(|d| {
            (
                d["number"].as_str().unwrap_or(""),
                d["symbol_as_written"].as_str().unwrap_or(""),
                d["symbol"].is_null(),
            )
        })
        .collect();
    assert_eq!(state, [("21", "21/KH-UBND", true)], "{list:?}");
    t.ok(&["undo"]);
    let list: Vec<serde_json::Value> = t.json(&["directive", "list"]);
    assert!(
        list.iter().all(|d| d["issuer"] != "UBND tỉnh Thanh Hóa"),
        "{list:?}"
    );
}

/// Deadlines per level as pages write them: a list of units under one
/// head (`các Đảng bộ A, B, C`) and `các đảng bộ này` after it; a time
/// alone (`Thời gian tổ chức đại hội vào tháng …`) right after the units
/// chosen for the model congress; the length of a level's congress in one
/// clause and its months in the next; the provincial level, a committee
/// above the grassroots (the central units named with it among them); the
/// Front's levels, no Party kind; `Theo Công văn số …, Tỉnh ủy … lựa chọn`
/// naming the letter's issuer.
#[test]
fn deadlines_per_level_as_pages_write_them() {
    let t = Theodoi::bare();
    let file = t.dir.path().join("lich.txt");
    std::fs::write(
        &file,
        "Theo Công văn số 77-CV/TU về đại hội điểm, Tỉnh ủy Yên Bái lựa chọn các đơn vị làm điểm.\n\
         Ban Thường vụ Tỉnh ủy quyết định Đảng bộ Lục Yên và Đảng bộ Sở Giáo dục và Đào tạo là các đơn vị tổ chức điểm đại hội. Thời gian tổ chức đại hội vào tháng 5/2031.\n\
         Các Đảng bộ Văn Chấn, Trấn Yên, Mù Cang Chải đã xong 90% đại hội chi bộ. Các đảng bộ này phấn đấu trong tháng 2/2031 hoàn thành đại hội chi bộ.\n\
         - Đại hội đại biểu đảng bộ cơ sở không quá 2 ngày; bắt đầu từ tháng 4-2031, hoàn thành trong tháng 6-2031.\n\
         - Đại hội đảng bộ các tỉnh, thành phố trực thuộc Trung ương và Đảng bộ Công an Trung ương hoàn thành trong tháng 10-2031.\n\
         Đại hội MTTQ cấp huyện xong trước ngày 30.7.2031.\n",
    )
    .unwrap();
    let found: Found = t.json(&["extract", file.to_str().unwrap()]);
    let letter = found
        .directives
        .iter()
        .find(|d| d.number == "77")
        .expect("the letter");
    assert_eq!(
        letter.issuer.as_deref(),
        Some("Tỉnh ủy Yên Bái"),
        "{letter:?}"
    );
    let dues: Vec<(Vec<&str>, Vec<&str>, Option<&str>)> = found
        .deadlines
        .iter()
        .map(|d| {
            (
                d.unit_kinds.iter().map(String::as_str).collect(),
                d.units.iter().map(String::as_str).collect(),
                d.due.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        dues,
        [
            (
                vec![],
                vec!["Đảng bộ Lục Yên", "Đảng bộ Sở Giáo dục và Đào tạo"],
                Some("2031-05")
            ),
            (
                vec![],
                vec![
                    "Đảng bộ Văn Chấn",
                    "Đảng bộ Trấn Yên",
                    "Đảng bộ Mù Cang Chải"
                ],
                Some("2031-02")
            ),
            (vec!["dang-bo-co-so"], vec![], Some("2031-06")),
            (vec!["dang-bo-cap-tren"], vec![], Some("2031-10")),
            (vec![], vec![], Some("2031-07-30")),
        ],
        "{found:?}"
    );
}

/// Forms of a ninth set of pages: a headline whose deadline the article
/// repeats (one deadline), a window `từ … đến hết ngày …`, congresses set on
/// their days (`vào ngày 18 và 19/3/2031`, `ngày 26 và 27-3-2031 tiến hành
/// Đại hội …`), an association's model congress with no verb, and `Ban tổ
/// chức` in lower case as an issuer.
#[test]
fn a_ninth_set_of_forms() {
    let t = Theodoi::bare();
    let file = t.dir.path().join("trang.txt");
    std::fs::write(
        &file,
        "Góp ý dự thảo văn kiện từ nay đến 25-6\n\
         12/6/2031 09:10\n\
         Thời gian góp ý dự thảo văn kiện từ ngày 12-6 đến ngày 25-6. Việc tổng hợp ý kiến tiến hành từ ngày 26-6 đến hết ngày 05-7-2031.\n\
         Thực hiện Hướng dẫn số 05 ngày 15/5/2031 của Ban tổ chức Tỉnh ủy, Đảng bộ xã Tân Phước chuẩn bị để tổ chức thành công Đại hội điểm vào ngày 18 và 19/7/2031.\n\
         Theo đó, dự kiến ngày 22 và 23-7-2031 tiến hành Đại hội Đảng bộ xã Hòa Lợi và ngày 28, 29-7, Đại hội Đảng bộ thị trấn Phú Hòa.\n\
         Đại hội điểm Hội Cựu chiến binh cấp huyện vào cuối tháng 8 và đầu tháng 9-2031.\n",
    )
    .unwrap();
    let found: Found = t.json(&["extract", file.to_str().unwrap()]);
    let guide = found
        .directives
        .iter()
        .find(|d| d.number == "05")
        .expect("the guide");
    assert_eq!(
        guide.issuer.as_deref(),
        Some("Ban Tổ chức Tỉnh ủy"),
        "{guide:?}"
    );
    let dues: Vec<(Vec<&str>, Vec<&str>, Option<&str>)> = found
        .deadlines
        .iter()
        .map(|d| {
            (
                d.unit_kinds.iter().map(String::as_str).collect(),
                d.units.iter().map(String::as_str).collect(),
                d.due.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        dues,
        [
            (vec![], vec![], Some("2031-06-25")),
            (vec![], vec![], Some("2031-07-05")),
            (vec![], vec!["Đảng bộ xã Tân Phước"], Some("2031-07-19")),
            (vec![], vec!["Đảng bộ xã Hòa Lợi"], Some("2031-07-23")),
            (vec![], vec!["Đảng bộ thị trấn Phú Hòa"], Some("2031-07-29")),
            (vec![], vec![], Some("2031-09")),
        ],
        "{found:?}"
    );
}

/// A plan's steps of other work are other tasks, whatever kinds they name:
/// a mid-term review for the đảng bộ cơ sở by 30/7 does not take in the
/// chi bộ cơ sở's year-end review of the table below it, whose two rows
/// (one work, two kinds) make one task titled by the row's work; a
/// `Thời gian hoàn thành` sentence is of the work asked just before; the
/// next row's other work is a task of its own.
#[test]
fn apply_keeps_each_step_of_a_plan_a_task_of_its_own() {
    let t = with_town_units();
    let file = t.dir.path().join("kehoach.txt");
    std::fs::write(
        &file,
        "THỊ ỦY SƠN TÂY\nSố 61-KH/TU\nSơn Tây, ngày 12 tháng 6 năm 2024\nKẾ HOẠCH\nkiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2024\n\
1. Đến 31/7/2024, các đảng bộ cơ sở tổ chức xong hội nghị sơ kết giữa nhiệm kỳ.\n\
2. Ban Thường vụ Thị ủy đề nghị các chi bộ cơ sở và đảng bộ cơ sở rà soát quy hoạch cấp ủy. Thời gian hoàn thành trước ngày 20/8/2024.\n\
STT\tNội dung\tĐơn vị thực hiện\tThời gian hoàn thành\n\
1\tTổ chức kiểm điểm, đánh giá, xếp loại chất lượng\tChi bộ cơ sở\tTrước ngày 06/12/2024\n\
2\tTổ chức kiểm điểm, đánh giá, xếp loại chất lượng\tĐảng bộ cơ sở\tTrước ngày 12/12/2024\n\
3\tTổng kết công tác phát triển đảng viên\tChi bộ trực thuộc\tTrước ngày 20/12/2024\n",
    )
    .unwrap();
    t.ok(&["extract", file.to_str().unwrap(), "--apply", "--yes"]);
    let tasks: Vec<serde_json::Value> = t.json(&["task", "list"]);
    let got: Vec<(String, Vec<(String, String)>)> = tasks
        .iter()
        .map(|task| {
            let mut dues: Vec<(String, String)> = task["due"]
                .as_str()
                .unwrap_or_else(|| panic!("{task}"))
                .split([';', ',', ' '])
                .filter_map(|d| d.split_once('='))
                .map(|(k, d)| (k.to_string(), d.to_string()))
                .collect();
            dues.sort();
            (task["title"].as_str().unwrap_or_default().to_string(), dues)
        })
        .collect();
    let pair = |k: &str, d: &str| (k.to_string(), d.to_string());
    assert_eq!(
        got,
        [
            (
                "tổ chức xong hội nghị sơ kết giữa nhiệm kỳ".to_string(),
                vec![pair("dang-bo-co-so", "2024-07-31")]
            ),
            (
                "rà soát quy hoạch cấp ủy".to_string(),
                vec![
                    pair("chi-bo-co-so", "2024-08-20"),
                    pair("dang-bo-co-so", "2024-08-20")
                ]
            ),
            (
                "Tổ chức kiểm điểm, đánh giá, xếp loại chất lượng".to_string(),
                vec![
                    pair("chi-bo-co-so", "2024-12-06"),
                    pair("dang-bo-co-so", "2024-12-12")
                ]
            ),
            // Another work on the next row is another task.
            (
                "Tổng kết công tác phát triển đảng viên".to_string(),
                vec![pair("chi-bo-truc-thuoc", "2024-12-20")]
            ),
        ]
    );
}
