//! The yearly cycle (`task renew`): next year's task made from this year's,
//! the year changed in its title, code and due dates, owed by the units (or
//! the people in post) of its kinds as the tree is now.

use super::{DirectiveQuery, code, resolve_directive, resolve_task, resolve_unit, text};
use crate::domain::DueRule;
use crate::domain::cycle::{replace_year, shift_years, task_year};
use crate::domain::directive::Directive;
use crate::domain::error::{DateRule, DateSubject, Error, Field, RenewProblem, Result};
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::store::Db;
use crate::text::{fold, slug};

/// A task to renew, as the clerk asks it.
#[derive(Debug, Clone, Default)]
pub struct Renewal<'a> {
    /// The task of the year before (code, or its directive).
    pub task: &'a str,
    /// The year the new task is about.
    pub year: i32,
    /// The new year's plan (default: the task's own directive).
    pub directive: Option<DirectiveQuery<'a>>,
    /// The new code (default: the old one with its year changed, else one
    /// made from the directive's type and number).
    pub code: Option<&'a str>,
    /// The new title (default: the old one with its year changed).
    pub title: Option<&'a str>,
    /// Only the units under this one (default: the task's own scope).
    pub within: Option<&'a str>,
    /// Record it although a due date is before the directive was issued.
    pub force: bool,
}

/// A task renewed.
#[derive(Debug, Clone)]
pub struct Renewed {
    /// The task it was made from.
    pub from: Task,
    /// The year that task is about.
    pub from_year: i32,
    /// The year the new task is about.
    pub year: i32,
    /// The new task.
    pub task: Task,
    pub directive: Directive,
    /// Each due date of the new task, with how many units (or people) owe it.
    pub owed: Vec<(DueRule, usize)>,
    /// How many owe it in all.
    pub n: usize,
}

