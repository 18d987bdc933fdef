//! Tasks given after they were set, on PostgreSQL (see `sqlite/assign.rs`).

use chrono::NaiveDate;

use super::{PgDb, not_yet};
use crate::domain::UnitKind;
use crate::domain::error::Result;
use crate::domain::person::Person;
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::store::{Assignments, NewObligation, UnitObligation};

impl Assignments for PgDb<'_> {
    fn tasks_in_force(&self) -> Result<Vec<(Task, Option<i64>)>> {
        Err(not_yet("Assignments::tasks_in_force"))
    }

    fn has_open_obligations(&self, _task_id: i64) -> Result<bool> {
        Err(not_yet("Assignments::has_open_obligations"))
    }

    fn units_within(&self, _root: Option<i64>) -> Result<Vec<Unit>> {
        Err(not_yet("Assignments::units_within"))
    }

    fn people_in_post(&self, _unit_id: i64) -> Result<Vec<Person>> {
        Err(not_yet("Assignments::people_in_post"))
    }

    fn unit_recorded_on(&self, _unit_id: i64) -> Result<NaiveDate> {
        Err(not_yet("Assignments::unit_recorded_on"))
    }

    fn owing(&self, _task_id: i64) -> Result<Vec<(i64, Option<i64>)>> {
        Err(not_yet("Assignments::owing"))
    }

    fn insert_obligations(&self, _task_id: i64, _new: &[NewObligation]) -> Result<usize> {
        Err(not_yet("Assignments::insert_obligations"))
    }

    fn unit_obligations(&self, _unit_id: i64, _kind: UnitKind) -> Result<Vec<UnitObligation>> {
        Err(not_yet("Assignments::unit_obligations"))
    }

    fn set_obligation_due(&self, _obligation_id: i64, _due_on: NaiveDate) -> Result<()> {
        Err(not_yet("Assignments::set_obligation_due"))
    }
}
