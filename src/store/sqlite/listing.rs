//! `overdue` and `upcoming` on today's tree, without a walk of the units.
//!
//! Walking 300,000 units in their stored order and each one's obligations
//! through `obligation_unit` reads the file's pages at random: more than a
//! second of SQLite alone at national scale. Here the obligations a report
//! lists are read in one pass of `obligation_open` instead (never done and
//! due in the range; done only after the day), with nothing else joined, and
//! kept small (ids and days). Each unit's place in the order of the tree is
//! its position in one scan of `unit_order_key` (see `order.rs`): the rows
//! are sorted by that number, not by collation keys. The names of units,
//! parents, tasks and people are read once each and put in at the end.

use chrono::NaiveDate;
use foldhash::HashMap;

use super::history::Internal;
use super::reports::{EXISTS_ON, bind, scope_params};
use super::tree::Tree;
use super::{SqliteDb, date_at, parse_column};
use crate::domain::error::{Error, Result};
use crate::domain::obligation::ObligationRow;
use crate::domain::{DocType, Secrecy, Status, UnitKind, Urgency};
use crate::store::{IdMap, Order, Scope, Selection};

/// No such thing: no extra fields, no parent, no person.
const NONE: u32 = u32::MAX;

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
struct Extra {
    original_due_on: Option<NaiveDate>,
    cancelled_on: Option<NaiveDate>,
    cancelled_reason: Option<String>,
    person_id: Option<i64>,
    passed_from: Option<i64>,
    passed_on: Option<NaiveDate>,
}

