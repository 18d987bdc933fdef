//! The PostgreSQL store: the same seam as `sqlite/` (`store::Storage`,
//! `store::Db`) on a PostgreSQL server, with the blocking `postgres` client.
//! The only module besides `sqlite/` that speaks SQL, and the only one that
//! imports `postgres`.
//!
//! Its rules (see ARCHITECTURE.md): the schema is built by the steps in
//! `migrations/postgres/`, one per step of `migrations/`, with the same
//! version numbers; the version and the mark of a theodoi database are rows
//! of `meta`. Dates are ISO text and text is compared bytewise (`COLLATE
//! "C"`), so that every report prints what SQLite's prints. A write is one
//! transaction that first takes one advisory lock: writers are serialised
//! as SQLite's `BEGIN IMMEDIATE` serialises them. New rows get the ids
//! SQLite would give them (one more than the greatest), whatever was rolled
//! back before.

/// Runs `$body` with `$c` bound to the client or the transaction.
macro_rules! on_conn {
    ($db:expr, $c:ident => $body:expr) => {
        match &$db.conn {
            Conn::Read($crate::store::postgres::Reading { client: cell, .. }) => {
                let $c = &mut *cell.borrow_mut();
                $body
            }
            Conn::Tx(cell) => {
                let $c = &mut *cell.borrow_mut();
                $body
            }
        }
    };
}

mod assign;
mod connect;
mod directives;
mod dues;
mod history;
mod listing;
mod offices;
mod order;
mod people;
mod portable;
mod ratings;
mod reorg;
mod reports;
mod results;
mod settings;
mod tables;
mod tasks;
mod tls;
mod tree;
mod units;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use postgres::types::ToSql;
use postgres::{Client, Row, Statement, Transaction};

use super::{Db, Storage, Txn};
use crate::domain::error::{Error, Result, ServerProblem};
pub use offices::{Office, OfficeAdded};

/// The text of a file of the repository, compiled into the binary.
use std::include_str as embed_file;

/// A schema step compiled into the binary: the name of its file in
/// `migrations/postgres/`, and its SQL.
macro_rules! migration {
    ($file:literal) => {
        (
            $file,
            embed_file!(concat!("../../../migrations/postgres/", $file)),
        )
    };
}

/// The schema steps as (file name, SQL), in order: step `i` (counting from
/// 0) takes the database from version `i` to `i + 1`, in one transaction.
/// The same steps, by number, as SQLite's (`sqlite::MIGRATIONS`).
const MIGRATIONS: &[(&str, &str)] = &[
    migration!("0001_core.sql"),
    migration!("0002_history.sql"),
    migration!("0003_ratings.sql"),
    migration!("0004_people.sql"),
    migration!("0005_open_tally.sql"),
    migration!("0006_application_id.sql"),
    migration!("0007_tree_in_time.sql"),
    migration!("0008_settings.sql"),
    migration!("0009_marks.sql"),
    migration!("0010_offices.sql"),
    migration!("0011_unit_order.sql"),
    migration!("0012_office_writes_logged.sql"),
    migration!("0013_open_listing.sql"),
    migration!("0014_open_listing_on_server.sql"),
    migration!("0015_late_listing.sql"),
];

/// The schema version this binary writes and understands.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// The value of `meta.application` in a theodoi database.
const APPLICATION: &str = "theodoi";

/// The key of the advisory lock that `init`, schema steps, imports into an
/// empty database and the administration of offices take ("TDOI"); every
/// write of records takes the row lock of `write_lock()` instead.
const WRITE_LOCK: i64 = 0x5444_4F49;

/// The tables whose ids the store gives: before each write, each one's
/// identity goes back to one more than its greatest id (as SQLite's rowid).
const ID_TABLES: &[&str] = &[
    "directive",
    "unit",
    "unit_past",
    "unit_alias",
    "person",
    "task",
    "task_due",
    "obligation",
    "rule",
    "setting",
    "change",
];

/// How long a statement waits for a lock (another write, a row held by
/// another program) before it is given up: unless the server, the
/// database, the login or the address (`options='-c lock_timeout=…'`,
/// `PGOPTIONS`) sets a limit of its own.
const LOCK_TIMEOUT: &str = "30s";

impl From<postgres::Error> for Error {
    /// What the server refused or ended, by kind (`Error::PgServer`, naming
    /// the database connected to); anything else as the storage's error.
    fn from(e: postgres::Error) -> Error {
        let current = current();
        match server_problem(&e, None) {
            Some(problem) => Error::PgServer {
                address: current.shown,
                problem,
            },
            None => Error::storage(e),
        }
    }
}

/// The database this process connected to last, as errors name it, and
/// its lock limit.
#[derive(Debug, Clone, Default)]
struct Current {
    shown: String,
    who: connect::Who,
    lock_timeout: String,
}

static CURRENT: std::sync::Mutex<Option<Current>> = std::sync::Mutex::new(None);

fn current() -> Current {
    CURRENT
        .lock()
        .ok()
        .and_then(|c| c.clone())
        .unwrap_or_default()
}

