//! Revocations, dissolutions and mergers on PostgreSQL (see `sqlite/reorg.rs`).

use chrono::NaiveDate;

use super::{PgDb, not_yet};
use crate::domain::error::Result;
use crate::domain::unit::Unit;
use crate::store::Reorganization;

impl Reorganization for PgDb<'_> {
    fn revoke_directive(
        &self,
        _id: i64,
        _on: NaiveDate,
        _reason: &str,
        _replaced_by: Option<i64>,
    ) -> Result<usize> {
        Err(not_yet("Reorganization::revoke_directive"))
    }

    fn revoked_on(&self, _id: i64) -> Result<Option<NaiveDate>> {
        Err(not_yet("Reorganization::revoked_on"))
    }

    fn replaced_by(&self, _id: i64) -> Result<Option<i64>> {
        Err(not_yet("Reorganization::replaced_by"))
    }

    fn dissolve_unit(&self, _id: i64, _on: NaiveDate, _reason: &str) -> Result<usize> {
        Err(not_yet("Reorganization::dissolve_unit"))
    }

    fn merge_unit(
        &self,
        _id: i64,
        _into: i64,
        _on: NaiveDate,
        _reason: &str,
    ) -> Result<(usize, usize)> {
        Err(not_yet("Reorganization::merge_unit"))
    }

    fn live_children(&self, _id: i64) -> Result<Vec<Unit>> {
        Err(not_yet("Reorganization::live_children"))
    }

    fn dissolved_on(&self, _id: i64) -> Result<Option<NaiveDate>> {
        Err(not_yet("Reorganization::dissolved_on"))
    }
}
