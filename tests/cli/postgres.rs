//! A PostgreSQL database as the store (`--db postgres://…` or a key-value
//! address): made by `init`, refused when newer or another program's, the
//! server's refusal said in one line without the password, and the reports
//! printed exactly as on an SQLite file. Run by `scripts/pg-test`
//! (`THEODOI_TEST_CLI=postgres`); without a server these tests say so and pass.

use std::process::Command;

use crate::util::{
    Theodoi, enter_son_tay, fresh_pg_database, on_postgres, pg_config, repo_file, run,
};

/// False, said, when no test server is given.
fn server() -> bool {
    if !on_postgres() {
        eprintln!("skipped: needs a PostgreSQL server (scripts/pg-test)");
    }
    on_postgres()
}

/// One `key=value` of the test server's address.
fn server_part(key: &str) -> String {
    let address = std::env::var("THEODOI_TEST_PG").expect("THEODOI_TEST_PG");
    address
        .split_whitespace()
        .find_map(|p| p.strip_prefix(&format!("{key}=")).map(str::to_string))
        .unwrap_or_default()
}

/// The database named by a test's address.
fn dbname(address: &str) -> String {
    crate::util::pg_dbname(address).expect("dbname").to_string()
}

/// Runs SQL on the database at `address` as the test server's user.
fn sql(address: &str, statements: &str) {
    let mut client = pg_config(address)
        .connect(postgres::NoTls)
        .expect("connect");
    client.batch_execute(statements).expect("sql");
}

/// One text value of a query on the database at `address`.
fn value(address: &str, query: &str) -> Option<String> {
    let mut client = pg_config(address)
        .connect(postgres::NoTls)
        .expect("connect");
    client
        .query_opt(query, &[])
        .expect("query")
        .map(|row| row.get::<_, String>(0))
}

/// A command on the database at `db` (any address form), with the clean
/// environment of the tests and `env` set.
fn command(t: &Theodoi, db: &str, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = t.command_without_db(&[]);
    cmd.arg("--db").arg(db).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// A directive, as a clerk adds one.
const ADD_DIRECTIVE: &[&str] = &[
    "directive",
    "add",
    "188-KH/TU",
    "--issuer",
    "Ban Thường vụ Thành ủy Hà Nội",
    "--date",
    "06/11/2023",
    "--title",
    "Luân chuyển cán bộ",
];

#[test]
fn init_makes_the_schema_in_an_empty_database_once() {
    if !server() {
        return;
    }
    let t = Theodoi::bare();
    let address = t.db.to_str().unwrap().to_string();
    let made = t.ok(&["init"]);
    // Named by its server and name only, never the rest of the address.
    assert!(made.contains(&dbname(&address)), "{made}");
    assert_eq!(
        value(
            &address,
            "SELECT value FROM meta WHERE key = 'schema_version'"
        )
        .as_deref(),
        Some("15")
    );
    assert_eq!(
        value(&address, "SELECT value FROM meta WHERE key = 'application'").as_deref(),
        Some("theodoi")
    );
    // Again: the database is there, at version 15, untouched.
    let again = t.ok(&["--lang", "en", "init"]);
    assert!(again.contains("15"), "{again}");
    t.ok(ADD_DIRECTIVE);
    let listed: Vec<serde_json::Value> = t.json(&["directive", "list"]);
    assert_eq!(listed.len(), 1);
    // The log and undo work on the server as on a file.
    t.ok(&["undo"]);
    let listed: Vec<serde_json::Value> = t.json(&["directive", "list"]);
    assert!(listed.is_empty());
}

#[test]
fn a_newer_database_is_refused_untouched() {
    if !server() {
        return;
    }
    let t = Theodoi::new();
    let address = t.db.to_str().unwrap().to_string();
    sql(
        &address,
        "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
    );
    for args in [&["unit", "list"][..], &["init"], ADD_DIRECTIVE] {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let err = t.fails(&all);
        assert!(err.contains("version 99"), "{err}");
        assert!(err.contains("newer"), "{err}");
    }
    assert_eq!(
        value(
            &address,
            "SELECT value FROM meta WHERE key = 'schema_version'"
        )
        .as_deref(),
        Some("99")
    );
    assert_eq!(
        value(&address, "SELECT count(*)::TEXT FROM directive").as_deref(),
        Some("0")
    );
}

#[test]
fn another_programs_database_is_refused_untouched() {
    if !server() {
        return;
    }
    let t = Theodoi::bare();
    let address = t.db.to_str().unwrap().to_string();
    sql(
        &address,
        "CREATE TABLE invoice (id INT); INSERT INTO invoice VALUES (1)",
    );
    for args in [&["init"][..], &["unit", "list"], &["demo"]] {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let err = t.fails(&all);
        assert!(err.contains("another program"), "{err}");
        assert!(err.contains(&dbname(&address)), "{err}");
    }
    assert_eq!(
        value(
            &address,
            "SELECT count(*)::TEXT FROM pg_tables WHERE schemaname = 'public'"
        )
        .as_deref(),
        Some("1")
    );
}

#[test]
fn a_wrong_password_is_one_line_without_the_password() {
    if !server() {
        return;
    }
    let t = Theodoi::new();
    let address = t.db.to_str().unwrap().to_string();
    let r = run(command(
        &t,
        &address,
        &["--lang", "en", "unit", "list"],
        &[("PGPASSWORD", "not-the-password")],
    ));
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stderr.trim_end().lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains(&dbname(&address)), "{}", r.stderr);
    assert!(
        r.stderr.contains("password authentication failed"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("not-the-password"), "{}", r.stderr);
    // A password in a URL is never shown either.
    let url = format!(
        "postgresql://{}:s3cret-word@/{}?host={}",
        server_part("user"),
        dbname(&address),
        server_part("host")
    );
    let r = run(command(
        &t,
        &url,
        &["--lang", "en", "unit", "list"],
        &[("PGPASSWORD", "")],
    ));
    assert_eq!(r.code, 2, "{r:?}");
    assert!(!r.stderr.contains("s3cret-word"), "{}", r.stderr);
    assert!(
        r.stderr.contains("password authentication failed"),
        "{}",
        r.stderr
    );
    // No server there: the address and the reason, one line.
    let gone = format!("host={}/none dbname=x user=y", server_part("host"));
    let r = run(command(&t, &gone, &["--lang", "en", "unit", "list"], &[]));
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(r.stderr.trim_end().lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "no PostgreSQL server takes connections at {}/none:",
            server_part("host")
        )),
        "{}",
        r.stderr
    );
}

