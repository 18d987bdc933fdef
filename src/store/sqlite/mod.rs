//! The SQLite store: the only module that speaks SQL (and the only one that
//! imports rusqlite). It opens the database file, brings it to the current
//! version with the steps in `migrations/` (`schema.sql` shows the shape
//! that results), and implements the storage seam (`store::Storage`,
//! `store::Db`).

mod assign;
mod cipher;
mod crypto;
mod directives;
mod dues;
mod facts;
mod history;
mod listing;
mod order;
mod people;
mod portable;
mod ratings;
mod reorg;
mod reports;
mod results;
mod settings;
mod stored_dates;
mod tables;
mod tasks;
mod tree;
mod units;

use std::cell::RefCell;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use super::{Db, Key, Storage, Txn};
use crate::domain::error::{Error, FileAction, Result};
use crate::files;

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

/// The schema version this binary writes and understands: the number of steps.
/// The largest older file that cannot be written which is read from an
/// upgraded copy in memory (`open_read_only`); a larger one is refused.
const UPGRADED_IN_MEMORY: u64 = 512 << 20;

pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of a theodoi database: "TDOI" in ASCII, written
/// by step 6 (`migrations/0006_application_id.sql`).
pub const APPLICATION_ID: i64 = 0x5444_4F49;

/// The last version whose files have no application id (0): theodoi knows
/// them by their tables.
const UNMARKED_VERSION: i64 = 5;

/// Tables that every theodoi database has had since version 1.
const CORE_TABLES: [&str; 3] = ["directive", "unit", "obligation"];

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Helper threads SQLite may start for one large sort.
const SORT_THREADS: i64 = 2;

/// How long a writer waits for another process's transaction to finish.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        // A file the system would not open (the database, its `-wal` or
        // `-shm`, a temporary file) is said in the clerk's words.
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) {
            return Error::CannotOpen;
        }
        Error::storage(e)
    }
}

/// A file error, with what was being done and to which file.
fn file_error(action: FileAction, path: &Path) -> impl FnOnce(rusqlite::Error) -> Error + use<'_> {
    move |e| Error::File {
        action,
        path: path.to_path_buf(),
        // SQLite's words for a file the system would not open, said as ours.
        source: if e.sqlite_error_code() == Some(rusqlite::ErrorCode::CannotOpen) {
            Box::new(Error::CannotOpen)
        } else {
            Box::new(e)
        },
    }
}

/// An error while opening `path`: ours said as they are (they name the file
/// themselves), any other as a failure to open it.
fn opening(path: &Path) -> impl FnOnce(Error) -> Error + use<'_> {
    move |e| match e {
        Error::DatabaseTooNew { .. }
        | Error::Migration { .. }
        | Error::DatabaseEmpty(_)
        | Error::NotADatabase(_)
        | Error::ForeignDatabase(_)
        | Error::ReadOnly { .. }
        | Error::WalWithoutShm { .. }
        | Error::KeyNeeded(_)
        | Error::WrongKey(_)
        | Error::File { .. } => e,
        other => Error::File {
            action: FileAction::Open,
            path: path.to_path_buf(),
            source: Box::new(other),
        },
    }
}

/// The path of a file SQLite keeps beside the database (`-wal`, `-shm`).
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

pub use cipher::{Converted, looks_encrypted};

/// An open SQLite database file.
pub struct SqliteStore {
    conn: Connection,
    /// The key it was opened with, for the files made from it (a backup).
    key: Option<Key>,
    /// The file the connection opened (`files::identity`), taken as it was
    /// opened: a second connection to the path must meet the same file.
    opened: Option<(u64, u64)>,
    /// For a copy in memory of an older file that could not be upgraded
    /// where it is (`open_read_only`), the file's version.
    upgraded_from: Option<i64>,
}

