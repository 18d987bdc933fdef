//! An encrypted database: nothing stored is readable in its file, its `-wal`
//! or its backup; every command works on it as on a plain one with the key
//! from `THEODOI_KEY_FILE`; a missing, wrong or bad key changes nothing;
//! `encrypt` and `decrypt` convert in place and lose nothing.

use std::path::{Path, PathBuf};

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use crate::util::{Run, Theodoi, repo_file, run, skip_on_postgres};

const PASSPHRASE: &str = "Mật khẩu của Ban Tổ chức 2023";

/// A key file in the home of `t`, of `mode` on Unix.
fn key_file(t: &Theodoi, name: &str, contents: &[u8], mode: u32) -> PathBuf {
    let path = t.dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    #[cfg(not(unix))]
    let _ = mode;
    path
}

/// The key file of the tests, mode 0600.
fn good_key(t: &Theodoi) -> PathBuf {
    key_file(t, "khoa", format!("{PASSPHRASE}\n").as_bytes(), 0o600)
}

/// Runs `args` on `db` with `key` as THEODOI_KEY_FILE (none: unset).
fn run_on(t: &Theodoi, db: &Path, key: Option<&Path>, args: &[&str]) -> Run {
    let mut cmd = t.command_without_db(&[]);
    cmd.arg("--db").arg(db).args(args);
    if let Some(key) = key {
        cmd.env("THEODOI_KEY_FILE", key);
    }
    run(cmd)
}

fn ok_on(t: &Theodoi, db: &Path, key: Option<&Path>, args: &[&str]) -> String {
    let r = run_on(t, db, key, args);
    assert_eq!(r.code, 0, "theodoi {args:?}: {r:?}");
    r.stdout
}

/// An encrypted database with the Sơn Tây directives, units and task.
fn son_tay_encrypted() -> (Theodoi, PathBuf) {
    let t = Theodoi::bare();
    let key = good_key(&t);
    ok_on(&t, &t.db, Some(&key), &["init", "--encrypt"]);
    enter_son_tay(&t, &t.db, Some(&key));
    (t, key)
}

/// The directives of 24/11/2023, the unit file and plan 223's task.
fn enter_son_tay(t: &Theodoi, db: &Path, key: Option<&Path>) {
    crate::util::enter_son_tay(|args| {
        ok_on(t, db, key, args);
    });
}

/// Texts stored in the database, none of which its files may show.
const STORED: [&str; 7] = [
    "Đảng bộ phường Lê Lợi",
    "Chi bộ tổ dân phố 1 phường Lê Lợi",
    "le-loi-tdp1",
    "188-KH/TU",
    "Luân chuyển, điều động, biệt phái cán bộ",
    "Ban Thường vụ Thị ủy Sơn Tây",
    "Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023",
];

/// The stored texts found in `bytes`, as UTF-8 in NFC or NFD, or folded
/// (the accent-free search columns).
fn found_in(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for text in STORED {
        let nfd: String = text.nfd().collect();
        let folded: String = text.nfd().filter(|c| c.is_ascii()).collect();
        for form in [text.to_string(), nfd, folded.to_lowercase()] {
            if form.len() >= 6 && bytes.windows(form.len()).any(|w| w == form.as_bytes()) {
                found.push(form);
            }
        }
    }
    found
}

fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_files_of_an_encrypted_database_show_nothing_stored() {
    skip_on_postgres!("encryption is of SQLite files");
    // The same data in a plain file shows it all: the search can fail.
    let plain = Theodoi::new();
    enter_son_tay(&plain, &plain.db, None);
    let shown = found_in(&std::fs::read(&plain.db).unwrap());
    assert!(shown.len() >= STORED.len(), "{shown:?}");

    let (t, key) = son_tay_encrypted();
    let head = std::fs::read(&t.db).unwrap();
    assert!(!head.starts_with(b"SQLite format 3\0"));
    assert_eq!(found_in(&head), Vec::<String>::new());

    // A `-wal` is left while another connection holds the file open.
    let holder = rusqlite::Connection::open(&t.db).unwrap();
    holder
        .execute_batch(&format!("PRAGMA key = '{PASSPHRASE}'"))
        .unwrap();
    let units: i64 = holder
        .query_row("SELECT count(*) FROM unit", [], |row| row.get(0))
        .unwrap();
    assert!(units > 10);
    ok_on(
        &t,
        &t.db,
        Some(&key),
        &[
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-ubkt",
            "--on",
            "05/12/2023",
            "--evidence",
            "Biên bản họp Chi bộ tổ dân phố 1 phường Lê Lợi",
        ],
    );
    let wal = std::fs::read(beside(&t.db, "-wal")).expect("a -wal while the file is held");
    assert!(wal.len() > 4096, "{}", wal.len());
    assert_eq!(found_in(&wal), Vec::<String>::new());
    drop(holder);

    // The backup is encrypted with the same key, and opens with it.
    let backup = t.dir.path().join("sao-luu.db");
    ok_on(&t, &t.db, Some(&key), &["backup", backup.to_str().unwrap()]);
    let copy = std::fs::read(&backup).unwrap();
    assert!(!copy.starts_with(b"SQLite format 3\0"));
    assert_eq!(found_in(&copy), Vec::<String>::new());
    let listed = ok_on(
        &t,
        &backup,
        Some(&key),
        &["unit", "list", "--format", "json"],
    );
    assert!(listed.contains("Đảng bộ phường Lê Lợi"), "{listed}");
    let refused = run_on(&t, &backup, None, &["unit", "list"]);
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(
        refused.stderr.contains("THEODOI_KEY_FILE"),
        "{}",
        refused.stderr
    );
    // Restoring is putting the backup in the database's place.
    let restored = t.dir.path().join("restored.db");
    std::fs::copy(&backup, &restored).unwrap();
    let overdue = ok_on(
        &t,
        &restored,
        Some(&key),
        &["overdue", "--as-of", "07/12/2023", "--format", "json"],
    );
    assert!(overdue.contains("kiem-diem-2023"), "{overdue}");
}

#[test]
fn sqlite3_cannot_read_an_encrypted_database() {
    skip_on_postgres!("encryption is of SQLite files");
    let (t, _key) = son_tay_encrypted();
    let Ok(out) = std::process::Command::new("sqlite3")
        .arg(&t.db)
        .arg("SELECT name FROM unit")
        .output()
    else {
        eprintln!("sqlite3 is not installed: the check that it cannot read the file is skipped");
        return;
    };
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "{said}");
    assert!(!said.contains("Lê Lợi"), "{said}");
}