#[test]
fn every_address_form_reaches_the_same_database() {
    if !server() {
        return;
    }
    let t = Theodoi::new();
    t.ok(ADD_DIRECTIVE);
    let address = t.db.to_str().unwrap().to_string();
    let (host, user, db) = (server_part("host"), server_part("user"), dbname(&address));
    let password = std::env::var("PGPASSWORD").unwrap_or_default();
    let encoded_host: String = host.replace('/', "%2F");
    let forms = [
        format!("postgres://{user}@{encoded_host}/{db}"),
        format!("postgresql://{user}@/{db}?host={host}"),
        format!("host={host} user={user} dbname={db}"),
        format!("host = '{host}'  dbname={db} user={user}"),
    ];
    for form in &forms {
        let r = run(command(
            &t,
            form,
            &["directive", "list", "--format", "csv"],
            &[],
        ));
        assert_eq!(r.code, 0, "{form}: {}", r.stderr);
        assert!(r.stdout.contains("188-KH/TU"), "{form}: {}", r.stdout);
    }
    // What the address leaves out comes from the environment, as libpq's.
    let r = run(command(
        &t,
        &format!("dbname={db}"),
        &["directive", "list", "--format", "csv"],
        &[("PGHOST", &host), ("PGUSER", &user)],
    ));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // THEODOI_DB names the database as --db does.
    let mut cmd = t.command_without_db(&["directive", "list", "--format", "csv"]);
    cmd.env("THEODOI_DB", &address);
    let r = run(cmd);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("188-KH/TU"), "{}", r.stdout);
    // The password from a password file, none in the environment.
    let passfile = t.dir.path().join("pgpass");
    std::fs::write(&passfile, format!("# test\n*:*:{db}:{user}:{password}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&passfile, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let r = run(command(
        &t,
        &format!("host={host} user={user} dbname={db}"),
        &["directive", "list", "--format", "csv"],
        &[
            ("PGPASSWORD", ""),
            ("PGPASSFILE", passfile.to_str().unwrap()),
        ],
    ));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A file path is still a file.
    let file = t.dir.path().join("a=b.db");
    let r = run(command(&t, file.to_str().unwrap(), &["init"], &[]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(file.exists());
}

#[test]
fn what_only_files_do_is_refused_clearly() {
    if !server() {
        return;
    }
    let t = Theodoi::new();
    for (args, words) in [
        (&["backup", "x.db"][..], "pg_dump"),
        (&["encrypt"], "SQLite files"),
        (&["decrypt"], "SQLite files"),
        (&["init", "--encrypt"], "SQLite files"),
    ] {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let err = t.fails(&all);
        assert!(err.contains(words), "{args:?}: {err}");
    }
}

/// The Sơn Tây scenario with its completions, entered in `t`.
fn reported(t: Theodoi) -> Theodoi {
    t.ok(&["init"]);
    enter_son_tay(|args| {
        t.ok(args);
    });
    let file = std::fs::read_to_string(repo_file("fixtures/completions.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(file.as_bytes());
    for record in reader.records() {
        let r = record.unwrap();
        let mut args = vec!["done", "--task", &r[0], "--unit", &r[1], "--on", &r[2]];
        if !r[3].is_empty() {
            args.extend(["--evidence", &r[3]]);
        }
        if !r[4].is_empty() {
            args.extend(["--note", &r[4]]);
        }
        t.ok(&args);
    }
    t
}

#[test]
fn reports_print_byte_for_byte_what_a_file_prints() {
    if !server() {
        return;
    }
    let file = reported(Theodoi::bare_file());
    let server = reported(Theodoi::bare());
    assert!(!server.db.exists(), "the server's database is no file");
    for args in [
        &["overdue", "--as-of", "07/12/2023"][..],
        &["overdue", "--as-of", "13/12/2023", "--format", "json"],
        &["overdue", "--as-of", "13/12/2023", "--format", "csv"],
        &["upcoming", "--as-of", "01/12/2023", "--format", "md"],
        &["results", "kiem-diem-2023", "--as-of", "13/12/2023"],
        &["overdue", "--as-of", "13/12/2023", "--count"],
        &["progress", "--as-of", "07/12/2023"],
        &["progress", "--as-of", "13/12/2023", "--by", "parent"],
        &["progress", "--as-of", "13/12/2023", "--format", "json"],
        &["unit", "list"],
        &["directive", "list"],
    ] {
        assert_eq!(server.ok(args), file.ok(args), "{args:?}");
    }
}

#[test]
fn the_demo_is_built_on_the_server_and_built_again() {
    if !server() {
        return;
    }
    let t = Theodoi::new();
    let address = fresh_pg_database();
    for _ in 0..2 {
        let r = run(command(&t, &address, &["demo"], &[]));
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stdout.contains(&dbname(&address)), "{}", r.stdout);
    }
    // A key-value address is quoted in the command shown, as it is typed.
    let kv = format!("dbname={}", dbname(&fresh_pg_database()));
    let r = run(command(&t, &kv, &["demo"], &[]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(&format!("theodoi --db '{kv}' unit list"))
            || r.stdout
                .contains(&format!("theodoi --db \"{kv}\" unit list")),
        "{}",
        r.stdout
    );
    let r = run(command(
        &t,
        &address,
        &["overdue", "--as-of", "07/12/2023", "--count"],
        &[],
    ));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A theodoi database with a record in it is not replaced.
    t.ok(ADD_DIRECTIVE);
    let err = t.fails(&["--lang", "en", "demo"]);
    assert!(err.contains("has records and is no demo"), "{err}");
    assert_eq!(
        value(
            &t.db.to_string_lossy(),
            "SELECT count(*)::TEXT FROM directive"
        )
        .as_deref(),
        Some("1")
    );
    sql(&address, "SELECT 1 FROM meta WHERE key = 'kind'");
    sql(&t.db.to_string_lossy(), "SELECT 1 FROM meta");
}

#[test]
fn no_server_where_the_address_points_is_said_in_one_line() {
    let t = Theodoi::bare_file();
    // A port nothing listens on; an empty socket folder.
    let mut addresses = vec![(
        "postgresql://x@127.0.0.1:1/theodoi".to_string(),
        "127.0.0.1".to_string(),
    )];
    if cfg!(unix) {
        let folder = t.dir.path().join("khong-co-may-chu");
        std::fs::create_dir(&folder).expect("folder");
        let folder = folder.display().to_string();
        addresses.push((format!("host={folder} dbname=theodoi user=x"), folder));
    }
    for (address, host) in addresses {
        let r = run(t.command_without_db(&["--db", &address, "overdue", "--count"]));
        assert_eq!(r.code, 2, "{r:?}");
        assert_eq!(r.stderr.trim_end().lines().count(), 1, "{r:?}");
        assert!(
            r.stderr.contains(&format!(
                "không có máy chủ PostgreSQL nào nhận kết nối ở {host}"
            )) && r.stderr.contains(&format!("pg_isready -h {host}"))
                && !r.stderr.contains("os error"),
            "{r:?}"
        );
    }
}
