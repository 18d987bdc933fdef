//! Completions: recording that a unit (or a person) has done a task,
//! correcting the record, and extensions of the due date.

use chrono::NaiveDate;

use super::{resolve_person, resolve_task, resolve_unit, text};
use crate::domain::error::{Error, Field, Result};
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::domain::{Rating, Status};
use crate::store::{CompletionNote, Db};
use crate::text::normalize;

/// A completion as the clerk reports it.
#[derive(Debug, Clone, Default)]
pub struct Completion<'a> {
    pub task: &'a str,
    /// The unit that did it; on a task for people, `person` instead.
    pub unit: Option<&'a str>,
    pub person: Option<&'a str>,
    /// The day it was done (default: today).
    pub on: Option<NaiveDate>,
    pub evidence: Option<&'a str>,
    pub note: Option<&'a str>,
    /// A correction of a completion already recorded.
    pub correct: bool,
    pub rating: Option<Rating>,
    /// Why the unit is not rated, on a rating task.
    pub not_rated: Option<&'a str>,
    /// Record it although "lower levels first" says no (the record keeps that).
    pub force: bool,
}

/// What was recorded.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub task: Task,
    /// The unit: the one that did it, or the person's.
    pub unit: Unit,
    /// Who did it: the unit's name or the person's.
    pub who: String,
    pub on: NaiveDate,
    /// Its status against the due date.
    pub status: Status,
    /// The date recorded before, when this corrects it.
    pub was: Option<NaiveDate>,
    /// The rating tasks the person's unit has not done yet, when a person's
    /// review is recorded before their collective's (allowed, but said).
    pub collective_open: Vec<String>,
}

/// Records one completion, checking the rules: the task applies, the date is
/// not in the future, a rating only on a rating task, lower levels first, a
/// second record only as a correction.
pub fn record(db: &dyn Db, c: &Completion<'_>, actor: &str, today: NaiveDate) -> Result<Recorded> {
    let task = resolve_task(db, c.task)?;
    // A unit's own obligation, or, on a task for people, a person's.
    let (unit, who, person, obligation) = match (c.person, task.for_people) {
        (Some(reference), _) => {
            let person = resolve_person(db, reference)?;
            let Some(obligation) = db.person_obligation(task.id, person.id)? else {
                return Err(Error::NotApplicable {
                    task: task.code,
                    who: person.name,
                    person: true,
                });
            };
            (db.unit(person.unit_id)?, person.name, true, obligation)
        }
        (None, true) => return Err(Error::PersonNeeded { task: task.code }),
        (None, false) => {
            let Some(unit) = c.unit else {
                return Err(Error::UnitNeeded);
            };
            let unit = resolve_unit(db, unit)?;
            let Some(obligation) = db.obligation(task.id, unit.id)? else {
                return Err(Error::NotApplicable {
                    task: task.code,
                    who: unit.name,
                    person: false,
                });
            };
            let who = unit.name.clone();
            (unit, who, false, obligation)
        }
    };
    let on = c.on.unwrap_or(today);
    if on > today {
        return Err(Error::InFuture { date: on, today });
    }
    let not_rated = c.not_rated.map(normalize).filter(|s| !s.is_empty());
    if (c.rating.is_some() || not_rated.is_some()) && !task.rated {
        return Err(Error::NotARatingTask { task: task.code });
    }
    // Lower levels first: a đảng bộ is done only when the units under it are.
    let mut forced = false;
    if !person
        && obligation.completed_on.is_none()
        && unit.kind.has_children()
        && db.rules()?.lower_levels_first
    {
        let open = db.open_below(task.id, unit.id)?;
        if !open.is_empty() {
            if !c.force {
                return Err(Error::LowerLevelsOpen { unit: who, open });
            }
            forced = true;
        }
    }
    if let Some(done) = obligation.completed_on {
        if !c.correct {
            return Err(Error::AlreadyDone {
                who,
                task: task.code,
                on: done,
            });
        }
        db.set_action("done.correct")?;
    }
    let optional = |s: Option<&str>| s.map(normalize).filter(|s| !s.is_empty());
    let (evidence, note) = (optional(c.evidence), optional(c.note));
    db.complete(
        obligation.id,
        on,
        &CompletionNote {
            evidence: evidence.as_deref(),
            note: note.as_deref(),
            recorded_by: actor,
            rating: c.rating,
            not_rated: not_rated.as_deref(),
            forced,
        },
    )?;
    // Collectives before their members: a leader's review before their
    // unit's is allowed, but said.
    let collective_open = if person && task.rated {
        db.open_reviews_of_unit(unit.id)?
    } else {
        Vec::new()
    };
    Ok(Recorded {
        status: Status::as_of(obligation.due_on, Some(on), on),
        task,
        unit,
        who,
        on,
        was: obligation.completed_on,
        collective_open,
    })
}

/// An extension granted.
#[derive(Debug, Clone)]
pub struct Extended {
    pub task: Task,
    pub unit: Unit,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
}

/// Moves one unit's due date for a task to `to` (gia hạn), with a reason.
pub fn extend(
    db: &dyn Db,
    task: &str,
    unit: &str,
    to: NaiveDate,
    reason: &str,
) -> Result<Extended> {
    let task = resolve_task(db, task)?;
    let unit = resolve_unit(db, unit)?;
    let reason = text(reason, Field::ExtendReason)?;
    let Some(obligation) = db.obligation(task.id, unit.id)? else {
        return Err(Error::NotApplicable {
            task: task.code,
            who: unit.name,
            person: false,
        });
    };
    if let Some(done) = obligation.completed_on {
        return Err(Error::ExtendDone {
            unit: unit.name,
            task: task.code,
            on: done,
        });
    }
    if to <= obligation.due_on {
        return Err(Error::ExtendNotLater {
            from: obligation.due_on,
            to,
        });
    }
    db.extend(obligation.id, to, &reason)?;
    Ok(Extended {
        task,
        unit,
        from: obligation.due_on,
        to,
        reason,
    })
}
