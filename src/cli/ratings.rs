//! `theodoi rules` and `theodoi ratings`: the rules that check the annual
//! ratings, and the ratings checked against them.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::{Context, OutputArgs, date_arg};
use crate::domain::rating::RULES;
use crate::domain::{Rating, Rules};
use crate::i18n::{self, tr};
use crate::report::ratings::{RatingGroupRow, RatingGroups, RatingIssueRow, RatingIssues};
use crate::report::{Cell, Format, Report, render};
use crate::store::{RatingFact, Store};
use crate::text::date::format_dmy;

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
    meaning: &'static str,
}

struct RuleList;

impl Report for RuleList {
    type Row = RuleRow;
    const FIELDS: &'static [&'static str] = &["name", "value", "default", "meaning"];

    fn headers(&self) -> Vec<String> {
        crate::report::headers(&[
            i18n::H_RULE,
            i18n::H_VALUE,
            i18n::H_DEFAULT,
            i18n::H_MEANING,
        ])
    }

    fn cells(&self, row: &RuleRow) -> Vec<Cell> {
        vec![
            row.name.into(),
            row.value.as_str().into(),
            row.default.into(),
            row.meaning.into(),
        ]
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        None
    }

    fn empty_message(&self) -> String {
        String::new()
    }
}

pub fn rules(
    store: &mut Store,
    args: RulesArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    if let Some(RulesCommand::Set { name, value }) = &args.command {
        let message = super::write(store, ctx, "rules.set", |db| {
            let was = db.set_rule(name.trim(), value)?;
            let now = db.rules()?.value(name.trim());
            db.note(
                serde_json::json!({ "name": name.trim(), "was": was, "value": now }),
                None,
                None,
            )?;
            Ok(tr!(
                i18n::RULE_SET,
                name = name.trim(),
                value = now,
                was = was
            ))
        })?;
        writeln!(out, "{message}")?;
        return Ok(ExitCode::SUCCESS);
    }
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
    render(&RuleList, &rows, args.output.options(ctx), out)?;
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
    store: &Store,
    args: RatingsArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let db = store.read();
    let as_of = args.as_of.unwrap_or(ctx.today);
    let task = match &args.task {
        Some(reference) => Some(db.resolve_task(reference)?.id),
        None => None,
    };
    let within = match &args.within {
        Some(reference) => Some(db.resolve_unit(reference)?.id),
        None => None,
    };
    let rules = db.rules()?;
    let facts = db.rating_facts(task, within, as_of)?;
    // Task codes by id, read once.
    let codes: BTreeMap<i64, String> = db
        .tasks(None, None)?
        .into_iter()
        .map(|t| (t.id, t.code))
        .collect();
    let report = check(&facts, &rules, |id| {
        codes.get(&id).cloned().unwrap_or_default()
    });
    let broken = report.issues.iter().any(|i| i.violation);
    let options = args.output.options(ctx);
    match options.format {
        Format::Json => {
            let report = RatingsReport {
                as_of,
                groups: report.groups,
                issues: report.issues,
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        Format::Csv => {
            render(&RatingGroups { as_of }, &report.groups, options, out)?;
        }
        Format::Table | Format::Md => {
            render(&RatingGroups { as_of }, &report.groups, options, out)?;
            writeln!(out)?;
            render(&RatingIssues, &report.issues, options, out)?;
        }
    }
    Ok(if args.exit_code && broken {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

struct Checked {
    groups: Vec<RatingGroupRow>,
    issues: Vec<RatingIssueRow>,
}

/// Counts the ratings per group and checks every rule.
fn check(facts: &[RatingFact], rules: &Rules, task_code: impl Fn(i64) -> String) -> Checked {
    let mut groups: Vec<RatingGroupRow> = Vec::new();
    let mut issues = Vec::new();
    for fact in facts {
        let task = task_code(fact.task_id);
        let group_code = fact.parent_code.clone().unwrap_or_default();
        let fresh = groups
            .last()
            .is_none_or(|g| g.task != task || g.group != group_code);
        if fresh {
            groups.push(RatingGroupRow {
                task: task.clone(),
                group: group_code.clone(),
                group_name: fact.parent.clone().unwrap_or_default(),
                htxsnv: 0,
                httnv: 0,
                htnv: 0,
                khtnv: 0,
                not_rated: 0,
                unrated: 0,
                quota_pct: rules.excellent_quota_pct,
                quota_kept: true,
            });
        }
        let Some(group) = groups.last_mut() else {
            continue;
        };
        match (fact.rating, &fact.not_rated) {
            (Some(Rating::Htxsnv), _) => group.htxsnv += 1,
            (Some(Rating::Httnv), _) => group.httnv += 1,
            (Some(Rating::Htnv), _) => group.htnv += 1,
            (Some(Rating::Khtnv), _) => group.khtnv += 1,
            (None, Some(_)) => group.not_rated += 1,
            (None, None) => {
                group.unrated += 1;
                issues.push(issue(
                    &task,
                    "missing",
                    false,
                    fact,
                    i18n::ISSUE_MISSING.get().into(),
                ));
            }
        }
        // Younger than the rules allow on the due date of the review: not rated.
        if let (Some(founded), Some(_)) = (fact.founded_on, fact.rating) {
            let limit = fact
                .due_on
                .checked_sub_months(Months::new(rules.min_age_months));
            if limit.is_some_and(|limit| founded > limit) {
                let detail = tr!(
                    i18n::ISSUE_YOUNG,
                    founded = format_dmy(founded),
                    months = rules.min_age_months
                );
                issues.push(issue(&task, "too_young", true, fact, detail));
            }
        }
        if fact.forced {
            issues.push(issue(
                &task,
                "forced",
                false,
                fact,
                i18n::ISSUE_FORCED.get().into(),
            ));
        }
    }
    for group in &mut groups {
        group.quota_kept = rules.quota_kept(group.htxsnv, group.httnv);
        if !group.quota_kept {
            issues.push(RatingIssueRow {
                task: group.task.clone(),
                issue: "quota",
                violation: true,
                unit_code: group.group.clone(),
                unit: group.group_name.clone(),
                detail: tr!(
                    i18n::ISSUE_QUOTA,
                    group = group.group_name,
                    excellent = group.htxsnv,
                    good = group.httnv,
                    pct = rules.excellent_quota_pct
                ),
            });
        }
    }
    // Violations first, then what is forced, then what is missing.
    issues.sort_by_key(|i| (!i.violation, i.issue == "missing"));
    Checked { groups, issues }
}

fn issue(
    task: &str,
    kind: &'static str,
    violation: bool,
    fact: &RatingFact,
    detail: String,
) -> RatingIssueRow {
    RatingIssueRow {
        task: task.to_string(),
        issue: kind,
        violation,
        unit_code: fact.unit_code.clone(),
        unit: fact.unit.clone(),
        detail,
    }
}