/// Sets `lock_timeout` to `LOCK_TIMEOUT` unless a limit is set already
/// (one round trip), and records the database as the one errors name.
fn limit_lock_waits(client: &mut Client, shown: &str, who: &connect::Who) -> Result<()> {
    let rows = client.simple_query(&format!(
        "SELECT set_config('lock_timeout', CASE current_setting('lock_timeout') \
         WHEN '0' THEN '{LOCK_TIMEOUT}' ELSE current_setting('lock_timeout') END, false)"
    ))?;
    let lock_timeout = rows
        .iter()
        .find_map(|m| match m {
            postgres::SimpleQueryMessage::Row(row) => row.get(0).map(str::to_string),
            _ => None,
        })
        .unwrap_or_else(|| LOCK_TIMEOUT.to_string());
    if let Ok(mut slot) = CURRENT.lock() {
        *slot = Some(Current {
            shown: shown.to_string(),
            who: who.clone(),
            lock_timeout,
        });
    }
    Ok(())
}

/// What a server's error means for the clerk, when it is one of the kinds
/// said in words: by SQLSTATE, else the client's own kind. `who`: the
/// connection being made (else the one made last).
fn server_problem(e: &postgres::Error, who: Option<&connect::Who>) -> Option<ServerProblem> {
    use postgres::error::SqlState;
    let current = current();
    let who = who.unwrap_or(&current.who);
    let user = || who.user.clone();
    if let Some(db) = e.as_db_error() {
        let message = db.message();
        let code = db.code();
        return Some(if *code == SqlState::INVALID_PASSWORD {
            ServerProblem::WrongPassword { user: user() }
        } else if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
            && message.starts_with("role ")
        {
            ServerProblem::NoRole { user: user() }
        } else if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
            && message.contains("pg_hba.conf")
        {
            ServerProblem::NotAllowed {
                user: user(),
                db: who.db.clone(),
            }
        } else if *code == SqlState::INVALID_CATALOG_NAME {
            ServerProblem::NoDatabase { db: who.db.clone() }
        } else if *code == SqlState::TOO_MANY_CONNECTIONS {
            ServerProblem::TooMany
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            let what = regex::Regex::new(r#"^permission denied for \w+ "?([^"\s]+)"?"#)
                .expect("pattern")
                .captures(message)
                .map(|c| c[1].to_string());
            ServerProblem::Denied { user: user(), what }
        } else if [
            SqlState::ADMIN_SHUTDOWN,
            SqlState::CRASH_SHUTDOWN,
            SqlState::CANNOT_CONNECT_NOW,
            SqlState::IDLE_SESSION_TIMEOUT,
        ]
        .contains(code)
        {
            ServerProblem::Closed
        } else if *code == SqlState::LOCK_NOT_AVAILABLE {
            ServerProblem::LockTimeout {
                limit: current.lock_timeout.clone(),
            }
        } else if *code == SqlState::T_R_SERIALIZATION_FAILURE
            || *code == SqlState::T_R_DEADLOCK_DETECTED
        {
            ServerProblem::Conflict { tries: 1 }
        } else {
            return None;
        });
    }
    if e.is_closed() {
        return Some(ServerProblem::Closed);
    }
    // Nothing listening where the address points, while connecting.
    if let Some(io) = std::error::Error::source(e).and_then(|c| c.downcast_ref::<std::io::Error>())
        && matches!(
            io.kind(),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
        )
        && reason_chain(e).contains("error connecting")
    {
        return Some(ServerProblem::NotRunning {
            host: if who.host.is_empty() {
                "localhost".to_string()
            } else {
                who.host.clone()
            },
        });
    }
    let text = reason_chain(e);
    if text.contains("password missing") {
        return Some(ServerProblem::PasswordMissing { user: user() });
    }
    // A connection that broke once made (not one that was never made).
    let io = std::error::Error::source(e).is_some_and(|c| c.is::<std::io::Error>());
    if io && !current.shown.is_empty() && !text.contains("error connecting") {
        return Some(ServerProblem::Closed);
    }
    None
}

/// An open PostgreSQL database.
pub struct PostgresStore {
    client: RefCell<Client>,
    /// The statements prepared on this connection, by their SQL.
    statements: Statements,
    /// The address as messages show it (no password).
    shown: String,
    /// A reader's transaction is open on the connection.
    reading: std::cell::Cell<bool>,
}

/// Statements prepared on one connection, by their SQL: the client keeps
/// none, and preparing one costs a round trip to the server. A report that
/// asks the same query again (per unit, per task) prepares it once.
#[derive(Default)]
pub(super) struct Statements(RefCell<std::collections::HashMap<String, Statement>>);

/// The most statements kept: SQL made for one call (lists of ids) is not
/// worth keeping beyond that.
const STATEMENTS_MAX: usize = 256;

impl PostgresStore {
    /// Connects to the database at `address` (a URL or a key-value string)
    /// and opens it: a theodoi database, upgraded when older than this
    /// binary; any other is refused untouched. `read_only`: the session
    /// cannot write (after an upgrade, which is a write).
    pub fn open(address: &str, read_only: bool) -> Result<PostgresStore> {
        let mut store = PostgresStore::connect(address)?;
        if let Some(found) = store.quick_check(read_only) {
            if found < VERSION {
                store.set_read_only(false)?;
                store.migrate(found)?;
                store.set_read_only(read_only)?;
            }
            return Ok(store);
        }
        // An empty database is one `init` has not made yet.
        let found = store.check().map_err(|e| match e {
            Error::DatabaseEmpty(name) => Error::DatabaseMissing(name),
            e => e,
        })?;
        store.migrate(found)?;
        if read_only {
            store.set_read_only(true)?;
        }
        Ok(store)
    }

    /// The version of a theodoi database this binary opens, read in one
    /// round trip with the session made read-only when `read_only` (what
    /// every command pays first); `None` when anything is amiss (no `meta`
    /// table, a login that may not read it, another program's tables, a
    /// newer schema): `check` then says what, in full.
    fn quick_check(&mut self, read_only: bool) -> Option<i64> {
        let mut sql = "SELECT key, value FROM meta WHERE key IN ('application', 'schema_version')"
            .to_string();
        if read_only {
            sql.push_str("; SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
        let messages = self.client.get_mut().simple_query(&sql).ok()?;
        let mut application = None;
        let mut version = None;
        for message in &messages {
            if let postgres::SimpleQueryMessage::Row(row) = message {
                match row.get(0) {
                    Some("application") => application = row.get(1),
                    Some("schema_version") => version = row.get(1),
                    _ => {}
                }
            }
        }
        let found = version?.parse::<i64>().ok()?;
        if application != Some(APPLICATION) || found > VERSION {
            // Left as it was: `check` refuses it.
            if read_only {
                self.set_read_only(false).ok()?;
            }
            return None;
        }
        Some(found)
    }

    /// Makes the session's transactions read-only, or writable again.
    fn set_read_only(&mut self, read_only: bool) -> Result<()> {
        self.client.get_mut().batch_execute(if read_only {
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"
        } else {
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE"
        })?;
        Ok(())
    }

    /// Makes a theodoi database of the empty database at `address`
    /// (`init`). A database with tables of another program is refused, as a
    /// foreign SQLite file is; one of theodoi's is opened (and upgraded).
    pub fn create(address: &str) -> Result<PostgresStore> {
        Ok(PostgresStore::init(address)?.0)
    }

    /// As `create`, and whether the database was made now (else it was a
    /// theodoi database already).
    pub fn init(address: &str) -> Result<(PostgresStore, bool)> {
        let mut store = PostgresStore::connect(address)?;
        let found = match store.check() {
            Err(Error::DatabaseEmpty(_)) => 0,
            other => other?,
        };
        // Two `init` at once: the second waits for the first's lock, then
        // finds its tables, as an `init` after it would.
        let new = store.migrate(found)?;
        Ok((store, new))
    }

    /// Makes the database at `address` ready for a new demo: empty already,
    /// made by `init` and still without a record, or an earlier demo: its
    /// tables are dropped. False (and nothing touched) for a theodoi
    /// database with a clerk's record in it, which a demo never replaces;
    /// another program's database is refused.
    pub fn clear_demo(address: &str) -> Result<bool> {
        let mut store = PostgresStore::connect(address)?;
        match store.check() {
            Err(Error::DatabaseEmpty(_)) => return Ok(true),
            Err(e) => return Err(e),
            Ok(_) => {}
        }
        let mut tx = store.client.get_mut().transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        // Looked at under the lock: no write slips in between.
        let demo = tx
            .query_opt("SELECT value FROM meta WHERE key = 'kind'", &[])?
            .is_some_and(|r| r.get::<_, &str>(0) == "demo");
        if !demo && !unused(&mut tx)? {
            return Ok(false);
        }
        let tables: Vec<&str> = tables::TABLES.iter().map(|t| t.name).collect();
        tx.batch_execute(&format!(
            "DROP TABLE IF EXISTS {} CASCADE; DROP FUNCTION IF EXISTS open_by_due_tally() CASCADE; \
             DROP FUNCTION IF EXISTS office_may_write(BIGINT) CASCADE; \
             DROP FUNCTION IF EXISTS change_is_mine(BIGINT) CASCADE; \
             DROP FUNCTION IF EXISTS begin_change(TEXT, TEXT, TEXT) CASCADE; \
             DROP FUNCTION IF EXISTS login_may_write(TEXT, BIGINT) CASCADE; \
             DROP FUNCTION IF EXISTS change_opened_here(BIGINT) CASCADE; \
             DROP FUNCTION IF EXISTS log_change_row(BIGINT, BIGINT, TEXT, BIGINT, BIGINT, TEXT, TEXT) CASCADE; \
             DROP FUNCTION IF EXISTS note_change(BIGINT, TEXT, BIGINT, BIGINT) CASCADE; \
             DROP FUNCTION IF EXISTS name_change(BIGINT, TEXT) CASCADE; \
             DROP FUNCTION IF EXISTS mark_undone(BIGINT, BIGINT) CASCADE; \
             DROP FUNCTION IF EXISTS reset_ids() CASCADE; \
             DROP FUNCTION IF EXISTS office_logs_row() CASCADE; \
             DROP FUNCTION IF EXISTS write_lock() CASCADE; \
             DROP FUNCTION IF EXISTS is_day(TEXT) CASCADE; \
             DROP FUNCTION IF EXISTS is_stamp(TEXT) CASCADE; \
             DROP FUNCTION IF EXISTS is_name(TEXT) CASCADE; \
             DROP FUNCTION IF EXISTS row_as_logged(JSONB) CASCADE; \
             DROP FUNCTION IF EXISTS office_change_not_empty() CASCADE;",
            tables.join(", ")
        ))?;
        tx.commit()?;
        Ok(true)
    }

    fn connect(address: &str) -> Result<PostgresStore> {
        let shown = super::location::label(address);
        let client = connect::client(address, &shown)?;
        Ok(PostgresStore {
            client: RefCell::new(client),
            reading: std::cell::Cell::new(false),
            statements: Statements::default(),
            shown,
        })
    }

    /// The address as messages show it.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// The address as a path, for the errors that name a database by its file.
    fn named(&self) -> PathBuf {
        PathBuf::from(&self.shown)
    }

    /// The version of the database, refusing one that is not theodoi's,
    /// or newer than this binary. `DatabaseEmpty` for a database with no
    /// table at all. Writes nothing.
    fn check(&mut self) -> Result<i64> {
        let client = self.client.get_mut();
        // Statements without parameters, each sent with its values in one
        // round trip (nothing prepared): every command starts here.
        let found = client.query_typed_one(
            "SELECT (SELECT count(*) FROM pg_catalog.pg_class c
                 JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                   AND n.nspname NOT LIKE 'pg\\_%'),
                 to_regclass('meta') IS NOT NULL",
            &[],
        )?;
        let (tables, has_meta): (i64, bool) = (found.get(0), found.get(1));
        if tables == 0 {
            return Err(Error::DatabaseEmpty(self.named()));
        }
        let foreign = || Error::ForeignPgDatabase(self.shown.clone());
        if !has_meta {
            return Err(foreign());
        }
        // A login whose office was removed (or never added) reads nothing:
        // said so, on every command, before any statement is refused.
        let row = client.query_typed_one(
            "SELECT has_table_privilege('meta', 'SELECT'), current_user::TEXT",
            &[],
        )?;
        if !row.get::<_, bool>(0) {
            return Err(Error::LoginNoRights { login: row.get(1) });
        }
        let rows = client.query_typed(
            "SELECT key, value FROM meta WHERE key IN ('application', 'schema_version')",
            &[],
        )?;
        let value = |key: &str| {
            rows.iter()
                .find(|r| r.get::<_, &str>(0) == key)
                .map(|r| r.get::<_, String>(1))
        };
        if value("application").as_deref() != Some(APPLICATION) {
            return Err(foreign());
        }
        let found = value("schema_version")
            .and_then(|v| v.parse::<i64>().ok())
            .ok_or_else(foreign)?;
        if found > VERSION {
            return Err(Error::DatabaseTooNew {
                path: self.named(),
                found,
                known: VERSION,
            });
        }
        Ok(found)
    }

    /// Runs the steps after `from`, each in a transaction of its own that
    /// holds the write lock (another process may have run it meanwhile).
    fn migrate(&mut self, from: i64) -> Result<bool> {
        let made = self.run_steps(from, VERSION)?;
        if from > 0 && from < VERSION {
            // A step may have added a table: every office may read it.
            let mut tx = self.client.get_mut().transaction()?;
            offices::grant_all(&mut tx)?;
            tx.commit()?;
        }
        Ok(made)
    }

    /// Runs the steps after `from` up to `until`; whether this process
    /// made the tables (false when another made them meanwhile).
    fn run_steps(&mut self, from: i64, until: i64) -> Result<bool> {
        let mut ran_first = from == 0;
        for (to, (_file, step)) in (1..).zip(MIGRATIONS) {
            if to <= from || to > until {
                continue;
            }
            // The lock is taken before the transaction begins: a
            // transaction that began before another's tables were made
            // may not see their names (the server's catalog cache), even
            // once it holds the lock.
            let client = self.client.get_mut();
            client.execute("SELECT pg_advisory_lock($1)", &[&WRITE_LOCK])?;
            let ran = run_step(client, to, step);
            let unlocked = client.execute("SELECT pg_advisory_unlock($1)", &[&WRITE_LOCK]);
            if !ran? && to == 1 {
                ran_first = false;
            }
            unlocked?;
        }
        Ok(ran_first)
    }

    /// The schema version recorded in the database.
    pub fn version(&self) -> Result<i64> {
        let row = self
            .client
            .borrow_mut()
            .query_one("SELECT value FROM meta WHERE key = 'schema_version'", &[])?;
        Ok(row.get::<_, String>(0).parse().unwrap_or(0))
    }

    /// Whether the database is a demo database.
    pub fn is_demo(&self) -> Result<bool> {
        let row = self
            .client
            .borrow_mut()
            .query_opt("SELECT value FROM meta WHERE key = 'kind'", &[])?;
        Ok(row.is_some_and(|r| r.get::<_, &str>(0) == "demo"))
    }
}

/// Runs schema step `to` (its SQL `step`) in a transaction of its own,
/// unless the database is at that version already (another process ran it
/// meanwhile): whether it ran. The caller holds the write lock.
fn run_step(client: &mut Client, to: i64, step: &str) -> Result<bool> {
    let mut tx = client.transaction()?;
    // Another `init` may have made the tables while this one waited.
    let made: bool = tx
        .query_one("SELECT to_regclass('meta') IS NOT NULL", &[])?
        .get(0);
    let now: i64 = match made {
        false => 0,
        true => tx
            .query_opt("SELECT value FROM meta WHERE key = 'schema_version'", &[])?
            .and_then(|r| r.get::<_, String>(0).parse().ok())
            .unwrap_or(0),
    };
    if now >= to {
        return Ok(false);
    }
    tx.batch_execute(step).map_err(|e| Error::Migration {
        version: to,
        source: Box::new(Error::storage(StepFailed(reason(&e)))),
    })?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('application', $1), ('schema_version', $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[&APPLICATION, &to.to_string()],
    )?;
    tx.commit()?;
    Ok(true)
}

/// Whether a theodoi database holds no record at all: no row in any table
/// the clerk writes, no change in the log (as `init` leaves it).
fn unused(tx: &mut Transaction<'_>) -> Result<bool> {
    let any = tables::TABLES
        .iter()
        .filter(|t| t.logged || t.name == "change")
        .map(|t| format!("EXISTS (SELECT 1 FROM {})", t.name))
        .collect::<Vec<_>>()
        .join(" OR ");
    let used: bool = tx.query_one(&format!("SELECT {any}"), &[])?.get(0);
    Ok(!used)
}

/// Why a schema step failed: the server's words, without the step's SQL.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct StepFailed(String);

/// The server's message of an error (its own words), else the error said.
pub(crate) fn reason(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string(),
    }
}

/// Why a connection failed: the server's words when it said any, else the
/// error and its causes (a refused connection, a missing socket).
pub(crate) fn reason_chain(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    let mut line = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        line.push_str(": ");
        line.push_str(&c.to_string());
        cause = c.source();
    }
    line
}

