//! The query behind `results`: every obligation of a scope as of a day,
//! whatever its status, with what was recorded of it.

use chrono::NaiveDate;

use super::SqliteDb;
use super::reports::{EXISTS_ON, bind, obligation_row, scope_params};
use super::tree::Tree;
use crate::domain::Rating;
use crate::domain::error::Result;
use crate::domain::obligation::ObligationResult;
use crate::store::Scope;

/// The query: the columns of the obligation reports (`obligation_row` reads
/// the first twenty-two), then the record of the completion. By unit as the
/// task's index (`obligation_subject`) holds them, the people of one unit by
/// name: `app::results` puts the units in the order of the tree of the day.
pub(super) fn result_sql(scope: &Scope, tree: Tree) -> String {
    let (with, condition, units) = (scope.with(tree), scope.condition(), tree.table());
    format!(
        "{with}
         SELECT u.code, u.name, u.kind, p.name, p.code, d.symbol, d.doc_type, d.number,
                t.code, t.title, o.due_on, o.completed_on, o.original_due_on,
                o.cancelled_on, o.cancelled_reason, pe.code, pe.name,
                CASE WHEN o.passed_from IS NOT NULL THEN o.opened_on END, f.code, f.name,
                d.secrecy, d.urgency, u.id, o.extension_reason, o.rating, o.not_rated_reason, o.evidence, o.note
         FROM obligation o
         JOIN {units} u ON u.id = o.unit_id
         LEFT JOIN person pe ON pe.id = o.person_id
         LEFT JOIN {units} p ON p.id = u.parent_id
         LEFT JOIN {units} f ON f.id = o.passed_from
         JOIN task t ON t.id = o.task_id
         JOIN directive d ON d.id = t.directive_id
         WHERE {condition} AND {EXISTS_ON}
         ORDER BY o.unit_id, o.task_id, pe.name_key, pe.code"
    )
}

/// Calls `each` with every obligation in `scope` as of `as_of`, with the
/// record of its completion when it was done by then.
pub(super) fn for_each_result(
    db: &SqliteDb<'_>,
    scope: &Scope,
    as_of: NaiveDate,
    each: &mut dyn FnMut(ObligationResult) -> Result<()>,
) -> Result<()> {
    let sql = result_sql(scope, db.tree(as_of)?);
    let mut stmt = db.conn.prepare_cached(&sql)?;
    let mut params = scope_params(scope);
    params.push((":as_of", Box::new(as_of)));
    let refs = bind(&params, &sql);
    let mut rows = stmt.query(refs.as_slice())?;
    while let Some(r) = rows.next()? {
        let row = obligation_row(r, as_of)?;
        // Done after the day: as that day saw it, nothing was reported yet.
        let done = row.completed_on.is_some();
        let recorded = |i: usize| -> rusqlite::Result<Option<String>> {
            Ok(if done { r.get(i)? } else { None })
        };
        let rating: Option<String> = recorded(24)?;
        let rating = match rating {
            Some(code) => Some(super::parse_column(&code, Rating::from_code, 24)?),
            None => None,
        };
        each(ObligationResult {
            unit_id: r.get(22)?,
            extension_reason: match row.original_due_on {
                Some(_) => r.get(23)?,
                None => None,
            },
            rating,
            not_rated_reason: recorded(25)?,
            evidence: recorded(26)?,
            note: recorded(27)?,
            row,
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UnitKind;
    use crate::store::SqliteStore as Store;

    /// The results of one task read its obligations through an index.
    #[test]
    fn results_of_a_task_use_an_index() -> anyhow::Result<()> {
        let store = Store::open_in_memory()?;
        let scope = Scope {
            task: Some(1),
            within: Some(1),
            kind: Some(UnitKind::ChiBoCoSo),
            ..Scope::default()
        };
        for tree in [Tree::Current, Tree::AsOf] {
            let sql = result_sql(&scope, tree);
            let mut params = scope_params(&scope);
            params.push((":as_of", Box::new("2023-12-13")));
            let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
            let plan = stmt
                .query_map(bind(&params, &sql).as_slice(), |row| {
                    row.get::<_, String>(3)
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .join("\n");
            assert!(!plan.contains("SCAN o"), "{plan}");
        }
        Ok(())
    }
}
