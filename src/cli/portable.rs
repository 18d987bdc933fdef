//! `theodoi export FILE.json` and `theodoi import FILE.json`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use crate::domain::error::FileAction;
use crate::i18n::{self, tr};
use crate::store::Storage;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

pub fn export(store: &dyn Storage, args: Args, out: &mut dyn Write) -> Result<ExitCode> {
    // A date that is no date would make a file that `import` refuses: said
    // before anything is written.
    if let Some(bad) = store.bad_stored_date()? {
        bail!("{}; {}", i18n::message(&bad), i18n::EXPORT_NOTHING.get());
    }
    // A full copy keeps the titles of secret directives: said, on stderr.
    let secret = secret_count(store)?;
    if secret > 0 {
        super::warn(&tr!(i18n::EXPORT_HAS_SECRET, n = secret));
    }
    if args.file.as_os_str() == "-" {
        store.export(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = args.file.display().to_string();
    // A new file of the clerk's; an existing file or link is left alone.
    let file = crate::files::create_new(&args.file, FileAction::Export)?;
    crate::files::making(&args.file);
    let write = || -> Result<()> {
        let mut file = std::io::BufWriter::new(file);
        store.export(&mut file)?;
        file.flush()?;
        Ok(())
    };
    let written = write();
    if written.is_err() {
        let _ = std::fs::remove_file(&args.file);
    }
    crate::files::made(&args.file);
    if let Err(e) = written {
        return Err(e.context(tr!(i18n::EXPORT_FAILED, path = path)));
    }
    writeln!(out, "{}", tr!(i18n::EXPORT_DONE, path = path))?;
    Ok(ExitCode::SUCCESS)
}

/// How many directives carry a classification: a full copy keeps their
/// subjects.
pub fn secret_count(store: &dyn Storage) -> Result<usize> {
    Ok(store
        .read()
        .directives(None)?
        .iter()
        .filter(|d| d.secrecy.is_some())
        .count())
}

/// `import`; `server`: the database's name when it is on a PostgreSQL
/// server, where a new empty database is the server's, not a new file.
pub fn import(
    store: &mut dyn Storage,
    args: Args,
    server: Option<&str>,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let path = args.file.display().to_string();
    let file =
        std::fs::File::open(&args.file).with_context(|| tr!(i18n::IMPORT_READ, path = path))?;
    // Where the text stops being JSON, in words (the parser's own are English).
    let document: serde_json::Value = match serde_json::from_reader(std::io::BufReader::new(file)) {
        Ok(document) => document,
        Err(e) if e.is_io() => {
            return Err(anyhow::Error::new(e).context(tr!(i18n::NOT_JSON, path = path)));
        }
        Err(e) => anyhow::bail!(tr!(
            i18n::NOT_JSON_AT,
            path = path,
            line = e.line(),
            column = e.column()
        )),
    };
    let n = match crate::app::portable::import(store, document, &path) {
        Err(crate::domain::Error::ImportNotEmpty) if let Some(db) = server => {
            anyhow::bail!(tr!(i18n::IMPORT_NOT_EMPTY_PG, db = db, path = path))
        }
        other => other?,
    };
    writeln!(out, "{}", tr!(i18n::IMPORTED, path = path, n = n))?;
    Ok(ExitCode::SUCCESS)
}