impl Storage for PostgresStore {
    /// Everything read through it is of one moment: a read-only
    /// transaction at repeatable read, begun here and ended when it is
    /// dropped, so that a report's statements see one state of the
    /// database while others write.
    fn read(&self) -> Box<dyn Db + '_> {
        Box::new(PgDb {
            conn: Conn::Read(Reading::begin(&self.client, &self.reading)),
            log: None,
            office: None,
            statements: Some(&self.statements),
        })
    }

    /// `BEGIN` (read committed), then the write lock: a writer waits for
    /// another's write to end, never mid-change.
    fn begin(&mut self, actor: &str, action: &str) -> Result<Box<dyn Txn + '_>> {
        let statements = &self.statements;
        let mut tx = self.client.get_mut().transaction()?;
        // An office's login: what it may write is checked as it writes; a
        // read-only login is refused here, before anything is written.
        let office = offices::session_scope(&mut tx)?;
        // A row of `meta` locked by the database's function: a login that
        // only reads cannot take it (it could take an advisory lock).
        tx.execute("SELECT write_lock()", &[])?;
        // By the database's function: an office may not set a sequence.
        tx.execute("SELECT reset_ids()", &[])?;
        let db = PgDb {
            conn: Conn::Tx(RefCell::new(tx)),
            log: None,
            office,
            statements: Some(statements),
        };
        let change_id = history::begin_change(&db, actor, action)?;
        Ok(Box::new(PgDb {
            log: Some(history::ChangeLog::new(change_id)),
            ..db
        }))
    }

    fn version(&self) -> Result<i64> {
        PostgresStore::version(self)
    }

    fn export(&self, out: &mut dyn std::io::Write) -> Result<()> {
        PostgresStore::export(self, out)
    }

    fn import(
        &mut self,
        document: &serde_json::Value,
        source: &str,
        check: &dyn Fn(&dyn Db) -> Result<()>,
    ) -> Result<usize> {
        PostgresStore::import(self, document, source, check)
    }

    /// A copy of a server's database is the server's tools' work (`pg_dump`).
    fn backup(&self, _path: &Path) -> Result<()> {
        Err(Error::PgBackup(self.shown.clone()))
    }
}

