//! `theodoi init`: create the database file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::domain::Error;
use crate::i18n::{self, tr};
use crate::store::SqliteStore;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Make a database of an existing empty file without asking.
    #[arg(long)]
    force: bool,
}

pub fn run(path: &Path, args: Args, out: &mut dyn Write) -> Result<ExitCode> {
    // A link to nothing is not "no file": `create` refuses it.
    if !path.exists() {
        SqliteStore::create(path)?;
        writeln!(out, "{}", tr!(i18n::INIT_CREATED, path = path.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    // An existing database is only read (and upgraded if older); a file
    // that is not one is left as it is, unless it is empty and the clerk
    // says to make a database of it.
    match SqliteStore::open_read_only(path) {
        Ok(store) => {
            let message = tr!(
                i18n::INIT_EXISTS,
                path = path.display(),
                version = store.version()?
            );
            writeln!(out, "{message}")?;
        }
        Err(Error::DatabaseEmpty(_)) if args.force || confirm(path, out)? => {
            SqliteStore::create_in_empty(path)?;
            writeln!(out, "{}", tr!(i18n::INIT_CREATED, path = path.display()))?;
        }
        Err(Error::DatabaseEmpty(_)) => writeln!(out, "{}", i18n::INIT_DECLINED.get())?,
        Err(e) => return Err(e.into()),
    }
    Ok(ExitCode::SUCCESS)
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
