//! Revocations, dissolutions and mergers on PostgreSQL (see `sqlite/reorg.rs`):
//! what was done stays; what was still open is cancelled, or passed on.

use chrono::NaiveDate;

use super::{PgDb, date_at, day_at, iso};
use crate::domain::error::{Entity, Error, Result};
use crate::domain::unit::Unit;
use crate::store::{Reorganization, Units};

impl Reorganization for PgDb<'_> {
    fn revoke_directive(
        &self,
        id: i64,
        on: NaiveDate,
        reason: &str,
        replaced_by: Option<i64>,
    ) -> Result<usize> {
        self.update_logged("directive", id, |db| {
            db.exec(
                "UPDATE directive SET revoked_on = $2, revoked_reason = $3,
                     replaced_by = coalesce($4, replaced_by)
                 WHERE id = $1",
                &[&id, &iso(on), &reason, &replaced_by],
            )
        })?;
        self.cancel_open("t.directive_id = $1", id, on, reason)
    }

    fn revoked_on(&self, id: i64) -> Result<Option<NaiveDate>> {
        match self.opt("SELECT revoked_on FROM directive WHERE id = $1", &[&id])? {
            Some(row) => date_at(&row, 0),
            None => Err(Error::not_found(Entity::Directive, &format!("#{id}"))),
        }
    }

    fn replaced_by(&self, id: i64) -> Result<Option<i64>> {
        match self.opt("SELECT replaced_by FROM directive WHERE id = $1", &[&id])? {
            Some(row) => Ok(row.try_get(0)?),
            None => Err(Error::not_found(Entity::Directive, &format!("#{id}"))),
        }
    }

    fn dissolve_unit(&self, id: i64, on: NaiveDate, reason: &str) -> Result<usize> {
        self.update_logged("unit", id, |db| {
            db.exec(
                "UPDATE unit SET dissolved_on = $2 WHERE id = $1",
                &[&id, &iso(on)],
            )
        })?;
        self.cancel_open("o.unit_id = $1 AND o.person_id IS NULL", id, on, reason)
    }

    fn merge_unit(
        &self,
        id: i64,
        into: i64,
        on: NaiveDate,
        reason: &str,
    ) -> Result<(usize, usize)> {
        let open: Vec<(i64, i64, NaiveDate)> = self
            .rows(
                "SELECT id, task_id, due_on FROM obligation
                 WHERE unit_id = $1 AND person_id IS NULL AND completed_on IS NULL
                   AND cancelled_on IS NULL
                 ORDER BY id",
                &[&id],
            )?
            .iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?, day_at(row, 2)?)))
            .collect::<Result<_>>()?;
        let (mut passed, mut closed) = (0, 0);
        for (obligation, task, due_on) in open {
            self.cancel_obligation(obligation, on, reason)?;
            let has: bool = self
                .one(
                    "SELECT EXISTS (SELECT 1 FROM obligation
                         WHERE task_id = $1 AND unit_id = $2 AND person_id IS NULL)",
                    &[&task, &into],
                )?
                .try_get(0)?;
            if !has {
                let new = self.int(
                    "INSERT INTO obligation (task_id, unit_id, due_on, opened_on, passed_from)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                    &[&task, &into, &iso(due_on), &iso(on), &id],
                )?;
                self.log_insert("obligation", new)?;
                passed += 1;
            } else {
                closed += 1;
            }
        }
        for child in self.live_children(id)? {
            self.move_unit(child.id, into)?;
        }
        self.update_logged("unit", id, |db| {
            db.exec(
                "UPDATE unit SET dissolved_on = $2, successor_id = $3 WHERE id = $1",
                &[&id, &iso(on), &into],
            )
        })?;
        Ok((passed, closed))
    }

    fn live_children(&self, id: i64) -> Result<Vec<Unit>> {
        let ids: Vec<i64> = self
            .rows(
                "SELECT id FROM unit WHERE parent_id = $1 AND dissolved_on IS NULL
                 ORDER BY name_key",
                &[&id],
            )?
            .iter()
            .map(|row| row.try_get(0))
            .collect::<std::result::Result<_, _>>()?;
        ids.into_iter().map(|id| self.unit(id)).collect()
    }

    fn dissolved_on(&self, id: i64) -> Result<Option<NaiveDate>> {
        match self.opt("SELECT dissolved_on FROM unit WHERE id = $1", &[&id])? {
            Some(row) => date_at(&row, 0),
            None => Err(Error::not_found(Entity::Unit, &format!("#{id}"))),
        }
    }
}

impl PgDb<'_> {
    /// Cancels, from `on`, every obligation still open (not done) that
    /// `condition` names (on `$1`, bound to `key`). Returns how many.
    pub(super) fn cancel_open(
        &self,
        condition: &str,
        key: i64,
        on: NaiveDate,
        reason: &str,
    ) -> Result<usize> {
        let ids: Vec<i64> = self
            .rows(
                &format!(
                    "SELECT o.id FROM obligation o JOIN task t ON t.id = o.task_id
                     WHERE {condition} AND o.completed_on IS NULL AND o.cancelled_on IS NULL
                     ORDER BY o.id"
                ),
                &[&key],
            )?
            .iter()
            .map(|row| row.try_get(0))
            .collect::<std::result::Result<_, _>>()?;
        for id in &ids {
            self.cancel_obligation(*id, on, reason)?;
        }
        Ok(ids.len())
    }

    fn cancel_obligation(&self, id: i64, on: NaiveDate, reason: &str) -> Result<()> {
        self.update_logged("obligation", id, |db| {
            db.exec(
                "UPDATE obligation SET cancelled_on = $2, cancelled_reason = $3 WHERE id = $1",
                &[&id, &iso(on), &reason],
            )
        })
    }
}
