//! The change log: every change a command makes is recorded, in the same
//! transaction, with who made it, when, and the rows before and after, so
//! that nothing is lost and any change can be undone.

use std::cell::RefCell;

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{OptionalExtension, params};
use serde_json::{Map, Value};

use super::portable::derive;
use super::{SqliteDb, now_stamp, tables};
use crate::domain::error::{Error, Result};
use crate::store::reorder::Reorder;
use crate::store::{ChangeEntry, Directives, History, LogFilter};

/// What the log knows of the change in progress.
#[derive(Debug)]
pub(super) struct ChangeLog {
    change_id: i64,
    seq: i64,
    /// A run of inserted rows not yet written: (table, first rowid, last rowid).
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
pub(super) fn begin_change(conn: &rusqlite::Connection, actor: &str, action: &str) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO change (at, actor, action, details) VALUES (?1, ?2, ?3, '{}')",
    )?
    .execute(params![now_stamp(), actor, action])?;
    Ok(conn.last_insert_rowid())
}

impl History for SqliteDb<'_> {
    fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Says what the change in progress is about, for the log line and its filters.
    fn note(&self, details: Value, unit_id: Option<i64>, directive_id: Option<i64>) -> Result<()> {
        let mut details = details;
        // The mark of a secret directive, kept with the line: it stays
        // masked once the directive is gone or unmarked.
        if let Some(id) = directive_id {
            match self.directive(id) {
                Ok(d) => {
                    if let Some(mark) = d.secrecy {
                        crate::domain::marks::record_mark(&mut details, &d.citation(), mark);
                    }
                }
                Err(crate::domain::Error::NotFound { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        if let Some(log) = &self.log {
            let id = log.borrow().change_id;
            self.conn
                .prepare_cached(
                    "UPDATE change SET details = ?2, unit_id = ?3, directive_id = ?4 WHERE id = ?1",
                )?
                .execute(params![id, details.to_string(), unit_id, directive_id])?;
        }
        Ok(())
    }

    /// Names the change in progress when it is known only once it is under way
    /// (`done` that turns out to be a correction).
    fn set_action(&self, action: &str) -> Result<()> {
        if let Some(id) = self.current_change() {
            self.conn
                .prepare_cached("UPDATE change SET action = ?2 WHERE id = ?1")?
                .execute(params![id, action])?;
        }
        Ok(())
    }

    /// The log, newest first.
    fn changes(&self, filter: &LogFilter) -> Result<Vec<ChangeEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, actor, action, details, undoes, undone_by, directive_id FROM change
             WHERE (?1 IS NULL OR at >= ?1)
               AND (?2 IS NULL OR unit_id = ?2)
               AND (?3 IS NULL OR directive_id = ?3)
               AND ?4 IS NULL
             ORDER BY id DESC",
        )?;
        // `at` is UTC; a day in Vietnam starts at 17:00 UTC the day before.
        let since = filter.since.and_then(|d| {
            d.and_hms_opt(0, 0, 0).map(|t| {
                (t - chrono::Duration::hours(7))
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string()
            })
        });
        let rows = stmt.query_map(
            params![since, filter.unit, filter.directive, filter.login],
            entry_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One change by id.
    fn change(&self, id: i64) -> Result<Option<ChangeEntry>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, at, actor, action, details, undoes, undone_by, directive_id FROM change WHERE id = ?1",
            )?
            .query_row([id], entry_from_row)
            .optional()?)
    }

    /// The newest change of `actor` that is neither undone nor itself an
    /// undo: pressing undo twice goes two changes back. (An undo can still be
    /// undone by its number, which redoes the change.)
    fn last_change_of(&self, actor: &str) -> Result<Option<ChangeEntry>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, at, actor, action, details, undoes, undone_by, directive_id FROM change
                 WHERE actor = ?1 AND undone_by IS NULL AND undoes IS NULL AND (?2 IS NULL OR id <> ?2)
                 ORDER BY id DESC LIMIT 1",
            )?
            .query_row(params![actor, self.current_change()], entry_from_row)
            .optional()?)
    }

    /// Reverses change `target`, row by row in reverse order, as part of
    /// the change in progress. Refused when a later change touched the same
    /// rows, or when it was undone already.
    fn undo(&self, target: &ChangeEntry) -> Result<()> {
        let Some(current) = self.current_change() else {
            return Err(Error::storage(Internal("undo outside a change")));
        };
        // The change in progress is not in the log yet, as far as anyone asks.
        if target.id == current {
            return Err(Error::NoSuchChange { id: target.id });
        }
        if let Some(by) = target.undone_by {
            return Err(Error::UndoAlready { id: target.id, by });
        }
        let rows: Vec<LoggedRow> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT tbl, first_id, last_id, before, after FROM change_row
                 WHERE change_id = ?1 ORDER BY seq DESC",
            )?;
            let rows = stmt.query_map([target.id], |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                ))
            })?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if let Some(later) = self.later_change_touching(target.id, current, &rows)? {
            return Err(Error::UndoBlocked {
                id: target.id,
                later,
            });
        }
        for (table, first, last, before, after) in rows {
            let table = known_table(&table)?;
            match (before, after) {
                // Inserted rows: delete them, newest first (children before
                // parents), keeping every column in the log. Only the rows
                // still there are visited, however wide the run says it is.
                (None, _) => {
                    let rowids: Vec<i64> = {
                        let sql = format!(
                            "SELECT rowid FROM {table} WHERE rowid BETWEEN ?1 AND ?2 ORDER BY rowid DESC"
                        );
                        let mut stmt = self.conn.prepare_cached(&sql)?;
                        let rows = stmt.query_map([first, last], |row| row.get(0))?;
                        rows.collect::<rusqlite::Result<_>>()?
                    };
                    for rowid in rowids {
                        if let Some(row) = self.snapshot(table, rowid)? {
                            self.log_delete(table, rowid, row)?;
                            self.delete_row(table, rowid)
                                .map_err(|e| self.named_blocker(e, table, rowid, target.id))?;
                        }
                    }
                }
                // A deleted row: put it back.
                (Some(before), None) => {
                    self.insert_row(table, &serde_json::from_str(&before)?)?;
                    self.log_insert(table, first)?;
                }
                // An updated row: put the old values back.
                (Some(before), Some(_)) => {
                    let now = self.snapshot(table, first)?.unwrap_or(Value::Null);
                    let before: Value = serde_json::from_str(&before)?;
                    self.update_row(table, first, &before)?;
                    self.log_update(table, first, now, before)?;
                }
            }
        }
        self.conn
            .prepare_cached("UPDATE change SET undone_by = ?2 WHERE id = ?1")?
            .execute([target.id, current])?;
        // Undoing an undo redoes its change: that change stands again, and
        // so does what it did: when it was itself an undo, the change it had
        // undone is undone by it again.
        if let Some(redone) = target.undoes {
            self.conn
                .prepare_cached("UPDATE change SET undone_by = NULL WHERE id = ?1")?
                .execute([redone])?;
            self.conn
                .prepare_cached(
                    "UPDATE change SET undone_by = ?1
                     WHERE id = (SELECT undoes FROM change WHERE id = ?1)",
                )?
                .execute([redone])?;
        }
        self.conn
            .prepare_cached("UPDATE change SET undoes = ?2 WHERE id = ?1")?
            .execute([current, target.id])?;
        Ok(())
    }
}

