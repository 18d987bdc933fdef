//! `theodoi init`: create the database file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::i18n::{self, tr};
use crate::store::SqliteStore;

pub fn run(path: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let (store, created) = SqliteStore::create(path)?;
    let message = if created {
        tr!(i18n::INIT_CREATED, path = path.display())
    } else {
        tr!(
            i18n::INIT_EXISTS,
            path = path.display(),
            version = store.version()?
        )
    };
    writeln!(out, "{message}")?;
    Ok(ExitCode::SUCCESS)
}
