//! Bad input: exit status 2, one line naming the input, nothing written.

use crate::util::Theodoi;

#[test]
fn impossible_dates() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let err = t.fails(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-ubkt",
        "--on",
        "31/02/2023",
    ]);
    assert!(err.contains("ngày 31/02/2023 không có thật"), "{err}");
    let err = t.fails(&["overdue", "--as-of", "2023-13-01"]);
    assert!(
        err.contains("ngày 2023-13-01 không có thật: tháng chỉ từ 1 đến 12"),
        "{err}"
    );
    let err = t.fails(&["overdue", "--as-of", "hôm qua"]);
    assert!(
        err.contains("'hôm qua'") && err.contains("dd/mm/yyyy"),
        "{err}"
    );
    let err = t.fails(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--title",
        "x",
        "--due",
        "chi-bo-co-so=30/02/2024",
    ]);
    assert!(err.contains("ngày 30/02/2024 không có thật"), "{err}");
    assert_eq!(t.snapshot(), before);
}

#[test]
fn unknown_kinds() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let err = t.fails(&[
        "unit",
        "add",
        "Chi bộ mới",
        "--kind",
        "chi-bo",
        "--parent",
        "son-tay",
    ]);
    assert!(
        err.contains("'chi-bo'") && err.contains("chi-bo-co-so"),
        "{err}"
    );
    let err = t.fails(&[
        "task",
        "add",
        "--directive",
        "188-KH/TU",
        "--title",
        "x",
        "--due",
        "to-dan-pho=06/12/2023",
    ]);
    assert!(err.contains("'to-dan-pho'"), "{err}");
    assert_eq!(t.snapshot(), before);
}

#[test]
fn a_unit_file_with_bad_rows_writes_nothing() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let file = t.dir.path().join("donvi.csv");
    std::fs::write(
        &file,
        "code,name,kind,parent\n\
         p-moi,Đảng bộ phường Mới,dang-bo-co-so,son-tay\n\
         cb-moi,Chi bộ tổ dân phố 9,chi-bo-truc-thuoc,p-moi\n\
         cb-sai,Chi bộ sai,chi-bo-xyz,p-moi\n\
         p-ngo-quyen,Trùng mã,dang-bo-co-so,son-tay\n\
         cb-mo-coi,Chi bộ mồ côi,chi-bo-truc-thuoc,khong-co\n\
         cb-con,Chi bộ dưới chi bộ,chi-bo-truc-thuoc,cb-moi\n",
    )
    .unwrap();
    let err = t.fails(&["unit", "import", file.to_str().unwrap()]);
    for want in [
        "dòng 4",
        "'chi-bo-xyz'",
        "dòng 5",
        "p-ngo-quyen",
        "dòng 6",
        "'khong-co'",
        // A parent from the same file, of a kind that cannot have units under it.
        "dòng 7: chi bộ trực thuộc chỉ được đặt dưới",
        "4 dòng lỗi",
    ] {
        assert!(err.contains(want), "{want} missing in {err}");
    }
    // One line of at most 300 characters: each reason gets a fair share of it.
    assert!(err.trim_end().chars().count() <= 300, "{err}");
    assert!(!err.contains("dòng 2") && !err.contains("dòng 3:"), "{err}");
    assert_eq!(t.snapshot(), before);
}

#[test]
fn tree_rules_are_checked() {
    let t = Theodoi::son_tay();
    let before = t.snapshot();
    let err = t.fails(&[
        "unit",
        "add",
        "Chi bộ lạc",
        "--kind",
        "chi-bo-truc-thuoc",
        "--parent",
        "son-tay",
    ]);
    assert!(
        err.contains("Đảng bộ thị xã Sơn Tây") && err.contains("đảng bộ cơ sở"),
        "{err}"
    );
    let err = t.fails(&[
        "unit",
        "add",
        "Chi bộ lạc",
        "--kind",
        "chi-bo-truc-thuoc",
        "--parent",
        "cb-ubkt",
    ]);
    assert!(
        err.contains("Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy"),
        "{err}"
    );
    let err = t.fails(&[
        "unit",
        "add",
        "Đảng bộ không cấp trên",
        "--kind",
        "dang-bo-co-so",
    ]);
    assert!(err.contains("--parent"), "{err}");
    let cyc = t.dir.path().join("vong.csv");
    std::fs::write(
        &cyc,
        "code,name,kind,parent\na,Đảng bộ bộ phận A,dang-bo-bo-phan,b\nb,Đảng bộ bộ phận B,dang-bo-bo-phan,a\n",
    )
    .unwrap();
    let err = t.fails(&["unit", "import", cyc.to_str().unwrap()]);
    assert!(err.contains("dòng 2") && err.contains("dòng 3"), "{err}");
    assert_eq!(t.snapshot(), before);
}

