//! A small builder for running the real binary on a temporary database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use tempfile::TempDir;

/// The path of a file in the repository.
pub fn repo_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A temporary home with a database in it. With `THEODOI_TEST_CLI=postgres`
/// (see `scripts/pg-test`), the database is a fresh one on the PostgreSQL
/// server named by `THEODOI_TEST_PG`, and `db` is its address.
pub struct Theodoi {
    pub dir: TempDir,
    pub db: PathBuf,
    /// The database made on the test server, dropped with the home.
    #[allow(dead_code)]
    pub pg: Option<PgDatabase>,
}

/// A database made on the test server for one test.
pub struct PgDatabase(String);

/// The characters a shell takes as they are in a database's path or address
/// (as `theodoi`'s messages quote it).
const SHELL_SAFE: &str = if cfg!(windows) {
    "-_./:\\+,@%"
} else {
    "-_./:+,@%"
};

/// Whether the tests run on PostgreSQL (`THEODOI_TEST_CLI=postgres`).
pub fn on_postgres() -> bool {
    std::env::var("THEODOI_TEST_CLI").as_deref() == Ok("postgres")
}

/// True, with the reason printed, for a test about SQLite files (the file,
/// its encryption, its copies) when the tests run on PostgreSQL: the test
/// returns at once.
pub fn sqlite_only(reason: &str) -> bool {
    if on_postgres() {
        eprintln!("skipped on PostgreSQL: {reason}");
    }
    on_postgres()
}

/// Ends a test about SQLite files at once, saying why, when the tests run
/// on PostgreSQL (see `sqlite_only`).
macro_rules! skip_on_postgres {
    ($reason:expr) => {
        if $crate::util::sqlite_only($reason) {
            return;
        }
    };
}
pub(crate) use skip_on_postgres;

/// A connection to the test server (`THEODOI_TEST_PG`, password from
/// `PGPASSWORD`).
fn pg_server() -> (postgres::Client, postgres::Config) {
    let address = std::env::var("THEODOI_TEST_PG").expect("THEODOI_TEST_PG (scripts/pg-test)");
    let mut config: postgres::Config = address.parse().expect("THEODOI_TEST_PG");
    if let Ok(password) = std::env::var("PGPASSWORD") {
        config.password(password);
    }
    let client = config.connect(postgres::NoTls).expect("test server");
    (client, config)
}

/// The test server's settings for the database at `address` (one that
/// `fresh_pg_database` made, or any other), with the server's host, port
/// and user where the address leaves them to libpq's environment.
pub fn pg_config(address: &str) -> postgres::Config {
    let mut config: postgres::Config = address.parse().expect("address");
    let (_, server) = pg_server_config();
    if config.get_hosts().is_empty() {
        for host in server.get_hosts() {
            match host {
                postgres::config::Host::Tcp(h) => config.host(h),
                #[cfg(unix)]
                postgres::config::Host::Unix(p) => config.host_path(p),
            };
        }
        for port in server.get_ports() {
            config.port(*port);
        }
    }
    if config.get_user().is_none()
        && let Some(user) = server.get_user()
    {
        config.user(user);
    }
    if let Ok(password) = std::env::var("PGPASSWORD") {
        config.password(password);
    }
    config
}

/// The address of the test server and its settings.
fn pg_server_config() -> (String, postgres::Config) {
    let address = std::env::var("THEODOI_TEST_PG").expect("THEODOI_TEST_PG (scripts/pg-test)");
    let config: postgres::Config = address.parse().expect("THEODOI_TEST_PG");
    (address, config)
}

