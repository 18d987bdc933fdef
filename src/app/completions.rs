//! Completions: recording that a unit (or a person) has done a task,
//! correcting the record, and extensions of the due date.

use chrono::NaiveDate;

use super::ratings::{Issue, RatingIssue, check};
use super::{optional_text, resolve_person, resolve_task, resolve_unit, text};
use crate::domain::change::{ChangedField, FieldChange, day_value, push_change};
use crate::domain::directive::Directive;
use crate::domain::error::{DateRule, DateSubject, Error, Field, Result};
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::domain::{Rating, Status};
use crate::store::{CompletionNote, Db};

/// A completion as the clerk reports it.
#[derive(Debug, Clone, Default)]
pub struct Completion<'a> {
    pub task: &'a str,
    /// The unit that did it; on a task for people, `person` instead.
    pub unit: Option<&'a str>,
    pub person: Option<&'a str>,
    /// The day it was done (default: today; on a correction, the day
    /// recorded).
    pub on: Option<NaiveDate>,
    pub evidence: Option<&'a str>,
    pub note: Option<&'a str>,
    /// A correction of a completion already recorded: what it does not
    /// name stays as recorded.
    pub correct: bool,
    pub rating: Option<Rating>,
    /// Why the unit is not rated, on a rating task.
    pub not_rated: Option<&'a str>,
    /// Record it although a rule of dates says no (lower levels first,
    /// before its directive was issued, a year or more from its due date);
    /// the record keeps that.
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
    /// Who did it: the unit's code or the person's.
    pub code: String,
    pub on: NaiveDate,
    /// Its status against the due date.
    pub status: Status,
    /// The date recorded before, when this corrects it.
    pub was: Option<NaiveDate>,
    /// The rating recorded now, and the one before (on a correction).
    pub rating: Option<Rating>,
    pub rating_was: Option<Rating>,
    /// Why it is not rated, on a rating task recorded without a rating.
    pub not_rated: Option<String>,
    /// What a correction changed (empty on a first record).
    pub changes: Vec<FieldChange>,
    /// The rating tasks the person's unit has not done yet, when a person's
    /// review is recorded before their collective's (allowed, but said).
    pub collective_open: Vec<String>,
    /// The due date it was judged against.
    pub due_on: NaiveDate,
}

impl Recorded {
    /// Days late, when so many that the year may be typed wrong (more than
    /// half a year: said, not refused; more than a year is refused).
    pub fn late_by_much(&self) -> Option<i64> {
        let late = (self.on - self.due_on).num_days();
        (late > LATE_TO_QUESTION_DAYS).then_some(late)
    }
}

/// How many days late a completion is before the clerk is asked, on
/// stderr, to check the year.
pub const LATE_TO_QUESTION_DAYS: i64 = 183;

/// How many days from its due date a completion may be before it is taken
/// for a year typed wrong: a year.
pub const FAR_FROM_DUE_DAYS: i64 = 366;

