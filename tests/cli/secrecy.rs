//! Secret documents: the marks (`--secrecy`, `--urgency`), and the title of
//! a secret directive kept out of every output that travels unless
//! `--show-secret`.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::util::Theodoi;

/// The secret directive's symbol and the words of its title and of its
/// task's title: none of them is printed by a masked output (checked in
/// lower case, so that a table's wrapping cannot hide a whole word).
const SYMBOL: &str = "12-KH/TU";
const MASKED: &str = "12-KH/TU (Mật)";
const TITLE: &str = "Phương án diễn tập phòng thủ";
const TASK_TITLE: &str = "Diễn tập phòng thủ khu vực";
const SECRET_WORDS: [&str; 3] = ["phương", "diễn", "thủ"];

#[derive(Debug, Deserialize)]
struct DirectiveRow {
    symbol: Option<String>,
    title: String,
    secrecy: Option<String>,
    urgency: Option<String>,
}

/// Sơn Tây, with a secret plan and its task, due by the chi bộ on 06/12
/// and the đảng bộ on 12/12, its task code saying nothing of it.
fn secret() -> Theodoi {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        SYMBOL,
        "--issuer",
        "Ban Thường vụ Thị ủy Sơn Tây",
        "--date",
        "01/11/2023",
        "--title",
        TITLE,
        "--secrecy",
        "Mật",
        "--urgency",
        "khan",
    ]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        SYMBOL,
        "--code",
        "dt-2023",
        "--title",
        TASK_TITLE,
        "--due",
        "chi-bo-co-so=06/12/2023",
        "--due",
        "dang-bo-co-so=12/12/2023",
    ]);
    t
}

fn path_of(t: &Theodoi, name: &str) -> PathBuf {
    t.dir.path().join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

/// Whether `text` names a directive by its citation and mark, as a line
/// names it (`12-KH/TU (Mật)`), or inside a line's own brackets
/// (`dt-2023 (12-KH/TU, Mật)`).
fn names_masked(text: &str, citation: &str, mark: &str) -> bool {
    text.contains(&format!("{citation} ({mark})")) || text.contains(&format!("{citation}, {mark}"))
}

/// Whether `text` says any word of the secret titles.
fn says_secret(text: &str) -> bool {
    let lower = text.to_lowercase();
    SECRET_WORDS.iter().any(|w| lower.contains(w))
}

/// No word of the titles; where the output names the directive or would
/// print a title (`titled`), its symbol and mark in their place.
fn assert_masked(what: &str, text: &str, titled: bool) {
    assert!(!says_secret(text), "{what} says the secret title:\n{text}");
    if titled || text.contains(SYMBOL) {
        assert!(
            // `12-KH/TU (Mật)`, or in a document `Kế hoạch (mật) số 12-KH/TU`.
            text.contains(SYMBOL) && text.to_lowercase().contains("mật"),
            "{what} does not name {MASKED}:\n{text}"
        );
    }
}

/// Every text a zip (.docx, .xlsx) holds, its markup dropped and its runs
/// joined: what a reader of the file can see.
fn zip_text(path: &Path) -> String {
    let file = std::fs::File::open(path).expect("the file");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part");
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).expect("read");
        let Ok(xml) = String::from_utf8(bytes) else {
            continue;
        };
        let mut inside = false;
        for c in xml.chars() {
            match c {
                '<' => inside = true,
                '>' => inside = false,
                _ if !inside => all.push(c),
                _ => {}
            }
        }
        all.push('\n');
    }
    all
}

/// Each report that travels, as the secret directive's reports print it:
/// tables, JSON, CSV and Markdown of `overdue`, `upcoming`, `agenda`,
/// `progress`, `results`, `log`, the lists written to a pipe, and the cron
/// forms. Each with whether it carries a title at all (the tables of the
/// obligation reports name a task by its code).
const TRAVELLING: &[(&[&str], bool)] = &[
    (&["overdue", "--as-of", "13/12/2023"], false),
    (
        &["overdue", "--as-of", "13/12/2023", "--format", "json"],
        true,
    ),
    (
        &["overdue", "--as-of", "13/12/2023", "--format", "csv"],
        true,
    ),
    (
        &["overdue", "--as-of", "13/12/2023", "--format", "md"],
        false,
    ),
    (
        &["overdue", "--as-of", "13/12/2023", "--quiet", "--exit-code"],
        false,
    ),
    (
        &["upcoming", "--as-of", "01/12/2023", "--days", "10"],
        false,
    ),
    (
        &[
            "upcoming",
            "--as-of",
            "01/12/2023",
            "--days",
            "10",
            "--format",
            "json",
        ],
        true,
    ),
    (
        &[
            "agenda",
            "son-tay",
            "--as-of",
            "13/12/2023",
            "--format",
            "csv",
        ],
        true,
    ),
    (
        &["progress", "--as-of", "13/12/2023", "--format", "json"],
        true,
    ),
    (
        &["progress", "--as-of", "13/12/2023", "--format", "md"],
        false,
    ),
    (&["results", "dt-2023", "--as-of", "13/12/2023"], true),
    (
        &[
            "results",
            "dt-2023",
            "--as-of",
            "13/12/2023",
            "--format",
            "md",
        ],
        true,
    ),
    (&["log"], true),
    (&["log", "--format", "json"], true),
    (&["task", "list"], true),
    (&["task", "list", "--format", "json"], true),
    (&["directive", "list", "--format", "csv"], true),
    (&["directive", "show", SYMBOL], true),
    (&["directive", "show", SYMBOL, "--format", "json"], true),
];

