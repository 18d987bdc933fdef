//! `settings`, `report` and `remind`: the committee's settings, and the
//! documents in the form of Hướng dẫn 36-HD/VPTW, read back from the files
//! (the .docx unzipped, the HTML as text).
//!
//! The tests that turn the files into PDF (LibreOffice, Chromium) are
//! `#[ignore]`d: `.ci/documents` installs what they need and runs them.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::util::{Theodoi, repo_file, run};

/// The settings of Sơn Tây's Ban Tổ chức, as a clerk sets them.
const SETTINGS: &[&[&str]] = &[
    &["settings", "set", "cap-tren", "Thị ủy Sơn Tây"],
    &["settings", "set", "Cơ quan", "Ban Tổ chức"],
    &["settings", "set", "ky-hieu", "btctu"],
    &["settings", "set", "dia_danh", "Sơn Tây"],
    &["settings", "set", "quyen-han", "K/T TRƯỞNG BAN"],
    &["settings", "set", "chuc-vu", "Phó Trưởng ban"],
    &["settings", "set", "nguoi-ky", "Nguyễn Văn An"],
    &[
        "settings",
        "set",
        "noi-nhan",
        "- Thường trực Thị ủy (để báo cáo),",
        "- Các đảng bộ, chi bộ cơ sở,",
        "- Lưu Ban Tổ chức.",
    ],
];

/// Sơn Tây with its reports in, and the settings set.
fn son_tay() -> Theodoi {
    let t = Theodoi::son_tay_reported();
    for command in SETTINGS {
        t.ok(command);
    }
    t
}

