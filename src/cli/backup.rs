//! `theodoi backup FILE`: a consistent copy of the whole database.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use crate::i18n::{self, tr};
use crate::store::Storage;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

pub fn run(store: &dyn Storage, args: Args, out: &mut dyn Write) -> Result<ExitCode> {
    store.backup(&args.file)?;
    // A whole copy keeps the subjects of secret directives: said, as
    // `export` says it.
    let secret = super::portable::secret_count(store)?;
    if secret > 0 {
        super::warn(&tr!(i18n::BACKUP_HAS_SECRET, n = secret));
    }
    writeln!(
        out,
        "{}",
        tr!(i18n::BACKUP_DONE, path = args.file.display())
    )?;
    Ok(ExitCode::SUCCESS)
}