/// A new, empty database on the test server; its address, as a URL with
/// no space in it (tests put it in shell lines unquoted). Short, as a
/// clerk's is whose server is in libpq's environment (`PGHOST`, `PGPORT`,
/// `PGUSER`, set by `scripts/pg-test`): `postgresql:///NAME`, unless that
/// environment is not the test server's.
pub fn fresh_pg_database() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let (mut client, config) = pg_server();
    let name = format!(
        "td_{}_{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::SeqCst)
    );
    client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .expect("drop database");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create database");
    let user = config.get_user().unwrap_or("postgres");
    let env = |k: &str| std::env::var(k).ok();
    let host_is_env = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => env("PGHOST").as_deref() == Some(h.as_str()),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(p)) => {
            env("PGHOST").as_deref() == Some(&*p.to_string_lossy())
        }
        None => false,
    };
    let port_is_env = config.get_ports().first().map(|p| p.to_string()) == env("PGPORT")
        || config.get_ports().is_empty() && env("PGPORT").is_none();
    if host_is_env && port_is_env && env("PGUSER").as_deref() == Some(user) {
        return format!("postgresql:///{name}");
    }
    let mut query = Vec::new();
    let mut host = String::new();
    match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => host = h.clone(),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(p)) => query.push(format!("host={}", p.display())),
        None => {}
    }
    if let Some(port) = config.get_ports().first() {
        query.push(format!("port={port}"));
    }
    let query = match query.is_empty() {
        true => String::new(),
        false => format!("?{}", query.join("&")),
    };
    format!("postgresql://{user}@{host}/{name}{query}")
}

impl Theodoi {
    /// On PostgreSQL, a new home whose database is a copy of this one's
    /// (made from it as a template; no command has it open).
    pub fn pg_copy(&self) -> Theodoi {
        let dir = tempfile::tempdir().expect("temp dir");
        let from = pg_dbname(self.db.to_str().expect("address")).expect("dbname");
        let address = fresh_pg_database();
        let name = pg_dbname(&address).expect("dbname").to_string();
        let (mut client, _) = pg_server();
        client
            .batch_execute(&format!("DROP DATABASE {name}"))
            .expect("drop database");
        client
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {from}"))
            .expect("copy database");
        Theodoi {
            dir,
            db: PathBuf::from(&address),
            pg: Some(PgDatabase(address)),
        }
    }

    /// On PostgreSQL, the rows of a query of two columns (text, number).
    pub fn pg_pairs(&self, query: &str) -> Result<Vec<(String, i64)>, String> {
        let address = self.db.to_str().expect("address");
        let config = pg_config(address);
        let mut client = config.connect(postgres::NoTls).map_err(|e| e.to_string())?;
        let rows = client.query(query, &[]).map_err(|e| e.to_string())?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }
}

/// The database named in an address that `fresh_pg_database` made.
pub fn pg_dbname(address: &str) -> Option<&str> {
    let path = address.strip_prefix("postgresql://")?.split_once('/')?.1;
    Some(path.split('?').next().unwrap_or(path))
}

