//! A PostgreSQL server as an IT officer runs it: TLS (`sslmode`,
//! `sslrootcert`, `PGSSLMODE`, `PGSSLROOTCERT`), the server's refusals said
//! in one Vietnamese line, waits for a lock that end, writes tried again
//! when they meet another, two `init` at once, what `demo` and `import`
//! leave alone, values longer than a server indexes. Run by
//! `scripts/pg-test`, whose server takes TCP on 127.0.0.1 with TLS only;
//! without it these tests say so and pass.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{Run, Theodoi, on_postgres, pg_config, pg_dbname, run};

/// The key of theodoi's write lock ("TDOI").
const WRITE_LOCK: i64 = 0x5444_4F49;

/// False, said, when no test server is given.
fn server() -> bool {
    let ready = on_postgres() && std::env::var("THEODOI_TEST_PG_TCP").is_ok();
    if !ready {
        eprintln!("skipped: needs the PostgreSQL server of scripts/pg-test");
    }
    ready
}

/// A variable `scripts/pg-test` sets.
fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} (scripts/pg-test)"))
}

/// The database of `t` over TCP, as key-value, with `more` after.
fn tcp(t: &Theodoi, more: &str) -> String {
    let db = pg_dbname(t.db.to_str().expect("address")).expect("dbname");
    let server = var("THEODOI_TEST_PG_TCP").replace("dbname=postgres", &format!("dbname={db}"));
    format!("{server} {more}").trim().to_string()
}

/// The port of the test server.
fn port() -> String {
    var("THEODOI_TEST_PG_TCP")
        .split_whitespace()
        .find_map(|p| p.strip_prefix("port=").map(str::to_string))
        .expect("port")
}

/// A command on the database at `db`, with the tests' clean environment
/// and `env` set (an empty value removes the variable).
fn command(t: &Theodoi, db: &str, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = t.command_without_db(&[]);
    cmd.arg("--db").arg(db).args(args);
    for (k, v) in env {
        match v.is_empty() {
            true => cmd.env_remove(k),
            false => cmd.env(k, v),
        };
    }
    cmd
}

/// Runs a command that must fail: exit 2, one line that starts with
/// `theodoi: ` and speaks Vietnamese, nothing on stdout. Returns the line.
fn refused(r: Run) -> String {
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stdout.is_empty(), "{r:?}");
    let line = r.stderr.trim_end().to_string();
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(line.starts_with("theodoi: "), "{line}");
    assert!(line.chars().count() <= 300, "{line}");
    for english in ["error", "db error", "ERROR", "failed", "does not exist"] {
        assert!(!line.contains(english), "English in: {line}");
    }
    line
}

/// A connection to the database of `t` as the test server's user.
fn client(t: &Theodoi) -> postgres::Client {
    pg_config(t.db.to_str().expect("address"))
        .connect(postgres::NoTls)
        .expect("connect")
}

/// A directive, as a clerk adds one.
const ADD_DIRECTIVE: &[&str] = &[
    "directive",
    "add",
    "188-KH/TU",
    "--issuer",
    "Thành ủy",
    "--date",
    "06/11/2023",
    "--title",
    "Luân chuyển cán bộ",
];

/// How many directives the database of `t` holds.
fn directives(t: &Theodoi) -> i64 {
    client(t)
        .query_one("SELECT count(*) FROM directive", &[])
        .expect("count")
        .get(0)
}