/// Records one completion, checking the rules: the task applies, the date is
/// not in the future, and unless forced neither before the directive was
/// issued nor a year from the due date; a rating only on a rating task and
/// always on one (or the reason there is none); lower levels first, by
/// date; a second record only as a correction, which changes only the
/// fields it names.
pub fn record(db: &dyn Db, c: &Completion<'_>, actor: &str, today: NaiveDate) -> Result<Recorded> {
    let task = resolve_task(db, c.task)?;
    // A unit's own obligation, or, on a task for people, a person's.
    let (unit, who, code, person, obligation) = match (c.person, task.for_people) {
        // A person named for a task the units owe: said so, not that the
        // person does not owe it.
        (Some(_), false) if c.unit.is_none() => {
            return Err(Error::UnitNeededNotPerson {
                task: super::tasks::task_name(db, &task)?,
            });
        }
        (Some(reference), _) => {
            let person = resolve_person(db, reference)?;
            // An office's write outside its units: said first.
            db.may_write_for(person.unit_id)?;
            let Some(obligation) = db.person_obligation(task.id, person.id)? else {
                return Err(office_asks(
                    db,
                    Error::NotApplicable {
                        task: super::tasks::task_name(db, &task)?,
                        who: person.name,
                        person: true,
                        code: None,
                        due_needed: false,
                    },
                ));
            };
            (
                db.unit(person.unit_id)?,
                person.name,
                person.code,
                true,
                obligation,
            )
        }
        (None, true) => {
            return Err(Error::PersonNeeded {
                task: super::tasks::task_name(db, &task)?,
            });
        }
        (None, false) => {
            let Some(unit) = c.unit else {
                return Err(Error::UnitNeeded);
            };
            let unit = resolve_unit(db, unit)?;
            // An office's write outside its units: said first.
            db.may_write_for(unit.id)?;
            let Some(obligation) = db.obligation(task.id, unit.id)? else {
                let due_needed = super::assign::due_needed(db, &task, &unit)?;
                return Err(office_asks(
                    db,
                    Error::NotApplicable {
                        task: super::tasks::task_name(db, &task)?,
                        who: unit.name,
                        person: false,
                        due_needed,
                        code: Some(unit.code),
                    },
                ));
            };
            let (who, code) = (unit.name.clone(), unit.code.clone());
            (unit, who, code, false, obligation)
        }
    };
    let before = match obligation.completed_on {
        Some(_) => db.recorded_completion(obligation.id)?,
        None => None,
    };
    if let Some(before) = &before
        && !c.correct
    {
        return Err(Error::AlreadyDone {
            who,
            task: super::tasks::task_name(db, &task)?,
            on: before.on,
            rating: task.rated.then_some(before.rating),
        });
    }
    if before.is_none() && c.correct {
        return Err(Error::NothingToCorrect {
            who,
            task: super::tasks::task_name(db, &task)?,
        });
    }
    // A correction keeps the day recorded unless it gives another.
    let on = c.on.or(before.as_ref().map(|b| b.on)).unwrap_or(today);
    if on > today {
        return Err(Error::InFuture { date: on, today });
    }
    // Done by a unit that no longer existed: a date typed wrongly, most likely.
    if !person
        && !c.force
        && let Some(end) = db.dissolved_on(unit.id)?.filter(|end| on >= *end)
    {
        return Err(Error::DateOrder {
            rule: DateRule::DoneAfterEnd,
            date: on,
            limit: end,
            subject: DateSubject::Named(unit.name.clone()),
        });
    }
    let evidence = optional_text(c.evidence, Field::Evidence)?;
    let note = optional_text(c.note, Field::Note)?;
    let not_rated = optional_text(c.not_rated, Field::NotRatedReason)?;
    if (c.rating.is_some() || not_rated.is_some()) && !task.rated {
        return Err(office_asks(
            db,
            Error::NotARatingTask {
                task: super::tasks::task_name(db, &task)?,
            },
        ));
    }
    // The rules of dates, each of which `--force` passes (and the record
    // keeps that): checked for a new day; a correction that keeps the day
    // keeps what was forced.
    let forced = match &before {
        Some(b) if b.on == on => b.forced,
        _ => check_dates(
            db,
            c.force,
            &task,
            // Lower levels first is a rule of units, not of people.
            (!person).then_some(&unit),
            obligation.due_on,
            before.as_ref().map(|b| b.on),
            on,
        )?,
    };
    // A rating, or the reason there is none; a correction that gives
    // neither keeps the one recorded.
    let (rating, not_rated) = match (c.rating, not_rated) {
        (Some(rating), _) => (Some(rating), None),
        (None, Some(reason)) => (None, Some(reason)),
        (None, None) => before
            .as_ref()
            .map(|b| (b.rating, b.not_rated.clone()))
            .unwrap_or_default(),
    };
    if task.rated && rating.is_none() && not_rated.is_none() {
        return Err(Error::RatingNeeded {
            task: super::tasks::task_name(db, &task)?,
            who,
        });
    }
    // A correction changes only what it names: the rest stays as recorded,
    // and so does who recorded it (the log says who corrected it).
    let evidence = evidence.or_else(|| before.as_ref().and_then(|b| b.evidence.clone()));
    let note = note.or_else(|| before.as_ref().and_then(|b| b.note.clone()));
    let recorded_by = before
        .as_ref()
        .and_then(|b| b.recorded_by.clone())
        .unwrap_or_else(|| actor.to_string());
    let mut changes = Vec::new();
    if let Some(b) = &before {
        let code = |r: Option<Rating>| r.map(|r| r.code().to_string());
        push_change(
            &mut changes,
            ChangedField::CompletedOn,
            day_value(b.on),
            day_value(on),
        );
        push_change(
            &mut changes,
            ChangedField::Rating,
            code(b.rating),
            code(rating),
        );
        push_change(
            &mut changes,
            ChangedField::NotRated,
            b.not_rated.clone(),
            not_rated.clone(),
        );
        push_change(
            &mut changes,
            ChangedField::Evidence,
            b.evidence.clone(),
            evidence.clone(),
        );
        push_change(
            &mut changes,
            ChangedField::Note,
            b.note.clone(),
            note.clone(),
        );
        if changes.is_empty() {
            return Err(Error::NothingChanged);
        }
        db.set_action("done.correct")?;
    }
    db.complete(
        obligation.id,
        on,
        &CompletionNote {
            evidence: evidence.as_deref(),
            note: note.as_deref(),
            recorded_by: &recorded_by,
            rating,
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
        code,
        on,
        was: before.as_ref().map(|b| b.on),
        rating,
        rating_was: before.and_then(|b| b.rating),
        not_rated,
        changes,
        collective_open,
        due_on: obligation.due_on,
    })
}

