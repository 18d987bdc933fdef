//! `theodoi task add|list|edit|renew|assign` (`renew` in `renew.rs`, `assign` in `assign.rs`).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::{Context, OutputArgs, due_arg};
use crate::app::tasks::NewTask;
use crate::app::{self, DirectiveQuery};
use crate::domain::DueRule;
use crate::domain::change::task_changes;
use crate::domain::task::Task;
use crate::i18n::{self, tr};
use crate::report::directives::{TaskList, TaskRow};
use crate::report::render;
use crate::store::{Db, Storage};
use crate::text::date::format_dmy;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Add(AddArgs),
    List(ListArgs),
    Edit(EditArgs),
    Renew(super::renew::RenewArgs),
    Assign(super::assign::AssignArgs),
}

#[derive(Debug, clap::Args)]
pub struct EditArgs {
    #[arg(value_name = "REF")]
    task: String,
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    /// `--due`, `--add-due`, `--remove-due` and their `--reason`.
    #[command(flatten)]
    dues: super::renew::DueArgs,
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
    #[arg(long)]
    pub force: bool,
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
    store: &mut dyn Storage,
    cmd: Command,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match cmd {
        Command::Add(args) => {
            let (task, directive, n, title) = super::write(store, ctx, "task.add", |db| {
                let (task, n) = app::tasks::add(db, &args.request())?;
                let directive = i18n::label(&db.directive(task.directive_id)?);
                db.note(
                    serde_json::json!({
                        "task": task.code, "title": task.title, "directive": directive, "n": n,
                        "people": task.for_people
                    }),
                    None,
                    Some(task.directive_id),
                )?;
                let title = super::task_title(db, &task, ctx.show_secret)?;
                Ok((task, directive, n, title))
            })?;
            writeln!(
                out,
                "{}",
                crate::domain::marks::unnest(&tr!(
                    i18n::TASK_ADDED,
                    code = task.code,
                    title = i18n::beside_code(&task.code, &title),
                    directive = directive,
                    n = n,
                    whom = i18n::whom(task.for_people, n).get()
                ))
            )?;
        }
        Command::Edit(args) => {
            let message = super::write(store, ctx, "task.edit", |db| {
                let (old, new) =
                    app::tasks::edit(db, &args.task, args.code.as_deref(), args.title.as_deref())?;
                let dues = app::dues::change(db, &new, &args.dues.request())?;
                // Each field it changed, before and after, as data.
                let fields = task_changes(&old, &new);
                let mut changes = serde_json::to_value(&fields)?;
                if let Some(list) = changes.as_array_mut() {
                    for due in &dues.changes {
                        list.push(serde_json::to_value(due)?);
                    }
                }
                let mut details = serde_json::json!({ "task": old.code, "changes": changes });
                if let Some(reason) = &dues.reason {
                    details["reason"] = reason.as_str().into();
                }
                db.note(details, None, Some(old.directive_id))?;
                let mut lines = Vec::new();
                let title = super::task_title(db, &new, ctx.show_secret)?;
                let retitled = old.title != new.title;
                if retitled && title == new.title {
                    // The title as it was and as it is (shown: a secret
                    // one is edited only with --show-secret).
                    lines.push(tr!(
                        i18n::TASK_RETITLED,
                        code = new.code,
                        was = old.title,
                        title = new.title
                    ));
                } else if !fields.is_empty() || dues.changes.is_empty() {
                    lines.push(crate::domain::marks::unnest(&tr!(
                        i18n::TASK_EDITED,
                        code = new.code,
                        title = title
                    )));
                }
                lines.extend(super::renew::due_lines(
                    &dues,
                    &i18n::task_said(&new.code, &title),
                ));
                Ok(lines.join("\n"))
            })?;
            writeln!(out, "{message}")?;
        }
        Command::Renew(args) => return super::renew::run(store, args, ctx, out),
        Command::List(args) => {
            let reader = store.read();
            let db = &*reader;
            let directive = match &args.directive {
                Some(reference) => {
                    Some(app::resolve_directive(db, &DirectiveQuery::of(reference))?.id)
                }
                None => None,
            };
            let mut tasks = Vec::new();
            for task in db.tasks(directive, args.search.as_deref())? {
                let found = match &args.search {
                    Some(search) => {
                        app::resolve::task_found(&task, &db.directive(task.directive_id)?, search)
                    }
                    None => true,
                };
                if found {
                    tasks.push(task);
                }
            }
            let mut dest = args.output.destination(ctx)?;
            let options = args.output.options(ctx);
            let show = ctx.shows_secret_here(&args.output);
            render(
                &TaskList {
                    search: args.search.clone(),
                },
                &rows(db, &tasks, show)?,
                options,
                dest.writer(out),
            )?;
            dest.finish(out)?;
        }
        Command::Assign(args) => return super::assign::run(store, args, ctx, out),
    }
    Ok(ExitCode::SUCCESS)
}

impl AddArgs {
    /// The task these arguments describe.
    pub fn request(&self) -> NewTask<'_> {
        NewTask {
            directive: DirectiveQuery {
                reference: &self.directive,
                issuer: self.issuer.as_deref(),
                issued_on: None,
            },
            title: &self.title,
            due: &self.due,
            within: self.within.as_deref(),
            code: self.code.as_deref(),
            rated: self.rated,
            people: self.people,
            force: self.force,
        }
    }
}

/// Tasks as list rows, with their directive and how many units owe them.
/// The rows of a task list; a secret directive's task titles masked
/// unless `show`.
pub fn rows(db: &dyn Db, tasks: &[Task], show: bool) -> Result<Vec<TaskRow>> {
    tasks
        .iter()
        .map(|t| {
            let directive = db.directive(t.directive_id)?;
            Ok(TaskRow {
                code: t.code.clone(),
                directive: directive.citation(),
                // Masked as every report names a secret directive's task:
                // its code and the mark, so that two are told apart.
                title: crate::domain::marks::shown_task_title(
                    &t.title,
                    &t.code,
                    &directive.citation(),
                    directive.secrecy,
                    show,
                ),
                secrecy: directive.secrecy,
                for_people: t.for_people,
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
