//! `overdue` and `upcoming` on today's tree, put in order by the reader, for
//! both stores (`sqlite/listing.rs`, `postgres/listing.rs` read the rows).
//!
//! A store reads each unit's place in the order of the tree from one scan of
//! the units' stored order (`unit_order_key`), the names of units, tasks and
//! people once each, and the obligations a report lists, small (ids and
//! days), from the index that holds them; here they are sorted by those
//! numbers, not by collation keys, and the names put in at the end.

use chrono::{Datelike, NaiveDate};
use foldhash::HashMap;

use crate::domain::error::{Error, Result};
use crate::domain::obligation::ObligationRow;
use crate::domain::{Secrecy, UnitKind, Urgency};
use crate::store::{IdMap, Order, Scope, Selection};

/// Up to this many units, a subtree's obligations are read by walking its
/// units in order (SQLite) or with the units joined and sorted (PostgreSQL)
/// rather than here (about 10 µs a unit against a quarter of a second for
/// 300,000 units' names).
pub(crate) const SMALL_SUBTREE: i64 = 20_000;

/// Up to this many rows (a megabyte and a half), `put_in_order` counts them
/// into place rather than sorting them.
const COUNTED_ROWS: usize = 1 << 16;

/// No such thing: no extra fields, no parent, no person.
const NONE: u32 = u32::MAX;

/// A state of the stored data that should never be: a bug, said as one.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Broken(&'static str);

fn broken(what: &'static str) -> Error {
    Error::storage(Broken(what))
}

/// One obligation to list, small: a report can hold a million of them.
#[derive(Debug, Clone, Copy)]
struct Pending {
    /// The unit's place in the order of the tree.
    rank: u32,
    due_on: NaiveDate,
    /// The task's place among the tasks by id (the order they were added).
    task: u32,
    /// 0 for the unit's own; else 1 + the person's place in the order of
    /// people's names.
    person: u32,
    completed_on: Option<NaiveDate>,
    /// Index into the extras, or `NONE`.
    extra: u32,
}

/// What few obligations have: set aside so that the others stay small.
#[derive(Debug, Default)]
pub(crate) struct Extra {
    pub original_due_on: Option<NaiveDate>,
    pub cancelled_on: Option<NaiveDate>,
    pub cancelled_reason: Option<String>,
    pub person_id: Option<i64>,
    pub passed_from: Option<i64>,
    pub passed_on: Option<NaiveDate>,
}

/// A task as the rows show it.
pub(crate) struct TaskLabel {
    pub code: String,
    pub title: String,
    /// The directive's symbol, else its citation.
    pub directive: String,
    pub secrecy: Option<Secrecy>,
    pub urgency: Option<Urgency>,
}

/// The tasks, each with its place in the order they were added.
#[derive(Default)]
pub(crate) struct Tasks {
    index: HashMap<i64, u32>,
    labels: Vec<TaskLabel>,
}

impl Tasks {
    /// The next task by id.
    pub fn push(&mut self, id: i64, label: TaskLabel) -> Result<()> {
        let at = u32::try_from(self.labels.len())
            .map_err(|_| broken("more tasks than a report can list"))?;
        self.index.insert(id, at);
        self.labels.push(label);
        Ok(())
    }
}

/// A unit as the rows show it: its code and name in `Units::text`.
#[derive(Debug, Clone, Copy)]
struct UnitLabel {
    start: u32,
    code_end: u32,
    name_end: u32,
    /// The parent's place in the order, or `NONE`.
    parent: u32,
    kind: UnitKind,
}

/// Every unit by its place in the order of the tree, with the ids of units.
pub(crate) struct Units {
    rank: IdMap<u32>,
    labels: Vec<UnitLabel>,
    /// Codes and names, one after another.
    text: String,
    /// How many units were given their label.
    seen: u32,
}

impl Units {
    /// The ids of every unit in the stored order of the tree.
    pub fn in_order(ids: Vec<i64>) -> Result<Units> {
        let count = u32::try_from(ids.len())
            .ok()
            .filter(|&n| n < NONE)
            .ok_or_else(|| broken("more units than a report can order"))?;
        let rank: IdMap<u32> = ids.into_iter().zip(0..count).collect();
        let blank = UnitLabel {
            start: 0,
            code_end: 0,
            name_end: 0,
            parent: NONE,
            kind: UnitKind::ChiBoTrucThuoc,
        };
        Ok(Units {
            rank,
            labels: vec![blank; count as usize],
            text: String::new(),
            seen: 0,
        })
    }