/// Runs every travelling report, after `extra`; returns what each printed
/// and whether it carries a title.
fn travelling(t: &Theodoi, extra: &[&str]) -> Vec<(String, String, bool)> {
    TRAVELLING
        .iter()
        .map(|(args, titled)| {
            let mut all: Vec<&str> = extra.to_vec();
            all.extend_from_slice(args);
            let r = t.run(&all);
            // `--exit-code`: 1 says something is late.
            assert!(r.code == 0 || r.code == 1, "{all:?}: {r:?}");
            (all.join(" "), r.stdout, *titled)
        })
        .collect()
}

#[test]
fn marks_are_read_in_every_spelling_and_removed_with_none() {
    let t = Theodoi::son_tay();
    let add = |symbol: &str, secrecy: &str, urgency: &str| {
        t.ok(&[
            "directive",
            "add",
            symbol,
            "--issuer",
            "Ban Thường vụ Thị ủy Sơn Tây",
            "--date",
            "01/11/2023",
            "--title",
            "x",
            "--secrecy",
            secrecy,
            "--urgency",
            urgency,
        ]);
    };
    add("1-KH/TU", "mat", "khan");
    add("2-KH/TU", "Tối mật", "Thượng khẩn");
    add("3-KH/TU", "TUYET MAT", "Hoả tốc");
    add("4-KH/TU", "tuyet-mat", "Hỏa tốc");
    add("5-KH/TU", "none", "none");
    let rows: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    let marks = |symbol: &str| {
        let d = rows
            .iter()
            .find(|d| d.symbol.as_deref() == Some(symbol))
            .expect("listed");
        (d.secrecy.clone(), d.urgency.clone())
    };
    let some = |s: &str| Some(s.to_string());
    assert_eq!(marks("1-KH/TU"), (some("mat"), some("khan")));
    assert_eq!(marks("2-KH/TU"), (some("toi-mat"), some("thuong-khan")));
    assert_eq!(marks("3-KH/TU"), (some("tuyet-mat"), some("hoa-toc")));
    assert_eq!(marks("4-KH/TU"), (some("tuyet-mat"), some("hoa-toc")));
    assert_eq!(marks("5-KH/TU"), (None, None));
    assert_eq!(marks("188-KH/TU"), (None, None));

    // `none` takes a mark off; one mark changed leaves the other.
    t.ok(&["directive", "edit", "1-KH/TU", "--secrecy", "none"]);
    t.ok(&["directive", "edit", "2-KH/TU", "--urgency", "không"]);
    let rows: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    let find = |symbol: &str| {
        let d = rows
            .iter()
            .find(|d| d.symbol.as_deref() == Some(symbol))
            .unwrap();
        (d.secrecy.as_deref(), d.urgency.as_deref())
    };
    assert_eq!(find("1-KH/TU"), (None, Some("khan")));
    assert_eq!(find("2-KH/TU"), (Some("toi-mat"), None));

    // A word that is no mark: one line, exit 2, nothing written.
    let before = t.snapshot();
    let err = t.fails(&["directive", "edit", "1-KH/TU", "--secrecy", "bí mật"]);
    assert!(err.contains("tuyet-mat") && err.contains("none"), "{err}");
    let err = t.fails(&["directive", "edit", "1-KH/TU", "--urgency", "gấp"]);
    assert!(err.contains("hoa-toc"), "{err}");
    assert_eq!(t.snapshot(), before);

    // The table of `directive show` names them in the interface language.
    let shown = t.ok(&["--lang", "en", "directive", "show", "2-KH/TU"]);
    assert!(shown.contains("Classification: Secret"), "{shown}");
}

#[test]
fn every_travelling_output_names_a_secret_directive_by_symbol_and_mark_only() {
    let t = secret();
    for (what, text, titled) in travelling(&t, &[]) {
        assert_masked(&what, &text, titled);
    }
    // The title is in the database all the same: `--show-secret` prints it
    // wherever the report has a title to print.
    for (what, text, titled) in travelling(&t, &["--show-secret"]) {
        if titled {
            assert!(
                says_secret(&text),
                "{what} hides the title under --show-secret:\n{text}"
            );
        }
    }
}

