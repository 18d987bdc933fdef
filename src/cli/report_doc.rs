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
    #[arg(long, value_enum, ignore_case = true)]
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
    #[arg(long, value_enum, ignore_case = true)]
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
                task = format!("“{}”", facts.task.title),
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
    // before anything is written, and every letter is written whole before
    // any is put in place, so that a failure half-way leaves none.
    let letters: Vec<(PathBuf, &LateUnit)> = file_names(&late, format)
        .into_iter()
        .zip(&late)
        .map(|(name, l)| (args.output.join(name), *l))
        .collect();
    for (path, _) in &letters {
        refuse_existing(path, args.force, ctx.show_secret)?;
    }
    let mut missing = Vec::new();
    let mut written = Vec::with_capacity(letters.len());
    for (i, (path, unit)) in letters.iter().enumerate() {
        // Numbered one after the other from `--number`, in the order listed.
        let number = args.number.map(|n| n.saturating_add(i as u32));
        let composed = compose::reminder(&facts, &[unit], number);
        let bytes = render(&composed, format)?;
        let mut file = super::output::OutputFile::create(path, args.force)
            .with_context(|| tr!(i18n::DOC_FAILED, path = path.display()))?;
        file.write_all(&bytes)
            .map_err(anyhow::Error::from)
            .and_then(|()| file.close())
            .with_context(|| tr!(i18n::DOC_FAILED, path = path.display()))?;
        written.push(file);
        missing = composed.missing;
    }
    for file in written {
        file.commit()?;
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

/// The letters' file names, one per late unit: `p-ngo-quyen.docx`; on a
/// task for people, the person after the unit's code. A code that is not a
/// good file name everywhere (`CON`, `nul`, `com1` on Windows; one starting
/// with a dot, hidden or a folder's name) gets `don-vi-` before it, and a
/// name met before in another case (`a` and `A`, one file on Windows and
/// macOS) gets `-2`, `-3`… after it.
fn file_names(late: &[&LateUnit], format: DocFormat) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    late.iter()
        .map(|l| {
            let code = if is_awkward_file_name(&l.unit_code) {
                format!("don-vi-{}", l.unit_code)
            } else {
                l.unit_code.clone()
            };
            let stem = match &l.person {
                Some(person) => format!("{code}-{}", crate::text::slug(person)),
                None => code,
            };
            let mut name = format!("{stem}.{}", format.extension());
            let mut n = 1;
            while !seen.insert(name.to_lowercase()) {
                n += 1;
                name = format!("{stem}-{n}.{}", format.extension());
            }
            name
        })
        .collect()
}

/// A code that makes a poor file name: a device name of Windows (alone or
/// before an extension), or one that starts with a dot.
fn is_awkward_file_name(code: &str) -> bool {
    let upper = code.to_ascii_uppercase();
    let base = upper.split('.').next().unwrap_or_default();
    let device = matches!(base, "CON" | "PRN" | "AUX" | "NUL")
        || ((base.starts_with("COM") || base.starts_with("LPT"))
            && base.len() == 4
            && base.as_bytes()[3].is_ascii_digit());
    device || code.starts_with('.')
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
    let bytes = render(composed, format)?;
    write_file(path, &bytes, replace).with_context(|| tr!(i18n::DOC_FAILED, path = path.display()))
}

/// The document's bytes in its format.
fn render(composed: &Composed, format: DocFormat) -> Result<Vec<u8>> {
    Ok(match format {
        DocFormat::Docx => crate::doc::docx::render(&composed.document)?,
        DocFormat::Html => crate::doc::html::render(&composed.document).into_bytes(),
    })
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
    let keys: Vec<String> = missing.iter().map(|k| i18n::setting_named(*k)).collect();
    warn(&tr!(i18n::DOC_MISSING_SETTINGS, keys = keys.join(", ")));
}
