//! `theodoi copy` between an SQLite file and a PostgreSQL database: the
//! exports of the two are the same document afterwards, and every report
//! prints the same on both. On the server named by `THEODOI_TEST_PG`
//! (`scripts/pg-test` starts one): ignored without it.

use crate::util::{Run, Theodoi, run};

/// Why these tests are ignored by a plain `cargo test`.
const NEEDS_SERVER: &str = "needs THEODOI_TEST_PG (scripts/pg-test)";

/// A new, empty database on the test server; its address (key-value).
fn fresh_pg() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let server = std::env::var("THEODOI_TEST_PG").expect("THEODOI_TEST_PG");
    let mut admin = server.clone();
    if let Ok(password) = std::env::var("PGPASSWORD") {
        admin.push_str(&format!(" password={password}"));
    }
    let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("test server");
    let name = format!(
        "theodoi_copy_{}_{}_{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_micros())
            .unwrap_or_default()
    );
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("a new database");
    let mut address: Vec<&str> = server
        .split_whitespace()
        .filter(|kv| !kv.starts_with("dbname="))
        .collect();
    let dbname = format!("dbname={name}");
    address.push(&dbname);
    address.join(" ")
}

/// A command on the database at `db` (a file or an address).
fn on(t: &Theodoi, db: &str, args: &[&str]) -> Run {
    let mut all = vec!["--db", db];
    all.extend(args);
    run(t.command_without_db(&all))
}

/// Stdout of a command on `db` that must succeed.
fn ok_on(t: &Theodoi, db: &str, args: &[&str]) -> String {
    let r = on(t, db, args);
    assert_eq!(r.code, 0, "theodoi --db {db} {args:?}: {}", r.stderr);
    r.stdout
}

/// `copy --from FROM --to TO`.
fn copy(t: &Theodoi, from: &str, to: &str) -> Run {
    run(t.command_without_db(&["copy", "--from", from, "--to", to]))
}

/// The Sơn Tây scenario with what the store keeps besides: completions,
/// an extension, a merger (the tree in time), people and their ratings,
/// a rule, a setting, an undone change.
fn rich() -> Theodoi {
    let t = Theodoi::son_tay_reported();
    t.extend_kim_son();
    t.merge_into_tung_thien();
    t.ok(&[
        "person",
        "add",
        "Hoàng Văn Em",
        "--position",
        "Bí thư Đảng ủy xã",
        "--unit",
        "Kim Sơn",
    ]);
    t.add_rated_task();
    t.rate_two_chi_bo();
    t.ok(&["rules", "set", "htxsnv-quota-pct", "15"]);
    t.ok(&["settings", "set", "cap-tren", "Thị ủy Sơn Tây"]);
    t.ok(&["rules", "set", "htxsnv-quota-pct", "25"]);
    t.ok(&["undo"]);
    t
}

/// What every report prints, in every format that is text.
const REPORTS: &[&[&str]] = &[
    &["overdue", "--as-of", "07/12/2023"],
    &["overdue", "--as-of", "13/12/2023", "--format", "json"],
    &["overdue", "--as-of", "13/12/2023", "--format", "csv"],
    &["overdue", "--as-of", "13/12/2023", "--count"],
    &["overdue", "--as-of", "02/07/2025", "--format", "json"],
    &[
        "overdue",
        "--as-of",
        "13/12/2023",
        "--within",
        "son-tay",
        "--count",
    ],
    &[
        "upcoming",
        "--as-of",
        "01/12/2023",
        "--within",
        "30",
        "--format",
        "json",
    ],
    &["progress", "--as-of", "13/12/2023"],
    &[
        "progress",
        "--as-of",
        "13/12/2023",
        "--by",
        "parent",
        "--format",
        "json",
    ],
    &[
        "results",
        "kiem-diem-2023",
        "--as-of",
        "13/12/2023",
        "--format",
        "json",
    ],
    &["ratings", "--as-of", "13/12/2023", "--format", "json"],
    &[
        "agenda",
        "son-tay",
        "--as-of",
        "01/12/2023",
        "--format",
        "json",
    ],
    &["unit", "list", "--format", "json"],
    &["person", "list", "--format", "json"],
    &["rules"],
    &["log"],
];

