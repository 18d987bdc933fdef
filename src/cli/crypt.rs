//! An encrypted database: where its key comes from (the key file named by
//! `THEODOI_KEY_FILE`, else typed on a terminal without echo; never an
//! argument), how every command opens the database with it, and
//! `theodoi encrypt` / `theodoi decrypt`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::domain::Error;
use crate::domain::error::KeyProblem;
use crate::i18n::{self, tr};
use crate::store::sqlite::looks_encrypted;
use crate::store::{Key, SqliteStore};

/// The variable that names the key file.
pub const KEY_FILE_VAR: &str = "THEODOI_KEY_FILE";

/// A database opened for a command, and whether it is encrypted.
pub struct Opened {
    pub store: SqliteStore,
    pub encrypted: bool,
}

/// Opens the database at `path` as a command needs it (`read_only`: see
/// `cli::reads_only`): with its key when the file is encrypted. A key file
/// set for a plain database is not used, and said so.
pub fn open(path: &Path, read_only: bool) -> Result<Opened> {
    let key = if looks_encrypted(path) {
        Some(key_to_open(path)?)
    } else {
        if let Some(file) = key_file() {
            super::warn(&tr!(
                i18n::KEY_UNUSED,
                path = path.display(),
                file = file.display()
            ));
        }
        None
    };
    let store = if read_only {
        SqliteStore::open_read_only(path, key.as_ref())?
    } else {
        SqliteStore::open(path, key.as_ref())?
    };
    Ok(Opened {
        store,
        encrypted: key.is_some(),
    })
}

/// The key file named by `THEODOI_KEY_FILE`, when it names one.
fn key_file() -> Option<PathBuf> {
    std::env::var_os(KEY_FILE_VAR)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The key of the encrypted database at `path`: from the key file, else
/// typed on a terminal; `Error::KeyNeeded` with neither.
pub fn key_to_open(path: &Path) -> Result<Key, Error> {
    if let Some(file) = key_file() {
        return read_key_file(&file);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::KeyNeeded(path.to_path_buf()));
    }
    typed(&tr!(i18n::KEY_PROMPT, path = path.display()))
}

/// A new key for the database at `path`: from the key file, else typed
/// twice on a terminal; long enough either way.
pub fn new_key(path: &Path) -> Result<Key, Error> {
    if let Some(file) = key_file() {
        let key = read_key_file(&file)?;
        key.check_new().map_err(|problem| Error::BadKey {
            path: Some(file),
            problem,
        })?;
        return Ok(key);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::KeyNeeded(path.to_path_buf()));
    }
    let key = typed(&tr!(i18n::KEY_PROMPT_NEW, path = path.display()))?;
    let bad = |problem| Error::BadKey {
        path: None,
        problem,
    };
    key.check_new().map_err(bad)?;
    if typed(i18n::KEY_PROMPT_AGAIN.get())? != key {
        return Err(bad(KeyProblem::Differ));
    }
    Ok(key)
}

/// A key typed on the terminal, not echoed.
fn typed(prompt: &str) -> Result<Key, Error> {
    let bad = |problem| Error::BadKey {
        path: None,
        problem,
    };
    #[cfg(unix)]
    restore_terminal_on_interrupt();
    let text = zeroize::Zeroizing::new(
        rpassword::prompt_password(prompt).map_err(|e| bad(KeyProblem::Unreadable(e.kind())))?,
    );
    Key::from_text(&text).map_err(bad)
}

/// The key in the file at `path`: a file only its owner may read and write
/// (on Unix), holding one line.
fn read_key_file(path: &Path) -> Result<Key, Error> {
    let bad = |problem| Error::BadKey {
        path: Some(path.to_path_buf()),
        problem,
    };
    let meta = std::fs::metadata(path).map_err(|e| bad(KeyProblem::Unreadable(e.kind())))?;
    if meta.is_dir() {
        return Err(bad(KeyProblem::Unreadable(
            std::io::ErrorKind::IsADirectory,
        )));
    }
    // A device or a pipe (`/dev/zero`, a FIFO) is no key file: refused
    // before its mode is read or a byte of it.
    if !meta.is_file() {
        return Err(bad(KeyProblem::NotAFile));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(bad(KeyProblem::Mode(mode)));
        }
    }
    if meta.len() > Key::MAX_BYTES as u64 + 2 {
        return Err(bad(KeyProblem::TooLong {
            max: Key::MAX_BYTES,
        }));
    }
    // Read bounded: the file may have grown since it was looked at.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            use std::io::Read;
            f.take(Key::MAX_BYTES as u64 + 3).read_to_end(&mut bytes)
        })
        .map_err(|e| bad(KeyProblem::Unreadable(e.kind())))?;
    if bytes.len() > Key::MAX_BYTES + 2 {
        return Err(bad(KeyProblem::TooLong {
            max: Key::MAX_BYTES,
        }));
    }
    Key::from_bytes(bytes).map_err(bad)
}

