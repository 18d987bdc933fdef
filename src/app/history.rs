//! Taking a change back.

use crate::domain::error::{Error, Result};
use crate::store::{ChangeEntry, Db, LogFilter};

/// The changes that revive units when undone: a unit brought back would
/// miss the tasks added while it was gone.
const REVIVES_UNITS: &[&str] = &["unit.dissolve", "unit.merge"];

/// The changes that give tasks to the units that exist when they are made.
const ADDS_TASKS: &[&str] = &["task.add", "extract.apply", "task.renew"];

/// Whether a change gave a task to the units that existed then: one of
/// `ADDS_TASKS`, or a `task edit` that added a kind of unit to a task.
fn adds_tasks(change: &ChangeEntry) -> bool {
    ADDS_TASKS.contains(&change.action.as_str())
        || (change.action == "task.edit"
            && change.details["changes"]
                .as_array()
                .is_some_and(|changes| changes.iter().any(|c| c.get("added").is_some())))
}

/// Undoes change `id`, or else the latest change of `actor` still in force.
/// Returns the change undone. Refused when the record would be left
/// inconsistent: a unit revived after tasks were added without it (undo
/// those first, naming the newest).
pub fn undo(db: &dyn Db, id: Option<i64>, actor: &str) -> Result<ChangeEntry> {
    let target = match id {
        Some(id) => db.change(id)?.ok_or(Error::NoSuchChange { id })?,
        None => db
            .last_change_of(actor)?
            .ok_or_else(|| Error::NothingToUndo {
                actor: actor.to_string(),
            })?,
    };
    if REVIVES_UNITS.contains(&target.action.as_str()) && target.undone_by.is_none() {
        let later = db
            .changes(&LogFilter::default())?
            .into_iter()
            .find(|c| c.id > target.id && c.undone_by.is_none() && adds_tasks(c));
        if let Some(later) = later {
            return Err(Error::UndoBlocked {
                id: target.id,
                later: later.id,
            });
        }
    }
    db.undo(&target)?;
    // The tree as the undo leaves it, on every day, is checked as the
    // change itself was: an undo out of order must not break it.
    if target.action.starts_with("unit.") || target.action == "undo" {
        super::units::check_tree_in_time(db)?;
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tasks::{self, NewTask};
    use crate::app::testing::{change, day, son_tay};
    use crate::app::{DirectiveQuery, units};
    use crate::domain::{DueRule, UnitKind};
    use crate::store::{Storage, write};

    #[test]
    fn a_unit_is_not_revived_past_the_tasks_added_without_it() -> Result<()> {
        let mut store = son_tay(false)?;
        write(&mut store, "cv", "unit.dissolve", |db| {
            let unit = units::to_dissolve(db, "cb")?;
            units::dissolve(db, &unit, day("01/07/2025"), "giải thể", false)
        })?;
        let dissolution = store.read().last_change_of("cv")?.expect("a change").id;
        let due = [DueRule {
            kind: UnitKind::ChiBoCoSo,
            due_on: day("06/12/2025"),
        }];
        // A chi bộ cơ sở founded since, so that the new task has a unit to owe it.
        write(&mut store, "cv", "unit.add", |db| {
            units::add(
                db,
                &units::NewUnit {
                    name: "Chi bộ Trường Tiểu học",
                    kind: UnitKind::ChiBoCoSo,
                    parent: Some("st"),
                    code: Some("th"),
                    founded: None,
                },
            )
        })?;
        write(&mut store, "cv", "task.add", |db| {
            tasks::add(
                db,
                &NewTask {
                    directive: DirectiveQuery::of("223"),
                    title: "Kiểm điểm năm 2025",
                    due: &due,
                    within: None,
                    code: Some("kd-2025"),
                    rated: false,
                    people: false,
                    force: false,
                },
            )
        })?;
        let task_added = store.read().last_change_of("cv")?.expect("a change").id;
        let refused = change(&mut store, |db| undo(db, Some(dissolution), "cv"));
        assert!(
            matches!(refused, Err(Error::UndoBlocked { id, later }) if id == dissolution && later == task_added),
            "{refused:?}"
        );
        // Once the task is taken back, the unit may come back.
        change(&mut store, |db| undo(db, Some(task_added), "cv"))?;
        change(&mut store, |db| undo(db, Some(dissolution), "cv"))?;
        Ok(())
    }
}
