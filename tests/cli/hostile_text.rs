//! Nothing bad gets in: control characters, invisible and huge texts, dates
//! and relations that make no sense in time, rated work without a rating;
//! and whatever is printed stays on the terminal's side of the glass (no
//! control character, one short error line).

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{Run, Theodoi, UnitRow};

/// The longest error line, in characters, prefix included.
const LINE_MAX: usize = 300;

/// Whether `s` holds a character a terminal would act on (a C0 or C1 control
/// other than the line ends, DEL) or a bidirectional override.
fn has_control(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\r')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

/// Runs and expects exit status 2 with one error line of at most
/// `LINE_MAX` characters and no control character; returns it.
fn refused(t: &Theodoi, args: &[&str]) -> String {
    let err = t.fails(args);
    short_clean_line(&err);
    err
}

fn short_clean_line(err: &str) {
    let line = err.trim_end_matches('\n');
    assert!(!line.contains('\n'), "more than one line: {line:?}");
    assert!(
        line.chars().count() <= LINE_MAX,
        "{} characters: {}…",
        line.chars().count(),
        line.chars().take(400).collect::<String>()
    );
    assert!(!has_control(line), "a control character in {line:?}");
}

/// Runs `cmd`, killing it after `limit`; `None` when it took that long.
fn run_within(mut cmd: Command, limit: Duration) -> Option<Run> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run theodoi");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stdout.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = stderr.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Some(Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.join().expect("stdout")).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().expect("stderr")).into_owned(),
    })
}

