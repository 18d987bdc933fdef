//! The files theodoi makes and the files it is pointed at: new files are the
//! clerk's own (new, private, never through a link, never over a file); a
//! file that is not a theodoi database is refused untouched; reading works
//! where nothing can be written and leaves nothing behind.

use std::path::{Path, PathBuf};

use crate::util::{Theodoi, repo_file, skip_on_postgres};

/// `PRAGMA application_id` of a theodoi database: "TDOI".
const APPLICATION_ID: i64 = 0x5444_4F49;

/// The files SQLite may leave beside a database.
const SIDECARS: [&str; 3] = ["-wal", "-shm", "-journal"];

fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The files beside `db` that SQLite made.
fn sidecars(db: &Path) -> Vec<PathBuf> {
    SIDECARS
        .iter()
        .map(|s| sidecar(db, s))
        .filter(|p| p.symlink_metadata().is_ok())
        .collect()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A file of its own bytes, readable by all (as another program leaves it),
/// and what must stay true of it whatever theodoi is asked to do.
struct Untouched {
    path: PathBuf,
    bytes: Vec<u8>,
}

impl Untouched {
    fn new(path: PathBuf) -> Untouched {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        let bytes = std::fs::read(&path).unwrap();
        Untouched { path, bytes }
    }

    fn check(&self, after: &str) {
        assert_eq!(
            std::fs::read(&self.path).unwrap(),
            self.bytes,
            "{} changed by {after}",
            self.path.display()
        );
        #[cfg(unix)]
        assert_eq!(mode(&self.path), 0o644, "{after}");
        assert!(
            sidecars(&self.path).is_empty(),
            "{after} left {:?}",
            sidecars(&self.path)
        );
    }
}

/// Every kind of command, each of which must refuse a file that is not a
/// theodoi database, said in one line, and write nothing anywhere.
fn refuse_everywhere(t: &Theodoi, file: &Untouched, says: &str) {
    let copy = t.dir.path().join("saoluu.db");
    let json = t.dir.path().join("xuat.json");
    let commands: [&[&str]; 9] = [
        &["overdue", "--count"],
        &["overdue"],
        &["directive", "list"],
        &["rules"],
        &["log"],
        &["backup", s(&copy)],
        &["export", s(&json)],
        &[
            "unit",
            "add",
            "Chi bộ Kho bạc",
            "--kind",
            "chi-bo-co-so",
            "--code",
            "cb-kho-bac",
        ],
        &["init"],
    ];
    for args in commands {
        let err = t.fails(args);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(err.contains(s(&file.path)), "{args:?}: {err}");
        file.check(&format!("{args:?}"));
        assert!(!copy.exists() && !json.exists(), "{args:?}");
    }
    // The demo will not replace it either.
    let err = t.fails(&["demo"]);
    assert!(err.contains(s(&file.path)), "{err}");
    file.check("demo");
}

#[test]
fn another_programs_database_is_refused_untouched() {
    skip_on_postgres!("about the SQLite file itself: its header, links, permissions, sidecars");
    let t = Theodoi::bare();
    {
        let conn = rusqlite::Connection::open(&t.db).unwrap();
        conn.execute_batch("CREATE TABLE x (a); INSERT INTO x VALUES (1);")
            .unwrap();
    }
    let file = Untouched::new(t.db.clone());
    refuse_everywhere(&t, &file, "không phải của theodoi");
    // The same in English, and for a database in WAL mode with other
    // tables of the same names as ours.
    let other = Theodoi::bare();
    {
        let conn = rusqlite::Connection::open(&other.db).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.pragma_update(None, "application_id", 42).unwrap();
        conn.execute_batch("CREATE TABLE directive (a); CREATE TABLE unit (b);")
            .unwrap();
    }
    let file = Untouched::new(other.db.clone());
    let err = other.fails(&["overdue", "--count", "--lang", "en"]);
    assert!(err.contains("not theodoi's"), "{err}");
    file.check("overdue --count");
    refuse_everywhere(&other, &file, "không phải của theodoi");
}

#[test]
fn an_empty_file_is_refused_and_init_asks_first() {
    skip_on_postgres!("about the SQLite file itself: its header, links, permissions, sidecars");
    let t = Theodoi::bare();
    std::fs::write(&t.db, b"").unwrap();
    let file = Untouched::new(t.db.clone());
    for args in [
        &["overdue", "--count"][..],
        &["task", "list"],
        &[
            "directive",
            "add",
            "Kế hoạch số 223",
            "--issuer",
            "Thị ủy",
            "--date",
            "23/11/2023",
            "--title",
            "x",
        ],
    ] {
        let err = t.fails(args);
        assert!(err.contains("trống"), "{args:?}: {err}");
        file.check(&format!("{args:?}"));
    }
    // With no terminal to ask on, init needs --force.
    let err = t.fails(&["init"]);
    assert!(err.contains("--force"), "{err}");
    file.check("init");
    let out = t.ok(&["init", "--force"]);
    assert!(out.contains(s(&t.db)), "{out}");
    assert_eq!(t.ok(&["overdue", "--count"]).trim(), "0");
    // init --force makes nothing of a file that has something in it.
    let again = t.ok(&["init", "--force"]);
    assert!(again.contains("đã có"), "{again}");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    skip_on_postgres!("about the SQLite file itself: its header, links, permissions, sidecars");
    let t = Theodoi::bare();
    std::fs::write(&t.db, "code,name,kind,parent\nson-tay,Thị ủy Sơn Tây,,\n").unwrap();
    let file = Untouched::new(t.db.clone());
    refuse_everywhere(&t, &file, "không phải cơ sở dữ liệu");
    let err = t.fails(&["init", "--force"]);
    assert!(err.contains("không phải cơ sở dữ liệu"), "{err}");
    file.check("init --force");
}

#[test]
fn an_older_theodoi_file_is_recognised_and_upgraded() {
    skip_on_postgres!("about the SQLite file itself: its header, links, permissions, sidecars");
    let t = Theodoi::bare();
    std::fs::copy(repo_file("tests/fixtures/v1-son-tay.db"), &t.db).unwrap();
    let late: Vec<crate::util::OverdueRow> = t.json(&["overdue", "--as-of", "13/12/2023"]);
    assert!(!late.is_empty());
    let conn = rusqlite::Connection::open(&t.db).unwrap();
    let id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID);
    drop(conn);
    // A new file says it is ours from the start.
    let new = Theodoi::new();
    let conn = rusqlite::Connection::open(&new.db).unwrap();
    let id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID);
}