/// One statement that brings every id sequence back to one more than its
/// table's greatest id (as SQLite gives rowids): what a rolled-back write
/// took is given again.
pub(super) fn reset_ids_sql() -> String {
    ID_TABLES
        .iter()
        .map(|t| {
            format!(
                "SELECT setval(pg_get_serial_sequence('{t}', 'id'), coalesce(max(id), 0) + 1, false) FROM {t};"
            )
        })
        .collect()
}

/// The connection a `PgDb` works on: the store's own in a read
/// transaction, or a write transaction it owns.
enum Conn<'a> {
    Read(Reading<'a>),
    Tx(RefCell<Transaction<'a>>),
}

/// The store's connection in a read-only transaction at repeatable read,
/// which it ends when dropped: one snapshot for every statement in
/// between. A connection already in a transaction (a second reader of the
/// same store at once) reads in that one.
pub(crate) struct Reading<'a> {
    client: &'a RefCell<Client>,
    /// Set while a reader's transaction is open; `None` when this one began
    /// none.
    began: Option<&'a std::cell::Cell<bool>>,
}

impl<'a> Reading<'a> {
    fn begin(client: &'a RefCell<Client>, reading: &'a std::cell::Cell<bool>) -> Reading<'a> {
        let began = !reading.get()
            && client.try_borrow_mut().is_ok_and(|mut c| {
                c.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .is_ok()
            });
        reading.set(reading.get() || began);
        Reading {
            client,
            began: began.then_some(reading),
        }
    }
}

