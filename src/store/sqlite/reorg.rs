//! Directives revoked or replaced, units dissolved or merged: what was done
//! stays; what was still open is cancelled, or passed to a successor.

use chrono::NaiveDate;
use rusqlite::params;

use crate::domain::error::Result;

use super::SqliteDb;
use crate::domain::unit::Unit;
use crate::store::{Reorganization, Units};

impl Reorganization for SqliteDb<'_> {
    /// Revokes a directive from `on`; its open obligations are cancelled.
    /// With `replaced_by`, records the directive that replaces it.
    fn revoke_directive(
        &self,
        id: i64,
        on: NaiveDate,
        reason: &str,
        replaced_by: Option<i64>,
    ) -> Result<usize> {
        self.update_logged("directive", id, |conn| {
            conn.prepare_cached(
                "UPDATE directive SET revoked_on = ?2, revoked_reason = ?3,
                     replaced_by = coalesce(?4, replaced_by)
                 WHERE id = ?1",
            )?
            .execute(params![id, on, reason, replaced_by])
        })?;
        self.cancel_open(
            "t.directive_id = :directive",
            (":directive", id),
            on,
            reason,
        )
    }

    /// When a directive was revoked, if it was.
    fn revoked_on(&self, id: i64) -> Result<Option<NaiveDate>> {
        Ok(self
            .conn
            .prepare_cached("SELECT revoked_on FROM directive WHERE id = ?1")?
            .query_row([id], |row| row.get(0))?)
    }

    /// The directive that replaced this one, if one did.
    fn replaced_by(&self, id: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT replaced_by FROM directive WHERE id = ?1")?
            .query_row([id], |row| row.get(0))?)
    }

    /// Dissolves a unit from `on`: its open obligations are cancelled.
    fn dissolve_unit(&self, id: i64, on: NaiveDate, reason: &str) -> Result<usize> {
        self.update_logged("unit", id, |conn| {
            conn.prepare_cached("UPDATE unit SET dissolved_on = ?2 WHERE id = ?1")?
                .execute(params![id, on])
        })?;
        self.cancel_open(
            "o.unit_id = :unit AND o.person_id IS NULL",
            (":unit", id),
            on,
            reason,
        )
    }

    /// Merges unit `id` into `into` from `on`: the unit is dissolved and
    /// points to its successor; each obligation it still had open is
    /// cancelled for it and opened for the successor from `on`, unless the
    /// successor owes that task already. Units under it move to the successor.
    /// Returns how many obligations passed on.
    fn merge_unit(
        &self,
        id: i64,
        into: i64,
        on: NaiveDate,
        reason: &str,
    ) -> Result<(usize, usize)> {
        let open: Vec<(i64, i64, NaiveDate)> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, task_id, due_on FROM obligation
                 WHERE unit_id = ?1 AND person_id IS NULL AND completed_on IS NULL
                   AND cancelled_on IS NULL
                 ORDER BY id",
            )?;
            let rows = stmt.query_map([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let (mut passed, mut closed) = (0, 0);
        for (obligation, task, due_on) in open {
            self.cancel_obligation(obligation, on, reason)?;
            let has: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM obligation
                     WHERE task_id = ?1 AND unit_id = ?2 AND person_id IS NULL)",
                [task, into],
                |row| row.get(0),
            )?;
            if !has {
                self.conn
                    .prepare_cached(
                        "INSERT INTO obligation (task_id, unit_id, due_on, opened_on, passed_from)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![task, into, due_on, on, id])?;
                self.log_insert("obligation", self.conn.last_insert_rowid())?;
                passed += 1;
            } else {
                closed += 1;
            }
        }
        for child in self.live_children(id)? {
            self.move_unit(child.id, into)?;
        }
        self.update_logged("unit", id, |conn| {
            conn.prepare_cached(
                "UPDATE unit SET dissolved_on = ?2, successor_id = ?3 WHERE id = ?1",
            )?
            .execute(params![id, on, into])
        })?;
        Ok((passed, closed))
    }

    /// Units still existing directly under `id`.
    fn live_children(&self, id: i64) -> Result<Vec<Unit>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM unit WHERE parent_id = ?1 AND dissolved_on IS NULL ORDER BY name_key",
        )?;
        let ids = stmt.query_map([id], |row| row.get(0))?;
        ids.map(|id| self.unit(id?)).collect()
    }

    /// When a unit was dissolved or merged, if it was.
    fn dissolved_on(&self, id: i64) -> Result<Option<NaiveDate>> {
        Ok(self
            .conn
            .prepare_cached("SELECT dissolved_on FROM unit WHERE id = ?1")?
            .query_row([id], |row| row.get(0))?)
    }
}

impl SqliteDb<'_> {
    /// Cancels, from `on`, every obligation still open (not done) that
    /// `condition` names (`:directive` or `:unit` bound). Returns how many.
    pub(super) fn cancel_open(
        &self,
        condition: &str,
        key: (&str, i64),
        on: NaiveDate,
        reason: &str,
    ) -> Result<usize> {
        let sql = format!(
            "SELECT o.id FROM obligation o JOIN task t ON t.id = o.task_id
             WHERE {condition} AND o.completed_on IS NULL AND o.cancelled_on IS NULL
             ORDER BY o.id"
        );
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(&[(key.0, &key.1)], |row| row.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for id in &ids {
            self.cancel_obligation(*id, on, reason)?;
        }
        Ok(ids.len())
    }

    fn cancel_obligation(&self, id: i64, on: NaiveDate, reason: &str) -> Result<()> {
        self.update_logged("obligation", id, |conn| {
            conn.prepare_cached(
                "UPDATE obligation SET cancelled_on = ?2, cancelled_reason = ?3 WHERE id = ?1",
            )?
            .execute(params![id, on, reason])
        })
    }
}
