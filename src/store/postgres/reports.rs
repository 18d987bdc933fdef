//! The queries behind reports, on PostgreSQL (see `sqlite/reports.rs`).

use chrono::NaiveDate;
use foldhash::HashMap;

use super::{PgDb, not_yet};
use crate::domain::error::Result;
use crate::domain::obligation::ObligationRow;
use crate::store::{Fact, GroupUnit, Order, Reports, Scope, Selection};

impl Reports for PgDb<'_> {
    fn for_each_obligation(
        &self,
        _scope: &Scope,
        _selection: Selection,
        _as_of: NaiveDate,
        _order: Order,
        _each: &mut dyn FnMut(ObligationRow) -> Result<()>,
    ) -> Result<()> {
        Err(not_yet("Reports::for_each_obligation"))
    }

    fn count_overdue(&self, _scope: &Scope, _as_of: NaiveDate) -> Result<usize> {
        Err(not_yet("Reports::count_overdue"))
    }

    fn for_each_fact(
        &self,
        _scope: &Scope,
        _as_of: NaiveDate,
        _each: &mut dyn FnMut(&[Fact]),
    ) -> Result<()> {
        Err(not_yet("Reports::for_each_fact"))
    }

    fn parent_units(&self, _as_of: NaiveDate) -> Result<HashMap<i64, GroupUnit>> {
        Err(not_yet("Reports::parent_units"))
    }

    fn unit_parents(&self, _as_of: NaiveDate) -> Result<Vec<(i64, i64)>> {
        Err(not_yet("Reports::unit_parents"))
    }

    fn for_each_result(
        &self,
        _scope: &Scope,
        _as_of: NaiveDate,
        _each: &mut dyn FnMut(crate::domain::obligation::ObligationResult) -> Result<()>,
    ) -> Result<()> {
        Err(not_yet("Reports::for_each_result"))
    }
}