#[test]
fn show_secret_warns_when_the_output_is_not_a_screen() {
    let t = secret();
    let r = t.run(&["--show-secret", "overdue", "--as-of", "13/12/2023"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.contains("--show-secret"), "{r:?}");
    let r = t.run(&["overdue", "--as-of", "13/12/2023"]);
    assert_eq!(r.stderr, "");
}

#[test]
fn spreadsheets_and_documents_are_masked_unless_show_secret() {
    let t = secret();
    for (settings, value) in [("cap-tren", "Thị ủy Sơn Tây"), ("ky-hieu", "BTCTU")] {
        t.ok(&["settings", "set", settings, value]);
    }
    // Each with whether it carries a title at all.
    let outputs: Vec<(Vec<String>, &str, bool)> = vec![
        (
            [
                "overdue",
                "--as-of",
                "13/12/2023",
                "--format",
                "xlsx",
                "--output",
            ]
            .map(String::from)
            .to_vec(),
            "quahan.xlsx",
            false,
        ),
        (
            ["progress", "--as-of", "13/12/2023", "--output"]
                .map(String::from)
                .to_vec(),
            "tiendo.xlsx",
            false,
        ),
        (
            ["results", "dt-2023", "--as-of", "13/12/2023", "--output"]
                .map(String::from)
                .to_vec(),
            "ketqua.xlsx",
            true,
        ),
        (
            ["directive", "show", SYMBOL, "--output"]
                .map(String::from)
                .to_vec(),
            "vanban.xlsx",
            true,
        ),
        (
            ["report", "dt-2023", "--as-of", "13/12/2023", "--output"]
                .map(String::from)
                .to_vec(),
            "bao-cao.docx",
            true,
        ),
        (
            ["remind", "dt-2023", "--as-of", "13/12/2023", "--output"]
                .map(String::from)
                .to_vec(),
            "don-doc.docx",
            true,
        ),
    ];
    for show in [false, true] {
        for (args, name, titled) in &outputs {
            let file = path_of(&t, &format!("{show}-{name}"));
            let mut all: Vec<&str> = Vec::new();
            if show {
                all.push("--show-secret");
            }
            all.extend(args.iter().map(String::as_str));
            all.push(s(&file));
            let r = t.run(&all);
            assert_eq!(r.code, 0, "{all:?}: {r:?}");
            let text = zip_text(&file);
            if !show {
                assert_masked(&format!("{all:?}"), &text, *titled);
            } else if *titled {
                assert!(says_secret(&text), "{all:?} hides the title:\n{text}");
            }
        }
        // The HTML report, as a browser shows it.
        let file = path_of(&t, &format!("{show}-bao-cao.html"));
        let mut all: Vec<&str> = Vec::new();
        if show {
            all.push("--show-secret");
        }
        all.extend([
            "report",
            "dt-2023",
            "--as-of",
            "13/12/2023",
            "--output",
            s(&file),
        ]);
        t.ok(&all);
        let html = std::fs::read_to_string(&file).unwrap();
        if show {
            assert!(says_secret(&html), "{html}");
        } else {
            assert_masked("report .html", &html, true);
            // Cited as a secret document is: `Kế hoạch (mật) số 12-KH/TU`.
            assert!(html.contains("Kế hoạch (mật) số 12-KH/TU"), "{html}");
        }
    }
}

#[cfg(unix)]
#[test]
fn show_secret_replaces_no_file_others_may_read() {
    use std::os::unix::fs::PermissionsExt;
    let t = secret();
    let file = path_of(&t, "quahan.csv");
    std::fs::write(&file, "old").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let args = |show: bool| {
        let mut v = vec![];
        if show {
            v.push("--show-secret");
        }
        v.extend([
            "overdue",
            "--as-of",
            "13/12/2023",
            "--output",
            s(&file),
            "--force",
        ]);
        v
    };
    let err = t.fails(&args(true));
    assert!(err.contains("0600"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "old");
    // A document too.
    let doc = path_of(&t, "bao-cao.docx");
    std::fs::write(&doc, "old").unwrap();
    std::fs::set_permissions(&doc, std::fs::Permissions::from_mode(0o644)).unwrap();
    let err = t.fails(&[
        "--show-secret",
        "report",
        "dt-2023",
        "--output",
        s(&doc),
        "--force",
    ]);
    assert!(err.contains("0600"), "{err}");
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), "old");
    // Masked, the same file is replaced; made the owner's only, it may hold
    // the titles.
    t.ok(&args(false));
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    t.ok(&args(true));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(says_secret(&written), "{written}");
    // A new file is made for its owner only.
    let new = path_of(&t, "moi.csv");
    t.ok(&[
        "--show-secret",
        "overdue",
        "--as-of",
        "13/12/2023",
        "--output",
        s(&new),
    ]);
    let mode = std::fs::metadata(&new).unwrap().permissions().mode();
    assert_eq!(mode & 0o077, 0, "{mode:o}");
}

