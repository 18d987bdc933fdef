//! `theodoi results TASK`: the results of one task, a numbered line per unit
//! (or person) that owes it, in tree order, as of a day.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, OutputArgs, date_arg, kind_arg};
use crate::app::results::{ResultsQuery, results};
use crate::domain::UnitKind;
use crate::report::render;
use crate::report::results::ResultsReport;
use crate::store::Storage;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "TASK")]
    task: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_name = "UNIT")]
    within: Option<String>,
    #[arg(long, value_name = "KIND", value_parser = kind_arg)]
    kind: Option<UnitKind>,
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
    let as_of = args.as_of.unwrap_or(ctx.today);
    let reader = store.read();
    let found = results(
        &*reader,
        &ResultsQuery {
            task: &args.task,
            within: args.within.as_deref(),
            kind: args.kind,
            as_of,
        },
    )?;
    let report = ResultsReport {
        task: found.task.code.clone(),
        // A secret directive's task is named by its citation and mark.
        title: {
            let directive = reader.directive(found.task.directive_id)?;
            crate::domain::marks::shown_task_title(
                &found.task.title,
                &found.task.code,
                &directive.citation(),
                directive.secrecy,
                ctx.show_secret,
            )
        },
        rated: found.task.rated,
        for_people: found.task.for_people,
        as_of,
    };
    render(
        &report,
        &found.rows,
        args.output.options(ctx),
        dest.writer(out),
    )?;
    dest.finish(out)?;
    Ok(ExitCode::SUCCESS)
}
