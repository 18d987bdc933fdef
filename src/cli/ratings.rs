//! `theodoi rules` and `theodoi ratings`: the rules that check the annual
//! ratings, and the ratings checked against them.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::{Context, OutputArgs, date_arg};
use crate::app;
use crate::app::ratings::RatingsQuery;
use crate::domain::rating::RULES;
use crate::i18n::{self, tr};
use crate::report::ratings::{
    RatingGroupRow, RatingGroups, RatingIssueRow, RatingIssues, TaskTitles,
};
use crate::report::{Cell, Format, Report, render};
use crate::store::Storage;

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    command: Option<RulesCommand>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Subcommand)]
enum RulesCommand {
    Set {
        #[arg(value_name = "NAME")]
        name: String,
        #[arg(value_name = "VALUE")]
        value: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct RatingsArgs {
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_name = "REF")]
    task: Option<String>,
    #[arg(long, value_name = "UNIT")]
    within: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
    #[arg(long)]
    exit_code: bool,
}

/// One rule as `theodoi rules` lists it.
#[derive(Debug, Serialize)]
struct RuleRow {
    name: &'static str,
    value: String,
    default: &'static str,
    /// What it checks, in the language in force: tables and Markdown only.
    #[serde(skip)]
    meaning: &'static str,
}

struct RuleList;

impl Report for RuleList {
    type Row = RuleRow;
    const FIELDS: &'static [&'static str] = &["name", "value", "default"];

    fn headers(&self) -> Vec<String> {
        crate::report::headers(&[
            i18n::H_RULE,
            i18n::H_VALUE,
            i18n::H_DEFAULT,
            i18n::H_MEANING,
        ])
    }

    fn cells(&self, row: &RuleRow) -> Vec<Cell> {
        let value = Cell::from(i18n::capitalized(&i18n::switch(&row.value)));
        vec![
            format!("{} ({})", i18n::rule_name(row.name).get(), row.name).into(),
            match row.value.parse::<i64>() {
                Ok(n) => value.with(crate::report::Value::Int(n)),
                Err(_) => value,
            },
            i18n::capitalized(&i18n::switch(row.default)).into(),
            row.meaning.into(),
        ]
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        None
    }

    fn empty_message(&self) -> String {
        String::new()
    }

    fn sheet_title(&self) -> Option<String> {
        Some(i18n::TITLE_RULES.get().to_string())
    }
}

impl RulesArgs {
    /// Whether the command only shows the rules (no `set`).
    pub fn reads_only(&self) -> bool {
        self.command.is_none()
    }
}

pub fn rules(
    store: &mut dyn Storage,
    args: RulesArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    if let Some(RulesCommand::Set { name, value }) = &args.command {
        let message = super::write(store, ctx, "rules.set", |db| {
            let (was, now) = app::ratings::set_rule(db, name, value)?;
            db.note(
                serde_json::json!({ "name": name.trim(), "was": was, "value": now }),
                None,
                None,
            )?;
            Ok(tr!(
                i18n::RULE_SET,
                name = match i18n::rule_name(name.trim()).get() {
                    "" => name.trim(),
                    shown => shown,
                },
                value = i18n::switch(&now),
                was = i18n::switch(&was)
            ))
        })?;
        writeln!(out, "{message}")?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut dest = args.output.destination(ctx)?;
    let rules = store.read().rules()?;
    let rows: Vec<RuleRow> = RULES
        .iter()
        .map(|r| RuleRow {
            name: r.name,
            value: rules.value(r.name),
            default: r.default,
            meaning: i18n::rule_description(r.name).get(),
        })
        .collect();
    render(&RuleList, &rows, args.output.options(ctx), dest.writer(out))?;
    dest.finish(out)?;
    Ok(ExitCode::SUCCESS)
}

/// The whole ratings report, as JSON prints it.
#[derive(Debug, Serialize)]
struct RatingsReport {
    as_of: NaiveDate,
    groups: Vec<RatingGroupRow>,
    issues: Vec<RatingIssueRow>,
}

pub fn ratings(
    store: &dyn Storage,
    args: RatingsArgs,
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
    let as_of = args.as_of.unwrap_or(ctx.today);
    let checked = app::ratings::ratings(
        &*store.read(),
        &RatingsQuery {
            task: args.task.as_deref(),
            within: args.within.as_deref(),
            as_of,
        },
    )?;
    let broken = checked.issues.iter().any(|i| i.issue.violation());
    let groups = checked.groups;
    let issues: Vec<RatingIssueRow> = checked.issues.iter().map(|i| i.row()).collect();
    let options = args.output.options(ctx);
    // A secret directive's task by its code and the directive's mark.
    let reader = store.read();
    let titles = TaskTitles(
        reader
            .tasks(None, None)?
            .into_iter()
            .map(|t| {
                Ok((
                    t.code.clone(),
                    super::task_title(&*reader, &t, ctx.show_secret)?,
                ))
            })
            .collect::<Result<_>>()?,
    );
    drop(reader);
    let groups_table = RatingGroups {
        as_of,
        titles: titles.clone(),
    };
    let issues_table = RatingIssues { titles };
    let w = dest.writer(out);
    match options.format {
        Format::Json => {
            let report = RatingsReport {
                as_of,
                groups,
                issues,
            };
            serde_json::to_writer_pretty(&mut *w, &report)?;
            writeln!(w)?;
        }
        Format::Csv => {
            render(&groups_table, &groups, options, w)?;
        }
        Format::Xlsx => {
            // The groups, and what to look at, on two sheets.
            let mut book = crate::report::xlsx::Book::new();
            book.add(&groups_table, &groups)?;
            book.add(&issues_table, &issues)?;
            book.write_to(w)?;
        }
        Format::Table | Format::Md => {
            render(&groups_table, &groups, options, w)?;
            writeln!(w)?;
            render(&issues_table, &issues, options, w)?;
        }
    }
    dest.finish(out)?;
    Ok(if args.exit_code && broken {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
