//! Offices on a PostgreSQL database: each office's login writes only for
//! the units of its subtree, a read-only login writes nothing, and the
//! server itself refuses what the program would not do (a clerk with SQL in
//! hand). Run by `scripts/pg-test` (`THEODOI_TEST_CLI=postgres`); without a
//! server these tests say so and pass. On an SQLite file `office` is refused.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde_json::Value;

use crate::util::{Theodoi, on_postgres, pg_config, run};

/// False, said, when no test server is given.
fn server() -> bool {
    if !on_postgres() {
        eprintln!("skipped: needs a PostgreSQL server (scripts/pg-test)");
    }
    on_postgres()
}

/// The server's words of a refusal.
fn said(e: postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string(),
    }
}

/// A connection to the database at a test's address as `login`.
fn connect(address: &str, login: &str, password: &str) -> postgres::Client {
    let mut config = pg_config(address);
    config.user(login).password(password);
    config.connect(postgres::NoTls).expect("connect")
}

/// A connection to the database as the test server's user (the owner).
fn as_owner(t: &Theodoi) -> postgres::Client {
    pg_config(t.db.to_str().expect("address"))
        .connect(postgres::NoTls)
        .expect("connect")
}

/// A login made on the server as its administrator makes one, with a
/// password: (name, password). Names are new for every call (logins are
/// the server's, shared by every test database).
fn new_login(t: &Theodoi, what: &str) -> (String, String) {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "{what}_{}_{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst)
    );
    let password = format!("pw-{name}");
    as_owner(t)
        .batch_execute(&format!("CREATE ROLE {name} LOGIN PASSWORD '{password}'"))
        .expect("create login");
    (name, password)
}

/// A new login made an office for `unit`'s subtree by the owner, as
/// `office add NAME --unit UNIT --login LOGIN` does: (login, password).
fn new_office(t: &Theodoi, what: &str, name: &str, unit: &str) -> (String, String) {
    let login = new_login(t, what);
    t.ok(&["office", "add", name, "--unit", unit, "--login", &login.0]);
    login
}

/// The test database's address with another login in it.
fn address_as(t: &Theodoi, login: &str) -> String {
    let address = t.db.to_str().expect("address");
    let rest = address
        .strip_prefix("postgresql://")
        .expect("postgresql://… address");
    // The server part (`USER@HOST:PORT`, or nothing: libpq's environment)
    // without its login, then the database.
    let (server, database) = rest.split_once('/').expect("…/DBNAME");
    let host = server.rsplit_once('@').map_or(server, |(_, host)| host);
    format!("postgresql://{login}@{host}/{database}")
}

/// A command of `login` on the test database.
fn command_as(t: &Theodoi, login: &(String, String), args: &[&str]) -> Command {
    let mut cmd = t.command_without_db(&[]);
    cmd.arg("--db")
        .arg(address_as(t, &login.0))
        .args(args)
        .env("PGPASSWORD", &login.1)
        .env("THEODOI_ACTOR", "can-bo-phuong");
    cmd
}

/// The units of `fixtures/units.csv` and a task every chi bộ trực thuộc
/// owes (due 06/12/2023): the leaves of the wards, which an office records
/// without the rule of lower levels first.
fn wards() -> Theodoi {
    let t = Theodoi::son_tay();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "Kế hoạch số 223",
        "--code",
        "t1",
        "--title",
        "Sinh hoạt chi bộ quý IV",
        "--due",
        "chi-bo-truc-thuoc=06/12/2023",
    ]);
    t
}

/// Everything a clerk can list, people and the log included: to check that
/// a refused command wrote nothing.
fn state(t: &Theodoi) -> String {
    t.snapshot()
        + &t.ok(&["person", "list", "--format", "json"])
        + &t.ok(&["log", "--format", "json"])
}

/// The completion day recorded of `unit` for `task`, if any.
fn completed_on(t: &Theodoi, task: &str, unit: &str) -> Option<String> {
    as_owner(t)
        .query_one(
            "SELECT o.completed_on FROM obligation o JOIN unit u ON u.id = o.unit_id
             JOIN task k ON k.id = o.task_id WHERE k.code = $1 AND u.code = $2",
            &[&task, &unit],
        )
        .expect("obligation")
        .get(0)
}

#[test]
fn offices_need_a_server() {
    let t = Theodoi::bare_file();
    let err = t.fails(&["office", "add", "Phường", "--unit", "x", "--login", "x"]);
    assert!(
        err.contains("tệp SQLite") && err.contains("PostgreSQL"),
        "{err}"
    );
    assert!(!t.db.exists(), "no file made");
    let err = t.fails(&["--lang", "en", "office", "list"]);
    assert!(err.contains("need a PostgreSQL server"), "{err}");
    // A file records no login: `log --login` says so.
    t.ok(&["init"]);
    let err = t.fails(&["log", "--login", "le_loi"]);
    assert!(
        err.contains("--login le_loi") && err.contains("PostgreSQL"),
        "{err}"
    );
}

