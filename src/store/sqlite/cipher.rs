//! Encryption at rest, through SQLCipher (compiled in): the key applied to
//! every connection before anything reads the file, whether a file looks
//! encrypted, and the conversion of a database between plain and encrypted
//! in place: to a new file beside it, checked, then renamed over it.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};
use zeroize::Zeroizing;

use super::{APPLICATION_ID, SQLITE_HEADER, SqliteStore, beside, connect_raw};
use crate::domain::error::{ConversionProblem, Error, FileAction, Result};
use crate::files;
use crate::store::Key;

/// How long a conversion waits for a lock before saying another process
/// has the database open.
const IN_USE_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);

/// `PRAGMA key`, the first statement on a connection to an encrypted file.
/// A raw key (64 hex digits) is given as a blob literal, used as it is; a
/// passphrase as a string, from which SQLCipher derives the key.
///
/// SQLCipher's own log, which would print its details of a wrong key on
/// stderr beside theodoi's one line, is turned off first (it reads nothing).
pub(super) fn apply_key(conn: &Connection, key: Option<&Key>) -> rusqlite::Result<()> {
    conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
    if let Some(key) = key {
        conn.execute_batch(&format!("PRAGMA key = {}", *key_literal(key)))?;
    }
    Ok(())
}

/// The key as SQLCipher reads it in a statement.
fn key_literal(key: &Key) -> Zeroizing<String> {
    Zeroizing::new(match key.raw_hex() {
        Some(hex) => format!("\"x'{hex}'\""),
        None => format!("'{}'", key.text().replace('\'', "''")),
    })
}

/// The key as SQLCipher reads it in a bound value (`ATTACH … KEY ?`).
fn key_value(key: Option<&Key>) -> Zeroizing<String> {
    Zeroizing::new(match key {
        Some(key) => match key.raw_hex() {
            Some(hex) => format!("x'{hex}'"),
            None => key.text().to_string(),
        },
        // An empty key: a plain file.
        None => String::new(),
    })
}

/// Whether the first read of a connection failed as a wrong key fails:
/// SQLite's "file is not a database".
pub(super) fn is_not_a_database(e: &Error) -> bool {
    let Error::Storage(source) = e else {
        return false;
    };
    matches!(
        source.downcast_ref::<rusqlite::Error>(),
        Some(rusqlite::Error::SqliteFailure(f, _)) if f.code == ErrorCode::NotADatabase
    )
}

/// Whether the file at `path` looks like an encrypted database (see
/// `files::looks_encrypted`).
pub fn looks_encrypted(path: &Path) -> bool {
    files::looks_encrypted(path)
}

/// What a conversion did: the rows it checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Converted {
    pub rows: i64,
}

impl SqliteStore {
    /// Converts the database at `path` in place: opened with `from` (none:
    /// a plain file), copied to a new file beside it encrypted with `to`
    /// (none: plain), the copy checked (it opens with its key, same
    /// version, `integrity_check`, the same rows in every table), then
    /// renamed over the original. On any failure the copy is removed and
    /// the original left as it was. A database that another process has
    /// open is refused (`Error::DatabaseInUse`).
    ///
    /// Nothing of the original stays beside it: its `-wal` is folded into
    /// it first, and on Unix the replaced file, still held open, is
    /// overwritten with zeros before it is let go.
    pub fn convert(path: &Path, from: Option<&Key>, to: Option<&Key>) -> Result<Converted> {
        refuse_linked(path)?;
        // Checked, and upgraded when older, as any write would.
        let store = SqliteStore::open(path, from)?;
        let conn = store.conn;
        let in_use = || Error::DatabaseInUse(path.to_path_buf());
        conn.busy_timeout(IN_USE_WAIT)?;
        // Out of WAL: the `-wal` is folded into the file and removed. SQLite
        // does so only when no other connection has the file open.
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get(0))
            .map_err(|e| if is_busy(&e) { in_use() } else { e.into() })?;
        if !mode.eq_ignore_ascii_case("delete") || files::exists_here(&beside(path, "-wal")) {
            return Err(in_use());
        }
        // Held from here to the end: nobody else reads or writes meanwhile.
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
        conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
            .map_err(|e| if is_busy(&e) { in_use() } else { e.into() })?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let rows = row_counts(&conn, "main")?;

        let copy = Copy::new(path)?;
        conn.execute(
            "ATTACH DATABASE ?1 AS converted KEY ?2",
            rusqlite::params![copy.path.to_string_lossy(), *key_value(to)],
        )
        .map_err(file_error(&copy.path))?;
        let exported = conn
            .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))
            .and_then(|()| {
                conn.execute_batch(&format!(
                    "PRAGMA converted.user_version = {version};
                     PRAGMA converted.application_id = {APPLICATION_ID};"
                ))
            });
        conn.execute_batch("DETACH DATABASE converted")?;
        exported.map_err(file_error(&copy.path))?;
        check_copy(path, &copy.path, to, version, &rows)?;
        std::fs::File::open(&copy.path)
            .and_then(|f| f.sync_all())
            .map_err(io_error(&copy.path))?;

        #[cfg(unix)]
        let old = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(io_error(path))?;
        // Windows renames over a file only when nobody has it open.
        #[cfg(not(unix))]
        drop(conn);
        std::fs::rename(&copy.path, path).map_err(io_error(path))?;
        copy.keep();
        sync_folder(path);
        #[cfg(unix)]
        {
            drop(conn);
            scrub(old);
        }
        // Nothing of the old file's beside the new one.
        for suffix in ["-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(beside(path, suffix));
        }
        Ok(Converted {
            rows: rows.iter().map(|(_, n)| n).sum(),
        })
    }
}