#[test]
#[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
fn a_file_copied_to_postgres_and_back_exports_the_same() {
    let _ = NEEDS_SERVER;
    let t = rich();
    let file = t.db.to_str().expect("a path").to_string();
    let pg = fresh_pg();
    let r = copy(&t, &file, &pg);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains(&file), "{}", r.stdout);
    let exported = ok_on(&t, &file, &["export", "-"]);
    assert!(exported.contains("\"change_row\":[\n{"), "{exported}");
    assert_eq!(ok_on(&t, &pg, &["export", "-"]), exported);
    for report in REPORTS {
        let (a, b) = (on(&t, &file, report), on(&t, &pg, report));
        assert_eq!(a.code, 0, "{report:?}: {}", a.stderr);
        assert_eq!(
            (a.code, &a.stdout),
            (b.code, &b.stdout),
            "{report:?}: {}",
            b.stderr
        );
    }
    // And back, into a new file.
    let back = t.dir.path().join("back.db");
    let back = back.to_str().expect("a path");
    let r = copy(&t, &pg, back);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(ok_on(&t, back, &["export", "-"]), exported);
}

#[test]
#[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
fn a_copy_goes_only_into_an_empty_database() {
    let t = Theodoi::son_tay();
    let file = t.db.to_str().expect("a path").to_string();
    let pg = fresh_pg();
    assert_eq!(copy(&t, &file, &pg).code, 0);
    let before = ok_on(&t, &pg, &["export", "-"]);
    // Into a database with data, either way: refused, naming it, nothing written.
    let r = copy(&t, &file, &pg);
    assert_eq!(r.code, 2, "{r:?}");
    // Named by its server and name, not its whole address.
    let name = pg.rsplit("dbname=").next().unwrap_or_default();
    assert!(r.stderr.contains(&format!("/{name} ")), "{}", r.stderr);
    assert_eq!(r.stderr.trim_end().lines().count(), 1, "{}", r.stderr);
    assert_eq!(ok_on(&t, &pg, &["export", "-"]), before);
    let r = copy(&t, &pg, &file);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains(&file), "{}", r.stderr);
    // The same database on both sides.
    let r = copy(&t, &file, &file);
    assert_eq!(r.code, 2, "{r:?}");
    // An empty theodoi file is a target like a new one.
    let empty = Theodoi::new();
    let target = empty.db.to_str().expect("a path");
    assert_eq!(copy(&t, &pg, target).code, 0);
    assert_eq!(ok_on(&t, target, &["export", "-"]), before);
    // A source that is not there: refused, and no target made.
    let nowhere = t.dir.path().join("nowhere.db");
    let made = t.dir.path().join("made.db");
    let r = copy(&t, nowhere.to_str().unwrap(), made.to_str().unwrap());
    assert_eq!(r.code, 2, "{r:?}");
    assert!(!made.exists());
}

