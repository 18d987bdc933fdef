//! The queries behind reports. Rows are handed to a callback one at a time
//! so that a report of millions of rows never sits in memory.

use foldhash::HashMap;

use chrono::NaiveDate;
use rusqlite::ToSql;

use super::history::Internal;
use crate::domain::error::{Error, Result};

use super::tree::Tree;
use super::{SqliteDb, date_at, parse_column};
use crate::domain::obligation::ObligationRow;
use crate::domain::{DocType, Secrecy, Status, UnitKind, Urgency};
use crate::store::listing::SMALL_SUBTREE;
use crate::store::{Fact, GroupUnit, IdMap, Order, Reports, Scope, Selection};

impl Scope {
    /// No filter at all.
    fn is_everything(&self) -> bool {
        self.within.is_none()
            && self.task.is_none()
            && self.directive.is_none()
            && self.kind.is_none()
    }

    /// The `WITH` clause the filters need over `tree` (empty without any):
    /// the tree of the report's day, and the subtree of `within` in it.
    pub(super) fn with(&self, tree: Tree) -> String {
        let sub = match self.within {
            Some(_) => format!(
                "sub (id) AS (
                     SELECT :within
                     -- UNION, not UNION ALL: a unit met twice (a cycle in data
                     -- edited by hand) is not walked again.
                     UNION
                     SELECT u.id FROM {} u JOIN sub ON u.parent_id = sub.id
                 )",
                tree.table()
            ),
            None => String::new(),
        };
        tree.with(&[&sub])
    }

    /// The conditions of the filters that are given, `o` the obligation,
    /// `u` its unit, `t` its task; `:within`, `:task`, `:directive`, `:kind`
    /// are bound from the scope. Filters not given cost nothing.
    pub(super) fn condition(&self) -> String {
        let mut parts = vec!["1"];
        if self.within.is_some() {
            parts.push("o.unit_id IN (SELECT id FROM sub)");
        }
        if self.task.is_some() {
            parts.push("o.task_id = :task");
        }
        if self.directive.is_some() {
            parts.push("t.directive_id = :directive");
        }
        if self.kind.is_some() {
            parts.push("u.kind = :kind");
        }
        parts.join(" AND ")
    }

    /// The joins the conditions need when the query itself needs none.
    fn joins(&self, tree: Tree) -> String {
        let units = tree.table();
        match (self.kind.is_some(), self.directive.is_some()) {
            (false, false) => String::new(),
            (true, false) => format!("JOIN {units} u ON u.id = o.unit_id"),
            (false, true) => "JOIN task t ON t.id = o.task_id".to_string(),
            (true, true) => {
                format!("JOIN {units} u ON u.id = o.unit_id JOIN task t ON t.id = o.task_id")
            }
        }
    }
}