fn write_file(t: &Theodoi, name: &str, text: &str) -> String {
    let path = t.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn add_unit(name: &str, code: &str) -> Vec<String> {
    [
        "unit",
        "add",
        name,
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        code,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn control_and_invisible_characters_are_refused_where_text_enters() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    // A terminal title and a cleared screen in a unit name.
    let err = refused(&t, &strs(&add_unit("\x1b]0;pwned\x07\x1b[2J", "evil")));
    assert!(err.contains("tên tổ chức đảng"), "{err}");
    // A right-to-left override in a name, an isolate, a C1 control (CSI),
    // DEL (a NUL cannot be an argument: it comes in a file, below).
    for (name, code) in [
        ("Chi bộ \u{202E}gnaoh", "rlo"),
        ("Chi bộ \u{2066}A", "lri"),
        ("Chi bộ \u{9b}2J", "csi"),
        ("Chi bộ \u{7f}", "del"),
    ] {
        refused(&t, &strs(&add_unit(name, code)));
    }
    // Names with nothing to read: zero-width space, word joiner, BOM, spaces.
    for (name, code) in [
        ("\u{200B}", "zw"),
        ("\u{200B}\u{2060} \u{FEFF}", "zw2"),
        ("\u{00AD}", "shy"),
    ] {
        refused(&t, &strs(&add_unit(name, code)));
    }
    // The actor is checked at the edge the same way.
    let unit_x = add_unit("Chi bộ X", "x");
    let mut args = vec!["--actor", "evil\x1b[2J"];
    args.extend(strs(&unit_x));
    refused(&t, &args);
    // Titles, issuers, notes, evidence, reasons, positions.
    refused(
        &t,
        &[
            "directive",
            "add",
            "9-KH/TU",
            "--issuer",
            "Thị ủy\x1b[31m",
            "--date",
            "01/12/2023",
            "--title",
            "x",
        ],
    );
    refused(
        &t,
        &[
            "directive",
            "add",
            "9-KH/TU",
            "--issuer",
            "Thị ủy",
            "--date",
            "01/12/2023",
            "--title",
            "\u{202E}x",
        ],
    );
    let done = |extra: &[&str]| {
        let mut args = vec![
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-ubkt",
            "--on",
            "05/12/2023",
        ];
        args.extend(extra);
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    refused(&t, &strs(&done(&["--note", "a\x1b[2Jb"])));
    refused(&t, &strs(&done(&["--evidence", "\x07"])));
    refused(
        &t,
        &[
            "directive",
            "revoke",
            "188-KH/TU",
            "--on",
            "01/12/2023",
            "--reason",
            "\u{200B}",
        ],
    );
    refused(
        &t,
        &[
            "extend",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-ubkt",
            "--to",
            "20/12/2023",
            "--reason",
            "x\x1b",
        ],
    );
    refused(
        &t,
        &[
            "person",
            "add",
            "Nguyễn Văn An",
            "--position",
            "Bí thư\x1b[8m",
            "--unit",
            "cb-ubkt",
        ],
    );
    // A NUL in a name of a unit file: the line is named, nothing written.
    let file = write_file(
        &t,
        "units.csv",
        "code,name,kind,parent\nok1,Chi bộ Tốt,chi-bo-co-so,son-tay\nbad1,Chi bộ \0Xấu,chi-bo-co-so,son-tay\n",
    );
    let err = refused(&t, &["unit", "import", &file]);
    assert!(err.contains("dòng 3"), "{err}");
    assert_eq!(t.snapshot(), before);

    // A tab in a note is a space; a name of Vietnamese words, emoji and
    // punctuation is fine.
    t.ok(&strs(&done(&[
        "--note",
        "họp\tmuộn",
        "--evidence",
        "BB số 1",
    ])));
    t.ok(&strs(&add_unit("Chi bộ 🚩 \"Cờ đỏ\" (số 1)", "co-do")));
    for args in [
        vec!["unit", "list"],
        vec!["log"],
        vec!["unit", "list", "--format", "md"],
        vec!["unit", "list", "--format", "csv"],
    ] {
        let out = t.ok(&args);
        assert!(!has_control(&out), "{args:?}: {out:?}");
    }
}

#[test]
fn what_is_echoed_in_an_error_is_made_visible() {
    let t = Theodoi::son_tay();
    // A reference is not stored, but it is said back: not to the terminal raw.
    for lang in ["vi", "en"] {
        let err = refused(
            &t,
            &[
                "--lang",
                lang,
                "unit",
                "add",
                "Chi bộ Y",
                "--kind",
                "chi-bo-co-so",
                "--parent",
                "\x1b]0;pwned\x07\x1b[2J\u{202E}",
            ],
        );
        assert!(err.contains("pwned"), "{err}");
    }
    refused(&t, &["overdue", "--as-of", "\x1b[2J01/12/2023"]);
}

#[test]
fn long_texts_are_refused_with_their_limit() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let long_name = "Chi bộ ".to_string() + &"a".repeat(294);
    assert_eq!(long_name.chars().count(), 301);
    let err = refused(&t, &strs(&add_unit(&long_name, "dai")));
    assert!(err.contains("300"), "{err}");
    let err = refused(
        &t,
        &[
            "--lang",
            "en",
            "unit",
            "add",
            &long_name,
            "--kind",
            "chi-bo-co-so",
            "--parent",
            "son-tay",
        ],
    );
    assert!(err.contains("300"), "{err}");
    let note = "x".repeat(4001);
    let err = refused(
        &t,
        &[
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-ubkt",
            "--on",
            "05/12/2023",
            "--note",
            &note,
        ],
    );
    assert!(err.contains("4000") || err.contains("4.000"), "{err}");
    assert_eq!(t.snapshot(), before);
    // At the limit, accepted.
    let at_limit: String = long_name.chars().take(300).collect();
    t.ok(&strs(&add_unit(&at_limit, "dai")));
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "05/12/2023",
        "--note",
        &note[..4000],
    ]);
}