impl SqliteDb<'_> {
    /// Records that `rowid` of `table` was inserted; runs of rowids make one line.
    pub(super) fn log_insert(&self, table: &'static str, rowid: i64) -> Result<()> {
        self.log_inserted_run(table, rowid, rowid)
    }

    /// Records that rowids `first..=last` of `table` were inserted.
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

    /// Runs one UPDATE of one row and logs the row before and after.
    pub(super) fn update_logged(
        &self,
        table: &'static str,
        rowid: i64,
        update: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<usize>,
    ) -> Result<()> {
        let before = self.snapshot(table, rowid)?;
        update(&self.conn)?;
        let after = self.snapshot(table, rowid)?;
        // An update that left the row as it was is no change.
        if let (Some(before), Some(after)) = (before, after)
            && before != after
        {
            self.log_update(table, rowid, before, after)?;
        }
        Ok(())
    }

    /// Records an update of one row: its columns before and after.
    pub(super) fn log_update(
        &self,
        table: &'static str,
        rowid: i64,
        before: Value,
        after: Value,
    ) -> Result<()> {
        self.write_log_row(table, rowid, rowid, Some(before), Some(after))
    }

    /// Records the deletion of one row, with all its columns.
    /// Deletes one row, keeping every column of it in the log.
    pub(super) fn delete_logged(&self, table: &'static str, rowid: i64) -> Result<()> {
        if let Some(row) = self.snapshot(table, rowid)? {
            self.log_delete(table, rowid, row)?;
            self.delete_row(table, rowid)?;
        }
        Ok(())
    }

    fn log_delete(&self, table: &'static str, rowid: i64, before: Value) -> Result<()> {
        self.write_log_row(table, rowid, rowid, Some(before), None)
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
        self.conn
            .prepare_cached(
                "INSERT INTO change_row (change_id, seq, tbl, first_id, last_id, before, after)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                change_id,
                seq,
                table,
                first,
                last,
                before.map(|v| v.to_string()),
                after.map(|v| v.to_string())
            ])?;
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

    /// All the columns of one row, as a JSON object (blobs as `{"$blob": hex}`).
    pub(super) fn snapshot(&self, table: &'static str, rowid: i64) -> Result<Option<Value>> {
        let sql = format!("SELECT rowid AS \"$rowid\", * FROM {table} WHERE rowid = ?1");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
        Ok(stmt
            .query_row([rowid], |row| {
                let mut object = Map::new();
                for (i, name) in names.iter().enumerate() {
                    object.insert(name.clone(), to_json(row.get_ref(i)?));
                }
                Ok(Value::Object(object))
            })
            .optional()?)
    }

    fn current_change(&self) -> Option<i64> {
        self.log.as_ref().map(|log| log.borrow().change_id)
    }

    /// When later records depend on a row an undo would remove, the change
    /// that made them, to undo first: `UndoBlocked` naming it when it is
    /// found, else the error as it was.
    fn named_blocker(&self, e: Error, table: &str, rowid: i64, target: i64) -> Error {
        if !matches!(e, Error::UndoDependedOn { .. }) {
            return e;
        }
        match self.dependent_change(table, rowid, target) {
            Ok(Some(later)) => Error::UndoBlocked { id: target, later },
            _ => e,
        }
    }

    /// The first change in force after `after` that inserted a row pointing
    /// at `rowid` of `table` (by any foreign key of a logged table).
    fn dependent_change(&self, table: &str, rowid: i64, after: i64) -> Result<Option<i64>> {
        for child in tables::TABLES.iter().filter(|t| t.logged).map(|t| t.name) {
            let columns: Vec<String> = {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE \"table\" = ?2",
                )?;
                let rows = stmt.query_map([child, table], |row| row.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            for column in columns {
                // Column names come from the schema, not from input.
                let sql = format!(
                    "SELECT min(c.id) FROM {child} x
                     JOIN change_row r ON r.tbl = ?2 AND r.before IS NULL
                          AND r.first_id <= x.rowid AND r.last_id >= x.rowid
                     JOIN change c ON c.id = r.change_id
                     WHERE x.\"{column}\" = ?1 AND c.id > ?3 AND c.undone_by IS NULL"
                );
                let found: Option<i64> =
                    self.conn
                        .query_row(&sql, params![rowid, child, after], |row| row.get(0))?;
                if found.is_some() {
                    return Ok(found);
                }
            }
        }
        Ok(None)
    }

    fn delete_row(&self, table: &'static str, rowid: i64) -> Result<()> {
        let sql = format!("DELETE FROM {table} WHERE rowid = ?1");
        self.conn
            .execute(&sql, [rowid])
            .map_err(|e| blocked(e, table))?;
        Ok(())
    }

    /// Puts a logged row back; the columns derived from others are
    /// computed again, not taken from the log.
    fn insert_row(&self, table: &'static str, row: &Value) -> Result<()> {
        let (mut names, mut values) = columns(row, true)?;
        derive(table, &mut names, &mut values);
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            vec!["?"; names.len()].join(", ")
        );
        self.conn
            .execute(&sql, rusqlite::params_from_iter(values))
            .map_err(|e| blocked(e, table))?;
        Ok(())
    }

    /// Gives a row its logged values again, derived columns computed again.
    fn update_row(&self, table: &'static str, rowid: i64, row: &Value) -> Result<()> {
        let (mut names, mut values) = columns(row, false)?;
        derive(table, &mut names, &mut values);
        let sets: Vec<String> = names.iter().map(|n| format!("{n} = ?")).collect();
        let sql = format!("UPDATE {table} SET {} WHERE rowid = ?", sets.join(", "));
        values.push(SqlValue::Integer(rowid));
        self.conn
            .execute(&sql, rusqlite::params_from_iter(values))
            .map_err(|e| blocked(e, table))?;
        Ok(())
    }
}