/// The query behind `for_each_obligation`, but for `overdue` and `upcoming`
/// on today's tree (`listing.rs`). On today's tree, units come in
/// their stored order (`unit_order`, see `order.rs`): by unit, the units are
/// walked through `unit_order_key` and each one's obligations read from
/// `obligation_unit` by due date and task, so that no row is sorted (the
/// people of one task in one unit due on one day are put in order of their
/// names by `for_each_obligation`); by due date, the rows of each day are
/// ordered by the units' keys, read from each unit and its parent (the same
/// keys `unit_order` holds). A report as of a day the
/// tree has changed since sorts by that day's names and parents. Within one
/// unit and one day, tasks come in the order they were added.
fn obligation_sql(scope: &Scope, selection: Selection, order: Order, tree: Tree) -> String {
    let status_condition = match selection {
        Selection::Overdue => OVERDUE,
        Selection::DueBy(_) => {
            "o.due_on >= :as_of AND o.due_on <= :until
             AND (o.completed_on IS NULL OR o.completed_on > :as_of)
             AND (o.cancelled_on IS NULL OR o.cancelled_on > :as_of)"
        }
        Selection::All => "1",
    };
    let units = tree.table();
    let (from, walk, order_by) = match (tree, order) {
        // CROSS JOIN: SQLite keeps the units' keys outside, then the unit, then
        // its obligations.
        (Tree::Current, Order::Unit) => (
            "unit_order r INDEXED BY unit_order_key CROSS JOIN unit u CROSS JOIN obligation o",
            match scope.within {
                // The units of the subtree, met on the walk of all in order.
                Some(_) => {
                    "u.id = r.unit_id AND o.unit_id = r.unit_id
                     AND r.unit_id IN (SELECT id FROM sub)"
                }
                None => "u.id = r.unit_id AND o.unit_id = r.unit_id",
            },
            "r.parent_key, r.parent_code, r.name_key, r.code, r.unit_id, o.due_on, o.task_id",
        ),
        // By due date the rows of each day are sorted whatever the walk: by
        // the same keys read from the unit and its parent, joined anyway for
        // their names, rather than from `unit_order` (one more lookup a row:
        // M `upcoming` 481 → 554 ms of CPU with it).
        (Tree::Current, Order::Due) => (
            "obligation o CROSS JOIN unit u",
            "u.id = o.unit_id",
            "o.due_on, p.name_key, p.code, u.name_key, u.code, u.id, o.task_id",
        ),
        (Tree::AsOf, Order::Unit) => (
            "obligation o JOIN tree u ON u.id = o.unit_id",
            "1",
            "p.name_key, p.code, u.name_key, u.code, o.due_on, o.task_id, pe.name_key",
        ),
        (Tree::AsOf, Order::Due) => (
            "obligation o JOIN tree u ON u.id = o.unit_id",
            "1",
            "o.due_on, p.name_key, p.code, u.name_key, u.code, o.task_id, pe.name_key",
        ),
    };
    let (with, condition) = (scope.with(tree), scope.condition());
    format!(
        "{with}
         SELECT u.code, u.name, u.kind, p.name, p.code, d.symbol, d.doc_type, d.number,
                t.code, t.title, o.due_on, o.completed_on, o.original_due_on,
                o.cancelled_on, o.cancelled_reason, pe.code, pe.name,
                -- Passed on by a merger from that day; an obligation given to a
                -- unit that joined later exists from its founding, unsaid.
                CASE WHEN o.passed_from IS NOT NULL THEN o.opened_on END, f.code, f.name,
                d.secrecy, d.urgency,
                -- What `for_each_obligation` orders people by within a task.
                o.unit_id, o.task_id, pe.name_key
         FROM {from}
         LEFT JOIN person pe ON pe.id = o.person_id
         LEFT JOIN {units} p ON p.id = u.parent_id
         LEFT JOIN {units} f ON f.id = o.passed_from
         JOIN task t ON t.id = o.task_id
         JOIN directive d ON d.id = t.directive_id
         WHERE {walk} AND {condition} AND {status_condition} AND {EXISTS_ON}
         ORDER BY {order_by}"
    )
}

/// `overdue --count`. Over everything, plainly open obligations come from the
/// `open_by_due` tally; those done only after the day are one range of
/// `obligation_late`, and cancelled or passed-on ones one range of
/// `obligation_unusual`. Within a scope, open on the day means never done, or
/// done only after it: each is one range of `obligation_open`.
fn count_overdue_sql(scope: &Scope, tree: Tree) -> String {
    let rest = "o.due_on < :as_of AND (o.cancelled_on IS NULL OR o.cancelled_on > :as_of)";
    if scope.is_everything() {
        return format!(
            "SELECT
               (SELECT coalesce(sum(n), 0) FROM open_by_due WHERE due_on < :as_of)
             -- Named: wide, the index looks dearer to the planner than the
             -- due-date one, which reads more of itself.
             + (SELECT count(*) FROM obligation o INDEXED BY obligation_late
                WHERE o.completed_on > :as_of AND o.completed_on > o.due_on
                  AND {rest} AND {EXISTS_ON})
             + (SELECT count(*) FROM obligation o INDEXED BY obligation_unusual
                WHERE o.completed_on IS NULL
                  AND (cancelled_on IS NOT NULL OR opened_on IS NOT NULL)
                  AND {rest} AND {EXISTS_ON})"
        );
    }
    let (with, joins, condition) = (scope.with(tree), scope.joins(tree), scope.condition());
    format!(
        "{with} SELECT
           (SELECT count(*) FROM obligation o {joins}
            WHERE {condition} AND o.completed_on IS NULL AND {rest} AND {EXISTS_ON})
         + (SELECT count(*) FROM obligation o {joins}
            WHERE {condition} AND o.completed_on > :as_of AND {rest} AND {EXISTS_ON})"
    )
}

