//! The SQLite store: the only module that speaks SQL (and the only one that
//! imports rusqlite). It opens the database file, brings it to the current
//! version with the steps in `migrations/` (`schema.sql` shows the shape
//! that results), and implements the storage seam (`store::Storage`,
//! `store::Db`).

mod directives;
mod history;
mod people;
mod portable;
mod ratings;
mod reorg;
mod reports;
mod tables;
mod tasks;
mod units;

use std::cell::RefCell;
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::{Db, Storage, Txn};
use crate::domain::error::{Error, FileAction, Result};

/// The text of a file of the repository, compiled into the binary.
use std::include_str as embed_file;

/// A schema step compiled into the binary: the name of its file in
/// `migrations/`, and its SQL.
macro_rules! migration {
    ($file:literal) => {
        ($file, embed_file!(concat!("../../../migrations/", $file)))
    };
}

/// The schema steps as (file name, SQL), in order: step `i` (counting from
/// 0) takes the database from version `i` to `i + 1`, in one transaction of
/// its own. The first creates the tables of a new file; the others upgrade
/// files that older binaries wrote. Only these steps build databases, new or
/// old; `schema.sql` shows the shape they add up to, and a test below holds
/// it to them.
const MIGRATIONS: &[(&str, &str)] = &[
    migration!("0001_core.sql"),
    migration!("0002_history.sql"),
    migration!("0003_ratings.sql"),
    migration!("0004_people.sql"),
    migration!("0005_open_tally.sql"),
];

/// The schema version this binary writes and understands: the number of steps.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Helper threads SQLite may start for one large sort.
const SORT_THREADS: i64 = 2;

/// How long a writer waits for another process's transaction to finish.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::storage(e)
    }
}

/// A file error, with what was being done and to which file.
fn file_error(action: FileAction, path: &Path) -> impl FnOnce(rusqlite::Error) -> Error + use<'_> {
    move |e| Error::File {
        action,
        path: path.to_path_buf(),
        source: Box::new(e),
    }
}

/// An open SQLite database file.
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens an existing database, upgrading it if it is older than this binary.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        if !path.exists() {
            return Err(Error::DatabaseMissing(path.to_path_buf()));
        }
        SqliteStore::open_file(path)
    }

    /// Opens a database, creating the file (and its parent directories) if
    /// needed. Returns whether the file is new.
    pub fn create(path: &Path) -> Result<(SqliteStore, bool)> {
        let created = create_private_file(path)?;
        Ok((SqliteStore::open_file(path)?, created))
    }

    /// A fresh database in memory, for tests.
    pub fn open_in_memory() -> Result<SqliteStore> {
        let conn = Connection::open_in_memory()?;
        let mut store = SqliteStore { conn };
        store.configure(Path::new(":memory:"))?;
        Ok(store)
    }

    fn open_file(path: &Path) -> Result<SqliteStore> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(path, flags).map_err(file_error(FileAction::Open, path))?;
        let mut store = SqliteStore { conn };
        store.configure(path).map_err(|e| match e {
            // Said as they are: they name the file themselves.
            Error::DatabaseTooNew { .. } | Error::Migration { .. } => e,
            other => Error::File {
                action: FileAction::Open,
                path: path.to_path_buf(),
                source: Box::new(other),
            },
        })?;
        Ok(store)
    }

    fn configure(&mut self, path: &Path) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // Large sorts (a report of hundreds of thousands of rows) may use a
        // second core.
        self.conn.pragma_update(None, "threads", SORT_THREADS)?;
        // Refuse a newer file before anything, WAL included, is written to it.
        let found = self.version()?;
        if found > VERSION {
            return Err(Error::DatabaseTooNew {
                path: path.to_path_buf(),
                found,
                known: VERSION,
            });
        }
        let _mode: String =
            self.conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        self.migrate(found)
    }

    /// The schema version recorded in the file (0 for a new file).
    pub fn version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        for (to, (_file, step)) in (1..).zip(MIGRATIONS) {
            if to <= from {
                continue;
            }
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Another process may have migrated while we waited for the lock.
            let now: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
            if now < to {
                tx.execute_batch(step).map_err(|e| Error::Migration {
                    version: to,
                    source: Box::new(e.into()),
                })?;
                tx.pragma_update(None, "user_version", to)?;
            }
            tx.commit()?;
        }
        Ok(())
    }

    /// Whether the file at `path` is a demo database. Opens it read-only
    /// and changes nothing; a file that is no theodoi database is not one.
    pub fn is_demo(path: &Path) -> Result<bool> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(file_error(FileAction::Open, path))?;
        let kind: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key = 'kind'", [], |row| {
                row.get(0)
            })
            .ok();
        Ok(kind.as_deref() == Some("demo"))
    }

    /// Copies the whole database to a new file at `path` (readable by its
    /// owner only) with SQLite's online backup: a consistent copy even while
    /// other processes write.
    pub fn backup(&self, path: &Path) -> Result<()> {
        if path.exists() {
            return Err(Error::BackupExists(path.to_path_buf()));
        }
        create_private_file(path)?;
        let result = self
            .conn
            .backup(
                rusqlite::MAIN_DB,
                path,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(file_error(FileAction::Backup, path));
        if result.is_err() {
            // Leave no half-written copy behind.
            let _ = std::fs::remove_file(path);
        }
        result
    }
}

