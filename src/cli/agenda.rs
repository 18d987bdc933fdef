//! `theodoi agenda UNIT`: everything one unit and its subtree owes or has
//! done, with status.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, FilterArgs, OutputArgs, date_arg};
use crate::app;
use crate::report::Renderer;
use crate::report::obligations::{Kind, ObligationReport};
use crate::store::Storage;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "UNIT")]
    unit: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
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
    let unit = app::resolve_unit(db, &args.unit)?;
    let as_of = args.as_of.unwrap_or(ctx.today);
    // Named as it was on the report's day.
    let then = db.unit_as_of(unit.id, as_of)?;
    let report = ObligationReport {
        kind: Kind::Agenda { unit: then.name },
        as_of,
    };
    let mut renderer = Renderer::new(&report, args.output.options(ctx), dest.writer(out));
    app::reports::agenda(
        db,
        &unit,
        &args.filter.filters(),
        report.as_of,
        &mut |row| {
            row.mask(ctx.show_secret);
            Ok(renderer.row(row)?)
        },
    )?;
    renderer.finish(false)?;
    dest.finish(out)?;
    Ok(ExitCode::SUCCESS)
}
