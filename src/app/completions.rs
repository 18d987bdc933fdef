//! Completions: recording that a unit (or a person) has done a task,
//! correcting the record, and extensions of the due date.

use chrono::NaiveDate;

use super::{optional_text, resolve_person, resolve_task, resolve_unit, text};
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
    /// The day it was done (default: today).
    pub on: Option<NaiveDate>,
    pub evidence: Option<&'a str>,
    pub note: Option<&'a str>,
    /// A correction of a completion already recorded.
    pub correct: bool,
    pub rating: Option<Rating>,
    /// Why the unit is not rated, on a rating task.
    pub not_rated: Option<&'a str>,
    /// Record it although "lower levels first" says no (the record keeps
    /// that), or dated before its directive was issued.
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
/// neither in the future nor before the directive was issued (unless
/// forced), a rating only on a rating task and always on one (or the reason
/// there is none), lower levels first, a second record only as a correction.
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
    // Done before the directive asked it: a typo in the year, most likely.
    // (Not known while the issue date is unknown.)
    let directive = db.directive(task.directive_id)?;
    if let Some(issued) = directive
        .issued_on
        .filter(|issued| on < *issued && !c.force)
    {
        return Err(Error::DateOrder {
            rule: DateRule::DoneBeforeIssue,
            date: on,
            limit: issued,
            subject: DateSubject::Directive(Box::new(directive.clone())),
        });
    }
    let evidence = optional_text(c.evidence, Field::Evidence)?;
    let note = optional_text(c.note, Field::Note)?;
    let not_rated = optional_text(c.not_rated, Field::NotRatedReason)?;
    if (c.rating.is_some() || not_rated.is_some()) && !task.rated {
        return Err(Error::NotARatingTask { task: task.code });
    }
    // Recorded although a rule said no: done before the directive (with
    // `--force`, checked above), or lower levels first (below).
    let mut forced = directive.issued_on.is_some_and(|issued| on < issued);
    // Lower levels first: a đảng bộ is done only when the units under it are.
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
    // A rated task takes a rating, or the reason there is none; a correction
    // that gives neither keeps the one recorded.
    let (mut rating, mut not_rated) = (c.rating, not_rated);
    if task.rated && rating.is_none() && not_rated.is_none() {
        let recorded = match obligation.completed_on {
            Some(_) => db.recorded_rating(obligation.id)?,
            None => (None, None),
        };
        if recorded.0.is_none() && recorded.1.is_none() {
            return Err(Error::RatingNeeded {
                task: task.code,
                who,
            });
        }
        (rating, not_rated) = recorded;
    }
    db.complete(
        obligation.id,
        on,
        &CompletionNote {
            evidence: evidence.as_deref(),
            note: note.as_deref(),
            recorded_by: actor,
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
            extend(db, "kd", "cb", day("01/12/2023"), "lý do")
        });
        assert!(
            matches!(earlier, Err(Error::ExtendNotLater { .. })),
            "{earlier:?}"
        );
        let empty = change(&mut store, |db| {
            extend(db, "kd", "cb", day("20/12/2023"), "  ")
        });
        assert!(matches!(empty, Err(Error::EmptyText { .. })), "{empty:?}");
        let e = change(&mut store, |db| {
            extend(db, "kd", "cb", day("20/12/2023"), "thiếu người")
        })?;
        assert_eq!((e.from, e.to), (day("06/12/2023"), day("20/12/2023")));
        change(&mut store, |db| {
            record(db, &done("cb", "10/12/2023"), "cv", day(TODAY))
        })?;
        let after = change(&mut store, |db| {
            extend(db, "kd", "cb", day("30/12/2023"), "lý do")
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
