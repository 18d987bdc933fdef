//! `theodoi extract [FILE|-]`: the directives and deadlines an announcement
//! names. Prints what it finds; with `--apply`, records it, asking on a
//! terminal for what the text does not say.

use std::io::{BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::{Context, OutputArgs};
use crate::app;
use crate::app::extract::{Applied, Cited, Gap, Missing};
use crate::domain::UnitKind;
use crate::extract::{Extraction, extract};
use crate::i18n::{self, tr};
use crate::report::extract::{FoundDeadlines, FoundDirectives, directive_label};
use crate::report::{Format, render};
use crate::store::{Db, Storage};

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

/// The longest text `extract` reads, in characters (a long report is some
/// 50,000), and the most citations it may hold (each symbol's `/`).
const EXTRACT_MAX_CHARS: usize = 500_000;
const EXTRACT_MAX_CITATIONS: usize = 1_000;

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
    let source = args
        .file
        .as_deref()
        .map_or_else(|| "-".to_string(), |f| f.display().to_string());
    let Ok(text) = String::from_utf8(bytes) else {
        anyhow::bail!(tr!(i18n::EXTRACT_NOT_TEXT, path = source));
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    // An announcement is a page or a few: a text far longer, or made of
    // citations only, is not one (and would take the reader too long).
    let chars = text.chars().count();
    // A symbol's slash follows a capital (`KH/TU`); a date's follows a digit.
    let citations = text
        .chars()
        .zip(text.chars().skip(1))
        .filter(|(before, slash)| *slash == '/' && before.is_uppercase())
        .count();
    if chars > EXTRACT_MAX_CHARS || citations > EXTRACT_MAX_CITATIONS {
        anyhow::bail!(tr!(
            i18n::EXTRACT_TOO_LONG,
            path = source,
            chars = chars,
            max = EXTRACT_MAX_CHARS,
            citations = EXTRACT_MAX_CITATIONS
        ));
    }
    let mut found = extract(text);
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
            book.add(&FoundDeadlines(&found.directives), &found.deadlines)?;
            book.write_to(w)?;
        }
        Format::Table | Format::Md => {
            render(&FoundDirectives, &found.directives, options, w)?;
            writeln!(w)?;
            render(
                &FoundDeadlines(&found.directives),
                &found.deadlines,
                options,
                w,
            )?;
        }
    }
    dest.finish(out)?;
    if args.apply {
        out.flush()?;
        if !args.yes && !confirm(out)? {
            writeln!(out, "{}", i18n::EXTRACT_NOTHING_WRITTEN.get())?;
            return Ok(ExitCode::SUCCESS);
        }
        let mut store = super::crypt::open(&super::db_path(db)?, false)?.store;
        if !args.yes {
            let gaps = {
                let reader = store.read();
                app::extract::gaps(&*reader, &found)?
            };
            fill(&mut found, &gaps, out)?;
        }
        // What became of each thing is said even when nothing was written.
        let mut said = Vec::new();
        let written = super::write(&mut store, ctx, "extract.apply", |db| {
            said = apply(db, &found)?;
            Ok(())
        });
        for line in &said {
            writeln!(out, "{line}")?;
        }
        written?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Asks on the terminal; without one, `--yes` is needed.
fn confirm(out: &mut dyn Write) -> Result<bool> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        anyhow::bail!(i18n::EXTRACT_NEEDS_YES.get());
    }
    let answer = ask(out, &format!("{} ", i18n::EXTRACT_CONFIRM.get()))?;
    Ok(matches!(
        crate::text::fold(&answer.unwrap_or_default()).as_str(),
        "c" | "co" | "y" | "yes"
    ))
}

/// One answer from the terminal: `None` when it is empty (or the input ends).
fn ask(out: &mut dyn Write, prompt: &str) -> Result<Option<String>> {
    write!(out, "{prompt}")?;
    out.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    let answer = crate::text::normalize(&answer);
    Ok((!answer.is_empty()).then_some(answer))
}