/// An older file with a row that refers to one not there (edited by hand)
/// cannot be upgraded: one line in the clerk's words, what the row is and
/// what it names, what to do, and the raw detail last; the file untouched.
#[test]
fn an_upgrade_stopped_by_a_broken_reference_says_it_in_words() {
    skip_on_postgres!("an SQLite file edited by hand");
    let t = Theodoi::bare();
    std::fs::copy(repo_file("tests/fixtures/v1-son-tay.db"), &t.db).unwrap();
    rusqlite::Connection::open(&t.db)
        .unwrap()
        .execute_batch(
            "PRAGMA foreign_keys = OFF; \
             UPDATE obligation SET unit_id = 9999 WHERE id = (SELECT min(id) FROM obligation);",
        )
        .unwrap();
    let before = std::fs::read(&t.db).unwrap();
    for args in [
        &["overdue", "--as-of", "13/12/2023"][..],
        &[
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-kho-bac",
            "--on",
            "05/12/2023",
        ],
    ] {
        let err = t.fails(args);
        assert!(
            err.starts_with(
                "theodoi: không nâng cấp được cơ sở dữ liệu lên phiên bản 2: có kết quả thực hiện \
                 nhiệm vụ của tổ chức đảng trỏ tới tổ chức đảng #9999 không có trong tệp"
            ) && err.contains("tệp vẫn ở phiên bản 1, cần khôi phục bản sao lưu gần nhất")
                && err.trim_end().ends_with("Chi tiết: obligation #1 → unit")
                && !err.contains("foreign key"),
            "{args:?}: {err}"
        );
        assert_eq!(std::fs::read(&t.db).unwrap(), before, "{args:?}");
    }
    let err = t.fails(&["--lang", "en", "overdue"]);
    assert!(
        err.contains(
            "a result of a task for a unit refers to unit #9999, which is not in the file"
        ) && err.contains("restore the latest backup"),
        "{err}"
    );
}