impl Storage for SqliteStore {
    fn read(&self) -> Box<dyn Db + '_> {
        Box::new(SqliteDb {
            conn: Conn::Plain(&self.conn),
            log: None,
        })
    }

    /// One `BEGIN IMMEDIATE` transaction: a writer waits for another
    /// process's write to end (up to the busy timeout), never mid-change.
    fn begin(&mut self, actor: &str, action: &str) -> Result<Box<dyn Txn + '_>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let change_id = history::begin_change(&tx, actor, action)?;
        Ok(Box::new(SqliteDb {
            conn: Conn::Tx(tx),
            log: Some(history::ChangeLog::new(change_id)),
        }))
    }

    fn version(&self) -> Result<i64> {
        SqliteStore::version(self)
    }

    fn export(&self, out: &mut dyn std::io::Write) -> Result<()> {
        SqliteStore::export(self, out)
    }

    fn import(&mut self, document: &serde_json::Value, source: &str) -> Result<usize> {
        SqliteStore::import(self, document, source)
    }

    fn backup(&self, path: &Path) -> Result<()> {
        SqliteStore::backup(self, path)
    }
}

/// The connection a `SqliteDb` works on: the store's own, or a write
/// transaction it owns.
enum Conn<'c> {
    Plain(&'c Connection),
    Tx(rusqlite::Transaction<'c>),
}

impl std::ops::Deref for Conn<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match self {
            Conn::Plain(conn) => conn,
            Conn::Tx(tx) => tx,
        }
    }
}

/// Queries and changes, on the store's connection or inside a write
/// transaction (which logs every row it changes).
pub struct SqliteDb<'c> {
    conn: Conn<'c>,
    log: Option<RefCell<history::ChangeLog>>,
}

impl Txn for SqliteDb<'_> {
    fn db(&self) -> &dyn Db {
        self
    }

    fn changed(&self) -> bool {
        self.log.as_ref().is_some_and(|log| log.borrow().changed())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        self.flush_log()?;
        match self.conn {
            Conn::Tx(tx) => Ok(tx.commit()?),
            // A reader is never handed out as a transaction.
            Conn::Plain(_) => Ok(()),
        }
    }
}

/// Creates an empty file readable by its owner only, and its parent
/// directories. Returns false when the file already exists.
pub fn create_private_file(path: &Path) -> Result<bool> {
    if path.exists() {
        return Ok(false);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::File {
            action: FileAction::CreateDir,
            path: dir.to_path_buf(),
            source: Box::new(e),
        })?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(Error::File {
            action: FileAction::Open,
            path: path.to_path_buf(),
            source: Box::new(e),
        }),
    }
}

/// A stored date, read without chrono's format parser: reports read millions.
/// Dates are stored as `YYYY-MM-DD`; anything else goes through the general
/// conversion, which names the column in its error.
fn date_at(row: &rusqlite::Row<'_>, column: usize) -> rusqlite::Result<Option<NaiveDate>> {
    if let rusqlite::types::ValueRef::Text(text) = row.get_ref(column)?
        && let Some(day) = iso_day(text)
    {
        return Ok(Some(day));
    }
    row.get(column)
}

