//! `theodoi init`: create the database file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::domain::Error;
use crate::i18n::{self, tr};
use crate::store::{Location, PostgresStore, SqliteStore};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Make a database of an existing empty file without asking.
    #[arg(long)]
    force: bool,
    /// Make the database encrypted: the key from `THEODOI_KEY_FILE`, else
    /// typed twice on a terminal.
    #[arg(long)]
    encrypt: bool,
}

pub fn run(location: &Location, args: Args, out: &mut dyn Write) -> Result<ExitCode> {
    let path = match location {
        Location::Sqlite(path) => path,
        Location::Postgres(address) => return run_postgres(address, location, &args, out),
    };
    // A link to nothing is not "no file": `create` refuses it.
    if !path.exists() {
        let key = new_key(path, &args)?;
        SqliteStore::create(path, key.as_ref())?;
        writeln!(out, "{}", created(path, &args))?;
        return Ok(ExitCode::SUCCESS);
    }
    // An existing database is only read (and upgraded if older); a file
    // that is not one is left as it is, unless it is empty and the clerk
    // says to make a database of it.
    match super::crypt::open(path, true) {
        Ok(opened) if args.encrypt && !opened.encrypted => {
            return Err(Error::NotEncrypted(path.to_path_buf()).into());
        }
        Ok(opened) => {
            let version = opened.store.version()?;
            let message = match opened.store.upgraded_from() {
                Some(found) => tr!(
                    i18n::INIT_EXISTS_OLD_READ_ONLY,
                    path = path.display(),
                    found = found,
                    version = version
                ),
                None => tr!(i18n::INIT_EXISTS, path = path.display(), version = version),
            };
            writeln!(out, "{message}")?;
        }
        Err(e) => match e.downcast::<Error>() {
            Ok(Error::DatabaseEmpty(_)) if args.force || confirm(path, out)? => {
                let key = new_key(path, &args)?;
                SqliteStore::create_in_empty(path, key.as_ref())?;
                writeln!(out, "{}", created(path, &args))?;
            }
            Ok(Error::DatabaseEmpty(_)) => writeln!(out, "{}", i18n::INIT_DECLINED.get())?,
            Ok(e) => return Err(e.into()),
            Err(e) => return Err(e),
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// `init` of a PostgreSQL database: makes the schema in an empty database
/// (one of theodoi's is only upgraded, if older; another program's is
/// refused). Encryption is for files.
fn run_postgres(
    address: &str,
    location: &Location,
    args: &Args,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    if args.encrypt {
        return Err(Error::PgEncrypt(location.shown()).into());
    }
    let (store, new) = PostgresStore::init(address)?;
    let message = match new {
        true => tr!(i18n::INIT_CREATED, path = location.shown()),
        false => tr!(
            i18n::INIT_EXISTS,
            path = location.shown(),
            version = store.version()?
        ),
    };
    writeln!(out, "{message}")?;
    Ok(ExitCode::SUCCESS)
}

/// The key of the new database with `--encrypt`; none without.
fn new_key(path: &Path, args: &Args) -> Result<Option<crate::store::Key>> {
    Ok(match args.encrypt {
        true => Some(super::crypt::new_key(path)?),
        false => None,
    })
}

/// What `init` says of the database it made.
fn created(path: &Path, args: &Args) -> String {
    let text = match args.encrypt {
        true => i18n::INIT_CREATED_ENCRYPTED,
        false => i18n::INIT_CREATED,
    };
    tr!(text, path = path.display())
}

/// Asks on the terminal whether to make a database of the empty file at
/// `path`; without a terminal, `--force` is needed.
fn confirm(path: &Path, out: &mut dyn Write) -> Result<bool> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return Err(Error::DatabaseEmpty(path.to_path_buf()).into());
    }
    write!(
        out,
        "{} ",
        tr!(i18n::INIT_EMPTY_CONFIRM, path = path.display())
    )?;
    out.flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(
        crate::text::fold(&answer).as_str(),
        "c" | "co" | "y" | "yes"
    ))
}
