//! The queries behind reports, on PostgreSQL (see `sqlite/reports.rs`): the
//! same SQL, with the day of the tree inlined (`tree.rs`), `TRUE` for `1`,
//! and `NULLS FIRST` wherever SQLite sorts a NULL (its order: NULL before
//! anything). Rows are handed to a callback one at a time.

use chrono::NaiveDate;
use foldhash::HashMap;
use postgres::Row;
use postgres::types::ToSql;

use super::tree::Tree;
use super::{PgDb, date_at, day_at, iso, parse_column};
use crate::domain::error::{Error, Result};
use crate::domain::obligation::ObligationRow;
use crate::domain::{DocType, Secrecy, Status, UnitKind, Urgency};
use crate::store::listing::SMALL_SUBTREE;
use crate::store::{Fact, GroupUnit, IdMap, Order, Reports, Scope, Selection};

/// A value bound to a named placeholder (`:as_of`) of a query.
pub(super) type Named = (&'static str, Box<dyn ToSql + Sync>);

/// The SQL with its named placeholders numbered (`$1`, …) in the order of
/// `values`, and the values it uses (PostgreSQL refuses a parameter whose
/// type it cannot tell, as an unused one). No name is the start of another.
pub(super) fn numbered(sql: &str, values: Vec<Named>) -> (String, Vec<Box<dyn ToSql + Sync>>) {
    let mut sql = sql.to_string();
    let mut used = Vec::new();
    for (name, value) in values {
        if sql.contains(name) {
            used.push(value);
            sql = sql.replace(name, &format!("${}", used.len()));
        }
    }
    (sql, used)
}

/// The parameters as the query helpers take them.
pub(super) fn refs(values: &[Box<dyn ToSql + Sync>]) -> Vec<&(dyn ToSql + Sync)> {
    values.iter().map(|v| v.as_ref()).collect()
}

/// The values of a scope's placeholders.
pub(super) fn scope_params(scope: &Scope) -> Vec<Named> {
    vec![
        (":within", Box::new(scope.within)),
        (":task", Box::new(scope.task)),
        (":directive", Box::new(scope.directive)),
        (":kind", Box::new(scope.kind.map(|k| k.slug().to_string()))),
    ]
}

/// No filter at all.
fn is_everything(scope: &Scope) -> bool {
    scope.within.is_none()
        && scope.task.is_none()
        && scope.directive.is_none()
        && scope.kind.is_none()
}

/// The `WITH` clause the filters need over `tree` (empty without any).
pub(super) fn scope_with(scope: &Scope, tree: Tree) -> String {
    let sub = match scope.within {
        Some(_) => format!(
            "sub (id) AS (
                 SELECT :within::BIGINT
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

/// The conditions of the filters that are given (`o`, `u`, `t`).
pub(super) fn scope_condition(scope: &Scope) -> String {
    let mut parts = vec!["TRUE"];
    if scope.within.is_some() {
        parts.push("o.unit_id IN (SELECT id FROM sub)");
    }
    if scope.task.is_some() {
        parts.push("o.task_id = :task");
    }
    if scope.directive.is_some() {
        parts.push("t.directive_id = :directive");
    }
    if scope.kind.is_some() {
        parts.push("u.kind = :kind");
    }
    parts.join(" AND ")
}

/// The joins the conditions need when the query itself needs none.
fn scope_joins(scope: &Scope, tree: Tree) -> String {
    let units = tree.table();
    match (scope.kind.is_some(), scope.directive.is_some()) {
        (false, false) => String::new(),
        (true, false) => format!("JOIN {units} u ON u.id = o.unit_id"),
        (false, true) => "JOIN task t ON t.id = o.task_id".to_string(),
        (true, true) => {
            format!("JOIN {units} u ON u.id = o.unit_id JOIN task t ON t.id = o.task_id")
        }
    }
}

/// The columns of the obligation reports, which `obligation_row` reads.
pub(super) const OBLIGATION_COLUMNS: &str =
    "u.code, u.name, u.kind, p.name, p.code, d.symbol, d.doc_type, d.number,
     t.code, t.title, o.due_on, o.completed_on, o.original_due_on,
     o.cancelled_on, o.cancelled_reason, pe.code, pe.name,
     CASE WHEN o.passed_from IS NOT NULL THEN o.opened_on END, f.code, f.name,
     d.secrecy, d.urgency";

/// The joins of the obligation reports, from `obligation o`.
pub(super) fn obligation_joins(units: &str) -> String {
    format!(
        "JOIN {units} u ON u.id = o.unit_id
         LEFT JOIN person pe ON pe.id = o.person_id
         LEFT JOIN {units} p ON p.id = u.parent_id
         LEFT JOIN {units} f ON f.id = o.passed_from
         JOIN task t ON t.id = o.task_id
         JOIN directive d ON d.id = t.directive_id"
    )
}

/// The query behind `for_each_obligation`; with `units_given`, the units of
/// the subtree are the array `:units` (see `small_subtree`), not walked.
fn obligation_sql(
    scope: &Scope,
    selection: Selection,
    order: Order,
    tree: Tree,
    units_given: bool,
) -> String {
    let status_condition = match selection {
        Selection::Overdue => OVERDUE,
        Selection::DueBy(_) => {
            "o.due_on >= :as_of AND o.due_on <= :until
             AND (o.completed_on IS NULL OR o.completed_on > :as_of)
             AND (o.cancelled_on IS NULL OR o.cancelled_on > :as_of)"
        }
        Selection::All => "TRUE",
    };
    // On today's tree, the units' stored order (`unit_order`, see
    // `order.rs`); as of a day the tree has changed since, that day's names.
    let (ranks, order_by) = match (tree, order) {
        (Tree::Current, Order::Unit) => (
            "JOIN unit_order r ON r.unit_id = o.unit_id",
            "r.parent_key NULLS FIRST, r.parent_code NULLS FIRST, r.name_key, r.code, r.unit_id, o.due_on, o.task_id,
             pe.name_key NULLS FIRST",
        ),
        (Tree::Current, Order::Due) => (
            "JOIN unit_order r ON r.unit_id = o.unit_id",
            "o.due_on, r.parent_key NULLS FIRST, r.parent_code NULLS FIRST, r.name_key, r.code, r.unit_id, o.task_id,
             pe.name_key NULLS FIRST",
        ),
        (Tree::AsOf(_), Order::Unit) => (
            "",
            "p.name_key NULLS FIRST, lower(p.code) NULLS FIRST, u.name_key, lower(u.code), o.due_on, o.task_id,
             pe.name_key NULLS FIRST",
        ),
        (Tree::AsOf(_), Order::Due) => (
            "",
            "o.due_on, p.name_key NULLS FIRST, lower(p.code) NULLS FIRST, u.name_key, lower(u.code), o.task_id,
             pe.name_key NULLS FIRST",
        ),
    };
    let (with, condition) = match units_given {
        false => (scope_with(scope, tree), scope_condition(scope)),
        true => {
            let rest = Scope {
                within: None,
                ..*scope
            };
            (
                scope_with(&rest, tree),
                format!("{} AND o.unit_id = ANY(:units)", scope_condition(&rest)),
            )
        }
    };
    let joins = obligation_joins(tree.table());
    format!(
        "{with}
         SELECT {OBLIGATION_COLUMNS}
         FROM obligation o
         {ranks}
         {joins}
         WHERE {condition} AND {status_condition} AND {EXISTS_ON}
         ORDER BY {order_by}"
    )
}

/// `overdue --count` (see `sqlite/reports.rs`).
fn count_overdue_sql(scope: &Scope, tree: Tree) -> String {
    let rest = "o.due_on < :as_of AND (o.cancelled_on IS NULL OR o.cancelled_on > :as_of)";
    if is_everything(scope) {
        return format!(
            "SELECT
               (SELECT coalesce(sum(n), 0)::BIGINT FROM open_by_due WHERE due_on < :as_of)
             -- Done late: the term lets the server read `obligation_late`.
             + (SELECT count(*) FROM obligation o
                WHERE o.completed_on > :as_of AND o.completed_on > o.due_on
                  AND {rest} AND {EXISTS_ON})
             + (SELECT count(*) FROM obligation o
                WHERE o.completed_on IS NULL
                  AND (cancelled_on IS NOT NULL OR opened_on IS NOT NULL)
                  AND {rest} AND {EXISTS_ON})"
        );
    }
    let (with, joins, condition) = (
        scope_with(scope, tree),
        scope_joins(scope, tree),
        scope_condition(scope),
    );
    format!(
        "{with} SELECT
           (SELECT count(*) FROM obligation o {joins}
            WHERE {condition} AND o.completed_on IS NULL AND {rest} AND {EXISTS_ON})
         + (SELECT count(*) FROM obligation o {joins}
            WHERE {condition} AND o.completed_on > :as_of AND {rest} AND {EXISTS_ON})"
    )
}

/// Open on `:as_of` and past due.
const OVERDUE: &str = "o.due_on < :as_of AND (o.completed_on IS NULL OR o.completed_on > :as_of)
      AND (o.cancelled_on IS NULL OR o.cancelled_on > :as_of)";
/// `Status::with_cancellation` in SQL: the index of the status in `STATUSES`.
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
/// How many facts `for_each_fact` hands over at once.
const FACT_BATCH: usize = 4096;

/// An obligation passed to a merged unit's successor exists from the merge on.
pub(super) const EXISTS_ON: &str = "(o.opened_on IS NULL OR o.opened_on <= :as_of)";

/// The units of `scope`'s subtree on `tree` when there are at most
/// `SMALL_SUBTREE` of them; `None` without a subtree or with a larger one.
///
/// Given to the report's query as an array, not walked within it: the
/// planner cannot tell how many units a recursive walk yields (it guesses
/// 1,500 and then a fraction of every obligation), and for a subtree of a
/// dozen units joins every obligation of the database before keeping those
/// of the subtree (M, `agenda` of 15 units: 1.8 s); with the units in hand
/// it reads theirs from `obligation_unit`.
fn small_subtree(db: &PgDb<'_>, scope: &Scope, tree: Tree) -> Result<Option<Vec<i64>>> {
    if scope.within.is_none() {
        return Ok(None);
    }
    let only = Scope {
        within: scope.within,
        ..Scope::default()
    };
    // The walk stops at the limit: PostgreSQL reads a recursive query's rows
    // only as far as the query around it asks.
    let sql = format!(
        "{} SELECT id FROM sub LIMIT :limit",
        scope_with(&only, tree)
    );
    let mut values = scope_params(&only);
    values.push((":limit", Box::new(SMALL_SUBTREE + 1)));
    let (sql, values) = numbered(&sql, values);
    let units = db
        .rows(&sql, &refs(&values))?
        .iter()
        .map(|row| Ok(row.try_get::<_, i64>(0)?))
        .collect::<Result<Vec<i64>>>()?;
    Ok((units.len() <= SMALL_SUBTREE as usize).then_some(units))
}

/// A stored value the reports cannot make sense of.
fn internal(what: &str) -> Error {
    Error::storage(super::BadValue(what.to_string()))
}

impl Reports for PgDb<'_> {
    fn for_each_obligation(
        &self,
        scope: &Scope,
        selection: Selection,
        as_of: NaiveDate,
        order: Order,
        each: &mut dyn FnMut(&mut ObligationRow) -> Result<()>,
    ) -> Result<()> {
        let tree = self.tree(as_of)?;
        let units = small_subtree(self, scope, tree)?;
        // `overdue` and `upcoming` on today's tree: two ranges of an index,
        // put in order by the reader (`listing.rs`), as on SQLite; within a
        // small subtree, its rows joined and sorted cost less than reading
        // every unit's name.
        if selection != Selection::All && tree == Tree::Current && units.is_none() {
            return super::listing::list(self, scope, selection, as_of, order, each);
        }
        let sql = obligation_sql(scope, selection, order, tree, units.is_some());
        let until = match selection {
            Selection::DueBy(until) => Some(iso(until)),
            _ => None,
        };
        let mut values = scope_params(scope);
        values.push((":as_of", Box::new(iso(as_of))));
        values.push((":until", Box::new(until)));
        if let Some(units) = units {
            values.push((":units", Box::new(units)));
        }
        let (sql, values) = numbered(&sql, values);
        self.each(&sql, &refs(&values), &mut |row| {
            each(&mut obligation_row(row, as_of)?)
        })
    }

    fn count_overdue(&self, scope: &Scope, as_of: NaiveDate) -> Result<usize> {
        let tree = match scope.within.is_some() || scope.kind.is_some() {
            true => self.tree(as_of)?,
            false => Tree::Current,
        };
        let mut values = scope_params(scope);
        values.push((":as_of", Box::new(iso(as_of))));
        let (sql, values) = numbered(&count_overdue_sql(scope, tree), values);
        let n = self.int(&sql, &refs(&values))?;
        Ok(usize::try_from(n).unwrap_or_default())
    }

    fn for_each_fact(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        each: &mut dyn FnMut(&[Fact]),
    ) -> Result<()> {
        let tree = self.tree(as_of)?;
        // Each unit's kind (that day's) is read once.
        let sql = format!("{} SELECT id, kind FROM {}", tree.with(&[]), tree.table());
        let kinds: IdMap<UnitKind> = self
            .rows(&sql, &[])?
            .iter()
            .map(|row| Ok((row.try_get(0)?, parse_column(row, 1, UnitKind::from_slug)?)))
            .collect::<Result<_>>()?;
        let (with, joins, condition) = (
            scope_with(scope, tree),
            scope_joins(scope, tree),
            scope_condition(scope),
        );
        let sql = format!(
            "{with}
             SELECT o.task_id, o.unit_id, {STATUS_CODE}
             FROM obligation o {joins}
             WHERE {condition} AND {EXISTS_ON}"
        );
        let mut values = scope_params(scope);
        values.push((":as_of", Box::new(iso(as_of))));
        let (sql, values) = numbered(&sql, values);
        let mut batch = Vec::with_capacity(FACT_BATCH);
        self.each(&sql, &refs(&values), &mut |row| {
            let unit_id: i64 = row.try_get(1)?;
            let Some(&kind) = kinds.get(unit_id) else {
                return Err(internal("an obligation of an unknown unit"));
            };
            let code: i32 = row.try_get(2)?;
            let Some(&status) = usize::try_from(code).ok().and_then(|c| STATUSES.get(c)) else {
                return Err(internal("an unknown status code"));
            };
            if batch.len() == FACT_BATCH {
                each(&batch);
                batch.clear();
            }
            batch.push(Fact {
                task_id: row.try_get(0)?,
                unit_id,
                kind,
                status,
            });
            Ok(())
        })?;
        each(&batch);
        Ok(())
    }

    fn parent_units(&self, as_of: NaiveDate) -> Result<HashMap<i64, GroupUnit>> {
        let tree = self.tree(as_of)?;
        let units = tree.table();
        let sql = format!(
            "{} SELECT id, code, name, parent_id, name_key FROM {units} u
             WHERE u.id IN (SELECT parent_id FROM {units} WHERE parent_id IS NOT NULL)",
            tree.with(&[])
        );
        self.rows(&sql, &[])?
            .iter()
            .map(|row| {
                Ok((
                    row.try_get::<_, i64>(0)?,
                    GroupUnit {
                        code: row.try_get(1)?,
                        name: row.try_get(2)?,
                        parent_id: row.try_get(3)?,
                        name_key: row.try_get(4)?,
                    },
                ))
            })
            .collect()
    }

    fn unit_parents(&self, as_of: NaiveDate) -> Result<Vec<(i64, i64)>> {
        let tree = self.tree(as_of)?;
        let sql = format!(
            "{} SELECT id, parent_id FROM {} WHERE parent_id IS NOT NULL",
            tree.with(&[]),
            tree.table()
        );
        self.rows(&sql, &[])?
            .iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
            .collect()
    }

    fn for_each_result(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        each: &mut dyn FnMut(crate::domain::obligation::ObligationResult) -> Result<()>,
    ) -> Result<()> {
        super::results::for_each_result(self, scope, as_of, each)
    }
}

/// An optional slug column read back into its type.
pub(super) fn mark_at<T>(
    row: &Row,
    column: usize,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>> {
    let text: Option<&str> = row.try_get(column)?;
    match text {
        None => Ok(None),
        Some(_) => parse_column(row, column, parse).map(Some),
    }
}

/// One row of the obligation query (`OBLIGATION_COLUMNS`), as of the
/// report's day.
pub(super) fn obligation_row(row: &Row, as_of: NaiveDate) -> Result<ObligationRow> {
    let symbol: Option<String> = row.try_get(5)?;
    let due_on = day_at(row, 10)?;
    let completed_on = date_at(row, 11)?;
    let obligation = ObligationRow {
        unit_code: row.try_get(0)?,
        unit: row.try_get(1)?,
        unit_kind: parse_column(row, 2, UnitKind::from_slug)?,
        parent: row.try_get(3)?,
        parent_code: row.try_get(4)?,
        directive: match symbol {
            Some(symbol) => symbol,
            None => {
                let number: &str = row.try_get(7)?;
                parse_column(row, 6, DocType::from_slug)?.citation(number)
            }
        },
        task: row.try_get(8)?,
        task_title: row.try_get(9)?,
        due_on,
        completed_on,
        status: Status::Open,
        days_overdue: 0,
        days_left: 0,
        original_due_on: date_at(row, 12)?,
        cancelled_reason: row.try_get(14)?,
        person: row.try_get(15)?,
        person_name: row.try_get(16)?,
        passed_from: row.try_get(18)?,
        passed_from_name: row.try_get(19)?,
        passed_on: date_at(row, 17)?,
        secrecy: mark_at(row, 20, Secrecy::from_slug)?,
        urgency: mark_at(row, 21, Urgency::from_slug)?,
    };
    let cancelled_on = date_at(row, 13)?;
    Ok(obligation.as_of(due_on, completed_on, cancelled_on, as_of))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Placeholders are numbered in the order of the values the SQL uses;
    /// those it does not use are left out.
    #[test]
    fn placeholders_are_numbered_as_used() {
        let (sql, values) = numbered(
            "SELECT :within::BIGINT WHERE o.due_on < :as_of AND :within::BIGINT > 0",
            vec![
                (":within", Box::new(Some(1_i64))),
                (":task", Box::new(None::<i64>)),
                (":as_of", Box::new("2023-12-07".to_string())),
            ],
        );
        assert_eq!(
            sql,
            "SELECT $1::BIGINT WHERE o.due_on < $2 AND $1::BIGINT > 0"
        );
        assert_eq!(values.len(), 2);
    }

    /// The status PostgreSQL counts with is the status Rust reports, on every case.
    #[test]
    #[ignore = "needs THEODOI_TEST_PG (scripts/pg-test)"]
    fn status_in_sql_agrees_with_the_domain() -> anyhow::Result<()> {
        let store = super::super::PostgresStore::create(&super::super::fresh_test_database()?)?;
        let db = PgDb {
            conn: super::super::Conn::Read(super::super::Reading::begin(
                &store.client,
                &store.reading,
            )),
            log: None,
            office: None,
            statements: None,
        };
        let sql = format!(
            "SELECT {} FROM (SELECT $1::TEXT AS due_on, $2::TEXT AS completed_on,
                 $3::TEXT AS cancelled_on) o",
            STATUS_CODE.replace(":as_of", "$4::TEXT")
        );
        let day = |d| NaiveDate::from_ymd_opt(2023, 12, d).expect("a day");
        let days = [None, Some(day(5)), Some(day(6)), Some(day(7))];
        let mut checked = 0;
        for as_of in [day(5), day(6), day(7)] {
            for done in days {
                for cancelled in days {
                    let due = day(6);
                    let code: i32 = db
                        .one(
                            &sql,
                            &[&iso(due), &done.map(iso), &cancelled.map(iso), &iso(as_of)],
                        )?
                        .try_get(0)?;
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
}
