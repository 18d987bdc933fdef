//! The words a clerk reads: every help screen and the argument errors are in
//! the interface's language, clap's own words included. The commands are
//! found in the binary's own help, so a new command is checked without being
//! listed here.

use crate::util::Theodoi;

/// ASCII words that may stand in Vietnamese text: names of formats, tools
/// and programs, the codes of the domain, the environment's variables.
const ALLOWED_IN_VIETNAMESE: &[&str] = &[
    // formats and programs
    "json",
    "csv",
    "md",
    "markdown",
    "xlsx",
    "docx",
    "html",
    "excel",
    "word",
    "windows",
    "utf",
    "bom",
    "iso",
    "cron",
    "shell",
    "bash",
    "zsh",
    "fish",
    "powershell",
    "elvish",
    "man",
    "script",
    "umask",
    "head",
    "od",
    "tr",
    "tab",
    "theodoi",
    "table",
    "kind",
    "parent",
    "none",
    "vi",
    "en",
    "dd",
    "mm",
    "yyyy",
    "d",
    "m",
    "yy",
    // the environment
    "db",
    "lang",
    "actor",
    // codes of the domain (document types, issuers, ratings)
    "htxsnv",
    "httnv",
    "htnv",
    "khtnv",
    "stt",
    "kh",
    "tu",
    "tw",
    "hd",
    "vptw",
    "btctu",
    "btv",
    "cv",
    "bc",
    "nq",
    "ct",
    "kl",
    "qc",
    "tt",
    "tb",
    "ctr",
    "ttr",
    "bb",
    "qho",
    "hu",
    "qu",
    "btctw",
    "ubkttw",
    "k",
    "ubkt",
    // a database on a server (`--db postgres://…`), and the stores `copy` moves between
    "sqlite",
    "postgresql",
    "postgres",
];

/// ASCII words shaped like Vietnamese syllables that are English all the same.
const ENGLISH_LOOKALIKES: &[&str] = &[
    "the", "to", "on", "by", "at", "it", "up", "is", "as", "if", "be", "we", "he", "then", "than",
    "not", "no",
];

/// Whether an ASCII word (lower case) has the shape of a Vietnamese syllable
/// written without its marks: onset, one to three vowels, coda.
fn vietnamese_shape(word: &str) -> bool {
    const ONSETS: &[&str] = &[
        "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    const CODAS: &[&str] = &[
        "ng", "nh", "ch", "c", "m", "n", "p", "t", "i", "y", "o", "u", "",
    ];
    ONSETS.iter().any(|onset| {
        let Some(rest) = word.strip_prefix(onset) else {
            return false;
        };
        CODAS.iter().any(|coda| {
            rest.strip_suffix(coda).is_some_and(|vowels| {
                (1..=3).contains(&vowels.len()) && vowels.chars().all(|c| "aeiouy".contains(c))
            })
        })
    })
}

/// Text with quoted parts ('…', "…", `…`) taken out: a clerk's own input
/// echoed back, names and titles.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        match quote {
            None if "'\"`".contains(c) && !prev.is_alphanumeric() => quote = Some(c),
            Some(q) if c == q && !next.is_alphanumeric() => {
                quote = None;
                out.push(' ');
            }
            Some(_) => {}
            None => out.push(c),
        }
        prev = c;
    }
    out
}