#[test]
fn missing_database_says_how_to_create_it() {
    let t = Theodoi::bare();
    let err = t.fails(&["overdue"]);
    assert!(err.contains(&format!("`{}`", t.typed("init"))), "{err}");
    assert!(!t.db.exists());
}

#[test]
fn newer_database_is_refused_untouched() {
    crate::util::skip_on_postgres!(
        "writes the SQLite file's version; tests/cli/postgres.rs has the server's"
    );
    let t = Theodoi::new();
    {
        let conn = rusqlite::Connection::open(&t.db).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&t.db).unwrap();
    let err = t.fails(&["overdue"]);
    assert!(err.contains("999"), "{err}");
    assert_eq!(std::fs::read(&t.db).unwrap(), before);
}

#[test]
fn init_creates_a_private_file_and_is_idempotent() {
    let t = Theodoi::bare();
    let nested = t.dir.path().join("a/b/c.db");
    let run = crate::util::run({
        let mut c = t.command_without_db(&["init"]);
        c.env("THEODOI_DB", &nested);
        c
    });
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Đã tạo"), "{run:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&nested).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = crate::util::run({
        let mut c = t.command_without_db(&["init"]);
        c.env("THEODOI_DB", &nested);
        c
    });
    assert!(again.stdout.contains("đã có"), "{again:?}");
}

#[test]
fn default_location_is_the_user_data_directory() {
    let t = Theodoi::bare();
    let run = crate::util::run(t.command_without_db(&["init"]));
    assert_eq!(run.code, 0, "{run:?}");
    #[cfg(target_os = "linux")]
    assert!(t.dir.path().join("data/theodoi/theodoi.db").exists());
}

/// A file that says it is at an older version than its tables are: the
/// upgrade fails in one short line, without the step's SQL, and writes nothing.
#[test]
fn a_file_at_a_wrong_version_fails_in_one_short_line() {
    crate::util::skip_on_postgres!("writes the SQLite file's version itself");
    let t = Theodoi::son_tay();
    let mut bytes = std::fs::read(&t.db).unwrap();
    // `PRAGMA user_version` is the big-endian number at offset 60 of the header.
    bytes[60..64].copy_from_slice(&3u32.to_be_bytes());
    std::fs::write(&t.db, &bytes).unwrap();
    let err = t.fails(&["overdue", "--count"]);
    assert!(err.trim_end().chars().count() <= 300, "{err}");
    assert!(!err.contains("CREATE TABLE"), "{err}");
    assert_eq!(std::fs::read(&t.db).unwrap(), bytes);
}

/// The words of the argument parser, the CSV reader and the system reach a
/// clerk in Vietnamese too.
#[test]
fn parser_reader_and_system_errors_are_said_in_vietnamese() {
    let t = Theodoi::son_tay();
    let ragged = t.dir.path().join("le.csv");
    std::fs::write(&ragged, "unit,on\ncb-ubkt,05/12/2023,thừa\n").unwrap();
    // A legacy font (TCVN3): "Đảng" is not text in any code page it is read in.
    let latin1 = t.dir.path().join("tcvn3.csv");
    std::fs::write(
        &latin1,
        b"unit,on\ncb-ubkt,05/12/2023\n\xA7\xB6ng,05/12/2023\n",
    )
    .unwrap();
    let cases: [(&[&str], &str); 6] = [
        (
            &[
                "done",
                "--task",
                "kiem-diem-2023",
                "--unit",
                "cb-ubkt",
                "--person",
                "x",
            ],
            "không dùng",
        ),
        (
            &["upcoming", "--days", "99999999999"],
            "không phải số nguyên",
        ),
        (&["undo", "abc"], "không phải số nguyên"),
        (
            &[
                "done",
                "--task",
                "kiem-diem-2023",
                "--from",
                ragged.to_str().unwrap(),
            ],
            "cột",
        ),
        (
            &[
                "done",
                "--task",
                "kiem-diem-2023",
                "--from",
                latin1.to_str().unwrap(),
            ],
            "UTF-8",
        ),
        (
            &["import", "/khong/co/tep.json"],
            "không có tệp hay thư mục",
        ),
    ];
    for (args, words) in cases {
        let err = t.fails(args);
        assert!(err.contains(words), "{args:?}: {err}");
        for english in [
            "cannot be used",
            "invalid digit",
            "is not in",
            "CSV error",
            "No such file",
        ] {
            assert!(!err.contains(english), "{args:?}: {err}");
        }
    }
}