/// A database whose `-wal` came with it but not its `-shm`, in a folder that
/// cannot be written: the reports say what is missing and how to read it (a
/// copy of both files in a folder that can be written); an empty `-wal`
/// holds nothing and the file is read alone.
#[cfg(unix)]
#[test]
fn a_wal_without_its_shm_in_a_read_only_folder_says_what_to_copy() {
    skip_on_postgres!("about the SQLite file itself: its header, links, permissions, sidecars");
    let t = Theodoi::son_tay();
    let folder = t.dir.path().join("chi-doc");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("theodoi.db");
    {
        // A change still in the `-wal` while the two files are copied.
        let conn = rusqlite::Connection::open(&t.db).unwrap();
        conn.execute_batch(
            "PRAGMA wal_autocheckpoint = 0; \
             UPDATE unit SET name = 'Chi bộ Kho bạc Nhà nước thị xã' WHERE code = 'cb-kho-bac';",
        )
        .unwrap();
        std::fs::copy(&t.db, &db).unwrap();
        std::fs::copy(sidecar(&t.db, "-wal"), sidecar(&db, "-wal")).unwrap();
    }
    assert!(std::fs::metadata(sidecar(&db, "-wal")).unwrap().len() > 0);
    let copy = Theodoi {
        db: db.clone(),
        ..t
    };
    {
        let Some(_guard) = ReadOnly::new(&folder) else {
            return;
        };
        // A change there too: not "the reports can still be read", which
        // they cannot.
        let done = [
            "done",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "cb-kho-bac",
            "--on",
            "05/12/2023",
        ];
        for args in [&["overdue", "--count"][..], &["unit", "list"], &done] {
            let err = copy.fails(args);
            assert!(
                !err.contains("vẫn xem được") && err.contains("có tệp theodoi.db-wal")
                    && err.contains("thiếu tệp theodoi.db-shm")
                    && err.contains(s(&db))
                    && err.contains("thư mục chứa nó chỉ đọc")
                    && err.contains("cần chép cả theodoi.db lẫn theodoi.db-wal sang thư mục ghi được rồi chỉ --db tới bản chép"),
                "{err}"
            );
        }
        let err = copy.fails(&["--lang", "en", "overdue"]);
        assert!(
            err.contains("has no theodoi.db-shm") && err.contains("point --db at the copy"),
            "{err}"
        );
        assert_eq!(sidecars(&db), vec![sidecar(&db, "-wal")]);
    }
    // As the line says: both files copied to a folder that can be written.
    let moved = copy.dir.path().join("ban-chep");
    std::fs::create_dir(&moved).unwrap();
    let target = moved.join("theodoi.db");
    std::fs::copy(&db, &target).unwrap();
    std::fs::copy(sidecar(&db, "-wal"), sidecar(&target, "-wal")).unwrap();
    let there = Theodoi { db: target, ..copy };
    assert!(
        there
            .ok(&["unit", "list"])
            .contains("Chi bộ Kho bạc Nhà nước thị xã")
    );
    // An empty `-wal` holds nothing: the file is read alone.
    std::fs::write(sidecar(&db, "-wal"), b"").unwrap();
    let copy = Theodoi {
        db: db.clone(),
        ..there
    };
    let Some(_guard) = ReadOnly::new(&folder) else {
        return;
    };
    copy.ok(&["overdue", "--count"]);
}