#[test]
fn an_office_writes_for_its_subtree_only() {
    if !server() {
        return;
    }
    let t = wards();
    let le_loi = new_login(&t, "le_loi");
    let out = t.ok(&[
        "office",
        "add",
        "Đảng ủy phường Lê Lợi",
        "--unit",
        "p-le-loi",
        "--login",
        &le_loi.0,
    ]);
    assert!(out.contains("Đảng bộ phường Lê Lợi"), "{out}");
    assert!(
        !out.contains("chưa có mật khẩu"),
        "the login existed: {out}"
    );

    // Inside: a chi bộ of the ward.
    let done = run(command_as(
        &t,
        &le_loi,
        &[
            "done",
            "--task",
            "t1",
            "--unit",
            "le-loi-tdp1",
            "--on",
            "01/12/2023",
        ],
    ));
    assert_eq!(done.code, 0, "{}", done.stderr);
    assert_eq!(
        completed_on(&t, "t1", "le-loi-tdp1").as_deref(),
        Some("2023-12-01")
    );
    let extended = run(command_as(
        &t,
        &le_loi,
        &[
            "extend",
            "--task",
            "t1",
            "--unit",
            "le-loi-tdp2",
            "--to",
            "20/12/2023",
            "--reason",
            "Bí thư đi học",
        ],
    ));
    assert_eq!(extended.code, 0, "{}", extended.stderr);
    let person = run(command_as(
        &t,
        &le_loi,
        &[
            "person",
            "add",
            "Nguyễn Văn An",
            "--position",
            "Bí thư Chi bộ",
            "--unit",
            "le-loi-tdp1",
        ],
    ));
    assert_eq!(person.code, 0, "{}", person.stderr);

    // Outside: another ward's chi bộ. One line naming the unit and the
    // office, exit 2, nothing written.
    let before = state(&t);
    for args in [
        &[
            "done",
            "--task",
            "t1",
            "--unit",
            "ngo-quyen-tdp1",
            "--on",
            "01/12/2023",
        ][..],
        &[
            "extend",
            "--task",
            "t1",
            "--unit",
            "ngo-quyen-tdp2",
            "--to",
            "20/12/2023",
            "--reason",
            "x",
        ],
        &[
            "person",
            "add",
            "Trần Thị Bình",
            "--position",
            "Bí thư",
            "--unit",
            "ngo-quyen-tdp1",
        ],
    ] {
        let refused = run(command_as(&t, &le_loi, args));
        assert_eq!(refused.code, 2, "{args:?}: {refused:?}");
        assert!(refused.stdout.is_empty(), "{refused:?}");
        assert_eq!(refused.stderr.lines().count(), 1, "{refused:?}");
        assert!(
            refused.stderr.contains("văn phòng «Đảng ủy phường Lê Lợi»")
                && refused.stderr.contains("phường Ngô Quyền")
                && refused.stderr.contains("không ghi gì"),
            "{refused:?}"
        );
    }
    // What only the committee's clerk does.
    let refused = run(command_as(
        &t,
        &le_loi,
        &[
            "unit",
            "add",
            "Chi bộ tổ dân phố 3",
            "--kind",
            "chi-bo-truc-thuoc",
            "--parent",
            "p-le-loi",
        ],
    ));
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(refused.stderr.contains("Ban Tổ chức"), "{refused:?}");
    assert_eq!(state(&t), before, "nothing written");
    assert_eq!(completed_on(&t, "t1", "ngo-quyen-tdp1"), None);

    // The log names the login of the office's changes, not the owner's.
    let log: Vec<Value> = t.json(&["log"]);
    assert_eq!(log[0]["action"], "person.add", "{log:?}");
    assert_eq!(log[0]["login"], le_loi.0.as_str(), "{log:?}");
    assert_eq!(log[0]["actor"], "can-bo-phuong", "{log:?}");
    let first = log.last().expect("a change");
    assert_eq!(first["login"], Value::Null, "{first}");
    let table = t.ok(&["log"]);
    assert!(
        table.contains(&format!("(tài khoản {})", le_loi.0)),
        "{table}"
    );

    // The office takes back its own change.
    let undone = run(command_as(&t, &le_loi, &["undo"]));
    assert_eq!(undone.code, 0, "{}", undone.stderr);

    // The committee's clerk writes anywhere; an office does not undo it,
    // even in its own units.
    t.ok(&[
        "done",
        "--task",
        "t1",
        "--unit",
        "ngo-quyen-tdp1",
        "--on",
        "02/12/2023",
    ]);
    t.ok(&[
        "done",
        "--task",
        "t1",
        "--unit",
        "le-loi-tdp2",
        "--on",
        "02/12/2023",
    ]);
    let log: Vec<Value> = t.json(&["log"]);
    let id = log[0]["id"].as_i64().expect("id").to_string();
    let refused = run(command_as(&t, &le_loi, &["undo", &id]));
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(
        refused
            .stderr
            .contains("chỉ hoàn tác thay đổi của chính mình"),
        "{refused:?}"
    );
    assert_eq!(
        completed_on(&t, "t1", "le-loi-tdp2").as_deref(),
        Some("2023-12-02")
    );
}

#[test]
fn a_reader_reads_and_writes_nothing() {
    if !server() {
        return;
    }
    let t = wards();
    let reader = new_login(&t, "lanh_dao");
    let out = t.ok(&[
        "office",
        "add",
        "Lãnh đạo Thị ủy",
        "--login",
        &reader.0,
        "--read-only",
    ]);
    assert!(out.contains("chỉ đọc"), "{out}");
    let before = state(&t);
    let refused = run(command_as(
        &t,
        &reader,
        &[
            "done",
            "--task",
            "t1",
            "--unit",
            "le-loi-tdp1",
            "--on",
            "01/12/2023",
        ],
    ));
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(
        refused.stderr.contains(&format!(
            "tài khoản {} («Lãnh đạo Thị ủy») chỉ được đọc",
            reader.0
        )),
        "{refused:?}"
    );
    let report = run(command_as(
        &t,
        &reader,
        &["overdue", "--as-of", "10/12/2023"],
    ));
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert!(report.stdout.contains("le-loi-tdp1") || report.stdout.contains("Lê Lợi"));
    let progress = run(command_as(
        &t,
        &reader,
        &["progress", "--as-of", "10/12/2023"],
    ));
    assert_eq!(progress.code, 0, "{}", progress.stderr);
    // With SQL, too: the server refuses.
    let mut client = connect(t.db.to_str().unwrap(), &reader.0, &reader.1);
    let e = client
        .batch_execute("UPDATE obligation SET completed_on = '2023-12-01'")
        .expect_err("refused");
    assert!(said(e).contains("permission denied"));
    let e = client
        .batch_execute("SELECT begin_change('t', 'x', 'done')")
        .expect_err("refused");
    assert!(said(e).contains("permission denied"));
    assert_eq!(state(&t), before, "nothing written");

    // Offices are listed, and the owner alone administers them.
    let list: Vec<Value> = t.json(&["office", "list"]);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["read_only"], true);
    assert_eq!(list[0]["unit"], Value::Null);
    // A login another office has: said which.
    let err = t.fails(&["office", "add", "Y", "--login", &reader.0, "--read-only"]);
    assert!(
        err.contains(&format!(
            "tài khoản {} đã là tài khoản của văn phòng «Lãnh đạo Thị ủy»",
            reader.0
        )) && !err.contains("«Y»"),
        "{err}"
    );
    let err = t.fails(&[
        "office",
        "add",
        "lãnh đạo thị ủy",
        "--login",
        "x_y",
        "--read-only",
    ]);
    assert!(
        err.contains(&format!(
            "đã có văn phòng tên «Lãnh đạo Thị ủy» (tài khoản {})",
            reader.0
        )),
        "{err}"
    );
    let refused = run(command_as(
        &t,
        &reader,
        &[
            "office",
            "add",
            "Phường",
            "--unit",
            "p-le-loi",
            "--login",
            "someone_else",
        ],
    ));
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(refused.stderr.contains("chủ cơ sở dữ liệu"), "{refused:?}");
    let out = t.ok(&["office", "remove", &reader.0]);
    assert!(out.contains("Lãnh đạo Thị ủy"), "{out}");
    let gone = run(command_as(&t, &reader, &["overdue"]));
    assert_eq!(gone.code, 2, "no rights left: {gone:?}");
    let err = t.fails(&["office", "remove", "Lãnh đạo Thị ủy"]);
    assert!(err.contains("không có văn phòng"), "{err}");
}