impl Drop for Reading<'_> {
    fn drop(&mut self) {
        if let Some(reading) = self.began {
            reading.set(false);
            if let Ok(mut client) = self.client.try_borrow_mut() {
                // A read transaction: nothing to keep. A connection that
                // cannot end it is closed with the store.
                let _ = client.batch_execute("ROLLBACK");
            }
        }
    }
}

/// Queries and changes, on the store's connection or inside a write
/// transaction (which logs every row it changes).
pub struct PgDb<'a> {
    conn: Conn<'a>,
    log: Option<RefCell<history::ChangeLog>>,
    /// The office of the login of a write session, if it is one.
    office: Option<offices::Scope>,
    /// The connection's prepared statements (none kept: `None`).
    statements: Option<&'a Statements>,
}

/// The parameters of a statement.
pub(crate) type Params<'p> = [&'p (dyn ToSql + Sync)];

impl PgDb<'_> {
    /// A failure of a statement: the server's refusal of an office's write
    /// (no grant, or a row-level policy) says which office and what it may
    /// write.
    fn said(&self, e: postgres::Error) -> Error {
        match Error::from(e) {
            e @ Error::PgServer {
                problem: ServerProblem::Denied { .. },
                ..
            } => self.office_refused().unwrap_or(e),
            e => e,
        }
    }

    /// The statement of `sql`, prepared on this connection once.
    fn prepared(&self, sql: &str) -> Result<Statement> {
        if let Some(kept) = self.statements.and_then(|s| s.0.borrow().get(sql).cloned()) {
            return Ok(kept);
        }
        let statement: Statement = on_conn!(self, c => c.prepare(sql)).map_err(|e| self.said(e))?;
        if let Some(kept) = self.statements {
            let mut kept = kept.0.borrow_mut();
            if kept.len() < STATEMENTS_MAX {
                kept.insert(sql.to_string(), statement.clone());
            }
        }
        Ok(statement)
    }

    /// Every row of a query.
    pub(super) fn rows(&self, sql: &str, params: &Params<'_>) -> Result<Vec<Row>> {
        let statement = self.prepared(sql)?;
        on_conn!(self, c => c.query(&statement, params)).map_err(|e| self.said(e))
    }

    /// The one row of a query (an error when there is none).
    pub(super) fn one(&self, sql: &str, params: &Params<'_>) -> Result<Row> {
        let statement = self.prepared(sql)?;
        on_conn!(self, c => c.query_one(&statement, params)).map_err(|e| self.said(e))
    }

    /// The row of a query, if there is one (an error when there are more).
    pub(super) fn opt(&self, sql: &str, params: &Params<'_>) -> Result<Option<Row>> {
        let statement = self.prepared(sql)?;
        on_conn!(self, c => c.query_opt(&statement, params)).map_err(|e| self.said(e))
    }

    /// Runs a statement; returns how many rows it changed.
    pub(super) fn exec(&self, sql: &str, params: &Params<'_>) -> Result<u64> {
        let statement = self.prepared(sql)?;
        on_conn!(self, c => c.execute(&statement, params)).map_err(|e| self.said(e))
    }

    /// Runs statements with no parameters (several, `;` apart).
    pub(super) fn batch(&self, sql: &str) -> Result<()> {
        on_conn!(self, c => c.batch_execute(sql)).map_err(|e| self.said(e))
    }

    /// Calls `each` with every row of a query as the server sends it,
    /// without holding them all: for reports of millions of rows. `each`
    /// must not use this `PgDb` (the connection is busy with the rows).
    pub(super) fn each(
        &self,
        sql: &str,
        params: &Params<'_>,
        each: &mut dyn FnMut(&Row) -> Result<()>,
    ) -> Result<()> {
        use postgres::fallible_iterator::FallibleIterator as _;
        let statement = self.prepared(sql)?;
        on_conn!(self, c => {
            let mut rows = c.query_raw(&statement, params.iter().copied())?;
            while let Some(row) = rows.next()? {
                each(&row)?;
            }
            Ok(())
        })
    }

    /// The first column of a query's one row, as an `i64` (`count(*)`,
    /// `… RETURNING id`).
    pub(super) fn int(&self, sql: &str, params: &Params<'_>) -> Result<i64> {
        Ok(self.one(sql, params)?.try_get(0)?)
    }
}

