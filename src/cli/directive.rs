//! `theodoi directive add|list|show`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::{Context, Mark, OutputArgs, date_arg, doc_type_arg, secrecy_arg, urgency_arg};
use crate::app::directives::{DirectiveEdit, NewDirective};
use crate::app::{self, DirectiveQuery};
use crate::domain::change::directive_changes;
use crate::domain::directive::{Directive, type_in_doubt};
use crate::domain::{DocType, Secrecy, Urgency};
use crate::i18n::{self, tr};
use crate::report::directives::{DirectiveList, TaskList, TaskRow};
use crate::report::progress::{GroupBy, ProgressReport, ProgressRow};
use crate::report::{Format, render};
use crate::store::{Db, Scope, Storage};
use crate::text::date::format_dmy;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Add(AddArgs),
    List(ListArgs),
    Show(ShowArgs),
    Revoke(RevokeArgs),
    Replace(ReplaceArgs),
    Edit(EditArgs),
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    #[arg(value_name = "REF")]
    reference: String,
    /// Which one, when the symbol recurs (the directive's issuer as recorded).
    #[arg(long = "of", value_name = "NAME")]
    of: Option<String>,
    #[arg(long, value_name = "SYMBOL")]
    symbol: Option<String>,
    #[arg(long, value_name = "NAME")]
    issuer: Option<String>,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    date: Option<NaiveDate>,
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    #[arg(long = "type", value_name = "TYPE", value_parser = doc_type_arg)]
    doc_type: Option<DocType>,
    #[arg(long, value_name = "MARK", value_parser = secrecy_arg)]
    secrecy: Option<Mark<Secrecy>>,
    #[arg(long, value_name = "MARK", value_parser = urgency_arg)]
    urgency: Option<Mark<Urgency>>,
    #[arg(long)]
    force: bool,
}