/// The day the directive was issued, when `on` is before it. The one place
/// a completion is compared with its directive's date.
fn issued_after(directive: &Directive, on: NaiveDate) -> Option<NaiveDate> {
    directive.issued_on.filter(|issued| on < *issued)
}

/// Whether `on` is more than a year before or after `due`.
/// `e`, which tells of a command only the committee's clerk runs (`task
/// assign`, `task add --rated`), as something to ask of that clerk when the
/// login is an office's.
fn office_asks(db: &dyn Db, e: Error) -> Error {
    if db.writes_as_office() {
        Error::AskCommittee(Box::new(e))
    } else {
        e
    }
}

pub fn far_from_due(due: NaiveDate, on: NaiveDate) -> bool {
    (on - due).num_days().abs() > FAR_FROM_DUE_DAYS
}

/// The rules of dates for a completion on `on` (`was`: the day a correction
/// moves it from): not before the directive was issued, not a year from the
/// due date, and for a unit's own completion, lower levels first. Each is
/// refused unless forced; returns whether one was forced.
fn check_dates(
    db: &dyn Db,
    force: bool,
    task: &Task,
    unit: Option<&Unit>,
    due: NaiveDate,
    was: Option<NaiveDate>,
    on: NaiveDate,
) -> Result<bool> {
    // A rule that says no: refused, or with `--force`, recorded as forced.
    let rule_says_no = |error: Error| if force { Ok(true) } else { Err(error) };
    let mut forced = false;
    // Done before the directive asked it: a typo in the year, most likely.
    let directive = db.directive(task.directive_id)?;
    if let Some(issued) = issued_after(&directive, on) {
        forced |= rule_says_no(Error::DateOrder {
            rule: DateRule::DoneBeforeIssue,
            date: on,
            limit: issued,
            subject: DateSubject::Directive(Box::new(directive)),
        })?;
    }
    // A year or more from the due date: a year typed wrong, most likely.
    if far_from_due(due, on) {
        forced |= rule_says_no(Error::FarFromDue { date: on, due })?;
    }
    let Some(unit) = unit else {
        return Ok(forced);
    };
    if !db.rules()?.lower_levels_first {
        return Ok(forced);
    }
    // Lower levels first: a đảng bộ is done on a day only when the units
    // under it that owe the task were done by then.
    if unit.kind.has_children() {
        let below = db.below_not_done_by(task.id, unit.id, on)?;
        if !below.is_empty() && below.iter().all(|(_, done)| done.is_none()) {
            forced |= rule_says_no(Error::LowerLevelsOpen {
                unit: unit.name.clone(),
                open: below.into_iter().map(|(name, _)| name).collect(),
                rated: task.rated,
            })?;
        } else if !below.is_empty() {
            forced |= rule_says_no(Error::LowerLevelsLater {
                unit: unit.name.clone(),
                on,
                below,
                rated: task.rated,
            })?;
        }
    }
    // And a correction does not move a unit after the units above it that
    // were done (when it was not after them already).
    if let Some(was) = was {
        let above: Vec<(String, NaiveDate)> = db
            .done_above(task.id, unit.id)?
            .into_iter()
            .filter(|(_, done)| *done < on && was <= *done)
            .collect();
        if !above.is_empty() {
            forced |= rule_says_no(Error::AfterUpperLevel {
                unit: unit.name.clone(),
                on,
                above,
                rated: task.rated,
            })?;
        }
    }
    Ok(forced)
}