    /// A unit's code, name, kind and parent, each unit once.
    pub fn label(
        &mut self,
        id: i64,
        code: &str,
        name: &str,
        kind: UnitKind,
        parent: Option<i64>,
    ) -> Result<()> {
        let at = self.rank_of(id)?;
        let parent = match parent {
            Some(id) => self.rank_of(id)?,
            None => NONE,
        };
        let start = self.offset()?;
        self.text.push_str(code);
        let code_end = self.offset()?;
        self.text.push_str(name);
        self.labels[at as usize] = UnitLabel {
            start,
            code_end,
            name_end: self.offset()?,
            parent,
            kind,
        };
        self.seen += 1;
        Ok(())
    }

    /// Every unit of the order labelled, and no other.
    pub fn check(&self) -> Result<()> {
        match self.seen as usize == self.labels.len() {
            true => Ok(()),
            false => Err(broken("the stored order of the units is not the units")),
        }
    }

    fn rank_of(&self, id: i64) -> Result<u32> {
        self.rank
            .get(id)
            .copied()
            .ok_or_else(|| broken("a unit missing from the stored order of the units"))
    }

    fn offset(&self) -> Result<u32> {
        u32::try_from(self.text.len()).map_err(|_| broken("the units' names are too long to list"))
    }

    fn code(&self, rank: u32) -> &str {
        let l = &self.labels[rank as usize];
        &self.text[l.start as usize..l.code_end as usize]
    }

    fn name(&self, rank: u32) -> &str {
        let l = &self.labels[rank as usize];
        &self.text[l.code_end as usize..l.name_end as usize]
    }
}

/// People by id, in the order of their names: (place, code, name).
#[derive(Default)]
pub(crate) struct People(HashMap<i64, (u32, String, String)>);

impl People {
    /// Every person as (name key, id, code, name), in any order.
    pub fn new(mut all: Vec<(Option<Vec<u8>>, i64, String, String)>) -> People {
        all.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        People(
            all.into_iter()
                .zip(1..)
                .map(|((_, id, code, name), at)| (id, (at, code, name)))
                .collect(),
        )
    }
}

/// The obligations of a report, gathered, then handed over in order.
pub(crate) struct Listing {
    units: Units,
    tasks: Tasks,
    pending: Vec<Pending>,
    extras: Vec<Extra>,
}

impl Listing {
    pub fn new(units: Units, tasks: Tasks) -> Listing {
        Listing {
            units,
            tasks,
            pending: Vec::new(),
            extras: Vec::new(),
        }
    }

    /// One obligation to list; `extra` when it has any of the rarer fields.
    pub fn push(
        &mut self,
        unit_id: i64,
        task_id: i64,
        due_on: NaiveDate,
        completed_on: Option<NaiveDate>,
        extra: Option<Extra>,
    ) -> Result<()> {
        let Some(&task) = self.tasks.index.get(&task_id) else {
            return Err(broken("an obligation of an unknown task"));
        };
        let extra = match extra {
            None => NONE,
            Some(extra) => {
                self.extras.push(extra);
                u32::try_from(self.extras.len() - 1)
                    .ok()
                    .filter(|&i| i < NONE)
                    .ok_or_else(|| broken("too many rows to list"))?
            }
        };
        self.pending.push(Pending {
            rank: self.units.rank_of(unit_id)?,
            due_on,
            task,
            person: 0,
            completed_on,
            extra,
        });
        Ok(())
    }

    /// Whether any row names a person (then `finish` needs the people).
    pub fn needs_people(&self) -> bool {
        self.extras.iter().any(|e| e.person_id.is_some())
    }

