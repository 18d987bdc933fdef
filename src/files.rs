//! The files theodoi makes, and whether it may write where a file is.
//!
//! Every file theodoi creates (a database, a backup, an export, and any
//! spreadsheet or document to come) is made by `create_new`: the clerk's
//! own, and new. It is never made over an existing file, nor through a link
//! (a link counts as an existing file even when what it points to is
//! missing); on Unix it is readable and writable by its owner only, and the
//! folders made for it are its owner's only.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::domain::error::{Error, FileAction, Result};

/// Creates `path` as a new, empty file of the clerk's, and the folders it
/// goes in. An existing file or link at `path` is `Error::BackupExists`,
/// left as it is; other failures are `Error::File` with `action`.
pub fn create_new(path: &Path, action: FileAction) -> Result<File> {
    let exists = || Error::BackupExists(path.to_path_buf());
    // On Unix the open below refuses links by itself; elsewhere this is
    // what refuses them.
    if exists_here(path) {
        return Err(exists());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_folders(dir).map_err(|e| Error::File {
            action: FileAction::CreateDir,
            path: dir.to_path_buf(),
            source: Box::new(e),
        })?;
    }
    let mut options = OpenOptions::new();
    // create_new is O_CREAT | O_EXCL (CREATE_NEW on Windows): the file is
    // made by this call or not at all, and never through a link.
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    match options.open(path) {
        Ok(file) => Ok(file),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => Err(exists()),
        Err(e) => Err(Error::File {
            action,
            path: path.to_path_buf(),
            source: Box::new(e),
        }),
    }
}

/// Whether something is at `path`: a file, a folder, or a link, even one
/// to nothing.
pub fn exists_here(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// Whether the file at `path` is its owner's only (mode 0600 or narrower on
/// Unix): what a file that will hold secret titles must be. A link is
/// replaced, not written through, so its own mode does not count. Other
/// systems have no such mode: true.
pub fn owner_only(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        match path.symlink_metadata() {
            Ok(meta) if meta.file_type().is_symlink() => true,
            Ok(meta) => meta.permissions().mode() & 0o077 == 0,
            Err(_) => true,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// Whether `--force` may replace what is at `path`: only a regular file
/// (or a link, itself replaced) that is not a database. A device, a pipe or
/// a socket is never replaced, nor a SQLite database (theodoi's own, a
/// backup, plain or encrypted) or its `-wal`/`-shm` companion: a report
/// written over the database it reads would lose everything.
pub fn replaceable(path: &Path) -> bool {
    let Ok(meta) = path.symlink_metadata() else {
        return true;
    };
    if meta.file_type().is_symlink() {
        // The link itself is replaced, but not a link to what may never
        // be (`/dev/stdout` is a link to a device): judged by its target;
        // a link to nothing is replaced.
        return match std::fs::metadata(path) {
            // A link to nothing.
            Err(_) => true,
            Ok(target) if !target.is_file() => false,
            Ok(_) => match std::fs::canonicalize(path) {
                Ok(target) if target != path => replaceable(&target),
                _ => true,
            },
        };
    }
    if !meta.is_file() {
        return false;
    }
    let name = path.to_string_lossy();
    let base = name
        .strip_suffix("-wal")
        .or_else(|| name.strip_suffix("-shm"))
        .or_else(|| name.strip_suffix("-journal"));
    let database = |p: &Path| {
        use std::io::Read;
        let mut head = [0u8; 16];
        File::open(p)
            .and_then(|mut f| f.read_exact(&mut head))
            .is_ok_and(|_| &head == b"SQLite format 3\0")
            || looks_encrypted(p)
    };
    !(database(path) || base.is_some_and(|b| database(Path::new(b))))
}

/// The page of an encrypted database (SQLCipher's): its file is a whole
/// number of them.
const ENCRYPTED_PAGE: u64 = 4096;

/// Whether the file at `path` looks like an encrypted database: whole pages,
/// with neither SQLite's header nor a zip's (a workbook, a Word document).
/// Reads its first 16 bytes only. A file of random bytes looks the same;
/// only the key tells them apart.
pub fn looks_encrypted(path: &Path) -> bool {
    use std::io::Read;
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() < ENCRYPTED_PAGE || meta.len() % ENCRYPTED_PAGE != 0 {
        return false;
    }
    let mut head = [0u8; 16];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head != b"SQLite format 3\0" && !head.starts_with(b"PK\x03\x04"))
}

/// The folder a file is in (`.` for a bare file name).
/// Which file a path names now: its device and inode, to tell whether two
/// openings of one path met the same file (a file put in its place between
/// them is another). `None` where it cannot be told (not Unix: there an
/// open database file cannot be replaced).
pub fn identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Whether this process may write the file, or make files in the folder,
/// at `path`: its permissions, an immutable flag, a read-only mount. Writes
/// nothing. Elsewhere than on Unix, only a file's read-only attribute is
/// known; a folder counts as writable.
pub fn can_write(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let Ok(name) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: `name` is a NUL-terminated string that outlives the call.
        unsafe { libc::access(name.as_ptr(), libc::W_OK) == 0 }
    }
    #[cfg(not(unix))]
    {
        match std::fs::metadata(path) {
            Ok(meta) => meta.is_dir() || !meta.permissions().readonly(),
            Err(_) => false,
        }
    }
}

/// Makes `dir` and the folders above it that are missing (owner only on Unix).
fn create_folders(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// The files this run is making whose bytes are not all there yet: an
/// interrupted run (Ctrl-C) removes them rather than leave half a report
/// that looks whole.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn unfinished() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    UNFINISHED.lock().unwrap_or_else(|e| e.into_inner())
}

/// `path` is being made: removed if the run is interrupted before `made`.
pub fn making(path: &Path) {
    unfinished().push(path.to_path_buf());
}

/// `path` is whole (or already removed): an interruption leaves it alone.
pub fn made(path: &Path) {
    unfinished().retain(|p| p != path);
}

/// Removes the files still being made, for an interrupted run; the ones
/// removed. (On Windows too: the standard library opens files with
/// `FILE_SHARE_DELETE`, so an open file can be removed.)
pub fn remove_unfinished() -> Vec<PathBuf> {
    let paths = std::mem::take(&mut *unfinished());
    paths
        .into_iter()
        .filter(|p| std::fs::remove_file(p).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_made_once() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("a/b/c.txt");
        create_new(&path, FileAction::Open)?;
        assert!(matches!(
            create_new(&path, FileAction::Open),
            Err(Error::BackupExists(_))
        ));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
            assert_eq!(mode(&path)?, 0o600);
            assert_eq!(mode(&dir.path().join("a/b"))?, 0o700);
        }
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_never_followed() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("target");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link)?;
        assert!(exists_here(&link) && !link.exists());
        assert!(matches!(
            create_new(&link, FileAction::Backup),
            Err(Error::BackupExists(_))
        ));
        assert!(!target.exists());
        Ok(())
    }

    #[test]
    fn a_bare_name_is_in_the_current_folder() {
        assert_eq!(folder_of(Path::new("theodoi.db")), Path::new("."));
        assert_eq!(folder_of(Path::new("a/theodoi.db")), Path::new("a"));
    }
}