/// After a copy, every query of reports, ratings, people and assignments
/// answers the same on both stores, for every task, unit and day asked.
#[test]
#[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
fn the_stores_answer_every_query_alike_after_a_copy() {
    use theodoi::domain::UnitKind;
    use theodoi::store::{Db, Order, PostgresStore, Scope, Selection, SqliteStore, Storage};

    let t = rich();
    // Two more people in post in Kim Sơn, added in the reverse order of
    // their names, then a task for people; a task due after the merger on
    // today's tree, done in one unit after the day a report asks about.
    for (name, position) in [
        ("Trần Văn Bình", "Phó Bí thư Đảng ủy xã"),
        ("Lê Thị An", "Ủy viên Ban Thường vụ"),
    ] {
        t.ok(&[
            "person",
            "add",
            name,
            "--position",
            position,
            "--unit",
            "Kim Sơn",
        ]);
    }
    t.add_leaders_review();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "Kế hoạch số 223",
        "--code",
        "quy-3-2025",
        "--title",
        "Báo cáo quý III năm 2025",
        "--due",
        "chi-bo-truc-thuoc=15/07/2025",
        "--due",
        "dang-bo-co-so=20/07/2025",
    ]);
    t.ok(&[
        "done",
        "--task",
        "quy-3-2025",
        "--unit",
        "le-loi-tdp1",
        "--on",
        "18/07/2025",
    ]);
    let file = t.db.to_str().expect("a path").to_string();
    let pg = fresh_pg();
    assert_eq!(copy(&t, &file, &pg).code, 0);
    let sqlite = SqliteStore::open(&t.db, None).expect("the file");
    let postgres = PostgresStore::open(&pg, true).expect("the copy");
    let (a, b) = (sqlite.read(), postgres.read());
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a day");
    // Before the merger of 01/07/2025 (the tree of that day), then on
    // today's tree (`overdue` and `upcoming` read from `obligation_open`).
    let days = [
        day("2023-12-01"),
        day("2023-12-07"),
        day("2023-12-13"),
        day("2025-07-02"),
        day("2025-07-16"),
        day("2025-07-21"),
    ];
    let units = a.units_within(None).expect("units");
    assert_eq!(
        format!("{units:?}"),
        format!("{:?}", b.units_within(None).expect("units"))
    );
    let tasks = a.tasks_in_force().expect("tasks");
    assert_eq!(
        format!("{tasks:?}"),
        format!("{:?}", b.tasks_in_force().expect("tasks"))
    );
    let mut scopes = vec![Scope::default()];
    for kind in [
        UnitKind::DangBoCoSo,
        UnitKind::ChiBoCoSo,
        UnitKind::ChiBoTrucThuoc,
    ] {
        scopes.push(Scope {
            kind: Some(kind),
            ..Scope::default()
        });
    }
    for (task, _) in &tasks {
        scopes.push(Scope {
            task: Some(task.id),
            ..Scope::default()
        });
        scopes.push(Scope {
            directive: Some(task.directive_id),
            ..Scope::default()
        });
    }
    for unit in units
        .iter()
        .filter(|u| u.parent_id.is_none() || u.code.starts_with("p-"))
    {
        scopes.push(Scope {
            within: Some(unit.id),
            ..Scope::default()
        });
        scopes.push(Scope {
            within: Some(unit.id),
            kind: Some(UnitKind::ChiBoTrucThuoc),
            ..Scope::default()
        });
    }
    /// Everything a store answers for one scope and day.
    fn answers(db: &dyn Db, scope: &Scope, as_of: chrono::NaiveDate) -> Vec<String> {
        let mut out = Vec::new();
        for (selection, order) in [
            (Selection::Overdue, Order::Unit),
            (Selection::Overdue, Order::Due),
            (Selection::All, Order::Unit),
            (Selection::All, Order::Due),
            (Selection::DueBy(as_of + chrono::Days::new(30)), Order::Due),
            (Selection::DueBy(as_of + chrono::Days::new(30)), Order::Unit),
        ] {
            db.for_each_obligation(scope, selection, as_of, order, &mut |row| {
                out.push(format!("{row:?}"));
                Ok(())
            })
            .expect("obligations");
        }
        out.push(format!(
            "{}",
            db.count_overdue(scope, as_of).expect("count")
        ));
        // Facts are counted, in no order.
        let mut facts = Vec::new();
        db.for_each_fact(scope, as_of, &mut |batch| {
            facts.extend(batch.iter().map(|f| format!("{f:?}")));
        })
        .expect("facts");
        facts.sort();
        out.extend(facts);
        db.for_each_result(scope, as_of, &mut |row| {
            out.push(format!("{row:?}"));
            Ok(())
        })
        .expect("results");
        out.push(format!(
            "{:?}",
            db.rating_facts(scope.task, scope.within, as_of)
                .expect("ratings")
        ));
        out
    }
    for as_of in days {
        for scope in &scopes {
            let (x, y) = (answers(&*a, scope, as_of), answers(&*b, scope, as_of));
            let first = x.iter().zip(&y).position(|(x, y)| x != y);
            assert!(
                first.is_none() && x.len() == y.len(),
                "{scope:?} {as_of}: {:?}",
                first.map(|i| (&x[i], &y[i]))
            );
        }
        let sorted = |db: &dyn Db| {
            let mut groups: Vec<String> = db
                .parent_units(as_of)
                .expect("groups")
                .into_iter()
                .map(|(id, g)| format!("{id} {g:?}"))
                .collect();
            groups.sort();
            let mut parents = db.unit_parents(as_of).expect("parents");
            parents.sort();
            (groups, parents)
        };
        assert_eq!(sorted(&*a), sorted(&*b), "{as_of}");
    }
    for unit in &units {
        for kind in [UnitKind::ChiBoCoSo, UnitKind::DangBoCoSo] {
            assert_eq!(
                a.unit_obligations(unit.id, kind).expect("obligations"),
                b.unit_obligations(unit.id, kind).expect("obligations")
            );
        }
        assert_eq!(
            a.people_in_post(unit.id).expect("people"),
            b.people_in_post(unit.id).expect("people")
        );
        assert_eq!(
            a.unit_recorded_on(unit.id).expect("day"),
            b.unit_recorded_on(unit.id).expect("day")
        );
        assert_eq!(
            a.founded_on(unit.id).expect("day"),
            b.founded_on(unit.id).expect("day")
        );
        assert_eq!(
            a.open_reviews_of_unit(unit.id).expect("reviews"),
            b.open_reviews_of_unit(unit.id).expect("reviews")
        );
        for (task, _) in &tasks {
            assert_eq!(
                a.below_not_done_by(task.id, unit.id, days[2])
                    .expect("below"),
                b.below_not_done_by(task.id, unit.id, days[2])
                    .expect("below")
            );
            assert_eq!(
                a.done_above(task.id, unit.id).expect("above"),
                b.done_above(task.id, unit.id).expect("above")
            );
        }
    }
    for (task, _) in &tasks {
        let mut owing = (
            a.owing(task.id).expect("owing"),
            b.owing(task.id).expect("owing"),
        );
        owing.0.sort();
        owing.1.sort();
        assert_eq!(owing.0, owing.1);
        assert_eq!(
            a.has_open_obligations(task.id).expect("open"),
            b.has_open_obligations(task.id).expect("open")
        );
    }
    assert_eq!(
        format!("{:?}", a.rules().expect("rules")),
        format!("{:?}", b.rules().expect("rules"))
    );
    for search in [None, Some("hoang"), Some("em"), Some("bi thu")] {
        assert_eq!(
            format!("{:?}", a.people(search).expect("people")),
            format!("{:?}", b.people(search).expect("people"))
        );
    }
    for (key, exact) in [("hoang van em", true), ("van", false), ("", false)] {
        assert_eq!(
            a.people_named(key, exact).expect("named"),
            b.people_named(key, exact).expect("named")
        );
    }
    let person = a.person_by_code("HOANG-VAN-EM").expect("person");
    assert!(person.is_some());
    assert_eq!(person, b.person_by_code("HOANG-VAN-EM").expect("person"));
}

