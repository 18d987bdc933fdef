//! The change log on PostgreSQL, as `sqlite/history.rs` keeps it: every
//! change a command makes is recorded, in the same transaction, with who made
//! it, when, and the rows before and after (JSON of the same shape), so that
//! any change can be undone. Rows are named by their `id` (SQLite's rowid).

use std::cell::RefCell;

use postgres::types::{ToSql, Type};
use serde_json::{Map, Value};

use super::tables::{self, Param};
use super::{Conn, PgDb, now_stamp};
use crate::domain::error::{Error, Result};
use crate::store::reorder::Reorder;
use crate::store::{ChangeEntry, Directives, History, LogFilter};

/// What the log knows of the change in progress.
#[derive(Debug)]
pub(super) struct ChangeLog {
    change_id: i64,
    seq: i64,
    /// A run of inserted rows not yet written: (table, first id, last id).
    pending: Option<(&'static str, i64, i64)>,
    /// The units inserted, deleted, or given another name, code or parent:
    /// their places in the order of the units are made good before the
    /// change is committed (`order`).
    reorder: Reorder,
}

impl ChangeLog {
    /// Whether the change has logged any row so far.
    pub(super) fn changed(&self) -> bool {
        self.seq > 0 || self.pending.is_some()
    }

    pub(super) fn new(change_id: i64) -> RefCell<ChangeLog> {
        RefCell::new(ChangeLog {
            change_id,
            seq: 0,
            pending: None,
            reorder: Reorder::default(),
        })
    }

