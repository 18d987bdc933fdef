//! `theodoi extract [FILE|-]`: the directives and deadlines an announcement
//! names. Prints what it finds; writes nothing.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::{Context, OutputArgs};
use crate::domain::directive::Directive;
use crate::domain::task::Task;
use crate::domain::{DirectiveSpec, DueRule};
use crate::extract::{Extraction, due_day, extract};
use crate::i18n::{self, tr};
use crate::report::extract::{FoundDeadlines, FoundDirectives};
use crate::report::{Format, render};
use crate::store::{Db, DirectiveQuery, Store};
use crate::text::symbol::parse_symbol;

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
    match options.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &found)?;
            writeln!(out)?;
        }
        Format::Csv => {
            render(&FoundDirectives, &found.directives, options, out)?;
        }
        Format::Table | Format::Md => {
            render(&FoundDirectives, &found.directives, options, out)?;
            writeln!(out)?;
            render(&FoundDeadlines, &found.deadlines, options, out)?;
        }
    }
    if args.apply {
        out.flush()?;
        if !args.yes && !confirm(out)? {
            writeln!(out, "{}", i18n::EXTRACT_NOTHING_WRITTEN.get())?;
            return Ok(ExitCode::SUCCESS);
        }
        let mut store = Store::open(&super::db_path(db)?)?;
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

/// Records what was found: each directive (linked when already there), and
/// one task with the deadlines for the directive named last before them.
fn apply(db: &Db<'_>, found: &Extraction) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    let mut recorded: Vec<(usize, Directive)> = Vec::new();
    for d in &found.directives {
        let label = d
            .symbol
            .clone()
            .unwrap_or_else(|| i18n::number_only_label(d.doc_type, &d.number));
        let existing = db
            .resolve_directive(&DirectiveQuery {
                reference: &label,
                issuer: d.issuer.as_deref(),
                issued_on: d.issued_on,
            })
            .ok();
        match (existing, &d.issuer, d.issued_on) {
            (Some(known), _, _) => {
                lines.push(tr!(
                    i18n::EXTRACT_LINKED,
                    directive = crate::i18n::describe(&known)
                ));
                recorded.push((d.line, known));
            }
            (None, Some(issuer), Some(day)) => {
                let spec = DirectiveSpec {
                    doc_type: d.doc_type,
                    number: d.number.clone(),
                    symbol: d.symbol.as_deref().and_then(|s| parse_symbol(s).ok()),
                };
                let title = d.subject.clone().unwrap_or_else(|| label.clone());
                let added = db.insert_directive(&spec, &label, issuer, day, &title)?;
                lines.push(tr!(
                    i18n::DIRECTIVE_ADDED,
                    directive = crate::i18n::describe(&added)
                ));
                recorded.push((d.line, added));
            }
            _ => lines.push(tr!(i18n::EXTRACT_UNSURE, directive = label)),
        }
    }
    let dues: Vec<DueRule> = found
        .deadlines
        .iter()
        .filter_map(|d| {
            Some(DueRule {
                kind: d.unit_kind?,
                due_on: due_day(&d.due)?,
            })
        })
        .fold(Vec::new(), |mut dues, due| {
            if !dues.iter().any(|d: &DueRule| d.kind == due.kind) {
                dues.push(due);
            }
            dues
        });
    let first = found.deadlines.iter().map(|d| d.line).min();
    let target = recorded
        .iter()
        .rfind(|(line, _)| first.is_some_and(|f| *line <= f))
        .or(recorded.last());
    let existing_task = match target {
        Some((_, directive)) => db
            .tasks_of(directive.id)?
            .into_iter()
            .find(|t| t.dues.len() == dues.len() && dues.iter().all(|d| t.dues.contains(d))),
        None => None,
    };
    if let Some(task) = existing_task {
        lines.push(tr!(
            i18n::EXTRACT_TASK_LINKED,
            code = task.code,
            title = task.title
        ));
    } else if let (Some((_, directive)), false) = (target, dues.is_empty()) {
        let title = found
            .deadlines
            .iter()
            .map(|d| d.what.clone())
            .find(|w| !w.is_empty());
        let title = title.unwrap_or_else(|| directive.title.clone());
        let code = db.free_task_code(&crate::text::slug(&format!(
            "{}{}",
            directive.doc_type.code(),
            directive.number
        )))?;
        let task = Task {
            id: 0,
            code,
            directive_id: directive.id,
            title,
            rated: false,
            for_people: false,
            dues,
        };
        let (task, n) = db.insert_task(&task, None)?;
        lines.push(tr!(
            i18n::TASK_ADDED,
            code = task.code,
            title = task.title,
            directive = crate::i18n::label(directive),
            n = n
        ));
    }
    db.note(serde_json::json!({ "n": lines.len() }), None, None)?;
    Ok(lines)
}
