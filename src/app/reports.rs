//! The reports over obligations: which ones each shows, in which order, as
//! of which day. The rows stream to a callback, so that a report of millions
//! of rows never sits in memory.

use chrono::{Days, NaiveDate};

use super::{DirectiveQuery, resolve_directive, resolve_person, resolve_task, resolve_unit};
use crate::domain::UnitKind;
use crate::domain::error::Result;
use crate::domain::person::Person;
use crate::domain::unit::Unit;
use crate::report::obligations::ObligationRow;
use crate::store::{Db, Order, Scope, Selection};

/// The filters a clerk gives a report, by reference; all that are given apply.
#[derive(Debug, Clone, Default)]
pub struct Filters<'a> {
    pub directive: Option<DirectiveQuery<'a>>,
    pub task: Option<&'a str>,
    /// The units in the subtree of this one (itself included).
    pub within: Option<&'a str>,
    pub kind: Option<UnitKind>,
}

/// The scope the filters name.
pub fn scope(db: &dyn Db, f: &Filters<'_>) -> Result<Scope> {
    Ok(Scope {
        directive: f
            .directive
            .as_ref()
            .map(|q| resolve_directive(db, q))
            .transpose()?
            .map(|d| d.id),
        task: f
            .task
            .map(|t| resolve_task(db, t))
            .transpose()?
            .map(|t| t.id),
        within: f
            .within
            .map(|u| resolve_unit(db, u))
            .transpose()?
            .map(|u| u.id),
        kind: f.kind,
    })
}

/// Every obligation open and past its due date on `as_of`, by parent and unit.
pub fn overdue(
    db: &dyn Db,
    scope: &Scope,
    as_of: NaiveDate,
    each: &mut dyn FnMut(&mut ObligationRow) -> Result<()>,
) -> Result<()> {
    db.for_each_obligation(scope, Selection::Overdue, as_of, Order::Unit, each)
}

/// How many obligations are overdue on `as_of`: what `overdue` would list.
pub fn count_overdue(db: &dyn Db, scope: &Scope, as_of: NaiveDate) -> Result<usize> {
    db.count_overdue(scope, as_of)
}

/// Every obligation open on `as_of` and due within `days` days of it (today
/// included), soonest first.
pub fn upcoming(
    db: &dyn Db,
    scope: &Scope,
    as_of: NaiveDate,
    days: u32,
    each: &mut dyn FnMut(&mut ObligationRow) -> Result<()>,
) -> Result<()> {
    let until = as_of
        .checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX);
    db.for_each_obligation(scope, Selection::DueBy(until), as_of, Order::Due, each)
}

/// Everything `unit` and its subtree owe or have done, whatever its status.
pub fn agenda(
    db: &dyn Db,
    unit: &Unit,
    filters: &Filters<'_>,
    as_of: NaiveDate,
    each: &mut dyn FnMut(&mut ObligationRow) -> Result<()>,
) -> Result<()> {
    let scope = scope(
        db,
        &Filters {
            within: Some(&unit.code),
            ..filters.clone()
        },
    )?;
    db.for_each_obligation(&scope, Selection::All, as_of, Order::Unit, each)
}

/// What one person owes or has done, with the unit they serve in.
pub struct PersonAgenda {
    pub person: Person,
    pub unit: Unit,
}

/// Finds a person and the unit they serve in, for `person_agenda`.
pub fn person(db: &dyn Db, reference: &str) -> Result<PersonAgenda> {
    let person = resolve_person(db, reference)?;
    let unit = db.unit(person.unit_id)?;
    Ok(PersonAgenda { person, unit })
}

/// Everything `who` owes or has done, whatever its status.
pub fn person_agenda(
    db: &dyn Db,
    who: &PersonAgenda,
    as_of: NaiveDate,
    each: &mut dyn FnMut(&mut ObligationRow) -> Result<()>,
) -> Result<()> {
    let scope = Scope {
        within: Some(who.unit.id),
        ..Scope::default()
    };
    db.for_each_obligation(&scope, Selection::All, as_of, Order::Unit, &mut |row| {
        if row.person.as_deref() == Some(who.person.code.as_str()) {
            each(row)?;
        }
        Ok(())
    })
}
