//! The query behind `results` on PostgreSQL (see `sqlite/results.rs`);
//! `Reports::for_each_result` runs it.

use chrono::NaiveDate;

use super::reports::{
    EXISTS_ON, OBLIGATION_COLUMNS, numbered, obligation_joins, obligation_row, refs,
    scope_condition, scope_params, scope_with,
};
use super::tree::Tree;
use super::{PgDb, iso, parse_column};
use crate::domain::Rating;
use crate::domain::error::Result;
use crate::domain::obligation::ObligationResult;
use crate::store::Scope;

/// The query: the columns of the obligation reports, then the record of the
/// completion (from column 22). By unit as the task's index holds them, the
/// people of one unit by name: `app::results` puts the units in the order
/// of the tree of the day.
fn result_sql(scope: &Scope, tree: Tree) -> String {
    let (with, condition) = (scope_with(scope, tree), scope_condition(scope));
    let joins = obligation_joins(tree.table());
    format!(
        "{with}
         SELECT {OBLIGATION_COLUMNS}, u.id, o.extension_reason, o.rating, o.not_rated_reason,
                o.evidence, o.note
         FROM obligation o
         {joins}
         WHERE {condition} AND {EXISTS_ON}
         ORDER BY o.unit_id, o.task_id, pe.name_key NULLS FIRST, lower(pe.code) NULLS FIRST"
    )
}

/// Calls `each` with every obligation in `scope` as of `as_of`, with the
/// record of its completion when it was done by then.
pub(super) fn for_each_result(
    db: &PgDb<'_>,
    scope: &Scope,
    as_of: NaiveDate,
    each: &mut dyn FnMut(ObligationResult) -> Result<()>,
) -> Result<()> {
    let sql = result_sql(scope, db.tree(as_of)?);
    let mut values = scope_params(scope);
    values.push((":as_of", Box::new(iso(as_of))));
    let (sql, values) = numbered(&sql, values);
    db.each(&sql, &refs(&values), &mut |r| {
        let row = obligation_row(r, as_of)?;
        // Done after the day: as that day saw it, nothing was reported yet.
        let done = row.completed_on.is_some();
        let recorded =
            |i: usize| -> Result<Option<String>> { Ok(if done { r.try_get(i)? } else { None }) };
        let rating = match done && r.try_get::<_, Option<&str>>(24)?.is_some() {
            true => Some(parse_column(r, 24, Rating::from_code)?),
            false => None,
        };
        each(ObligationResult {
            unit_id: r.try_get(22)?,
            extension_reason: match row.original_due_on {
                Some(_) => r.try_get(23)?,
                None => None,
            },
            rating,
            not_rated_reason: recorded(25)?,
            evidence: recorded(26)?,
            note: recorded(27)?,
            row,
        })
    })
}