impl SqliteStore {
    /// Opens an existing theodoi database to change it, upgrading it if it
    /// is older than this binary. A file that is not a theodoi database, or
    /// that cannot be written where it is, is refused before anything is
    /// written to it.
    ///
    /// `key` opens an encrypted database; without it, an encrypted file is
    /// `Error::KeyNeeded`, and with a wrong one `Error::WrongKey`.
    pub fn open(path: &Path, key: Option<&Key>) -> Result<SqliteStore> {
        check_file(path, key.is_some())?;
        check_writable(path)?;
        let mut store = SqliteStore {
            conn: connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE, key)?,
            key: key.cloned(),
            opened: None,
            upgraded_from: None,
        };
        let found = store.check(path)?;
        store.upgrade(found).map_err(opening(path))?;
        Ok(store)
    }

    /// Opens an existing theodoi database to read it only: the connection
    /// cannot write, works where nothing can be written (a read-only file
    /// or folder), and leaves no `-wal` or `-shm` file that was not there.
    /// An older file is upgraded first, which is a write; one that cannot be
    /// written (a copy on a CD) is read from a copy in memory brought to
    /// this version, when it is plain and not too large to hold.
    pub fn open_read_only(path: &Path, key: Option<&Key>) -> Result<SqliteStore> {
        let (store, found) = SqliteStore::peek(path, key)?;
        if found == VERSION {
            return Ok(store);
        }
        drop(store);
        let store = match SqliteStore::open(path, key) {
            Ok(upgraded) => upgraded,
            Err(Error::ReadOnly { .. })
                if key.is_none()
                    && std::fs::metadata(path).is_ok_and(|m| m.len() <= UPGRADED_IN_MEMORY) =>
            {
                SqliteStore::peek(path, key)?.0.upgraded_in_memory(found)?
            }
            Err(e @ Error::ReadOnly { .. }) => {
                return Err(Error::Migration {
                    version: found + 1,
                    source: Box::new(e),
                });
            }
            Err(e) => return Err(e),
        };
        store.conn.pragma_update(None, "query_only", true)?;
        Ok(store)
    }

    /// A copy in memory of this plain file of version `found`, brought to
    /// this version; the file is only read.
    fn upgraded_in_memory(self, found: i64) -> Result<SqliteStore> {
        let mut conn = Connection::open_in_memory()?;
        // Every page in one step.
        let copied = rusqlite::backup::Backup::new(&self.conn, &mut conn)?.step(-1)?;
        if copied != rusqlite::backup::StepResult::Done {
            return Err(Error::storage(StepFailed(format!(
                "the copy in memory stopped: {copied:?}"
            ))));
        }
        drop(self);
        let mut store = SqliteStore {
            conn,
            key: None,
            opened: None,
            upgraded_from: Some(found),
        };
        store.settings()?;
        store.migrate(found)?;
        Ok(store)
    }

    /// Creates a new database file at `path` (and the folders it goes in):
    /// a new file of the clerk's, never one that exists (see `files`);
    /// encrypted with `key` when one is given.
    pub fn create(path: &Path, key: Option<&Key>) -> Result<SqliteStore> {
        drop(files::create_new(path, FileAction::Open)?);
        let made = connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE, key).and_then(|conn| {
            let mut store = SqliteStore {
                conn,
                key: key.cloned(),
                opened: None,
                upgraded_from: None,
            };
            store.settings().map_err(opening(path))?;
            store.upgrade(0).map_err(opening(path))?;
            Ok(store)
        });
        if made.is_err() {
            // Leave no file that is not a database behind.
            let _ = std::fs::remove_file(path);
        }
        made
    }

    /// Makes a theodoi database of an existing empty file (`init --force`).
    /// Any other file is refused as `open` refuses it.
    pub fn create_in_empty(path: &Path, key: Option<&Key>) -> Result<SqliteStore> {
        match check_file(path, key.is_some()) {
            Ok(()) | Err(Error::DatabaseEmpty(_)) => {}
            Err(e) => return Err(e),
        }
        check_writable(path)?;
        let mut store = SqliteStore {
            conn: connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE, key)?,
            key: key.cloned(),
            opened: None,
            upgraded_from: None,
        };
        let found = match store.check(path) {
            Err(Error::DatabaseEmpty(_)) => 0,
            other => other?,
        };
        store.upgrade(found).map_err(opening(path))?;
        Ok(store)
    }

    /// A fresh database in memory, for tests.
    pub fn open_in_memory() -> Result<SqliteStore> {
        crypto::prepare();
        let conn = Connection::open_in_memory()?;
        let mut store = SqliteStore {
            conn,
            key: None,
            opened: None,
            upgraded_from: None,
        };
        store.settings()?;
        store.upgrade(0)?;
        Ok(store)
    }

    /// Opens a theodoi database to read it, as `open_read_only` does, but
    /// without upgrading it; returns its version.
    fn peek(path: &Path, key: Option<&Key>) -> Result<(SqliteStore, i64)> {
        check_file(path, key.is_some())?;
        let mut store = SqliteStore {
            conn: reader(path, key)?,
            key: key.cloned(),
            opened: None,
            upgraded_from: None,
        };
        let found = store.check(path)?;
        Ok((store, found))
    }

    /// The settings of every connection, then whether the file is a theodoi
    /// database, and its version. Writes nothing.
    fn check(&mut self, path: &Path) -> Result<i64> {
        // Before its first read: the file the connection opened.
        self.opened = files::identity(path);
        let found = (|| {
            self.settings()?;
            self.recognize(path)
        })()
        .map_err(|e| {
            // The first read, with a key that does not decrypt the file.
            if self.key.is_some() && cipher::is_not_a_database(&e) {
                Error::WrongKey(path.to_path_buf())
            } else {
                e
            }
        })
        .map_err(opening(path))?;
        // Refuse a newer file before anything, WAL included, is written to it.
        if found > VERSION {
            return Err(Error::DatabaseTooNew {
                path: path.to_path_buf(),
                found,
                known: VERSION,
            });
        }
        Ok(found)
    }

    fn settings(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // Large sorts (a report of hundreds of thousands of rows) may use a
        // second core.
        self.conn.pragma_update(None, "threads", SORT_THREADS)?;
        // A sort larger than the cache goes on in temporary files: on disk
        // for a plain file, so that a report sorting hundreds of thousands
        // of rows does not hold them all in memory (L `upcoming`: 100 MB);
        // in memory for an encrypted one, whose rows never reach the disk
        // in clear.
        if self.key.is_none() {
            self.conn.pragma_update(None, "temp_store", "FILE")?;
        }
        Ok(())
    }

    /// The version of a theodoi database; an error for any other file. A
    /// file marked as ours is ours; an unmarked one is ours when an older
    /// theodoi wrote it (a version it knew, the tables it made).
    fn recognize(&self, path: &Path) -> Result<i64> {
        let id: i64 = self
            .conn
            .pragma_query_value(None, "application_id", |row| row.get(0))?;
        let version = self.version()?;
        if id == APPLICATION_ID {
            return Ok(version);
        }
        let foreign = || Error::ForeignDatabase(path.to_path_buf());
        if id != 0 {
            return Err(foreign());
        }
        let mut stmt = self.conn.prepare("SELECT type, name FROM sqlite_master")?;
        let objects = stmt
            .query_map([], |row| Ok((row.get::<_, String>(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
        if objects.is_empty() && version == 0 {
            return Err(Error::DatabaseEmpty(path.to_path_buf()));
        }
        let has = |table: &str| objects.iter().any(|(t, n)| t == "table" && n == table);
        if (1..=UNMARKED_VERSION).contains(&version) && CORE_TABLES.iter().all(|t| has(t)) {
            return Ok(version);
        }
        Err(foreign())
    }

    /// Brings a file that `check` accepted (or a new one) to this version.
    fn upgrade(&mut self, found: i64) -> Result<()> {
        let _mode: String =
            self.conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        self.migrate(found)
    }

    /// The version of the older file this store reads from a copy in
    /// memory brought to this version, because the file cannot be written
    /// where it is; `None` when the store reads the file itself.
    pub fn upgraded_from(&self) -> Option<i64> {
        self.upgraded_from
    }

    /// The schema version recorded in the file (0 for a new file).
    pub fn version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        if from >= VERSION {
            return Ok(());
        }
        // A step may rebuild a table others refer to (SQLite's way to change
        // a column): references are checked after the step, not during it.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let migrated = self.run_steps(from);
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        migrated
    }

    fn run_steps(&mut self, from: i64) -> Result<()> {
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
                    source: Box::new(Error::storage(StepFailed::from(e))),
                })?;
                if let Some(broken) = broken_reference(&tx)? {
                    return Err(Error::Migration {
                        version: to,
                        source: Box::new(broken),
                    });
                }
                tx.pragma_update(None, "user_version", to)?;
            }
            tx.commit()?;
        }
        Ok(())
    }

    /// Whether the file at `path` is a demo database. Reads it as
    /// `open_read_only` does, and changes nothing; a file that is not a
    /// theodoi database is an error.
    pub fn is_demo(path: &Path, key: Option<&Key>) -> Result<bool> {
        let (store, _) = SqliteStore::peek(path, key)?;
        let kind: Option<String> = store
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'kind'", [], |row| {
                row.get(0)
            })
            .ok();
        Ok(kind.as_deref() == Some("demo"))
    }

    /// Copies the whole database to a new file at `path` (a new file of the
    /// clerk's: see `files`) with SQLite's online backup: a consistent copy
    /// even while other processes write.
    pub fn backup(&self, path: &Path) -> Result<()> {
        drop(files::create_new(path, FileAction::Backup)?);
        let copy = || -> rusqlite::Result<()> {
            // The file made above, never a new one.
            // Encrypted with the same key as the database, or plain as it is.
            let mut to = connect_raw(path, OpenFlags::SQLITE_OPEN_READ_WRITE, self.key.as_ref())?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut to)?;
            loop {
                match backup.step(-1)? {
                    rusqlite::backup::StepResult::Done => return Ok(()),
                    rusqlite::backup::StepResult::More => continue,
                    _ => {
                        return Err(rusqlite::Error::SqliteFailure(
                            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                            None,
                        ));
                    }
                }
            }
        };
        let result = copy().map_err(file_error(FileAction::Backup, path));
        if result.is_err() {
            // Leave no half-written copy behind.
            let _ = std::fs::remove_file(path);
        }
        result
    }
}