#[derive(Debug, clap::Args)]
pub struct RevokeArgs {
    #[arg(value_name = "REF")]
    reference: String,
    #[arg(long, value_name = "NAME")]
    issuer: Option<String>,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    on: NaiveDate,
    #[arg(long, value_name = "TEXT")]
    reason: String,
    #[arg(long)]
    force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ReplaceArgs {
    #[arg(value_name = "OLD")]
    old: String,
    #[arg(long, value_name = "NEW")]
    by: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    on: Option<NaiveDate>,
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct AddArgs {
    #[arg(value_name = "SYMBOL")]
    pub symbol: String,
    #[arg(long, value_name = "NAME")]
    pub issuer: String,
    /// The issue date; left out while it is unknown.
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    #[arg(long = "type", value_name = "TYPE", value_parser = doc_type_arg)]
    pub doc_type: Option<DocType>,
    #[arg(long, value_name = "MARK", value_parser = secrecy_arg)]
    pub secrecy: Option<Mark<Secrecy>>,
    #[arg(long, value_name = "MARK", value_parser = urgency_arg)]
    pub urgency: Option<Mark<Urgency>>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    #[arg(value_name = "REF")]
    reference: String,
    #[arg(long, value_name = "NAME")]
    issuer: Option<String>,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    date: Option<NaiveDate>,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(
    store: &mut dyn Storage,
    cmd: Command,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match cmd {
        Command::Add(mut args) => {
            // `QĐ` alone may be a Quyết định or a Quy định: asked on a
            // terminal; in a script, recorded as before and said.
            let in_doubt = type_in_doubt(&args.symbol).filter(|_| args.doc_type.is_none());
            if let Some(choices) = in_doubt {
                args.doc_type = ask_type(&args.symbol, choices)?;
            }
            let directive = super::write(store, ctx, "directive.add", |db| {
                let directive = app::directives::add(db, &args.request())?;
                let mut details = serde_json::json!({ "directive": i18n::describe(&directive) });
                described_as_data(&mut details, &directive);
                // The marks it was recorded with, as slugs.
                if let Some(mark) = directive.secrecy {
                    details["secrecy"] = mark.slug().into();
                }
                if let Some(mark) = directive.urgency {
                    details["urgency"] = mark.slug().into();
                }
                db.note(details, None, Some(directive.id))?;
                Ok(directive)
            })?;
            writeln!(
                out,
                "{}",
                tr!(
                    i18n::DIRECTIVE_ADDED,
                    directive = i18n::describe(&directive)
                )
            )?;
            if let (Some([first, second]), None) = (in_doubt, args.doc_type) {
                super::warn(&tr!(
                    i18n::WARN_TYPE_IN_DOUBT,
                    symbol = i18n::label(&directive),
                    first = first.official_name(),
                    second = second.official_name(),
                    recorded = directive.doc_type.official_name(),
                    first_slug = first.slug(),
                    second_slug = second.slug()
                ));
            }
        }
        Command::List(args) => {
            let mut dest = args.output.destination(ctx)?;
            let show = ctx.shows_secret_here(&args.output);
            let mut rows = store.read().directives(args.search.as_deref())?;
            if let Some(search) = &args.search {
                rows.retain(|d| app::resolve::directive_found(d, search));
            }
            for d in &mut rows {
                d.title = d.shown_title(show);
            }
            render(
                &DirectiveList {
                    search: args.search.clone(),
                },
                &rows,
                args.output.options(ctx),
                dest.writer(out),
            )?;
            dest.finish(out)?;
        }
        Command::Show(args) => {
            let mut dest = args.output.destination(ctx)?;
            show(&*store.read(), &args, ctx, dest.writer(out))?;
            dest.finish(out)?;
        }
        Command::Edit(args) => {
            let message = super::write(store, ctx, "directive.edit", |db| {
                let which = DirectiveQuery {
                    reference: &args.reference,
                    issuer: args.of.as_deref(),
                    issued_on: None,
                };

                let edit = DirectiveEdit {
                    symbol: args.symbol.as_deref(),
                    doc_type: args.doc_type,
                    issuer: args.issuer.as_deref(),
                    issued_on: args.date,
                    title: args.title.as_deref(),
                    secrecy: args.secrecy.map(|m| m.0),
                    urgency: args.urgency.map(|m| m.0),
                    force: args.force,
                };
                let (old, new) = app::directives::edit(db, &which, &edit)?;
                // Each field it changed, before and after, as data.
                let changes = directive_changes(&old, &new);
                let changes = serde_json::to_value(&changes)?;
                db.note(
                    serde_json::json!({ "directive": new.citation(), "changes": changes }),
                    None,
                    Some(old.id),
                )?;
                let mut said = tr!(i18n::DIRECTIVE_EDITED, directive = i18n::describe(&new));
                // A mark set, changed or taken off is said (the title is not).
                let marks: Vec<serde_json::Value> = changes
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|c| {
                        matches!(
                            c.get("field").and_then(serde_json::Value::as_str),
                            Some("secrecy" | "urgency")
                        )
                    })
                    .cloned()
                    .collect();
                if !marks.is_empty() {
                    said.push_str(&format!(
                        "; {}",
                        i18n::field_changes("directive.edit", &marks)
                    ));
                }
                Ok((said, old.secrecy.filter(|_| new.secrecy.is_none()), new))
            })?;
            let (message, unmarked, new) = message;
            writeln!(out, "{message}")?;
            if let Some(mark) = unmarked {
                super::warn(&tr!(
                    i18n::WARN_MARK_REMOVED,
                    directive = i18n::label(&new),
                    mark = i18n::secrecy(mark).get()
                ));
            }
        }
        Command::Revoke(args) => {
            let message = super::write(store, ctx, "directive.revoke", |db| {
                let directive = app::resolve_directive(
                    db,
                    &DirectiveQuery {
                        reference: &args.reference,
                        issuer: args.issuer.as_deref(),
                        issued_on: None,
                    },
                )?;
                let n = app::directives::revoke(db, &directive, args.on, &args.reason, args.force)?;
                let label = i18n::describe(&directive);
                let mut details = serde_json::json!({
                    "directive": label, "on": format_dmy(args.on),
                    "reason": crate::text::normalize(&args.reason), "n": n
                });
                described_as_data(&mut details, &directive);
                db.note(details, None, Some(directive.id))?;
                Ok(tr!(
                    i18n::REVOKED,
                    directive = label,
                    date = format_dmy(args.on),
                    stopped = i18n::stopped_tracking(n)
                ))
            })?;
            writeln!(out, "{message}")?;
        }
        Command::Replace(args) => {
            let message = super::write(store, ctx, "directive.replace", |db| {
                let old = app::resolve_directive(db, &DirectiveQuery::of(&args.old))?;
                let new = app::resolve_directive(db, &DirectiveQuery::of(&args.by))?;
                let reason = tr!(i18n::REPLACED_REASON, directive = i18n::label(&new));
                let (on, n) =
                    app::directives::replace(db, &old, &new, args.on, &reason, args.force)?;
                db.note(
                    serde_json::json!({
                        "old": i18n::label(&old), "new": i18n::label(&new),
                        "on": format_dmy(on), "n": n
                    }),
                    None,
                    Some(old.id),
                )?;
                Ok(tr!(
                    i18n::REPLACED,
                    old = i18n::label(&old),
                    new = i18n::label(&new),
                    date = format_dmy(on),
                    stopped = i18n::stopped_tracking(n)
                ))
            })?;
            writeln!(out, "{message}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// On a terminal, asks which type a symbol whose code leaves it in doubt
/// stands for (1 or 2); `None` when there is no one to ask (a script, the
/// end of input).
fn ask_type(symbol: &str, choices: [DocType; 2]) -> Result<Option<DocType>> {
    use std::io::{BufRead, IsTerminal};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Ok(None);
    }
    let mut stderr = std::io::stderr();
    loop {
        write!(
            stderr,
            "{}",
            tr!(
                i18n::ASK_TYPE,
                symbol = crate::text::visible(symbol.trim(), false),
                first = choices[0].official_name(),
                second = choices[1].official_name()
            )
        )?;
        stderr.flush()?;
        let mut answer = String::new();
        if stdin.lock().read_line(&mut answer)? == 0 {
            writeln!(stderr)?;
            return Ok(None);
        }
        match answer.trim() {
            "1" => return Ok(Some(choices[0])),
            "2" => return Ok(Some(choices[1])),
            _ => {}
        }
    }
}

impl AddArgs {
    /// The directive these arguments describe.
    pub fn request(&self) -> NewDirective<'_> {
        NewDirective {
            reference: &self.symbol,
            doc_type: self.doc_type,
            issuer: &self.issuer,
            issued_on: self.date,
            title: &self.title,
            secrecy: self.secrecy.and_then(|m| m.0),
            urgency: self.urgency.and_then(|m| m.0),
        }
    }
}

/// A directive with its tasks and their progress.
#[derive(Debug, Serialize)]
struct DirectiveDetail {
    #[serde(flatten)]
    directive: Directive,
    tasks: Vec<TaskRow>,
    progress: Vec<ProgressRow>,
}

fn show(db: &dyn Db, args: &ShowArgs, ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let directive = crate::app::resolve_directive(
        db,
        &DirectiveQuery {
            reference: &args.reference,
            issuer: args.issuer.as_deref(),
            issued_on: args.date,
        },
    )?;
    // A clerk looking one up on the terminal sees its title; where the
    // output goes on, a secret one is masked as any report.
    let show = ctx.shows_secret_here(&args.output);
    let mut directive = directive;
    let tasks = super::task::rows(db, &db.tasks_of(directive.id)?, show)?;
    directive.title = directive.shown_title(show);
    let as_of = args.as_of.unwrap_or(ctx.today);
    let scope = Scope {
        directive: Some(directive.id),
        ..Default::default()
    };
    let mut progress = app::progress::compute(db, &scope, GroupBy::Kind, as_of)?;
    for row in &mut progress {
        row.mask(show);
    }
    let options = args.output.options(ctx);
    match options.format {
        Format::Json => {
            let detail = DirectiveDetail {
                directive,
                tasks,
                progress,
            };
            serde_json::to_writer_pretty(&mut *out, &detail)?;
            writeln!(out)?;
        }
        Format::Csv => {
            render(
                &ProgressReport::new(as_of, GroupBy::Kind, &progress),
                &progress,
                options,
                out,
            )?;
        }
        Format::Xlsx => {
            // A sheet of its tasks, and one of their progress.
            let mut book = crate::report::xlsx::Book::new();
            book.add(&TaskList { search: None }, &tasks)?;
            book.add(
                &ProgressReport::new(as_of, GroupBy::Kind, &progress),
                &progress,
            )?;
            book.write_to(out)?;
        }
        Format::Table | Format::Md => {
            let d = &directive;
            let mut fields = vec![
                (i18n::H_SYMBOL, crate::i18n::label(d)),
                (i18n::H_TYPE, d.doc_type.to_string()),
                (i18n::H_ISSUER, d.issuer.clone()),
                (i18n::H_ISSUED_ON, i18n::issue_date(d.issued_on)),
            ];
            if let Some(mark) = d.secrecy {
                fields.push((i18n::H_SECRECY, i18n::secrecy(mark).get().to_string()));
            }
            if let Some(mark) = d.urgency {
                fields.push((i18n::H_URGENCY, i18n::urgency(mark).get().to_string()));
            }
            // Masked: said to be hidden, and how to see it, rather than
            // the symbol where the subject would read.
            let title = match d.secrecy {
                Some(mark) if !show => tr!(
                    i18n::SUBJECT_HIDDEN,
                    mark = crate::i18n::secrecy(mark).get()
                ),
                _ => d.title.clone(),
            };
            fields.push((i18n::H_TITLE, title));
            let bullet = if options.format == Format::Md {
                "- "
            } else {
                ""
            };
            for (label, value) in fields {
                // Recorded text, shown with nothing a terminal acts on.
                let value = crate::text::visible(&value, false);
                writeln!(out, "{bullet}{}: {value}", label.get())?;
            }
            writeln!(out)?;
            if tasks.is_empty() {
                writeln!(out, "{}", i18n::SHOW_NO_TASKS.get())?;
            } else {
                writeln!(out, "{}", i18n::SHOW_TASKS.get())?;
                render(&TaskList { search: None }, &tasks, options, out)?;
                writeln!(out)?;
                render(
                    &ProgressReport::new(as_of, GroupBy::Kind, &progress),
                    &progress,
                    options,
                    out,
                )?;
            }
        }
    }
    Ok(())
}

/// What the log's `directive` describes, as data the same in any language
/// (`citation`, `issued_on` ISO or null, `issuer`): the line is said in the
/// language of whoever reads the log.
fn described_as_data(
    details: &mut serde_json::Value,
    directive: &crate::domain::directive::Directive,
) {
    details["citation"] = directive.citation().into();
    details["issued_on"] = directive.issued_on.map(|d| d.to_string()).into();
    details["issuer"] = directive.issuer.clone().into();
}
