//! A task's due dates change (`task edit --due|--add-due|--remove-due`):
//! the due date of one kind of unit moved for those that have not done the
//! task (shown as an extension is: the first due date stays visible), a kind
//! added (its units in the task's scope owe it), a kind removed (while none
//! of its units has done it).

use super::text;
use crate::domain::change::DueChange;
use crate::domain::error::{DateRule, DateSubject, DueProblem, Error, Field, Result};
use crate::domain::task::Task;
use crate::domain::{DueRule, UnitKind};
use crate::store::Db;

/// What to change of a task's due dates, as the clerk gives it.
#[derive(Debug, Clone, Copy, Default)]
pub struct DueEdit<'a> {
    /// New due dates for kinds the task has (`--due`).
    pub moved: &'a [DueRule],
    /// Kinds the task gains, with their due dates (`--add-due`).
    pub added: &'a [DueRule],
    /// Kinds the task loses (`--remove-due`).
    pub removed: &'a [UnitKind],
    /// Why; required to move a due date.
    pub reason: Option<&'a str>,
    /// Move the due date of those that have done the task too (`--all`):
    /// otherwise they keep the one they were judged against.
    pub all: bool,
    /// Accept a due date before the directive was issued.
    pub force: bool,
}

impl DueEdit<'_> {
    /// Whether it asks for no change of due dates at all.
    pub fn is_empty(&self) -> bool {
        self.moved.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }
}

/// The due dates changed, each with what became of its obligations.
#[derive(Debug, Clone, Default)]
pub struct DuesChanged {
    pub changes: Vec<DueChange>,
    /// The reason given, as recorded.
    pub reason: Option<String>,
}