/// The number of rows of every table of schema `schema`, by name.
fn row_counts(conn: &Connection, schema: &str) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT name FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name"
    ))?;
    let names = stmt
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    names
        .into_iter()
        .map(|name| {
            let quoted = name.replace('"', "\"\"");
            let n: i64 = conn.query_row(
                &format!("SELECT count(*) FROM {schema}.\"{quoted}\""),
                [],
                |row| row.get(0),
            )?;
            Ok((name, n))
        })
        .collect()
}

/// Opens the copy with its key as any command would, and holds it to the
/// original: its form (encrypted or plain), version, application id,
/// integrity, and the rows of every table. Leaves it in WAL mode, as every
/// theodoi database is, with no file beside it.
fn check_copy(
    path: &Path,
    copy: &Path,
    key: Option<&Key>,
    version: i64,
    rows: &[(String, i64)],
) -> Result<()> {
    let failed = |problem| Error::ConversionFailed {
        path: path.to_path_buf(),
        problem,
    };
    let mut head = [0u8; 16];
    std::fs::File::open(copy)
        .and_then(|mut f| f.read_exact(&mut head))
        .map_err(io_error(copy))?;
    if (&head == SQLITE_HEADER) == key.is_some() {
        return Err(failed(ConversionProblem::Form));
    }
    let conn =
        connect_raw(copy, OpenFlags::SQLITE_OPEN_READ_WRITE, key).map_err(file_error(copy))?;
    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if found != version {
        return Err(failed(ConversionProblem::Version {
            expected: version,
            found,
        }));
    }
    let id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if id != APPLICATION_ID {
        return Err(failed(ConversionProblem::Version {
            expected: APPLICATION_ID,
            found: id,
        }));
    }
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    if integrity != "ok" {
        return Err(failed(ConversionProblem::Integrity(integrity)));
    }
    let copied = row_counts(&conn, "main")?;
    for (table, expected) in rows {
        let found = copied
            .iter()
            .find(|(name, _)| name == table)
            .map_or(-1, |(_, n)| *n);
        if found != *expected {
            return Err(failed(ConversionProblem::Rows {
                table: table.clone(),
                expected: *expected,
                found,
            }));
        }
    }
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    Ok(())
}

/// The new file a conversion writes, beside the database (a rename within
/// a folder is all or nothing). Removed, with any file beside it, unless
/// kept.
struct Copy {
    path: PathBuf,
    kept: bool,
}

impl Copy {
    fn new(path: &Path) -> Result<Copy> {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{}.converting", std::process::id()));
        let copy = PathBuf::from(name);
        drop(files::create_new(&copy, FileAction::Open)?);
        // An interrupted run (Ctrl-C, a closed terminal) removes it and
        // what SQLite makes beside it: a plain copy is never left behind.
        files::making(&copy);
        for suffix in ["-wal", "-shm", "-journal"] {
            files::making(&beside(&copy, suffix));
        }
        Ok(Copy {
            path: copy,
            kept: false,
        })
    }

    fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
        files::made(&self.path);
        for suffix in ["-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(beside(&self.path, suffix));
            files::made(&beside(&self.path, suffix));
        }
    }
}

/// A database reached through a symbolic link, or (Unix) a file with a
/// second name: the conversion would put the new file in place of this
/// name only, and leave the other name on the old bytes.
fn refuse_linked(path: &Path) -> Result<()> {
    let linked = Error::DatabaseLinked(path.to_path_buf());
    // A path that cannot be looked at is said as opening it says it.
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if meta.file_type().is_symlink() {
        return Err(linked);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(linked);
        }
    }
    Ok(())
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

fn file_error(path: &Path) -> impl FnOnce(rusqlite::Error) -> Error + use<'_> {
    move |e| Error::File {
        action: FileAction::Open,
        path: path.to_path_buf(),
        source: Box::new(e),
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + use<'_> {
    move |e| Error::File {
        action: FileAction::Open,
        path: path.to_path_buf(),
        source: Box::new(e),
    }
}

/// Makes a rename in the folder of `path` last (Unix; best effort).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(files::folder_of(path)) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Overwrites with zeros the file replaced by a conversion, which no name
/// leads to any more, so that its blocks are not left to read on the disk
/// (best effort: a copy-on-write file system or a flash disk may keep them).
#[cfg(unix)]
fn scrub(file: std::fs::File) {
    use std::io::Write as _;
    let Ok(len) = file.metadata().map(|m| m.len()) else {
        return;
    };
    let zeros = vec![0u8; 64 * 1024];
    let mut writer = std::io::BufWriter::new(&file);
    let mut left = len;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        if writer.write_all(&zeros[..n]).is_err() {
            return;
        }
        left -= n as u64;
    }
    if writer.flush().is_ok() {
        let _ = file.sync_all();
    }
}