/// `theodoi encrypt`: the plain database encrypted in place, with a new key.
pub fn encrypt(path: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    // A missing file, or one that is no theodoi database, is said as any
    // command says it, before a key is asked for.
    match SqliteStore::open_read_only(path, None) {
        Ok(store) => drop(store),
        Err(Error::KeyNeeded(_)) => return Err(Error::AlreadyEncrypted(path.to_path_buf()).into()),
        Err(e) => return Err(e.into()),
    }
    let key = new_key(path)?;
    let done = SqliteStore::convert(path, None, Some(&key))?;
    writeln!(
        out,
        "{}",
        tr!(
            i18n::ENCRYPTED_DONE,
            path = path.display(),
            rows = done.rows
        )
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `theodoi decrypt`: the encrypted database made plain in place.
pub fn decrypt(path: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    if !looks_encrypted(path) {
        drop(SqliteStore::open_read_only(path, None)?);
        return Err(Error::NotEncrypted(path.to_path_buf()).into());
    }
    let key = key_to_open(path)?;
    let done = SqliteStore::convert(path, Some(&key), None)?;
    writeln!(
        out,
        "{}",
        tr!(
            i18n::DECRYPTED_DONE,
            path = path.display(),
            rows = done.rows
        )
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Ctrl-C while a key is typed ends the program with the terminal's echo
/// off: the terminal's settings from before are put back first (Unix).
#[cfg(unix)]
fn restore_terminal_on_interrupt() {
    use std::os::fd::IntoRawFd;
    use std::sync::OnceLock;
    static SAVED: OnceLock<(libc::c_int, libc::termios)> = OnceLock::new();
    extern "C" fn on_interrupt(signal: libc::c_int) {
        // SAFETY: tcsetattr, signal and raise are async-signal-safe; SAVED
        // is set before the handler is installed and never changes.
        unsafe {
            if let Some((fd, termios)) = SAVED.get() {
                libc::tcsetattr(*fd, libc::TCSANOW, termios);
            }
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
    if SAVED.get().is_some() {
        return;
    }
    let Ok(tty) = std::fs::File::open("/dev/tty") else {
        return;
    };
    // Kept open for the handler, to the end of the program.
    let fd = tty.into_raw_fd();
    // SAFETY: a zeroed termios is a valid value for tcgetattr to fill.
    let mut termios: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `fd` is an open descriptor and `termios` a valid place to write.
    if unsafe { libc::tcgetattr(fd, &mut termios) } != 0 || SAVED.set((fd, termios)).is_err() {
        return;
    }
    let handler = on_interrupt as extern "C" fn(libc::c_int);
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler only calls async-signal-safe functions.
        unsafe {
            libc::signal(signal, handler as libc::sighandler_t);
        }
    }
}

/// `theodoi key …`: key files for an encrypted database.
#[derive(Debug, clap::Subcommand)]
pub enum KeyCommand {
    New {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// `theodoi key new FILE`: a new random key, 64 hex digits, in a new file
/// only its owner reads (on Unix); an existing file, perhaps a key in use,
/// is never replaced.
pub fn key_new(path: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let mut bytes = zeroize::Zeroizing::new([0u8; 32]);
    getrandom::fill(&mut bytes[..])
        .map_err(|e| anyhow::anyhow!(tr!(i18n::KEY_RANDOM_FAILED, detail = e)))?;
    let text = zeroize::Zeroizing::new(hex::encode(&bytes[..]));
    let mut file = match crate::files::create_new(path, crate::domain::error::FileAction::Open) {
        Err(Error::BackupExists(_)) => {
            anyhow::bail!(tr!(i18n::KEY_FILE_EXISTS, path = path.display()))
        }
        other => other?,
    };
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all());
    if let Err(e) = written {
        drop(file);
        let _ = std::fs::remove_file(path);
        return Err(anyhow::Error::new(e).context(tr!(i18n::OUTPUT_FAILED, path = path.display())));
    }
    writeln!(out, "{}", tr!(i18n::KEY_CREATED, path = path.display()))?;
    Ok(ExitCode::SUCCESS)
}
