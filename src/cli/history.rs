//! `theodoi log` and `theodoi undo`: the change log, and taking a change back.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::{Context, OutputArgs, date_arg};
use crate::i18n::{self, tr};
use crate::report::history::{LogReport, LogRow};
use crate::report::render;
use crate::store::{DirectiveQuery, LogFilter, Store};

#[derive(Debug, clap::Args)]
pub struct LogArgs {
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    since: Option<NaiveDate>,
    #[arg(long, value_name = "REF")]
    unit: Option<String>,
    #[arg(long, value_name = "REF")]
    directive: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct UndoArgs {
    /// A change number from `theodoi log` (default: your last change).
    #[arg(value_name = "CHANGE")]
    change: Option<i64>,
}

pub fn log(store: &Store, args: LogArgs, ctx: &Context, out: &mut dyn Write) -> Result<ExitCode> {
    let db = store.read();
    let filter = LogFilter {
        since: args.since,
        unit: match &args.unit {
            Some(reference) => Some(db.resolve_unit(reference)?.id),
            None => None,
        },
        directive: match &args.directive {
            Some(reference) => Some(
                db.resolve_directive(&DirectiveQuery {
                    reference,
                    ..Default::default()
                })?
                .id,
            ),
            None => None,
        },
    };
    let rows: Vec<LogRow> = db.changes(&filter)?.into_iter().map(LogRow::from).collect();
    render(&LogReport, &rows, args.output.options(ctx), out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn undo(
    store: &mut Store,
    args: UndoArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let message = super::write(store, ctx, "undo", |db| {
        let target = match args.change {
            Some(id) => match db.change(id)? {
                Some(change) => change,
                None => bail!(tr!(i18n::UNDO_NOT_FOUND, id = id)),
            },
            None => match db.last_change_of(&ctx.actor)? {
                Some(change) => change,
                None => bail!(tr!(i18n::UNDO_NOTHING, actor = ctx.actor)),
            },
        };
        db.undo(&target)?;
        let summary = i18n::change_summary(&target.action, &target.details);
        db.note(
            serde_json::json!({ "change": target.id, "summary": summary }),
            None,
            None,
        )?;
        Ok(tr!(i18n::UNDO_DONE, id = target.id, summary = summary))
    })?;
    writeln!(out, "{message}")?;
    Ok(ExitCode::SUCCESS)
}
