//! `theodoi report TASK --output FILE.docx|.html`: the report on one task
//! (báo cáo), and `theodoi remind TASK --output FILE.docx`: the reminder to
//! the units late with it (công văn đôn đốc), one letter for all or, with
//! `--each`, one per unit. Both in the form of Hướng dẫn 36-HD/VPTW, from
//! `app::documents` through `doc`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow};
use chrono::NaiveDate;

use super::{Context, date_arg, warn};
use crate::app::documents::{LateUnit, task_facts};
use crate::doc::compose::{self, Composed};
use crate::domain::Error;
use crate::domain::setting::SettingKey;
use crate::files;
use crate::i18n::{self, tr};
use crate::store::Storage;

/// The kind of file a document is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocFormat {
    // Plain comments: clap would show doc comments, in English, in the help.
    // A Word document.
    Docx,
    // One HTML page, ready to print.
    Html,
}

impl DocFormat {
    fn extension(self) -> &'static str {
        match self {
            DocFormat::Docx => "docx",
            DocFormat::Html => "html",
        }
    }

    /// The format `--format` names, else the one the file's name ends with.
    fn of(given: Option<DocFormat>, path: &Path) -> Result<DocFormat> {
        if let Some(format) = given {
            return Ok(format);
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("docx") => Ok(DocFormat::Docx),
            Some("html" | "htm") => Ok(DocFormat::Html),
            _ => Err(anyhow!(tr!(
                i18n::DOC_UNKNOWN_FORMAT,
                path = path.display()
            ))),
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[arg(value_name = "TASK")]
    task: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_name = "N", value_parser = number_arg)]
    number: Option<u32>,
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
    #[arg(long, value_enum)]
    format: Option<DocFormat>,
    #[arg(long)]
    force: bool,
}

#[derive(Debug, clap::Args)]
pub struct RemindArgs {
    #[arg(value_name = "TASK")]
    task: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_name = "N", value_parser = number_arg)]
    number: Option<u32>,
    #[arg(long)]
    each: bool,
    #[arg(long, short, value_name = "PATH")]
    output: PathBuf,
    #[arg(long, value_enum)]
    format: Option<DocFormat>,
    #[arg(long)]
    force: bool,
}

/// A document's number: digits, at most six.
fn number_arg(s: &str) -> Result<u32, String> {
    let s = s.trim();
    match s.parse::<u32>() {
        Ok(n) if s.len() <= 6 && s.chars().all(|c| c.is_ascii_digit()) => Ok(n),
        _ => Err(tr!(i18n::DOC_BAD_NUMBER, input = i18n::short(s))),
    }
}

pub fn report(
    store: &dyn Storage,
    args: ReportArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let format = DocFormat::of(args.format, &args.output)?;
    refuse_existing(&args.output, args.force, ctx.show_secret)?;
    let as_of = args.as_of.unwrap_or(ctx.today);
    let mut facts = task_facts(&*store.read(), &args.task, as_of)?;
    if !ctx.show_secret {
        facts.mask();
    }
    let composed = compose::report(&facts, args.number);
    write_document(&args.output, &composed, format, args.force)?;
    say_missing(&composed.missing);
    writeln!(
        out,
        "{}",
        tr!(i18n::DOC_WRITTEN, path = args.output.display())
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn remind(
    store: &dyn Storage,
    args: RemindArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let format = match (args.each, args.format) {
        (true, given) => given.unwrap_or(DocFormat::Docx),
        (false, given) => DocFormat::of(given, &args.output)?,
    };
    if args.each {
        if args.output.exists() && !args.output.is_dir() {
            return Err(anyhow!(tr!(
                i18n::DOC_EACH_NOT_FOLDER,
                path = args.output.display()
            )));
        }
    } else {
        refuse_existing(&args.output, args.force, ctx.show_secret)?;
    }
    let as_of = args.as_of.unwrap_or(ctx.today);
    let mut facts = task_facts(&*store.read(), &args.task, as_of)?;
    if !ctx.show_secret {
        facts.mask();
    }
    let late = facts.overdue();
    if late.is_empty() {
        writeln!(
            out,
            "{}",
            tr!(
                i18n::DOC_NOTHING_LATE,
                task = facts.task.code,
                date = crate::text::date::format_dmy(as_of)
            )
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.each {
        let composed = compose::reminder(&facts, &late, args.number);
        write_document(&args.output, &composed, format, args.force)?;
        say_missing(&composed.missing);
        writeln!(
            out,
            "{}",
            tr!(i18n::DOC_WRITTEN, path = args.output.display())
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    // One letter per unit, each named by its code: every name is checked
    // before anything is written.
    let letters: Vec<(PathBuf, &LateUnit)> = late
        .iter()
        .map(|l| (args.output.join(file_name(l, format)), *l))
        .collect();
    for (path, _) in &letters {
        refuse_existing(path, args.force, ctx.show_secret)?;
    }
    let mut missing = Vec::new();
    for (i, (path, unit)) in letters.iter().enumerate() {
        // Numbered one after the other from `--number`, in the order listed.
        let number = args.number.map(|n| n.saturating_add(i as u32));
        let composed = compose::reminder(&facts, &[unit], number);
        write_document(path, &composed, format, args.force)?;
        missing = composed.missing;
    }
    say_missing(&missing);
    writeln!(
        out,
        "{}",
        tr!(
            i18n::DOC_EACH_WRITTEN,
            n = letters.len(),
            path = args.output.display()
        )
    )?;
    Ok(ExitCode::SUCCESS)
}

/// A unit's letter: `p-ngo-quyen.docx`; on a task for people, the person
/// after the unit's code.
fn file_name(l: &LateUnit, format: DocFormat) -> String {
    let stem = match &l.person {
        Some(person) => format!("{}-{}", l.unit_code, crate::text::slug(person)),
        None => l.unit_code.clone(),
    };
    format!("{stem}.{}", format.extension())
}

/// An existing file at `path` is left alone unless the clerk said
/// `--force`.
fn refuse_existing(path: &Path, force: bool, show_secret: bool) -> Result<()> {
    super::output::refuse_open_file(path, force, show_secret)?;
    if files::exists_here(path) && !force {
        return Err(Error::OutputExists(path.to_path_buf()).into());
    }
    if force && !files::replaceable(path) {
        return Err(anyhow!(tr!(
            i18n::OUTPUT_NOT_REPLACEABLE,
            path = path.display()
        )));
    }
    Ok(())
}

fn write_document(
    path: &Path,
    composed: &Composed,
    format: DocFormat,
    replace: bool,
) -> Result<()> {
    let bytes = match format {
        DocFormat::Docx => crate::doc::docx::render(&composed.document)?,
        DocFormat::Html => crate::doc::html::render(&composed.document).into_bytes(),
    };
    write_file(path, &bytes, replace).with_context(|| tr!(i18n::DOC_FAILED, path = path.display()))
}

/// Writes `bytes` as a new file of the clerk's, or in place of an old one
/// when `replace`, as every report's `--output` is written (`output.rs`).
fn write_file(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    let mut file = super::output::OutputFile::create(path, replace)?;
    file.write_all(bytes)?;
    file.commit()?;
    Ok(())
}

/// Says on stderr which settings the document lacked.
fn say_missing(missing: &[SettingKey]) {
    if missing.is_empty() {
        return;
    }
    let keys: Vec<&str> = missing.iter().map(|k| k.slug()).collect();
    warn(&tr!(i18n::DOC_MISSING_SETTINGS, keys = keys.join(", ")));
}