#[test]
fn export_keeps_titles_and_marks_says_so_and_imports_them_back() {
    let t = secret();
    let file = path_of(&t, "ban-sao.json");
    let r = t.run(&["export", s(&file)]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.contains("1 văn bản mật"), "{r:?}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(TITLE), "a full copy keeps the title");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    // Into a new database: the marks come back, and keep masking.
    let copy = Theodoi::new();
    copy.ok(&["import", s(&file)]);
    let rows: Vec<DirectiveRow> = copy.json(&["--show-secret", "directive", "list"]);
    let d = rows
        .iter()
        .find(|d| d.symbol.as_deref() == Some(SYMBOL))
        .expect("imported");
    assert_eq!(
        (d.secrecy.as_deref(), d.urgency.as_deref(), d.title.as_str()),
        (Some("mat"), Some("khan"), TITLE)
    );
    let late = copy.ok(&["overdue", "--as-of", "13/12/2023", "--format", "csv"]);
    assert_masked("overdue of the imported copy", &late, true);
    // An export with a mark no one knows is refused, naming what is accepted.
    let bad = text.replace("\"secrecy\":\"mat\"", "\"secrecy\":\"bi-mat\"");
    assert_ne!(bad, text);
    let bad_file = path_of(&t, "hong.json");
    std::fs::write(&bad_file, bad).unwrap();
    let other = Theodoi::new();
    let err = other.fails(&["import", s(&bad_file)]);
    assert!(err.contains("tuyet-mat"), "{err}");
}

#[test]
fn a_mark_is_logged_before_and_after_and_undone() {
    let t = Theodoi::son_tay();
    t.ok(&["directive", "edit", "188-KH/TU", "--secrecy", "toi-mat"]);
    let log = t.ok(&["log"]);
    assert!(log.contains("thêm độ mật: Tối mật"), "{log}");
    let rows: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    assert!(rows.iter().any(|d| d.secrecy.as_deref() == Some("toi-mat")));
    t.ok(&["undo"]);
    let rows: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    assert!(rows.iter().all(|d| d.secrecy.is_none()), "{rows:?}");
    // Marked again, then the mark changed: before and after in the log.
    t.ok(&["directive", "edit", "188-KH/TU", "--secrecy", "mat"]);
    t.ok(&["directive", "edit", "188-KH/TU", "--secrecy", "tuyệt mật"]);
    let log = t.ok(&["--lang", "en", "log"]);
    assert!(
        log.contains("classification Confidential → Top secret"),
        "{log}"
    );
}

#[test]
fn log_lines_written_before_the_mark_are_masked_too() {
    let t = Theodoi::son_tay();
    // Recorded unmarked: the task's title, then a new subject, in the log.
    t.ok(&[
        "directive",
        "add",
        SYMBOL,
        "--issuer",
        "Ban Thường vụ Thị ủy Sơn Tây",
        "--date",
        "01/11/2023",
        "--title",
        "Kế hoạch tạm",
    ]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        SYMBOL,
        "--code",
        "dt-2023",
        "--title",
        TASK_TITLE,
        "--due",
        "chi-bo-co-so=06/12/2023",
    ]);
    t.ok(&["directive", "edit", SYMBOL, "--title", TITLE]);
    let before = t.ok(&["log"]);
    assert!(says_secret(&before), "{before}");
    t.ok(&["directive", "edit", SYMBOL, "--secrecy", "mat"]);
    // An undo of a change about it says nothing of it either.
    t.ok(&[
        "--show-secret",
        "directive",
        "edit",
        SYMBOL,
        "--title",
        "Phương án khác",
    ]);
    let undone = t.ok(&["undo"]);
    assert!(!says_secret(&undone), "{undone}");
    assert!(names_masked(&undone, SYMBOL, "Mật"), "{undone}");
    for format in ["table", "json", "csv"] {
        let log = t.ok(&["log", "--format", format]);
        assert!(!says_secret(&log), "{format}:\n{log}");
        assert!(names_masked(&log, SYMBOL, "Mật"), "{format}:\n{log}");
    }
    let shown = t.ok(&["--show-secret", "log"]);
    assert!(says_secret(&shown), "{shown}");
}

#[derive(Debug, Deserialize)]
struct Found {
    directives: Vec<FoundDirective>,
}

#[derive(Debug, Deserialize)]
struct FoundDirective {
    symbol: Option<String>,
    secrecy: Option<String>,
    urgency: Option<String>,
}

