//! `theodoi done`: record that a unit has done a task.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::{Context, date_arg};
use crate::domain::Status;
use crate::i18n::{self, tr};
use crate::store::{CompletionNote, Db, Store};
use crate::text::date::format_dmy;
use crate::text::normalize;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "REF")]
    pub task: String,
    #[arg(long, value_name = "REF")]
    pub unit: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub on: Option<NaiveDate>,
    #[arg(long, value_name = "TEXT")]
    pub evidence: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[arg(long)]
    pub correct: bool,
}

pub fn run(store: &mut Store, args: Args, ctx: &Context, out: &mut dyn Write) -> Result<ExitCode> {
    let message = store.write(&ctx.actor, "done", |db| record(db, &args, ctx))?;
    writeln!(out, "{message}")?;
    Ok(ExitCode::SUCCESS)
}

/// Records one completion and says what was recorded; shared with the demo loader.
pub fn record(db: &Db<'_>, args: &Args, ctx: &Context) -> Result<String> {
    let task = db.resolve_task(&args.task)?;
    let unit = db.resolve_unit(&args.unit)?;
    let on = args.on.unwrap_or(ctx.today);
    if on > ctx.today {
        bail!(tr!(
            i18n::DONE_FUTURE,
            date = format_dmy(on),
            today = format_dmy(ctx.today)
        ));
    }
    let Some(obligation) = db.obligation(task.id, unit.id)? else {
        bail!(tr!(
            i18n::DONE_NOT_APPLICABLE,
            task = task.code,
            unit = unit.name
        ));
    };
    if let Some(done) = obligation.completed_on {
        if !args.correct {
            bail!(tr!(
                i18n::DONE_ALREADY,
                unit = unit.name,
                task = task.code,
                date = format_dmy(done)
            ));
        }
        db.set_action("done.correct")?;
    }
    let evidence = args
        .evidence
        .as_deref()
        .map(normalize)
        .filter(|s| !s.is_empty());
    let note = args
        .note
        .as_deref()
        .map(normalize)
        .filter(|s| !s.is_empty());
    db.complete(
        obligation.id,
        on,
        &CompletionNote {
            evidence: evidence.as_deref(),
            note: note.as_deref(),
            recorded_by: &ctx.actor,
        },
    )?;
    db.note(
        serde_json::json!({
            "unit": unit.name,
            "task": task.code,
            "on": format_dmy(on),
            "was": obligation.completed_on.map(format_dmy),
        }),
        Some(unit.id),
        Some(task.directive_id),
    )?;
    let status = Status::as_of(obligation.due_on, Some(on), on);
    Ok(tr!(
        i18n::DONE_RECORDED,
        unit = unit.name,
        task = task.code,
        date = format_dmy(on),
        status = i18n::status(status).get()
    ))
}