#[test]
fn the_server_refuses_an_office_s_sql_on_another_office_s_rows() {
    if !server() {
        return;
    }
    let t = wards();
    let le_loi = new_login(&t, "le_loi");
    let ngo_quyen = new_login(&t, "ngo_quyen");
    t.ok(&[
        "office",
        "add",
        "Lê Lợi",
        "--unit",
        "p-le-loi",
        "--login",
        &le_loi.0,
    ]);
    t.ok(&[
        "office",
        "add",
        "Ngô Quyền",
        "--unit",
        "p-ngo-quyen",
        "--login",
        &ngo_quyen.0,
    ]);
    let theirs = "(SELECT id FROM unit WHERE code = 'ngo-quyen-tdp1')";
    let mut client = connect(t.db.to_str().unwrap(), &le_loi.0, &le_loi.1);

    // Another office's results: the policy hides them from UPDATE and DELETE.
    let changed = client
        .execute(
            &format!("UPDATE obligation SET completed_on = '2023-12-01' WHERE unit_id = {theirs}"),
            &[],
        )
        .expect("update");
    assert_eq!(changed, 0);
    let changed = client
        .execute(
            &format!("UPDATE obligation SET unit_id = {theirs} WHERE unit_id = (SELECT id FROM unit WHERE code = 'le-loi-tdp1')"),
            &[],
        )
        .map_err(said);
    assert!(
        matches!(&changed, Err(e) if e.contains("permission denied")),
        "moving a row out of the subtree (a column not the office's): {changed:?}"
    );
    let deleted = client
        .execute(
            &format!("DELETE FROM obligation WHERE unit_id = {theirs}"),
            &[],
        )
        .map_err(said);
    assert!(
        matches!(&deleted, Err(e) if e.contains("permission denied")),
        "{deleted:?}"
    );
    // A new row for them: refused.
    let inserted = client
        .execute(
            &format!(
                "INSERT INTO person (code, name, name_fold, name_key, position, position_fold,
                     unit_id, created_at)
                 SELECT 'x', 'X', 'x', '\\x00', 'B', 'b', {theirs}, 't'"
            ),
            &[],
        )
        .map_err(said);
    assert!(
        matches!(&inserted, Err(e) if e.contains("row-level security")),
        "{inserted:?}"
    );
    // What only the committee's clerk writes, and the tally the trigger keeps.
    for sql in [
        "UPDATE unit SET name = 'X'",
        "UPDATE task SET title = 'X'",
        "DELETE FROM open_by_due",
        "UPDATE office SET unit_id = NULL",
        "INSERT INTO change_login (change_id, login) VALUES (1, 'someone')",
        "INSERT INTO change (at, actor, action, details) VALUES ('t', 'x', 'done', '{}')",
        "INSERT INTO change_row (change_id, seq, tbl, first_id, last_id) VALUES (1, 99, 'unit', 1, 1)",
    ] {
        let refused = client.batch_execute(sql).map_err(said);
        assert!(
            matches!(&refused, Err(e) if e.contains("permission denied") || e.contains("row-level security")),
            "{sql}: {refused:?}"
        );
    }
    // The committee's log: not the office's to rewrite.
    let rewritten = client
        .execute("UPDATE change SET details = '{}'", &[])
        .map_err(said);
    assert!(
        matches!(&rewritten, Err(e) if e.contains("permission denied")),
        "{rewritten:?}"
    );
    assert_eq!(completed_on(&t, "t1", "ngo-quyen-tdp1"), None);

    // A table of its own named `unit`, claiming their unit is under its
    // ward: the policy reads the database's tree, not the session's.
    client
        .batch_execute(
            "CREATE TEMP TABLE unit AS SELECT id, code,
                 (SELECT id FROM public.unit WHERE code = 'p-le-loi') AS parent_id
             FROM public.unit WHERE code = 'ngo-quyen-tdp1'",
        )
        .expect("temporary table");
    let changed = client
        .execute(
            "UPDATE obligation SET completed_on = '2023-12-01'
             WHERE unit_id = (SELECT id FROM public.unit WHERE code = 'ngo-quyen-tdp1')",
            &[],
        )
        .expect("update");
    assert_eq!(changed, 0);
    assert_eq!(completed_on(&t, "t1", "ngo-quyen-tdp1"), None);
    client
        .batch_execute("DROP TABLE pg_temp.unit")
        .expect("drop");

    // Its own units, with SQL: every row it writes is logged by the
    // server, as it was and as it is, in a change it opened; what theodoi
    // never writes is refused. Nothing of a refused write is kept.
    let (_, own_row) = ids_of(&t, "le-loi-tdp1");
    let (their_unit, _) = ids_of(&t, "ngo-quyen-tdp1");
    let own_person = "INSERT INTO person (code, name, name_fold, name_key, position, position_fold,
             unit_id, created_at)
         SELECT 'x', 'X', 'x', '\\x00', 'B', 'b', id, 't' FROM unit WHERE code = 'le-loi-tdp1'"
        .to_string();
    let opened = "BEGIN; CREATE TEMP TABLE c AS SELECT begin_change('t', 'x', 'done') AS id;";
    let before = state(&t);
    for (sql, said) in [
        // Outside a change of the log.
        (
            format!("UPDATE obligation SET note = 'ghi chú' WHERE id = {own_row}"),
            "outside a change",
        ),
        (own_person.clone(), "outside a change"),
        // A due date moved but not as an extension; days and ratings that
        // are none.
        (
            format!(
                "{opened} UPDATE obligation SET due_on = '2099-12-31' WHERE id = {own_row}; COMMIT"
            ),
            "does not write",
        ),
        (
            format!(
                "{opened} UPDATE obligation SET completed_on = '2026-02-30' WHERE id = {own_row}; COMMIT"
            ),
            "does not write",
        ),
        (
            format!(
                "{opened} UPDATE obligation SET rating = 'XUẤT SẮC' WHERE id = {own_row}; COMMIT"
            ),
            "does not write",
        ),
        (
            format!("{opened} UPDATE obligation SET forced = -7 WHERE id = {own_row}; COMMIT"),
            "does not write",
        ),
        (
            format!(
                "{opened} UPDATE obligation SET completed_on = '1900-01-01' WHERE id = {own_row}; COMMIT"
            ),
            "does not write",
        ),
        (
            format!(
                "{opened} UPDATE obligation SET recorded_at = 'hôm qua' WHERE id = {own_row}; COMMIT"
            ),
            "does not write",
        ),
        // An id of its choosing (the greatest there is would stop every
        // write of everyone).
        (
            format!(
                "{opened} INSERT INTO person (id, code, name, name_fold, name_key, position,
                     position_fold, unit_id, created_at)
                 SELECT 9223372036854775807, 'zz', 'Z', 'z', '\\x00', 'p', 'p', id,
                     '2026-01-01T00:00:00Z' FROM unit WHERE code = 'le-loi-tdp1'; COMMIT"
            ),
            "permission denied",
        ),
        // Words for an action, details that are no JSON, a change marked
        // undone by itself.
        (
            "SELECT begin_change('t', 'x', 'Thêm nhiệm vụ của Ban Tổ chức')".to_string(),
            "not an action",
        ),
        (
            format!(
                "{opened} SELECT note_change((SELECT id FROM c), 'not json {{', NULL, NULL); COMMIT"
            ),
            "json",
        ),
        (
            format!("{opened} SELECT mark_undone((SELECT id FROM c), (SELECT id FROM c)); COMMIT"),
            "cannot be marked undone",
        ),
        // A line of the log with nothing behind it; one about another
        // office's unit.
        (
            "SELECT begin_change('t', 'x', 'unit.move')".to_string(),
            "holds no row",
        ),
        (
            format!(
                "{opened} SELECT note_change((SELECT id FROM c), '{{}}', {their_unit}, NULL); COMMIT"
            ),
            "outside the subtree",
        ),
    ] {
        let e = refused(&mut client, &sql);
        assert!(e.contains(said), "{sql}: {e}");
        let _ = client.batch_execute("ROLLBACK");
        assert_eq!(state(&t), before, "nothing kept: {sql}");
    }

    // A write in a change, with rows of its own invented for the log: the
    // log holds what was written, not what was said.
    let junk = r#"{"unit_id": 2, "junk": 1}"#;
    client
        .batch_execute(&format!(
            "{opened}
             SELECT log_change_row((SELECT id FROM c), 1, 'obligation', {own_row}, {own_row},
                 '{junk}', '{junk}');
             UPDATE obligation SET note = 'ghi chú' WHERE id = {own_row}; COMMIT"
        ))
        .expect("a write in a change");
    let mut owner = as_owner(&t);
    let logged = owner
        .query(
            "SELECT r.change_id, r.before::jsonb ->> 'note', r.after::jsonb ->> 'note',
                 r.before::jsonb ? 'junk'
             FROM change_row r JOIN change_login l ON l.change_id = r.change_id
             WHERE l.login = $1 AND r.first_id = $2 AND r.tbl = 'obligation'",
            &[&le_loi.0, &own_row],
        )
        .expect("logged");
    assert_eq!(logged.len(), 1, "{logged:?}");
    let change: i64 = logged[0].get(0);
    assert_eq!(logged[0].get::<_, Option<String>>(1), None);
    assert_eq!(
        logged[0].get::<_, Option<String>>(2).as_deref(),
        Some("ghi chú")
    );
    assert!(!logged[0].get::<_, bool>(3));
    // Marked undone with the row still written: refused.
    let e = refused(
        &mut client,
        &format!("BEGIN; SELECT mark_undone(begin_change('t', 'x', 'undo'), {change}); COMMIT"),
    );
    assert!(e.contains("is not undone"), "{e}");
    let _ = client.batch_execute("ROLLBACK");
    // The owner's undo puts back what was, and the log moves on: export
    // and import of everything still work.
    t.ok(&["undo", &change.to_string()]);
    let note: Option<String> = owner
        .query_one("SELECT note FROM obligation WHERE id = $1", &[&own_row])
        .expect("note")
        .get(0);
    assert_eq!(note, None);
    let export = t.dir.path().join("all.json");
    t.ok(&["export", export.to_str().unwrap()]);
    let copy = Theodoi::new();
    copy.ok(&["import", export.to_str().unwrap()]);
}