#[test]
fn tls_require_and_verify_full_connect_and_a_wrong_root_certificate_is_refused() {
    if !server() {
        return;
    }
    let t = Theodoi::new();
    t.ok(ADD_DIRECTIVE);
    let (ca, other) = (var("THEODOI_TEST_PG_CA"), var("THEODOI_TEST_PG_OTHER_CA"));
    let listed = |db: &str, env: &[(&str, &str)]| {
        run(command(
            &t,
            db,
            &["directive", "list", "--format", "csv"],
            env,
        ))
    };
    // The server takes TCP with TLS only (pg_hba.conf: hostssl): each of
    // these went through TLS.
    let db = pg_dbname(t.db.to_str().unwrap()).unwrap().to_string();
    for (address, env) in [
        (tcp(&t, "sslmode=require"), vec![]),
        // prefer, the default: TLS when the server offers it.
        (tcp(&t, ""), vec![]),
        (
            tcp(&t, &format!("sslmode=verify-full sslrootcert={ca}")),
            vec![],
        ),
        (
            tcp(&t, &format!("sslmode=verify-ca sslrootcert='{ca}'")),
            vec![],
        ),
        (
            format!(
                "postgresql://theodoi@localhost:{}/{db}?sslmode=verify-full&sslrootcert={}",
                port(),
                ca.replace('/', "%2F")
            ),
            vec![],
        ),
        (
            tcp(&t, ""),
            vec![("PGSSLMODE", "verify-full"), ("PGSSLROOTCERT", ca.as_str())],
        ),
    ] {
        let r = listed(&address, &env);
        assert_eq!(r.code, 0, "{address} {env:?}: {}", r.stderr);
        assert!(r.stdout.contains("188-KH/TU"), "{address}: {}", r.stdout);
    }

    // A root certificate that did not sign the server's: refused, one line.
    let wrong = tcp(&t, &format!("sslmode=verify-full sslrootcert={other}"));
    let line = refused(run(command(&t, &wrong, ADD_DIRECTIVE, &[])));
    assert!(
        line.contains(&format!("chứng chỉ của máy chủ 127.0.0.1:{}/{db}", port()))
            && line.contains(&format!("không được chứng chỉ gốc {other} xác nhận"))
            && line.contains("không kết nối, không ghi gì"),
        "{line}"
    );
    let line = refused(run(command(
        &t,
        &tcp(&t, ""),
        &["unit", "list"],
        &[
            ("PGSSLMODE", "verify-ca"),
            ("PGSSLROOTCERT", other.as_str()),
        ],
    )));
    assert!(line.contains("không được chứng chỉ gốc"), "{line}");
    // The certificate is for 127.0.0.1 and localhost, not another name.
    let renamed = tcp(
        &t,
        &format!("sslmode=verify-full sslrootcert={ca} hostaddr=127.0.0.1"),
    )
    .replace("host=127.0.0.1", "host=may-chu.example");
    let line = refused(run(command(&t, &renamed, &["unit", "list"], &[])));
    assert!(line.contains("không mang tên may-chu.example"), "{line}");
    // verify-* with no root certificate (none in ~/.postgresql either).
    let line = refused(run(command(
        &t,
        &tcp(&t, "sslmode=verify-full"),
        &["unit", "list"],
        &[],
    )));
    assert!(
        line.contains("sslmode=verify-full cần chứng chỉ gốc") && line.contains("sslrootcert="),
        "{line}"
    );
    // A root certificate file that is not there, an unknown mode.
    let line = refused(run(command(
        &t,
        &tcp(&t, "sslmode=require sslrootcert=/khong/co.pem"),
        &["unit", "list"],
        &[],
    )));
    assert!(line.contains("/khong/co.pem"), "{line}");
    let line = refused(run(command(
        &t,
        &tcp(&t, "sslmode=verify-all"),
        &["unit", "list"],
        &[],
    )));
    assert!(
        line.contains("sslmode=verify-all không dùng được"),
        "{line}"
    );
    // No TLS over TCP: this server has no rule for it.
    let line = refused(run(command(
        &t,
        &tcp(&t, "sslmode=disable"),
        &["unit", "list"],
        &[],
    )));
    assert!(line.contains("pg_hba.conf"), "{line}");
    assert_eq!(directives(&t), 1);
}