#[test]
fn extract_proposes_the_marks_a_text_gives_and_apply_records_them() {
    let t = Theodoi::son_tay();
    let text = "Ngày 10/11/2023, Ban Thường vụ Thị ủy Sơn Tây ban hành Hướng dẫn (mật) số 03-HD/TU \
ngày 05/11/2023 của Ban Thường vụ Thị ủy Sơn Tây về công tác nhân sự.\n\
Kế hoạch số 15-KH/TU ngày 06/11/2023 của Ban Thường vụ Thị ủy Sơn Tây về bảo vệ nội bộ - TỐI MẬT, HỎA TỐC.\n\
Công văn số 20-CV/TU ngày 07/11/2023 của Ban Thường vụ Thị ủy Sơn Tây (Khẩn) về việc báo cáo.\n\
Thông báo số 21-TB/TU ngày 08/11/2023 của Ban Thường vụ Thị ủy Sơn Tây đề nghị các đơn vị khẩn trương thực hiện, giữ bí mật.\n";
    let file = path_of(&t, "thong-bao.txt");
    std::fs::write(&file, text).unwrap();
    let out = t.ok(&["extract", s(&file), "--format", "json"]);
    let found: Found = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let marks = |symbol: &str| {
        let d = found
            .directives
            .iter()
            .find(|d| d.symbol.as_deref() == Some(symbol))
            .unwrap_or_else(|| panic!("{symbol} in {out}"));
        (d.secrecy.as_deref(), d.urgency.as_deref())
    };
    assert_eq!(marks("03-HD/TU"), (Some("mat"), None));
    assert_eq!(marks("15-KH/TU"), (Some("toi-mat"), Some("hoa-toc")));
    assert_eq!(marks("20-CV/TU"), (None, Some("khan")));
    // `khẩn trương` (urgently) and `bí mật` (a secret) are no marks.
    assert_eq!(marks("21-TB/TU"), (None, None));

    t.ok(&["extract", s(&file), "--apply", "--yes"]);
    let rows: Vec<DirectiveRow> = t.json(&["directive", "list"]);
    let recorded = |symbol: &str| {
        rows.iter()
            .find(|d| d.symbol.as_deref() == Some(symbol))
            .map(|d| (d.secrecy.as_deref(), d.urgency.as_deref()))
    };
    assert_eq!(recorded("03-HD/TU"), Some((Some("mat"), None)));
    assert_eq!(
        recorded("15-KH/TU"),
        Some((Some("toi-mat"), Some("hoa-toc")))
    );
    // Written to a pipe, a recorded secret directive's subject is masked.
    let listed = t.ok(&["directive", "list"]);
    assert!(!listed.contains("bảo vệ nội bộ"), "{listed}");
    assert!(listed.contains("15-KH/TU (Tối mật)"), "{listed}");
}

/// The distinctive words of the titles below: none may be printed unless
/// `--show-secret`.
const MARKER: &str = "quokka";

/// Sơn Tây, with a secret plan whose title and tasks' titles carry
/// `MARKER`, and two of its tasks, `lc-01` and `lc-02`, still open.
fn secret_with_tasks() -> Theodoi {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        "77-KH/TU",
        "--issuer",
        "Ban Thường vụ Thị ủy Sơn Tây",
        "--date",
        "01/11/2023",
        "--title",
        "Kế hoạch Quokka bảo vệ nội bộ",
        "--secrecy",
        "toi-mat",
    ]);
    for (code, title) in [
        ("lc-01", "Quokka rà soát năm 2023"),
        ("lc-02", "Quokka kiểm tra năm 2023"),
    ] {
        t.ok(&[
            "task",
            "add",
            "--directive",
            "77-KH/TU",
            "--code",
            code,
            "--title",
            title,
            "--due",
            "chi-bo-co-so=06/12/2030",
        ]);
    }
    t
}

fn no_marker(what: &str, text: &str) {
    assert!(
        !text.to_lowercase().contains(MARKER),
        "{what} says the secret title:\n{text}"
    );
}

#[test]
fn an_ambiguous_task_is_named_by_its_code_and_its_directives_mark() {
    let t = secret_with_tasks();
    let doc = path_of(&t, "bao-cao.docx");
    for lang in ["vi", "en"] {
        for args in [
            &["results", "lc"][..],
            &["overdue", "--task", "lc"],
            &["report", "lc", "--output", s(&doc)],
            &["task", "edit", "lc", "--code", "x"],
            &["done", "--task", "lc", "--unit", "son-tay"],
        ] {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            let err = t.fails(&all);
            no_marker(&format!("{all:?}"), &err);
            assert!(
                err.contains("lc-01") && err.contains("77-KH/TU") && err.contains("Tối mật"),
                "{all:?}: {err}"
            );
        }
    }
}

