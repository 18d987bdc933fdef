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
    issued_on: Option<String>,
    line: usize,
    source_text: String,
}

#[derive(Debug, Deserialize)]
struct Deadline {
    unit_kind: Option<String>,
    due: String,
    line: usize,
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
    let deadlines: Vec<(Option<&str>, &str, usize)> = found
        .deadlines
        .iter()
        .map(|d| (d.unit_kind.as_deref(), d.due.as_str(), d.line))
        .collect();
    assert_eq!(
        deadlines,
        [
            (Some("chi-bo-co-so"), "2023-12-06", 8),
            (Some("dang-bo-co-so"), "2023-12-12", 8)
        ]
    );
}

#[test]
fn extract_writes_nothing_and_needs_no_database() {
    let t = Theodoi::bare();
    let file = repo_file("tests/fixtures/announcements/son-tay.txt");
    let table = t.ok(&["extract", file.to_str().unwrap()]);
    assert!(
        table.contains("Văn bản tìm thấy: 5") && table.contains("Thời hạn tìm thấy: 2"),
        "{table}"
    );
    assert!(!t.db.exists());
    let err = t.fails(&["extract", "khong-co.txt"]);
    assert!(err.contains("khong-co.txt"), "{err}");
}

#[test]
fn apply_records_directives_and_a_task_once() {
    let t = Theodoi::new();
    t.ok(&[
        "unit",
        "import",
        repo_file("fixtures/units.csv").to_str().unwrap(),
    ]);
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
    assert!(out.contains("đã có, dùng văn bản 188-KH/TU"), "{out}");
    assert_eq!(out.matches("đã thêm văn bản").count(), 4, "{out}");
    assert!(out.contains("23 đơn vị"), "{out}");
    let late: Vec<crate::util::OverdueRow> = t.json(&["overdue", "--as-of", "07/12/2023"]);
    assert_eq!(late.len(), 7);
    assert!(
        late.iter()
            .all(|r| r.directive == "Kế hoạch số 223" && r.due_on == "2023-12-06")
    );
    // Again: everything is already there; nothing is added twice.
    let before = t.snapshot();
    let again = t.ok(&["extract", file.to_str().unwrap(), "--apply", "--yes"]);
    assert!(!again.contains("đã thêm"), "{again}");
    assert_eq!(t.snapshot(), before);
    // No terminal to ask and no --yes: refused, nothing written.
    let err = t.fails(&["extract", file.to_str().unwrap(), "--apply"]);
    assert!(err.contains("--yes"), "{err}");
}
