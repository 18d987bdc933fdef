//! Tasks: what a directive asks of units, and the obligations it makes.

use super::{DirectiveQuery, code, resolve_directive, resolve_task, resolve_unit, text};
use crate::domain::error::{DateRule, DateSubject, Error, Field, Result};
use crate::domain::task::Task;
use crate::domain::{DueRule, TaskName};
use crate::store::Db;
use crate::text::slug;

/// A task to add, as the clerk gives it.
#[derive(Debug, Clone)]
pub struct NewTask<'a> {
    pub directive: DirectiveQuery<'a>,
    pub title: &'a str,
    /// A due date per kind of unit; one per kind.
    pub due: &'a [DueRule],
    /// Only the units under this one (default: the whole tree).
    pub within: Option<&'a str>,
    /// The task's code (default: made from the directive's type and number).
    pub code: Option<&'a str>,
    /// Completions carry a rating.
    pub rated: bool,
    /// Owed by the people in post, not by the units.
    pub people: bool,
    /// Record it although a due date is before the directive was issued.
    pub force: bool,
}

/// A task as an error names it: its code, and its title as reports show
/// it (`marks::shown_title`: a secret directive's task as the directive's
/// citation and mark, unless `--show-secret`).
pub fn task_name(db: &dyn Db, task: &Task) -> Result<TaskName> {
    let directive = db.directive(task.directive_id)?;
    Ok(TaskName {
        code: task.code.as_str().into(),
        title: crate::domain::marks::shown_task_title(
            &task.title,
            &task.code,
            &directive.citation(),
            directive.secrecy,
            super::resolve::secret_titles_searched(),
        )
        .into(),
    })
}

/// Records a task and an obligation for every unit (or person) it applies
/// to. Returns the task and how many obligations it made. A due date before
/// the directive was issued is refused unless `force`.
pub fn add(db: &dyn Db, new: &NewTask<'_>) -> Result<(Task, usize)> {
    for (i, due) in new.due.iter().enumerate() {
        if new.due[..i].iter().any(|d| d.kind == due.kind) {
            return Err(Error::DuplicateDueKind { kind: due.kind });
        }
    }
    let directive = resolve_directive(db, &new.directive)?;
    // Due before the directive asked it: a typo in the year, most likely.
    // (Not known while the issue date is unknown.)
    if let Some(issued) = directive.issued_on
        && let Some(due) = new
            .due
            .iter()
            .filter(|d| d.due_on < issued)
            .min_by_key(|d| d.due_on)
            .filter(|_| !new.force)
    {
        return Err(Error::DateOrder {
            rule: DateRule::DueBeforeIssue,
            date: due.due_on,
            limit: issued,
            subject: DateSubject::Directive(Box::new(directive.clone())),
        });
    }
    let title = text(new.title, Field::Title)?;
    let within = new.within.map(|w| resolve_unit(db, w)).transpose()?;
    let code = match new.code {
        Some(c) => code(c)?,
        None => db.free_task_code(&slug(&format!(
            "{}{}",
            directive.doc_type.code(),
            directive.number
        )))?,
    };
    let task = Task {
        id: 0,
        code,
        directive_id: directive.id,
        title,
        rated: new.rated,
        for_people: new.people,
        dues: new.due.to_vec(),
    };
    let (task, n) = db.insert_task(&task, within.as_ref().map(|u| u.id))?;
    if n == 0 {
        return Err(Error::TaskHasNoUnits {
            kinds: new.due.iter().map(|d| d.kind).collect(),
            within: within.map(|u| u.name),
            people: new.people,
        });
    }
    Ok((task, n))
}