    /// The units the change moved in the order of the units, taken.
    pub(super) fn take_reorder(&mut self) -> Reorder {
        std::mem::take(&mut self.reorder)
    }
}

/// Starts a change; returns its id.
/// Starts a change; returns its id. The login that makes it (the
/// session's) is recorded beside it, by the database's own function (no
/// login writes `change` or `change_login` rows of its own).
pub(super) fn begin_change(db: &PgDb<'_>, actor: &str, action: &str) -> Result<i64> {
    db.int(
        "SELECT begin_change($1, $2, $3)",
        &[&now_stamp(), &actor, &action],
    )
}

/// Tables whose `id` SQLite keeps only as the rowid: their rows are logged
/// and exported without an `id` field, the id as `$rowid`.
pub(super) const ROWID_ONLY: &[&str] = &["task_due"];

/// The columns `entry_from_row` reads, of the log: the login shown is that
/// of a change the owner of the tables (the committee's own clerk) did not
/// make, an office's.
const ENTRY_COLUMNS: &str = "id, at, actor, action, details, undoes, undone_by, directive_id,
     (SELECT nullif(l.login, (SELECT pg_get_userbyid(t.relowner)::TEXT FROM pg_class t
                             WHERE t.oid = 'change'::regclass))
      FROM change_login l WHERE l.change_id = change.id) AS login";

impl History for PgDb<'_> {
    fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.exec(
            "INSERT INTO meta (key, value) VALUES ($1, $2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&key, &value],
        )?;
        Ok(())
    }

    fn note(&self, details: Value, unit_id: Option<i64>, directive_id: Option<i64>) -> Result<()> {
        let mut details = details;
        if let Some(id) = directive_id {
            match self.directive(id) {
                Ok(d) => {
                    if let Some(mark) = d.secrecy {
                        crate::domain::marks::record_mark(&mut details, &d.citation(), mark);
                    }
                }
                Err(Error::NotFound { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        if let Some(id) = self.current_change() {
            self.exec(
                "SELECT note_change($1, $2, $3, $4)",
                &[&id, &details.to_string(), &unit_id, &directive_id],
            )?;
        }
        Ok(())
    }

    fn set_action(&self, action: &str) -> Result<()> {
        if let Some(id) = self.current_change() {
            self.exec("SELECT name_change($1, $2)", &[&id, &action])?;
        }
        Ok(())
    }

    fn changes(&self, filter: &LogFilter) -> Result<Vec<ChangeEntry>> {
        // `at` is UTC; a day in Vietnam starts at 17:00 UTC the day before.
        let since = filter.since.and_then(|d| {
            d.and_hms_opt(0, 0, 0).map(|t| {
                (t - chrono::Duration::hours(7))
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string()
            })
        });
        let rows = self.rows(
            &format!(
                "SELECT {ENTRY_COLUMNS} FROM change
                 WHERE ($1::TEXT IS NULL OR at >= $1::TEXT)
                   AND ($2::BIGINT IS NULL OR unit_id = $2)
                   AND ($3::BIGINT IS NULL OR directive_id = $3)
                   AND ($4::TEXT IS NULL OR EXISTS (
                        SELECT 1 FROM change_login l
                        WHERE l.change_id = change.id AND l.login = $4))
                 ORDER BY id DESC"
            ),
            &[&since, &filter.unit, &filter.directive, &filter.login],
        )?;
        rows.iter().map(entry_from_row).collect()
    }

    fn change(&self, id: i64) -> Result<Option<ChangeEntry>> {
        self.opt(
            &format!("SELECT {ENTRY_COLUMNS} FROM change WHERE id = $1"),
            &[&id],
        )?
        .as_ref()
        .map(entry_from_row)
        .transpose()
    }

    /// A clerk with no name (`?`) is the session's login, as
    /// `begin_change` records them.
    fn last_change_of(&self, actor: &str) -> Result<Option<ChangeEntry>> {
        self.opt(
            &format!(
                "SELECT {ENTRY_COLUMNS} FROM change
                 WHERE actor = left(coalesce(nullif($1, '?'), session_user), 200)
                   AND undone_by IS NULL AND undoes IS NULL
                   AND ($2::BIGINT IS NULL OR id <> $2)
                   AND (change_is_mine(id)
                        OR (NOT $3 AND NOT EXISTS (SELECT 1 FROM change_login l
                                                   WHERE l.change_id = change.id)))
                 ORDER BY id DESC LIMIT 1"
            ),
            &[&actor, &self.current_change(), &self.office.is_some()],
        )?
        .as_ref()
        .map(entry_from_row)
        .transpose()
    }

    fn may_write_for(&self, unit_id: i64) -> Result<()> {
        self.office_may("obligation", Some(unit_id))
    }

    fn writes_as_office(&self) -> bool {
        self.office.is_some()
    }

    fn logins(&self) -> Result<Vec<String>> {
        self.rows(
            "SELECT login FROM change_login UNION SELECT login FROM office ORDER BY 1",
            &[],
        )?
        .iter()
        .map(|r| Ok(r.try_get(0)?))
        .collect()
    }

    fn undo(&self, target: &ChangeEntry) -> Result<()> {
        let Some(current) = self.current_change() else {
            return Err(Error::storage(Internal("undo outside a change")));
        };
        if target.id == current {
            return Err(Error::NoSuchChange { id: target.id });
        }
        if let Some(by) = target.undone_by {
            return Err(Error::UndoAlready { id: target.id, by });
        }
        self.office_may_undo(target.id)?;
        let rows: Vec<LoggedRow> = self
            .rows(
                "SELECT tbl, first_id, last_id, before, after FROM change_row
                 WHERE change_id = $1 ORDER BY seq DESC",
                &[&target.id],
            )?
            .iter()
            .map(|r| -> Result<LoggedRow> {
                Ok((
                    r.try_get(0)?,
                    r.try_get(1)?,
                    r.try_get(2)?,
                    r.try_get(3)?,
                    r.try_get(4)?,
                ))
            })
            .collect::<Result<_>>()?;
        self.undo_within_office(target.id, &rows)?;
        if let Some(later) = self.later_change_touching(target.id, current, &rows)? {
            let blocked = Error::UndoBlocked {
                id: target.id,
                later,
            };
            // A later change an office may not undo itself.
            if self.office.is_some()
                && !self
                    .one("SELECT change_is_mine($1)", &[&later])?
                    .try_get::<_, bool>(0)?
            {
                return Err(Error::AskCommittee(Box::new(blocked)));
            }
            return Err(blocked);
        }
        // A refused statement spoils the whole transaction on PostgreSQL:
        // back to here, the change that blocks the undo can still be found.
        self.batch("SAVEPOINT theodoi_undo")?;
        match self.replay(&rows) {
            Ok(()) => self.batch("RELEASE SAVEPOINT theodoi_undo")?,
            Err((e, blocker)) => {
                self.batch("ROLLBACK TO SAVEPOINT theodoi_undo")?;
                return Err(match blocker {
                    Some((table, rowid)) => self.named_blocker(e, table, rowid, target.id),
                    None => e,
                });
            }
        }
        // The marks of the log (undone by, undoes, and those of an undo
        // undone), by the database's own function.
        self.exec("SELECT mark_undone($1, $2)", &[&current, &target.id])?;
        Ok(())
    }
}

/// An error of a replay, with the row whose deletion it stopped at.
type ReplayError = (Error, Option<(&'static str, i64)>);

impl PgDb<'_> {
    /// Reverses the logged rows of a change, newest first.
    fn replay(&self, rows: &[LoggedRow]) -> std::result::Result<(), ReplayError> {
        let plain = |e: Error| (e, None);
        for (table, first, last, before, after) in rows {
            let table = known_table(table).map_err(plain)?;
            match (before, after) {
                (None, _) => {
                    let ids: Vec<i64> = self
                        .rows(
                            &format!(
                                "SELECT id FROM {table} WHERE id BETWEEN $1 AND $2 ORDER BY id DESC"
                            ),
                            &[first, last],
                        )
                        .map_err(plain)?
                        .iter()
                        .map(|r| r.get(0))
                        .collect();
                    for id in ids {
                        if let Some(row) = self.snapshot(table, id).map_err(plain)? {
                            self.office_may_row(table, Some(&row)).map_err(plain)?;
                            self.log_delete(table, id, row).map_err(plain)?;
                            self.delete_row(table, id)
                                .map_err(|e| (e, Some((table, id))))?;
                        }
                    }
                }
                (Some(before), None) => {
                    let row: Value = serde_json::from_str(before).map_err(|e| plain(e.into()))?;
                    self.office_may_row(table, Some(&row)).map_err(plain)?;
                    self.insert_row(table, &row).map_err(plain)?;
                    self.log_insert(table, *first).map_err(plain)?;
                }
                (Some(before), Some(_)) => {
                    let now = self
                        .snapshot(table, *first)
                        .map_err(plain)?
                        .unwrap_or(Value::Null);
                    let before: Value =
                        serde_json::from_str(before).map_err(|e| plain(e.into()))?;
                    self.office_may_row(table, Some(&now)).map_err(plain)?;
                    self.office_may_row(table, Some(&before)).map_err(plain)?;
                    self.update_row(table, *first, &before, &now)
                        .map_err(plain)?;
                    self.log_update(table, *first, now, before).map_err(plain)?;
                }
            }
        }
        Ok(())
    }

    /// Records that row `id` of `table` was inserted; runs of ids make one line.
    pub(super) fn log_insert(&self, table: &'static str, id: i64) -> Result<()> {
        self.log_inserted_run(table, id, id)
    }

    /// Records that rows `first..=last` of `table` were inserted.
    pub(super) fn log_inserted_run(
        &self,
        table: &'static str,
        first: i64,
        last: i64,
    ) -> Result<()> {
        let Some(log) = &self.log else { return Ok(()) };
        if table == "unit" {
            log.borrow_mut().reorder.inserted(first, last);
        }
        let extend =
            matches!(log.borrow().pending, Some((t, _, l)) if t == table && l + 1 == first);
        if extend {
            if let Some(pending) = &mut log.borrow_mut().pending {
                pending.2 = last;
            }
            return Ok(());
        }
        self.flush_log()?;
        log.borrow_mut().pending = Some((table, first, last));
        Ok(())
    }

    /// Runs `insert` (an INSERT … RETURNING id of any number of rows of
    /// `table`) and logs the rows, each run of consecutive ids as one line.
    /// Returns how many rows it inserted.
    pub(super) fn insert_logged_many(
        &self,
        table: &'static str,
        insert: &str,
        params: &super::Params<'_>,
    ) -> Result<usize> {
        let mut ids: Vec<i64> = self
            .rows(insert, params)?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<std::result::Result<_, _>>()?;
        ids.sort_unstable();
        let mut runs = ids.iter().copied().peekable();
        while let Some(first) = runs.next() {
            let mut last = first;
            while let Some(next) = runs.next_if(|&n| n == last + 1) {
                last = next;
            }
            self.log_inserted_run(table, first, last)?;
        }
        Ok(ids.len())
    }

    /// Runs `update` (one UPDATE of row `id`) and logs the row before and
    /// after; an update that left the row as it was is no change.
    pub(super) fn update_logged(
        &self,
        table: &'static str,
        id: i64,
        update: impl FnOnce(&Self) -> Result<u64>,
    ) -> Result<()> {
        let before = self.snapshot(table, id)?;
        self.office_may_row(table, before.as_ref())?;
        update(self)?;
        let after = self.snapshot(table, id)?;
        // A row moved out of the office's subtree is refused too.
        self.office_may_row(table, after.as_ref())?;
        if let (Some(before), Some(after)) = (before, after)
            && before != after
        {
            self.log_update(table, id, before, after)?;
        }
        Ok(())
    }

    /// Records an update of one row: its columns before and after.
    pub(super) fn log_update(
        &self,
        table: &'static str,
        id: i64,
        before: Value,
        after: Value,
    ) -> Result<()> {
        self.write_log_row(table, id, id, Some(before), Some(after))
    }

    /// Deletes one row, keeping every column of it in the log.
    pub(super) fn delete_logged(&self, table: &'static str, id: i64) -> Result<()> {
        if let Some(row) = self.snapshot(table, id)? {
            self.office_may_row(table, Some(&row))?;
            self.log_delete(table, id, row)?;
            self.delete_row(table, id)?;
        }
        Ok(())
    }

    fn log_delete(&self, table: &'static str, id: i64, before: Value) -> Result<()> {
        self.write_log_row(table, id, id, Some(before), None)
    }

    fn write_log_row(
        &self,
        table: &'static str,
        first: i64,
        last: i64,
        before: Option<Value>,
        after: Option<Value>,
    ) -> Result<()> {
        let Some(log) = &self.log else { return Ok(()) };
        debug_assert!(tables::logged(table).is_some(), "{table} is not logged");
        self.flush_log()?;
        let (change_id, seq) = {
            let mut log = log.borrow_mut();
            // A run of inserted rows was counted when it was logged.
            if table == "unit" && (before.is_some() || after.is_some()) {
                log.reorder.logged(first, before.as_ref(), after.as_ref());
            }
            log.seq += 1;
            (log.change_id, log.seq)
        };
        self.exec(
            "SELECT log_change_row($1, $2, $3, $4, $5, $6, $7)",
            &[
                &change_id,
                &seq,
                &table,
                &first,
                &last,
                &before.map(|v| v.to_string()),
                &after.map(|v| v.to_string()),
            ],
        )?;
        Ok(())
    }

    /// Writes the pending run of inserted rows.
    pub(super) fn flush_log(&self) -> Result<()> {
        let Some(log) = &self.log else { return Ok(()) };
        let pending = log.borrow_mut().pending.take();
        if let Some((table, first, last)) = pending {
            self.write_log_row(table, first, last, None, None)?;
        }
        Ok(())
    }

    /// All the columns of one row as a JSON object (`$rowid` its id, bytes
    /// as `{"$blob": hex}`), as SQLite's store logs it.
    pub(super) fn snapshot(&self, table: &'static str, id: i64) -> Result<Option<Value>> {
        let Some(row) = self.opt(&format!("SELECT * FROM {table} WHERE id = $1"), &[&id])? else {
            return Ok(None);
        };
        let mut object = tables::row_json(&row)?;
        if ROWID_ONLY.contains(&table) {
            // SQLite's table has no `id` column, only its rowid: the line
            // reads the same on both stores, and a copied log undoes on either.
            object.remove("id");
        }
        Ok(Some(Value::Object(object)))
    }

    pub(super) fn current_change(&self) -> Option<i64> {
        self.log.as_ref().map(|log| log.borrow().change_id)
    }

    fn named_blocker(&self, e: Error, table: &str, id: i64, target: i64) -> Error {
        if !matches!(e, Error::UndoDependedOn { .. }) {
            return e;
        }
        match self.dependent_change(table, id, target) {
            Ok(Some(later)) => Error::UndoBlocked { id: target, later },
            _ => e,
        }
    }

    /// The first change in force after `after` that inserted a row pointing
    /// at row `id` of `table` (by any foreign key of a logged table).
    fn dependent_change(&self, table: &str, id: i64, after: i64) -> Result<Option<i64>> {
        for child in tables::TABLES.iter().filter(|t| t.logged).map(|t| t.name) {
            let columns: Vec<String> = self
                .rows(
                    "SELECT a.attname::TEXT FROM pg_catalog.pg_constraint c
                     JOIN pg_catalog.pg_attribute a
                          ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                     WHERE c.contype = 'f' AND c.conrelid = $1::TEXT::regclass
                       AND c.confrelid = $2::TEXT::regclass",
                    &[&child, &table],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            for column in columns {
                let found: Option<i64> = self
                    .one(
                        &format!(
                            "SELECT min(c.id) FROM {child} x
                             JOIN change_row r ON r.tbl = $2 AND r.before IS NULL
                                  AND r.first_id <= x.id AND r.last_id >= x.id
                             JOIN change c ON c.id = r.change_id
                             WHERE x.\"{column}\" = $1 AND c.id > $3 AND c.undone_by IS NULL"
                        ),
                        &[&id, &child, &after],
                    )?
                    .try_get(0)?;
                if found.is_some() {
                    return Ok(found);
                }
            }
        }
        Ok(None)
    }

    fn delete_row(&self, table: &'static str, id: i64) -> Result<()> {
        on_conn_exec(self, &format!("DELETE FROM {table} WHERE id = $1"), &[&id])
            .map_err(|e| blocked(e, table))?;
        Ok(())
    }

    /// The columns of `table` with their types (asked of the server once
    /// per table: an undo of thousands of rows asks for each).
    fn column_types(&self, table: &'static str) -> Result<Vec<(String, Type)>> {
        thread_local! {
            static TYPES: RefCell<std::collections::HashMap<&'static str, Vec<(String, Type)>>> =
                RefCell::default();
        }
        if let Some(types) = TYPES.with(|t| t.borrow().get(table).cloned()) {
            return Ok(types);
        }
        let sql = format!("SELECT * FROM {table}");
        let statement = on_conn!(self, c => c.prepare(&sql))?;
        let types: Vec<(String, Type)> = statement
            .columns()
            .iter()
            .map(|c| (c.name().to_string(), c.type_().clone()))
            .collect();
        TYPES.with(|t| t.borrow_mut().insert(table, types.clone()));
        Ok(types)
    }

    /// The names and parameters of a logged row's columns (derived ones
    /// computed again); `with_id`: the id too.
    fn bound(
        &self,
        table: &'static str,
        row: &Value,
        with_id: bool,
    ) -> Result<(Vec<String>, Vec<Param>)> {
        let Value::Object(map) = row else {
            return Err(Error::storage(Internal("a logged row is not an object")));
        };
        let mut map: Map<String, Value> = map.clone();
        tables::derive(table, &mut map);
        let types = self.column_types(table)?;
        let mut names = Vec::new();
        let mut params = Vec::new();
        for (name, ty) in &types {
            if name == "id" && !with_id {
                continue;
            }
            let value = match map.get(name) {
                Some(value) => value,
                // A table whose id SQLite keeps as its rowid only.
                None if name == "id" => match map.get("$rowid") {
                    Some(value) => value,
                    None => continue,
                },
                None => continue,
            };
            names.push(format!("\"{name}\""));
            params.push(tables::param(ty, value)?);
        }
        Ok((names, params))
    }

    /// Puts a logged row back, with its id.
    fn insert_row(&self, table: &'static str, row: &Value) -> Result<()> {
        let (names, params) = self.bound(table, row, true)?;
        let places: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            places.join(", ")
        );
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
        on_conn_exec(self, &sql, &refs).map_err(|e| blocked(e, table))?;
        Ok(())
    }

    /// Gives row `id` its logged values again.
    /// Only the columns that differ from `now` are set: an office may
    /// update only some columns of a table (the results of an obligation).
    fn update_row(&self, table: &'static str, id: i64, row: &Value, now: &Value) -> Result<()> {
        let changed: Map<String, Value> = match row {
            Value::Object(map) => map
                .iter()
                .filter(|(k, v)| now.get(k.as_str()) != Some(*v))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            _ => return Err(Error::storage(Internal("a logged row is not an object"))),
        };
        let (names, mut params) = self.bound(table, &Value::Object(changed), false)?;
        if names.is_empty() {
            return Ok(());
        }
        let sets: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{n} = ${}", i + 1))
            .collect();
        let sql = format!(
            "UPDATE {table} SET {} WHERE id = ${}",
            sets.join(", "),
            names.len() + 1
        );
        params.push(Box::new(id));
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p.as_ref()).collect();
        on_conn_exec(self, &sql, &refs).map_err(|e| blocked(e, table))?;
        Ok(())
    }

    /// The first change after `target` (other than `current`, and not
    /// cancelled out by a later undo) that wrote one of the rows the target
    /// wrote (see `sqlite/history.rs`).
    fn later_change_touching(
        &self,
        target: i64,
        current: i64,
        rows: &[LoggedRow],
    ) -> Result<Option<i64>> {
        let mut runs: std::collections::HashMap<&str, Vec<(i64, i64)>> =
            std::collections::HashMap::new();
        for (table, first, last, _, _) in rows {
            runs.entry(table.as_str())
                .or_default()
                .push((*first, *last));
        }
        let mut reach: std::collections::HashMap<&str, (Vec<i64>, Vec<i64>)> =
            std::collections::HashMap::new();
        for (table, mut list) in runs {
            list.sort_unstable();
            let firsts = list.iter().map(|r| r.0).collect();
            let mut most = i64::MIN;
            let lasts = list
                .iter()
                .map(|r| {
                    most = most.max(r.1);
                    most
                })
                .collect();
            reach.insert(table, (firsts, lasts));
        }
        let later = self.rows(
            "SELECT c.id, r.tbl, r.first_id, r.last_id FROM change c
             JOIN change_row r ON r.change_id = c.id
             WHERE c.id > $1 AND c.id <> $2 AND c.undone_by IS NULL
               AND NOT (c.undoes IS NOT NULL AND c.undoes > $1)
             ORDER BY c.id",
            &[&target, &current],
        )?;
        for row in &later {
            let table: &str = row.try_get(1)?;
            let Some((firsts, lasts)) = reach.get(table) else {
                continue;
            };
            let (first, last): (i64, i64) = (row.try_get(2)?, row.try_get(3)?);
            let n = firsts.partition_point(|f| *f <= last);
            if n > 0 && lasts[n - 1] >= first {
                return Ok(Some(row.try_get(0)?));
            }
        }
        Ok(None)
    }
}

/// Runs a statement, keeping the server's error as it is (for `blocked`).
fn on_conn_exec(
    db: &PgDb<'_>,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> std::result::Result<u64, postgres::Error> {
    match &db.conn {
        Conn::Read(super::Reading { client: cell, .. }) => cell.borrow_mut().execute(sql, params),
        Conn::Tx(cell) => cell.borrow_mut().execute(sql, params),
    }
}

/// One line of `change_row`: table, first and last id, before, after.
pub(super) type LoggedRow = (String, i64, i64, Option<String>, Option<String>);

fn entry_from_row(row: &postgres::Row) -> Result<ChangeEntry> {
    let details: String = row.try_get(4)?;
    Ok(ChangeEntry {
        id: row.try_get(0)?,
        at: row.try_get(1)?,
        actor: row.try_get(2)?,
        action: row.try_get(3)?,
        details: serde_json::from_str(&details).unwrap_or(Value::Null),
        undoes: row.try_get(5)?,
        undone_by: row.try_get(6)?,
        directive_id: row.try_get(7)?,
        login: row.try_get(8)?,
    })
}

fn known_table(name: &str) -> Result<&'static str> {
    tables::logged(name).ok_or_else(|| Error::storage(Internal("unknown table in the change log")))
}

/// A state of the store that should never be: a bug, said as one.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(super) struct Internal(pub(super) &'static str);

/// A constraint that stops an undo: later records depend on the rows.
fn blocked(e: postgres::Error, table: &str) -> Error {
    match e.code() {
        Some(code) if code.code().starts_with("23") => Error::UndoDependedOn {
            table: table.to_string(),
        },
        _ => e.into(),
    }
}