#[test]
fn a_million_character_name_is_refused_quickly_in_one_short_line() {
    let t = Theodoi::son_tay();
    let huge = "a".repeat(1_000_000);
    let file = write_file(
        &t,
        "big.csv",
        &format!("code,name,kind,parent\nbig,{huge},chi-bo-co-so,son-tay\n"),
    );
    let run = run_within(
        t.command(&["unit", "import", &file]),
        Duration::from_secs(60),
    )
    .expect("unit import finishes within 60 s");
    assert_eq!(run.code, 2, "{}", &run.stdout);
    short_clean_line(&run.stderr);
    assert!(run.stderr.contains("300"), "{}", run.stderr);
    let list = run_within(t.command(&["unit", "list"]), Duration::from_secs(60))
        .expect("unit list finishes within 60 s");
    assert_eq!(list.code, 0);

    // A megabyte reference said back in an error: cut, one short line.
    let people = write_file(
        &t,
        "people.csv",
        &format!("code,name,position,unit,from\nan,Nguyễn Văn An,Bí thư,{huge},\n"),
    );
    let run = run_within(
        t.command(&["person", "import", &people]),
        Duration::from_secs(60),
    )
    .expect("person import finishes within 60 s");
    assert_eq!(run.code, 2);
    short_clean_line(&run.stderr);
    assert!(run.stderr.contains('…'), "{}", run.stderr);

    // A value said twice in its message (a bare number), and a clap value.
    let digits = "1".repeat(100_000);
    let err = refused(
        &t,
        &[
            "directive",
            "add",
            &digits,
            "--issuer",
            "X",
            "--date",
            "01/12/2023",
            "--title",
            "x",
        ],
    );
    assert!(err.contains('…'), "{err}");
    let err = refused(&t, &["overdue", "--as-of", &digits]);
    assert!(err.contains('…'), "{err}");
}

#[test]
fn a_table_stays_linear_in_the_size_of_a_cell() {
    let t = Theodoi::bare();
    // An announcement whose subject runs 400,000 characters without a space.
    let text = format!(
        "Ban Thường vụ Thị ủy ban hành Kế hoạch số 12-KH/TU ngày 1/2/2023 của Ban Thường vụ Thị ủy về {}.\n",
        "kiểm".repeat(100_000)
    );
    let file = write_file(&t, "thongbao.txt", &text);
    let run = run_within(t.command(&["extract", &file]), Duration::from_secs(30))
        .expect("the table is printed within 30 s");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("12-KH/TU"), "{}", run.stdout);
    assert!(run.stdout.contains('…'));
    assert!(run.stdout.len() < 20_000, "{} bytes", run.stdout.len());
    // JSON carries the whole value.
    let json = run_within(
        t.command(&["extract", &file, "--format", "json"]),
        Duration::from_secs(30),
    )
    .expect("JSON within 30 s");
    assert!(json.stdout.len() > 400_000);
}

#[test]
fn dates_before_1930_are_refused_everywhere() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    for date in [
        "01/01/0000",
        "31/12/1929",
        "1929-12-31",
        "ngày 1 tháng 1 năm 1000",
    ] {
        let err = refused(
            &t,
            &[
                "directive",
                "add",
                "9-KH/TU",
                "--issuer",
                "Thị ủy",
                "--date",
                date,
                "--title",
                "x",
            ],
        );
        assert!(err.contains("1930"), "{date}: {err}");
    }
    let err = refused(&t, &["--lang", "en", "overdue", "--as-of", "01/01/0000"]);
    assert!(err.contains("1930"), "{err}");
    let err = refused(
        &t,
        &[
            "task",
            "add",
            "--directive",
            "188-KH/TU",
            "--title",
            "x",
            "--due",
            "chi-bo-co-so=01/01/1900",
        ],
    );
    assert!(err.contains("1930"), "{err}");
    assert_eq!(t.snapshot(), before);
    t.ok(&[
        "directive",
        "add",
        "9-KH/TU",
        "--issuer",
        "Thị ủy",
        "--date",
        "01/01/1930",
        "--title",
        "x",
    ]);
}

#[test]
fn a_completion_before_its_directive_needs_force() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let done = |unit: &str, on: &str, force: bool| {
        let mut args = vec![
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            unit,
            "--on",
            on,
        ];
        if force {
            args.push("--force");
        }
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    // Plan 223 was issued on 23/11/2023.
    let err = refused(&t, &strs(&done("cb-ubkt", "01/01/2000", false)));
    assert!(
        err.contains("23/11/2023") && err.contains("--force"),
        "{err}"
    );
    refused(&t, &strs(&done("cb-ubkt", "22/11/2023", false)));
    // In a file too.
    let file = write_file(&t, "kq.csv", "unit,on\ncb-ubkt,01/01/2000\n");
    let err = refused(&t, &["done", "--task", "kiem-diem-2023", "--from", &file]);
    assert!(err.contains("dòng 2"), "{err}");
    assert_eq!(t.snapshot(), before);
    t.ok(&strs(&done("cb-ubkt", "01/01/2000", true)));
    t.ok(&strs(&done("cb-kho-bac", "23/11/2023", false)));
}