/// The words of a text to check: quoted parts, `--flags`, slugs (`chi-bo-co-so`),
/// symbols, dates and file names (anything with a digit, `/` or `.`) left out.
fn words(text: &str) -> Vec<String> {
    // Lines of a sample file (`son-tay,Đảng bộ thị xã Sơn Tây,…`) are data.
    let text: String = text
        .lines()
        .filter(|line| !(line.starts_with("  ") && line.contains(',') && !line.contains(", ")))
        .collect::<Vec<_>>()
        .join("\n");
    // Names of environment variables (`THEODOI_KEY_FILE`) are typed as they are.
    let text: String = unquoted(&text)
        .replace('=', " ")
        .split(char::is_whitespace)
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_');
            !(w.contains('_')
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.replace(['_', '=', '|', '<', '>', '[', ']'], " ");
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .filter(|w| !w.starts_with('-') && !w.contains('-'))
        .filter(|w| {
            !w.chars()
                .any(|c| c.is_ascii_digit() || c == '/' || c == '.')
        })
        .collect()
}

/// The English words of a Vietnamese text.
fn english_in(text: &str, commands: &[String]) -> Vec<String> {
    let mut found: Vec<String> = words(text)
        .into_iter()
        .filter(|w| w.is_ascii())
        .flat_map(|w| {
            w.split(|c: char| !c.is_ascii_alphabetic())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let lower = w.to_ascii_lowercase();
            if ALLOWED_IN_VIETNAMESE.contains(&lower.as_str()) || commands.contains(&lower) {
                return false;
            }
            ENGLISH_LOOKALIKES.contains(&lower.as_str()) || !vietnamese_shape(&lower)
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Vietnamese that stands unquoted in English text: the place of the demo,
/// and codes of document types.
/// Names, and `Mật`: the stamp's own word, printed in the masked form of a
/// secret directive in every language.
const ALLOWED_IN_ENGLISH: &[&str] = &["Sơn", "Tây", "QĐ", "Mật"];

/// The Vietnamese words of an English text (any word with a letter outside ASCII).
fn vietnamese_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = words(text)
        .into_iter()
        .filter(|w| w.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
        .filter(|w| !ALLOWED_IN_ENGLISH.contains(&w.as_str()))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The commands listed under a help screen's heading (`Lệnh:` / `Commands:`).
fn commands_in(help: &str, heading: &str) -> Vec<String> {
    help.lines()
        .skip_while(|line| line.trim_end() != heading)
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// Every command path, found by walking `--help` from the top, with its help.
fn every_help(t: &Theodoi, lang: &str, heading: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut queue = vec![Vec::<String>::new()];
    while let Some(path) = queue.pop() {
        let mut args: Vec<&str> = vec!["--lang", lang];
        args.extend(path.iter().map(String::as_str));
        args.push("--help");
        let help = t.ok(&args);
        for sub in commands_in(&help, heading) {
            let mut next = path.clone();
            next.push(sub);
            queue.push(next);
        }
        found.push((path.join(" "), help));
    }
    found
}

/// Argument errors a clerk meets, as typed.
const ARGUMENT_ERRORS: &[&[&str]] = &[
    &["overdue", "--bogus"],
    &["overdue", "--fomat", "csv"],
    &["task", "add", "--title", "x"],
    &["overdue", "--format", "pdf"],
    &["progress", "--by", "nhom"],
    &["lammoi"],
    &["ovedue"],
    &["done", "--rating"],
    &["overdue", "--as-of", "32/13/2023"],
    &["undo", "1", "2"],
    &["completions", "tcsh"],
    &[
        "task",
        "add",
        "--directive",
        "x",
        "--title",
        "y",
        "--due",
        "to=06/12/2023",
    ],
    &["upcoming", "--days", "many"],
    &["report", "kiem-diem-2023"],
    &["directive", "add", "188-KH/TU", "--date", "06/11/2023"],
];

#[test]
fn every_vietnamese_help_and_argument_error_is_vietnamese() {
    let t = Theodoi::bare();
    let helps = every_help(&t, "vi", "Lệnh:");
    assert!(helps.len() > 40, "only {} help screens found", helps.len());
    let commands: Vec<String> = helps
        .iter()
        .flat_map(|(path, _)| path.split(' ').map(str::to_string).collect::<Vec<_>>())
        .collect();
    let mut failures = Vec::new();
    for (path, help) in &helps {
        let english = english_in(help, &commands);
        if !english.is_empty() {
            failures.push(format!("theodoi {path} --help: {english:?}"));
        }
    }
    for args in ARGUMENT_ERRORS {
        let err = t.fails(args);
        let english = english_in(&err, &commands);
        if !english.is_empty() {
            failures.push(format!("theodoi {}: {english:?} in {err}", args.join(" ")));
        }
    }
    // A group named without its command prints its help, as an error.
    let run = t.run(&["directive"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("Cách dùng: theodoi directive [TÙY_CHỌN] <LỆNH>")
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_english_help_and_argument_error_is_english() {
    let t = Theodoi::bare();
    let helps = every_help(&t, "en", "Commands:");
    assert!(helps.len() > 40, "only {} help screens found", helps.len());
    let mut failures = Vec::new();
    for (path, help) in &helps {
        let vietnamese = vietnamese_in(help);
        if !vietnamese.is_empty() {
            failures.push(format!("theodoi --lang en {path} --help: {vietnamese:?}"));
        }
    }
    for args in ARGUMENT_ERRORS {
        let mut en = vec!["--lang", "en"];
        en.extend_from_slice(args);
        let err = t.fails(&en);
        let vietnamese = vietnamese_in(&err);
        if !vietnamese.is_empty() {
            failures.push(format!("theodoi {}: {vietnamese:?} in {err}", en.join(" ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_checks_catch_what_they_are_for() {
    let none: Vec<String> = Vec::new();
    assert_eq!(
        english_in("Cách dùng: theodoi [OPTIONS] <FILE>", &none),
        ["FILE", "OPTIONS"]
    );
    assert_eq!(
        english_in("Định dạng. [possible values: table, json]", &none),
        ["possible", "values"]
    );
    assert_eq!(
        english_in("thiếu tham số: to the unit", &none),
        ["the", "to", "unit"]
    );
    assert!(
        english_in(
            "Theo dõi, đôn đốc việc thực hiện văn bản; in ra --format json 'abc def'",
            &none
        )
        .is_empty()
    );
    assert_eq!(
        vietnamese_in("Record the task of Đảng bộ 'Ngô Quyền'"),
        ["bộ", "Đảng"]
    );
    assert!(vietnamese_in("The unit 'Ngô Quyền' (code ngo-quyen) is done").is_empty());
}

/// The full Vietnamese text of the screens a clerk reads most, on the demo
/// database, compared exactly with `tests/fixtures/words/NAME.txt`.
///
/// After a deliberate change of wording, write the files anew and read the
/// difference before committing it:
///
/// ```sh
/// THEODOI_BLESS=1 cargo test --test cli words::snapshots
/// git diff tests/fixtures/words/
/// ```
#[test]
fn snapshots() {
    let t = Theodoi::bare();
    let mut shots: Vec<(&str, String)> = Vec::new();
    let demo = t
        .ok(&["demo"])
        .replace(&t.db.display().to_string(), "theodoi.db")
        .replace(&t.shown(), "theodoi.db");
    shots.push(("demo", demo));
    shots.push(("help", t.ok(&["--help"])));
    shots.push(("help-overdue", t.ok(&["overdue", "--help"])));
    shots.push(("help-done", t.ok(&["done", "--help"])));
    // An extension, a rating task and its results, so that every report has
    // something of each to say.
    let mut said = String::new();
    for args in [
        &[
            "extend",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-thpt-son-tay",
            "--to",
            "20/12/2023",
            "--reason",
            "Chi ủy kiện toàn",
        ][..],
        &[
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
        ],
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "cb-ban-to-chuc",
            "--on",
            "04/12/2023",
            "--rating",
            "HTXSNV",
        ],
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "cb-ubkt",
            "--on",
            "05/12/2023",
            "--rating",
            "HTTNV",
        ],
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "cb-van-phong",
            "--on",
            "08/12/2023",
            "--rating",
            "HTTNV",
            "--evidence",
            "Biên bản hội nghị ngày 08/12/2023",
        ],
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "cb-trung-tam-y-te",
            "--on",
            "06/12/2023",
            "--not-rated",
            "Thành lập chưa đủ 6 tháng",
        ],
    ] {
        said.push_str(&format!("$ theodoi {}\n", args.join(" ")));
        let run = t.run(args);
        said.push_str(&run.stdout);
        said.push_str(&run.stderr);
    }
    shots.push(("changes", said));
    shots.push(("overdue", t.ok(&["overdue", "--as-of", "13/12/2023"])));
    shots.push(("overdue-none", t.ok(&["overdue", "--as-of", "01/12/2023"])));
    shots.push((
        "overdue-md",
        t.ok(&["overdue", "--as-of", "07/12/2023", "--format", "md"]),
    ));
    shots.push(("progress", t.ok(&["progress", "--as-of", "13/12/2023"])));
    shots.push(("ratings", t.ok(&["ratings", "--as-of", "13/12/2023"])));
    shots.push((
        "agenda",
        t.ok(&["agenda", "son-tay", "--as-of", "07/12/2023"]),
    ));
    shots.push(("upcoming", t.ok(&["upcoming", "--as-of", "01/12/2023"])));
    // On the due day itself, of a day in the past: the day is named, not
    // "today".
    shots.push((
        "due-day",
        [
            t.ok(&["upcoming", "--as-of", "06/12/2023", "--format", "md"]),
            t.ok(&[
                "agenda",
                "cb-kho-bac",
                "--as-of",
                "06/12/2023",
                "--format",
                "md",
            ]),
        ]
        .join("\n"),
    ));
    shots.push(("rules", t.ok(&["rules"])));
    shots.push(("log", timeless(&t.ok(&["log"]))));
    // A task for the chi bộ under a đảng bộ too, so that lower levels first
    // has something to refuse.
    t.ok(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--code",
        "luan-chuyen-2023",
        "--title",
        "Báo cáo kết quả luân chuyển cán bộ năm 2023",
        "--due",
        "dang-bo-co-so=20/12/2023",
        "--due",
        "chi-bo-truc-thuoc=15/12/2023",
    ]);
    let mut errors = String::new();
    for args in [
        &["done", "--task", "kiem-diem-2023", "--unit", "Ba Vì"][..],
        &["overdue", "--as-of", "31/02/2023"],
        &["overdue", "--within"],
        &["overdue", "--fomat", "csv"],
        &["task", "add", "--title", "Kiểm điểm"],
        &["progress", "--by", "nhom"],
        &[
            "unit",
            "add",
            "Chi bộ 1",
            "--kind",
            "chi-bo-truc-thuoc",
            "--parent",
            "son-tay",
        ],
        &[
            "extend",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-ubkt",
            "--to",
            "01/12/2023",
            "--reason",
            "x",
        ],
        &[
            "directive",
            "add",
            "12-XY/TU",
            "--issuer",
            "Thị ủy",
            "--date",
            "01/12/2023",
            "--title",
            "x",
        ],
        &[
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "p-ngo-quyen",
            "--on",
            "01/01/2030",
        ],
        // Already recorded, with its rating.
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "cb-ubkt",
            "--on",
            "05/12/2023",
            "--rating",
            "HTTNV",
        ],
        // A rating task without a rating; a rating on a task without one.
        &[
            "done",
            "--task",
            "xep-loai-2023",
            "--unit",
            "cb-kho-bac",
            "--on",
            "05/12/2023",
        ],
        &[
            "done",
            "--task",
            "luan-chuyen-2023",
            "--unit",
            "p-le-loi",
            "--on",
            "05/12/2023",
            "--rating",
            "HTTNV",
        ],
        &[
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-kho-bac",
            "--rating",
            "tot",
        ],
        // Not one of the units that owe the task.
        &["done", "--task", "kiem-diem-2023", "--unit", "son-tay"],
        // Many units by that name.
        &["done", "--task", "kiem-diem-2023", "--unit", "Chi bộ"],
        &["agenda", "Chi bộ tổ dân phố"],
        // Lower levels first.
        &[
            "done",
            "--task",
            "luan-chuyen-2023",
            "--unit",
            "p-le-loi",
            "--on",
            "10/12/2023",
        ],
        &[
            "unit",
            "add",
            "Chi bộ 1",
            "--kind",
            "chi-bo",
            "--parent",
            "son-tay",
        ],
        &["rules", "set", "lower-levels-first", "maybe"],
        // A word of many names; the same name twice under one parent.
        &["agenda", "Sơn"],
        &[
            "unit",
            "add",
            "Chi bộ Kho bạc Nhà nước Sơn Tây",
            "--kind",
            "chi-bo-co-so",
            "--parent",
            "son-tay",
        ],
    ] {
        errors.push_str(&format!("$ theodoi {}\n", args.join(" ")));
        errors.push_str(
            &t.fails(args)
                .replace(&t.typed(""), "theodoi --db theodoi.db ")
                .replace(&t.db.display().to_string(), "theodoi.db")
                .replace(&t.shown(), "theodoi.db"),
        );
    }
    shots.push(("errors", errors));
    let bless = std::env::var_os("THEODOI_BLESS").is_some();
    let dir = crate::util::repo_file("tests/fixtures/words");
    let mut drifted = Vec::new();
    for (name, text) in &shots {
        let path = dir.join(format!("{name}.txt"));
        if bless {
            std::fs::create_dir_all(&dir).expect("fixtures folder");
            std::fs::write(&path, text).expect("write snapshot");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want.replace("\r\n", "\n") != *text {
            drifted.push(format!(
                "{name}: tests/fixtures/words/{name}.txt differs; got:\n{text}"
            ));
        }
    }
    assert!(
        drifted.is_empty(),
        "{}\n(THEODOI_BLESS=1 cargo test --test cli words::snapshots writes them anew)",
        drifted.join("\n")
    );
}

/// The log's times (`01/12/2026 12:31`) as `dd/mm/yyyy hh:mm`: they are when
/// the test ran.
fn timeless(text: &str) -> String {
    let shape = "dd/dd/dddd dd:dd";
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let fits = chars.len() - i >= shape.len()
            && shape.chars().zip(&chars[i..]).all(|(s, c)| match s {
                'd' => c.is_ascii_digit(),
                s => s == *c,
            });
        if fits {
            out.push_str("dd/mm/yyyy hh:mm");
            i += shape.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}
