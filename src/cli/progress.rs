//! `theodoi progress`: the four buckets per task, by unit kind or rolled
//! up the unit tree.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, FilterArgs, GroupByArg, OutputArgs, date_arg};
use crate::app::progress::Tally;
use crate::report::Renderer;
use crate::report::progress::ProgressReport;
use crate::store::Storage;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = GroupByArg::Kind)]
    by: GroupByArg,
    #[arg(long, value_name = "UNIT")]
    within: Option<String>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(
    store: &dyn Storage,
    args: Args,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut dest = args.output.destination(ctx)?;
    let reader = store.read();
    let db = &*reader;
    let scope = args.filter.scope(db, args.within.as_deref())?;
    let as_of = args.as_of.unwrap_or(ctx.today);
    let tally = Tally::count(db, &scope, args.by.into(), as_of)?;
    let report = ProgressReport {
        as_of,
        by: args.by.into(),
        show_cancelled: tally.any_cancelled(),
    };
    let mut renderer = Renderer::new(&report, args.output.options(ctx), dest.writer(out));
    tally.rows(|mut row| {
        row.mask(ctx.show_secret);
        renderer.row(&row)
    })?;
    renderer.finish(false)?;
    dest.finish(out)?;
    Ok(ExitCode::SUCCESS)
}
