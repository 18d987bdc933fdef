//! `theodoi extract [FILE|-]`: the directives and deadlines an announcement
//! names. Prints what it finds; writes nothing.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::{Context, OutputArgs};
use crate::app;
use crate::app::extract::Applied;
use crate::extract::{Extraction, extract};
use crate::i18n::{self, tr};
use crate::report::extract::{FoundDeadlines, FoundDirectives};
use crate::report::{Format, render};
use crate::store::{Db, SqliteStore};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text; `-` or nothing for standard input.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    #[command(flatten)]
    output: OutputArgs,
    #[arg(long)]
    apply: bool,
    #[arg(long, requires = "apply")]
    yes: bool,
}

pub fn run(
    args: Args,
    db: Option<PathBuf>,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut dest = args.output.destination()?;
    let mut bytes = Vec::new();
    match args.file.as_deref().filter(|f| f.as_os_str() != "-") {
        Some(file) => {
            bytes = std::fs::read(file)
                .with_context(|| tr!(i18n::IMPORT_READ, path = file.display()))?;
        }
        None => {
            std::io::stdin().read_to_end(&mut bytes)?;
        }
    }
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let found = extract(text);
    let options = args.output.options(ctx);
    let w = dest.writer(out);
    match options.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, &found)?;
            writeln!(w)?;
        }
        Format::Csv => {
            render(&FoundDirectives, &found.directives, options, w)?;
        }
        Format::Xlsx => {
            let mut book = crate::report::xlsx::Book::new();
            book.add(&FoundDirectives, &found.directives)?;
            book.add(&FoundDeadlines, &found.deadlines)?;
            book.write_to(w)?;
        }
        Format::Table | Format::Md => {
            render(&FoundDirectives, &found.directives, options, w)?;
            writeln!(w)?;
            render(&FoundDeadlines, &found.deadlines, options, w)?;
        }
    }
    dest.finish(out)?;
    if args.apply {
        out.flush()?;
        if !args.yes && !confirm(out)? {
            writeln!(out, "{}", i18n::EXTRACT_NOTHING_WRITTEN.get())?;
            return Ok(ExitCode::SUCCESS);
        }
        let mut store = SqliteStore::open(&super::db_path(db)?)?;
        let lines = super::write(&mut store, ctx, "extract.apply", |db| apply(db, &found))?;
        for line in lines {
            writeln!(out, "{line}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Asks on the terminal; without one, `--yes` is needed.
fn confirm(out: &mut dyn Write) -> Result<bool> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        anyhow::bail!(i18n::EXTRACT_NEEDS_YES.get());
    }
    write!(out, "{} ", i18n::EXTRACT_CONFIRM.get())?;
    out.flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(
        crate::text::fold(&answer).as_str(),
        "c" | "co" | "y" | "yes"
    ))
}

/// Records what was found, and says what became of each thing.
fn apply(db: &dyn Db, found: &Extraction) -> Result<Vec<String>> {
    let applied = app::extract::apply(db, found)?;
    let lines: Vec<String> = applied
        .iter()
        .map(|a| match a {
            Applied::Linked(d) => tr!(i18n::EXTRACT_LINKED, directive = i18n::describe(d)),
            Applied::Added(d) => tr!(i18n::DIRECTIVE_ADDED, directive = i18n::describe(d)),
            Applied::Unsure {
                symbol,
                doc_type,
                number,
            } => tr!(
                i18n::EXTRACT_UNSURE,
                directive = symbol
                    .clone()
                    .unwrap_or_else(|| i18n::number_only_label(*doc_type, number))
            ),
            Applied::TaskLinked(task) => tr!(
                i18n::EXTRACT_TASK_LINKED,
                code = task.code,
                title = task.title
            ),
            Applied::TaskAdded(task, directive, n) => tr!(
                i18n::TASK_ADDED,
                code = task.code,
                title = task.title,
                directive = i18n::label(directive),
                n = n
            ),
        })
        .collect();
    db.note(serde_json::json!({ "n": lines.len() }), None, None)?;
    Ok(lines)
}