/// Refuses what is plainly no database, from the file alone: a missing
/// file, a folder, an empty file, a file that is not SQLite's. With a key
/// (`keyed`), the header is not read: an encrypted file has none.
fn check_file(path: &Path, keyed: bool) -> Result<()> {
    let failed = |e: std::io::Error| Error::File {
        action: FileAction::Open,
        path: path.to_path_buf(),
        source: Box::new(e),
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::DatabaseMissing(path.to_path_buf()));
        }
        Err(e) => return Err(failed(e)),
    };
    if !meta.is_file() {
        return Err(Error::NotADatabase(path.to_path_buf()));
    }
    if meta.len() == 0 {
        return Err(Error::DatabaseEmpty(path.to_path_buf()));
    }
    if keyed {
        return Ok(());
    }
    // The database header: 100 bytes, in every SQLite file.
    let mut header = [0; 100];
    let mut file = std::fs::File::open(path).map_err(failed)?;
    match file.read_exact(&mut header) {
        Ok(()) if header.starts_with(SQLITE_HEADER) => {}
        Ok(()) if looks_encrypted(path) => return Err(Error::KeyNeeded(path.to_path_buf())),
        Ok(()) => return Err(Error::NotADatabase(path.to_path_buf())),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            return Err(Error::NotADatabase(path.to_path_buf()));
        }
        Err(e) => return Err(failed(e)),
    }
    // Another program's mark: refused without SQLite opening the file at
    // all. (The mark of a file of ours may still be in its `-wal`, not
    // here: 0 is for `recognize` to decide.)
    let id = i64::from(u32::from_be_bytes([
        header[68], header[69], header[70], header[71],
    ]));
    if id != 0 && id != APPLICATION_ID {
        return Err(Error::ForeignDatabase(path.to_path_buf()));
    }
    Ok(())
}