/// The units of each ward's subtree that owe `t1` and `t2` (its chi bộ).
fn ward_units(t: &Theodoi, ward: &str) -> Vec<String> {
    let rows = as_owner(t)
        .query(
            "SELECT code FROM unit WHERE parent_id = (SELECT id FROM unit WHERE code = $1)
             ORDER BY code",
            &[&ward],
        )
        .expect("units");
    rows.iter().map(|r| r.get(0)).collect()
}

#[test]
fn sixteen_clerks_of_four_offices_write_at_once_while_a_leader_reads() {
    if !server() {
        return;
    }
    let t = wards();
    t.ok(&[
        "task",
        "add",
        "--directive",
        "Kế hoạch số 223",
        "--code",
        "t2",
        "--title",
        "Báo cáo sơ kết",
        "--due",
        "chi-bo-truc-thuoc=06/12/2023",
    ]);
    let wards = ["p-le-loi", "p-ngo-quyen", "p-phu-thinh", "p-quang-trung"];
    let mut offices = Vec::new();
    for ward in wards {
        let login = new_login(&t, "phuong");
        t.ok(&["office", "add", ward, "--unit", ward, "--login", &login.0]);
        offices.push((ward, login, ward_units(&t, ward)));
    }
    let reader = new_login(&t, "doc");
    t.ok(&[
        "office",
        "add",
        "Lãnh đạo",
        "--login",
        &reader.0,
        "--read-only",
    ]);

    // Each office's (task, unit) pairs, dealt to its four clerks: each
    // clerk extends then records every pair of its hand.
    let mut clerks = Vec::new();
    let mut expected = BTreeSet::new();
    for (ward, login, units) in &offices {
        assert!(units.len() >= 2, "{ward}: {units:?}");
        let pairs: Vec<(String, String)> = ["t1", "t2"]
            .iter()
            .flat_map(|task| units.iter().map(move |u| (task.to_string(), u.clone())))
            .collect();
        for clerk in 0..4 {
            let hand: Vec<(String, String)> = pairs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 4 == clerk)
                .map(|(_, p)| p.clone())
                .collect();
            expected.extend(hand.iter().cloned());
            clerks.push((login.clone(), hand));
        }
    }
    assert_eq!(clerks.len(), 16);

    let writing = AtomicBool::new(true);
    let (runs, reads) = std::thread::scope(|s| {
        let reads = s.spawn(|| {
            let mut runs = Vec::new();
            loop {
                for report in ["overdue", "progress"] {
                    runs.push(run(command_as(
                        &t,
                        &reader,
                        &[report, "--as-of", "10/12/2023"],
                    )));
                }
                if !writing.load(Ordering::SeqCst) {
                    return runs;
                }
            }
        });
        let handles: Vec<_> = clerks
            .iter()
            .map(|(login, hand)| {
                let t = &t;
                s.spawn(move || {
                    let mut runs = Vec::new();
                    for (task, unit) in hand {
                        runs.push(run(command_as(
                            t,
                            login,
                            &[
                                "extend",
                                "--task",
                                task,
                                "--unit",
                                unit,
                                "--to",
                                "20/12/2023",
                                "--reason",
                                "Đại hội chi bộ",
                            ],
                        )));
                        runs.push(run(command_as(
                            t,
                            login,
                            &["done", "--task", task, "--unit", unit, "--on", "15/12/2023"],
                        )));
                    }
                    runs
                })
            })
            .collect();
        let runs: Vec<_> = handles
            .into_iter()
            .flat_map(|h| h.join().expect("clerk"))
            .collect();
        writing.store(false, Ordering::SeqCst);
        (runs, reads.join().expect("reader"))
    });
    for r in runs.iter().chain(&reads) {
        assert_eq!(r.code, 0, "{r:?}");
    }
    assert!(reads.len() >= 2, "the reader read");

    // Every completion is there, on time after its extension, and nothing else.
    let rows = as_owner(&t)
        .query(
            "SELECT k.code, u.code, o.completed_on, o.due_on FROM obligation o
             JOIN unit u ON u.id = o.unit_id JOIN task k ON k.id = o.task_id
             WHERE o.completed_on IS NOT NULL",
            &[],
        )
        .expect("completions");
    let found: BTreeSet<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(found, expected);
    for r in &rows {
        assert_eq!(r.get::<_, String>(2), "2023-12-15");
        assert_eq!(r.get::<_, String>(3), "2023-12-20");
    }
    // No office wrote outside its subtree: every obligation a change of
    // an office's login touched is of that office's ward.
    let ward_of: BTreeMap<String, &str> = offices
        .iter()
        .flat_map(|(ward, login, _)| std::iter::once((login.0.clone(), *ward)))
        .collect();
    let touched = as_owner(&t)
        .query(
            "SELECT l.login::TEXT, p.code FROM change_login l
             JOIN change_row r ON r.change_id = l.change_id AND r.tbl = 'obligation'
             JOIN obligation o ON o.id BETWEEN r.first_id AND r.last_id
             JOIN unit u ON u.id = o.unit_id JOIN unit p ON p.id = u.parent_id",
            &[],
        )
        .expect("touched");
    let mut by_offices = 0;
    for row in &touched {
        let login: String = row.get(0);
        let parent: String = row.get(1);
        if let Some(ward) = ward_of.get(&login) {
            assert_eq!(&parent, ward, "{login}");
            by_offices += 1;
        }
    }
    assert_eq!(
        by_offices,
        2 * expected.len(),
        "an extension and a completion each"
    );
}