#[test]
fn messages_after_a_command_mask_a_secret_task() {
    let t = secret_with_tasks();
    // Adding, and editing only the code.
    let added = t.ok(&[
        "task",
        "add",
        "--directive",
        "77-KH/TU",
        "--code",
        "lc-03",
        "--title",
        "Quokka tổng kết năm 2023",
        "--due",
        "chi-bo-co-so=06/12/2030",
    ]);
    no_marker("task add", &added);
    assert!(
        // No brackets in brackets.
        added.contains("lc-03 (77-KH/TU, Tối mật)"),
        "{added}"
    );
    let edited = t.ok(&["task", "edit", "lc-03", "--code", "lc-04"]);
    no_marker("task edit", &edited);
    assert!(edited.contains("lc-04"), "{edited}");
    let shown = t.ok(&["--show-secret", "task", "edit", "lc-04", "--code", "lc-03"]);
    assert!(shown.to_lowercase().contains(MARKER), "{shown}");

    // A new unit that now owes them.
    let unit = t.ok(&[
        "unit",
        "add",
        "Chi bộ Quokka mới",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "cb-moi",
    ]);
    let unit = unit.replace("Chi bộ Quokka mới", "");
    no_marker("unit add", &unit);
    assert!(unit.contains("lc-01"), "{unit}");
    let file = path_of(&t, "donvi.csv");
    std::fs::write(
        &file,
        "name,kind,parent,code\nChi bộ Một,chi-bo-co-so,son-tay,cb-mot\n",
    )
    .unwrap();
    let imported = t.ok(&["unit", "import", s(&file)]);
    no_marker("unit import", &imported);
    assert!(imported.contains("lc-01"), "{imported}");

    // Renewed: the dry run, the result and the refusal.
    for args in [
        &["task", "renew", "lc-01", "--year", "2024", "--dry-run"][..],
        &["task", "renew", "lc-01", "--year", "2024"],
    ] {
        let said = t.ok(args);
        no_marker(&format!("{args:?}"), &said);
        assert!(
            names_masked(&said, "77-KH/TU", "Tối mật"),
            "{args:?}: {said}"
        );
    }
    let err = t.fails(&["task", "renew", "lc-01", "--year", "2024"]);
    no_marker("task renew refused", &err);
    assert!(names_masked(&err, "77-KH/TU", "Tối mật"), "{err}");
}

#[test]
fn extract_apply_masks_a_secret_directives_task() {
    let t = Theodoi::new();
    t.ok(&[
        "unit",
        "import",
        crate::util::repo_file("fixtures/units.csv")
            .to_str()
            .unwrap(),
    ]);
    let file = crate::util::repo_file("tests/fixtures/announcements/son-tay.txt");
    let file = file.to_str().unwrap();
    t.ok(&["extract", file, "--apply", "--yes"]);
    t.ok(&["directive", "edit", "Kế hoạch số 223", "--secrecy", "mat"]);
    #[derive(Deserialize)]
    struct Row {
        title: String,
    }
    let tasks: Vec<Row> = t.json(&["--show-secret", "task", "list"]);
    assert!(!tasks.is_empty());
    // What apply says of the task (the table above it shows the text read).
    let said = |args: &[&str]| -> String {
        t.ok(args)
            .lines()
            .filter(|l| l.contains("nhiệm vụ kh223"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let again = said(&["extract", file, "--apply", "--yes"]);
    assert!(names_masked(&again, "Kế hoạch số 223", "Mật"), "{again}");
    for task in &tasks {
        assert!(!again.contains(&task.title), "{again}");
    }
    let shown = said(&["--show-secret", "extract", file, "--apply", "--yes"]);
    assert!(tasks.iter().any(|r| shown.contains(&r.title)), "{shown}");
}

#[test]
fn the_log_stays_masked_once_a_secret_directive_is_undone() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        "77-KH/TU",
        "--issuer",
        "Ban Thường vụ Thị ủy Sơn Tây",
        "--date",
        "01/11/2023",
        "--title",
        "Kế hoạch Quokka bảo vệ nội bộ",
        "--secrecy",
        "toi-mat",
    ]);
    t.ok(&[
        "--show-secret",
        "directive",
        "edit",
        "77-KH/TU",
        "--title",
        "Quokka phương án hai",
    ]);
    t.ok(&[
        "task",
        "add",
        "--directive",
        "77-KH/TU",
        "--code",
        "lc-01",
        "--title",
        "Quokka rà soát",
        "--due",
        "chi-bo-co-so=06/12/2030",
    ]);
    for _ in 0..3 {
        let undone = t.ok(&["undo"]);
        no_marker("undo", &undone);
    }
    for format in ["table", "json", "csv", "md"] {
        let log = t.ok(&["log", "--format", format]);
        no_marker(&format!("log --format {format}"), &log);
        assert!(log.contains("77-KH/TU"), "{format}: {log}");
    }
    let shown = t.ok(&["--show-secret", "log"]);
    assert!(shown.to_lowercase().contains(MARKER), "{shown}");
}