/// `YYYY-MM-DD`, digits only.
fn iso_day(text: &[u8]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *text else {
        return None;
    };
    let digit = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
    let year = [y0, y1, y2, y3]
        .into_iter()
        .try_fold(0, |n, c| Some(n * 10 + digit(c)?))?;
    let month = digit(m0)? * 10 + digit(m1)?;
    let day = digit(d0)? * 10 + digit(d1)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Reads a slug column back into its domain type.
fn parse_column<T>(
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
    column: usize,
) -> rusqlite::Result<T> {
    parse(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            format!("unknown value {text:?}").into(),
        )
    })
}

/// The time this command runs, in UTC, RFC 3339, for `created_at` and
/// `recorded_at` columns: read once, so that one change has one time.
fn now_stamp() -> &'static str {
    static NOW: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    NOW.get_or_init(|| chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::store::conformance::storage_tests!(SqliteStore::open_in_memory()?);

    #[test]
    fn stored_dates_are_read_fast_or_not_at_all() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(iso_day(b"2023-12-06"), day(2023, 12, 6));
        assert_eq!(iso_day(b"2024-02-29"), day(2024, 2, 29));
        for bad in [
            &b"2023-02-29"[..],
            b"2023-13-01",
            b"2023-12-6",
            b"06/12/2023",
            b"2023-12-06 ",
            b"2023-1a-06",
            b"",
        ] {
            assert_eq!(iso_day(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn new_store_is_at_current_version() -> anyhow::Result<()> {
        let store = SqliteStore::open_in_memory()?;
        assert_eq!(store.version()?, VERSION);
        Ok(())
    }

    #[test]
    fn newer_file_is_refused_untouched() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("new.db");
        {
            let conn = Connection::open(&path)?;
            conn.pragma_update(None, "user_version", VERSION + 1)?;
        }
        let before = std::fs::read(&path)?;
        let err = SqliteStore::open(&path).err().expect("refused");
        assert!(matches!(err, Error::DatabaseTooNew { .. }));
        assert_eq!(std::fs::read(&path)?, before);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn new_file_is_private() -> anyhow::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a/b/theodoi.db");
        let (_store, created) = SqliteStore::create(&path)?;
        assert!(created);
        let mode = std::fs::metadata(&path)?.permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        Ok(())
    }

    /// `schema.sql`: the whole current schema, for readers. Nothing but these
    /// tests runs it.
    const SCHEMA: &str = embed_file!("../../../schema.sql");

    /// What `sqlite_master` says of a database: (type, name, table) → SQL
    /// (none for the indexes of UNIQUE and PRIMARY KEY constraints). Page
    /// numbers and the order of creation are left out: they differ between a
    /// file built at once and one built step by step.
    type Objects = std::collections::BTreeMap<(String, String, String), Option<String>>;

    fn objects(conn: &Connection) -> Result<Objects> {
        let mut stmt = conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master")?;
        let rows = stmt.query_map([], |row| {
            Ok(((row.get(0)?, row.get(1)?, row.get(2)?), row.get(3)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The same, with each statement reduced to its tokens (see `sql_tokens`).
    fn normalized(objects: Objects) -> Objects {
        objects
            .into_iter()
            .map(|(key, sql)| (key, sql.as_deref().map(sql_tokens)))
            .collect()
    }

    /// A statement as its tokens, one space apart: comments and layout
    /// dropped, names and keywords in lower case, quotes around names dropped
    /// (SQLite quotes a renamed table's name), string literals kept as they
    /// are. A column added by ALTER TABLE is stored as `, name type` before
    /// the closing parenthesis, so it reads the same as the column written
    /// last in a CREATE TABLE.
    fn sql_tokens(sql: &str) -> String {
        let mut tokens = Vec::new();
        let mut chars = sql.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '-' if chars.peek() == Some(&'-') => {
                    chars.by_ref().find(|&c| c == '\n');
                }
                '/' if chars.peek() == Some(&'*') => {
                    chars.next();
                    let mut star = false;
                    chars.by_ref().find(|&c| {
                        let end = star && c == '/';
                        star = c == '*';
                        end
                    });
                }
                '\'' => {
                    // '' inside a literal is one quote: the literal goes on.
                    let mut literal = String::from("'");
                    while let Some(c) = chars.next() {
                        literal.push(c);
                        if c == '\'' {
                            match chars.next_if_eq(&'\'') {
                                Some(quote) => literal.push(quote),
                                None => break,
                            }
                        }
                    }
                    tokens.push(literal);
                }
                '"' | '`' | '[' => {
                    let close = if c == '[' { ']' } else { c };
                    let name: String = chars.by_ref().take_while(|&c| c != close).collect();
                    tokens.push(name.to_lowercase());
                }
                c if c.is_alphanumeric() || c == '_' => {
                    let mut word = c.to_lowercase().to_string();
                    while let Some(c) = chars.next_if(|&c| c.is_alphanumeric() || c == '_') {
                        word.extend(c.to_lowercase());
                    }
                    tokens.push(word);
                }
                c if c.is_whitespace() => {}
                c => tokens.push(c.to_string()),
            }
        }
        tokens.join(" ")
    }

    /// The objects on which `ours` and `theirs` disagree, one per line.
    fn differences(ours: &Objects, theirs: &Objects, names: (&str, &str)) -> String {
        let keys: std::collections::BTreeSet<_> = ours.keys().chain(theirs.keys()).collect();
        keys.into_iter()
            .filter(|key| ours.get(*key) != theirs.get(*key))
            .map(|key| {
                format!(
                    "{key:?}\n  {}: {:?}\n  {}: {:?}",
                    names.0,
                    ours.get(key),
                    names.1,
                    theirs.get(key)
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn sql_tokens_ignore_layout_comments_and_quoted_names() {
        assert_eq!(
            sql_tokens("CREATE TABLE \"t\" (\n  a TEXT, -- the a\n  b /* b */ INT\n, c TEXT)"),
            sql_tokens("create table t (a text, b int, c text)")
        );
        assert_eq!(
            sql_tokens("CHECK (k IN ('A--b', 'it''s'))"),
            "check ( k in ( 'A--b' , 'it''s' ) )"
        );
        assert_ne!(
            sql_tokens("CREATE TABLE t (a TEXT, b INT)"),
            sql_tokens("CREATE TABLE t (b INT, a TEXT)")
        );
    }

    #[test]
    fn schema_sql_is_what_the_migrations_make() -> Result<()> {
        let stepped = SqliteStore::open_in_memory()?;
        let at_once = Connection::open_in_memory()?;
        at_once.execute_batch(SCHEMA)?;

        let version = |conn: &Connection| -> Result<i64> {
            Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
        };
        assert_eq!(
            (version(&at_once)?, version(&stepped.conn)?),
            (VERSION, VERSION),
            "the PRAGMA user_version at the end of schema.sql"
        );
        let stepped = normalized(objects(&stepped.conn)?);
        assert!(stepped.len() > 30, "{stepped:?}");
        let diff = differences(
            &normalized(objects(&at_once)?),
            &stepped,
            ("schema.sql", "migrations"),
        );
        assert!(
            diff.is_empty(),
            "schema.sql is not what migrations/ make; update it:\n{diff}"
        );
        Ok(())
    }

    #[test]
    fn an_upgraded_version_1_file_is_a_new_file_exactly() -> Result<()> {
        // A copy: even a read-only open of a WAL file writes beside it.
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("v1.db");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1-son-tay.db");
        std::fs::copy(fixture, &path)?;
        let upgraded = SqliteStore::open(&path)?;
        assert_eq!(upgraded.version()?, VERSION);
        let new = SqliteStore::open_in_memory()?;
        // The statements as stored, comments and spacing included.
        let diff = differences(
            &objects(&new.conn)?,
            &objects(&upgraded.conn)?,
            ("new", "upgraded"),
        );
        assert!(
            diff.is_empty(),
            "a new file differs from an upgraded one (migrations/ must stay as shipped):\n{diff}"
        );
        Ok(())
    }

    #[test]
    fn every_migration_file_is_a_step_in_order() -> Result<()> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut on_disk = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let name = entry?.file_name().to_string_lossy().into_owned();
            if name.ends_with(".sql") {
                on_disk.push(name);
            }
        }
        on_disk.sort();
        let listed: Vec<&str> = MIGRATIONS.iter().map(|(file, _)| *file).collect();
        assert_eq!(on_disk, listed, "migrations/ against store::MIGRATIONS");
        for (version, file) in (1..).zip(&listed) {
            assert!(
                file.starts_with(&format!("{version:04}_")),
                "{file} takes the file to version {version}"
            );
        }
        Ok(())
    }
}
