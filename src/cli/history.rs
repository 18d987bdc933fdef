//! `theodoi log` and `theodoi undo`: the change log, and taking a change back.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use foldhash::HashMap;

use super::{Context, OutputArgs, date_arg};
use crate::app;
use crate::app::DirectiveQuery;
use crate::i18n::{self, tr};
use crate::report::history::{LogReport, LogRow};
use crate::report::render;
use crate::store::{LogFilter, Storage};

#[derive(Debug, clap::Args)]
pub struct LogArgs {
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    since: Option<NaiveDate>,
    #[arg(long, value_name = "REF")]
    unit: Option<String>,
    #[arg(long, value_name = "REF")]
    directive: Option<String>,
    #[arg(long, value_name = "LOGIN")]
    login: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct UndoArgs {
    /// A change number from `theodoi log` (default: your last change).
    #[arg(value_name = "CHANGE", value_parser = super::change_arg)]
    change: Option<i64>,
}

pub fn log(
    store: &dyn Storage,
    args: LogArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut dest = args.output.destination(ctx)?;
    let reader = store.read();
    let db = &*reader;
    let filter = LogFilter {
        since: args.since,
        unit: match &args.unit {
            Some(reference) => Some(crate::app::resolve_unit(db, reference)?.id),
            None => None,
        },
        directive: match &args.directive {
            Some(reference) => Some(
                crate::app::resolve_directive(
                    db,
                    &DirectiveQuery {
                        reference,
                        ..Default::default()
                    },
                )?
                .id,
            ),
            None => None,
        },
        login: args.login.clone(),
    };
    // A login mistyped, or asked of a file: said, not shown as an empty log.
    if let Some(login) = &args.login {
        let known = db.logins()?;
        if !known.contains(login) {
            return Err(crate::domain::Error::UnknownLogin {
                login: login.clone(),
                known,
            }
            .into());
        }
    }
    // A change about a secret directive (or an undo of one) says no title,
    // whenever it was recorded, unless `--show-secret`.
    let mut masks: HashMap<i64, Option<String>> = HashMap::default();
    let mut mask_of = |directive_id: Option<i64>| -> Result<Option<String>> {
        let Some(id) = directive_id else {
            return Ok(None);
        };
        if let Some(known) = masks.get(&id) {
            return Ok(known.clone());
        }
        // A directive since deleted (an undone add) has no mark to keep.
        let mask = match db.directive(id) {
            Ok(d) => d
                .secrecy
                .map(|m| crate::domain::marks::masked(&d.citation(), m)),
            Err(crate::domain::Error::NotFound { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        masks.insert(id, mask.clone());
        Ok(mask)
    };
    let mut titles: HashMap<String, Option<String>> = HashMap::default();
    let mut rows = Vec::new();
    for mut c in db.changes(&filter)? {
        let directive_id = match (c.directive_id, c.undoes) {
            (Some(id), _) => Some(id),
            // An undo recorded without it: the directive of the change undone.
            (None, Some(undone)) => db.change(undone)?.and_then(|u| u.directive_id),
            (None, None) => None,
        };
        // Its directive's mark now, else the one recorded with it (the
        // directive since deleted or unmarked), else the undone change's.
        let label = match mask_of(directive_id)? {
            Some(label) => Some(label),
            None => match crate::domain::marks::recorded_mask(&c.details) {
                Some(label) => Some(label),
                None => match c.undoes {
                    Some(undone) => db
                        .change(undone)?
                        .and_then(|u| crate::domain::marks::recorded_mask(&u.details)),
                    None => None,
                },
            },
        };
        match &label {
            Some(_) if ctx.show_secret => crate::domain::marks::note_secret_shown(),
            Some(label) => crate::domain::marks::mask_log_details(&mut c.details, label),
            None => {}
        }
        // Its line names tasks by title, as reports do: masked with the
        // change when it is about a secret directive, else as each task's
        // directive is marked now.
        let masked = label.filter(|_| !ctx.show_secret);
        let said = i18n::with_task_titles(&c.action, &c.details, &mut |code| {
            if let Some(label) = &masked {
                // A task of another directive (a renewal's source) is
                // named as its own directive has it; one of this change's
                // by its code and the mark, so two are told apart.
                let other = matches!(
                    db.task_by_code(code),
                    Ok(Some(task)) if Some(task.directive_id) != directive_id
                );
                if !other {
                    return Some(crate::domain::marks::unnest(&format!("{code} ({label})")));
                }
            }
            titles
                .entry(code.to_string())
                .or_insert_with(|| shown_task_title(db, code, ctx.show_secret))
                .clone()
        });
        let summary = i18n::change_summary(&c.action, &said);
        let mut row = LogRow::new(
            c.id,
            c.at,
            c.actor,
            c.action,
            &c.details,
            c.undoes,
            c.undone_by,
        );
        row.summary = summary;
        row.login = c.login;
        rows.push(row);
    }
    render(
        &LogReport,
        &rows,
        args.output.options(ctx),
        dest.writer(out),
    )?;
    dest.finish(out)?;
    Ok(ExitCode::SUCCESS)
}

/// The title of the task with this code as reports show it (a secret
/// directive's task masked), `None` when no task has the code any more.
fn shown_task_title(db: &dyn crate::store::Db, code: &str, show: bool) -> Option<String> {
    let task = db.task_by_code(code).ok().flatten()?;
    super::task_title(db, &task, show).ok()
}

pub fn undo(
    store: &mut dyn Storage,
    args: UndoArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut unmarked = None;
    let message = super::write(store, ctx, "undo", |db| {
        let target = app::history::undo(db, args.change, &ctx.actor)?;
        // A marking taken back: the titles travel again, said as
        // `--secrecy none` says it.
        if target.action == "directive.edit"
            && let Some(id) = target.directive_id
            && let Some(mark) = marked_by(&target.details)
        {
            let directive = db.directive(id)?;
            if directive.secrecy.is_none() {
                unmarked = Some((i18n::label(&directive), mark));
            }
        }
        // Said as the log says it: a secret directive's titles masked, but
        // to the clerk at the terminal.
        let mut said = target.details.clone();
        let mask = match target.directive_id.map(|id| db.directive(id)) {
            Some(Ok(d)) => d
                .secrecy
                .map(|mark| crate::domain::marks::masked(&d.citation(), mark)),
            _ => None,
        }
        .or_else(|| crate::domain::marks::recorded_mask(&target.details));
        if let Some(label) = mask {
            if ctx.show_secret || ctx.terminal {
                crate::domain::marks::note_secret_shown();
            } else {
                crate::domain::marks::mask_log_details(&mut said, &label);
            }
        }
        let shown = ctx.show_secret || ctx.terminal;
        let said = i18n::with_task_titles(&target.action, &said, &mut |code| {
            shown_task_title(db, code, shown)
        });
        let summary = i18n::change_summary(&target.action, &said);
        db.note(
            serde_json::json!({
                "change": target.id, "action": target.action, "details": target.details
            }),
            None,
            target.directive_id,
        )?;
        // Undoing an undo puts back the change it had taken back.
        if target.action == "undo"
            && let Some(redone) = i18n::redone_as(
                i18n::REDO_DONE,
                &serde_json::json!({ "change": target.id, "details": said }),
            )
        {
            return Ok(redone);
        }
        Ok(tr!(i18n::UNDO_DONE, id = target.id, summary = summary))
    })?;
    writeln!(out, "{message}")?;
    if let Some((directive, mark)) = unmarked {
        super::warn(&tr!(
            i18n::WARN_MARK_REMOVED,
            directive = directive,
            mark = i18n::secrecy(mark).get()
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// The mark a directive's edit gave where there was none, from its
/// details' changes.
fn marked_by(details: &serde_json::Value) -> Option<crate::domain::Secrecy> {
    details
        .get("changes")?
        .as_array()?
        .iter()
        .find(|c| c.get("field").and_then(|f| f.as_str()) == Some("secrecy"))
        .filter(|c| c.get("from").is_none_or(serde_json::Value::is_null))
        .and_then(|c| c.get("to")?.as_str())
        .and_then(crate::domain::Secrecy::from_slug)
}
