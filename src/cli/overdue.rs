//! `theodoi overdue`: who is late, for the clerk and for cron.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, FilterArgs, OutputArgs, date_arg};
use crate::app;
use crate::report::obligations::{Kind, ObligationReport};
use crate::report::{RenderOptions, Renderer};
use crate::store::{Db, Scope, Storage};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_name = "UNIT")]
    within: Option<String>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[arg(long)]
    exit_code: bool,
    #[arg(long, short)]
    quiet: bool,
    #[arg(long, conflicts_with = "output")]
    count: bool,
}

pub fn run(
    store: &dyn Storage,
    args: Args,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut dest = args.output.destination(ctx)?;
    // For cron: the status counts every row, even when the reader stops early.
    let mut keep;
    let out: &mut dyn Write = if args.exit_code {
        keep = super::output::KeepCounting::new(out);
        &mut keep
    } else {
        out
    };
    let reader = store.read();
    let db = &*reader;
    let scope = args.filter.scope(db, args.within.as_deref())?;
    let as_of = args.as_of.unwrap_or(ctx.today);
    let late = if args.count {
        let n = app::reports::count_overdue(db, &scope, as_of)?;
        if !(args.quiet && n == 0) {
            writeln!(out, "{n}")?;
        }
        n
    } else {
        let options = args.output.options(ctx);
        let show = ctx.show_secret;
        print(
            db,
            &scope,
            as_of,
            options,
            args.quiet,
            show,
            dest.writer(out),
        )?
    };
    dest.finish(out)?;
    Ok(if args.exit_code && late > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints the overdue report; returns how many obligations are late.
pub fn print(
    db: &dyn Db,
    scope: &Scope,
    as_of: NaiveDate,
    options: RenderOptions,
    quiet: bool,
    show_secret: bool,
    out: &mut dyn Write,
) -> Result<usize> {
    let report = ObligationReport {
        kind: Kind::Overdue,
        as_of,
    };
    let mut renderer = Renderer::new(&report, options, out);
    app::reports::overdue(db, scope, as_of, &mut |row| {
        row.mask(show_secret);
        Ok(renderer.row(row)?)
    })?;
    Ok(renderer.finish(quiet)?)
}