/// `export` into a folder that cannot be written says so in its own words,
/// not a backup's; nothing is made there.
#[cfg(unix)]
#[test]
fn an_export_that_cannot_be_written_says_export() {
    skip_on_postgres!("about the files theodoi makes beside a SQLite file");
    let t = Theodoi::son_tay();
    let folder = t.dir.path().join("chi-doc");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join("xuat.json");
    let Some(_guard) = ReadOnly::new(&folder) else {
        return;
    };
    let err = t.fails(&["export", s(&file)]);
    assert!(
        err.starts_with(&format!(
            "theodoi: không xuất được dữ liệu ra {}: ",
            s(&file)
        )) && !err.contains("sao lưu"),
        "{err}"
    );
    let err = t.fails(&["--lang", "en", "export", s(&file)]);
    assert!(
        err.contains("could not export to") && !err.contains("back up"),
        "{err}"
    );
    assert!(!file.exists());
}

/// A link to a file that does not exist is a file that exists: backup,
/// export and init refuse it, and nothing is made where it points.
#[cfg(unix)]
#[test]
fn a_dangling_link_is_never_followed() {
    skip_on_postgres!("about the SQLite file itself: its header, links, permissions, sidecars");
    let t = Theodoi::new();
    let elsewhere = t.dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let target = elsewhere.join("x.db");
    let link = t.dir.path().join("dang.db");
    std::os::unix::fs::symlink(&target, &link).unwrap();

    let init = |args: &[&str]| {
        let mut line = vec!["--db", s(&link)];
        line.extend(args);
        let run = crate::util::run(t.command_without_db(&line));
        assert_eq!(run.code, 2, "{run:?}");
        assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
        run.stderr
    };
    for args in [
        &["backup", s(&link)][..],
        &["export", s(&link)],
        &["init"],
        &["init", "--force"],
    ] {
        let err = if args[0] == "init" {
            init(args)
        } else {
            t.fails(args)
        };
        assert!(err.contains(s(&link)), "{args:?}: {err}");
        assert!(!target.exists(), "{args:?} made {}", target.display());
        assert!(
            link.symlink_metadata().unwrap().file_type().is_symlink(),
            "{args:?} removed the link"
        );
    }
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);

    // A link to an existing file is an existing file too.
    std::fs::write(&target, b"keep").unwrap();
    for args in [&["backup", s(&link)][..], &["export", s(&link)]] {
        let err = t.fails(args);
        assert!(err.contains("đã có"), "{args:?}: {err}");
        assert_eq!(std::fs::read(&target).unwrap(), b"keep");
    }

    // What theodoi makes is the clerk's alone.
    let copy = t.dir.path().join("a/b/saoluu.db");
    let json = t.dir.path().join("xuat.json");
    t.ok(&["backup", s(&copy)]);
    t.ok(&["export", s(&json)]);
    assert_eq!(
        (mode(&copy), mode(&json), mode(&t.db)),
        (0o600, 0o600, 0o600)
    );
}

/// Makes a file or folder unwritable while it lives: `chattr +i` (which binds
/// root too), else `chmod a-w` where that binds the user running the tests.
struct ReadOnly {
    path: PathBuf,
    chattr: bool,
    permissions: std::fs::Permissions,
}

impl ReadOnly {
    fn new(path: &Path) -> Option<ReadOnly> {
        let permissions = std::fs::metadata(path).unwrap().permissions();
        let chattr = std::process::Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        let guard = ReadOnly {
            path: path.to_path_buf(),
            chattr,
            permissions: permissions.clone(),
        };
        if !chattr {
            let mut readonly = permissions;
            readonly.set_readonly(true);
            std::fs::set_permissions(path, readonly).unwrap();
        }
        if guard.writable() {
            eprintln!(
                "note: cannot make {} read-only here (no chattr, and permissions do not bind this user); read-only case not tested",
                path.display()
            );
            return None;
        }
        Some(guard)
    }

    fn writable(&self) -> bool {
        if self.path.is_dir() {
            let probe = self.path.join(".probe");
            let made = std::fs::File::create(&probe).is_ok();
            let _ = std::fs::remove_file(&probe);
            made
        } else {
            std::fs::OpenOptions::new()
                .write(true)
                .open(&self.path)
                .is_ok()
        }
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.chattr {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.path)
                .status();
        } else {
            let _ = std::fs::set_permissions(&self.path, self.permissions.clone());
        }
    }
}

