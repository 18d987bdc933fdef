//! `theodoi log` and `theodoi undo`: the change log, and taking a change back.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

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
    let mut dest = args.output.destination()?;
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
    };
    let rows: Vec<LogRow> = db
        .changes(&filter)?
        .into_iter()
        .map(|c| {
            LogRow::new(
                c.id,
                c.at,
                c.actor,
                c.action,
                &c.details,
                c.undoes,
                c.undone_by,
            )
        })
        .collect();
    render(
        &LogReport,
        &rows,
        args.output.options(ctx),
        dest.writer(out),
    )?;
    dest.finish(out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn undo(
    store: &mut dyn Storage,
    args: UndoArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let message = super::write(store, ctx, "undo", |db| {
        let target = app::history::undo(db, args.change, &ctx.actor)?;
        let summary = i18n::change_summary(&target.action, &target.details);
        db.note(
            serde_json::json!({
                "change": target.id, "action": target.action, "details": target.details
            }),
            None,
            None,
        )?;
        Ok(tr!(i18n::UNDO_DONE, id = target.id, summary = summary))
    })?;
    writeln!(out, "{message}")?;
    Ok(ExitCode::SUCCESS)
}