#[test]
fn endings_before_beginnings_need_force() {
    let t = Theodoi::son_tay();
    // A revocation before the directive's date.
    let revoke = |on: &str, force: bool| {
        let mut args = vec![
            "directive",
            "revoke",
            "Kế hoạch số 223",
            "--on",
            on,
            "--reason",
            "Hết hiệu lực",
        ];
        if force {
            args.push("--force");
        }
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let before = t.snapshot();
    let err = refused(&t, &strs(&revoke("01/01/2023", false)));
    assert!(
        err.contains("23/11/2023") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(t.snapshot(), before);
    t.ok(&strs(&revoke("01/01/2023", true)));

    // A dissolution before the unit was founded.
    t.ok(&[
        "unit",
        "add",
        "Chi bộ Mới",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "son-tay",
        "--code",
        "cb-moi",
        "--founded",
        "01/06/2023",
    ]);
    let err = refused(&t, &["unit", "dissolve", "cb-moi", "--on", "01/01/2023"]);
    assert!(
        err.contains("01/06/2023") && err.contains("--force"),
        "{err}"
    );
    let units: Vec<UnitRow> = t.json(&["unit", "list"]);
    assert!(units.iter().any(|u| u.code == "cb-moi"));
    t.ok(&[
        "unit",
        "dissolve",
        "cb-moi",
        "--on",
        "01/01/2023",
        "--force",
    ]);

    // A person leaving before they joined.
    t.ok(&[
        "person",
        "add",
        "Nguyễn Văn An",
        "--position",
        "Bí thư Chi bộ",
        "--unit",
        "cb-ubkt",
        "--from",
        "01/01/2021",
    ]);
    let err = refused(
        &t,
        &["person", "leave", "Nguyễn Văn An", "--on", "31/12/2020"],
    );
    assert!(
        err.contains("01/01/2021") && err.contains("--force"),
        "{err}"
    );
    t.ok(&[
        "person",
        "leave",
        "Nguyễn Văn An",
        "--on",
        "31/12/2020",
        "--force",
    ]);

    // A task due before its directive was issued.
    let task = |force: bool| {
        let mut args = vec![
            "task",
            "add",
            "--directive",
            "44-QĐ/TU",
            "--title",
            "Báo cáo",
            "--due",
            "chi-bo-co-so=01/11/2023",
        ];
        if force {
            args.push("--force");
        }
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let err = refused(&t, &strs(&task(false)));
    assert!(
        err.contains("23/11/2023") && err.contains("--force"),
        "{err}"
    );
    t.ok(&strs(&task(true)));
}

#[test]
fn a_replacement_makes_sense() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    // By itself.
    refused(
        &t,
        &[
            "directive",
            "replace",
            "Kế hoạch số 223",
            "--by",
            "Kế hoạch số 223",
        ],
    );
    // By an older one: from a day before the old one existed.
    let err = refused(
        &t,
        &[
            "directive",
            "replace",
            "Kế hoạch số 223",
            "--by",
            "188-KH/TU",
        ],
    );
    assert!(
        err.contains("23/11/2023") && err.contains("--force"),
        "{err}"
    );
    refused(
        &t,
        &[
            "directive",
            "replace",
            "44-QĐ/TU",
            "--by",
            "45-QĐ/TU",
            "--on",
            "01/11/2023",
        ],
    );
    assert_eq!(t.snapshot(), before);
    // A → B, then B → A: a cycle.
    t.ok(&["directive", "replace", "44-QĐ/TU", "--by", "45-QĐ/TU"]);
    let after = t.snapshot();
    refused(
        &t,
        &["directive", "replace", "45-QĐ/TU", "--by", "44-QĐ/TU"],
    );
    // A → B → C → A as well.
    assert_eq!(t.snapshot(), after);
    t.ok(&[
        "directive",
        "replace",
        "45-QĐ/TU",
        "--by",
        "Kế hoạch số 223",
    ]);
    let after2 = t.snapshot();
    refused(
        &t,
        &[
            "directive",
            "replace",
            "Kế hoạch số 223",
            "--by",
            "44-QĐ/TU",
            "--force",
        ],
    );
    assert_eq!(t.snapshot(), after2);
    // An older replacement, forced.
    t.ok(&[
        "directive",
        "replace",
        "188-KH/TU",
        "--by",
        "34- ĐA/TU",
        "--on",
        "01/11/2023",
        "--force",
    ]);
}

/// Sơn Tây with a rated task for the chi bộ cơ sở.
fn rated() -> Theodoi {
    let t = Theodoi::son_tay();
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
        "chi-bo-co-so=06/12/2023",
    ]);
    t
}