/// Every report and list, which must work on the database as it is.
fn read_everything(t: &Theodoi, backup_to: &Path) {
    let late: Vec<crate::util::OverdueRow> = t.json(&["overdue", "--as-of", "13/12/2023"]);
    assert_eq!(late.len(), 13);
    assert_eq!(
        t.ok(&["overdue", "--count", "--as-of", "13/12/2023"])
            .trim(),
        "13"
    );
    for args in [
        &["upcoming", "--as-of", "01/12/2023"][..],
        &["progress", "--as-of", "13/12/2023"],
        &["agenda", "son-tay", "--as-of", "01/12/2023"],
        &["ratings", "--as-of", "31/12/2023"],
        &["log"],
        &["directive", "list"],
        &["directive", "show", "Kế hoạch số 223"],
        &["unit", "list"],
        &["task", "list"],
        &["person", "list"],
        &["rules"],
        &["export", "-"],
    ] {
        t.ok(args);
    }
    t.ok(&["backup", s(backup_to)]);
    let copy = crate::util::run({
        let mut c = t.command_without_db(&[
            "--db",
            s(backup_to),
            "overdue",
            "--as-of",
            "13/12/2023",
            "--format",
            "json",
        ]);
        c.stdout(std::process::Stdio::piped());
        c
    })
    .stdout;
    let copy: Vec<crate::util::OverdueRow> = serde_json::from_str(&copy).unwrap();
    assert_eq!(copy, late);
}

/// A write that cannot be done says why, in one line, and leaves nothing.
fn refuse_to_write(t: &Theodoi) -> String {
    t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Thanh Mỹ",
        "--on",
        "10/12/2023",
    ])
}

#[test]
fn reports_work_on_a_read_only_file_and_leave_nothing_behind() {
    skip_on_postgres!("about the SQLite file itself: its header, links, permissions, sidecars");
    let t = Theodoi::son_tay_reported();
    assert!(sidecars(&t.db).is_empty(), "{:?}", sidecars(&t.db));
    // Reading a writable file leaves nothing either.
    t.ok(&["overdue"]);
    assert!(sidecars(&t.db).is_empty(), "{:?}", sidecars(&t.db));
    let before = std::fs::read(&t.db).unwrap();
    {
        let Some(_guard) = ReadOnly::new(&t.db) else {
            return;
        };
        read_everything(&t, &t.dir.path().join("saoluu.db"));
        assert!(sidecars(&t.db).is_empty(), "{:?}", sidecars(&t.db));
        let err = refuse_to_write(&t);
        assert!(err.contains("chỉ đọc"), "{err}");
        assert!(sidecars(&t.db).is_empty(), "{:?}", sidecars(&t.db));
        let err = t.fails(&["rules", "set", "htxsnv-quota-pct", "25", "--lang", "en"]);
        assert!(err.contains("read-only"), "{err}");
    }
    assert_eq!(std::fs::read(&t.db).unwrap(), before);
    // Once writable again, writes work.
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "Thanh Mỹ",
        "--on",
        "10/12/2023",
    ]);
}

#[test]
fn reports_work_in_a_read_only_folder() {
    skip_on_postgres!("about the SQLite file itself: its header, links, permissions, sidecars");
    let t = Theodoi::son_tay_reported();
    let folder = t.dir.path().join("chi-doc");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("theodoi.db");
    std::fs::rename(&t.db, &db).unwrap();
    let t = Theodoi { db, ..t };
    {
        let Some(_guard) = ReadOnly::new(&folder) else {
            return;
        };
        read_everything(&t, &t.dir.path().join("saoluu.db"));
        assert!(sidecars(&t.db).is_empty(), "{:?}", sidecars(&t.db));
        let err = refuse_to_write(&t);
        assert!(err.contains("chỉ đọc") && err.contains(s(&folder)), "{err}");
        // init on it says it is there, and changes nothing.
        assert!(t.ok(&["init"]).contains("đã có"));
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    }
}