/// Asks the clerk for what the text leaves open, and fills it in.
fn fill(found: &mut Extraction, gaps: &[Gap], out: &mut dyn Write) -> Result<()> {
    for gap in gaps {
        match gap {
            Gap::Directive { index, missing } => {
                let d = &found.directives[*index];
                let label = directive_label(d);
                let hint = d
                    .issuer_hint
                    .as_ref()
                    .map(|h| tr!(i18n::EXTRACT_ASK_HINT, hint = h))
                    .unwrap_or_default();
                for field in missing {
                    let answered = match field {
                        Missing::Issuer => {
                            let answer = ask(
                                out,
                                &tr!(i18n::EXTRACT_ASK_ISSUER, directive = label, hint = hint),
                            )?;
                            found.directives[*index].issuer = answer.clone();
                            answer.is_some()
                        }
                        Missing::IssuedOn => {
                            let day = ask_date(out, &label)?;
                            found.directives[*index].issued_on = day;
                            day.is_some()
                        }
                        Missing::Subject => {
                            let answer =
                                ask(out, &tr!(i18n::EXTRACT_ASK_SUBJECT, directive = label))?;
                            found.directives[*index].subject = answer.clone();
                            answer.is_some()
                        }
                        _ => true,
                    };
                    // Skipped: the directive is not recorded; ask no more of it.
                    if !answered {
                        break;
                    }
                }
            }
            Gap::UnitKind { index } => {
                let d = &found.deadlines[*index];
                let prompt = tr!(
                    i18n::EXTRACT_ASK_KINDS,
                    due = shown_due(&d.due),
                    line = d.line,
                    who = d.applies_to
                );
                found.deadlines[*index].unit_kinds = ask_kinds(out, &prompt)?;
            }
            Gap::Unit { index, unit } => {
                let d = &found.deadlines[*index];
                let prompt = tr!(
                    i18n::EXTRACT_ASK_UNIT,
                    unit = d.units[*unit],
                    due = shown_due(&d.due),
                    line = d.line
                );
                if let Some(answer) = ask(out, &prompt)? {
                    found.deadlines[*index].units[*unit] = answer;
                }
            }
            Gap::Title { deadlines } => {
                let lines = lines_of(found, deadlines);
                if let (Some(answer), Some(first)) = (
                    ask(out, &tr!(i18n::EXTRACT_ASK_TITLE, lines = lines))?,
                    deadlines.first(),
                ) {
                    found.deadlines[*first].what = answer;
                }
            }
        }
    }
    Ok(())
}

/// An issue date, asked again until it reads as one or is left empty.
fn ask_date(out: &mut dyn Write, label: &str) -> Result<Option<chrono::NaiveDate>> {
    loop {
        let Some(answer) = ask(out, &tr!(i18n::EXTRACT_ASK_ISSUED_ON, directive = label))? else {
            return Ok(None);
        };
        match crate::text::date::parse_date(&answer) {
            Ok(day) => return Ok(Some(day)),
            Err(_) => writeln!(out, "{}", tr!(i18n::EXTRACT_BAD_DATE, answer = answer))?,
        }
    }
}

/// Unit kinds, comma-separated, asked again until each reads as one.
fn ask_kinds(out: &mut dyn Write, prompt: &str) -> Result<Vec<UnitKind>> {
    'ask: loop {
        let Some(answer) = ask(out, prompt)? else {
            return Ok(Vec::new());
        };
        let mut kinds = Vec::new();
        for part in answer
            .split([',', ';'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match i18n::parse_kind(part) {
                Some(kind) if !kinds.contains(&kind) => kinds.push(kind),
                Some(_) => {}
                None => {
                    let accepted =
                        i18n::accepted(UnitKind::ALL.iter().map(|k| k.slug().to_string()));
                    writeln!(
                        out,
                        "{}",
                        tr!(i18n::EXTRACT_BAD_KIND, answer = part, kinds = accepted)
                    )?;
                    continue 'ask;
                }
            }
        }
        return Ok(kinds);
    }
}

/// A due date for a person: a day as tables show it, else as found
/// (`2020-09`, `2019-Q4`).
fn shown_due(due: &str) -> String {
    crate::text::date::parse_date(due)
        .map_or_else(|_| due.to_string(), crate::text::date::format_dmy)
}

/// The lines of some deadlines, for a person.
fn lines_of(found: &Extraction, deadlines: &[usize]) -> String {
    let mut lines: Vec<usize> = deadlines.iter().map(|&j| found.deadlines[j].line).collect();
    lines.dedup();
    lines
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a directive that could not be recorded is named.
fn cited_label(c: &Cited) -> String {
    c.symbol
        .clone()
        .unwrap_or_else(|| i18n::number_only_label(c.doc_type, &c.number))
}

/// Records what was found, and says what became of each thing.
fn apply(db: &dyn Db, found: &Extraction) -> Result<Vec<String>> {
    let applied = app::extract::apply(db, found)?;
    let lines: Vec<String> = applied
        .iter()
        .map(|a| match a {
            Applied::Linked(d) => tr!(i18n::EXTRACT_LINKED, directive = i18n::describe(d)),
            Applied::Added(d) => tr!(i18n::DIRECTIVE_ADDED, directive = i18n::describe(d)),
            Applied::Refused { directive, missing } => tr!(
                i18n::EXTRACT_UNSURE,
                directive = cited_label(directive),
                missing = i18n::missing_names(missing)
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
            Applied::DeadlineRefused { line, due, missing } => tr!(
                i18n::EXTRACT_DEADLINE_REFUSED,
                due = shown_due(due),
                line = line,
                missing = i18n::missing_names(missing)
            ),
            Applied::TaskRefused {
                lines,
                directive,
                missing,
            } => {
                let missing = match (directive, missing.as_slice()) {
                    (Some(d), [Missing::Directive]) => {
                        format!("{} ({})", i18n::missing_names(missing), cited_label(d))
                    }
                    _ => i18n::missing_names(missing),
                };
                tr!(
                    i18n::EXTRACT_TASK_REFUSED,
                    lines = lines
                        .iter()
                        .map(usize::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                    missing = missing
                )
            }
        })
        .collect();
    db.note(serde_json::json!({ "n": lines.len() }), None, None)?;
    Ok(lines)
}