    /// The rows in `order`, as of `as_of`, each handed to `each`.
    pub fn finish(
        mut self,
        people: &People,
        order: Order,
        as_of: NaiveDate,
        each: &mut dyn FnMut(&mut ObligationRow) -> Result<()>,
    ) -> Result<()> {
        let people = &people.0;
        if !people.is_empty() {
            for p in self.pending.iter_mut().filter(|p| p.extra != NONE) {
                if let Some(id) = self.extras[p.extra as usize].person_id {
                    p.person = people.get(&id).map_or(NONE, |(at, _, _)| *at);
                }
            }
        }
        put_in_order(&mut self.pending, self.units.labels.len(), order);
        let (units, tasks, extras) = (&self.units, &self.tasks.labels, &self.extras);
        let no_extra = Extra::default();
        // One row, filled again for each obligation: its text is copied
        // into the room the last one left, not allocated anew.
        let mut row = ObligationRow::blank(as_of);
        for p in self.pending {
            let extra = match p.extra {
                NONE => &no_extra,
                i => &extras[i as usize],
            };
            let label = &units.labels[p.rank as usize];
            let parent = (label.parent != NONE).then_some(label.parent);
            let task = &tasks[p.task as usize];
            let person = extra.person_id.and_then(|id| people.get(&id));
            let passed_from = extra.passed_from.map(|id| units.rank_of(id)).transpose()?;
            set(&mut row.unit_code, units.code(p.rank));
            set(&mut row.unit, units.name(p.rank));
            row.unit_kind = label.kind;
            set_some(&mut row.parent, parent.map(|r| units.name(r)));
            set_some(&mut row.parent_code, parent.map(|r| units.code(r)));
            set(&mut row.directive, &task.directive);
            set(&mut row.task, &task.code);
            set(&mut row.task_title, &task.title);
            row.original_due_on = extra.original_due_on;
            set_some(&mut row.cancelled_reason, extra.cancelled_reason.as_deref());
            set_some(&mut row.person, person.map(|(_, code, _)| code.as_str()));
            set_some(
                &mut row.person_name,
                person.map(|(_, _, name)| name.as_str()),
            );
            set_some(&mut row.passed_from, passed_from.map(|r| units.code(r)));
            set_some(
                &mut row.passed_from_name,
                passed_from.map(|r| units.name(r)),
            );
            row.passed_on = extra.passed_on;
            row.secrecy = task.secrecy;
            row.urgency = task.urgency;
            row.set_as_of(p.due_on, p.completed_on, extra.cancelled_on, as_of);
            each(&mut row)?;
        }
        Ok(())
    }
}

/// `pending` in `order`: by the unit's place in the tree, then day, task and
/// person (`Order::Unit`), or by day first (`Order::Due`); within one unit,
/// task and day, the unit's own first, then people by name. The places and
/// the days are small numbers: the rows are counted into them and moved
/// once each, in place, rather than compared; only the rows of one unit (or
/// one day) are sorted among themselves. That is while the rows fit in the
/// processor's cache (`COUNTED_ROWS`): beyond, each move is a miss, and a
/// sort's passes over memory in order are faster (L `overdue`, 1.5 million
/// rows: 0.95 s sorted, 1.10 s counted).
fn put_in_order(pending: &mut [Pending], units: usize, order: Order) {
    if pending.len() < 2 {
        return;
    }
    if pending.len() > COUNTED_ROWS {
        match order {
            Order::Unit => pending.sort_unstable_by_key(|p| (p.rank, p.due_on, p.task, p.person)),
            Order::Due => pending.sort_unstable_by_key(|p| (p.due_on, p.rank, p.task, p.person)),
        }
        return;
    }
    match order {
        Order::Unit => {
            by_bucket(pending, units, |p| p.rank as usize);
            for same in pending.chunk_by_mut(|a, b| a.rank == b.rank) {
                if same.len() > 1 {
                    same.sort_unstable_by_key(|p| (p.due_on, p.task, p.person));
                }
            }
        }
        Order::Due => {
            let day = |p: &Pending| i64::from(p.due_on.num_days_from_ce());
            let first = pending.iter().map(day).min().unwrap_or_default();
            let last = pending.iter().map(day).max().unwrap_or_default();
            let span = usize::try_from(last - first).unwrap_or(usize::MAX);
            if span > pending.len().saturating_mul(4).saturating_add(4096) {
                // Days far apart (a hand-edited file): compared instead.
                pending.sort_unstable_by_key(|p| (p.due_on, p.rank, p.task, p.person));
                return;
            }
            by_bucket(pending, span + 1, |p| (day(p) - first) as usize);
            for same in pending.chunk_by_mut(|a, b| a.due_on == b.due_on) {
                if same.len() > 1 {
                    same.sort_unstable_by_key(|p| (p.rank, p.task, p.person));
                }
            }
        }
    }
}

/// `items` grouped by `bucket` (below `buckets`), in the order of the
/// buckets, in place: each row is moved once, straight to its bucket (the
/// rows of one bucket in no set order).
fn by_bucket(items: &mut [Pending], buckets: usize, bucket: impl Fn(&Pending) -> usize) {
    let mut next = vec![0_usize; buckets];
    for p in items.iter() {
        next[bucket(p)] += 1;
    }
    let mut end = Vec::with_capacity(buckets);
    let mut sum = 0;
    for count in next.iter_mut() {
        let start = sum;
        sum += *count;
        end.push(sum);
        *count = start;
    }
    for b in 0..buckets {
        while next[b] < end[b] {
            let mut p = items[next[b]];
            let mut k = bucket(&p);
            while k != b {
                std::mem::swap(&mut p, &mut items[next[k]]);
                next[k] += 1;
                k = bucket(&p);
            }
            items[next[b]] = p;
            next[b] += 1;
        }
    }
}