/// Refuses a write where the file, or the folder SQLite writes its `-wal`
/// and `-shm` files in, is read-only, before anything is written.
fn check_writable(path: &Path) -> Result<()> {
    if !files::can_write(path) {
        return Err(Error::ReadOnly {
            path: path.to_path_buf(),
            folder: None,
        });
    }
    let folder = files::folder_of(path);
    if !files::can_write(folder) {
        // Nothing reads the file there either: said as the reports say it.
        wal_readable(path, folder)?;
        return Err(Error::ReadOnly {
            path: path.to_path_buf(),
            // Named in full: `.` says little.
            folder: Some(std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf())),
        });
    }
    Ok(())
}

/// A connection, with the key applied (when given) before anything reads
/// the file. OpenSSL is made ready before the first (`crypto`).
fn connect_raw(path: &Path, flags: OpenFlags, key: Option<&Key>) -> rusqlite::Result<Connection> {
    crypto::prepare();
    // `:memory:` and `file:…` are names SQLite reads as no file at all or
    // as a URI: a clerk's file of that name is the file of that name, in
    // the folder the command runs in (where the checks before found it).
    // Only a URI made here (`immutable_uri`) is opened as one.
    let literal;
    let path = match path.to_str() {
        Some(name)
            if !flags.contains(OpenFlags::SQLITE_OPEN_URI)
                && (name == ":memory:" || name.starts_with("file:")) =>
        {
            literal = Path::new(".").join(path);
            literal.as_path()
        }
        _ => path,
    };
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    cipher::apply_key(&conn, key)?;
    Ok(conn)
}

