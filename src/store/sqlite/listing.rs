//! `overdue` and `upcoming` on today's tree, without a walk of the units.
//!
//! Walking 300,000 units in their stored order and each one's obligations
//! through `obligation_unit` reads the file's pages at random: more than a
//! second of SQLite alone at national scale. Here the obligations a report
//! lists are read in one pass of `obligation_open` instead (never done and
//! due in the range; done only after the day), with nothing else joined, and
//! kept small (ids and days). Each unit's place in the order of the tree is
//! its position in one scan of `unit_order_key` (see `order.rs`). The names
//! of units, parents, tasks and people are read once each; the rows are put
//! in order and named by `store::listing`, as on PostgreSQL.

use chrono::NaiveDate;

use super::reports::{EXISTS_ON, bind, scope_params};
use super::tree::Tree;
use super::{SqliteDb, date_at, parse_column};
use crate::domain::error::Result;
use crate::domain::obligation::ObligationRow;
use crate::domain::{DocType, Secrecy, UnitKind, Urgency};
use crate::store::listing::{Extra, Listing, People, TaskLabel, Tasks, Units};
use crate::store::{Order, Scope, Selection};

/// Each unit's place in the stored order, then each one's code, name, kind
/// and parent: two passes in the order of their files, no lookup.
fn units(db: &SqliteDb<'_>) -> Result<Units> {
    let mut stmt = db.conn.prepare_cached(
        "SELECT unit_id FROM unit_order INDEXED BY unit_order_key
         ORDER BY parent_key, parent_code, name_key, code, unit_id",
    )?;
    let ids = stmt
        .query_map([], |row| row.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    let mut units = Units::in_order(ids)?;
    let mut stmt = db
        .conn
        .prepare_cached("SELECT id, code, name, kind, parent_id FROM unit")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> {
            row.get_ref(i)?.as_str().map_err(rusqlite::Error::from)
        };
        units.label(
            row.get(0)?,
            text(1)?,
            text(2)?,
            parse_column(text(3)?, UnitKind::from_slug, 3)?,
            row.get(4)?,
        )?;
    }
    units.check()?;
    Ok(units)
}

/// The tasks by id, each with its directive's citation and marks.
fn tasks(db: &SqliteDb<'_>) -> Result<Tasks> {
    let mut stmt = db.conn.prepare_cached(
        "SELECT t.id, t.code, t.title, d.symbol, d.doc_type, d.number, d.secrecy, d.urgency
         FROM task t JOIN directive d ON d.id = t.directive_id ORDER BY t.id",
    )?;
    let mut rows = stmt.query([])?;
    let mut tasks = Tasks::default();
    while let Some(row) = rows.next()? {
        let text = |i: usize| -> rusqlite::Result<&str> {
            row.get_ref(i)?.as_str().map_err(rusqlite::Error::from)
        };
        let mark = |i: usize| -> rusqlite::Result<Option<&str>> {
            row.get_ref(i)?
                .as_str_or_null()
                .map_err(rusqlite::Error::from)
        };
        let symbol: Option<String> = row.get(3)?;
        tasks.push(
            row.get(0)?,
            TaskLabel {
                code: row.get(1)?,
                title: row.get(2)?,
                directive: match symbol {
                    Some(symbol) => symbol,
                    None => parse_column(text(4)?, DocType::from_slug, 4)?.citation(text(5)?),
                },
                secrecy: mark(6)?
                    .map(|m| parse_column(m, Secrecy::from_slug, 6))
                    .transpose()?,
                urgency: mark(7)?
                    .map(|m| parse_column(m, Urgency::from_slug, 7))
                    .transpose()?,
            },
        )?;
    }
    Ok(tasks)
}

fn people(db: &SqliteDb<'_>) -> Result<People> {
    let mut stmt = db
        .conn
        .prepare_cached("SELECT id, code, name, name_key FROM person")?;
    let all = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, Option<Vec<u8>>>(3)?,
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(People::new(all))
}

/// The query of one of the two ranges (`store::listing::pending_sql`), on
/// SQLite: what was done only after the day, for `overdue`, from
/// `obligation_late`; the rest from `obligation_open`.
pub(super) fn pending_sql(scope: &Scope, selection: Selection, done: bool) -> String {
    let from = match (done, selection) {
        (true, Selection::Overdue) => "obligation o INDEXED BY obligation_late",
        _ => "obligation o INDEXED BY obligation_open",
    };
    crate::store::listing::pending_sql(
        scope,
        selection,
        done,
        &scope.with(Tree::Current),
        from,
        EXISTS_ON,
    )
}

/// `overdue` or `upcoming` (`selection`: `Overdue` or `DueBy`) on today's
/// tree, in `order`, each row handed to `each`.
pub(super) fn list(
    db: &SqliteDb<'_>,
    scope: &Scope,
    selection: Selection,
    as_of: NaiveDate,
    order: Order,
    each: &mut dyn FnMut(&mut ObligationRow) -> Result<()>,
) -> Result<()> {
    let mut listing = Listing::new(units(db)?, tasks(db)?);
    let until = match selection {
        Selection::DueBy(until) => Some(until),
        _ => None,
    };
    for done in [false, true] {
        let sql = pending_sql(scope, selection, done);
        let mut stmt = db.conn.prepare_cached(&sql)?;
        let mut params = scope_params(scope);
        params.push((":as_of", Box::new(as_of)));
        params.push((":until", Box::new(until)));
        let refs = bind(&params, &sql);
        let mut rows = stmt.query(refs.as_slice())?;
        while let Some(row) = rows.next()? {
            let plain: bool = row.get(4)?;
            let extra = match plain {
                true => None,
                false => Some(Extra {
                    original_due_on: date_at(row, 5)?,
                    cancelled_on: date_at(row, 6)?,
                    cancelled_reason: row.get(7)?,
                    person_id: row.get(8)?,
                    passed_from: row.get(9)?,
                    passed_on: date_at(row, 10)?,
                }),
            };
            let due_on = match date_at(row, 2)? {
                Some(day) => day,
                None => row.get(2)?,
            };
            listing.push(row.get(0)?, row.get(1)?, due_on, date_at(row, 3)?, extra)?;
        }
    }
    let people = match listing.needs_people() {
        true => people(db)?,
        false => People::default(),
    };
    listing.finish(&people, order, as_of, each)
}