/// A statement of `client` the server refuses: its words.
fn refused(client: &mut postgres::Client, sql: &str) -> String {
    match client.batch_execute(sql) {
        Ok(()) => panic!("not refused: {sql}"),
        Err(e) => said(e),
    }
}

/// The id of unit `code`, and of the obligation of `t1` it owes.
fn ids_of(t: &Theodoi, code: &str) -> (i64, i64) {
    let row = as_owner(t)
        .query_one(
            "SELECT u.id, o.id FROM unit u JOIN obligation o ON o.unit_id = u.id
             JOIN task k ON k.id = o.task_id WHERE k.code = 't1' AND u.code = $1",
            &[&code],
        )
        .expect("ids");
    (row.get(0), row.get(1))
}

#[test]
fn an_office_cannot_forge_the_log_nor_assign_and_the_owner_s_undo_stays_in_its_units() {
    if !server() {
        return;
    }
    let t = wards();
    let le_loi = new_login(&t, "le_loi");
    let ngo_quyen = new_login(&t, "ngo_quyen");
    for (name, unit, login) in [
        ("Lê Lợi", "p-le-loi", &le_loi),
        ("Ngô Quyền", "p-ngo-quyen", &ngo_quyen),
    ] {
        t.ok(&["office", "add", name, "--unit", unit, "--login", &login.0]);
    }
    let done = run(command_as(
        &t,
        &le_loi,
        &[
            "done",
            "--task",
            "t1",
            "--unit",
            "le-loi-tdp1",
            "--on",
            "01/12/2023",
        ],
    ));
    assert_eq!(done.code, 0, "{}", done.stderr);
    let log: Vec<Value> = t.json(&["log"]);
    let mine = log[0]["id"].as_i64().expect("id");
    t.ok(&[
        "done",
        "--task",
        "t1",
        "--unit",
        "ngo-quyen-tdp1",
        "--on",
        "02/12/2023",
    ]);
    let log: Vec<Value> = t.json(&["log"]);
    let owners = log[0]["id"].as_i64().expect("id");
    let (own_unit, own_row) = ids_of(&t, "le-loi-tdp1");
    let (_, their_row) = ids_of(&t, "ngo-quyen-tdp1");
    let forged = format!(
        r#"{{"id":{their_row},"unit_id":{own_unit},"completed_on":null,"evidence":"giả mạo"}}"#
    );
    let before = state(&t);

    let mut client = connect(t.db.to_str().unwrap(), &le_loi.0, &le_loi.1);
    // No line of the log by hand: neither its changes, nor its rows, nor
    // its logins.
    for sql in [
        format!("UPDATE change SET details = '{{}}', actor = 'x', at = '2020' WHERE id = {mine}"),
        format!("DELETE FROM change WHERE id = {mine}"),
        format!(
            "INSERT INTO change_row (change_id, seq, tbl, first_id, last_id, before, after)
             VALUES ({mine}, 2, 'obligation', {their_row}, {their_row}, '{forged}', '{forged}')"
        ),
        "UPDATE change_row SET before = NULL".to_string(),
        "DELETE FROM change_row".to_string(),
        "UPDATE change_login SET login = 'x'".to_string(),
        "DELETE FROM change_login".to_string(),
    ] {
        let e = refused(&mut client, &sql);
        assert!(e.contains("permission denied"), "{sql}: {e}");
    }
    // Through the functions: only the change opened in this transaction,
    // only rows of its units.
    for sql in [
        format!("SELECT log_change_row({mine}, 2, 'obligation', {own_row}, {own_row}, NULL, NULL)"),
        format!("SELECT note_change({mine}, '{{}}', NULL, NULL)"),
        format!("SELECT name_change({owners}, 'x')"),
    ] {
        let e = refused(&mut client, &sql);
        assert!(e.contains("not opened"), "{sql}: {e}");
    }
    // Rows said to the log by the office itself are not taken (the server
    // logs what it writes): a change of nothing else is not kept.
    for sql in [
        // Another office's row, logged as if it were its own.
        format!(
            "SELECT log_change_row(begin_change('t', 'x', 'done'), 1, 'obligation',
                 {their_row}, {their_row}, '{forged}', '{forged}')"
        ),
        // Its own row, logged with another office's unit.
        format!(
            "SELECT log_change_row(begin_change('t', 'x', 'done'), 1, 'obligation',
                 {own_row}, {own_row}, '{}', NULL)",
            forged.replace(&format!("\"unit_id\":{own_unit}"), "\"unit_id\":1")
        ),
        // A table that is not an office's.
        "SELECT log_change_row(begin_change('t', 'x', 'done'), 1, 'unit', 1, 1, NULL, NULL)"
            .to_string(),
    ] {
        let e = refused(&mut client, &format!("BEGIN; {sql}; COMMIT"));
        assert!(e.contains("holds no row"), "{sql}: {e}");
        client.batch_execute("ROLLBACK").expect("rollback");
    }
    let e = refused(
        &mut client,
        &format!("BEGIN; SELECT mark_undone(begin_change('t', 'x', 'undo'), {owners}); COMMIT"),
    );
    assert!(e.contains("is not of"), "{e}");
    client.batch_execute("ROLLBACK").expect("rollback");
    // Obligations are assigned and taken away by the committee's clerk
    // only; the ids are not the office's to set.
    for sql in [
        format!("DELETE FROM obligation WHERE id = {own_row}"),
        format!(
            "INSERT INTO obligation (task_id, unit_id, due_on)
             SELECT task_id, unit_id, due_on FROM obligation WHERE id = {own_row}"
        ),
        format!("UPDATE obligation SET task_id = task_id WHERE id = {own_row}"),
        "SELECT setval(pg_get_serial_sequence('obligation', 'id'), 1000)".to_string(),
        "SELECT setval(pg_get_serial_sequence('change', 'id'), 1000)".to_string(),
    ] {
        let e = refused(&mut client, &sql);
        assert!(e.contains("permission denied"), "{sql}: {e}");
    }
    assert_eq!(state(&t), before, "nothing written");

    // A line forged into an office's change before these rules (written by
    // hand here as the owner): the owner's undo refuses it, writes nothing.
    as_owner(&t)
        .batch_execute(&format!(
            "INSERT INTO change_row (change_id, seq, tbl, first_id, last_id, before, after)
             VALUES ({mine}, 2, 'obligation', {their_row}, {their_row}, '{forged}', '{forged}')"
        ))
        .expect("forged line");
    let before = state(&t);
    let refused_undo = t.run(&["undo", &mine.to_string()]);
    assert_eq!(refused_undo.code, 2, "{refused_undo:?}");
    assert_eq!(refused_undo.stderr.lines().count(), 1, "{refused_undo:?}");
    assert!(
        refused_undo.stderr.contains(&format!("#{mine}"))
            && refused_undo.stderr.contains("«Lê Lợi»")
            && refused_undo.stderr.contains("ngoài phạm vi"),
        "{refused_undo:?}"
    );
    assert_eq!(state(&t), before, "nothing written");
    assert_eq!(
        completed_on(&t, "t1", "ngo-quyen-tdp1").as_deref(),
        Some("2023-12-02")
    );
    // Without it, the owner undoes the office's change.
    as_owner(&t)
        .batch_execute(&format!(
            "DELETE FROM change_row WHERE change_id = {mine} AND seq = 2"
        ))
        .expect("forged line gone");
    t.ok(&["undo", &mine.to_string()]);
    assert_eq!(completed_on(&t, "t1", "le-loi-tdp1"), None);
}