/// A connection to an existing file (never one SQLite creates).
fn connect(path: &Path, flags: OpenFlags, key: Option<&Key>) -> Result<Connection> {
    connect_raw(path, flags, key).map_err(file_error(FileAction::Open, path))
}

/// A connection that cannot write, for reading a database:
///
/// - where the file and its folder can be written, a read-write handle
///   with `query_only` on: it takes part in WAL as writers do, so that the
///   last connection to close removes `-wal` and `-shm` (a read-only
///   handle cannot, and would leave them behind);
/// - else, where a `-wal` file is there, a read-only handle that reads it;
/// - else nobody can write the file (a writer needs a `-wal` file beside
///   it, which cannot be made, or the file itself): all of the database is
///   in the file, read as immutable, with no `-wal` or `-shm` at all.
fn reader(path: &Path, key: Option<&Key>) -> Result<Connection> {
    if files::can_write(path) && files::can_write(files::folder_of(path)) {
        let conn = connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE, key)?;
        conn.pragma_update(None, "query_only", true)
            .map_err(file_error(FileAction::Open, path))?;
        return Ok(conn);
    }
    let wal = beside(path, "-wal");
    if files::exists_here(&wal) {
        let folder = files::folder_of(path);
        if files::exists_here(&beside(path, "-shm")) || files::can_write(folder) {
            return connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY, key);
        }
        wal_readable(path, folder)?;
    }
    match immutable_uri(path) {
        Some(uri) => connect_raw(
            Path::new(&uri),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
            key,
        )
        .map_err(file_error(FileAction::Open, path)),
        None => connect(path, OpenFlags::SQLITE_OPEN_READ_ONLY, key),
    }
}

