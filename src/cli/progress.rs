//! `theodoi progress`: the four buckets per task, by unit kind or rolled
//! up the unit tree.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, FilterArgs, OutputArgs, date_arg};
use crate::domain::UnitKind;
use crate::report::progress::{Buckets, GroupBy, ProgressReport, ProgressRow, TaskLabel};
use crate::report::render;
use crate::store::{Db, Scope, Store};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = GroupBy::Kind)]
    by: GroupBy,
    #[arg(long, value_name = "UNIT")]
    within: Option<String>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(store: &Store, args: Args, ctx: &Context, out: &mut dyn Write) -> Result<ExitCode> {
    let db = store.read();
    let scope = args.filter.scope(&db, args.within.as_deref())?;
    let as_of = args.as_of.unwrap_or(ctx.today);
    let rows = compute(&db, &scope, args.by, as_of)?;
    let report = ProgressReport::new(as_of, args.by, &rows);
    render(&report, &rows, args.output.options(ctx), out)?;
    Ok(ExitCode::SUCCESS)
}

/// Counts every obligation in `scope` into its task's groups.
pub fn compute(
    db: &Db<'_>,
    scope: &Scope,
    by: GroupBy,
    as_of: NaiveDate,
) -> Result<Vec<ProgressRow>> {
    let labels: HashMap<i64, TaskLabel> = db
        .tasks(scope.directive, None)?
        .into_iter()
        .filter(|t| scope.task.is_none_or(|id| id == t.id))
        .map(|t| {
            let directive = db.directive(t.directive_id)?.label();
            Ok((
                t.id,
                TaskLabel {
                    code: t.code,
                    title: t.title,
                    directive,
                },
            ))
        })
        .collect::<Result<_>>()?;
    match by {
        GroupBy::Kind => {
            let mut tally: BTreeMap<(i64, UnitKind), Buckets> = BTreeMap::new();
            db.for_each_fact(scope, as_of, |fact| {
                tally
                    .entry((fact.task_id, fact.kind))
                    .or_default()
                    .add(fact.status);
            })?;
            Ok(tally
                .into_iter()
                .filter_map(|((task, kind), buckets)| {
                    let label = labels.get(&task)?;
                    Some(ProgressRow::new(
                        label,
                        kind.slug().into(),
                        kind.to_string(),
                        buckets,
                    ))
                })
                .collect())
        }
        GroupBy::Parent => by_parent(db, scope, as_of, &labels),
    }
}

/// Each obligation counts for every unit above it, up to `scope.within`.
fn by_parent(
    db: &Db<'_>,
    scope: &Scope,
    as_of: NaiveDate,
    labels: &HashMap<i64, TaskLabel>,
) -> Result<Vec<ProgressRow>> {
    let groups = db.parent_units()?;
    let parent_of = db.parents_of_obliged(scope)?;
    let mut tally: HashMap<(i64, i64), Buckets> = HashMap::new();
    db.for_each_fact(scope, as_of, |fact| {
        if Some(fact.unit_id) == scope.within {
            return;
        }
        let mut above = parent_of.get(&fact.unit_id).copied();
        while let Some(group) = above {
            tally
                .entry((fact.task_id, group))
                .or_default()
                .add(fact.status);
            if Some(group) == scope.within {
                break;
            }
            above = groups.get(&group).and_then(|g| g.parent_id);
        }
    })?;
    let depth = |mut id: i64| {
        let mut depth = 0;
        while let Some(parent) = groups.get(&id).and_then(|g| g.parent_id) {
            depth += 1;
            id = parent;
        }
        depth
    };
    let mut keyed: Vec<_> = tally
        .into_iter()
        .filter_map(|((task, group), buckets)| {
            let unit = groups.get(&group)?;
            let label = labels.get(&task)?;
            Some((
                (task, depth(group), unit.name_key.clone()),
                label,
                unit,
                buckets,
            ))
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(keyed
        .into_iter()
        .map(|(_, label, unit, buckets)| {
            ProgressRow::new(label, unit.code.clone(), unit.name.clone(), buckets)
        })
        .collect())
}
