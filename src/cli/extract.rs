//! `theodoi extract [FILE|-]`: the directives and deadlines an announcement
//! names. Prints what it finds; with `--apply`, records it, asking on a
//! terminal for what the text does not say.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::{Context, OutputArgs};
use crate::app;
use crate::app::extract::{Applied, Cited, Gap, Missing};
use crate::domain::UnitKind;
use crate::extract::{DueProblem, Extraction, extract};
use crate::i18n::{self, tr};
use crate::report::extract::{FoundDeadlines, FoundDirectives, directive_label};
use crate::report::{Format, render};

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
    let dest = args.output.destination(ctx)?;
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
    // Refused before anything is printed: no one to answer.
    if args.apply && !args.yes && !std::io::stdin().is_terminal() {
        anyhow::bail!(i18n::EXTRACT_NEEDS_YES.get());
    }
    // With --yes nothing is asked: what is recorded, or the one line that
    // says why nothing can be, is known before the text is shown.
    let mut outcome = None;
    if args.apply && args.yes {
        outcome = Some(record(db.clone(), ctx, &found)?);
    }
    show(&found, &args.output, ctx, dest, out)?;
    if args.apply && !args.yes {
        out.flush()?;
        if !confirm(out)? {
            writeln!(out, "{}", i18n::EXTRACT_NOTHING_WRITTEN.get())?;
            return Ok(ExitCode::SUCCESS);
        }
        let (store, _) = super::open_store(super::db_location(db.clone())?, false)?;
        let gaps = {
            let reader = store.read();
            app::extract::gaps(&*reader, &found)?
        };
        drop(store);
        fill(&mut found, &gaps, out)?;
        outcome = Some(record(db, ctx, &found)?);
    }
    if let Some((said, changed)) = outcome {
        // After JSON or CSV on standard output, what became of each thing
        // goes to stderr: the output stays one document a program can read.
        let machine = args.output.output.is_none()
            && !matches!(args.output.options(ctx).format, Format::Table | Format::Md);
        for line in &said {
            if machine {
                super::warn(line);
            } else {
                writeln!(out, "{line}")?;
            }
        }
        if !changed {
            // Every thing found was recorded already.
            return Err(crate::domain::Error::NothingChanged.into());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Records what was found, and returns what became of each thing. When
/// nothing can be recorded for what the text lacks, that is the error: one
/// line naming each thing refused. False with the lines when everything
/// found is there already.
fn record(db: Option<PathBuf>, ctx: &Context, found: &Extraction) -> Result<(Vec<String>, bool)> {
    let (mut store, _) = super::open_store(super::db_location(db)?, false)?;
    let mut applied = Vec::new();
    let written = super::write(&mut *store, ctx, "extract.apply", |db| {
        applied = app::extract::apply(db, found)?;
        // A secret directive's tasks named as the log names them.
        for a in &mut applied {
            if let Applied::TaskLinked(task) | Applied::TaskAdded(task, ..) = a {
                task.title = super::task_title(db, task, ctx.show_secret)?;
            }
        }
        // The directives it marked, in the log as slugs.
        let marked: Vec<serde_json::Value> = applied
            .iter()
            .filter_map(|a| match a {
                Applied::Marked(d) => Some(serde_json::json!({
                    "directive": d.citation(),
                    "secrecy": d.secrecy.map(|m| m.slug()),
                    "urgency": d.urgency.map(|m| m.slug()),
                })),
                _ => None,
            })
            .collect();
        let mut details = serde_json::json!({ "n": applied.len() });
        if !marked.is_empty() {
            details["marked"] = marked.into();
        }
        db.note(details, None, None)?;
        Ok(())
    });
    match written {
        Ok(()) => Ok((applied.iter().map(said).collect(), true)),
        Err(e) if is_nothing_changed(&e) => {
            let refused: Vec<String> = applied
                .iter()
                .filter(|a| is_refusal(a, &applied))
                .map(said)
                .collect();
            if refused.is_empty() {
                Ok((applied.iter().map(said).collect(), false))
            } else {
                anyhow::bail!(tr!(i18n::EXTRACT_REFUSED, reasons = refused.join("; ")))
            }
        }
        Err(e) => Err(e),
    }
}

fn is_nothing_changed(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        matches!(
            c.downcast_ref::<crate::domain::Error>(),
            Some(crate::domain::Error::NothingChanged)
        )
    })
}