/// An older file that cannot be written (a copy on a CD made by an earlier
/// theodoi) is read from a copy in memory brought to this version: reports
/// work, the file is left as it was, a change is refused as on any
/// read-only file.
#[test]
fn an_older_file_that_cannot_be_written_is_read_from_an_upgraded_copy() {
    skip_on_postgres!("about the SQLite file itself: its header, links, permissions, sidecars");
    for in_folder in [false, true] {
        let t = Theodoi::bare();
        let folder = t.dir.path().join("dia");
        std::fs::create_dir(&folder).unwrap();
        let t = Theodoi {
            db: folder.join("theodoi.db"),
            ..t
        };
        std::fs::copy(repo_file("tests/fixtures/v1-son-tay.db"), &t.db).unwrap();
        let before = std::fs::read(&t.db).unwrap();
        {
            let locked = if in_folder { &folder } else { &t.db };
            let Some(_guard) = ReadOnly::new(locked) else {
                return;
            };
            let rows: Vec<serde_json::Value> = t.json(&["overdue", "--as-of", "13/12/2023"]);
            assert_eq!(rows.len(), 13);
            assert_eq!(
                t.ok(&["overdue", "--as-of", "13/12/2023", "--count"])
                    .trim(),
                "13"
            );
            let err = refuse_to_write(&t);
            assert!(err.contains("chỉ đọc") && err.contains("chép tệp"), "{err}");
            // `init` names the file's own version, not the copy's.
            let said = t.ok(&["init"]);
            assert!(
                said.contains("phiên bản 1,") && said.contains("chỉ đọc"),
                "{said}"
            );
            assert!(sidecars(&t.db).is_empty(), "{:?}", sidecars(&t.db));
            assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
        }
        assert_eq!(
            std::fs::read(&t.db).unwrap(),
            before,
            "in folder: {in_folder}"
        );
    }
}

/// An index made by hand under the name a schema step gives its own holds
/// no data: the step puts its own in its place, and the file opens.
#[test]
fn an_index_made_by_hand_under_a_schema_name_gives_way() {
    skip_on_postgres!("a version 1 SQLite file");
    let t = Theodoi::bare();
    std::fs::copy(repo_file("tests/fixtures/v1-son-tay.db"), &t.db).unwrap();
    rusqlite::Connection::open(&t.db)
        .unwrap()
        .execute_batch("CREATE INDEX obligation_late ON unit (name)")
        .unwrap();
    assert_eq!(
        t.ok(&["overdue", "--as-of", "13/12/2023", "--count"])
            .trim(),
        "13"
    );
    let sql: String = rusqlite::Connection::open(&t.db)
        .unwrap()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'obligation_late'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert!(sql.contains("ON obligation"), "{sql}");
}

/// `:memory:` and `file:…` are a clerk's file names like any other: `init`
/// makes that file where the command runs, and the next command finds what
/// it holds (SQLite would read them as no file at all, or as a URI).
#[cfg(unix)]
#[test]
fn names_sqlite_reads_otherwise_are_files() {
    let t = Theodoi::new();
    for name in [":memory:", "file:x.db", "file:x.db?mode=memory"] {
        let run = |args: &[&str]| {
            let mut all = vec!["--db", name];
            all.extend_from_slice(args);
            let mut cmd = t.command_without_db(&all);
            cmd.current_dir(t.dir.path());
            crate::util::run(cmd)
        };
        let made = run(&["init"]);
        assert_eq!(made.code, 0, "{name}: {made:?}");
        let file = t.dir.path().join(name);
        let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        assert!(size > 0, "{name}: {size} bytes");
        let added = run(&[
            "directive",
            "add",
            "1-KH/TU",
            "--issuer",
            "Ban Thường vụ Tỉnh ủy",
            "--date",
            "15/01/2024",
            "--title",
            "Kế hoạch một",
        ]);
        assert_eq!(added.code, 0, "{name}: {added:?}");
        let listed = run(&["directive", "list", "--format", "csv"]);
        assert_eq!(listed.code, 0, "{name}: {listed:?}");
        assert!(
            listed.stdout.contains("1-KH/TU"),
            "{name}: {}",
            listed.stdout
        );
    }
}
