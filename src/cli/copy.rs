//! `theodoi copy --from SOURCE --to TARGET`: everything of one database,
//! change log included, into an empty one, between an SQLite file and a
//! PostgreSQL database either way (or two of a kind). The source's export
//! is imported into the target, in one transaction of the target: the
//! exports of the two are the same afterwards.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use crate::domain::Error;
use crate::i18n::{self, tr};
use crate::store::{Location, PostgresStore, SqliteStore, Storage};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The database copied from: an SQLite file or a PostgreSQL address.
    #[arg(long, value_name = "DB")]
    from: PathBuf,
    /// The database copied into: a new SQLite file, or an empty database.
    #[arg(long, value_name = "DB")]
    to: PathBuf,
}

pub fn run(args: Args, out: &mut dyn Write) -> Result<ExitCode> {
    let from = Location::parse(args.from.as_os_str())?;
    let to = Location::parse(args.to.as_os_str())?;
    let (source_name, target_name) = (from.shown(), to.shown());
    if from == to {
        anyhow::bail!(tr!(i18n::COPY_SAME, path = source_name));
    }
    let (source, encrypted) = super::open_store(from, true)?;
    let (mut target, made, target_encrypted) = open_target(&to)?;
    let copied = copy(&*source, &mut *target, &source_name);
    drop(target);
    let n = match copied {
        Ok(n) => n,
        Err(e) => {
            // A file made for the copy goes when the copy does not happen.
            if let (Some(path), Location::Sqlite(_)) = (&made, &to) {
                let _ = std::fs::remove_file(path);
            }
            return Err(match e.downcast::<Error>() {
                Ok(Error::ImportNotEmpty) => {
                    anyhow::anyhow!(tr!(i18n::COPY_NOT_EMPTY, path = target_name))
                }
                Ok(e) => e.into(),
                Err(e) => e,
            });
        }
    };
    if encrypted && !target_encrypted {
        // What the encryption kept from being read, now in a plain database.
        super::warn(&tr!(i18n::COPY_PLAIN, from = source_name, to = target_name));
    }
    writeln!(
        out,
        "{}",
        tr!(i18n::COPY_DONE, n = n, from = source_name, to = target_name)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The database to copy into: a new SQLite file when there is no file
/// (its path returned, to remove it if the copy fails), else the database
/// there, which must be theodoi's (a PostgreSQL database with no table at
/// all is made one, as `init` makes it); and whether it is an encrypted file.
fn open_target(to: &Location) -> Result<(Box<dyn Storage>, Option<PathBuf>, bool)> {
    Ok(match to {
        // A link to nothing is not "no file": `create` refuses it.
        Location::Sqlite(path) if !path.exists() && path.symlink_metadata().is_err() => (
            Box::new(SqliteStore::create(path, None)?),
            Some(path.clone()),
            false,
        ),
        Location::Sqlite(_) => {
            let (store, encrypted) = super::open_store(to.clone(), false)?;
            (store, None, encrypted)
        }
        Location::Postgres(address) => (Box::new(PostgresStore::init(address)?.0), None, false),
    })
}

/// The source's export, imported into the target; how many rows.
fn copy(source: &dyn Storage, target: &mut dyn Storage, source_name: &str) -> Result<usize> {
    let mut document = Vec::new();
    source.export(&mut document)?;
    let document: serde_json::Value = serde_json::from_slice(&document)?;
    Ok(crate::app::portable::import(target, document, source_name)?)
}
