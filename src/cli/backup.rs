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
    writeln!(
        out,
        "{}",
        tr!(i18n::BACKUP_DONE, path = args.file.display())
    )?;
    Ok(ExitCode::SUCCESS)
}
