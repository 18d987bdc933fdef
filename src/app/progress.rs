//! Progress: every obligation counted into the four buckets, per task and
//! unit kind, or rolled up the unit tree.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use foldhash::HashMap;

use crate::domain::UnitKind;
use crate::domain::error::{Error, Result};
use crate::report::progress::{Buckets, GroupBy, ProgressRow, TaskLabel};
use crate::store::{Db, GroupUnit, IdMap, Scope};

/// Counts every obligation in `scope` into its task's groups; the rows, collected.
pub fn compute(
    db: &dyn Db,
    scope: &Scope,
    by: GroupBy,
    as_of: NaiveDate,
) -> Result<Vec<ProgressRow>> {
    let mut rows = Vec::new();
    Tally::count(db, scope, by, as_of)?.rows(|row| {
        rows.push(row);
        Ok::<(), Error>(())
    })?;
    Ok(rows)
}

/// The counts, kept small (ids and numbers) until each row is printed.
pub struct Tally {
    labels: HashMap<i64, TaskLabel>,
    counts: Counts,
}

enum Counts {
    Kind(BTreeMap<(i64, UnitKind), Buckets>),
    /// One cell per task and group, tasks in id order, groups by depth and
    /// then Vietnamese order: dense, so that a province's 400,000 cells take
    /// a few megabytes and come out already sorted.
    Parent {
        tasks: Vec<i64>,
        groups: Vec<(i64, GroupUnit)>,
        cells: Vec<Buckets>,
    },
}

impl Tally {
    /// Counts every obligation in `scope` as of `as_of`.
    pub fn count(db: &dyn Db, scope: &Scope, by: GroupBy, as_of: NaiveDate) -> Result<Tally> {
        let labels: HashMap<i64, TaskLabel> = db
            .tasks(scope.directive, None)?
            .into_iter()
            .filter(|t| scope.task.is_none_or(|id| id == t.id))
            .map(|t| {
                let directive = db.directive(t.directive_id)?;
                Ok((
                    t.id,
                    TaskLabel {
                        code: t.code,
                        title: t.title,
                        directive: directive.citation(),
                        secrecy: directive.secrecy,
                        urgency: directive.urgency,
                    },
                ))
            })
            .collect::<Result<_>>()?;
        let counts = match by {
            GroupBy::Kind => {
                let mut tally: BTreeMap<(i64, UnitKind), Buckets> = BTreeMap::new();
                db.for_each_fact(scope, as_of, &mut |facts| {
                    for fact in facts {
                        tally
                            .entry((fact.task_id, fact.kind))
                            .or_default()
                            .add(fact.status);
                    }
                })?;
                Counts::Kind(tally)
            }
            GroupBy::Parent => {
                let mut tasks: Vec<i64> = labels.keys().copied().collect();
                tasks.sort_unstable();
                by_parent(db, scope, as_of, tasks)?
            }
        };
        Ok(Tally { labels, counts })
    }

    /// Whether any obligation counted is cancelled (a column to show).
    pub fn any_cancelled(&self) -> bool {
        match &self.counts {
            Counts::Kind(t) => t.values().any(|b| b.cancelled > 0),
            Counts::Parent { cells, .. } => cells.iter().any(|b| b.cancelled > 0),
        }
    }