fn out(t: &Theodoi, name: &str) -> PathBuf {
    t.dir.path().join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

/// One part of a .docx, as text.
fn docx_part(path: &Path, part: &str) -> String {
    let file = std::fs::File::open(path).expect("the .docx");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut text = String::new();
    zip.by_name(part)
        .unwrap_or_else(|_| panic!("{part} in {}", path.display()))
        .read_to_string(&mut text)
        .expect("UTF-8");
    text
}

/// The names of a .docx's parts.
fn docx_parts(path: &Path) -> Vec<String> {
    let file = std::fs::File::open(path).expect("the .docx");
    let zip = zip::ZipArchive::new(file).expect("a zip");
    (0..zip.len())
        .map(|i| {
            zip.name_for_index(i)
                .expect("a part")
                .expect("a name")
                .to_string()
        })
        .collect()
}

/// The text of `word/document.xml`, each paragraph on a line: what a reader
/// of the document sees, without the markup.
fn docx_text(path: &Path) -> String {
    let xml = docx_part(path, "word/document.xml");
    let mut text = String::new();
    let mut rest = xml.as_str();
    while let Some(at) = rest.find('<') {
        let Some(end) = rest[at..].find('>') else {
            break;
        };
        let tag = &rest[at + 1..at + end];
        if tag == "/w:p" {
            text.push('\n');
        }
        rest = &rest[at + end + 1..];
        if (tag == "w:t" || tag.starts_with("w:t ")) && !tag.ends_with('/') {
            let close = rest.find("</w:t>").unwrap_or(rest.len());
            text.push_str(&unescape(&rest[..close]));
            rest = &rest[close..];
        }
    }
    text
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of an HTML file: tags dropped, entities read.
fn html_text(path: &Path) -> String {
    let html = std::fs::read_to_string(path).expect("the HTML");
    let body = &html[html.find("<body>").expect("a body")..];
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push('\n');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    unescape(&text)
}

#[derive(Debug, Deserialize)]
struct ProgressRow {
    total: u64,
    done_on_time: u64,
    done_late: u64,
    open: u64,
    overdue: u64,
}

#[derive(Debug, Deserialize)]
struct AgendaRow {
    unit: String,
    status: String,
    due_on: String,
    completed_on: Option<String>,
    days_overdue: i64,
}

/// What a report as of `as_of` must say, from the other reports: the
/// totals, and each unit late with its days.
fn expected(t: &Theodoi, as_of: &str) -> (Vec<String>, Vec<(String, i64)>) {
    let progress: Vec<ProgressRow> =
        t.json(&["progress", "--task", "kiem-diem-2023", "--as-of", as_of]);
    let sum = |f: fn(&ProgressRow) -> u64| progress.iter().map(f).sum::<u64>();
    let total = sum(|r| r.total);
    let share = |n: u64| {
        let pct = (n as f64 * 1000.0 / total as f64).round() / 10.0;
        format!("{n} ({})", format!("{pct:.1}%").replace('.', ","))
    };
    let totals = vec![
        "Tổng cộng".to_string(),
        total.to_string(),
        share(sum(|r| r.done_on_time)),
        share(sum(|r| r.done_late)),
        share(sum(|r| r.open)),
        share(sum(|r| r.overdue)),
    ];
    let all: Vec<AgendaRow> = t.json(&[
        "agenda",
        "son-tay",
        "--task",
        "kiem-diem-2023",
        "--as-of",
        as_of,
    ]);
    let day = |iso: &str| chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap();
    let late = all
        .into_iter()
        .filter_map(|r| match r.status.as_str() {
            "overdue" => Some((r.unit, r.days_overdue)),
            "done_late" => {
                let days = (day(r.completed_on.as_deref()?) - day(&r.due_on)).num_days();
                Some((r.unit, days))
            }
            _ => None,
        })
        .collect();
    (totals, late)
}

/// The form and the figures of a report, in its text (a line each).
fn check_report(text: &str, t: &Theodoi) {
    for want in [
        "THỊ ỦY SƠN TÂY",
        "BAN TỔ CHỨC",
        "*",
        "Số 25-BC/BTCTU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Sơn Tây, ngày 13 tháng 12 năm 2023",
        "BÁO CÁO",
        "kết quả thực hiện kiểm điểm, đánh giá, xếp loại chất lượng năm 2023",
        "Nơi nhận:",
        "- Thường trực Thị ủy (để báo cáo),",
        "- Lưu Ban Tổ chức.",
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Nguyễn Văn An",
        "STT",
    ] {
        assert!(
            text.lines().any(|l| l.trim() == want),
            "no line {want:?} in:\n{text}"
        );
    }
    assert!(
        text.contains("Kế hoạch số 223 ngày 23/11/2023 của Ban Thường vụ Thị ủy Sơn Tây"),
        "{text}"
    );
    assert!(
        text.contains("Ban Tổ chức Thị ủy Sơn Tây báo cáo"),
        "{text}"
    );
    assert!(
        text.contains(
            "chi bộ cơ sở chậm nhất ngày 06/12/2023; đảng bộ cơ sở chậm nhất ngày 12/12/2023"
        ),
        "{text}"
    );
    let (totals, late) = expected(t, "13/12/2023");
    // The total row of the table, cell after cell.
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| *l == "Tổng cộng")
        .expect("a total row");
    let found: Vec<&str> = lines[at..]
        .iter()
        .filter(|l| !l.is_empty())
        .take(totals.len())
        .copied()
        .collect();
    assert_eq!(found, totals, "{text}");
    assert!(!late.is_empty());
    for (unit, days) in &late {
        let at = lines
            .iter()
            .position(|l| l == unit)
            .unwrap_or_else(|| panic!("{unit} is not listed:\n{text}"));
        let row: Vec<&str> = lines[at..]
            .iter()
            .filter(|l| !l.is_empty())
            .take(5)
            .copied()
            .collect();
        assert_eq!(row[4], days.to_string(), "{unit}: {row:?}");
    }
}

#[test]
fn a_report_in_word_has_the_form_the_totals_and_the_late_units() {
    let t = son_tay();
    let file = out(&t, "bao-cao.docx");
    let said = t.run(&[
        "report",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--number",
        "25",
        "--output",
        s(&file),
    ]);
    assert_eq!(said.code, 0, "{said:?}");
    assert!(said.stdout.contains("bao-cao.docx"), "{said:?}");
    // Every setting is set: nothing to say on stderr.
    assert_eq!(said.stderr, "");
    check_report(&docx_text(&file), &t);
    let xml = docx_part(&file, "word/document.xml");
    // A4, the margins of the form, Times New Roman at 14 pt, real tables.
    for want in [
        r#"w:w="11906""#,
        r#"w:h="16838""#,
        r#"w:left="1701""#,
        r#"w:right="850""#,
        r#"w:top="1134""#,
        r#"w:ascii="Times New Roman""#,
        r#"<w:sz w:val="28" />"#,
        "<w:tbl>",
        "<w:u w:val=\"single\" />",
        "<w:titlePg />",
    ] {
        assert!(xml.contains(want), "{want} not in document.xml");
    }
    // Page numbers at the foot, the chart's bars as pictures.
    let parts = docx_parts(&file);
    let footers: String = parts
        .iter()
        .filter(|p| p.starts_with("word/footer"))
        .map(|p| docx_part(&file, p))
        .collect();
    assert!(footers.contains("PAGE"), "{footers}");
    assert!(
        parts.iter().filter(|p| p.ends_with(".png")).count() >= 2,
        "{parts:?}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_report_in_html_says_the_same_and_prints_on_a4() {
    let t = son_tay();
    let file = out(&t, "bao-cao.html");
    t.ok(&[
        "report",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--number",
        "25",
        "--output",
        s(&file),
    ]);
    check_report(&html_text(&file), &t);
    let html = std::fs::read_to_string(&file).unwrap();
    for want in [
        "<meta charset=\"utf-8\">",
        "@page { size: A4; margin: 20mm 15mm 20mm 30mm;",
        "font-family: \"Times New Roman\"",
        "<svg class=\"chart\"",
        "<table class=\"data\">",
    ] {
        assert!(html.contains(want), "{want}");
    }
    // Self-contained: nothing to fetch.
    for link in ["src=\"http", "href=\"http", "<link", "<script"] {
        assert!(!html.contains(link), "{link}");
    }
    // `--format` says it when the name does not.
    let named = out(&t, "bao-cao.txt");
    t.ok(&[
        "report",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--format",
        "html",
        "--output",
        s(&named),
    ]);
    assert!(
        std::fs::read_to_string(&named)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn a_rated_task_reports_its_ratings_and_the_quota() {
    let t = son_tay();
    t.add_rated_task();
    t.rate_two_chi_bo();
    let file = out(&t, "xep-loai.docx");
    t.ok(&[
        "report",
        "xep-loai-2023",
        "--as-of",
        "13/12/2023",
        "--output",
        s(&file),
    ]);
    let text = docx_text(&file);
    for want in [
        "3. Kết quả xếp loại chất lượng",
        "HTXSNV",
        "Vượt quá 20%",
        "Số …-BC/BTCTU",
    ] {
        assert!(text.contains(want), "{want} not in:\n{text}");
    }
}

#[test]
fn a_reminder_names_each_overdue_unit_with_its_days() {
    let t = son_tay();
    let file = out(&t, "don-doc.docx");
    t.ok(&[
        "remind",
        "kiem-diem-2023",
        "--as-of",
        "07/12/2023",
        "--number",
        "7",
        "--output",
        s(&file),
    ]);
    let text = docx_text(&file);
    let overdue: Vec<crate::util::OverdueRow> = t.json(&["overdue", "--as-of", "07/12/2023"]);
    assert!(!overdue.is_empty());
    for row in &overdue {
        assert!(text.contains(&row.unit), "{} not in:\n{text}", row.unit);
        let days = format!("{}", row.days_overdue);
        assert!(text.lines().any(|l| l.trim() == days), "{days}");
    }
    for want in [
        "Số 7-CV/BTCTU",
        "V/v đôn đốc kiểm điểm, đánh giá, xếp loại chất lượng năm 2023",
        "Kính gửi:",
        "Sơn Tây, ngày 07 tháng 12 năm 2023",
        "- Như trên,",
        "- Lưu Ban Tổ chức.",
        "Kế hoạch số 223 ngày 23/11/2023",
        "chi bộ cơ sở chậm nhất ngày 06/12/2023",
    ] {
        assert!(text.contains(want), "{want} not in:\n{text}");
    }
    // A công văn has no title line.
    assert!(!text.contains("BÁO CÁO"), "{text}");
}

#[test]
fn one_reminder_per_unit_each_named_by_its_code() {
    let t = son_tay();
    let folder = out(&t, "don-doc");
    let said = t.ok(&[
        "remind",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--each",
        "--output",
        s(&folder),
    ]);
    let overdue: Vec<crate::util::OverdueRow> = t.json(&["overdue", "--as-of", "13/12/2023"]);
    assert!(said.contains(&overdue.len().to_string()), "{said}");
    let mut files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut codes: Vec<String> = overdue
        .iter()
        .map(|r| format!("{}.docx", r.unit_code))
        .collect();
    codes.sort();
    assert_eq!(files, codes);
    let ward = overdue
        .iter()
        .find(|r| r.unit_code == "x-kim-son")
        .expect("Kim Sơn is late");
    let text = docx_text(&folder.join("x-kim-son.docx"));
    assert!(text.contains("Kính gửi: Đảng ủy xã Kim Sơn"), "{text}");
    assert!(
        text.contains(&format!("đã quá hạn {} ngày", ward.days_overdue)),
        "{text}"
    );
    // Again: every file is there, nothing is written over.
    let err = t.fails(&[
        "remind",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--each",
        "--output",
        s(&folder),
    ]);
    assert!(err.contains("--force"), "{err}");
    // With --force they are replaced, numbered one after the other.
    t.ok(&[
        "remind",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--each",
        "--number",
        "30",
        "--force",
        "--output",
        s(&folder),
    ]);
    let mut numbers: Vec<u32> = codes
        .iter()
        .map(|file| {
            let text = docx_text(&folder.join(file));
            let line = text
                .lines()
                .find(|l| l.starts_with("Số ") && l.ends_with("-CV/BTCTU"))
                .unwrap_or_else(|| panic!("no number in {file}"))
                .to_string();
            line["Số ".len()..line.len() - "-CV/BTCTU".len()]
                .parse()
                .unwrap()
        })
        .collect();
    numbers.sort();
    let expected: Vec<u32> = (30..30 + codes.len() as u32).collect();
    assert_eq!(numbers, expected);
}

#[test]
fn without_settings_a_document_leaves_blanks_and_says_which() {
    let t = Theodoi::son_tay_reported();
    let file = out(&t, "bao-cao.docx");
    let said = t.run(&[
        "report",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--output",
        s(&file),
    ]);
    assert_eq!(said.code, 0, "{said:?}");
    assert!(
        said.stderr.contains(
            "chưa đặt thông tin cơ quan: cấp ủy cấp trên (cap-tren), cơ quan ban hành (co-quan), ký hiệu cơ quan (ky-hieu)"
        ),
        "{said:?}"
    );
    assert!(
        said.stderr
            .contains(&format!("`{}", t.typed("settings set"))),
        "{said:?}"
    );
    let text = docx_text(&file);
    for want in ["Số …-BC/…", "…, ngày 13 tháng 12 năm 2023", "- Lưu …"] {
        assert!(text.contains(want), "{want} not in:\n{text}");
    }
    // A line left to fill ends on its dots, not on a full stop after them.
    assert!(!text.contains("- Lưu …."), "{text}");
    let english = t.run(&[
        "--lang",
        "en",
        "report",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--output",
        s(&out(&t, "report.docx")),
    ]);
    assert!(
        english
            .stderr
            .contains("not set: the committee above (cap-tren)"),
        "{english:?}"
    );
    assert!(english.stdout.starts_with("Wrote "), "{english:?}");
    // The document itself is a Party document: Vietnamese whatever --lang.
    assert!(docx_text(&out(&t, "report.docx")).contains("BÁO CÁO"));
}

#[test]
fn an_existing_file_is_kept_unless_force_and_a_link_is_not_followed() {
    let t = son_tay();
    let file = out(&t, "bao-cao.docx");
    std::fs::write(&file, "bản cũ").unwrap();
    let args = |f: &Path| {
        vec![
            "report".to_string(),
            "kiem-diem-2023".into(),
            "--as-of".into(),
            "13/12/2023".into(),
            "--output".into(),
            s(f).to_string(),
        ]
    };
    let refused = args(&file);
    let refused: Vec<&str> = refused.iter().map(String::as_str).collect();
    let err = t.fails(&refused);
    assert!(err.contains("đã có") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "bản cũ");
    let mut forced = refused.clone();
    forced.push("--force");
    t.ok(&forced);
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
    #[cfg(unix)]
    {
        let target = out(&t, "target.txt");
        std::fs::write(&target, "nguyên vẹn").unwrap();
        let link = out(&t, "link.docx");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let linked = args(&link);
        let mut linked: Vec<&str> = linked.iter().map(String::as_str).collect();
        t.fails(&linked);
        linked.push("--force");
        t.ok(&linked);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "nguyên vẹn");
        assert!(!std::fs::symlink_metadata(&link).unwrap().is_symlink());
    }
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn bad_input_is_one_line_and_writes_nothing() {
    let t = son_tay();
    let cases: &[(&[&str], &str)] = &[
        (
            &["report", "kiem-diem-2023", "--output", "bao-cao.pdf"],
            ".docx",
        ),
        (
            &[
                "report",
                "kiem-diem-2023",
                "--number",
                "2a",
                "--output",
                "a.docx",
            ],
            "2a",
        ),
        (&["report", "khong-co", "--output", "a.docx"], "khong-co"),
        (
            &[
                "report",
                "kiem-diem-2023",
                "--format",
                "pdf",
                "--output",
                "a.docx",
            ],
            "pdf",
        ),
        (
            &[
                "report",
                "kiem-diem-2023",
                "--as-of",
                "31/02/2023",
                "--output",
                "a.docx",
            ],
            "31/02/2023",
        ),
        (&["remind", "kiem-diem-2023", "--output", "a.txt"], ".html"),
    ];
    for (args, says) in cases {
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        // Output names are in the test's folder.
        if let Some(i) = args.iter().position(|a| a == "--output") {
            args[i + 1] = s(&out(&t, &args[i + 1])).to_string();
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = t.fails(&args);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let file = out(&t, "mot-tep");
    std::fs::write(&file, "").unwrap();
    let err = t.fails(&[
        "remind",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--each",
        "--output",
        s(&file),
    ]);
    assert!(err.contains("thư mục"), "{err}");
    let mut left: Vec<String> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("theodoi.db"))
        .collect();
    left.sort();
    assert_eq!(left, ["mot-tep"]);
}

#[test]
fn nobody_late_no_letter() {
    let t = son_tay();
    let file = out(&t, "don-doc.docx");
    let said = t.ok(&[
        "remind",
        "kiem-diem-2023",
        "--as-of",
        "01/12/2023",
        "--output",
        s(&file),
    ]);
    assert!(
        said.contains("Không có trường hợp nào chưa hoàn thành, quá hạn"),
        "{said}"
    );
    assert!(!file.exists());
}

#[test]
fn settings_are_listed_set_removed_and_undone() {
    let t = Theodoi::new();
    let set = t.ok(&["settings", "set", "Người ký", "Nguyễn Văn An"]);
    assert!(
        set.contains("Đã đặt họ tên người ký (nguoi-ky): Nguyễn Văn An"),
        "{set}"
    );
    #[derive(Deserialize)]
    struct Row {
        key: String,
        value: Option<String>,
    }
    let rows: Vec<Row> = t.json(&["settings"]);
    let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "cap-tren",
            "co-quan",
            "ky-hieu",
            "dia-danh",
            "quyen-han",
            "chuc-vu",
            "nguoi-ky",
            "noi-nhan",
            "noi-nhan-cong-van"
        ]
    );
    let signer = rows.iter().find(|r| r.key == "nguoi-ky").unwrap();
    assert_eq!(signer.value.as_deref(), Some("Nguyễn Văn An"));
    // The same again changes nothing.
    let again = t.ok(&["settings", "set", "nguoi-ky", "Nguyễn Văn An"]);
    assert!(again.contains("Không có gì thay đổi"), "{again}");
    let log = t.ok(&["log"]);
    assert!(log.contains("Đặt họ tên người ký"), "{log}");
    t.ok(&["settings", "unset", "nguoi-ky"]);
    t.ok(&["undo"]);
    let rows: Vec<Row> = t.json(&["settings"]);
    assert!(
        rows.iter()
            .any(|r| r.value.as_deref() == Some("Nguyễn Văn An"))
    );
    // A dash: the head signs in their own name.
    t.ok(&["settings", "set", "quyen-han", "-"]);
    let err = t.fails(&["settings", "set", "ngay-ky", "x"]);
    assert!(
        err.contains("ngay-ky") && err.contains("cap-tren, co-quan"),
        "{err}"
    );
    let err = t.fails(&["--lang", "en", "settings", "set", "ky-hieu", "BTC/TU"]);
    assert!(err.contains("letters and digits"), "{err}");
    let err = t.fails(&["settings", "set", "dia-danh", "Sơn Tây", "Hà Nội"]);
    assert!(err.contains("một giá trị"), "{err}");
}

/// The demo's report in `examples/`, as `report` writes it now: run with
/// `THEODOI_BLESS=1` to write them again after a change of the documents.
#[test]
fn the_examples_are_what_report_writes() {
    let t = Theodoi::bare();
    t.ok(&["demo"]);
    for command in SETTINGS {
        t.ok(command);
    }
    let bless = std::env::var_os("THEODOI_BLESS").is_some();
    for name in ["bao-cao-son-tay.docx", "bao-cao-son-tay.html"] {
        let made = out(&t, name);
        t.ok(&[
            "report",
            "kiem-diem-2023",
            "--as-of",
            "13/12/2023",
            "--number",
            "25",
            "--output",
            s(&made),
        ]);
        let kept = repo_file(&format!("examples/documents/{name}"));
        let made = std::fs::read(&made).unwrap();
        if bless {
            std::fs::create_dir_all(kept.parent().unwrap()).unwrap();
            std::fs::write(&kept, &made).unwrap();
        }
        let kept = std::fs::read(&kept).unwrap_or_default();
        assert!(
            kept == made,
            "examples/documents/{name} is not what `report` writes now; \
             write it again with THEODOI_BLESS=1 cargo test --test cli documents::the_examples"
        );
    }
}

/// A program to turn a document into PDF, where the machine has it.
fn program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// `pdftotext -layout` of a PDF.
fn pdf_text(pdf: &Path) -> String {
    let mut cmd = std::process::Command::new("pdftotext");
    cmd.arg("-layout").arg(pdf).arg("-");
    let r = run(cmd);
    assert_eq!(r.code, 0, "pdftotext: {}", r.stderr);
    r.stdout
}

/// The Vietnamese words of the form, as they must come out of a PDF.
fn check_pdf_words(text: &str) {
    for want in [
        "THỊ ỦY SƠN TÂY",
        "BAN TỔ CHỨC",
        "Số 25-BC/BTCTU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Sơn Tây, ngày 13 tháng 12 năm 2023",
        "BÁO CÁO",
        "Tổng cộng",
        "Đảng bộ xã Kim Sơn",
        "Nơi nhận:",
        "PHÓ TRƯỞNG BAN",
        "Nguyễn Văn An",
    ] {
        assert!(text.contains(want), "{want:?} not in the PDF:\n{text}");
    }
}

/// The Word file, opened by LibreOffice and printed to PDF: the Vietnamese
/// comes out whole. Needs `soffice` and `pdftotext` (`.ci/documents`).
#[test]
#[ignore = "needs LibreOffice and poppler-utils: run by .ci/documents"]
fn the_word_file_prints_in_libreoffice() {
    let soffice = program("soffice").expect("soffice (libreoffice-writer-nogui)");
    let folder = repo_file("examples/documents");
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(soffice);
    cmd.arg(format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    ))
    .args(["--headless", "--convert-to", "pdf", "--outdir"])
    .arg(dir.path())
    .arg(folder.join("bao-cao-son-tay.docx"));
    let r = run(cmd);
    let pdf = dir.path().join("bao-cao-son-tay.pdf");
    assert!(pdf.is_file(), "soffice: {r:?}");
    let text = pdf_text(&pdf);
    check_pdf_words(&text);
    // The page number of the second page, none on the first.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages.len() >= 2, "{text}");
    assert!(pages[1].trim_end().ends_with('2'), "{}", pages[1]);
    if let Some(keep) = std::env::var_os("THEODOI_PDF_DIR") {
        std::fs::copy(&pdf, Path::new(&keep).join("bao-cao-son-tay.docx.pdf")).unwrap();
    }
}

/// The HTML file, printed by headless Chromium: the Vietnamese comes out
/// whole. Needs `chromium` and `pdftotext` (`.ci/documents`).
#[test]
#[ignore = "needs Chromium and poppler-utils: run by .ci/documents"]
fn the_html_file_prints_in_chromium() {
    let chromium = program("chromium").expect("chromium");
    let html = repo_file("examples/documents/bao-cao-son-tay.html");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("bao-cao-son-tay.pdf");
    let mut cmd = std::process::Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pdf-header-footer",
    ])
    .arg(format!(
        "--user-data-dir={}",
        dir.path().join("profile").display()
    ))
    .arg(format!("--print-to-pdf={}", pdf.display()))
    .arg(format!("file://{}", html.display()));
    let r = run(cmd);
    assert!(pdf.is_file(), "chromium: {r:?}");
    check_pdf_words(&pdf_text(&pdf));
    if let Some(keep) = std::env::var_os("THEODOI_PDF_DIR") {
        std::fs::copy(&pdf, Path::new(&keep).join("bao-cao-son-tay.html.pdf")).unwrap();
    }
}