/// A command a message suggests opens the database the clerk named, by
/// --db or THEODOI_DB, quoted when its path needs it; help and a command
/// that names its own database are left as they are.
#[test]
fn suggested_commands_carry_the_database_named() {
    let t = Theodoi::new();
    let err = t.fails(&["directive", "show", "188-KH/TU"]);
    assert!(
        err.contains(&format!("`{}`", t.typed("directive list"))),
        "{err}"
    );
    let mut cmd = t.command_without_db(&["directive", "show", "188-KH/TU"]);
    cmd.env("THEODOI_DB", &t.db);
    let r = crate::util::run(cmd);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr
            .contains(&format!("`{}`", t.typed("directive list"))),
        "{}",
        r.stderr
    );
    let spaced = t.dir.path().join("ban to chuc.db");
    let mut cmd = t.command_without_db(&["--db", spaced.to_str().unwrap(), "overdue"]);
    cmd.env("THEODOI_LANG", "en");
    let r = crate::util::run(cmd);
    let quoted = if cfg!(windows) {
        format!("\"{}\"", spaced.display())
    } else {
        format!("'{}'", spaced.display())
    };
    assert!(
        r.stderr.contains(&format!("`theodoi --db {quoted} init`")),
        "{}",
        r.stderr
    );
    // A path that starts with `-` is suggested as `--db=…`, which works as
    // typed.
    let mut cmd = t.command_without_db(&["--db=-dash.db", "overdue"]);
    cmd.current_dir(t.dir.path()).env("THEODOI_LANG", "en");
    let r = crate::util::run(cmd);
    assert!(
        r.stderr.contains("`theodoi --db=-dash.db init`"),
        "{}",
        r.stderr
    );
    let err = t.fails(&["unit", "add", "X", "--bogus"]);
    assert!(err.contains("`theodoi unit add --help`"), "{err}");
    // With neither, the database is the default one: the bare command opens it.
    let r = crate::util::run(t.command_without_db(&["overdue"]));
    assert!(r.stderr.contains("`theodoi init`"), "{}", r.stderr);
}

/// Text that means a server but is no address theodoi can use is refused in
/// one line, without its password, and no file is made under that name.
#[test]
fn a_misspelt_server_address_is_refused_not_taken_for_a_file() {
    let t = Theodoi::bare();
    for bad in [
        "postgres:/clerk@127.0.0.1:5432/td",
        "postgress://clerk:LEAK7@127.0.0.1/td",
        "host=127.0.0.1 usr=clerk password=LEAK7",
    ] {
        let mut cmd = t.command_without_db(&["--db", bad, "init"]);
        cmd.current_dir(t.dir.path());
        let r = crate::util::run(cmd);
        assert_eq!(r.code, 2, "{bad}: {r:?}");
        assert!(r.stdout.is_empty(), "{r:?}");
        assert_eq!(r.stderr.lines().count(), 1, "{r:?}");
        assert!(
            r.stderr.contains("không phải địa chỉ cơ sở dữ liệu"),
            "{r:?}"
        );
        assert!(!r.stderr.contains("LEAK7"), "{r:?}");
    }
    let made: Vec<_> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(made.is_empty(), "{made:?}");
}

/// A server that takes the connection and never answers (a wrong port, a
/// hung server) is given up after the connect timeout, in one line.
#[test]
fn a_server_that_never_answers_is_given_up() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let silent = std::thread::spawn(move || {
        let held: Vec<_> = listener.incoming().take(1).collect();
        std::thread::sleep(std::time::Duration::from_secs(8));
        drop(held);
    });
    let t = Theodoi::bare();
    let address = format!("postgres://clerk@127.0.0.1:{port}/td?connect_timeout=1");
    let started = std::time::Instant::now();
    let r = crate::util::run(t.command_without_db(&["--db", &address, "overdue"]));
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("không trả lời sau 1 giây"), "{r:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(6));
    drop(silent);
}