#[derive(Debug, serde::Deserialize)]
struct Group {
    task: String,
    httnv: u64,
    not_rated: u64,
}

#[derive(Debug, serde::Deserialize)]
struct Ratings {
    groups: Vec<Group>,
}

#[test]
fn a_rated_task_needs_a_rating() {
    let t = rated();
    let before = t.snapshot();
    let done = |unit: &str, extra: &[&str]| {
        let mut args = vec![
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            unit,
            "--on",
            "05/12/2023",
        ];
        args.extend(extra);
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let err = refused(&t, &strs(&done("cb-ubkt", &[])));
    assert!(
        err.contains("--rating") && err.contains("--not-rated"),
        "{err}"
    );
    let err = refused(&t, &strs(&done("cb-ubkt", &["--not-rated", "\u{200B}"])));
    assert!(
        err.contains("--not-rated") || err.contains("lý do"),
        "{err}"
    );
    // A file without ratings: every line named.
    let file = write_file(
        &t,
        "kq.csv",
        "unit,on\ncb-ubkt,05/12/2023\ncb-kho-bac,05/12/2023\n",
    );
    let err = refused(&t, &["done", "--task", "xep-loai-2023", "--from", &file]);
    assert!(err.contains("dòng 2") && err.contains("dòng 3"), "{err}");
    let with_one = write_file(
        &t,
        "kq2.csv",
        "unit,on,rating\ncb-ubkt,05/12/2023,HTTNV\ncb-kho-bac,05/12/2023,\n",
    );
    let err = refused(
        &t,
        &["done", "--task", "xep-loai-2023", "--from", &with_one],
    );
    assert!(err.contains("dòng 3") && !err.contains("dòng 2"), "{err}");
    assert_eq!(t.snapshot(), before);

    t.ok(&strs(&done("cb-ubkt", &["--rating", "HTTNV"])));
    t.ok(&strs(&done(
        "cb-kho-bac",
        &["--not-rated", "Thành lập chưa đủ 6 tháng"],
    )));
    // A correction of a record with a rating keeps it.
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "04/12/2023",
        "--correct",
    ]);
    let ratings: Ratings = t.json(&["ratings", "--as-of", "31/12/2023"]);
    let httnv: u64 = ratings
        .groups
        .iter()
        .filter(|g| g.task == "xep-loai-2023")
        .map(|g| g.httnv)
        .sum();
    let not_rated: u64 = ratings.groups.iter().map(|g| g.not_rated).sum();
    assert_eq!((httnv, not_rated), (1, 1), "{ratings:?}");
    // `--not-rated` for a whole file.
    let rest = write_file(&t, "kq3.csv", "unit,on\ncb-van-phong,05/12/2023\n");
    t.ok(&[
        "done",
        "--task",
        "xep-loai-2023",
        "--from",
        &rest,
        "--not-rated",
        "Chưa đủ 6 tháng",
    ]);
}

#[test]
fn a_symbol_taken_by_another_directive_is_said_in_words() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    // 188-KH/TU and 34-ĐA/TU: the same issuer and day.
    for lang in ["vi", "en"] {
        let err = refused(
            &t,
            &[
                "--lang",
                lang,
                "directive",
                "edit",
                "188-KH/TU",
                "--symbol",
                "34-ĐA/TU",
            ],
        );
        assert!(!err.contains("UNIQUE") && !err.contains("2067"), "{err}");
        assert!(err.contains("34-ĐA/TU"), "{err}");
    }
    assert_eq!(t.snapshot(), before);
    // Its own symbol again is no conflict.
    t.ok(&["directive", "edit", "188-KH/TU", "--symbol", "188-KH/TU"]);
}