/// One line of `change_row`: table, first and last rowid, before, after.
type LoggedRow = (String, i64, i64, Option<String>, Option<String>);

fn entry_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ChangeEntry> {
    let details: String = row.get(4)?;
    Ok(ChangeEntry {
        id: row.get(0)?,
        at: row.get(1)?,
        actor: row.get(2)?,
        action: row.get(3)?,
        details: serde_json::from_str(&details).unwrap_or(Value::Null),
        undoes: row.get(5)?,
        undone_by: row.get(6)?,
        directive_id: row.get(7)?,
        login: None,
    })
}

fn known_table(name: &str) -> Result<&'static str> {
    match tables::logged(name) {
        Some(t) => Ok(t),
        None => Err(Error::storage(Internal("unknown table in the change log"))),
    }
}

/// A state of the store that should never be: a bug, said as one.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(super) struct Internal(pub(super) &'static str);

/// A constraint that stops an undo: later records depend on the rows.
fn blocked(e: rusqlite::Error, table: &str) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => Error::UndoDependedOn {
            table: table.to_string(),
        },
        _ => e.into(),
    }
}

/// Column names (quoted) and values of a snapshot. With `with_rowid`, the
/// rowid is set too (only for tables without an `id` column, where it is the rowid).
pub(super) fn columns(row: &Value, with_rowid: bool) -> Result<(Vec<String>, Vec<SqlValue>)> {
    let Value::Object(map) = row else {
        return Err(Error::storage(Internal("a logged row is not an object")));
    };
    let has_id = map.contains_key("id");
    let mut names = Vec::new();
    let mut values = Vec::new();
    for (name, value) in map {
        if name == "$rowid" {
            if with_rowid && !has_id {
                names.push("rowid".to_string());
                values.push(from_json(value));
            }
            continue;
        }
        if name == "id" && !with_rowid {
            continue;
        }
        names.push(format!("\"{}\"", name.replace('"', "\"\"")));
        values.push(from_json(value));
    }
    Ok((names, values))
}