#[test]
fn a_word_left_over_and_a_file_not_json_are_said_in_words() {
    let t = Theodoi::son_tay();
    // A name unquoted: its second word is left over.
    let err = t.fails(&["agenda", "Kim", "Sơn"]);
    assert!(err.contains("thừa tham số 'Sơn'"), "{err}");
    assert!(err.contains("ngoặc kép"), "{err}");
    let err = t.fails(&["overdue", "--fomat", "csv"]);
    assert!(
        err.contains("không có tùy chọn '--fomat' (có phải --format không?)"),
        "{err}"
    );
    // A number out of range says which option it was given to.
    let err = t.fails(&["upcoming", "--within", "100000"]);
    assert!(
        err.starts_with("theodoi: --within <SỐ_NGÀY|ĐƠN_VỊ>: '100000' không phải số nguyên"),
        "{err}"
    );
    let path = t.dir.path().join("x.json");
    std::fs::write(&path, "không phải json").unwrap();
    let fresh = Theodoi::new();
    let err = fresh.fails(&["import", path.to_str().unwrap()]);
    assert!(
        err.contains("không phải JSON hợp lệ: lỗi ở dòng 1, cột 1"),
        "{err}"
    );
    assert!(!err.contains("expected"), "{err}");
}

/// A file the system will not open (here: too many open files) is said in
/// the clerk's words, in one line, in either language.
#[cfg(unix)]
#[test]
fn a_file_the_system_will_not_open_is_said_in_words() {
    if crate::util::sqlite_only("the opening of a file") {
        return;
    }
    let t = Theodoi::son_tay();
    for (lang, words) in [
        ("vi", "hệ thống không cho mở tệp"),
        ("en", "the system would not open the file"),
    ] {
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c")
            .arg(r#"ulimit -n 5; exec "$0" --lang "$1" --db "$2" progress"#)
            .arg(env!("CARGO_BIN_EXE_theodoi"))
            .arg(lang)
            .arg(&t.db);
        t.clean_env(&mut cmd);
        let run = crate::util::run(cmd);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stderr.contains(words), "{run:?}");
        assert!(!run.stderr.contains("Error code"), "{run:?}");
        assert_eq!(run.stderr.trim_end().lines().count(), 1, "{run:?}");
    }
}

/// A date stored badly (a file edited by hand): every report that reads it,
/// and `export`, say one line naming the table, the column, the row, what
/// the row is of and the value, in Vietnamese or English; exit 2, no panic,
/// no file.
#[test]
fn a_bad_stored_date_is_named_in_one_line() {
    crate::util::skip_on_postgres!("edits the SQLite file by hand");
    let t = Theodoi::son_tay();
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-kho-bac",
        "--on",
        "05/12/2023",
    ]);
    for (value, done) in [("2025-13-45", false), ("abc", true)] {
        {
            let conn = rusqlite::Connection::open(&t.db).unwrap();
            let (column, unit) = if done {
                ("completed_on", "cb-kho-bac")
            } else {
                ("due_on", "p-ngo-quyen")
            };
            let n = conn
                .execute(
                    &format!(
                        "UPDATE obligation SET {column} = ?1 WHERE unit_id = \
                         (SELECT id FROM unit WHERE code = ?2)"
                    ),
                    [value, unit],
                )
                .unwrap();
            assert_eq!(n, 1);
            if done {
                // The first one put right: this one alone is wrong.
                conn.execute(
                    "UPDATE obligation SET due_on = '2023-12-12' WHERE unit_id = \
                     (SELECT id FROM unit WHERE code = 'p-ngo-quyen')",
                    [],
                )
                .unwrap();
            }
        }
        let export = t.dir.path().join("xuat.json");
        let export_arg = export.to_str().unwrap();
        let docx = t.dir.path().join("baocao.docx");
        let docx_arg = docx.to_str().unwrap();
        for args in [
            &["agenda", "son-tay", "--as-of", "13/12/2023"][..],
            &["results", "kiem-diem-2023", "--as-of", "13/12/2023"],
            &["report", "kiem-diem-2023", "--output", docx_arg],
            &["remind", "kiem-diem-2023", "--output", docx_arg],
            &["export", export_arg],
        ] {
            let err = t.fails(args);
            assert!(
                err.contains(&format!("cơ sở dữ liệu có ngày không có thật '{value}'"))
                    && err.contains("bảng obligation")
                    && err.contains("dòng #")
                    && err.contains("kiem-diem-2023")
                    && !err.contains("Conversion error"),
                "{args:?}: {err}"
            );
            assert!(!export.exists() && !docx.exists(), "{args:?}");
        }
        let err = t.fails(&["--lang", "en", "results", "kiem-diem-2023"]);
        assert!(
            err.contains(&format!(
                "the database holds a date that is no date, '{value}'"
            )) && err.contains("table obligation"),
            "{err}"
        );
    }
    // Both there: the first found is named; `overdue` reads the one done
    // after the day.
    rusqlite::Connection::open(&t.db)
        .unwrap()
        .execute(
            "UPDATE obligation SET due_on = '2025-13-45' WHERE unit_id = \
             (SELECT id FROM unit WHERE code = 'p-ngo-quyen')",
            [],
        )
        .unwrap();
    let err = t.fails(&["overdue", "--as-of", "13/12/2023"]);
    assert!(
        err.contains("cột due_on") && err.contains("Đảng bộ phường Ngô Quyền"),
        "{err}"
    );
}