#[test]
fn the_servers_refusals_are_said_in_one_line_without_the_password() {
    if !server() {
        return;
    }
    let t = Theodoi::new();
    let db = pg_dbname(t.db.to_str().unwrap()).unwrap().to_string();
    // No password anywhere: the hint names PGPASSWORD and ~/.pgpass.
    let line = refused(run(command(
        &t,
        t.db.to_str().unwrap(),
        &["unit", "list"],
        &[("PGPASSWORD", ""), ("PGPASSFILE", "/khong/co")],
    )));
    assert!(
        line.contains("đòi mật khẩu của người dùng theodoi")
            && line.contains("~/.pgpass")
            && line.contains("PGPASSWORD"),
        "{line}"
    );
    // A wrong password.
    let line = refused(run(command(
        &t,
        t.db.to_str().unwrap(),
        &["unit", "list"],
        &[("PGPASSWORD", "sai-mat-khau")],
    )));
    assert!(
        line.contains("sai mật khẩu của người dùng theodoi") && line.contains(&db),
        "{line}"
    );
    assert!(!line.contains("sai-mat-khau"), "{line}");
    // A database the server does not have.
    let line = refused(run(command(
        &t,
        "postgresql:///khong_co_csdl",
        &["unit", "list"],
        &[],
    )));
    assert!(
        line.contains("chưa có cơ sở dữ liệu khong_co_csdl")
            && line.contains("createdb khong_co_csdl"),
        "{line}"
    );
    // A login role the server does not have (a rule lets it try without a
    // password, so that the server says so).
    let line = refused(run(command(
        &t,
        &format!("postgresql://khong_ai@/{db}"),
        &["unit", "list"],
        &[],
    )));
    assert!(line.contains("không có người dùng khong_ai"), "{line}");
    // A login without the right to read the tables.
    let role = format!("{db}_r");
    let mut admin = client(&t);
    admin
        .batch_execute(&format!(
            "CREATE ROLE {role} LOGIN PASSWORD 'doc-thoi'; GRANT CONNECT ON DATABASE {db} TO {role}"
        ))
        .expect("role");
    let line = refused(run(command(
        &t,
        &format!("postgresql://{role}@/{db}"),
        &["unit", "list"],
        &[("PGPASSWORD", "doc-thoi")],
    )));
    assert!(
        line.contains(&format!("tài khoản {role} không còn quyền")),
        "{line}"
    );
    admin
        .batch_execute(&format!(
            "REVOKE ALL ON DATABASE {db} FROM {role}; DROP ROLE {role}"
        ))
        .expect("drop role");
}

/// Starts `theodoi` with `args` on the database of `t`, its stderr kept.
fn spawn(t: &Theodoi, args: &[&str], env: &[(&str, &str)]) -> std::process::Child {
    let mut cmd = command(t, t.db.to_str().unwrap(), args, env);
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    cmd.spawn().expect("spawn theodoi")
}