    /// Hands each row to `each`, in order.
    pub fn rows<E>(self, mut each: impl FnMut(ProgressRow) -> Result<(), E>) -> Result<(), E> {
        match self.counts {
            Counts::Kind(tally) => {
                for ((task, kind), buckets) in tally {
                    if let Some(label) = self.labels.get(&task) {
                        each(ProgressRow::new(
                            label,
                            kind.slug().into(),
                            kind.official_name().to_string(),
                            buckets,
                        ))?;
                    }
                }
            }
            Counts::Parent {
                tasks,
                groups,
                cells,
            } => {
                let per_task = groups.len().max(1);
                for (i, buckets) in cells.into_iter().enumerate() {
                    let (task, (_, unit)) = (tasks[i / per_task], &groups[i % per_task]);
                    if let (true, Some(label)) = (buckets.total() > 0, self.labels.get(&task)) {
                        each(ProgressRow::new(
                            label,
                            unit.code.clone(),
                            unit.name.clone(),
                            buckets,
                        ))?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Each obligation counts for its own unit, when that unit is a group, and
/// for every unit above it, up to `scope.within`.
fn by_parent(db: &dyn Db, scope: &Scope, as_of: NaiveDate, tasks: Vec<i64>) -> Result<Counts> {
    let units = db.parent_units(as_of)?;
    // A chain up the tree is at most as long as there are groups; a longer
    // one goes round a cycle (hand-edited data), which fails the report
    // rather than hang it.
    let cycle = |id: i64| Error::TreeCycle {
        unit: units.get(&id).map(|g| g.name.clone()).unwrap_or_default(),
    };
    // The order of groups: by depth, then Vietnamese order of name.
    let depth = |start: i64| {
        let (mut id, mut depth) = (start, 0);
        while let Some(parent) = units.get(&id).and_then(|g| g.parent_id) {
            depth += 1;
            if depth > units.len() {
                return Err(cycle(start));
            }
            id = parent;
        }
        Ok(depth)
    };
    let mut groups: Vec<(usize, i64, GroupUnit)> = units
        .iter()
        .map(|(id, g)| Ok((depth(*id)?, *id, g.clone())))
        .collect::<Result<_>>()?;
    groups.sort_by(|a, b| (a.0, &a.2.name_key).cmp(&(b.0, &b.2.name_key)));
    let groups: Vec<(i64, GroupUnit)> = groups.into_iter().map(|(_, id, g)| (id, g)).collect();
    let rank: HashMap<i64, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    let task_index: IdMap<usize> = tasks.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // Each obligation is counted once, in the first group it counts for: its
    // unit's own line when the unit is a group (what a đảng bộ owes itself
    // counts in its line, beside what its chi bộ owe), else its parent's.
    // Looked up by unit id in id order.
    let first_group: IdMap<u32> = db
        .unit_parents(as_of)?
        .into_iter()
        .filter(|(unit, _)| !rank.contains_key(unit))
        .filter_map(|(unit, parent)| Some((unit, *rank.get(&parent)?)))
        .chain(rank.iter().map(|(unit, g)| (*unit, *g)))
        // Fewer than 2^32 groups: a province has hundreds of thousands.
        .map(|(unit, g)| (unit, g as u32))
        .collect();
    let per_task = groups.len();
    let mut cells = vec![Buckets::default(); tasks.len() * per_task];
    db.for_each_fact(scope, as_of, &mut |facts| {
        for fact in facts {
            let Some(&t) = task_index.get(fact.task_id) else {
                continue;
            };
            // The top of the subtree counts in its own line only, when it
            // has one: nothing above it is shown.
            if Some(fact.unit_id) == scope.within && !rank.contains_key(&fact.unit_id) {
                continue;
            }
            if let Some(&g) = first_group.get(fact.unit_id) {
                cells[t * per_task + g as usize].add(fact.status);
            }
        }
    })?;
    // Then each group's counts go to the groups above it, up to
    // `scope.within`: the deepest first (groups are in order of depth), so
    // that a group holds all of its subtree's before it hands them on.
    let parent_of: Vec<Option<usize>> = groups
        .iter()
        .map(|(id, g)| match Some(*id) == scope.within {
            true => None,
            false => g.parent_id.and_then(|p| rank.get(&p).copied()),
        })
        .collect();
    for t in 0..tasks.len() {
        let line = &mut cells[t * per_task..(t + 1) * per_task];
        for g in (0..per_task).rev() {
            if let Some(p) = parent_of[g] {
                let counted = line[g];
                line[p].merge(&counted);
            }
        }
    }
    Ok(Counts::Parent {
        tasks,
        groups,
        cells,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};
    use crate::store::{CompletionNote, Storage};

    /// The ward owes the review itself and so do its two chi bộ: its line
    /// counts the three, not only the chi bộ.
    #[test]
    fn a_group_counts_its_own_obligation() -> Result<()> {
        let mut store = son_tay(false)?;
        change(&mut store, |db| {
            let task = db.task_by_code("kd")?.expect("kd");
            for code in ["nq1", "nq2"] {
                let unit = db.unit_by_code(code)?.expect("a chi bộ");
                let owed = db.obligation(task.id, unit.id)?.expect("owed");
                db.complete(
                    owed.id,
                    day("05/12/2023"),
                    &CompletionNote {
                        recorded_by: "test",
                        ..CompletionNote::default()
                    },
                )?;
            }
            Ok(())
        })?;
        let reader = store.read();
        let db = &*reader;
        let rows = compute(db, &Scope::default(), GroupBy::Parent, day("13/12/2023"))?;
        let line = |group: &str| {
            let r = rows.iter().find(|r| r.group == group).expect(group);
            (r.done_on_time, r.done_late, r.open, r.overdue)
        };
        assert_eq!(line("nq"), (2, 0, 0, 1));
        // The town: the ward, its two chi bộ and the chi bộ cơ sở, once each.
        assert_eq!(line("st"), (2, 0, 0, 2));
        // Within the ward: its line only, itself included.
        let ward = db.unit_by_code("nq")?.expect("nq").id;
        let within = Scope {
            within: Some(ward),
            ..Scope::default()
        };
        let rows = compute(db, &within, GroupBy::Parent, day("13/12/2023"))?;
        let groups: Vec<(&str, u64)> = rows.iter().map(|r| (r.group.as_str(), r.total)).collect();
        assert_eq!(groups, [("nq", 3)]);
        Ok(())
    }
}