/// A time of record stored badly (`created_at`, `recorded_at`, a change's
/// `at`): `export` refuses it as `import` would, in one line naming the
/// value, table, column and row, and writes nothing; `log` on a change's
/// time that is no text says the same line, in Vietnamese or English.
#[test]
fn a_bad_stored_time_is_refused_by_export_as_import_would() {
    crate::util::skip_on_postgres!("edits the SQLite file by hand");
    let t = Theodoi::son_tay();
    t.ok(&[
        "done",
        "--task",
        "kiem-diem-2023",
        "--unit",
        "cb-kho-bac",
        "--on",
        "05/12/2023",
    ]);
    let export = t.dir.path().join("xuat.json");
    let export_arg = export.to_str().unwrap();
    let edit = |sql: &str| {
        rusqlite::Connection::open(&t.db)
            .unwrap()
            .execute_batch(sql)
            .unwrap();
    };
    for (table, column, value, shown, restore) in [
        (
            "unit",
            "created_at",
            "'abc'",
            "abc",
            "'2023-11-01T00:00:00Z'",
        ),
        (
            "task",
            "created_at",
            "X'00'",
            "\\x00",
            "'2023-11-01T00:00:00Z'",
        ),
        (
            "obligation",
            "recorded_at",
            "''",
            "",
            "'2023-12-05T08:00:00Z'",
        ),
        (
            "change",
            "at",
            "'2023-02-30T08:00:00Z'",
            "2023-02-30T08:00:00Z",
            "'2023-11-01T00:00:00Z'",
        ),
    ] {
        let row = format!("(SELECT min(rowid) FROM {table} WHERE {column} IS NOT NULL)");
        edit(&format!(
            "UPDATE {table} SET {column} = {value} WHERE rowid = {row}"
        ));
        let err = t.fails(&["export", export_arg]);
        assert!(
            err.contains(&format!(
                "cơ sở dữ liệu có thời điểm không đọc được '{shown}'"
            )) && err.contains(&format!("bảng {table}, cột {column}, dòng #"))
                && err.contains("không xuất gì"),
            "{table}.{column}: {err}"
        );
        assert!(!export.exists(), "{table}.{column}");
        edit(&format!(
            "UPDATE {table} SET {column} = {restore} WHERE rowid = {row}"
        ));
    }
    // Put right, it exports, and that file imports.
    t.ok(&["export", export_arg]);
    Theodoi::new().ok(&["import", export_arg]);
    std::fs::remove_file(&export).unwrap();

    edit("UPDATE change SET at = X'00' WHERE id = (SELECT max(id) FROM change)");
    let err = t.fails(&["log"]);
    assert!(
        err.contains("cơ sở dữ liệu có thời điểm không đọc được")
            && err.contains("bảng change, cột at")
            && !err.contains("Invalid column type"),
        "{err}"
    );
    let err = t.fails(&["--lang", "en", "log"]);
    assert!(
        err.contains("the database holds a time that cannot be read")
            && err.contains("table change, column at")
            && !err.contains("Invalid column type"),
        "{err}"
    );
    // A date before 1930, which `import` refuses too.
    edit(
        "UPDATE obligation SET due_on = '1929-12-31' WHERE unit_id = \
         (SELECT id FROM unit WHERE code = 'p-ngo-quyen')",
    );
    let err = t.fails(&["export", export_arg]);
    assert!(
        err.contains("cơ sở dữ liệu có ngày không có thật '1929-12-31'"),
        "{err}"
    );
    assert!(!export.exists());
}