#[test]
fn title_words_find_no_secret_directive_without_show_secret() {
    let t = secret_with_tasks();
    let listed = t.ok(&["directive", "list", "--search", "quokka", "--format", "csv"]);
    assert!(!listed.contains("77-KH/TU"), "{listed}");
    let listed = t.ok(&["task", "list", "--search", "quokka", "--format", "csv"]);
    assert!(!listed.contains("lc-0"), "{listed}");
    // Not found: the error says only what was typed.
    let err = t.fails(&["overdue", "--directive", "Quokka bảo vệ"]);
    assert!(err.contains("không tìm thấy"), "{err}");
    let err = t.fails(&["results", "Quokka rà soát"]);
    assert!(err.contains("không tìm thấy"), "{err}");
    // By symbol and code, as always; by title words with --show-secret.
    let listed = t.ok(&["directive", "list", "--search", "77-KH", "--format", "csv"]);
    assert!(listed.contains("77-KH/TU"), "{listed}");
    let listed = t.ok(&["task", "list", "--search", "lc-0", "--format", "csv"]);
    assert!(listed.contains("lc-01"), "{listed}");
    let listed = t.ok(&[
        "--show-secret",
        "directive",
        "list",
        "--search",
        "quokka",
        "--format",
        "csv",
    ]);
    assert!(listed.contains("77-KH/TU"), "{listed}");
    t.ok(&["--show-secret", "results", "Quokka rà soát"]);
}