pub(super) fn to_json(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => {
            serde_json::json!({ "$blob": hex::encode(b) })
        }
    }
}

fn from_json(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Object(o) => match o.get("$blob").and_then(Value::as_str) {
            Some(text) => SqlValue::Blob(hex::decode(text).unwrap_or_default()),
            None => SqlValue::Text(value.to_string()),
        },
        Value::Array(_) => SqlValue::Text(value.to_string()),
    }
}

impl SqliteDb<'_> {
    /// The first change after `target` (other than `current`, and not
    /// cancelled out by a later undo) that wrote one of the rows `rows`
    /// (the target's) wrote. The later changes are read once, in order, and
    /// each of their runs is checked against the target's by a binary search:
    /// an undo of a change of 20,000 rows costs what reading them does.
    fn later_change_touching(
        &self,
        target: i64,
        current: i64,
        rows: &[LoggedRow],
    ) -> Result<Option<i64>> {
        // The target's runs per table, by first id, with the greatest last
        // id up to each: a run [a, b] overlaps one of them when some run that
        // starts at or before b ends at or after a.
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, r.tbl, r.first_id, r.last_id FROM change c
             JOIN change_row r ON r.change_id = c.id
             -- A later undo of a still later change cancels that change out.
             WHERE c.id > ?1 AND c.id <> ?2 AND c.undone_by IS NULL
               AND NOT (c.undoes IS NOT NULL AND c.undoes > ?1)
             ORDER BY c.id",
        )?;
        let mut later = stmt.query(params![target, current])?;
        while let Some(row) = later.next()? {
            let table: String = row.get(1)?;
            let Some((firsts, lasts)) = reach.get(table.as_str()) else {
                continue;
            };
            let (first, last): (i64, i64) = (row.get(2)?, row.get(3)?);
            // The target's runs that start at or before `last`.
            let n = firsts.partition_point(|f| *f <= last);
            if n > 0 && lasts[n - 1] >= first {
                return Ok(Some(row.get(0)?));
            }
        }
        Ok(None)
    }
}