/// A task as the rows show it.
struct TaskLabel {
    code: String,
    title: String,
    directive: String,
    secrecy: Option<Secrecy>,
    urgency: Option<Urgency>,
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
struct Units {
    rank: IdMap<u32>,
    labels: Vec<UnitLabel>,
    /// Codes and names, one after another.
    text: String,
}

impl Units {
    /// Each unit's place in the stored order, then each one's code, name,
    /// kind and parent: two passes in the order of their files, no lookup.
    fn read(db: &SqliteDb<'_>) -> Result<Units> {
        let mut stmt = db.conn.prepare_cached(
            "SELECT unit_id FROM unit_order INDEXED BY unit_order_key
             ORDER BY parent_key, parent_code, name_key, code, unit_id",
        )?;
        let ids = stmt
            .query_map([], |row| row.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        let count = u32::try_from(ids.len())
            .ok()
            .filter(|&n| n < NONE)
            .ok_or(Error::storage(Internal(
                "more units than a report can order",
            )))?;
        let rank: IdMap<u32> = ids.into_iter().zip(0..count).collect();
        let blank = UnitLabel {
            start: 0,
            code_end: 0,
            name_end: 0,
            parent: NONE,
            kind: UnitKind::ChiBoTrucThuoc,
        };
        let mut units = Units {
            rank,
            labels: vec![blank; count as usize],
            text: String::new(),
        };
        let mut stmt = db
            .conn
            .prepare_cached("SELECT id, code, name, kind, parent_id FROM unit")?;
        let mut rows = stmt.query([])?;
        let mut seen = 0_u32;
        while let Some(row) = rows.next()? {
            let at = units.rank_of(row.get(0)?)?;
            let parent = match row.get::<_, Option<i64>>(4)? {
                Some(id) => units.rank_of(id)?,
                None => NONE,
            };
            let text = |i: usize| -> rusqlite::Result<&str> {
                row.get_ref(i)?.as_str().map_err(rusqlite::Error::from)
            };
            let start = units.offset()?;
            units.text.push_str(text(1)?);
            let code_end = units.offset()?;
            units.text.push_str(text(2)?);
            units.labels[at as usize] = UnitLabel {
                start,
                code_end,
                name_end: units.offset()?,
                parent,
                kind: parse_column(text(3)?, UnitKind::from_slug, 3)?,
            };
            seen += 1;
        }
        if seen != count {
            return Err(Error::storage(Internal(
                "the stored order of the units is not the units",
            )));
        }
        Ok(units)
    }

    fn rank_of(&self, id: i64) -> Result<u32> {
        self.rank.get(id).copied().ok_or(Error::storage(Internal(
            "a unit missing from the stored order of the units",
        )))
    }

    fn offset(&self) -> Result<u32> {
        u32::try_from(self.text.len())
            .map_err(|_| Error::storage(Internal("the units' names are too long to list")))
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

/// The tasks by id, each with its directive's citation and marks.
fn tasks(db: &SqliteDb<'_>) -> Result<(HashMap<i64, u32>, Vec<TaskLabel>)> {
    let mut stmt = db.conn.prepare_cached(
        "SELECT t.id, t.code, t.title, d.symbol, d.doc_type, d.number, d.secrecy, d.urgency
         FROM task t JOIN directive d ON d.id = t.directive_id ORDER BY t.id",
    )?;
    let mut rows = stmt.query([])?;
    let (mut index, mut labels) = (HashMap::default(), Vec::new());
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
        let at = u32::try_from(labels.len())
            .map_err(|_| Error::storage(Internal("more tasks than a report can list")))?;
        index.insert(row.get(0)?, at);
        labels.push(TaskLabel {
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
        });
    }
    Ok((index, labels))
}

/// People by id, in the order of their names: (place, code, name).
type People = HashMap<i64, (u32, String, String)>;

fn people(db: &SqliteDb<'_>) -> Result<People> {
    let mut stmt = db
        .conn
        .prepare_cached("SELECT id, code, name, name_key FROM person")?;
    let mut all = stmt
        .query_map([], |row| {
            Ok((
                row.get::<_, Option<Vec<u8>>>(3)?,
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    all.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    Ok(all
        .into_iter()
        .zip(1..)
        .map(|((_, id, code, name), at)| (id, (at, code, name)))
        .collect())
}

/// The query of one of the two ranges of `obligation_open`: never done
/// (`done` false), or done only after the report's day.
pub(super) fn pending_sql(scope: &Scope, selection: Selection, done: bool) -> String {
    let done = match done {
        false => "o.completed_on IS NULL",
        true => "o.completed_on > :as_of",
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
         FROM obligation o INDEXED BY obligation_open
         WHERE {done} AND {due} AND (o.cancelled_on IS NULL OR o.cancelled_on > :as_of)
           AND {EXISTS_ON} {filters}",
        with = scope.with(Tree::Current),
        filters = filters.join(" "),
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
    each: &mut dyn FnMut(ObligationRow) -> Result<()>,
) -> Result<()> {
    let units = Units::read(db)?;
    let (task_index, tasks) = tasks(db)?;
    let until = match selection {
        Selection::DueBy(until) => Some(until),
        _ => None,
    };
    let mut pending: Vec<Pending> = Vec::new();
    let mut extras: Vec<Extra> = Vec::new();
    for done in [false, true] {
        let sql = pending_sql(scope, selection, done);
        let mut stmt = db.conn.prepare_cached(&sql)?;
        let mut params = scope_params(scope);
        params.push((":as_of", Box::new(as_of)));
        params.push((":until", Box::new(until)));
        let refs = bind(&params, &sql);
        let mut rows = stmt.query(refs.as_slice())?;
        while let Some(row) = rows.next()? {
            let task_id: i64 = row.get(1)?;
            let Some(&task) = task_index.get(&task_id) else {
                return Err(Error::storage(Internal("an obligation of an unknown task")));
            };
            let plain: bool = row.get(4)?;
            let extra = match plain {
                true => NONE,
                false => {
                    extras.push(Extra {
                        original_due_on: date_at(row, 5)?,
                        cancelled_on: date_at(row, 6)?,
                        cancelled_reason: row.get(7)?,
                        person_id: row.get(8)?,
                        passed_from: row.get(9)?,
                        passed_on: date_at(row, 10)?,
                    });
                    u32::try_from(extras.len() - 1)
                        .ok()
                        .filter(|&i| i < NONE)
                        .ok_or(Error::storage(Internal("too many rows to list")))?
                }
            };
            pending.push(Pending {
                rank: units.rank_of(row.get(0)?)?,
                due_on: match date_at(row, 2)? {
                    Some(day) => day,
                    None => row.get(2)?,
                },
                task,
                person: 0,
                completed_on: date_at(row, 3)?,
                extra,
            });
        }
    }
    let people = match extras.iter().any(|e| e.person_id.is_some()) {
        true => people(db)?,
        false => People::default(),
    };
    if !people.is_empty() {
        for p in pending.iter_mut().filter(|p| p.extra != NONE) {
            if let Some(id) = extras[p.extra as usize].person_id {
                p.person = people.get(&id).map_or(NONE, |(at, _, _)| *at);
            }
        }
    }
    // Within one unit, task and day, the unit's own first, then people by
    // name.
    match order {
        Order::Unit => pending.sort_unstable_by_key(|p| (p.rank, p.due_on, p.task, p.person)),
        Order::Due => pending.sort_unstable_by_key(|p| (p.due_on, p.rank, p.task, p.person)),
    }
    let no_extra = Extra::default();
    for p in pending {
        let extra = match p.extra {
            NONE => &no_extra,
            i => &extras[i as usize],
        };
        let label = &units.labels[p.rank as usize];
        let parent = (label.parent != NONE).then_some(label.parent);
        let task = &tasks[p.task as usize];
        let person = extra.person_id.and_then(|id| people.get(&id));
        let passed_from = extra.passed_from.map(|id| units.rank_of(id)).transpose()?;
        let row = ObligationRow {
            unit_code: units.code(p.rank).to_string(),
            unit: units.name(p.rank).to_string(),
            unit_kind: label.kind,
            parent: parent.map(|r| units.name(r).to_string()),
            parent_code: parent.map(|r| units.code(r).to_string()),
            directive: task.directive.clone(),
            task: task.code.clone(),
            task_title: task.title.clone(),
            due_on: p.due_on,
            completed_on: p.completed_on,
            status: Status::Open,
            days_overdue: 0,
            days_left: 0,
            original_due_on: extra.original_due_on,
            cancelled_reason: extra.cancelled_reason.clone(),
            person: person.map(|(_, code, _)| code.clone()),
            person_name: person.map(|(_, _, name)| name.clone()),
            passed_from: passed_from.map(|r| units.code(r).to_string()),
            passed_from_name: passed_from.map(|r| units.name(r).to_string()),
            passed_on: extra.passed_on,
            secrecy: task.secrecy,
            urgency: task.urgency,
        };
        each(row.as_of(p.due_on, p.completed_on, extra.cancelled_on, as_of))?;
    }
    Ok(())
}