/// An export with every time stamp (`2026-01-02T03:04:05Z`) blanked: two
/// stores written at other moments.
fn timeless(export: &str) -> String {
    let bytes = export.as_bytes();
    let shape = b"dddd-dd-ddTdd:dd:ddZ";
    let mut out = String::with_capacity(export.len());
    let mut i = 0;
    while i < bytes.len() {
        let stamp = bytes.len() - i >= shape.len()
            && shape.iter().zip(&bytes[i..]).all(|(s, b)| match s {
                b'd' => b.is_ascii_digit(),
                s => s == b,
            });
        if stamp {
            out.push_str("<time>");
            i += shape.len();
        } else {
            let c = export[i..].chars().next().expect("a char");
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The same changes made on a file and on its copy on PostgreSQL leave the
/// same records (but for the times they were made).
#[test]
#[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
fn the_same_changes_on_both_stores_leave_the_same_records() {
    let t = rich();
    let file = t.db.to_str().expect("a path").to_string();
    let pg = fresh_pg();
    assert_eq!(copy(&t, &file, &pg).code, 0);
    let changes: &[&[&str]] = &[
        &[
            "person",
            "add",
            "Lê Văn Mới",
            "--position",
            "Bí thư Đảng ủy phường",
            "--unit",
            "p-ngo-quyen",
        ],
        &["person", "leave", "le-van-moi", "--on", "01/12/2023"],
        &["rules", "set", "htxsnv-quota-pct", "30"],
        // A new unit is given the tasks in force for its kind.
        &[
            "unit",
            "add",
            "Chi bộ thôn Mới",
            "--kind",
            "chi-bo-co-so",
            "--parent",
            "son-tay",
            "--code",
            "cb-moi",
            "--founded",
            "01/11/2023",
        ],
    ];
    for change in changes {
        let (a, b) = (on(&t, &file, change), on(&t, &pg, change));
        assert_eq!(a.code, 0, "{change:?}: {}", a.stderr);
        assert_eq!(
            (a.code, &a.stdout),
            (b.code, &b.stdout),
            "{change:?}: {}",
            b.stderr
        );
    }
    assert_eq!(
        timeless(&ok_on(&t, &pg, &["export", "-"])),
        timeless(&ok_on(&t, &file, &["export", "-"]))
    );
}

/// The demo database keeps its mark through a copy and back, and the copy
/// of an empty database is an empty database.
#[test]
#[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
fn a_demo_and_an_empty_database_copy_as_they_are() {
    let t = Theodoi::bare();
    let file = t.db.to_str().expect("a path").to_string();
    assert_eq!(run(t.command(&["demo"])).code, 0);
    let exported = ok_on(&t, &file, &["export", "-"]);
    assert!(exported.contains("\"key\":\"kind\""), "{exported}");
    let pg = fresh_pg();
    assert_eq!(copy(&t, &file, &pg).code, 0);
    assert_eq!(ok_on(&t, &pg, &["export", "-"]), exported);
    let back = t.dir.path().join("back.db");
    assert_eq!(copy(&t, &pg, back.to_str().unwrap()).code, 0);
    assert_eq!(
        ok_on(&t, back.to_str().unwrap(), &["export", "-"]),
        exported
    );

    let empty = Theodoi::new();
    let file = empty.db.to_str().expect("a path").to_string();
    let pg = fresh_pg();
    assert_eq!(copy(&empty, &file, &pg).code, 0);
    assert_eq!(
        ok_on(&empty, &pg, &["export", "-"]),
        ok_on(&empty, &file, &["export", "-"])
    );
}

/// Between two SQLite files (no server needed): a copy into a new file
/// exports the same; an encrypted source copied into a plain file is said
/// on stderr; a file with data is refused, naming it, and left as it was.
#[test]
fn a_copy_between_files_exports_the_same_and_says_what_it_lost() {
    let t = Theodoi::son_tay_reported();
    let file = t.db.to_str().expect("a path").to_string();
    let exported = t.ok(&["export", "-"]);
    let new = t.dir.path().join("new.db");
    let new = new.to_str().expect("a path");
    let r = copy(&t, &file, new);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stderr, "");
    assert_eq!(ok_on(&t, new, &["export", "-"]), exported);
    let r = copy(&t, &file, new);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains(new), "{}", r.stderr);
    assert_eq!(ok_on(&t, new, &["export", "-"]), exported);

    let key = t.dir.path().join("khoa");
    std::fs::write(&key, "mot cau mat khau dai du\n").expect("the key");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).expect("mode");
    }
    let secret = t.dir.path().join("secret.db");
    let mut init = t.command_without_db(&["--db", secret.to_str().unwrap(), "init", "--encrypt"]);
    init.env("THEODOI_KEY_FILE", &key);
    assert_eq!(run(init).code, 0);
    let mut into_secret = t.command_without_db(&["copy", "--from", new, "--to"]);
    into_secret.arg(&secret).env("THEODOI_KEY_FILE", &key);
    let r = run(into_secret);
    // (The key is said to be unused for the plain source, as for any command.)
    assert_eq!(r.code, 0, "{r:?}");
    assert!(!r.stderr.contains("bản chép"), "{}", r.stderr);
    let plain = t.dir.path().join("plain.db");
    let mut out_of_secret = t.command_without_db(&["--lang", "en", "copy", "--from"]);
    out_of_secret
        .arg(&secret)
        .arg("--to")
        .arg(&plain)
        .env("THEODOI_KEY_FILE", &key);
    let r = run(out_of_secret);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stderr.contains("is encrypted, but the copy"),
        "{}",
        r.stderr
    );
    assert_eq!(
        ok_on(&t, plain.to_str().unwrap(), &["export", "-"]),
        exported
    );
}
