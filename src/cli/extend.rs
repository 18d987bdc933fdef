//! `theodoi extend`: move one unit's due date for a task (gia hạn), with a reason.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::{Context, date_arg, required_text};
use crate::i18n::{self, tr};
use crate::store::Store;
use crate::text::date::format_dmy;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "REF")]
    task: String,
    #[arg(long, value_name = "REF")]
    unit: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    to: NaiveDate,
    #[arg(long, value_name = "TEXT")]
    reason: String,
}

pub fn run(store: &mut Store, args: Args, ctx: &Context, out: &mut dyn Write) -> Result<ExitCode> {
    let message = super::write(store, ctx, "extend", |db| {
        let task = db.resolve_task(&args.task)?;
        let unit = db.resolve_unit(&args.unit)?;
        let reason = required_text(&args.reason, i18n::WHAT_REASON)?;
        let Some(obligation) = db.obligation(task.id, unit.id)? else {
            bail!(tr!(
                i18n::DONE_NOT_APPLICABLE,
                task = task.code,
                unit = unit.name
            ));
        };
        if let Some(done) = obligation.completed_on {
            bail!(tr!(
                i18n::EXTEND_DONE_ALREADY,
                unit = unit.name,
                task = task.code,
                date = format_dmy(done)
            ));
        }
        let (from, to) = (format_dmy(obligation.due_on), format_dmy(args.to));
        if args.to <= obligation.due_on {
            bail!(tr!(i18n::EXTEND_NOT_LATER, from = from, to = to));
        }
        db.extend(obligation.id, args.to, &reason)?;
        db.note(
            serde_json::json!({
                "unit": unit.name, "task": task.code, "from": from, "to": to, "reason": reason
            }),
            Some(unit.id),
            Some(task.directive_id),
        )?;
        Ok(tr!(
            i18n::EXTEND_DONE,
            unit = unit.name,
            task = task.code,
            from = from,
            to = to
        ))
    })?;
    writeln!(out, "{message}")?;
    Ok(ExitCode::SUCCESS)
}