#[test]
fn a_hidden_title_change_says_it_was_hidden_and_marks_are_said() {
    let t = Theodoi::son_tay();
    t.ok(&[
        "directive",
        "add",
        "77-KH/TU",
        "--issuer",
        "Ban Thường vụ Thị ủy Sơn Tây",
        "--date",
        "01/11/2023",
        "--title",
        "Kế hoạch Quokka",
        "--secrecy",
        "mat",
        "--urgency",
        "hoa-toc",
    ]);
    let log = t.ok(&["log"]);
    assert!(
        log.contains("Thêm văn bản 77-KH/TU") && log.contains("(Mật, Hỏa tốc)"),
        "{log}"
    );
    t.ok(&[
        "--show-secret",
        "directive",
        "edit",
        "77-KH/TU",
        "--title",
        "Quokka hai",
    ]);
    let log = t.ok(&["log"]);
    no_marker("log", &log);
    assert!(
        log.contains("sửa trích yếu (ẩn nội dung: 77-KH/TU, Mật)"),
        "{log}"
    );
    let json = t.ok(&["log", "--format", "json"]);
    no_marker("log json", &json);
    assert!(json.contains(r#"\"hidden\":true"#), "{json}");
    // Taking the mark off: said, with a warning that the title now travels.
    let r = t.run(&["directive", "edit", "77-KH/TU", "--secrecy", "none"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("bỏ độ mật (trước là Mật)"), "{r:?}");
    assert!(
        r.stderr.contains("Cảnh báo") && r.stderr.contains("77-KH/TU"),
        "{r:?}"
    );
    // Lines recorded while it was marked stay masked.
    let log = t.ok(&["log"]);
    no_marker("log after the mark is off", &log);
}

#[test]
fn extract_apply_says_and_logs_a_mark_it_sets() {
    let t = Theodoi::son_tay();
    let text = "Ngày 10/11/2023, Ban Thường vụ Thị ủy Sơn Tây triển khai Kế hoạch (mật) số 223-KH/TU \
ngày 23/11/2023 của Ban Thường vụ Thị ủy Sơn Tây.\n";
    let file = path_of(&t, "thong-bao.txt");
    std::fs::write(&file, text).unwrap();
    let out = t.ok(&["extract", s(&file), "--apply", "--yes"]);
    assert!(
        out.contains("đã đánh dấu văn bản") && out.contains("Mật"),
        "{out}"
    );
    let log = t.ok(&["log"]);
    assert!(log.contains("đánh dấu Kế hoạch số 223: Mật"), "{log}");
}

#[test]
fn show_secret_warns_only_when_a_secret_title_is_printed() {
    let t = secret();
    for args in [
        &[
            "--show-secret",
            "overdue",
            "--as-of",
            "13/12/2023",
            "--count",
        ][..],
        // Nothing late yet: --quiet prints nothing, and cron mails nothing.
        &[
            "--show-secret",
            "overdue",
            "--as-of",
            "01/12/2023",
            "--quiet",
        ],
        &["--show-secret", "init"],
    ] {
        let r = t.run(args);
        assert!(r.code == 0 || r.code == 2, "{args:?}: {r:?}");
        if r.code == 0 {
            assert_eq!(r.stderr, "", "{args:?}");
        }
    }
    let r = t.run(&["--show-secret", "log"]);
    assert!(r.stderr.contains("--show-secret"), "{r:?}");
}

#[cfg(unix)]
#[test]
fn show_secret_to_a_device_or_folder_gets_the_usual_message() {
    let t = secret();
    for target in ["/dev/null", t.dir.path().to_str().unwrap()] {
        let err = t.fails(&[
            "--show-secret",
            "overdue",
            "--as-of",
            "13/12/2023",
            "--output",
            target,
            "--force",
        ]);
        assert!(!err.contains("chmod"), "{target}: {err}");
    }
}

#[test]
fn backup_says_it_holds_secret_subjects() {
    crate::util::skip_on_postgres!("backup files are of SQLite databases");
    let t = secret();
    let file = path_of(&t, "sao-luu.db");
    let r = t.run(&["backup", s(&file)]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.contains("1 văn bản mật"), "{r:?}");
}

#[test]
fn urgency_is_in_the_daily_reports() {
    let t = secret();
    for args in [
        &["overdue", "--as-of", "13/12/2023", "--format", "json"][..],
        &[
            "upcoming",
            "--as-of",
            "01/12/2023",
            "--days",
            "10",
            "--format",
            "json",
        ],
        &[
            "agenda",
            "son-tay",
            "--as-of",
            "13/12/2023",
            "--format",
            "json",
        ],
        &["progress", "--as-of", "13/12/2023", "--format", "json"],
    ] {
        let rows: Vec<serde_json::Value> =
            serde_json::from_str(&t.ok(args)).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        assert!(
            rows.iter()
                .any(|r| r["secrecy"] == "mat" && r["urgency"] == "khan"),
            "{args:?}: {rows:?}"
        );
    }
    let csv = t.ok(&["overdue", "--as-of", "13/12/2023", "--format", "csv"]);
    assert!(
        csv.lines().next().unwrap().ends_with("secrecy,urgency"),
        "{csv}"
    );
    // A table names the directive with both marks, in any language.
    for lang in ["vi", "en"] {
        let table = t.ok(&[
            "--lang",
            lang,
            "overdue",
            "--as-of",
            "13/12/2023",
            "--format",
            "md",
        ]);
        assert!(table.contains("12-KH/TU (Mật, Khẩn)"), "{table}");
    }
}

#[test]
fn documents_cite_a_masked_directive_as_a_party_text_does_and_stamp_a_shown_one() {
    let t = secret();
    for (settings, value) in [("cap-tren", "Thị ủy Sơn Tây"), ("ky-hieu", "BTCTU")] {
        t.ok(&["settings", "set", settings, value]);
    }
    let html = |show: bool, command: &str| -> String {
        let file = path_of(&t, &format!("{command}-{show}.html"));
        let mut args = vec![];
        if show {
            args.push("--show-secret");
        }
        args.extend([
            command,
            "dt-2023",
            "--as-of",
            "13/12/2023",
            "--output",
            s(&file),
        ]);
        t.ok(&args);
        std::fs::read_to_string(&file).unwrap()
    };
    let report = html(false, "report");
    assert_masked("report", &report, true);
    assert!(
        report.contains("kết quả thực hiện Kế hoạch (mật) số 12-KH/TU")
            && report.contains("nhiệm vụ theo Kế hoạch (mật) số 12-KH/TU"),
        "{report}"
    );
    // One way of writing the mark, and no stamp: nothing secret is shown.
    assert!(
        !report.contains("(Mật)") && !report.contains("class=\"stamp\""),
        "{report}"
    );
    let remind = html(false, "remind");
    assert_masked("remind", &remind, true);
    assert!(
        remind.contains("V/v đôn đốc thực hiện Kế hoạch (mật) số 12-KH/TU"),
        "{remind}"
    );
    assert!(!remind.contains("(Mật)"), "{remind}");
    // Shown, the document carries the stamp under its number.
    for command in ["report", "remind"] {
        let shown = html(true, command);
        assert!(says_secret(&shown), "{shown}");
        assert!(shown.contains("<div class=\"stamp\">MẬT</div>"), "{shown}");
    }
}

#[test]
fn extract_keeps_stamps_out_of_subjects_and_urgently_out_of_tasks() {
    let t = Theodoi::new();
    let text = "Hướng dẫn (mật) số 07-HD/TU ngày 05/11/2023 của Ban Thường vụ Thị ủy Sơn Tây về công tác nhân sự, HỎA TỐC.\n\
Kế hoạch số 15-KH/TU ngày 06/11/2023 của Ban Thường vụ Thị ủy Sơn Tây về bảo vệ nội bộ (TỐI MẬT, HỎA TỐC. \
Các đảng bộ cơ sở khẩn trương hoàn thành kiểm điểm trước ngày 12/12/2023.\n";
    let file = path_of(&t, "thong-bao.txt");
    std::fs::write(&file, text).unwrap();
    let out = t.ok(&["extract", s(&file), "--format", "json"]);
    let found: serde_json::Value = serde_json::from_str(&out).unwrap();
    let subjects: Vec<&str> = found["directives"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["subject"].as_str())
        .collect();
    assert_eq!(subjects, ["công tác nhân sự", "bảo vệ nội bộ"], "{out}");
    let what: Vec<&str> = found["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["what"].as_str())
        .collect();
    assert_eq!(what, ["kiểm điểm"], "{out}");
}