#[test]
fn plain_undo_takes_the_login_s_change_and_a_removed_office_is_told_so() {
    if !server() {
        return;
    }
    let t = wards();
    let le_loi = new_office(&t, "le_loi", "Lê Lợi", "p-le-loi");
    // The owner, then the office, under the same name (USER of both).
    t.ok(&[
        "done",
        "--task",
        "t1",
        "--unit",
        "le-loi-tdp2",
        "--on",
        "02/12/2023",
    ]);
    let mut office = command_as(
        &t,
        &le_loi,
        &[
            "done",
            "--task",
            "t1",
            "--unit",
            "le-loi-tdp1",
            "--on",
            "01/12/2023",
        ],
    );
    office.env_remove("THEODOI_ACTOR");
    let done = run(office);
    assert_eq!(done.code, 0, "{}", done.stderr);
    let log: Vec<Value> = t.json(&["log"]);
    assert_eq!(log[0]["actor"], log[1]["actor"], "{log:?}");
    t.ok(&["undo"]);
    assert_eq!(
        completed_on(&t, "t1", "le-loi-tdp2"),
        None,
        "the owner's own"
    );
    assert_eq!(
        completed_on(&t, "t1", "le-loi-tdp1").as_deref(),
        Some("2023-12-01"),
        "the office's stays"
    );

    // No name in the environment: the login's.
    let mut anonymous = command_as(
        &t,
        &le_loi,
        &[
            "extend",
            "--task",
            "t1",
            "--unit",
            "le-loi-tdp2",
            "--to",
            "20/12/2023",
            "--reason",
            "x",
        ],
    );
    for var in ["THEODOI_ACTOR", "USER", "LOGNAME", "USERNAME"] {
        anonymous.env_remove(var);
    }
    let extended = run(anonymous);
    assert_eq!(extended.code, 0, "{}", extended.stderr);
    let log: Vec<Value> = t.json(&["log"]);
    assert_eq!(log[0]["actor"], le_loi.0.as_str(), "{log:?}");

    // Its changes alone, by its login.
    let theirs: Vec<Value> = t.json(&["log", "--login", &le_loi.0]);
    assert_eq!(theirs.len(), 2, "{theirs:?}");
    assert!(
        theirs.iter().all(|c| c["login"] == le_loi.0.as_str()),
        "{theirs:?}"
    );
    // A login mistyped is said, with those there are, not shown as an
    // empty log.
    let err = t.fails(&["log", "--login", &le_loi.0.to_uppercase()]);
    assert!(
        err.contains(&format!("không có tài khoản {}", le_loi.0.to_uppercase()))
            && err.contains(&format!("các tài khoản có: {}", le_loi.0)),
        "{err}"
    );

    // Removed: every command, reads included, says so in one line.
    t.ok(&["office", "remove", &le_loi.0]);
    for args in [
        &["overdue", "--count"][..],
        &["log"],
        &[
            "done",
            "--task",
            "t1",
            "--unit",
            "le-loi-tdp2",
            "--on",
            "03/12/2023",
        ],
    ] {
        let gone = run(command_as(&t, &le_loi, args));
        assert_eq!(gone.code, 2, "{args:?}: {gone:?}");
        assert_eq!(gone.stderr.lines().count(), 1, "{gone:?}");
        assert!(
            gone.stderr
                .contains(&format!("tài khoản {} không còn quyền", le_loi.0))
                && gone.stderr.contains("liên hệ Ban Tổ chức")
                && !gone.stderr.contains("permission denied"),
            "{args:?}: {gone:?}"
        );
    }
}