/// Open on `:as_of` and past due: not done by then, not cancelled by then.
const OVERDUE: &str = "o.due_on < :as_of AND (o.completed_on IS NULL OR o.completed_on > :as_of)
      AND (o.cancelled_on IS NULL OR o.cancelled_on > :as_of)";
/// `Status::with_cancellation` in SQL, for counting millions of obligations
/// without reading their dates into Rust: the index of the status in
/// `STATUSES`. A test checks that both agree on every case.
const STATUS_CODE: &str = "CASE
      WHEN o.completed_on <= :as_of THEN (CASE WHEN o.completed_on <= o.due_on THEN 0 ELSE 1 END)
      WHEN o.cancelled_on <= :as_of THEN 4
      WHEN :as_of > o.due_on THEN 3
      ELSE 2 END";
const STATUSES: [Status; 5] = [
    Status::DoneOnTime,
    Status::DoneLate,
    Status::Open,
    Status::Overdue,
    Status::Cancelled,
];
/// How many facts `for_each_fact` hands over at once: a call per batch, not per row.
const FACT_BATCH: usize = 4096;
/// What `read_facts` reads of an obligation: its unit, and its task and
/// status as one number (the task id times 8, plus the status), one column
/// fewer a row.
pub(super) fn fact_columns() -> String {
    format!("o.unit_id, o.task_id * 8 + ({STATUS_CODE})")
}

/// Reads rows of `fact_columns` into batches of `FACT_BATCH` facts, each
/// full batch (and the last) handed to `sink`, which empties it or takes
/// it; stops early when `sink` says no.
pub(super) fn read_facts(
    rows: &mut rusqlite::Rows<'_>,
    kinds: &IdMap<UnitKind>,
    mut sink: impl FnMut(&mut Vec<Fact>) -> bool,
) -> Result<()> {
    let mut batch = Vec::with_capacity(FACT_BATCH);
    while let Some(row) = rows.next()? {
        let unit_id: i64 = row.get(0)?;
        let Some(&kind) = kinds.get(unit_id) else {
            return Err(Error::storage(Internal("an obligation of an unknown unit")));
        };
        let task_and_status: i64 = row.get(1)?;
        let (task_id, code) = (task_and_status >> 3, task_and_status & 7);
        let Some(&status) = usize::try_from(code).ok().and_then(|c| STATUSES.get(c)) else {
            return Err(Error::storage(Internal("an unknown status code")));
        };
        if batch.len() >= FACT_BATCH {
            if !sink(&mut batch) {
                return Ok(());
            }
            batch.reserve(FACT_BATCH);
        }
        batch.push(Fact {
            task_id,
            unit_id,
            kind,
            status,
        });
    }
    if !batch.is_empty() {
        sink(&mut batch);
    }
    Ok(())
}