/// What the ratings just recorded (or changed) break, recorded all the
/// same: the quota of HTXSNV of a group the rating adds to (an HTXSNV, or
/// an HTTNV taken back), a unit rated younger than the rules allow. The rules are those
/// of the ratings report (`ratings::check`), as of `today`.
pub fn rating_warnings(
    db: &dyn Db,
    recorded: &[Recorded],
    today: NaiveDate,
) -> Result<Vec<RatingIssue>> {
    let mut warnings: Vec<RatingIssue> = Vec::new();
    // Only what this change rated: a correction of the date or the note
    // leaves what was said of its rating unsaid again.
    let rated: Vec<&Recorded> = recorded
        .iter()
        .filter(|r| {
            r.task.rated && r.rating.is_some() && (r.was.is_none() || r.rating != r.rating_was)
        })
        .collect();
    let mut tasks: Vec<&Task> = rated.iter().map(|r| &r.task).collect();
    tasks.dedup_by_key(|t| t.id);
    if tasks.is_empty() {
        return Ok(warnings);
    }
    let rules = db.rules()?;
    for task in tasks {
        let mine: Vec<&&Recorded> = rated.iter().filter(|r| r.task.id == task.id).collect();
        // One group's units share a parent: read only its subtree when the
        // ratings are all in one group.
        let parents: Vec<Option<i64>> = mine.iter().map(|r| r.unit.parent_id).collect();
        let within = match parents.first() {
            Some(&Some(parent)) if parents.iter().all(|p| *p == Some(parent)) => Some(parent),
            _ => None,
        };
        let facts = db.rating_facts(Some(task.id), within, today)?;
        let checked = check(&facts, &rules, |_| task.code.clone());
        for r in mine {
            let group = facts
                .iter()
                .find(|f| f.unit_code == r.code)
                .map(|f| f.parent_code.clone().unwrap_or_default());
            let adds_to_quota = r.rating == Some(Rating::Htxsnv)
                || (r.rating_was == Some(Rating::Httnv) && r.rating != Some(Rating::Httnv));
            // Said at entry only when over whatever the rest of the group
            // gets: the results still to come may all be HTTNV.
            let over_for_sure = |group_code: &str| {
                checked
                    .groups
                    .iter()
                    .find(|g| g.group == group_code)
                    .is_none_or(|g| !rules.quota_kept(g.htxsnv, g.httnv + g.unrated))
            };
            for issue in &checked.issues {
                let concerns = match issue.issue {
                    Issue::TooYoung { .. } => issue.unit_code == r.code,
                    Issue::Quota { .. } => {
                        adds_to_quota
                            && group.as_ref() == Some(&issue.unit_code)
                            && over_for_sure(&issue.unit_code)
                    }
                    Issue::Forced | Issue::Missing => false,
                };
                if concerns && !warnings.contains(issue) {
                    warnings.push(issue.clone());
                }
            }
        }
    }
    Ok(warnings)
}

/// An extension granted.
#[derive(Debug, Clone)]
pub struct Extended {
    pub task: Task,
    pub unit: Unit,
    /// Who it was extended for, as said: the unit's name, or on a task for
    /// people the person's with their unit.
    pub who: String,
    /// The due date as first set (before any extension).
    pub first: NaiveDate,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
}

