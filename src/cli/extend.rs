//! `theodoi extend`: move one unit's due date for a task (gia hạn), with a reason.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, date_arg};
use crate::app;
use crate::i18n::{self, tr};
use crate::store::Storage;
use crate::text::date::format_dmy;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "REF")]
    task: String,
    #[arg(long, value_name = "REF", required_unless_present = "person")]
    unit: Option<String>,
    #[arg(long, value_name = "REF", conflicts_with = "unit")]
    person: Option<String>,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    to: NaiveDate,
    #[arg(long, value_name = "TEXT")]
    reason: String,
}

pub fn run(
    store: &mut dyn Storage,
    args: Args,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let message = super::write(store, ctx, "extend", |db| {
        let e = app::completions::extend(
            db,
            &args.task,
            args.unit.as_deref().unwrap_or_default(),
            args.person.as_deref(),
            args.to,
            &args.reason,
        )?;
        let (from, to) = (format_dmy(e.from), format_dmy(e.to));
        db.note(
            serde_json::json!({
                "unit": e.who, "task": e.task.code, "from": from, "to": to, "reason": e.reason
            }),
            Some(e.unit.id),
            Some(e.task.directive_id),
        )?;
        let title = super::task_title(db, &e.task, ctx.show_secret)?;
        Ok(tr!(
            i18n::EXTEND_DONE,
            unit = e.who,
            title = title,
            date = to,
            first = format_dmy(e.first)
        ))
    })?;
    writeln!(out, "{message}")?;
    Ok(ExitCode::SUCCESS)
}