/// A unit whose code is no good file name everywhere (`CON` is a device on
/// Windows; `..` a folder) still gets its own letter, under a name that is.
#[test]
fn reminders_of_units_with_awkward_codes_get_safe_file_names() {
    let t = son_tay();
    for (name, code) in [
        ("Chi bộ Trường THCS Sơn Lộc", "CON"),
        ("Chi bộ Trường Tiểu học Sơn Lộc", ".."),
    ] {
        t.ok(&[
            "unit",
            "add",
            name,
            "--kind",
            "chi-bo-co-so",
            "--parent",
            "son-tay",
            "--code",
            code,
            "--founded",
            "01/11/2023",
        ]);
    }
    let folder = out(&t, "don-doc");
    t.ok(&[
        "remind",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--each",
        "--output",
        s(&folder),
    ]);
    let files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for name in ["don-vi-CON.docx", "don-vi-...docx"] {
        assert!(files.iter().any(|f| f == name), "{name} not in {files:?}");
    }
    let text = docx_text(&folder.join("don-vi-CON.docx"));
    assert!(text.contains("Trường THCS Sơn Lộc"), "{text}");
}

#[test]
fn a_report_on_a_task_for_people_names_people_and_where_they_work() {
    let t = son_tay();
    t.ok(&[
        "person",
        "add",
        "Nguyễn Văn An",
        "--position",
        "Bí thư Đảng ủy phường",
        "--unit",
        "Ngô Quyền",
        "--from",
        "01/01/2021",
    ]);
    t.ok(&[
        "person",
        "add",
        "Lê Văn Cường",
        "--position",
        "Bí thư Đảng ủy xã",
        "--unit",
        "Đường Lâm",
        "--from",
        "01/01/2021",
    ]);
    t.add_leaders_review();
    let file = out(&t, "can-bo.docx");
    t.ok(&[
        "report",
        "xl-can-bo-2023",
        "--as-of",
        "20/12/2023",
        "--output",
        s(&file),
    ]);
    let text = docx_text(&file);
    for want in [
        // Nobody has reported: no row of noughts.
        "Chưa có cán bộ nào hoàn thành; 2/2 chưa hoàn thành (100,0%), đều đã quá hạn.",
        "Đơn vị công tác",
        "Cấp ủy đánh giá",
        "Chưa có kết quả xếp loại nào được báo cáo (2 chưa có kết quả).",
        // Rated by the committee of the đảng bộ above their units.
        "Thị ủy Sơn Tây",
        "Loại tổ chức đảng nơi công tác",
        "Tổng số phải thực hiện: 2 cán bộ.",
        "Đề nghị cấp ủy nơi có 2 cán bộ quá hạn (mục II.2) khẩn trương hoàn thành việc",
    ] {
        assert!(text.contains(want), "{want} not in:\n{text}");
    }
    // A person is listed by name, the unit in a column of its own, not
    // under the unit's parent.
    assert!(!text.contains("Nguyễn Văn An (Đảng bộ"), "{text}");
    assert!(!text.contains("Cấp trên trực tiếp"), "{text}");
    assert!(!text.contains("các cán bộ còn trong hạn"), "{text}");
    // A reminder to one leader's committee asks it to finish their review.
    let folder = out(&t, "don-doc-can-bo");
    t.ok(&[
        "remind",
        "xl-can-bo-2023",
        "--as-of",
        "20/12/2023",
        "--each",
        "--output",
        s(&folder),
    ]);
    let letter = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("ngo-quyen"))
        .expect("the letter to Ngô Quyền");
    let text = docx_text(&letter);
    assert!(
        text.contains("đề nghị Đảng ủy phường Ngô Quyền khẩn trương hoàn thành việc")
            && text.contains("đối với đồng chí Nguyễn Văn An"),
        "{text}"
    );
}