/// Makes the task of `renewal.year` from an existing one: the same title
/// with its year changed (a title with no year stays as it is), the due
/// dates moved by as many years (29/02 becomes 28/02), the same scope,
/// rating and people; owed by the units of its kinds in that scope that
/// exist now (the people in post now, on a task for people). Refused when
/// the task is about that year already, or when the task of that year is
/// recorded (its code taken, or the same title and due dates under the same
/// directive).
pub fn renew(db: &dyn Db, renewal: &Renewal<'_>) -> Result<Renewed> {
    let from = resolve_task(db, renewal.task)?;
    let year = renewal.year;
    let name = super::tasks::task_name(db, &from)?;
    let refuse = |problem| Error::Renew {
        task: name.clone(),
        year,
        problem,
    };
    let from_year = task_year(&from.title, &from.code, &from.dues).unwrap_or(year);
    if from_year == year {
        return Err(refuse(RenewProblem::SameYear));
    }
    let dues = from
        .dues
        .iter()
        .map(|d| {
            let due_on = shift_years(d.due_on, year - from_year)
                .ok_or_else(|| refuse(RenewProblem::OutOfRange { due: d.due_on }))?;
            Ok(DueRule {
                kind: d.kind,
                due_on,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let directive = match &renewal.directive {
        Some(query) => resolve_directive(db, query)?,
        None => db.directive(from.directive_id)?,
    };
    // A directive revoked or replaced by then sets no task for that year.
    if let Some(on) = db.revoked_on(directive.id)?
        && dues.iter().any(|d| d.due_on >= on)
    {
        return Err(refuse(RenewProblem::DirectiveEnded {
            directive: directive.citation(),
            on,
        }));
    }
    // Due before the directive asked it: the wrong year, most likely.
    if let Some(issued) = directive.issued_on
        && !renewal.force
        && let Some(early) = dues
            .iter()
            .filter(|d| d.due_on < issued)
            .min_by_key(|d| d.due_on)
    {
        return Err(Error::DateOrder {
            rule: DateRule::DueBeforeIssue,
            date: early.due_on,
            limit: issued,
            subject: DateSubject::Directive(Box::new(directive)),
        });
    }
    // A secret directive's task under one that is not: its title would
    // travel in the clear.
    if renewal.title.is_none() && directive.secrecy.is_none() {
        let source = db.directive(from.directive_id)?;
        if let Some(mark) = source.secrecy {
            return Err(refuse(RenewProblem::SecretTitle {
                from: crate::domain::marks::shown_task_title(
                    &from.title,
                    &from.code,
                    &source.citation(),
                    Some(mark),
                    false,
                ),
                to: directive.citation(),
            }));
        }
    }
    let title = match renewal.title {
        Some(title) => text(title, Field::Title)?,
        None => replace_year(&from.title, from_year, year).unwrap_or_else(|| from.title.clone()),
    };
    let within = scope(db, &from, renewal.within, &refuse)?;
    // The task of that year, made already (by hand, or renewed before).
    let key = sorted(&dues);
    if let Some(same) = db
        .tasks_of(directive.id)?
        .into_iter()
        .find(|t| fold(&t.title) == fold(&title) && sorted(&t.dues) == key)
    {
        return Err(refuse(RenewProblem::Exists {
            title: masked_title(db, &same)?,
            code: same.code,
        }));
    }
    let code = match renewal.code {
        Some(c) => code(c)?,
        None => match replace_year(&from.code, from_year, year) {
            Some(c) => {
                if let Some(holder) = db.task_by_code(&c)? {
                    return Err(refuse(RenewProblem::Exists {
                        title: masked_title(db, &holder)?,
                        code: holder.code,
                    }));
                }
                code(&c)?
            }
            None => db.free_task_code(&slug(&format!(
                "{}{}",
                directive.doc_type.code(),
                directive.number
            )))?,
        },
    };
    let task = Task {
        id: 0,
        code,
        directive_id: directive.id,
        title,
        rated: from.rated,
        for_people: from.for_people,
        dues,
    };
    let (task, n) = db.insert_task(&task, within.as_ref().map(|u| u.id))?;
    if n == 0 {
        return Err(Error::TaskHasNoUnits {
            kinds: task.dues.iter().map(|d| d.kind).collect(),
            within: within.map(|u| u.name),
            people: task.for_people,
        });
    }
    let owed = task
        .dues
        .iter()
        .map(|d| Ok((*d, db.obligations_of_kind(task.id, d.kind)?.len())))
        .collect::<Result<Vec<_>>>()?;
    Ok(Renewed {
        from,
        from_year,
        year,
        task,
        directive,
        owed,
        n,
    })
}

/// The subtree the new task covers: the one asked for, else the old task's,
/// which must still exist.
fn scope(
    db: &dyn Db,
    from: &Task,
    asked: Option<&str>,
    refuse: &dyn Fn(RenewProblem) -> Error,
) -> Result<Option<Unit>> {
    if let Some(reference) = asked {
        return resolve_unit(db, reference).map(Some);
    }
    let Some(id) = db.task_within(from.id)? else {
        return Ok(None);
    };
    let unit = db.unit(id)?;
    if let Some(on) = db.dissolved_on(id)? {
        return Err(refuse(RenewProblem::ScopeGone {
            unit: unit.name,
            on,
        }));
    }
    Ok(Some(unit))
}

/// Due dates in one order, to compare two tasks'.
fn sorted(dues: &[DueRule]) -> Vec<DueRule> {
    let mut dues = dues.to_vec();
    dues.sort_by_key(|d| (d.kind, d.due_on));
    dues
}

/// A task's title as an error may say it: a secret directive's task as
/// the directive's citation and mark (an error goes to a cron job's mail).
fn masked_title(db: &dyn Db, task: &Task) -> Result<String> {
    let directive = db.directive(task.directive_id)?;
    Ok(crate::domain::marks::shown_task_title(
        &task.title,
        &task.code,
        &directive.citation(),
        directive.secrecy,
        false,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};
    use crate::domain::UnitKind;
    use crate::store::Storage;

    fn renewal(year: i32) -> Renewal<'static> {
        Renewal {
            task: "kd",
            year,
            ..Renewal::default()
        }
    }

    #[test]
    fn next_years_task_is_this_years_a_year_on() -> Result<()> {
        let mut store = son_tay(false)?;
        let renewed = change(&mut store, |db| renew(db, &renewal(2024)))?;
        assert_eq!(renewed.from_year, 2023);
        assert_eq!(renewed.task.title, "Kiểm điểm năm 2024");
        // "kd" has no year: a code from the directive, Kế hoạch 223.
        assert_eq!(renewed.task.code, "kh223-1");
        assert_eq!(renewed.n, 4);
        let chi_bo = renewed
            .owed
            .iter()
            .find(|(d, _)| d.kind == UnitKind::ChiBoTrucThuoc)
            .expect("chi bộ trực thuộc owe it");
        assert_eq!(
            *chi_bo,
            (
                DueRule {
                    kind: UnitKind::ChiBoTrucThuoc,
                    due_on: day("06/12/2024")
                },
                2
            )
        );
        // Again: the task of 2024 is there.
        let again = change(&mut store, |db| renew(db, &renewal(2024)));
        assert!(
            matches!(
                &again,
                Err(Error::Renew {
                    problem: RenewProblem::Exists { code, .. },
                    ..
                }) if code == "kh223-1"
            ),
            "{again:?}"
        );
        // From 2024, a year back is 2023: the task it was made from.
        let back = change(&mut store, |db| {
            renew(
                db,
                &Renewal {
                    task: "kh223-1",
                    year: 2023,
                    ..Renewal::default()
                },
            )
        });
        assert!(
            matches!(
                &back,
                Err(Error::Renew {
                    problem: RenewProblem::Exists { code, .. },
                    ..
                }) if code == "kd"
            ),
            "{back:?}"
        );
        let same = change(&mut store, |db| renew(db, &renewal(2023)));
        assert!(
            matches!(
                same,
                Err(Error::Renew {
                    problem: RenewProblem::SameYear,
                    ..
                })
            ),
            "{same:?}"
        );
        assert_eq!(store.read().tasks(None, None)?.len(), 2);
        Ok(())
    }

    #[test]
    fn a_due_date_before_the_new_plan_is_refused_unless_forced() -> Result<()> {
        let mut store = son_tay(false)?;
        // Back to 2022: due before Plan 223 was issued on 23/11/2023.
        let early = change(&mut store, |db| renew(db, &renewal(2022)));
        assert!(
            matches!(
                early,
                Err(Error::DateOrder {
                    rule: DateRule::DueBeforeIssue,
                    ..
                })
            ),
            "{early:?}"
        );
        let forced = change(&mut store, |db| {
            renew(
                db,
                &Renewal {
                    force: true,
                    code: Some("kd-2022"),
                    title: Some("Kiểm điểm năm 2022 (bổ sung)"),
                    ..renewal(2022)
                },
            )
        })?;
        assert_eq!(
            (forced.task.code.as_str(), forced.task.title.as_str()),
            ("kd-2022", "Kiểm điểm năm 2022 (bổ sung)")
        );
        Ok(())
    }
}