impl Txn for PgDb<'_> {
    fn db(&self) -> &dyn Db {
        self
    }

    fn changed(&self) -> bool {
        self.log.as_ref().is_some_and(|log| log.borrow().changed())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        self.flush_log()?;
        if let Some(log) = &self.log {
            let reorder = log.borrow_mut().take_reorder();
            order::apply(&self, &reorder)?;
        }
        match self.conn {
            Conn::Tx(tx) => Ok(tx.into_inner().commit()?),
            Conn::Read(_) => Ok(()),
        }
    }
}

/// A date as stored: `YYYY-MM-DD`.
pub(super) fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// An optional date as stored.
pub(super) fn iso_opt(day: Option<NaiveDate>) -> Option<String> {
    day.map(iso)
}

/// A stored date (`None` for NULL); a text that is no date is an error
/// naming the column.
pub(super) fn date_at(row: &Row, column: usize) -> Result<Option<NaiveDate>> {
    let text: Option<&str> = row.try_get(column)?;
    match text {
        None => Ok(None),
        Some(text) => crate::store::iso_day(text.as_bytes())
            .or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
            .map(Some)
            .ok_or_else(|| bad_column(row, column, text)),
    }
}

/// A stored date that is never NULL.
pub(super) fn day_at(row: &Row, column: usize) -> Result<NaiveDate> {
    date_at(row, column)?.ok_or_else(|| bad_column(row, column, "NULL"))
}