/// Moves one unit's due date for a task to `to` (gia hạn), with a reason;
/// with `person`, a person's on a task for people (`unit` is then not read).
pub fn extend(
    db: &dyn Db,
    task: &str,
    unit: &str,
    person: Option<&str>,
    to: NaiveDate,
    reason: &str,
) -> Result<Extended> {
    let task = resolve_task(db, task)?;
    let (unit, who, obligation) = match person {
        Some(reference) => {
            if !task.for_people {
                return Err(Error::UnitNeededNotPerson {
                    task: super::tasks::task_name(db, &task)?,
                });
            }
            let person = resolve_person(db, reference)?;
            db.may_write_for(person.unit_id)?;
            let unit = db.unit(person.unit_id)?;
            let who = format!("{} ({})", person.name, unit.name);
            let obligation = db.person_obligation(task.id, person.id)?;
            (unit, who, obligation.ok_or(person.name))
        }
        None => {
            if task.for_people {
                return Err(Error::PersonNeeded {
                    task: super::tasks::task_name(db, &task)?,
                });
            }
            let unit = resolve_unit(db, unit)?;
            db.may_write_for(unit.id)?;
            let obligation = db.obligation(task.id, unit.id)?;
            let who = unit.name.clone();
            let missing = unit.name.clone();
            (unit, who, obligation.ok_or(missing))
        }
    };
    let reason = text(reason, Field::ExtendReason)?;
    let obligation = match obligation {
        Ok(obligation) => obligation,
        Err(name) => {
            let due_needed = person.is_none() && super::assign::due_needed(db, &task, &unit)?;
            return Err(office_asks(
                db,
                Error::NotApplicable {
                    task: super::tasks::task_name(db, &task)?,
                    who: name,
                    person: person.is_some(),
                    due_needed,
                    code: person.is_none().then(|| unit.code.clone()),
                },
            ));
        }
    };
    if let Some(done) = obligation.completed_on {
        return Err(Error::ExtendDone {
            unit: who,
            task: super::tasks::task_name(db, &task)?,
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
        who,
        first: obligation.original_due_on.unwrap_or(obligation.due_on),
        from: obligation.due_on,
        to,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};

    fn done<'a>(unit: &'a str, on: &str) -> Completion<'a> {
        Completion {
            task: "kd",
            unit: Some(unit),
            on: Some(day(on)),
            ..Completion::default()
        }
    }

    const TODAY: &str = "13/12/2023";

    #[test]
    fn a_completion_is_judged_against_its_due_date() -> Result<()> {
        let mut store = son_tay(false)?;
        let r = change(&mut store, |db| {
            record(db, &done("nq1", "05/12/2023"), "cv", day(TODAY))
        })?;
        assert_eq!(
            (r.status, r.who.as_str()),
            (Status::DoneOnTime, "Chi bộ khu 1")
        );
        let r = change(&mut store, |db| {
            record(db, &done("cb", "08/12/2023"), "cv", day(TODAY))
        })?;
        assert_eq!(r.status, Status::DoneLate);
        Ok(())
    }

    #[test]
    fn lower_levels_come_first_unless_forced() -> Result<()> {
        let mut store = son_tay(false)?;
        change(&mut store, |db| {
            record(db, &done("nq1", "05/12/2023"), "cv", day(TODAY))
        })?;
        let refused = change(&mut store, |db| {
            record(db, &done("nq", "10/12/2023"), "cv", day(TODAY))
        });
        assert!(
            matches!(&refused, Err(Error::LowerLevelsOpen { open, .. }) if open == &["Chi bộ khu 2"]),
            "{refused:?}"
        );
        let forced = Completion {
            force: true,
            ..done("nq", "10/12/2023")
        };
        change(&mut store, |db| record(db, &forced, "cv", day(TODAY)))?;
        Ok(())
    }

    /// What is recorded of `unit`'s completion of `kd`.
    fn recorded(
        store: &crate::store::SqliteStore,
        unit: &str,
    ) -> Result<crate::store::RecordedCompletion> {
        let reader = crate::store::Storage::read(store);
        let db = &*reader;
        let task = resolve_task(db, "kd")?;
        let unit = resolve_unit(db, unit)?;
        let obligation = db.obligation(task.id, unit.id)?.expect("an obligation");
        Ok(db
            .recorded_completion(obligation.id)?
            .expect("a completion"))
    }

    #[test]
    fn lower_levels_come_first_by_date() -> Result<()> {
        let mut store = son_tay(false)?;
        change(&mut store, |db| {
            record(db, &done("nq1", "05/12/2023"), "cv", day(TODAY))?;
            record(db, &done("nq2", "08/12/2023"), "cv", day(TODAY))
        })?;
        // The ward on the 7th: Chi bộ khu 2 was done only on the 8th.
        let refused = change(&mut store, |db| {
            record(db, &done("nq", "07/12/2023"), "cv", day(TODAY))
        });
        assert!(
            matches!(
                &refused,
                Err(Error::LowerLevelsLater { below, .. })
                    if below == &[("Chi bộ khu 2".to_string(), Some(day("08/12/2023")))]
            ),
            "{refused:?}"
        );
        // On the 8th, every unit under it was done: recorded, not forced.
        change(&mut store, |db| {
            record(db, &done("nq", "08/12/2023"), "cv", day(TODAY))
        })?;
        assert!(!recorded(&store, "nq")?.forced);
        // Nor may a correction move the ward before its chi bộ…
        let earlier = Completion {
            correct: true,
            ..done("nq", "06/12/2023")
        };
        let refused = change(&mut store, |db| record(db, &earlier, "cv", day(TODAY)));
        assert!(
            matches!(refused, Err(Error::LowerLevelsLater { .. })),
            "{refused:?}"
        );
        // …nor a chi bộ after its ward, unless forced; the record keeps that.
        let later = Completion {
            correct: true,
            ..done("nq1", "09/12/2023")
        };
        let refused = change(&mut store, |db| record(db, &later, "cv", day(TODAY)));
        assert!(
            matches!(
                &refused,
                Err(Error::AfterUpperLevel { above, .. })
                    if above == &[("Đảng bộ phường Ngô Quyền".to_string(), day("08/12/2023"))]
            ),
            "{refused:?}"
        );
        let forced = Completion {
            force: true,
            ..later
        };
        change(&mut store, |db| record(db, &forced, "cv", day(TODAY)))?;
        assert!(recorded(&store, "nq1")?.forced);
        Ok(())
    }

    #[test]
    fn a_year_from_the_due_date_needs_force() -> Result<()> {
        let mut store = son_tay(false)?;
        // Due 06/12/2023: a year and a day later is still taken…
        change(&mut store, |db| {
            record(db, &done("cb", "06/12/2024"), "cv", day("01/01/2026"))
        })?;
        // …two days more is not, without --force.
        let late = change(&mut store, |db| {
            record(db, &done("nq1", "08/12/2024"), "cv", day("01/01/2026"))
        });
        assert!(
            matches!(
                late,
                Err(Error::FarFromDue { date, due }) if date == day("08/12/2024") && due == day("06/12/2023")
            ),
            "{late:?}"
        );
        let forced = Completion {
            force: true,
            ..done("nq1", "08/12/2024")
        };
        change(&mut store, |db| {
            record(db, &forced, "cv", day("01/01/2026"))
        })?;
        assert!(recorded(&store, "nq1")?.forced);
        assert!(far_from_due(day("06/12/2025"), day("01/12/2023")));
        assert!(!far_from_due(day("06/12/2024"), day("06/12/2023")));
        Ok(())
    }

    #[test]
    fn a_correction_changes_only_what_it_names() -> Result<()> {
        let mut store = son_tay(true)?;
        let first = Completion {
            rating: Some(Rating::Httnv),
            evidence: Some("Biên bản số 5"),
            note: Some("họp đủ"),
            ..done("cb", "06/12/2023")
        };
        change(&mut store, |db| record(db, &first, "cv", day(TODAY)))?;
        // Only the date: the rating, evidence, note and recorder stay.
        let date = Completion {
            correct: true,
            ..done("cb", "05/12/2023")
        };
        let r = change(&mut store, |db| record(db, &date, "khac", day(TODAY)))?;
        assert_eq!(
            r.changes,
            [FieldChange {
                field: ChangedField::CompletedOn,
                from: Some("2023-12-06".into()),
                to: Some("2023-12-05".into()),
            }]
        );
        let kept = recorded(&store, "cb")?;
        assert_eq!(
            (
                kept.on,
                kept.rating,
                kept.evidence.as_deref(),
                kept.note.as_deref(),
                kept.recorded_by.as_deref()
            ),
            (
                day("05/12/2023"),
                Some(Rating::Httnv),
                Some("Biên bản số 5"),
                Some("họp đủ"),
                Some("cv")
            )
        );
        // Only the note, no date: the date stays.
        let note = Completion {
            task: "kd",
            unit: Some("cb"),
            note: Some("họp bổ sung"),
            correct: true,
            ..Completion::default()
        };
        let r = change(&mut store, |db| record(db, &note, "khac", day(TODAY)))?;
        assert_eq!(r.on, day("05/12/2023"));
        assert_eq!(
            r.changes.iter().map(|c| c.field).collect::<Vec<_>>(),
            [ChangedField::Note]
        );
        // The reason there is no rating replaces the rating.
        let unrated = Completion {
            not_rated: Some("thành lập chưa đủ 6 tháng"),
            ..note.clone()
        };
        let r = change(&mut store, |db| record(db, &unrated, "khac", day(TODAY)))?;
        assert_eq!(
            r.changes.iter().map(|c| c.field).collect::<Vec<_>>(),
            [ChangedField::Rating, ChangedField::NotRated]
        );
        let kept = recorded(&store, "cb")?;
        assert_eq!(
            (kept.rating, kept.note.as_deref()),
            (None, Some("họp bổ sung"))
        );
        // A correction that names what is recorded changes nothing.
        let same = change(&mut store, |db| record(db, &unrated, "khac", day(TODAY)));
        assert!(matches!(same, Err(Error::NothingChanged)), "{same:?}");
        Ok(())
    }

    #[test]
    fn a_rating_over_the_quota_or_too_young_is_recorded_and_said() -> Result<()> {
        let mut store = son_tay(true)?;
        let rate = |unit, rating| Completion {
            rating: Some(rating),
            ..done(unit, "05/12/2023")
        };
        // Under the ward: an HTXSNV with no HTTNV breaks the 20% quota.
        let warnings = change(&mut store, |db| {
            let r = record(db, &rate("nq1", Rating::Htxsnv), "cv", day(TODAY))?;
            rating_warnings(db, &[r], day(TODAY))
        })?;
        assert!(
            matches!(
                warnings.as_slice(),
                [RatingIssue {
                    issue: Issue::Quota {
                        excellent: 1,
                        good: 0,
                        ..
                    },
                    unit_code,
                    ..
                }] if unit_code == "nq"
            ),
            "{warnings:?}"
        );
        // A correction that leaves the rating as it was: nothing said again.
        let note = Completion {
            note: Some("họp bổ sung"),
            correct: true,
            ..rate("nq1", Rating::Htxsnv)
        };
        let warnings = change(&mut store, |db| {
            let r = record(db, &note, "cv", day(TODAY))?;
            rating_warnings(db, &[r], day(TODAY))
        })?;
        assert_eq!(warnings, []);
        // An HTTNV does not add to the excess: nothing said.
        let warnings = change(&mut store, |db| {
            let r = record(db, &rate("nq2", Rating::Httnv), "cv", day(TODAY))?;
            rating_warnings(db, &[r], day(TODAY))
        })?;
        assert_eq!(warnings, []);
        // Rated although founded less than six months before the review.
        let warnings = change(&mut store, |db| {
            db.set_founded(db.unit_by_code("cb")?.expect("cb").id, day("01/09/2023"))?;
            let r = record(db, &rate("cb", Rating::Htnv), "cv", day(TODAY))?;
            rating_warnings(db, &[r], day(TODAY))
        })?;
        assert!(
            matches!(
                warnings.as_slice(),
                [RatingIssue { issue: Issue::TooYoung { months: 6, .. }, unit_code, .. }] if unit_code == "cb"
            ),
            "{warnings:?}"
        );
        Ok(())
    }

    #[test]
    fn a_second_record_is_a_correction_only_when_asked() -> Result<()> {
        let mut store = son_tay(false)?;
        change(&mut store, |db| {
            record(db, &done("cb", "05/12/2023"), "cv", day(TODAY))
        })?;
        let again = change(&mut store, |db| {
            record(db, &done("cb", "06/12/2023"), "cv", day(TODAY))
        });
        assert!(matches!(again, Err(Error::AlreadyDone { .. })), "{again:?}");
        let correction = Completion {
            correct: true,
            ..done("cb", "06/12/2023")
        };
        let r = change(&mut store, |db| record(db, &correction, "cv", day(TODAY)))?;
        assert_eq!(r.was, Some(day("05/12/2023")));
        Ok(())
    }

    #[test]
    fn dates_ratings_and_subjects_are_checked() -> Result<()> {
        let mut store = son_tay(false)?;
        let future = change(&mut store, |db| {
            record(db, &done("cb", "14/12/2023"), "cv", day(TODAY))
        });
        assert!(matches!(future, Err(Error::InFuture { .. })), "{future:?}");
        let rated = Completion {
            rating: Some(Rating::Httnv),
            ..done("cb", "05/12/2023")
        };
        let unrated_task = change(&mut store, |db| record(db, &rated, "cv", day(TODAY)));
        assert!(
            matches!(unrated_task, Err(Error::NotARatingTask { .. })),
            "{unrated_task:?}"
        );
        let root = change(&mut store, |db| {
            record(db, &done("st", "05/12/2023"), "cv", day(TODAY))
        });
        assert!(matches!(root, Err(Error::NotApplicable { .. })), "{root:?}");
        let no_unit = Completion {
            unit: None,
            ..done("cb", "05/12/2023")
        };
        let needs = change(&mut store, |db| record(db, &no_unit, "cv", day(TODAY)));
        assert!(matches!(needs, Err(Error::UnitNeeded)), "{needs:?}");
        Ok(())
    }

    #[test]
    fn an_extension_moves_the_due_date_later_only() -> Result<()> {
        let mut store = son_tay(false)?;
        let earlier = change(&mut store, |db| {
            extend(db, "kd", "cb", None, day("01/12/2023"), "lý do")
        });
        assert!(
            matches!(earlier, Err(Error::ExtendNotLater { .. })),
            "{earlier:?}"
        );
        let empty = change(&mut store, |db| {
            extend(db, "kd", "cb", None, day("20/12/2023"), "  ")
        });
        assert!(matches!(empty, Err(Error::EmptyText { .. })), "{empty:?}");
        let e = change(&mut store, |db| {
            extend(db, "kd", "cb", None, day("20/12/2023"), "thiếu người")
        })?;
        assert_eq!((e.from, e.to), (day("06/12/2023"), day("20/12/2023")));
        change(&mut store, |db| {
            record(db, &done("cb", "10/12/2023"), "cv", day(TODAY))
        })?;
        let after = change(&mut store, |db| {
            extend(db, "kd", "cb", None, day("30/12/2023"), "lý do")
        });
        assert!(matches!(after, Err(Error::ExtendDone { .. })), "{after:?}");
        Ok(())
    }

    #[test]
    fn a_completion_before_its_directive_needs_force() -> Result<()> {
        let mut store = son_tay(false)?;
        // Plan 223 was issued on 23/11/2023.
        let early = change(&mut store, |db| {
            record(db, &done("cb", "01/01/2000"), "cv", day(TODAY))
        });
        assert!(
            matches!(
                early,
                Err(Error::DateOrder {
                    rule: DateRule::DoneBeforeIssue,
                    ..
                })
            ),
            "{early:?}"
        );
        let forced = Completion {
            force: true,
            ..done("cb", "01/01/2000")
        };
        change(&mut store, |db| record(db, &forced, "cv", day(TODAY)))?;
        change(&mut store, |db| {
            record(db, &done("nq1", "23/11/2023"), "cv", day(TODAY))
        })?;
        Ok(())
    }

    #[test]
    fn notes_and_evidence_are_text() -> Result<()> {
        let mut store = son_tay(false)?;
        for (evidence, note) in [("\x1b[2J", ""), ("", "a\u{202E}b"), ("\u{200B}", "")] {
            let c = Completion {
                evidence: Some(evidence),
                note: Some(note),
                ..done("cb", "05/12/2023")
            };
            let refused = change(&mut store, |db| record(db, &c, "cv", day(TODAY)));
            assert!(
                matches!(
                    refused,
                    Err(Error::BadCharacter { .. } | Error::EmptyText { .. })
                ),
                "{refused:?}"
            );
        }
        let long = "x".repeat(4001);
        let c = Completion {
            note: Some(&long),
            ..done("cb", "05/12/2023")
        };
        let refused = change(&mut store, |db| record(db, &c, "cv", day(TODAY)));
        assert!(
            matches!(
                refused,
                Err(Error::TooLong {
                    field: Field::Note,
                    max: 4000,
                    len: 4001
                })
            ),
            "{refused:?}"
        );
        Ok(())
    }

    #[test]
    fn a_rated_task_needs_a_rating_or_the_reason_there_is_none() -> Result<()> {
        let mut store = son_tay(true)?;
        let bare = change(&mut store, |db| {
            record(db, &done("cb", "05/12/2023"), "cv", day(TODAY))
        });
        assert!(matches!(bare, Err(Error::RatingNeeded { .. })), "{bare:?}");
        let blank_reason = Completion {
            not_rated: Some("\u{200B}"),
            ..done("cb", "05/12/2023")
        };
        let refused = change(&mut store, |db| record(db, &blank_reason, "cv", day(TODAY)));
        assert!(
            matches!(
                refused,
                Err(Error::EmptyText {
                    field: Field::NotRatedReason
                })
            ),
            "{refused:?}"
        );
        let rated = Completion {
            rating: Some(Rating::Httnv),
            ..done("cb", "05/12/2023")
        };
        change(&mut store, |db| record(db, &rated, "cv", day(TODAY)))?;
        let not_rated = Completion {
            not_rated: Some("thành lập chưa đủ 6 tháng"),
            ..done("nq1", "05/12/2023")
        };
        change(&mut store, |db| record(db, &not_rated, "cv", day(TODAY)))?;
        // A correction without a rating keeps the one recorded.
        let correction = Completion {
            correct: true,
            ..done("cb", "04/12/2023")
        };
        change(&mut store, |db| record(db, &correction, "cv", day(TODAY)))?;
        let kept = {
            let reader = crate::store::Storage::read(&store);
            let db = &*reader;
            let task = resolve_task(db, "kd")?;
            let unit = resolve_unit(db, "cb")?;
            let obligation = db.obligation(task.id, unit.id)?.expect("an obligation");
            db.recorded_rating(obligation.id)?
        };
        assert_eq!(kept, (Some(Rating::Httnv), None));
        Ok(())
    }
}