/// `text` in place of what `to` held, in the room it had.
fn set(to: &mut String, text: &str) {
    to.clear();
    to.push_str(text);
}

/// As `set`, for a field that may be absent.
fn set_some(to: &mut Option<String>, text: Option<&str>) {
    match (to.as_mut(), text) {
        (Some(to), Some(text)) => set(to, text),
        (_, text) => *to = text.map(str::to_string),
    }
}

/// The query of one of the two ranges the listing reads: never done
/// (`done` false) from `obligation_open`, or done only after the report's
/// day, from `obligation_late` for `overdue`, else `obligation_open`.
/// `with`: the scope's `WITH` clause; `from`: the table as the store names
/// its index; `exists_on`: the store's test that a unit exists on the day.
pub(crate) fn pending_sql(
    scope: &Scope,
    selection: Selection,
    done: bool,
    with: &str,
    from: &str,
    exists_on: &str,
) -> String {
    let done = match (done, selection) {
        (false, _) => "o.completed_on IS NULL",
        // Due before the day and done after it is done late: the range of
        // `obligation_late`, whose rows are those the term names.
        (true, Selection::Overdue) => "o.completed_on > :as_of AND o.completed_on > o.due_on",
        (true, _) => "o.completed_on > :as_of",
    };
    let due = match selection {
        Selection::DueBy(_) => "o.due_on >= :as_of AND o.due_on <= :until",
        _ => "o.due_on < :as_of",
    };
    // The filters on the obligation alone: no join, so that the plan stays
    // one pass of the index.
    let mut filters = vec![""];
    if scope.within.is_some() {
        filters.push("AND o.unit_id IN (SELECT id FROM sub)");
    }
    if scope.task.is_some() {
        filters.push("AND o.task_id = :task");
    }
    if scope.directive.is_some() {
        filters.push("AND o.task_id IN (SELECT id FROM task WHERE directive_id = :directive)");
    }
    if scope.kind.is_some() {
        filters.push("AND o.unit_id IN (SELECT id FROM unit WHERE kind = :kind)");
    }
    format!(
        "{with}
         SELECT o.unit_id, o.task_id, o.due_on, o.completed_on,
                -- Whether any of the rest is there: most often not, and then
                -- it is not read.
                o.original_due_on IS NULL AND o.cancelled_on IS NULL
                    AND o.cancelled_reason IS NULL AND o.person_id IS NULL
                    AND o.passed_from IS NULL,
                o.original_due_on, o.cancelled_on, o.cancelled_reason, o.person_id,
                o.passed_from, CASE WHEN o.passed_from IS NOT NULL THEN o.opened_on END
         FROM {from}
         WHERE {done} AND {due} AND (o.cancelled_on IS NULL OR o.cancelled_on > :as_of)
           AND {exists_on} {filters}",
        filters = filters.join(" "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pending() -> impl Strategy<Value = Vec<Pending>> {
        // Few units, tasks and days, so that rows share them; now and then a
        // day far from the others.
        let one = (0..12_u32, 0..40_i32, any::<bool>(), 0..3_u32, 0..4_u32).prop_map(
            |(rank, day, far, task, person)| Pending {
                rank,
                due_on: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
                    + chrono::Days::new(day as u64 + if far && day == 0 { 400_000 } else { 0 }),
                task,
                person,
                completed_on: None,
                extra: NONE,
            },
        );
        prop::collection::vec(one, 0..200)
    }

    proptest! {
        /// The rows come in the order a sort by the whole key gives.
        #[test]
        fn counted_into_place_as_sorted(rows in pending()) {
            // Both orders as one key: the day's number first or second.
            let key = |order: Order, p: &Pending| {
                let day = i64::from(p.due_on.num_days_from_ce());
                match order {
                    Order::Unit => (i64::from(p.rank), day, p.task, p.person),
                    Order::Due => (day, i64::from(p.rank), p.task, p.person),
                }
            };
            for order in [Order::Unit, Order::Due] {
                let mut ours = rows.clone();
                put_in_order(&mut ours, 12, order);
                let mut sorted = rows.clone();
                sorted.sort_by_key(|p| key(order, p));
                prop_assert_eq!(
                    ours.iter().map(|p| key(order, p)).collect::<Vec<_>>(),
                    sorted.iter().map(|p| key(order, p)).collect::<Vec<_>>()
                );
            }
        }
    }
}