#[test]
fn an_office_is_told_its_scope_first_and_to_ask_the_committee_s_clerk() {
    if !server() {
        return;
    }
    let t = wards();
    let le_loi = new_office(&t, "le_loi", "Lê Lợi", "p-le-loi");
    t.ok(&[
        "done",
        "--task",
        "t1",
        "--unit",
        "ngo-quyen-tdp1",
        "--on",
        "02/12/2023",
    ]);
    let before = state(&t);
    let one_line = |args: &[&str]| {
        let r = run(command_as(&t, &le_loi, args));
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert_eq!(r.stderr.lines().count(), 1, "{r:?}");
        r.stderr
    };
    // Outside its units: that first, before what is recorded there or what
    // the unit does not owe.
    for args in [
        &[
            "done",
            "--task",
            "t1",
            "--unit",
            "ngo-quyen-tdp1",
            "--on",
            "03/12/2023",
        ][..],
        &[
            "done",
            "--task",
            "t1",
            "--unit",
            "p-ngo-quyen",
            "--on",
            "03/12/2023",
        ],
        &[
            "extend",
            "--task",
            "t1",
            "--unit",
            "ngo-quyen-tdp1",
            "--to",
            "20/12/2023",
            "--reason",
            "x",
        ],
    ] {
        let e = one_line(args);
        assert!(
            e.contains("văn phòng «Lê Lợi» không được ghi"),
            "{args:?}: {e}"
        );
    }
    let mut english = vec!["--lang", "en"];
    english.extend([
        "done",
        "--task",
        "t1",
        "--unit",
        "p-ngo-quyen",
        "--on",
        "03/12/2023",
    ]);
    let e = one_line(&english);
    assert!(e.contains("office «Lê Lợi» may not write"), "{e}");
    // A file's row outside its units, with a rating that is none: the
    // scope is said of that row, before its values.
    let file = t.dir.path().join("ket-qua.csv");
    std::fs::write(
        &file,
        "unit,on,rating\nngo-quyen-tdp2,03/12/2023,XUẤT SẮC\nle-loi-tdp1,03/12/2023,\n",
    )
    .expect("file");
    let r = run(command_as(
        &t,
        &le_loi,
        &["done", "--task", "t1", "--from", file.to_str().unwrap()],
    ));
    assert_eq!(r.code, 2, "{r:?}");
    assert!(
        r.stderr.contains("văn phòng «Lê Lợi» không được ghi") && !r.stderr.contains("XUẤT SẮC"),
        "{r:?}"
    );

    // What only the committee's clerk does: to be asked of that clerk.
    let e = one_line(&[
        "done",
        "--task",
        "t1",
        "--unit",
        "p-le-loi",
        "--on",
        "03/12/2023",
    ]);
    assert!(
        e.contains("đề nghị cán bộ Ban Tổ chức giao") && !e.contains("task assign"),
        "{e}"
    );
    let e = one_line(&[
        "done",
        "--task",
        "t1",
        "--unit",
        "le-loi-tdp1",
        "--on",
        "03/12/2023",
        "--rating",
        "HTNV",
    ]);
    assert!(
        e.contains("đề nghị cán bộ Ban Tổ chức") && !e.contains("task add"),
        "{e}"
    );
    // A name several units have: the office's own first.
    let ngo_quyen = new_office(&t, "ngo_quyen", "Ngô Quyền", "p-ngo-quyen");
    let r = run(command_as(
        &t,
        &ngo_quyen,
        &[
            "done",
            "--task",
            "t1",
            "--unit",
            "tổ dân phố 1",
            "--on",
            "03/12/2023",
        ],
    ));
    assert_eq!(r.code, 2, "{r:?}");
    let own = r.stderr.find("ngo-quyen-tdp1").expect("its own unit named");
    assert_eq!(
        r.stderr.find("tdp1"),
        Some(own + "ngo-quyen-".len()),
        "{r:?}"
    );
    let e = one_line(&[
        "task",
        "assign",
        "t1",
        "--unit",
        "p-le-loi",
        "--due",
        "20/12/2023",
    ]);
    assert!(e.contains("Ban Tổ chức"), "{e}");
    assert_eq!(state(&t), before, "nothing written");

    // Its change, then the owner's on the same row: the office is told to
    // ask for the owner's to be undone first.
    let done = run(command_as(
        &t,
        &le_loi,
        &[
            "done",
            "--task",
            "t1",
            "--unit",
            "le-loi-tdp1",
            "--on",
            "01/12/2023",
        ],
    ));
    assert_eq!(done.code, 0, "{}", done.stderr);
    let log: Vec<Value> = t.json(&["log"]);
    let mine = log[0]["id"].as_i64().expect("id").to_string();
    t.ok(&[
        "done",
        "--task",
        "t1",
        "--unit",
        "le-loi-tdp1",
        "--on",
        "01/12/2023",
        "--correct",
        "--evidence",
        "Biên bản số 5",
    ]);
    let log: Vec<Value> = t.json(&["log"]);
    let owners = log[0]["id"].as_i64().expect("id");
    let e = one_line(&["undo", &mine]);
    assert!(
        e.contains(&format!("đề nghị cán bộ Ban Tổ chức hoàn tác #{owners}")),
        "{e}"
    );

    // A lock held by a session (here the office's, on a table it may
    // change): a command stops at the limit, in one line.
    let mut owner = as_owner(&t);
    owner
        .batch_execute(
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET lock_timeout = ''1s''',
                 current_database()); END $$",
        )
        .expect("limit");
    let mut client = connect(t.db.to_str().unwrap(), &le_loi.0, &le_loi.1);
    client
        .batch_execute("BEGIN; LOCK TABLE person IN ACCESS EXCLUSIVE MODE")
        .expect("lock");
    let r = t.run(&["person", "list"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("đã chờ quá"), "{r:?}");
    client.batch_execute("ROLLBACK").expect("rollback");
    // An advisory lock, which any login may take (a reader's too), holds
    // no write up.
    client
        .batch_execute("SELECT pg_advisory_lock(1413762889)")
        .expect("advisory lock");
    t.ok(&[
        "done",
        "--task",
        "t1",
        "--unit",
        "le-loi-tdp2",
        "--on",
        "01/12/2023",
    ]);
    // The write lock, which a writing office takes as theodoi does: held
    // in a transaction left open, a command stops at the limit.
    client
        .batch_execute("BEGIN; SELECT write_lock()")
        .expect("write lock");
    let r = t.run(&["--lang", "en", "undo"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("waited"), "{r:?}");
    client.batch_execute("ROLLBACK").expect("rollback");
}

#[test]
fn a_login_the_limits_do_not_bind_is_no_office_and_a_missing_one_is_said() {
    if !server() {
        return;
    }
    let t = wards();
    let before = state(&t);
    // A superuser, a login that bypasses row-level security, a member of
    // the owner's role: none would be held to its units.
    let owner: String = as_owner(&t)
        .query_one("SELECT current_user::TEXT", &[])
        .expect("owner")
        .get(0);
    for (what, grant) in [
        ("su", "ALTER ROLE {} SUPERUSER".to_string()),
        ("bypass", "ALTER ROLE {} BYPASSRLS".to_string()),
        ("member", format!("GRANT \"{owner}\" TO {{}}")),
    ] {
        let login = new_login(&t, what);
        as_owner(&t)
            .batch_execute(&grant.replace("{}", &login.0))
            .expect("grant");
        let err = t.fails(&[
            "office",
            "add",
            "Lê Lợi",
            "--unit",
            "p-le-loi",
            "--login",
            &login.0,
        ]);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&format!("tài khoản {}", login.0))
                && err.contains("không làm văn phòng được")
                && err.contains("không ghi gì"),
            "{what}: {err}"
        );
        assert_eq!(state(&t), before, "nothing written");
    }

    // A committee's clerk who owns the database but may not make logins
    // (README's `CREATE ROLE … LOGIN`): told what the administrator does.
    let clerk = new_login(&t, "btc");
    let address = t.db.to_str().expect("address");
    let database = format!("{}_own", address.rsplit('/').next().expect("name"));
    as_owner(&t)
        .batch_execute(&format!("CREATE DATABASE {database} OWNER {}", clerk.0))
        .expect("database");
    let own = format!("{}_own", address_as(&t, &clerk.0));
    let init = run({
        let mut cmd = t.command_without_db(&["--db", &own, "init"]);
        cmd.env("PGPASSWORD", &clerk.1);
        cmd
    });
    assert_eq!(init.code, 0, "{init:?}");
    let added = run({
        let mut cmd = t.command_without_db(&[
            "--db",
            &own,
            "office",
            "add",
            "Đọc",
            "--read-only",
            "--login",
            "chua_co_ai",
        ]);
        cmd.env("PGPASSWORD", &clerk.1);
        cmd
    });
    assert_eq!(added.code, 2, "{added:?}");
    assert!(
        added.stderr.contains("chưa có tài khoản chua_co_ai")
            && added.stderr.contains("CREATE ROLE chua_co_ai LOGIN")
            && added.stderr.contains(&clerk.0),
        "{added:?}"
    );
    let listed = run({
        let mut cmd = t.command_without_db(&["--db", &own, "office", "list", "--format", "json"]);
        cmd.env("PGPASSWORD", &clerk.1);
        cmd
    });
    assert_eq!(listed.stdout.trim(), "[]", "{listed:?}");
}