/// A 0/1 column (SQLite's booleans, BIGINT here).
pub(super) fn flag_at(row: &Row, column: usize) -> Result<bool> {
    Ok(row.try_get::<_, i64>(column)? != 0)
}

/// Reads a slug column back into its domain type.
pub(super) fn parse_column<T>(
    row: &Row,
    column: usize,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T> {
    let text: &str = row.try_get(column)?;
    parse(text).ok_or_else(|| bad_column(row, column, text))
}

/// A stored value the program does not know.
fn bad_column(row: &Row, column: usize, value: &str) -> Error {
    let name = row
        .columns()
        .get(column)
        .map(|c| c.name().to_string())
        .unwrap_or_default();
    Error::storage(BadValue(format!("column {name}: unknown value {value:?}")))
}

/// A stored value that the program cannot read.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(super) struct BadValue(pub(super) String);

/// The time this command runs, in UTC, RFC 3339 (as SQLite's store).
pub(super) fn now_stamp() -> &'static str {
    static NOW: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    NOW.get_or_init(|| chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// Makes a fresh database on the server named by `THEODOI_TEST_PG` for a
/// test, and returns its address (the server's own, with the new `dbname`).
#[cfg(test)]
pub(crate) fn fresh_test_database() -> Result<String> {
    connect::fresh_database(&std::env::var("THEODOI_TEST_PG").map_err(Error::storage)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh store on the test server.
    fn fresh() -> Result<PostgresStore> {
        PostgresStore::create(&fresh_test_database()?)
    }

    mod conformance {
        use super::*;
        crate::store::conformance::storage_tests!(ignored: fresh()?);
    }

    #[test]
    #[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
    fn new_database_is_at_current_version() -> anyhow::Result<()> {
        let store = fresh()?;
        assert_eq!(store.version()?, VERSION);
        Ok(())
    }

    /// Every text column of the schema compares bytewise, as SQLite's do,
    /// whatever the server's collation (the test server's is Vietnamese).
    #[test]
    #[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
    fn every_text_column_compares_bytewise() -> anyhow::Result<()> {
        let mut store = fresh()?;
        let other: Vec<String> = store
            .client
            .get_mut()
            .query(
                "SELECT table_name || '.' || column_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND data_type = 'text'
                   AND collation_name IS DISTINCT FROM 'C'
                 ORDER BY 1",
                &[],
            )?
            .iter()
            .map(|row| row.get(0))
            .collect();
        assert_eq!(other, Vec::<String>::new());
        Ok(())
    }

    /// The units of a tree whose breadth-first order is not the order of
    /// their ids, and a task for three kinds of them: which unit each new
    /// obligation's id goes to.
    fn numbered(store: &mut dyn crate::store::Storage) -> Result<Vec<(i64, String)>> {
        use crate::domain::task::Task;
        use crate::domain::{DueRule, UnitKind};
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        crate::store::write(store, "test", "test", |db| -> Result<Vec<(i64, String)>> {
            let root = db.insert_unit("st", "Sơn Tây", UnitKind::DangBoCapTren, None)?;
            let a = db.insert_unit("a", "Xã A", UnitKind::DangBoCoSo, Some(root.id))?;
            let b = db.insert_unit("b", "Xã B", UnitKind::DangBoCoSo, Some(root.id))?;
            db.insert_unit("a1", "Thôn A1", UnitKind::ChiBoTrucThuoc, Some(a.id))?;
            db.insert_unit("b1", "Thôn B1", UnitKind::ChiBoTrucThuoc, Some(b.id))?;
            db.insert_unit("a2", "Thôn A2", UnitKind::ChiBoTrucThuoc, Some(a.id))?;
            db.insert_unit("c", "Chi bộ C", UnitKind::ChiBoCoSo, Some(root.id))?;
            let directive = db.insert_directive(
                &crate::domain::DirectiveSpec::parse("188-KH/TU", None).expect("spec"),
                "188-KH/TU",
                "Thị ủy",
                Some(day("2023-11-06")),
                "Kế hoạch",
            )?;
            let dues = [
                UnitKind::DangBoCoSo,
                UnitKind::ChiBoTrucThuoc,
                UnitKind::ChiBoCoSo,
            ]
            .map(|kind| DueRule {
                kind,
                due_on: day("2023-12-06"),
            })
            .to_vec();
            let (task, _) = db.insert_task(
                &Task {
                    id: 0,
                    code: "t".into(),
                    directive_id: directive.id,
                    title: "Nhiệm vụ".into(),
                    rated: false,
                    for_people: false,
                    dues,
                },
                None,
            )?;
            let mut out = Vec::new();
            for code in ["a", "b", "a1", "b1", "a2", "c"] {
                let unit = db.unit_by_code(code)?.expect("unit");
                let id = db.obligation(task.id, unit.id)?.expect("owed").id;
                out.push((id, code.to_string()));
            }
            out.sort();
            Ok(out)
        })
    }

    #[test]
    #[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
    fn obligations_are_numbered_as_sqlite_numbers_them() -> anyhow::Result<()> {
        let mut sqlite = crate::store::SqliteStore::open_in_memory()?;
        let mut pg = fresh()?;
        assert_eq!(numbered(&mut pg)?, numbered(&mut sqlite)?);
        Ok(())
    }

    #[test]
    #[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
    fn an_older_database_is_upgraded_step_by_step_and_a_newer_refused() -> anyhow::Result<()> {
        let address = fresh_test_database()?;
        let mut old = PostgresStore::connect(&address)?;
        old.run_steps(0, 5)?;
        assert_eq!(old.version()?, 5);
        drop(old);
        let mut store = PostgresStore::open(&address, true)?;
        assert_eq!(store.version()?, VERSION);
        // Opened to read: the upgrade was written, nothing else can be.
        let refused = crate::store::write(&mut store, "test", "test", |db| {
            db.set_setting("co-quan", Some("Ban Tổ chức"))
        });
        assert!(matches!(refused, Err(Error::Storage(_))), "{refused:?}");
        let mut store = PostgresStore::open(&address, false)?;
        crate::store::write(&mut store, "test", "test", |db| {
            db.set_setting("co-quan", Some("Ban Tổ chức"))
        })?;
        assert_eq!(store.read().settings()?.len(), 1);
        // A version this binary does not know: refused, nothing written.
        store
            .client
            .get_mut()
            .batch_execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")?;
        drop(store);
        assert!(matches!(
            PostgresStore::open(&address, false),
            Err(Error::DatabaseTooNew { found: 99, .. })
        ));
        Ok(())
    }

    #[test]
    #[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
    fn a_lock_is_waited_for_30_seconds_unless_a_limit_is_set() -> anyhow::Result<()> {
        let address = fresh_test_database()?;
        let limit = |store: &mut PostgresStore| -> anyhow::Result<String> {
            Ok(store
                .client
                .get_mut()
                .query_one("SHOW lock_timeout", &[])?
                .get(0))
        };
        let mut store = PostgresStore::create(&address)?;
        assert_eq!(limit(&mut store)?, "30s");
        let name = address.rsplit("dbname=").next().unwrap_or_default();
        store
            .client
            .get_mut()
            .batch_execute(&format!("ALTER DATABASE {name} SET lock_timeout = '5s'"))?;
        // The database's own limit is kept, and the address's.
        assert_eq!(limit(&mut PostgresStore::open(&address, true)?)?, "5s");
        let given = format!("{address} options='-c lock_timeout=2min'");
        assert_eq!(limit(&mut PostgresStore::open(&given, true)?)?, "2min");
        Ok(())
    }

    #[test]
    fn every_step_has_its_sqlite_twin() -> anyhow::Result<()> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut sqlite = Vec::new();
        for entry in std::fs::read_dir(&dir)? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if name.ends_with(".sql") {
                sqlite.push(name);
            }
        }
        sqlite.sort();
        let ours: Vec<&str> = MIGRATIONS.iter().map(|(f, _)| *f).collect();
        assert_eq!(ours, sqlite, "migrations/postgres against migrations/");
        Ok(())
    }
}