impl Drop for PgDatabase {
    /// A database made on the test server is dropped with its test.
    fn drop(&mut self) {
        if let Some(name) = pg_dbname(&self.0) {
            let (mut client, _) = pg_server();
            let _ = client.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// One finished run.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Theodoi {
    /// A fresh, initialized database.
    pub fn new() -> Theodoi {
        let t = Theodoi::bare();
        t.ok(&["init"]);
        t
    }

    /// No database yet.
    pub fn bare() -> Theodoi {
        let dir = tempfile::tempdir().expect("temp dir");
        if on_postgres() {
            let address = fresh_pg_database();
            return Theodoi {
                dir,
                db: PathBuf::from(&address),
                pg: Some(PgDatabase(address)),
            };
        }
        let db = dir.path().join("theodoi.db");
        Theodoi { dir, db, pg: None }
    }

    /// A home with a database file in it even on PostgreSQL: for the tests
    /// about SQLite files themselves.
    pub fn bare_file() -> Theodoi {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("theodoi.db");
        Theodoi { dir, db, pg: None }
    }

    /// A command on this home, with `--db` given and a clean environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_theodoi"));
        cmd.arg("--db").arg(&self.db).args(args);
        self.clean_env(&mut cmd);
        cmd
    }

    /// A command with no `--db`: the location comes from the environment.
    pub fn command_without_db(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_theodoi"));
        cmd.args(args);
        self.clean_env(&mut cmd);
        cmd
    }

    /// A clean environment: no THEODOI_* from the caller, HOME in the temp dir.
    pub fn clean_env(&self, cmd: &mut Command) {
        // COLUMNS and LINES would change where help wraps.
        for var in [
            "THEODOI_DB",
            "THEODOI_LANG",
            "THEODOI_ACTOR",
            "NO_COLOR",
            "COLUMNS",
            "LINES",
            "THEODOI_KEY_FILE",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("USER", "chuyen-vien")
            .stdin(Stdio::null());
    }

    /// The rated task of 2023 (`xep-loai-2023` under 44-QĐ/TU, due 06/12 for
    /// chi bộ, 12/12 for đảng bộ cơ sở).
    pub fn add_rated_task(&self) {
        self.ok(&[
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
            "chi-bo-truc-thuoc=06/12/2023",
            "--due",
            "chi-bo-co-so=06/12/2023",
            "--due",
            "dang-bo-co-so=12/12/2023",
        ]);
    }

    /// Two chi bộ rated on 05/12/2023: UBKT HTXSNV, Ban Tuyên giáo HTTNV.
    pub fn rate_two_chi_bo(&self) {
        for (unit, rating) in [("cb-ubkt", "HTXSNV"), ("cb-ban-tuyen-giao", "HTTNV")] {
            self.ok(&[
                "done",
                "--task",
                "xep-loai-2023",
                "--unit",
                unit,
                "--on",
                "05/12/2023",
                "--rating",
                rating,
                "--force",
            ]);
        }
    }

    /// The database as messages name it: a file by its path, a database
    /// of the test server by its name (`postgresql:///NAME`).
    pub fn shown(&self) -> String {
        let db = self.db.display().to_string();
        match db.strip_prefix("postgresql:///") {
            Some(name) => name.to_string(),
            None => db,
        }
    }

    /// A command as a message suggests it on this home: `theodoi --db PATH …`.
    /// The database is quoted as a shell needs it (a server's address has `?`).
    pub fn typed(&self, rest: &str) -> String {
        let db = self.db.display().to_string();
        let plain = db
            .chars()
            .all(|c| c.is_alphanumeric() || SHELL_SAFE.contains(c));
        if plain {
            format!("theodoi --db {db} {rest}")
        } else if cfg!(windows) {
            format!("theodoi --db \"{db}\" {rest}")
        } else {
            format!("theodoi --db '{db}' {rest}")
        }
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run(self.command(args))
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, 0, "theodoi {args:?} failed: {}", r.stderr);
        r.stdout
    }

    /// Runs and expects exit status 2 with one error line and no output;
    /// returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, 2, "theodoi {args:?}: {r:?}");
        assert!(r.stderr.starts_with("theodoi: "), "{}", r.stderr);
        assert_eq!(r.stderr.trim_end().lines().count(), 1, "{}", r.stderr);
        r.stderr
    }

    /// Runs with `--format json` and parses stdout.
    pub fn json<T: DeserializeOwned>(&self, args: &[&str]) -> T {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        let out = self.ok(&args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
    }

    /// Everything a clerk can list, to check that a failed command wrote nothing.
    pub fn snapshot(&self) -> String {
        [
            "unit list",
            "directive list",
            "task list",
            "overdue --as-of 31/12/2030",
        ]
        .iter()
        .map(|c| {
            let mut args: Vec<&str> = c.split(' ').collect();
            args.extend(["--format", "json"]);
            self.ok(&args)
        })
        .collect()
    }

    /// The rated review of the leaders in post (a task for people under
    /// 45-QĐ/TU, code `xl-can-bo-2023`), due 15/12/2023 for those of the
    /// đảng bộ cơ sở.
    pub fn add_leaders_review(&self) {
        self.ok(&[
            "task",
            "add",
            "--directive",
            "45-QĐ/TU",
            "--code",
            "xl-can-bo-2023",
            "--title",
            "Xếp loại cán bộ năm 2023",
            "--people",
            "--rated",
            "--due",
            "dang-bo-co-so=15/12/2023",
        ]);
    }

    /// The Sơn Tây scenario, entered as a clerk would: the five directives,
    /// the unit file, plan 223's task.
    pub fn son_tay() -> Theodoi {
        let t = Theodoi::new();
        enter_son_tay(|args| {
            t.ok(args);
        });
        t
    }
}

/// The commands of the Sơn Tây scenario, each given to `run`: the five
/// directives, the unit file, plan 223's task.
pub fn enter_son_tay(run: impl Fn(&[&str])) {
    for (symbol, issuer, date, title, kind) in DIRECTIVES {
        let mut args = vec![
            "directive",
            "add",
            symbol,
            "--issuer",
            issuer,
            "--date",
            date,
            "--title",
            title,
        ];
        if let Some(kind) = kind {
            args.extend(["--type", kind]);
        }
        run(&args);
    }
    let units = repo_file("fixtures/units.csv");
    run(&["unit", "import", units.to_str().unwrap()]);
    run(&SON_TAY_TASK);
}

/// Plan 223's task, as `task add` is given it.
pub const SON_TAY_TASK: [&str; 12] = [
    "task",
    "add",
    "--directive",
    "Kế hoạch số 223",
    "--code",
    "kiem-diem-2023",
    "--title",
    "Kiểm điểm, đánh giá, xếp loại chất lượng năm 2023",
    "--due",
    "chi-bo-co-so=06/12/2023",
    "--due",
    "dang-bo-co-so=12/12/2023",
];

impl Theodoi {
    /// Gives Kim Sơn until 20/12/2023 for plan 223's review (gia hạn).
    pub fn extend_kim_son(&self) {
        self.ok(&[
            "extend",
            "--task",
            "kiem-diem-2023",
            "--unit",
            "Kim Sơn",
            "--to",
            "20/12/2023",
            "--reason",
            "Bí thư đi học",
        ]);
    }