/// Refuses a `-wal` beside `path` without its `-shm` where `folder`, which
/// cannot be written, has no room for one: SQLite reads a `-wal` only
/// through its `-shm`. An empty `-wal` holds nothing: the file is read alone.
fn wal_readable(path: &Path, folder: &Path) -> Result<()> {
    let wal = beside(path, "-wal");
    if files::exists_here(&wal)
        && !files::exists_here(&beside(path, "-shm"))
        && !std::fs::metadata(&wal).is_ok_and(|m| m.is_file() && m.len() == 0)
    {
        return Err(Error::WalWithoutShm {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    Ok(())
}

/// `file:PATH?mode=ro&immutable=1`: the URI by which SQLite reads a file
/// that nothing writes, without locks or files beside it. `None` for a
/// path that no URI names (a Windows network path, a name that is not
/// Unicode on Windows).
fn immutable_uri(path: &Path) -> Option<String> {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = path.to_str()?.replace('\\', "/").into_bytes();
    if cfg!(not(unix)) && bytes.starts_with(b"//") {
        return None;
    }
    let mut uri = String::from("file:");
    if bytes.first() == Some(&b'/') {
        // An empty authority, then the absolute path.
        uri.push_str("//");
    } else if cfg!(not(unix)) && bytes.get(1) == Some(&b':') {
        // file:///C:/…
        uri.push_str("///");
    }
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(b));
            }
            b':' if cfg!(not(unix)) && i == 1 => uri.push(':'),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    Some(uri)
}

impl Storage for SqliteStore {
    /// Everything read through it is of one moment: a read transaction,
    /// begun here and ended when it is dropped, so that a report's
    /// statements see one state of the file while others write.
    fn read(&self) -> Box<dyn Db + '_> {
        Box::new(SqliteDb {
            conn: Conn::Read(Reading::begin(&self.conn)),
            log: None,
            file: self
                .conn
                .path()
                .filter(|path| self.key.is_none() && !path.is_empty())
                .map(|path| SharedFile {
                    path,
                    opened: self.opened,
                }),
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
            file: None,
        }))
    }

    fn version(&self) -> Result<i64> {
        SqliteStore::version(self)
    }

    fn export(&self, out: &mut dyn std::io::Write) -> Result<()> {
        SqliteStore::export(self, out)
    }

    fn bad_stored_date(&self) -> Result<Option<Error>> {
        Ok(stored_dates::first_bad(&self.conn)?)
    }

    fn unreadable(&self, e: &Error) -> Option<Error> {
        if !stored_dates::is_unreadable(e) {
            return None;
        }
        match stored_dates::first_bad(&self.conn) {
            Ok(Some(bad)) => Some(bad),
            _ => Some(Error::StoredValue(e.to_string())),
        }
    }

    fn import(
        &mut self,
        document: &serde_json::Value,
        source: &str,
        check: &dyn Fn(&dyn Db) -> Result<()>,
    ) -> Result<usize> {
        SqliteStore::import(self, document, source, check)
    }

    fn backup(&self, path: &Path) -> Result<()> {
        SqliteStore::backup(self, path)
    }
}

/// The connection a `SqliteDb` works on: the store's own, in a read
/// transaction or as it is, or a write transaction it owns.
enum Conn<'c> {
    Plain(&'c Connection),
    Read(Reading<'c>),
    Tx(rusqlite::Transaction<'c>),
}

/// The store's connection in a read transaction, which it ends when
/// dropped: one snapshot of the file for every statement in between. A
/// connection already in a transaction (a second reader of the same store
/// at once) reads in that one.
struct Reading<'c> {
    conn: &'c Connection,
    began: bool,
}

impl<'c> Reading<'c> {
    fn begin(conn: &'c Connection) -> Reading<'c> {
        // `BEGIN` (deferred) takes no lock: the snapshot is taken at the
        // first read. Should it fail, each statement reads on its own.
        let began = conn.is_autocommit() && conn.execute_batch("BEGIN").is_ok();
        Reading { conn, began }
    }
}

impl Drop for Reading<'_> {
    fn drop(&mut self) {
        if self.began {
            // A read transaction: nothing to keep, and nothing lost if it
            // cannot be ended (the connection closes with the store).
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

impl std::ops::Deref for Conn<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        match self {
            Conn::Plain(conn) => conn,
            Conn::Read(reading) => reading.conn,
            Conn::Tx(tx) => tx,
        }
    }
}

/// Queries and changes, on the store's connection or inside a write
/// transaction (which logs every row it changes).
pub struct SqliteDb<'c> {
    conn: Conn<'c>,
    log: Option<RefCell<history::ChangeLog>>,
    /// The file of a plain (unencrypted) store read outside any write: a
    /// report may open it a second time to read on two cores (`facts.rs`).
    file: Option<SharedFile<'c>>,
}

/// A store's file, as a second connection may open it.
#[derive(Clone, Copy)]
struct SharedFile<'c> {
    path: &'c str,
    /// The file the store's connection opened (`files::identity`).
    opened: Option<(u64, u64)>,
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
        if let Some(log) = &self.log {
            let reorder = log.borrow_mut().take_reorder();
            order::apply(&self.conn, &reorder)?;
        }
        match self.conn {
            Conn::Tx(tx) => Ok(tx.commit()?),
            // A reader is never handed out as a transaction.
            Conn::Plain(_) | Conn::Read(_) => Ok(()),
        }
    }
}

