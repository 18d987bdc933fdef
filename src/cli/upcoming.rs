//! `theodoi upcoming`: open obligations falling due soon, soonest first.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, FilterArgs, OutputArgs, date_arg};
use crate::app;
use crate::i18n;
use crate::report::Renderer;
use crate::report::obligations::{Kind, ObligationReport};
use crate::store::Storage;

/// How far ahead `upcoming` looks by default.
const DEFAULT_DAYS: u32 = 7;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_name = "DAYS", value_parser = super::days_arg)]
    days: Option<u32>,
    /// A number of days, or a unit whose subtree to show.
    #[arg(long, value_name = "DAYS|UNIT")]
    within: Option<String>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[arg(long, short)]
    quiet: bool,
    #[arg(long)]
    exit_code: bool,
    #[arg(long, conflicts_with = "output")]
    count: bool,
}

pub fn run(
    store: &dyn Storage,
    args: Args,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    // `--within 14` is a window of days; `--within "Ngô Quyền"` a subtree.
    let (days, within) = match args.within.as_deref().map(str::trim) {
        Some(w) if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) => {
            // Said as clap says a bad value: the option and its placeholder first.
            let days = super::days_arg(w).map_err(|e| {
                let name = i18n::placeholder(Some("--within"), "DAYS|UNIT")
                    .map_or("DAYS|UNIT", |p| p.get());
                anyhow::anyhow!("--within <{name}>: {e}")
            })?;
            (days, None)
        }
        other => (args.days.unwrap_or(DEFAULT_DAYS), other),
    };
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
    let scope = args.filter.scope(db, within)?;
    let as_of = args.as_of.unwrap_or(ctx.today);
    let report = ObligationReport {
        kind: Kind::Upcoming { days },
        as_of,
    };
    let due = if args.count {
        // For cron: the number of rows the listing would print.
        let mut n = 0;
        app::reports::upcoming(db, &scope, as_of, days, &mut |_| {
            n += 1;
            Ok(())
        })?;
        if !(args.quiet && n == 0) {
            writeln!(out, "{n}")?;
        }
        n
    } else {
        let show_secret = ctx.show_secret;
        let mut renderer = Renderer::new(&report, args.output.options(ctx), dest.writer(out));
        app::reports::upcoming(db, &scope, as_of, days, &mut |row| {
            row.mask(show_secret);
            Ok(renderer.row(row)?)
        })?;
        renderer.finish(args.quiet)?
    };
    dest.finish(out)?;
    // For cron: 1 says "something falls due soon", as `overdue --exit-code`
    // says "something is late".
    Ok(if args.exit_code && due > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