/// Waits until a session of the database of `t` waits for a lock; its pid.
fn waiting(admin: &mut postgres::Client) -> i32 {
    let start = Instant::now();
    loop {
        let row = admin
            .query_opt(
                "SELECT pid FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'",
                &[],
            )
            .expect("activity");
        if let Some(row) = row {
            return row.get(0);
        }
        assert!(start.elapsed() < Duration::from_secs(20), "nobody waits");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// What a finished child said on stderr, and its exit code.
fn finished(mut child: std::process::Child) -> (i32, String) {
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let code = child.wait().expect("wait").code().unwrap_or(-1);
    (code, err)
}

#[test]
fn a_lock_held_elsewhere_is_waited_for_within_a_limit_and_a_closed_connection_said() {
    if !server() {
        return;
    }
    let t = Theodoi::new();
    let mut holder = client(&t);
    let mut admin = client(&t);
    holder
        .batch_execute("BEGIN; SELECT write_lock()")
        .expect("lock");
    // Another program holds the write lock: the limit set in PGOPTIONS.
    let started = Instant::now();
    let child = spawn(&t, ADD_DIRECTIVE, &[("PGOPTIONS", "-c lock_timeout=1s")]);
    let (code, err) = finished(child);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("đã chờ quá 1s") && err.contains("lock_timeout"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(15), "{started:?}");
    // The server ends the waiting write: said in one line, nothing written.
    let child = spawn(&t, ADD_DIRECTIVE, &[]);
    let pid = waiting(&mut admin);
    admin
        .execute("SELECT pg_terminate_backend($1)", &[&pid])
        .expect("terminate");
    let (code, err) = finished(child);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("đã đóng kết nối"), "{err}");
    holder.batch_execute("ROLLBACK").expect("unlock");
    assert_eq!(directives(&t), 0);
    t.ok(ADD_DIRECTIVE);
}

#[test]
fn a_write_that_meets_another_is_tried_again_then_said() {
    if !server() {
        return;
    }
    let t = Theodoi::new();
    // The server refuses the first two tries as a serialization failure
    // would (a counter outside any transaction), then takes the write.
    client(&t)
        .batch_execute(
            "CREATE SEQUENCE refusals;
             CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN
               IF nextval('refusals') <= (SELECT value::int FROM meta WHERE key = 'test_refusals') THEN
                 RAISE EXCEPTION 'could not serialize' USING ERRCODE = 'serialization_failure';
               END IF;
               RETURN NEW;
             END $$;
             CREATE TRIGGER refuse BEFORE INSERT ON directive FOR EACH ROW EXECUTE FUNCTION refuse();
             INSERT INTO meta (key, value) VALUES ('test_refusals', '2');",
        )
        .expect("trigger");
    t.ok(ADD_DIRECTIVE);
    assert_eq!(directives(&t), 1);
    let log: i64 = client(&t)
        .query_one("SELECT count(*) FROM change", &[])
        .expect("log")
        .get(0);
    assert_eq!(log, 1, "one change in the log, not one per try");
    // Refused every time: given up after five tries, one line, nothing written.
    client(&t)
        .batch_execute(
            "UPDATE meta SET value = '1000' WHERE key = 'test_refusals';
             SELECT setval('refusals', 1)",
        )
        .expect("refuse always");
    let mut other = ADD_DIRECTIVE.to_vec();
    other[2] = "189-KH/TU";
    let line = refused(t.run(&other));
    assert!(line.contains("đã thử 5 lần"), "{line}");
    assert_eq!(directives(&t), 1);
}

#[test]
fn two_inits_at_once_make_the_database_once() {
    if !server() {
        return;
    }
    let t = Theodoi::bare();
    // Both wait for the write lock, held here, then go one after the other.
    let mut holder = client(&t);
    holder
        .execute("SELECT pg_advisory_lock($1)", &[&WRITE_LOCK])
        .expect("lock");
    let children: Vec<_> = (0..2).map(|_| spawn(&t, &["init"], &[])).collect();
    let start = Instant::now();
    loop {
        let waiting: i64 = holder
            .query_one(
                "SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'",
                &[],
            )
            .expect("activity")
            .get(0);
        if waiting == 2 {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "{waiting} wait");
        std::thread::sleep(Duration::from_millis(50));
    }
    holder
        .execute("SELECT pg_advisory_unlock($1)", &[&WRITE_LOCK])
        .expect("unlock");
    for child in children {
        let (code, err) = finished(child);
        assert_eq!(code, 0, "{err}");
    }
    let version: String = client(&t)
        .query_one("SELECT value FROM meta WHERE key = 'schema_version'", &[])
        .expect("version")
        .get(0);
    assert_eq!(version, "15");
    t.ok(ADD_DIRECTIVE);
}

#[test]
fn demo_builds_in_an_empty_or_unused_database_and_never_over_a_record() {
    if !server() {
        return;
    }
    // Made by init, still without a record: the demo is built in it.
    let t = Theodoi::new();
    t.ok(&["demo"]);
    let count = t.ok(&["overdue", "--as-of", "07/12/2023", "--count"]);
    assert!(count.trim().parse::<u32>().is_ok_and(|n| n > 0), "{count}");
    // A clerk's record: refused, one line, untouched.
    let t = Theodoi::new();
    t.ok(ADD_DIRECTIVE);
    let line = refused(t.run(&["demo"]));
    assert!(
        line.contains("đã có dữ liệu, không phải cơ sở dữ liệu mẫu")
            && line.contains("demo --db mau.db"),
        "{line}"
    );
    assert_eq!(directives(&t), 1);
    // import into it: a new database on the server, not a new file.
    let file = t.dir.path().join("ban-sao.json");
    t.ok(&["export", file.to_str().unwrap()]);
    let line = refused(t.run(&["import", file.to_str().unwrap()]));
    assert!(
        line.contains("createdb TÊN_MỚI") && !line.contains("MỚI.db"),
        "{line}"
    );
}

#[test]
fn a_symbol_longer_than_any_is_refused_on_every_store() {
    // Random digits: a server's index entry cannot hold 6,000 of them.
    let mut digits = String::new();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..6000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        digits.push(char::from(b'0' + (x % 10) as u8));
    }
    let t = Theodoi::new();
    let symbol = format!("{digits}-KH/TU");
    let mut args = ADD_DIRECTIVE.to_vec();
    args[2] = &symbol;
    let line = refused(t.run(&args));
    assert!(
        line.contains("dài 6006 ký tự, quá giới hạn 100 ký tự"),
        "{line}"
    );
    let spelled = format!("Kế hoạch số {digits}");
    args[2] = &spelled;
    let line = refused(t.run(&args));
    assert!(line.contains("quá giới hạn 100 ký tự"), "{line}");
    let listed: Vec<serde_json::Value> = t.json(&["directive", "list"]);
    assert!(listed.is_empty());
}
