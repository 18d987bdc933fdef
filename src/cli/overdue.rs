//! `theodoi overdue`: who is late, for the clerk and for cron.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, FormatArg, date_arg};
use crate::report::overdue::OverdueReport;
use crate::report::render;
use crate::store::{Db, Store};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    format: FormatArg,
    #[arg(long)]
    exit_code: bool,
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(store: &Store, args: Args, ctx: &Context, out: &mut dyn Write) -> Result<ExitCode> {
    let report = compute(&store.read(), args.as_of.unwrap_or(ctx.today))?;
    if !(args.quiet && report.rows.is_empty()) {
        render(&report, args.format.format, out)?;
    }
    Ok(if args.exit_code && !report.rows.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The overdue report as of a day.
pub fn compute(db: &Db<'_>, as_of: NaiveDate) -> Result<OverdueReport> {
    Ok(OverdueReport {
        as_of,
        rows: db.overdue_rows(as_of)?,
    })
}