/// The first row that refers to a row not there (`PRAGMA
/// foreign_key_check`), as `Error::BrokenReference`: its table and id, the
/// table it refers to and the id it names there.
fn broken_reference(conn: &Connection) -> Result<Option<Error>> {
    let found: Option<(String, Option<i64>, String, i64)> = conn
        .query_row("PRAGMA foreign_key_check", [], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .optional()?;
    let Some((table, row, parent, key)) = found else {
        return Ok(None);
    };
    let row = row.unwrap_or_default();
    // The column that names the missing row, and what it names: a help,
    // never a reason to fail.
    let id = (|| -> rusqlite::Result<Option<String>> {
        let mut list = conn.prepare("SELECT id, \"from\" FROM pragma_foreign_key_list(?1)")?;
        let column = list
            .query_map([&table], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .filter_map(std::result::Result::ok)
            .find(|(id, _)| *id == key)
            .map(|(_, column)| column);
        let Some(column) = column else {
            return Ok(None);
        };
        let quoted = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
        conn.query_row(
            &format!(
                "SELECT CAST({} AS TEXT) FROM {} WHERE rowid = ?1",
                quoted(&column),
                quoted(&table)
            ),
            [row],
            |r| r.get(0),
        )
    })()
    .ok()
    .flatten();
    Ok(Some(Error::BrokenReference {
        table,
        row,
        parent,
        id,
    }))
}

/// Why a schema step failed: SQLite's own words, without the step's SQL
/// (which would fill the clerk's screen).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct StepFailed(String);

impl From<rusqlite::Error> for StepFailed {
    fn from(e: rusqlite::Error) -> StepFailed {
        StepFailed(match e {
            rusqlite::Error::SqlInputError { msg, .. } => msg,
            rusqlite::Error::SqliteFailure(_, Some(msg)) => msg,
            other => other.to_string(),
        })
    }
}

/// A stored date, read without chrono's format parser: reports read millions.
/// Dates are stored as `YYYY-MM-DD`; anything else goes through the general
/// conversion, which names the column in its error.
fn date_at(row: &rusqlite::Row<'_>, column: usize) -> rusqlite::Result<Option<NaiveDate>> {
    if let rusqlite::types::ValueRef::Text(text) = row.get_ref(column)?
        && let Some(day) = super::iso_day(text)
    {
        return Ok(Some(day));
    }
    row.get(column)
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
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            conn.pragma_update(None, "user_version", VERSION + 1)?;
        }
        let before = std::fs::read(&path)?;
        let err = SqliteStore::open(&path, None).err().expect("refused");
        assert!(matches!(err, Error::DatabaseTooNew { .. }));
        assert_eq!(std::fs::read(&path)?, before);
        Ok(())
    }

    #[test]
    fn only_a_theodoi_file_is_opened_and_another_is_untouched() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let foreign = dir.path().join("other.db");
        Connection::open(&foreign)?.execute_batch("CREATE TABLE x (a)")?;
        let marked = dir.path().join("marked.db");
        {
            let conn = Connection::open(&marked)?;
            conn.pragma_update(None, "application_id", 42)?;
            conn.pragma_update(None, "user_version", 1)?;
            conn.execute_batch(
                "CREATE TABLE directive (a); CREATE TABLE unit (a); CREATE TABLE obligation (a)",
            )?;
        }
        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"")?;
        let nothing = dir.path().join("nothing.db");
        Connection::open(&nothing)?.execute_batch("CREATE TABLE t (a); DROP TABLE t;")?;
        assert!(std::fs::metadata(&nothing)?.len() > 0);
        let text = dir.path().join("text.db");
        std::fs::write(&text, "SQLite format 2, or a spreadsheet")?;
        type Expected = fn(&Error) -> bool;
        let cases: [(&Path, Expected); 5] = [
            (&foreign, |e| matches!(e, Error::ForeignDatabase(_))),
            (&marked, |e| matches!(e, Error::ForeignDatabase(_))),
            (&empty, |e| matches!(e, Error::DatabaseEmpty(_))),
            (&nothing, |e| matches!(e, Error::DatabaseEmpty(_))),
            (&text, |e| matches!(e, Error::NotADatabase(_))),
        ];
        for (path, expected) in cases {
            let before = std::fs::read(path)?;
            for open in [SqliteStore::open, SqliteStore::open_read_only] {
                let err = open(path, None).err().expect("refused");
                assert!(expected(&err), "{}: {err:?}", path.display());
                assert!(matches!(
                    SqliteStore::is_demo(path, None),
                    Err(e) if expected(&e)
                ));
            }
            assert_eq!(std::fs::read(path)?, before, "{}", path.display());
        }
        // What init --force makes of a file with nothing in it.
        for path in [&empty, &nothing] {
            let store = SqliteStore::create_in_empty(path, None)?;
            assert_eq!(store.version()?, VERSION);
        }
        assert!(matches!(
            SqliteStore::create_in_empty(&foreign, None),
            Err(Error::ForeignDatabase(_))
        ));
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn an_immutable_file_is_named_by_an_escaped_uri() {
        let uri = |p: &str| immutable_uri(Path::new(p)).unwrap();
        assert_eq!(
            uri("/tmp/thư mục/a.db"),
            "file:///tmp/th%C6%B0%20m%E1%BB%A5c/a.db?mode=ro&immutable=1"
        );
        assert_eq!(uri("a?b#c%.db"), "file:a%3Fb%23c%25.db?mode=ro&immutable=1");
        assert_eq!(uri("//x.db"), "file:////x.db?mode=ro&immutable=1");
    }

    #[cfg(unix)]
    #[test]
    fn new_file_is_private() -> anyhow::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a/b/theodoi.db");
        let _store = SqliteStore::create(&path, None)?;
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
        let application_id = |conn: &Connection| -> Result<i64> {
            Ok(conn.pragma_query_value(None, "application_id", |row| row.get(0))?)
        };
        assert_eq!(
            (application_id(&at_once)?, application_id(&stepped.conn)?),
            (APPLICATION_ID, APPLICATION_ID),
            "the PRAGMA application_id of schema.sql"
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
        let upgraded = SqliteStore::open(&path, None)?;
        assert_eq!(upgraded.version()?, VERSION);
        let id: i64 = upgraded
            .conn
            .pragma_query_value(None, "application_id", |row| row.get(0))?;
        assert_eq!(id, APPLICATION_ID);
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

    /// A large sort spills to files on disk for a plain database, and stays
    /// in memory for an encrypted one, whose rows never reach the disk in
    /// clear.
    #[test]
    fn sorts_spill_to_disk_only_for_a_plain_file() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let temp_store = |store: &SqliteStore| -> rusqlite::Result<i64> {
            store
                .conn
                .pragma_query_value(None, "temp_store", |row| row.get(0))
        };
        let plain = SqliteStore::create(&dir.path().join("plain.db"), None)?;
        assert_eq!(temp_store(&plain)?, 1, "FILE");
        let key = crate::store::Key::from_text("một khóa đủ dài")
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let encrypted = SqliteStore::create(&dir.path().join("secret.db"), Some(&key))?;
        assert_eq!(
            temp_store(&encrypted)?,
            0,
            "the default: memory, as compiled"
        );
        let reopened = SqliteStore::open(&dir.path().join("secret.db"), Some(&key))?;
        assert_eq!(temp_store(&reopened)?, 0);
        Ok(())
    }
}
