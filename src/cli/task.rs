//! `theodoi task add|list`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::{Context, OutputArgs, due_arg, required_text};
use crate::domain::DueRule;
use crate::domain::task::Task;
use crate::i18n::{self, tr};
use crate::report::directives::{TaskList, TaskRow};
use crate::report::render;
use crate::store::{Db, DirectiveQuery, Store};
use crate::text::date::format_dmy;
use crate::text::slug;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Add(AddArgs),
    List(ListArgs),
    Edit(EditArgs),
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    #[arg(value_name = "REF")]
    task: String,
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
}

#[derive(Debug, Clone, clap::Args)]
pub struct AddArgs {
    #[arg(long, value_name = "REF")]
    pub directive: String,
    #[arg(long, value_name = "NAME")]
    pub issuer: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    #[arg(long, value_name = "KIND=DATE", value_parser = due_arg, required = true)]
    pub due: Vec<DueRule>,
    #[arg(long, value_name = "UNIT")]
    pub within: Option<String>,
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    #[arg(long)]
    pub rated: bool,
    #[arg(long)]
    pub people: bool,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, value_name = "REF")]
    directive: Option<String>,
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(
    store: &mut Store,
    cmd: Command,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match cmd {
        Command::Add(args) => {
            let (task, directive, n) = super::write(store, ctx, "task.add", |db| {
                let (task, n) = add(db, &args)?;
                let directive = crate::i18n::label(&db.directive(task.directive_id)?);
                db.note(
                    serde_json::json!({
                        "task": task.code, "title": task.title, "directive": directive, "n": n
                    }),
                    None,
                    Some(task.directive_id),
                )?;
                Ok((task, directive, n))
            })?;
            writeln!(
                out,
                "{}",
                tr!(
                    i18n::TASK_ADDED,
                    code = task.code,
                    title = task.title,
                    directive = directive,
                    n = n
                )
            )?;
        }
        Command::Edit(args) => {
            let message = super::write(store, ctx, "task.edit", |db| {
                let task = db.resolve_task(&args.task)?;
                let code = match &args.code {
                    Some(code) => checked_code(code)?,
                    None => task.code.clone(),
                };
                let title = match &args.title {
                    Some(title) => required_text(title, i18n::WHAT_TITLE)?,
                    None => task.title.clone(),
                };
                db.update_task(task.id, &code, &title)?;
                db.note(
                    serde_json::json!({
                        "task": task.code, "code": code, "from": task.title, "to": title
                    }),
                    None,
                    Some(task.directive_id),
                )?;
                Ok(tr!(i18n::TASK_EDITED, code = code, title = title))
            })?;
            writeln!(out, "{message}")?;
        }
        Command::List(args) => {
            let db = store.read();
            let directive = match &args.directive {
                Some(reference) => Some(
                    db.resolve_directive(&DirectiveQuery {
                        reference,
                        ..Default::default()
                    })?
                    .id,
                ),
                None => None,
            };
            let tasks = db.tasks(directive, args.search.as_deref())?;
            render(
                &TaskList,
                &rows(&db, &tasks)?,
                args.output.options(ctx),
                out,
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Records a task and its obligations; shared with the demo loader.
pub fn add(db: &Db<'_>, args: &AddArgs) -> Result<(Task, usize)> {
    for (i, due) in args.due.iter().enumerate() {
        if args.due[..i].iter().any(|d| d.kind == due.kind) {
            bail!(tr!(i18n::TASK_DUPLICATE_KIND, kind = due.kind.slug()));
        }
    }
    let directive = db.resolve_directive(&DirectiveQuery {
        reference: &args.directive,
        issuer: args.issuer.as_deref(),
        issued_on: None,
    })?;
    let title = required_text(&args.title, i18n::WHAT_TITLE)?;
    let within = args
        .within
        .as_deref()
        .map(|w| db.resolve_unit(w))
        .transpose()?;
    let code = match &args.code {
        Some(code) => checked_code(code)?,
        None => db.free_task_code(&slug(&format!(
            "{}{}",
            directive.doc_type.code(),
            directive.number
        )))?,
    };
    let new = Task {
        id: 0,
        code,
        directive_id: directive.id,
        title,
        rated: args.rated,
        for_people: args.people,
        dues: args.due.clone(),
    };
    let (task, n) = db.insert_task(&new, within.as_ref().map(|u| u.id))?;
    if n == 0 {
        bail!(tr!(
            i18n::TASK_NO_UNITS,
            kinds = args
                .due
                .iter()
                .map(|d| d.kind.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            scope = within.map_or_else(|| i18n::TASK_SCOPE_ALL.get().to_string(), |u| u.name)
        ));
    }
    Ok((task, n))
}

/// Tasks as list rows, with their directive and how many units owe them.
pub fn rows(db: &Db<'_>, tasks: &[Task]) -> Result<Vec<TaskRow>> {
    tasks
        .iter()
        .map(|t| {
            Ok(TaskRow {
                code: t.code.clone(),
                directive: crate::i18n::label(&db.directive(t.directive_id)?),
                title: t.title.clone(),
                due: t
                    .dues
                    .iter()
                    .map(|d| format!("{}={}", d.kind.slug(), d.due_on))
                    .collect::<Vec<_>>()
                    .join(" "),
                units: db.obligation_count(t.id)?,
                due_text: t
                    .dues
                    .iter()
                    .map(|d| format!("{}: {}", d.kind, format_dmy(d.due_on)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
        })
        .collect()
}

/// A task code as typed: short ASCII.
fn checked_code(code: &str) -> Result<String> {
    let code = code.trim();
    if !crate::domain::unit::is_valid_code(code) {
        bail!(tr!(i18n::UNIT_BAD_CODE, code = code));
    }
    Ok(code.to_string())
}