/// An obligation passed to a merged unit's successor exists from the merge on.
pub(super) const EXISTS_ON: &str = "(o.opened_on IS NULL OR o.opened_on <= :as_of)";
impl Reports for SqliteDb<'_> {
    /// Calls `each` with every obligation in `scope` that `selection` keeps,
    /// as of `as_of`, in `order`.
    fn for_each_obligation(
        &self,
        scope: &Scope,
        selection: Selection,
        as_of: NaiveDate,
        order: Order,
        each: &mut dyn FnMut(&mut ObligationRow) -> Result<()>,
    ) -> Result<()> {
        // `overdue` and `upcoming` on today's tree: one pass of an index,
        // put in order by the reader (`listing.rs`); within a small subtree,
        // its units walked in order cost less than reading every unit's name
        // (L: 32 ms against 280 ms for a đảng bộ of a dozen chi bộ).
        if selection != Selection::All
            && self.tree(as_of)? == Tree::Current
            && !self.small_subtree(scope)?
        {
            return super::listing::list(self, scope, selection, as_of, order, each);
        }
        // By due date, each row's unit and parent are looked up in no
        // order: a page cache of 8 MiB (SQLite's default: 2,000 KiB) keeps
        // 25,000 units (4 MB) in memory rather than reading their pages
        // again from the file (M `upcoming`: about a tenth less CPU). Only
        // here: a walk in order reads each page once, and a larger cache
        // only costs it memory.
        if order == Order::Due {
            let before: i64 = self
                .conn
                .pragma_query_value(None, "cache_size", |row| row.get(0))?;
            self.conn
                .pragma_update(None, "cache_size", -DUE_CACHE_KIB)?;
            let listed = self.obligations(scope, selection, as_of, order, each);
            self.conn.pragma_update(None, "cache_size", before)?;
            return listed;
        }
        self.obligations(scope, selection, as_of, order, each)
    }

    /// How many obligations in `scope` are overdue on `as_of`.
    fn count_overdue(&self, scope: &Scope, as_of: NaiveDate) -> Result<usize> {
        let tree = match scope.within.is_some() || scope.kind.is_some() {
            true => self.tree(as_of)?,
            false => Tree::Current,
        };
        let sql = count_overdue_sql(scope, tree);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut params = scope_params(scope);
        params.push((":as_of", Box::new(as_of)));
        let refs = bind(&params, &sql);
        let n: i64 = stmt.query_row(refs.as_slice(), |row| row.get(0))?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    /// Calls `each` with the status of every obligation in `scope` as of
    /// `as_of`, for counting.
    fn for_each_fact(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        each: &mut dyn FnMut(&[Fact]),
    ) -> Result<()> {
        let tree = self.tree(as_of)?;
        // Each unit's kind (that day's) is read once, not joined to every
        // obligation.
        let sql = format!("{} SELECT id, kind FROM {}", tree.with(&[]), tree.table());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let kinds: IdMap<UnitKind> = stmt
            .query_map(
                bind(&[(":as_of", Box::new(as_of))], &sql).as_slice(),
                |row| {
                    let kind = parse_column(row.get_ref(1)?.as_str()?, UnitKind::from_slug, 1)?;
                    Ok((row.get(0)?, kind))
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        // Everything, in a large file: on two cores (`facts.rs`).
        if scope.is_everything() && super::facts::on_two_cores(self, as_of, &kinds, each)? {
            return Ok(());
        }
        let (with, joins, condition) = (scope.with(tree), scope.joins(tree), scope.condition());
        // Everything: `obligation_open` holds every column counted (version
        // 13) in fewer pages than the table (L: 0.90 → 0.82 s of CPU for
        // `progress`); read by unit from `obligation_unit`, the same rows
        // cost more to count.
        let every = match scope.is_everything() {
            true => "INDEXED BY obligation_open",
            false => "",
        };
        let columns = fact_columns();
        let sql = format!(
            "{with}
             SELECT {columns}
             FROM obligation o {every} {joins}
             WHERE {condition} AND {EXISTS_ON}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut params = scope_params(scope);
        params.push((":as_of", Box::new(as_of)));
        let refs = bind(&params, &sql);
        let mut rows = stmt.query(refs.as_slice())?;
        read_facts(&mut rows, &kinds, |batch| {
            each(batch);
            batch.clear();
            true
        })
    }

    /// The units that have units under them on `as_of`, by id: the groups
    /// of a progress report rolled up the tree, with each one's parent.
    fn parent_units(&self, as_of: NaiveDate) -> Result<HashMap<i64, GroupUnit>> {
        let tree = self.tree(as_of)?;
        let units = tree.table();
        let sql = format!(
            "{} SELECT id, code, name, parent_id, name_key FROM {units} u
             WHERE u.id IN (SELECT parent_id FROM {units} WHERE parent_id IS NOT NULL)",
            tree.with(&[])
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let day: [Param; 1] = [(":as_of", Box::new(as_of))];
        let rows = stmt.query_map(bind(&day, &sql).as_slice(), |row| {
            Ok((
                row.get::<_, i64>(0)?,
                GroupUnit {
                    code: row.get(1)?,
                    name: row.get(2)?,
                    parent_id: row.get(3)?,
                    name_key: row.get(4)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The parent of every unit that has one on `as_of`.
    fn unit_parents(&self, as_of: NaiveDate) -> Result<Vec<(i64, i64)>> {
        let tree = self.tree(as_of)?;
        let sql = format!(
            "{} SELECT id, parent_id FROM {} WHERE parent_id IS NOT NULL",
            tree.with(&[]),
            tree.table()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let day: [Param; 1] = [(":as_of", Box::new(as_of))];
        let rows = stmt.query_map(bind(&day, &sql).as_slice(), |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every obligation in `scope` as of `as_of`, with what was recorded
    /// of it (`results.rs`).
    fn for_each_result(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        each: &mut dyn FnMut(crate::domain::obligation::ObligationResult) -> Result<()>,
    ) -> Result<()> {
        super::results::for_each_result(self, scope, as_of, each)
    }
}

/// SQLite's page cache while listing by due date, in KiB.
const DUE_CACHE_KIB: i64 = 8192;

impl SqliteDb<'_> {
    /// Whether `scope` is within a subtree of at most `SMALL_SUBTREE` units
    /// (counted no further than that).
    fn small_subtree(&self, scope: &Scope) -> Result<bool> {
        let Some(within) = scope.within else {
            return Ok(false);
        };
        let units: i64 = self
            .conn
            .prepare_cached(
                "WITH RECURSIVE sub (id) AS (
                     SELECT ?1 UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id
                     LIMIT ?2
                 )
                 SELECT count(*) FROM sub",
            )?
            .query_row([within, SMALL_SUBTREE + 1], |row| row.get(0))?;
        Ok(units <= SMALL_SUBTREE)
    }

    /// `for_each_obligation`, with the page cache as it is.
    fn obligations(
        &self,
        scope: &Scope,
        selection: Selection,
        as_of: NaiveDate,
        order: Order,
        each: &mut dyn FnMut(&mut ObligationRow) -> Result<()>,
    ) -> Result<()> {
        let sql = obligation_sql(scope, selection, order, self.tree(as_of)?);
        let until = match selection {
            Selection::DueBy(until) => Some(until),
            _ => None,
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut params = scope_params(scope);
        params.push((":as_of", Box::new(as_of)));
        params.push((":until", Box::new(until)));
        let refs = bind(&params, &sql);
        let mut rows = stmt.query(refs.as_slice())?;
        // The rows of one unit, task and due day come together; a task for
        // people has one each, put here in the order of the people's names
        // (none first) rather than by a sort of every row in SQL.
        let mut group: Vec<(Option<Vec<u8>>, ObligationRow)> = Vec::new();
        let mut group_of = (0_i64, 0_i64, NaiveDate::MIN);
        let mut flush = |group: &mut Vec<(Option<Vec<u8>>, ObligationRow)>| -> Result<()> {
            group.sort_by(|a, b| a.0.cmp(&b.0));
            group.drain(..).try_for_each(|(_, mut row)| each(&mut row))
        };
        while let Some(row) = rows.next()? {
            let obligation = obligation_row(row, as_of)?;
            let of = (row.get(22)?, row.get(23)?, obligation.due_on);
            if of != group_of {
                flush(&mut group)?;
                group_of = of;
            }
            let person: Option<Vec<u8>> = row.get(24)?;
            group.push((person, obligation));
        }
        flush(&mut group)
    }
}

/// One row of the obligation query, as of the report's day.
pub(super) fn obligation_row(
    row: &rusqlite::Row<'_>,
    as_of: NaiveDate,
) -> rusqlite::Result<ObligationRow> {
    {
        {
            // Slugs are read in place, not copied: millions of rows.
            let text = |i: usize| -> rusqlite::Result<&str> {
                row.get_ref(i)?.as_str().map_err(rusqlite::Error::from)
            };
            let mark = |i: usize| -> rusqlite::Result<Option<&str>> {
                row.get_ref(i)?
                    .as_str_or_null()
                    .map_err(rusqlite::Error::from)
            };
            let symbol: Option<String> = row.get(5)?;
            let due_on = match date_at(row, 10)? {
                Some(day) => day,
                None => row.get(10)?,
            };
            let completed_on = date_at(row, 11)?;
            let obligation = ObligationRow {
                unit_code: row.get(0)?,
                unit: row.get(1)?,
                unit_kind: parse_column(text(2)?, UnitKind::from_slug, 2)?,
                parent: row.get(3)?,
                parent_code: row.get(4)?,
                directive: match symbol {
                    Some(symbol) => symbol,
                    None => parse_column(text(6)?, DocType::from_slug, 6)?.citation(text(7)?),
                },
                task: row.get(8)?,
                task_title: row.get(9)?,
                due_on,
                completed_on,
                status: Status::Open,
                days_overdue: 0,
                days_left: 0,
                original_due_on: date_at(row, 12)?,
                cancelled_reason: row.get(14)?,
                person: row.get(15)?,
                person_name: row.get(16)?,
                passed_from: row.get(18)?,
                passed_from_name: row.get(19)?,
                passed_on: date_at(row, 17)?,
                secrecy: mark(20)?
                    .map(|m| parse_column(m, Secrecy::from_slug, 20))
                    .transpose()?,
                urgency: mark(21)?
                    .map(|m| parse_column(m, Urgency::from_slug, 21))
                    .transpose()?,
            };
            let cancelled_on = date_at(row, 13)?;
            Ok(obligation.as_of(due_on, completed_on, cancelled_on, as_of))
        }
    }
}

pub(super) type Param = (&'static str, Box<dyn ToSql>);

pub(super) fn scope_params(scope: &Scope) -> Vec<Param> {
    vec![
        (":within", Box::new(scope.within)),
        (":task", Box::new(scope.task)),
        (":directive", Box::new(scope.directive)),
        (":kind", Box::new(scope.kind.map(UnitKind::slug))),
    ]
}

/// The parameters that `sql` names (SQLite refuses a name it does not use).
pub(super) fn bind<'p>(params: &'p [Param], sql: &str) -> Vec<(&'p str, &'p dyn ToSql)> {
    params
        .iter()
        .filter(|(name, _)| sql.contains(name))
        .map(|(name, value)| (*name, value.as_ref()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SqliteStore as Store;

    /// The plan SQLite chooses for a report query.
    fn plan(sql: &str) -> Result<String> {
        let store = Store::open_in_memory()?;
        let db = &store.conn;
        let mut params = scope_params(&Scope {
            directive: Some(1),
            task: Some(1),
            within: Some(1),
            kind: Some(UnitKind::ChiBoCoSo),
        });
        params.push((":as_of", Box::new("2024-07-01")));
        params.push((":until", Box::new("2024-07-31")));
        let mut stmt = db.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map(bind(&params, sql).as_slice(), |row| row.get::<_, String>(3))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?.join("\n"))
    }

    /// The status SQL counts with is the status Rust reports, on every case.
    #[test]
    fn status_in_sql_agrees_with_the_domain() -> anyhow::Result<()> {
        let store = Store::open_in_memory()?;
        let db = &store.conn;
        let day = |d| NaiveDate::from_ymd_opt(2023, 12, d).expect("a day");
        let days = [None, Some(day(5)), Some(day(6)), Some(day(7))];
        let sql = format!(
            "SELECT {STATUS_CODE} FROM (SELECT :due AS due_on, :done AS completed_on,
                 :cancelled AS cancelled_on) o"
        );
        let mut checked = 0;
        for as_of in [day(5), day(6), day(7)] {
            for done in days {
                for cancelled in days {
                    let due = day(6);
                    let code: i64 = db.query_row(
                        &sql,
                        rusqlite::named_params! {
                            ":due": due, ":done": done, ":cancelled": cancelled, ":as_of": as_of,
                        },
                        |row| row.get(0),
                    )?;
                    let expected = Status::with_cancellation(due, done, cancelled, as_of);
                    assert_eq!(
                        STATUSES[usize::try_from(code)?],
                        expected,
                        "{as_of} {done:?} {cancelled:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 48);
        Ok(())
    }

    /// On today's tree, `agenda` and `results` read their rows in the
    /// clerk's order out of indexes, whatever the filters: no temporary
    /// B-tree sorts them all. `overdue` and `upcoming` read theirs from two
    /// ranges of `obligation_open` (`overdue`'s second of `obligation_late`)
    /// alone, with no other table and no sort in SQL (`listing.rs` puts them
    /// in order).
    #[test]
    fn report_rows_come_in_order_without_a_sort() -> anyhow::Result<()> {
        let none = Scope::default();
        let scopes = [
            none,
            Scope {
                within: Some(1),
                ..none
            },
            Scope {
                kind: Some(UnitKind::ChiBoCoSo),
                ..none
            },
            Scope {
                task: Some(1),
                ..none
            },
            Scope {
                directive: Some(1),
                ..none
            },
            Scope {
                directive: Some(1),
                task: Some(1),
                within: Some(1),
                kind: Some(UnitKind::ChiBoCoSo),
            },
        ];
        let mut checked = 0;
        for scope in scopes {
            // agenda (a unit's subtree), or a whole tree
            let sql = obligation_sql(&scope, Selection::All, Order::Unit, Tree::Current);
            let walk = plan(&sql)?;
            assert!(!walk.contains("SCAN o"), "{walk}");
            assert!(!walk.contains("TEMP B-TREE"), "{sql}\n{walk}");
            checked += 1;
            for selection in [Selection::Overdue, Selection::DueBy(NaiveDate::MIN)] {
                for done in [false, true] {
                    let sql = super::super::listing::pending_sql(&scope, selection, done);
                    let plan = plan(&sql)?;
                    let read = match (done, selection) {
                        (true, Selection::Overdue) => "obligation_late (completed_on>?)",
                        (true, _) => "obligation_open (completed_on>?)",
                        (false, Selection::Overdue) => {
                            "obligation_open (completed_on=? AND due_on<?)"
                        }
                        (false, _) => "obligation_open (completed_on=? AND due_on>? AND due_on<?)",
                    };
                    let read = format!("SEARCH o USING COVERING INDEX {read}");
                    assert!(plan.contains(&read), "{sql}\n{plan}");
                    assert!(!plan.contains("SCAN o"), "{plan}");
                    assert!(!plan.contains("TEMP B-TREE"), "{sql}\n{plan}");
                    // Nothing joined to each row: names are read once each.
                    for table in ["SEARCH d ", "person", "unit_order", "obligation_unit"] {
                        assert!(!plan.contains(table), "{plan}");
                    }
                    checked += 1;
                }
            }
            if scope.task.is_some() {
                let plan = plan(&super::super::results::result_sql(&scope, Tree::Current))?;
                assert!(!plan.contains("USE TEMP B-TREE FOR ORDER BY"), "{plan}");
                checked += 1;
            }
        }
        assert_eq!(checked, 32);
        // The test can fail: the order of a day the tree has changed since
        // is sorted.
        let past = plan(&obligation_sql(
            &none,
            Selection::Overdue,
            Order::Unit,
            Tree::AsOf,
        ))?;
        assert!(past.contains("USE TEMP B-TREE FOR ORDER BY"), "{past}");
        Ok(())
    }

    /// Overdue and upcoming as of a day the tree has changed since read
    /// obligations through the due-date index, and counting what is overdue
    /// through the open one, never by scanning the whole table.
    #[test]
    fn report_queries_use_the_due_date_index() -> anyhow::Result<()> {
        let all = Scope::default();
        let narrow = Scope {
            directive: Some(1),
            task: Some(1),
            within: Some(1),
            kind: Some(UnitKind::ChiBoCoSo),
        };
        // Over the tree of a day before changes (today's tree: `listing.rs`),
        // and the count over either.
        for (scope, tree) in [all, narrow]
            .into_iter()
            .flat_map(|s| [(s, Tree::Current), (s, Tree::AsOf)])
        {
            let mut queries = vec![count_overdue_sql(&scope, tree)];
            if tree == Tree::AsOf {
                queries.push(obligation_sql(
                    &scope,
                    Selection::Overdue,
                    Order::Unit,
                    tree,
                ));
                queries.push(obligation_sql(
                    &scope,
                    Selection::DueBy(NaiveDate::MIN),
                    Order::Due,
                    tree,
                ));
            }
            for sql in queries {
                let plan = plan(&sql)?;
                assert!(!plan.contains("SCAN o"), "{plan}");
                if scope.within.is_none() {
                    assert!(plan.contains("SEARCH o USING"), "{plan}");
                    assert!(
                        plan.contains("INDEX obligation_due")
                            || plan.contains("INDEX obligation_open")
                            || plan.contains("INDEX obligation_late")
                            || plan.contains("INDEX obligation_unit (unit_id=? AND due_on<?)"),
                        "{plan}"
                    );
                }
            }
        }
        // Counting all that is overdue sums the tally, then reads two short
        // ranges of indexes alone.
        let scoped = plan(&count_overdue_sql(
            &Scope {
                task: Some(1),
                ..Scope::default()
            },
            Tree::Current,
        ))?;
        let plan = plan(&count_overdue_sql(&all, Tree::Current))?;
        assert!(
            plan.contains("SEARCH open_by_due USING PRIMARY KEY (due_on<?)"),
            "{plan}"
        );
        assert!(
            plan.contains("COVERING INDEX obligation_late (completed_on>?)"),
            "{plan}"
        );
        assert!(
            plan.contains("COVERING INDEX obligation_unusual (due_on<?)"),
            "{plan}"
        );
        // Within a scope, two ranges of one index.
        assert!(
            scoped.contains("obligation_open (completed_on=? AND due_on<?)"),
            "{scoped}"
        );
        Ok(())
    }
}