/// Changes `task`'s due dates as `edit` says, in the change in progress.
///
/// A moved due date goes to every open obligation of that kind that had the
/// old one (or an earlier one); one extended on its own to a day after the
/// new date keeps its extension; one done keeps the due date it was judged
/// against unless `all`; a cancelled one stays as it is. An added kind gives
/// the task to every unit of it in the task's scope (every person in post in
/// one, on a task for people); a removed kind takes its obligations away,
/// and is refused while any of them is done.
pub fn change(db: &dyn Db, task: &Task, edit: &DueEdit<'_>) -> Result<DuesChanged> {
    if edit.is_empty() {
        return Ok(DuesChanged::default());
    }
    let kinds: Vec<UnitKind> = edit
        .moved
        .iter()
        .chain(edit.added)
        .map(|d| d.kind)
        .chain(edit.removed.iter().copied())
        .collect();
    for (i, kind) in kinds.iter().enumerate() {
        if kinds[..i].contains(kind) {
            return Err(Error::DuplicateDueKind { kind: *kind });
        }
    }
    let reason = edit.reason.map(|r| text(r, Field::DueReason)).transpose()?;
    if !edit.moved.is_empty() && reason.is_none() {
        return Err(Error::DueReasonNeeded);
    }
    let name = super::tasks::task_name(db, task)?;
    let refuse = |kind, problem| Error::DueEdit {
        task: name.clone(),
        kind,
        problem,
    };
    let due_of = |kind| task.dues.iter().find(|d| d.kind == kind).map(|d| d.due_on);
    let not_due = |kind| {
        refuse(
            kind,
            DueProblem::NotDue {
                kinds: task.dues.iter().map(|d| d.kind).collect(),
            },
        )
    };
    for kind in edit
        .moved
        .iter()
        .map(|d| d.kind)
        .chain(edit.removed.iter().copied())
    {
        if due_of(kind).is_none() {
            return Err(not_due(kind));
        }
    }
    for added in edit.added {
        if let Some(due) = due_of(added.kind) {
            return Err(refuse(added.kind, DueProblem::AlreadyDue { due }));
        }
    }
    if let Some(&last) = edit.removed.last()
        && edit.added.is_empty()
        && task.dues.iter().all(|d| edit.removed.contains(&d.kind))
    {
        return Err(refuse(last, DueProblem::LastKind));
    }
    // Due before the directive asked it: a typo in the year, most likely.
    let directive = db.directive(task.directive_id)?;
    if let Some(issued) = directive.issued_on
        && !edit.force
        && let Some(early) = edit
            .moved
            .iter()
            .chain(edit.added)
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
    // A kind some of whose units have done the task stays.
    let mut removing = Vec::new();
    for &kind in edit.removed {
        let owed = db.obligations_of_kind(task.id, kind)?;
        let n = owed.iter().filter(|o| o.completed_on.is_some()).count();
        if n > 0 {
            return Err(refuse(kind, DueProblem::Completions { n }));
        }
        removing.push((kind, owed));
    }

    let mut changes = Vec::new();
    let why = reason.as_deref().unwrap_or_default();
    for moved in edit.moved {
        let (kind, to) = (moved.kind, moved.due_on);
        let Some(from) = due_of(kind).filter(|from| *from != to) else {
            continue;
        };
        let mut change = DueChange::new(kind, Some(from), Some(to));
        db.set_task_due(task.id, kind, Some(to))?;
        for o in db.obligations_of_kind(task.id, kind)? {
            if o.cancelled || o.due_on == to {
                continue;
            }
            // Extended on its own past the new day: the extension stands.
            if o.due_on != from && o.due_on > to {
                change.kept_extended += 1;
                continue;
            }
            match o.completed_on {
                Some(_) if !edit.all => {
                    change.kept_done += 1;
                    continue;
                }
                Some(_) => change.moved_done += 1,
                None => change.moved += 1,
            }
            db.set_due(o.id, to, why)?;
        }
        changes.push(change);
    }
    for (kind, owed) in removing {
        let from = due_of(kind);
        let mut change = DueChange::new(kind, from, None);
        for o in &owed {
            db.delete_obligation(o.id)?;
        }
        change.removed = owed.len();
        db.set_task_due(task.id, kind, None)?;
        changes.push(change);
    }
    for added in edit.added {
        db.set_task_due(task.id, added.kind, Some(added.due_on))?;
        let n = db.add_obligations(task.id, added.kind, added.due_on)?;
        if n == 0 {
            let within = match db.task_within(task.id)? {
                Some(id) => Some(db.unit(id)?.name),
                None => None,
            };
            return Err(refuse(added.kind, DueProblem::NoUnits { within }));
        }
        let mut change = DueChange::new(added.kind, None, Some(added.due_on));
        change.added = n;
        changes.push(change);
    }
    Ok(DuesChanged { changes, reason })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::completions::{self, Completion};
    use crate::app::resolve_task;
    use crate::app::testing::{change as write, day, son_tay};
    use crate::store::Storage;

    fn due(kind: UnitKind, on: &str) -> DueRule {
        DueRule {
            kind,
            due_on: day(on),
        }
    }

    fn edit(db: &dyn Db, e: &DueEdit<'_>) -> Result<DuesChanged> {
        let task = resolve_task(db, "kd")?;
        change(db, &task, e)
    }

    fn done(db: &dyn Db, unit: &str, on: &str) -> Result<()> {
        completions::record(
            db,
            &Completion {
                task: "kd",
                unit: Some(unit),
                on: Some(day(on)),
                ..Completion::default()
            },
            "cv",
            day("31/12/2023"),
        )
        .map(|_| ())
    }

    #[test]
    fn a_moved_due_date_moves_what_is_open_and_keeps_what_was_judged() -> Result<()> {
        let mut store = son_tay(false)?;
        write(&mut store, |db| done(db, "nq1", "05/12/2023"))?;
        let moved = [due(UnitKind::ChiBoTrucThuoc, "20/12/2023")];
        let without_reason = write(&mut store, |db| {
            edit(
                db,
                &DueEdit {
                    moved: &moved,
                    ..DueEdit::default()
                },
            )
        });
        assert!(
            matches!(without_reason, Err(Error::DueReasonNeeded)),
            "{without_reason:?}"
        );
        let changed = write(&mut store, |db| {
            edit(
                db,
                &DueEdit {
                    moved: &moved,
                    reason: Some("Theo chỉ đạo của Thường trực"),
                    ..DueEdit::default()
                },
            )
        })?;
        let c = &changed.changes[0];
        assert_eq!((c.moved, c.kept_done, c.moved_done), (1, 1, 0));
        let db = store.read();
        let task = resolve_task(&*db, "kd")?;
        let nq1 = db
            .obligation(task.id, db.unit_by_code("nq1")?.unwrap().id)?
            .unwrap();
        let nq2 = db
            .obligation(task.id, db.unit_by_code("nq2")?.unwrap().id)?
            .unwrap();
        assert_eq!((nq1.due_on, nq1.original_due_on), (day("06/12/2023"), None));
        assert_eq!(
            (nq2.due_on, nq2.original_due_on),
            (day("20/12/2023"), Some(day("06/12/2023")))
        );
        assert!(
            task.dues
                .contains(&due(UnitKind::ChiBoTrucThuoc, "20/12/2023"))
        );
        drop(db);
        // Back to the first day, with --all: nothing is extended any more.
        let back = [due(UnitKind::ChiBoTrucThuoc, "06/12/2023")];
        let changed = write(&mut store, |db| {
            edit(
                db,
                &DueEdit {
                    moved: &back,
                    reason: Some("Trở lại hạn cũ"),
                    all: true,
                    ..DueEdit::default()
                },
            )
        })?;
        assert_eq!(changed.changes[0].moved, 1);
        let db = store.read();
        let nq2 = db
            .obligation(task.id, db.unit_by_code("nq2")?.unwrap().id)?
            .unwrap();
        assert_eq!((nq2.due_on, nq2.original_due_on), (day("06/12/2023"), None));
        Ok(())
    }

    #[test]
    fn an_extension_past_the_new_day_stands() -> Result<()> {
        let mut store = son_tay(false)?;
        write(&mut store, |db| {
            completions::extend(db, "kd", "nq2", None, day("30/12/2023"), "thiếu người").map(|_| ())
        })?;
        let moved = [due(UnitKind::ChiBoTrucThuoc, "20/12/2023")];
        let changed = write(&mut store, |db| {
            edit(
                db,
                &DueEdit {
                    moved: &moved,
                    reason: Some("lý do"),
                    ..DueEdit::default()
                },
            )
        })?;
        let c = &changed.changes[0];
        assert_eq!((c.moved, c.kept_extended), (1, 1));
        Ok(())
    }

    #[test]
    fn kinds_are_added_and_removed_by_the_rules() -> Result<()> {
        let mut store = son_tay(false)?;
        let twice = [due(UnitKind::ChiBoCoSo, "20/12/2023")];
        let refused = write(&mut store, |db| {
            edit(
                db,
                &DueEdit {
                    moved: &twice,
                    removed: &[UnitKind::ChiBoCoSo],
                    reason: Some("x"),
                    ..DueEdit::default()
                },
            )
        });
        assert!(
            matches!(refused, Err(Error::DuplicateDueKind { .. })),
            "{refused:?}"
        );
        let present = [due(UnitKind::ChiBoCoSo, "20/12/2023")];
        let refused = write(&mut store, |db| {
            edit(
                db,
                &DueEdit {
                    added: &present,
                    ..DueEdit::default()
                },
            )
        });
        assert!(
            matches!(
                refused,
                Err(Error::DueEdit {
                    problem: DueProblem::AlreadyDue { .. },
                    ..
                })
            ),
            "{refused:?}"
        );
        let nobody = [due(UnitKind::DangBoBoPhan, "20/12/2023")];
        let refused = write(&mut store, |db| {
            edit(
                db,
                &DueEdit {
                    added: &nobody,
                    ..DueEdit::default()
                },
            )
        });
        assert!(
            matches!(
                refused,
                Err(Error::DueEdit {
                    problem: DueProblem::NoUnits { within: None },
                    ..
                })
            ),
            "{refused:?}"
        );
        write(&mut store, |db| done(db, "cb", "05/12/2023"))?;
        let refused = write(&mut store, |db| {
            edit(
                db,
                &DueEdit {
                    removed: &[UnitKind::ChiBoCoSo],
                    ..DueEdit::default()
                },
            )
        });
        assert!(
            matches!(
                refused,
                Err(Error::DueEdit {
                    problem: DueProblem::Completions { n: 1 },
                    ..
                })
            ),
            "{refused:?}"
        );
        let removed = write(&mut store, |db| {
            edit(
                db,
                &DueEdit {
                    removed: &[UnitKind::ChiBoTrucThuoc],
                    ..DueEdit::default()
                },
            )
        })?;
        assert_eq!(removed.changes[0].removed, 2);
        let db = store.read();
        let task = resolve_task(&*db, "kd")?;
        assert_eq!(db.obligation_count(task.id)?, 2);
        assert_eq!(task.dues.len(), 2);
        Ok(())
    }
}