/// Whether a thing refused is worth its own words: a task refused only
/// because its document was refused says nothing more.
fn is_refusal(a: &Applied, all: &[Applied]) -> bool {
    match a {
        Applied::Refused { .. } | Applied::DeadlineRefused { .. } => true,
        Applied::TaskRefused {
            directive: Some(d),
            missing,
            ..
        } if *missing == [Missing::Directive] => !all
            .iter()
            .any(|x| matches!(x, Applied::Refused { directive, .. } if directive == d)),
        Applied::TaskRefused { .. } => true,
        _ => false,
    }
}

/// Prints what was found in the format asked for, and says on stderr each
/// deadline whose date is no day.
fn show(
    found: &Extraction,
    output: &OutputArgs,
    ctx: &Context,
    mut dest: super::output::Destination,
    out: &mut dyn Write,
) -> Result<()> {
    let options = output.options(ctx);
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
    for d in &found.deadlines {
        if d.due.is_none() {
            let message = match d.due_problem {
                Some(DueProblem::NoYear) => i18n::EXTRACT_NO_YEAR,
                _ => i18n::EXTRACT_NO_SUCH_DAY,
            };
            super::warn(&tr!(message, line = d.line, written = d.due_written));
        }
    }
    Ok(())
}

/// Asks on the terminal whether to record.
fn confirm(out: &mut dyn Write) -> Result<bool> {
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
                let due = due_label(d);
                let prompt = match &d.applies_to {
                    Some(who) => tr!(i18n::EXTRACT_ASK_KINDS, due = due, line = d.line, who = who),
                    None => tr!(i18n::EXTRACT_ASK_KINDS_UNNAMED, due = due, line = d.line),
                };
                let kinds = ask_kinds(out, &prompt)?;
                if !kinds.is_empty() {
                    found.deadlines[*index]
                        .unsure
                        .retain(|u| *u != crate::extract::Unsure::UnitKind);
                }
                found.deadlines[*index].unit_kinds = kinds;
            }
            Gap::Unit { index, unit } => {
                let d = &found.deadlines[*index];
                let prompt = tr!(
                    i18n::EXTRACT_ASK_UNIT,
                    unit = d.units[*unit],
                    due = due_label(d),
                    line = d.line
                );
                if let Some(answer) = ask(out, &prompt)? {
                    found.deadlines[*index].units[*unit] = answer;
                }
            }
            Gap::Due { index } => {
                let d = &found.deadlines[*index];
                let message = match d.due_problem {
                    Some(DueProblem::NoYear) => i18n::EXTRACT_ASK_DUE_YEAR,
                    _ => i18n::EXTRACT_ASK_DUE,
                };
                let prompt = tr!(message, written = d.due_written, line = d.line);
                if let Some(day) = ask_day(out, &prompt)? {
                    let d = &mut found.deadlines[*index];
                    d.due = Some(day.to_string());
                    d.due_problem = None;
                    d.unsure.retain(|u| *u != crate::extract::Unsure::Due);
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
    ask_day(out, &tr!(i18n::EXTRACT_ASK_ISSUED_ON, directive = label))
}

/// A date, asked again until it reads as one or is left empty.
fn ask_day(out: &mut dyn Write, prompt: &str) -> Result<Option<chrono::NaiveDate>> {
    loop {
        let Some(answer) = ask(out, prompt)? else {
            return Ok(None);
        };
        match crate::text::date::parse_date(&answer) {
            Ok(day) => return Ok(Some(day)),
            Err(e) => writeln!(out, "{}", super::date_error(&answer, &e))?,
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

/// A deadline's due date for a person: as `shown_due`, or as the text
/// writes it when it is no day.
fn due_label(d: &crate::extract::FoundDeadline) -> String {
    d.due
        .as_deref()
        .map_or_else(|| d.due_written.clone(), shown_due)
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

/// What became of one thing found, in words.
fn said(a: &Applied) -> String {
    let line = match a {
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
            title = i18n::beside_code(&task.code, &task.title)
        ),
        Applied::TaskAdded(task, directive, n) => tr!(
            i18n::TASK_ADDED,
            code = task.code,
            title = i18n::beside_code(&task.code, &task.title),
            directive = i18n::label(directive),
            n = n,
            whom = i18n::whom(task.for_people, *n).get()
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
        Applied::Marked(d) => tr!(
            i18n::EXTRACT_MARKED,
            directive = i18n::label(d),
            marks = i18n::marks_text(d.secrecy, d.urgency)
        ),
    };
    crate::domain::marks::unnest(&line)
}