/// Corrects a task's code or title. Returns it before and after.
pub fn edit(
    db: &dyn Db,
    reference: &str,
    new_code: Option<&str>,
    new_title: Option<&str>,
) -> Result<(Task, Task)> {
    let task = resolve_task(db, reference)?;
    // A secret title typed in: "nothing changed" would confirm a guess.
    if new_title.is_some() && !super::resolve::secret_titles_searched() {
        let directive = db.directive(task.directive_id)?;
        if directive.secrecy.is_some() {
            return Err(Error::SecretTitleEdit(
                task_name(db, &task)?.title.to_string(),
            ));
        }
    }
    let mut new = task.clone();
    if let Some(c) = new_code {
        new.code = code(c)?;
    }
    if let Some(title) = new_title {
        new.title = text(title, Field::Title)?;
    }
    db.update_task(task.id, &new.code, &new.title)?;
    Ok((task, new))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};
    use crate::domain::UnitKind;

    fn due(kind: UnitKind, on: &str) -> DueRule {
        DueRule {
            kind,
            due_on: day(on),
        }
    }

    fn task<'a>(due: &'a [DueRule], within: Option<&'a str>) -> NewTask<'a> {
        NewTask {
            directive: DirectiveQuery::of("Kế hoạch số 223"),
            title: "Báo cáo kết quả",
            due,
            within,
            code: None,
            rated: false,
            people: false,
            force: false,
        }
    }

    #[test]
    fn a_task_owes_its_kinds_in_scope() -> Result<()> {
        let mut store = son_tay(false)?;
        let dues = [due(UnitKind::ChiBoTrucThuoc, "20/12/2023")];
        let (task, n) = change(&mut store, |db| add(db, &task(&dues, Some("nq"))))?;
        // Its code comes from the directive: Kế hoạch 223 → kh223-1.
        assert_eq!((task.code.as_str(), n), ("kh223-1", 2));
        Ok(())
    }

    #[test]
    fn one_due_date_per_kind_and_someone_to_owe_it() -> Result<()> {
        let mut store = son_tay(false)?;
        let twice = [
            due(UnitKind::ChiBoCoSo, "20/12/2023"),
            due(UnitKind::ChiBoCoSo, "21/12/2023"),
        ];
        let refused = change(&mut store, |db| add(db, &task(&twice, None)));
        assert!(
            matches!(refused, Err(Error::DuplicateDueKind { .. })),
            "{refused:?}"
        );
        let nobody = [due(UnitKind::DangBoBoPhan, "20/12/2023")];
        let refused = change(&mut store, |db| add(db, &task(&nobody, None)));
        assert!(
            matches!(refused, Err(Error::TaskHasNoUnits { within: None, .. })),
            "{refused:?}"
        );
        let taken = [due(UnitKind::ChiBoCoSo, "20/12/2023")];
        let with_code = NewTask {
            code: Some("kd"),
            ..task(&taken, None)
        };
        let refused = change(&mut store, |db| add(db, &with_code));
        assert!(
            matches!(refused, Err(Error::CodeTaken { .. })),
            "{refused:?}"
        );
        Ok(())
    }

    #[test]
    fn a_task_is_not_due_before_its_directive_unless_forced() -> Result<()> {
        let mut store = son_tay(false)?;
        // Plan 223 was issued on 23/11/2023.
        let dues = [
            due(UnitKind::ChiBoCoSo, "20/12/2023"),
            due(UnitKind::ChiBoTrucThuoc, "01/11/2023"),
        ];
        let early = change(&mut store, |db| add(db, &task(&dues, None)));
        assert!(
            matches!(
                &early,
                Err(Error::DateOrder {
                    rule: DateRule::DueBeforeIssue,
                    date,
                    ..
                }) if *date == day("01/11/2023")
            ),
            "{early:?}"
        );
        let forced = NewTask {
            force: true,
            ..task(&dues, None)
        };
        change(&mut store, |db| add(db, &forced))?;
        let on_the_day = [due(UnitKind::ChiBoCoSo, "23/11/2023")];
        change(&mut store, |db| add(db, &task(&on_the_day, None)))?;
        Ok(())
    }

    #[test]
    fn titles_are_text() -> Result<()> {
        let mut store = son_tay(false)?;
        let dues = [due(UnitKind::ChiBoCoSo, "20/12/2023")];
        let long = "a".repeat(301);
        for title in ["\x1b[2J", "\u{2066}x", "\u{200B}", long.as_str()] {
            let t = NewTask {
                title,
                ..task(&dues, None)
            };
            let refused = change(&mut store, |db| add(db, &t));
            assert!(
                matches!(
                    refused,
                    Err(Error::BadCharacter {
                        field: Field::Title,
                        ..
                    } | Error::EmptyText {
                        field: Field::Title
                    } | Error::TooLong {
                        field: Field::Title,
                        max: 300,
                        ..
                    })
                ),
                "{refused:?}"
            );
        }
        Ok(())
    }
}