    /// Merges the wards of Lê Lợi and Phú Thịnh into a new ward of Tùng
    /// Thiện on 01/07/2025; what the command printed.
    pub fn merge_into_tung_thien(&self) -> String {
        self.add_tung_thien();
        self.ok(&[
            "unit",
            "merge",
            "p-le-loi",
            "p-phu-thinh",
            "--into",
            "p-tung-thien",
            "--on",
            "01/07/2025",
        ])
    }

    /// Adds the ward of Tùng Thiện, into which other wards are merged.
    pub fn add_tung_thien(&self) {
        self.ok(&[
            "unit",
            "add",
            "Đảng bộ phường Tùng Thiện",
            "--kind",
            "dang-bo-co-so",
            "--parent",
            "son-tay",
            "--code",
            "p-tung-thien",
        ]);
    }
}

impl Theodoi {
    /// The Sơn Tây scenario with the completions of `fixtures/completions.csv`.
    pub fn son_tay_reported() -> Theodoi {
        let t = Theodoi::son_tay();
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
}

const HN: &str = "Ban Thường vụ Thành ủy Hà Nội";
const ST: &str = "Ban Thường vụ Thị ủy Sơn Tây";

/// The directives of 24/11/2023 (DOMAIN.md).
pub const DIRECTIVES: [(&str, &str, &str, &str, Option<&str>); 5] = [
    (
        "188-KH/TU",
        HN,
        "06/11/2023",
        "Luân chuyển, điều động, biệt phái cán bộ",
        None,
    ),
    (
        "34- ĐA/TU",
        HN,
        "6-11-2023",
        "Tạo nguồn cán bộ chủ chốt cấp xã đến năm 2025",
        None,
    ),
    (
        "44-QĐ/TU",
        ST,
        "23/11/2023",
        "Đánh giá, xếp loại chất lượng tổ chức đảng",
        Some("quy-dinh"),
    ),
    (
        "45-QĐ/TU",
        ST,
        "23/11/2023",
        "Đánh giá, xếp loại cán bộ diện BTV quản lý",
        Some("quy-dinh"),
    ),
    (
        "Kế hoạch số 223",
        ST,
        "2023-11-23",
        "Kiểm điểm, đánh giá, xếp loại chất lượng hằng năm",
        None,
    ),
];

pub fn run(mut cmd: Command) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("run theodoi");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(stderr).expect("utf-8 stderr"),
    }
}

/// One row of `overdue --format json`.
#[derive(Debug, Deserialize, PartialEq, Eq)]
pub struct OverdueRow {
    pub unit_code: String,
    pub unit: String,
    pub unit_kind: String,
    pub parent: Option<String>,
    pub parent_code: Option<String>,
    pub directive: String,
    pub task: String,
    pub task_title: String,
    pub due_on: String,
    pub days_overdue: i64,
}

/// One row of `directive list --format json`.
#[derive(Debug, Deserialize)]
pub struct DirectiveRow {
    pub symbol: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: String,
    pub number: String,
    pub issuer: String,
    pub issued_on: String,
    pub title: String,
}

/// One row of `unit list --format json`.
#[derive(Debug, Deserialize)]
pub struct UnitRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub parent: Option<String>,
}