/// The walkthrough in short, on a plain and on an encrypted database: each
/// command says the same on both.
#[test]
fn the_walkthrough_works_the_same_encrypted() {
    skip_on_postgres!("encryption is of SQLite files");
    let plain = Theodoi::bare();
    let t = Theodoi::bare();
    let key = good_key(&t);
    let steps: Vec<Vec<&str>> = vec![
        vec![
            "directive",
            "add",
            "Kế hoạch số 223",
            "--issuer",
            "Ban Thường vụ Thị ủy Sơn Tây",
            "--date",
            "23/11/2023",
            "--title",
            "Kiểm điểm, đánh giá, xếp loại chất lượng hằng năm",
        ],
        vec!["unit", "import", "UNITS"],
        crate::util::SON_TAY_TASK.to_vec(),
        vec![
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-ubkt",
            "--on",
            "05/12/2023",
        ],
        vec![
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-ban-to-chuc",
            "--on",
            "06/12/2023",
        ],
        vec!["overdue", "--as-of", "07/12/2023", "--format", "json"],
        vec!["progress", "--as-of", "13/12/2023", "--format", "json"],
        vec!["undo"],
        vec!["overdue", "--as-of", "07/12/2023", "--format", "json"],
        vec!["progress", "--as-of", "13/12/2023", "--format", "csv"],
        vec!["directive", "list", "--format", "json"],
        vec!["unit", "list", "--format", "json"],
        vec!["task", "list", "--format", "json"],
    ];
    let units = repo_file("fixtures/units.csv");
    let units = units.to_str().unwrap();
    let said = |home: &Theodoi, key: Option<&Path>| {
        let init: &[&str] = if key.is_some() {
            &["init", "--encrypt"]
        } else {
            &["init"]
        };
        ok_on(home, &home.db, key, init);
        steps
            .iter()
            .map(|step| {
                let args: Vec<&str> = step
                    .iter()
                    .map(|a| if *a == "UNITS" { units } else { a })
                    .collect();
                let out = ok_on(home, &home.db, key, &args);
                out.replace(&home.db.display().to_string(), "DB")
            })
            .collect::<Vec<_>>()
    };
    let plain_said = said(&plain, None);
    let encrypted_said = said(&t, Some(&key));
    assert!(
        plain_said[5].contains("kiem-diem-2023"),
        "{}",
        plain_said[5]
    );
    assert_ne!(plain_said[5], plain_said[8], "undo brings a unit back");
    for (step, (p, e)) in steps.iter().zip(plain_said.iter().zip(&encrypted_said)) {
        assert_eq!(p, e, "{step:?}");
    }
    assert!(
        !std::fs::read(&t.db)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    // The log says the same too, times aside.
    let log = |home: &Theodoi, key: Option<&Path>| -> Vec<Value> {
        let out = ok_on(home, &home.db, key, &["log", "--format", "json"]);
        let mut rows: Vec<Value> = serde_json::from_str(&out).unwrap();
        for row in &mut rows {
            row.as_object_mut().unwrap().retain(|k, _| {
                ["id", "actor", "action", "details", "undoes", "undone_by"].contains(&k.as_str())
            });
        }
        rows
    };
    assert_eq!(log(&plain, None), log(&t, Some(&key)));
}

#[test]
fn concurrent_writers_share_an_encrypted_database() {
    skip_on_postgres!("encryption is of SQLite files");
    let (t, key) = son_tay_encrypted();
    let children: Vec<_> = (0..4)
        .map(|i| {
            let mut cmd = t.command(&[
                "person",
                "add",
                &format!("Nguyễn Văn {i}"),
                "--position",
                "Bí thư Đảng ủy xã",
                "--unit",
                "Kim Sơn",
            ]);
            cmd.env("THEODOI_KEY_FILE", &key);
            cmd.stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            cmd.spawn().unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let people = ok_on(
        &t,
        &t.db,
        Some(&key),
        &["person", "list", "--format", "json"],
    );
    for i in 0..4 {
        assert!(people.contains(&format!("Nguyễn Văn {i}")), "{people}");
    }
}

/// A key that is missing, wrong, open to others, empty or not text: one
/// line naming it, exit 2, the database's files as they were.
#[test]
fn a_missing_wrong_or_bad_key_changes_nothing() {
    skip_on_postgres!("encryption is of SQLite files");
    let (t, _key) = son_tay_encrypted();
    let wrong = key_file(&t, "sai", b"Mat khau khac hoan toan\n", 0o600);
    let empty = key_file(&t, "trong", b"", 0o600);
    let garbage = key_file(
        &t,
        "hong",
        &[0xff, 0x00, 0x9c, 0x13, 0xfe, b'\n', 0x80],
        0o600,
    );
    let truncated = key_file(&t, "cut", &PASSPHRASE.as_bytes()[..12], 0o600);
    let missing = t.dir.path().join("khong-co");
    let mut cases: Vec<(Option<&Path>, &str)> = vec![
        (None, "THEODOI_KEY_FILE"),
        (Some(&wrong), "khóa không mở được"),
        (Some(&truncated), "khóa không mở được"),
        (Some(&empty), "trống"),
        (Some(&garbage), "không phải một dòng văn bản UTF-8"),
        (Some(&missing), "không đọc được tệp khóa"),
        (Some(t.dir.path()), "không đọc được tệp khóa"),
    ];
    #[cfg(unix)]
    let open = key_file(&t, "mo", format!("{PASSPHRASE}\n").as_bytes(), 0o644);
    #[cfg(unix)]
    cases.push((Some(&open), "quyền 0644"));
    let before = std::fs::read(&t.db).unwrap();
    let files = files_in(t.dir.path());
    let backup = t.dir.path().join("b.db");
    let backup = backup.to_str().unwrap();
    for (key, says) in cases {
        for args in [
            &["overdue", "--as-of", "07/12/2023"][..],
            &[
                "unit",
                "add",
                "Chi bộ mới",
                "--kind",
                "chi-bo-truc-thuoc",
                "--parent",
                "p-le-loi",
            ],
            &["backup", backup],
            &["export", "-"],
            &["decrypt"],
            &["encrypt"],
        ] {
            let r = run_on(&t, &t.db, key, args);
            assert_eq!(r.code, 2, "{key:?} {args:?}: {r:?}");
            assert_eq!(r.stdout, "", "{key:?} {args:?}");
            assert!(r.stderr.starts_with("theodoi: "), "{}", r.stderr);
            assert_eq!(r.stderr.trim_end().lines().count(), 1, "{}", r.stderr);
            if args[0] != "encrypt" {
                assert!(r.stderr.contains(says), "{key:?} {args:?}: {}", r.stderr);
            }
            assert_eq!(std::fs::read(&t.db).unwrap(), before, "{key:?} {args:?}");
            assert_eq!(files_in(t.dir.path()), files, "{key:?} {args:?}");
        }
    }
    // In English with --lang en.
    let r = run_on(&t, &t.db, Some(&wrong), &["--lang", "en", "overdue"]);
    assert!(r.stderr.contains("the key does not open"), "{}", r.stderr);
    let r = run_on(&t, &t.db, None, &["--lang", "en", "overdue"]);
    assert!(
        r.stderr.contains("is encrypted") && r.stderr.contains("THEODOI_KEY_FILE"),
        "{}",
        r.stderr
    );
    #[cfg(unix)]
    {
        let r = run_on(&t, &t.db, Some(&open), &["--lang", "en", "overdue"]);
        assert!(
            r.stderr.contains("mode 0644") && r.stderr.contains("0600"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn encrypt_then_decrypt_gives_back_the_same_database() {
    skip_on_postgres!("encryption is of SQLite files");
    let t = Theodoi::son_tay_reported();
    let key = good_key(&t);
    let export = |key: Option<&Path>| -> Value {
        let out = ok_on(&t, &t.db, key, &["export", "-"]);
        serde_json::from_str(&out).unwrap()
    };
    let original = export(None);
    let files = files_in(t.dir.path());

    let said = ok_on(&t, &t.db, Some(&key), &["encrypt"]);
    assert!(said.contains("Đã mã hóa"), "{said}");
    let bytes = std::fs::read(&t.db).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3\0"));
    assert_eq!(found_in(&bytes), Vec::<String>::new());
    assert_eq!(files_in(t.dir.path()), files, "nothing left beside it");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&t.db).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The export of an encrypted database says it is plain.
    let r = run_on(&t, &t.db, Some(&key), &["export", "-"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.contains("JSON"), "{}", r.stderr);
    assert_eq!(serde_json::from_str::<Value>(&r.stdout).unwrap(), original);
    let file = t.dir.path().join("xuat.json");
    ok_on(&t, &t.db, Some(&key), &["export", file.to_str().unwrap()]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    std::fs::remove_file(&file).unwrap();

    // Encrypted already; and a decrypt with the wrong key changes nothing.
    let r = run_on(&t, &t.db, Some(&key), &["encrypt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("đã được mã hóa"), "{}", r.stderr);
    let wrong = key_file(&t, "sai", b"another passphrase\n", 0o600);
    let r = run_on(&t, &t.db, Some(&wrong), &["decrypt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(std::fs::read(&t.db).unwrap(), bytes);
    std::fs::remove_file(&wrong).unwrap();

    let said = ok_on(&t, &t.db, Some(&key), &["decrypt"]);
    assert!(said.contains("Đã giải mã"), "{said}");
    assert!(
        std::fs::read(&t.db)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    assert_eq!(files_in(t.dir.path()), files, "nothing left beside it");
    assert_eq!(export(None), original);
    let r = run_on(&t, &t.db, None, &["decrypt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("chưa mã hóa"), "{}", r.stderr);
}

#[test]
fn a_database_open_elsewhere_is_not_converted() {
    skip_on_postgres!("encryption is of SQLite files");
    let t = Theodoi::son_tay();
    let key = good_key(&t);
    let holder = rusqlite::Connection::open(&t.db).unwrap();
    let n: i64 = holder
        .query_row("SELECT count(*) FROM unit", [], |row| row.get(0))
        .unwrap();
    assert!(n > 0);
    let before = std::fs::read(&t.db).unwrap();
    let r = run_on(&t, &t.db, Some(&key), &["encrypt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr.contains("đang được một chương trình khác mở"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&t.db).unwrap(), before);
    assert!(
        !files_in(t.dir.path())
            .iter()
            .any(|f| f.contains("converting"))
    );
    drop(holder);
    ok_on(&t, &t.db, Some(&key), &["encrypt"]);
}

#[test]
fn a_key_file_for_a_plain_database_is_not_used_and_said() {
    skip_on_postgres!("encryption is of SQLite files");
    let t = Theodoi::son_tay();
    let key = good_key(&t);
    let r = run_on(&t, &t.db, Some(&key), &["unit", "list", "--format", "json"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.contains("không được mã hóa"), "{}", r.stderr);
    assert!(
        std::fs::read(&t.db)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    // `init --encrypt` does not take a plain database for an encrypted one.
    let r = run_on(&t, &t.db, Some(&key), &["init", "--encrypt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr
            .contains(&format!("`theodoi --db {} encrypt`", t.db.display())),
        "{}",
        r.stderr
    );
}

#[test]
fn a_new_key_is_long_enough_and_init_needs_one() {
    skip_on_postgres!("encryption is of SQLite files");
    let t = Theodoi::bare();
    let short = key_file(&t, "ngan", b"abc\n", 0o600);
    let r = run_on(&t, &t.db, Some(&short), &["init", "--encrypt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("quá ngắn"), "{}", r.stderr);
    assert!(!t.db.exists());
    // No key file and no terminal to type one on.
    let r = run_on(&t, &t.db, None, &["init", "--encrypt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("THEODOI_KEY_FILE"), "{}", r.stderr);
    assert!(!t.db.exists());
    // A raw key of 64 hex digits.
    let raw = key_file(&t, "raw", "0123456789abcdef".repeat(4).as_bytes(), 0o600);
    ok_on(&t, &t.db, Some(&raw), &["init", "--encrypt"]);
    ok_on(
        &t,
        &t.db,
        Some(&raw),
        &[
            "directive",
            "add",
            "188-KH/TU",
            "--issuer",
            "Ban Thường vụ Thành ủy Hà Nội",
            "--date",
            "06/11/2023",
            "--title",
            "Luân chuyển cán bộ",
        ],
    );
    let r = run_on(&t, &t.db, Some(&good_key(&t)), &["directive", "list"]);
    assert_eq!(r.code, 2, "{r:?}");
}

#[test]
fn the_demo_builds_an_encrypted_database() {
    skip_on_postgres!("encryption is of SQLite files");
    let t = Theodoi::bare();
    let key = good_key(&t);
    let db = t.dir.path().join("demo.db");
    let out = ok_on(&t, &db, Some(&key), &["demo", "--encrypt"]);
    assert!(out.contains("quá hạn tính đến ngày 07/12/2023: 4"), "{out}");
    assert!(
        !std::fs::read(&db)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
    let overdue = ok_on(
        &t,
        &db,
        Some(&key),
        &["overdue", "--as-of", "07/12/2023", "--format", "json"],
    );
    assert!(overdue.contains("kiem-diem-2023"), "{overdue}");
    // Built again over the old demo, which it opens with the key.
    ok_on(&t, &db, Some(&key), &["demo", "--encrypt"]);
    let r = run_on(&t, &db, None, &["demo"]);
    assert_eq!(r.code, 2, "{r:?}");
}

#[test]
fn a_report_is_never_written_over_an_encrypted_database() {
    skip_on_postgres!("encryption is of SQLite files");
    let (t, key) = son_tay_encrypted();
    let before = std::fs::read(&t.db).unwrap();
    let db = t.db.to_str().unwrap();
    for format in ["csv", "xlsx"] {
        let r = run_on(
            &t,
            &t.db,
            Some(&key),
            &[
                "overdue",
                "--as-of",
                "07/12/2023",
                "--format",
                format,
                "--output",
                db,
                "--force",
            ],
        );
        assert_eq!(r.code, 2, "{r:?}");
        assert_eq!(std::fs::read(&t.db).unwrap(), before);
    }
    // Its backup neither.
    let backup = t.dir.path().join("b.db");
    ok_on(&t, &t.db, Some(&key), &["backup", backup.to_str().unwrap()]);
    let copy = std::fs::read(&backup).unwrap();
    let r = run_on(
        &t,
        &t.db,
        Some(&key),
        &["overdue", "--output", backup.to_str().unwrap(), "--force"],
    );
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(std::fs::read(&backup).unwrap(), copy);
}

/// The README's lines on an encrypted database, run as written in one shell.
#[cfg(unix)]
#[test]
fn the_readme_lines_run_as_written() {
    skip_on_postgres!("encryption is of SQLite files");
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let start = readme
        .find("## Mã hóa cơ sở dữ liệu")
        .expect("the section in README");
    let block = readme[start..].split("```sh").nth(1).unwrap();
    let block = block.split("```").next().unwrap();
    let t = Theodoi::bare();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_theodoi")).parent().unwrap();
    let mut bash = std::process::Command::new("bash");
    t.clean_env(&mut bash);
    bash.arg("-ec").arg(block).current_dir(t.dir.path()).env(
        "PATH",
        format!(
            "{}:{}",
            bin_dir.display(),
            std::env::var("PATH").unwrap_or_default()
        ),
    );
    let r = run(bash);
    assert_eq!(r.code, 0, "{r:?}");
    let key = t.dir.path().join(".theodoi-key");
    let text = std::fs::read_to_string(&key).unwrap();
    assert_eq!(text.len(), 64, "{text:?}");
    assert!(text.bytes().all(|b| b.is_ascii_hexdigit()), "{text:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    for file in ["mat.db", "mat-sao-luu.db"] {
        let bytes = std::fs::read(t.dir.path().join(file)).unwrap();
        assert!(!bytes.starts_with(b"SQLite format 3\0"), "{file}");
        assert_eq!(found_in(&bytes), Vec::<String>::new(), "{file}");
    }
    let listed = ok_on(
        &t,
        &t.dir.path().join("mat-sao-luu.db"),
        Some(&key),
        &["directive", "list", "--format", "json"],
    );
    assert!(listed.contains("188-KH/TU"), "{listed}");
}

/// A key "file" that is a pipe (or a device) is refused before a byte is
/// read: it hung, or read `/dev/zero` until memory ran out.
#[cfg(unix)]
#[test]
fn a_key_file_that_is_a_pipe_is_refused_at_once() {
    skip_on_postgres!("encryption is of SQLite files");
    let (t, _) = son_tay_encrypted();
    let fifo = t.dir.path().join("khoa-ong");
    let made = std::process::Command::new("mkfifo")
        .args(["-m", "600"])
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let before = std::fs::read(&t.db).unwrap();
    let mut cmd = t.command_without_db(&[]);
    cmd.arg("--db").arg(&t.db).args(["directive", "list"]);
    cmd.env("THEODOI_KEY_FILE", &fifo)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed().as_secs() > 20 {
            let _ = child.kill();
            panic!("a pipe as key file kept it waiting");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("không phải tệp thường"), "{stderr}");
    assert_eq!(std::fs::read(&t.db).unwrap(), before);
}

/// `encrypt` through a link would put the encrypted file in place of the
/// link and leave the real file behind: refused, nothing changed.
#[cfg(unix)]
#[test]
fn a_database_reached_through_a_link_is_not_converted() {
    skip_on_postgres!("encryption is of SQLite files");
    let t = Theodoi::son_tay_reported();
    let key = good_key(&t);
    let link = t.dir.path().join("lien-ket.db");
    std::os::unix::fs::symlink(&t.db, &link).unwrap();
    let before = std::fs::read(&t.db).unwrap();
    let r = run_on(&t, &link, Some(&key), &["encrypt"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("liên kết"), "{}", r.stderr);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read(&t.db).unwrap(), before);
    // Through its own path it is converted.
    ok_on(&t, &t.db, Some(&key), &["encrypt"]);
}

/// `demo` on an encrypted demo database does not put a plain one in its
/// place; with `--encrypt` it builds it again, encrypted.
#[test]
fn a_plain_demo_never_replaces_an_encrypted_one() {
    skip_on_postgres!("encryption is of SQLite files");
    let t = Theodoi::bare();
    let key = good_key(&t);
    let db = t.dir.path().join("demo.db");
    ok_on(&t, &db, Some(&key), &["demo", "--encrypt"]);
    let before = std::fs::read(&db).unwrap();
    let r = run_on(&t, &db, Some(&key), &["demo"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("demo --encrypt"), "{}", r.stderr);
    assert_eq!(std::fs::read(&db).unwrap(), before);
    ok_on(&t, &db, Some(&key), &["demo", "--encrypt"]);
    assert!(
        !std::fs::read(&db)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
}

/// `key new` makes a random key of 64 hex digits in a new file only its
/// owner reads, which opens an encrypted database; an existing file is
/// never replaced.
#[test]
fn key_new_makes_a_key_that_opens_a_database_and_replaces_nothing() {
    skip_on_postgres!("encryption is of SQLite files");
    let t = Theodoi::bare();
    let key = t.dir.path().join("khoa");
    let said = ok_on(&t, &t.db, None, &["key", "new", key.to_str().unwrap()]);
    assert!(said.contains("Đã tạo tệp khóa"), "{said}");
    let text = std::fs::read_to_string(&key).unwrap();
    assert_eq!(text.len(), 64, "{text:?}");
    assert!(text.bytes().all(|b| b.is_ascii_hexdigit()), "{text:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    ok_on(&t, &t.db, Some(&key), &["init", "--encrypt"]);
    let listed = ok_on(&t, &t.db, Some(&key), &["directive", "list"]);
    assert!(listed.contains("Chưa có văn bản nào."), "{listed}");
    // A second key is another key.
    let other = t.dir.path().join("khoa-2");
    ok_on(&t, &t.db, None, &["key", "new", other.to_str().unwrap()]);
    assert_ne!(std::fs::read_to_string(&other).unwrap(), text);
    // An existing file, perhaps the key in use, stays as it was.
    let r = run_on(&t, &t.db, None, &["key", "new", key.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("đã có"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&key).unwrap(), text);
}

/// OpenSSL reads no configuration file: one named by `OPENSSL_CONF` that
/// holds OpenSSL to a FIPS provider it does not have leaves encrypted and
/// plain databases working as before, with nothing said on stderr.
#[test]
fn an_openssl_configuration_has_no_say() {
    skip_on_postgres!("encryption is of SQLite files");
    let t = Theodoi::bare();
    let key = good_key(&t);
    let conf = t.dir.path().join("openssl.cnf");
    std::fs::write(
        &conf,
        "openssl_conf = openssl_init\n\n[openssl_init]\nalg_section = evp\n\n\
         [evp]\ndefault_properties = \"fips=yes\"\n",
    )
    .unwrap();
    let with_conf = |db: &Path, key: Option<&Path>, args: &[&str]| {
        let mut cmd = t.command_without_db(&[]);
        cmd.arg("--db")
            .arg(db)
            .args(args)
            .env("OPENSSL_CONF", &conf);
        if let Some(key) = key {
            cmd.env("THEODOI_KEY_FILE", key);
        }
        run(cmd)
    };
    let encrypted = t.dir.path().join("mat.db");
    let plain = t.dir.path().join("thuong.db");
    for (db, key, demo) in [
        (&encrypted, Some(key.as_path()), &["demo", "--encrypt"][..]),
        (&plain, None, &["demo"][..]),
    ] {
        let r = with_conf(db, key, demo);
        assert_eq!(r.code, 0, "{r:?}");
        let r = with_conf(db, key, &["overdue", "--count", "--as-of", "13/12/2023"]);
        assert_eq!(
            (r.code, r.stdout.trim(), r.stderr.as_str()),
            (0, "13", ""),
            "{r:?}"
        );
    }
    assert!(
        !std::fs::read(&encrypted)
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
}
