//! Tasks given after they were set: to the units that join the tree (added,
//! imported, founded for a merger), to named units or to every unit that
//! lacks one (`task assign`); and the due dates that follow a unit's new
//! kind.
//!
//! The rules:
//! - A task is *open* for a unit when its directive is in force (neither
//!   revoked nor replaced), its scope (`task add --within`) holds the unit,
//!   it sets a due date for the unit's kind, and it still has an open
//!   obligation or that due date is less than a year past (`OPEN_FOR_DAYS`).
//! - A unit is never made late for the days before it existed. A unit that
//!   joins owes a task by itself only when its founding day (`--founded`,
//!   else the day it is added) is on or before the task's due date for its
//!   kind; the clerk gives it the others with `task assign --due`. `task
//!   assign` is the clerk's own word: it refuses (or, with `--missing`,
//!   leaves out) only a unit whose recorded founding day is after the due
//!   date; a unit with none is taken to have existed all along.
//! - An obligation given after the fact exists from the founding day given
//!   with `--founded` (`opened_on`), when that is on or after the day the
//!   directive was issued: a report of an earlier day does not show it.
//! - When a unit changes kind, each of its open obligations takes the due
//!   date its task sets for the new kind. Closed ones (done, cancelled) keep
//!   theirs, and so does an open one whose task sets no date for the new
//!   kind, one that was extended (gia hạn), and, for a change from a day,
//!   one that fell due before that day or would fall due before it under the
//!   new kind (the unit was of the old kind then).

use chrono::{Duration, NaiveDate};
use foldhash::{HashMap, HashSet};

use super::resolve_task;
use super::resolve_unit;
use super::units::Effect;
use crate::domain::UnitKind;
use crate::domain::error::{DateRule, DateSubject, Error, Result};
use crate::domain::person::Person;
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::store::{Db, NewObligation};

/// How long after its due date a task with no open obligation left still
/// reaches the units that join: a year.
pub const OPEN_FOR_DAYS: i64 = 366;

/// The due date a task sets for a kind of unit.
pub fn due_for(task: &Task, kind: UnitKind) -> Option<NaiveDate> {
    task.dues.iter().find(|d| d.kind == kind).map(|d| d.due_on)
}

/// Whether `task assign TASK --unit UNIT` needs `--due` to give `task` to
/// `unit`: the task sets no due date for its kind, or the one it sets is
/// before the founding day recorded (as `assign` refuses it).
pub fn due_needed(db: &dyn Db, task: &Task, unit: &Unit) -> Result<bool> {
    Ok(match due_for(task, unit.kind) {
        None => true,
        Some(due) => db.founded_on(unit.id)?.is_some_and(|founded| due < founded),
    })
}

/// From when an obligation given after the fact exists: from the founding
/// day recorded, when the unit was founded on or after the day the
/// directive was issued; else, as every other obligation, from the start
/// (and counted in the tally of open obligations).
fn opened_on(founded_on: Option<NaiveDate>, issued_on: Option<NaiveDate>) -> Option<NaiveDate> {
    founded_on.filter(|founded| issued_on.is_none_or(|issued| *founded >= issued))
}

/// Whether units sit under a unit, their parents read once.
struct Parents<'a> {
    db: &'a dyn Db,
    known: HashMap<i64, Option<i64>>,
}

impl<'a> Parents<'a> {
    fn new(db: &'a dyn Db) -> Parents<'a> {
        Parents {
            db,
            known: HashMap::default(),
        }
    }

    /// Whether `unit` is `root` or sits in its subtree.
    fn under(&mut self, unit: &Unit, root: i64) -> Result<bool> {
        self.known.insert(unit.id, unit.parent_id);
        let mut seen = HashSet::default();
        let mut at = unit.id;
        loop {
            if at == root {
                return Ok(true);
            }
            if !seen.insert(at) {
                return Err(Error::TreeCycle {
                    unit: self.db.unit(at)?.name,
                });
            }
            let parent = match self.known.get(&at) {
                Some(parent) => *parent,
                None => {
                    let parent = self.db.unit(at)?.parent_id;
                    self.known.insert(at, parent);
                    parent
                }
            };
            match parent {
                Some(parent) => at = parent,
                None => return Ok(false),
            }
        }
    }
}

/// The tasks in force for units (not for people), and what the rules ask of
/// each, read once per command.
struct InForce<'a> {
    db: &'a dyn Db,
    tasks: Vec<(Task, Option<i64>)>,
    /// A due date on or after this day is less than a year past.
    recent_from: NaiveDate,
    has_open: HashMap<i64, bool>,
    issued: HashMap<i64, Option<NaiveDate>>,
    parents: Parents<'a>,
}

impl<'a> InForce<'a> {
    fn new(db: &'a dyn Db, today: NaiveDate) -> Result<InForce<'a>> {
        Ok(InForce {
            db,
            tasks: db
                .tasks_in_force()?
                .into_iter()
                .filter(|(task, _)| !task.for_people)
                .collect(),
            recent_from: today - Duration::days(OPEN_FOR_DAYS),
            has_open: HashMap::default(),
            issued: HashMap::default(),
            parents: Parents::new(db),
        })
    }

    /// The tasks open for `unit` as a unit of `kind`: each one's place in
    /// `tasks` and its due date for the kind.
    fn open_for(&mut self, unit: &Unit, kind: UnitKind) -> Result<Vec<(usize, NaiveDate)>> {
        let mut open = Vec::new();
        for i in 0..self.tasks.len() {
            let (task, within) = &self.tasks[i];
            let Some(due) = due_for(task, kind) else {
                continue;
            };
            let (task_id, within) = (task.id, *within);
            if let Some(root) = within
                && !self.parents.under(unit, root)?
            {
                continue;
            }
            if due >= self.recent_from || self.has_open(task_id)? {
                open.push((i, due));
            }
        }
        Ok(open)
    }

    fn has_open(&mut self, task_id: i64) -> Result<bool> {
        if let Some(open) = self.has_open.get(&task_id) {
            return Ok(*open);
        }
        let open = self.db.has_open_obligations(task_id)?;
        self.has_open.insert(task_id, open);
        Ok(open)
    }

    /// The issue date of the task's directive.
    fn issued(&mut self, i: usize) -> Result<Option<NaiveDate>> {
        let directive = self.tasks[i].0.directive_id;
        if let Some(issued) = self.issued.get(&directive) {
            return Ok(*issued);
        }
        let issued = self.db.directive(directive)?.issued_on;
        self.issued.insert(directive, issued);
        Ok(issued)
    }
}

/// What a unit that joins the tree owes of the open tasks.
#[derive(Debug, Clone)]
pub struct Joined {
    pub unit: Unit,
    /// Its founding day: `--founded`, else the day it was added.
    pub founded: NaiveDate,
    /// Whether `founded` was given with `--founded`.
    pub known: bool,
    /// The open tasks it owes, each with its due date (given unless the
    /// clerk said not to).
    pub owes: Vec<(Task, NaiveDate)>,
    /// The open tasks that fell due before it was founded: not given.
    pub passed: Vec<(Task, NaiveDate)>,
}

/// The units just recorded (`unit add`, `unit import`) join the tasks open
/// for their kind and place: each owes those due on or after its founding
/// day (`--founded`, else `today`), given when `give`. Returns what each
/// unit with an open task owes, and what it does not.
pub fn join(db: &dyn Db, units: &[i64], today: NaiveDate, give: bool) -> Result<Vec<Joined>> {
    let mut open = InForce::new(db, today)?;
    if open.tasks.is_empty() {
        return Ok(Vec::new());
    }
    let mut joined = Vec::new();
    // Per task, so that each task's new obligations are one run of rows.
    let mut rows: Vec<Vec<NewObligation>> = vec![Vec::new(); open.tasks.len()];
    for &id in units {
        let unit = db.unit(id)?;
        let founded_on = db.founded_on(id)?;
        let founded = founded_on.unwrap_or(today);
        let (mut owes, mut passed) = (Vec::new(), Vec::new());
        for (i, due) in open.open_for(&unit, unit.kind)? {
            let task = open.tasks[i].0.clone();
            if due < founded {
                passed.push((task, due));
                continue;
            }
            rows[i].push(NewObligation {
                unit_id: id,
                person_id: None,
                due_on: due,
                opened_on: opened_on(founded_on, open.issued(i)?),
            });
            owes.push((task, due));
        }
        if !owes.is_empty() || !passed.is_empty() {
            joined.push(Joined {
                unit,
                founded,
                known: founded_on.is_some(),
                owes,
                passed,
            });
        }
    }
    if give {
        for (i, rows) in rows.iter().enumerate().filter(|(_, r)| !r.is_empty()) {
            db.insert_obligations(open.tasks[i].0.id, rows)?;
        }
    }
    Ok(joined)
}

/// The open tasks a unit does not owe that it would as a unit of `kind`
/// from `from` (a change of kind from that day; `None`: a correction, from
/// its founding day if recorded): each with its due date. Nothing is given:
/// the clerk decides, with `task assign`.
pub fn lacking(
    db: &dyn Db,
    unit: &Unit,
    kind: UnitKind,
    from: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Vec<(Task, NaiveDate)>> {
    let mut open = InForce::new(db, today)?;
    let from = match from {
        Some(day) => Some(day),
        None => db.founded_on(unit.id)?,
    };
    let mut lacking = Vec::new();
    for (i, due) in open.open_for(unit, kind)? {
        let task = &open.tasks[i].0;
        if from.is_none_or(|from| due >= from) && db.obligation(task.id, unit.id)?.is_none() {
            lacking.push((task.clone(), due));
        }
    }
    Ok(lacking)
}

/// Whom `task assign` gives a task to.
#[derive(Debug, Clone, Copy)]
pub enum Whom<'a> {
    /// These units (references), or on a task for people, the people in
    /// post in them.
    Units(&'a [String]),
    /// Every unit in the task's scope, of a kind it sets a due date for,
    /// that does not owe it (on a task for people, every person in post in
    /// one).
    Missing,
}

/// A task to give to units after it was set.
#[derive(Debug, Clone, Copy)]
pub struct Assign<'a> {
    pub task: &'a str,
    pub whom: Whom<'a>,
    /// The due date (default: the task's for each unit's kind).
    pub due: Option<NaiveDate>,
    /// Give it although `due` is before the directive was issued.
    pub force: bool,
}

/// A unit, or a person in it, and the due date of one obligation.
#[derive(Debug, Clone)]
pub struct Subject {
    pub unit: Unit,
    pub person: Option<Person>,
    pub due_on: NaiveDate,
}

/// A unit that `--missing` leaves out: founded after its due date.
#[derive(Debug, Clone)]
pub struct LeftOut {
    pub unit: Unit,
    pub due_on: NaiveDate,
    pub founded: NaiveDate,
}

/// What `task assign` did.
#[derive(Debug, Clone)]
pub struct Assigned {
    pub task: Task,
    /// Who owes it now and did not before.
    pub given: Vec<Subject>,
    /// The named units (or people in them) that owed it already.
    pub already: Vec<Subject>,
    /// Units `--missing` left out.
    pub left_out: Vec<LeftOut>,
}

/// Gives a task to units after it was set. A named unit must exist still,
/// sit in the task's scope and be of a kind the task sets a due date for
/// (or `due` is given), and must not have been founded (`--founded`) after
/// its due date; a refused unit refuses the whole command. `Whom::Missing`
/// leaves out, and names, the units founded after the due date. Who owes
/// the task already is named, not given it again.
pub fn assign(db: &dyn Db, a: &Assign<'_>) -> Result<Assigned> {
    let task = resolve_task(db, a.task)?;
    let directive = db.directive(task.directive_id)?;
    if let Some(on) = db.revoked_on(directive.id)? {
        return Err(Error::RevokedAlready {
            directive: Box::new(directive),
            on,
        });
    }
    if let (Some(due), Some(issued)) = (a.due, directive.issued_on)
        && due < issued
        && !a.force
    {
        return Err(Error::DateOrder {
            rule: DateRule::DueBeforeIssue,
            date: due,
            limit: issued,
            subject: DateSubject::Directive(Box::new(directive)),
        });
    }
    let within = db.task_within(task.id)?;
    let owing: HashSet<(i64, Option<i64>)> = db.owing(task.id)?.into_iter().collect();
    let named = matches!(a.whom, Whom::Units(_));
    let units: Vec<Unit> = match a.whom {
        Whom::Units(references) => {
            let mut parents = Parents::new(db);
            let mut units: Vec<Unit> = Vec::new();
            for reference in references {
                let unit = resolve_unit(db, reference)?;
                if units.iter().any(|u| u.id == unit.id) {
                    continue;
                }
                if let Some(on) = db.dissolved_on(unit.id)? {
                    return Err(Error::DissolvedAlready {
                        unit: unit.name,
                        on,
                    });
                }
                if let Some(root) = within
                    && !parents.under(&unit, root)?
                {
                    return Err(Error::NotInScope {
                        task: super::tasks::task_name(db, &task)?,
                        unit: unit.name,
                        within: db.unit(root)?.name,
                    });
                }
                units.push(unit);
            }
            units
        }
        Whom::Missing => db
            .units_within(within)?
            .into_iter()
            .filter(|u| due_for(&task, u.kind).is_some())
            .collect(),
    };

    let mut assigned = Assigned {
        task: task.clone(),
        given: Vec::new(),
        already: Vec::new(),
        left_out: Vec::new(),
    };
    let mut rows = Vec::new();
    for unit in units {
        // Who of this unit would owe it: the unit, or the people in post.
        let people: Vec<Option<Person>> = if task.for_people {
            let people = db.people_in_post(unit.id)?;
            if people.is_empty() && named {
                return Err(Error::NoPeopleInPost {
                    task: super::tasks::task_name(db, &task)?,
                    unit: unit.name,
                });
            }
            people.into_iter().map(Some).collect()
        } else {
            vec![None]
        };
        let (owed, mut new): (Vec<Option<Person>>, Vec<Option<Person>>) = people
            .into_iter()
            .partition(|p| owing.contains(&(unit.id, p.as_ref().map(|p| p.id))));
        if named {
            for person in owed {
                let obligation = match &person {
                    Some(p) => db.person_obligation(task.id, p.id)?,
                    None => db.obligation(task.id, unit.id)?,
                };
                if let Some(o) = obligation {
                    assigned.already.push(Subject {
                        unit: unit.clone(),
                        person,
                        due_on: o.due_on,
                    });
                }
            }
        }
        if new.is_empty() {
            continue;
        }
        let Some(due) = a.due.or_else(|| due_for(&task, unit.kind)) else {
            // `Missing` takes only units of the task's kinds.
            return Err(Error::NoDueForKind {
                task: super::tasks::task_name(db, &task)?,
                unit: unit.name,
                kind: unit.kind,
                kinds: task.dues.iter().map(|d| d.kind).collect(),
            });
        };
        // Never late for the days before it was founded. `--missing` counts
        // a unit whose founding day is not known from the day it was
        // recorded, as a unit that joins does, and leaves out the people who
        // took up their post after the due date: a report of an earlier day
        // stays as it was.
        let founded_on = db.founded_on(unit.id)?;
        let since = match founded_on {
            None if !named && !task.for_people => Some(db.unit_recorded_on(unit.id)?),
            known => known,
        };
        if !named {
            new.retain(|p| {
                p.as_ref()
                    .and_then(|p| p.from_on)
                    .is_none_or(|from| from <= due)
            });
            if new.is_empty() {
                continue;
            }
        }
        if let Some(founded) = since.filter(|f| due < *f) {
            if named {
                return Err(Error::DueBeforeFounded {
                    task: super::tasks::task_name(db, &task)?,
                    unit: unit.name,
                    due,
                    founded,
                    given: a.due.is_some(),
                });
            }
            assigned.left_out.push(LeftOut {
                unit,
                due_on: due,
                founded,
            });
            continue;
        }
        let opened = opened_on(founded_on, directive.issued_on);
        for person in new {
            rows.push(NewObligation {
                unit_id: unit.id,
                person_id: person.as_ref().map(|p| p.id),
                due_on: due,
                opened_on: opened,
            });
            assigned.given.push(Subject {
                unit: unit.clone(),
                person,
                due_on: due,
            });
        }
    }
    if !rows.is_empty() {
        db.insert_obligations(task.id, &rows)?;
    }
    Ok(assigned)
}

/// Why an open obligation kept its due date when its unit changed kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// The task sets no due date for the new kind.
    NoDueForKind,
    /// It was extended (gia hạn): the date given stands.
    Extended,
    /// It fell due before the change, while the unit was of the old kind.
    DueBeforeChange,
    /// The new kind's date (this one) is before the change: the unit would
    /// be late for days it was not of that kind.
    NewDueBeforeChange(NaiveDate),
}

/// An open obligation whose due date followed the unit's new kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueMoved {
    pub task: String,
    /// The person's name, on a task for people.
    pub person: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// An open obligation that kept its due date, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueKept {
    pub task: String,
    pub person: Option<String>,
    pub due_on: NaiveDate,
    pub why: Kept,
}

/// What a change of kind did to a unit's open obligations (its own and its
/// people's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dues {
    pub moved: Vec<DueMoved>,
    pub kept: Vec<DueKept>,
}

/// Moves the due dates of `unit`'s open obligations (its own and its
/// people's) to those their tasks set for `kind`, the unit's new kind from
/// `effect`; see the module's rules for those that keep theirs. Closed
/// obligations are left as they are, unsaid.
pub fn follow_kind(db: &dyn Db, unit: &Unit, kind: UnitKind, effect: Effect) -> Result<Dues> {
    let mut dues = Dues::default();
    for o in db.unit_obligations(unit.id, kind)? {
        if o.completed_on.is_some() || o.cancelled_on.is_some() {
            continue;
        }
        let keep = |why| DueKept {
            task: o.task.clone(),
            person: o.person.clone(),
            due_on: o.due_on,
            why,
        };
        let Some(new) = o.due_for_kind else {
            dues.kept.push(keep(Kept::NoDueForKind));
            continue;
        };
        if new == o.due_on {
            continue;
        }
        if o.original_due_on.is_some() {
            dues.kept.push(keep(Kept::Extended));
            continue;
        }
        if let Effect::From(on) = effect {
            if o.due_on < on {
                dues.kept.push(keep(Kept::DueBeforeChange));
                continue;
            }
            if new < on {
                dues.kept.push(keep(Kept::NewDueBeforeChange(new)));
                continue;
            }
        }
        db.set_obligation_due(o.id, new)?;
        dues.moved.push(DueMoved {
            task: o.task,
            person: o.person,
            from: o.due_on,
            to: new,
        });
    }
    Ok(dues)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};
    use crate::app::units::{self, NewUnit};
    use crate::store::Storage;

    fn add(
        store: &mut crate::store::SqliteStore,
        code: &str,
        founded: Option<&str>,
    ) -> Result<Vec<Joined>> {
        change(store, |db| {
            let unit = units::add(
                db,
                &NewUnit {
                    name: &format!("Chi bộ {code}"),
                    kind: UnitKind::ChiBoCoSo,
                    parent: Some("st"),
                    code: Some(code),
                    founded: founded.map(day),
                },
            )?;
            join(db, &[unit.id], day("01/12/2023"), true)
        })
    }

    #[test]
    fn a_unit_founded_on_or_before_the_due_date_owes_it_from_its_founding() -> Result<()> {
        let mut store = son_tay(false)?;
        let joined = add(&mut store, "moi", Some("01/12/2023"))?;
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].owes.len(), 1);
        assert_eq!(joined[0].owes[0].1, day("06/12/2023"));
        let db = store.read();
        let unit = db.unit_by_code("moi")?.expect("a unit");
        let kd = db.task_by_code("kd")?.expect("a task");
        let o = db.obligation(kd.id, unit.id)?.expect("it owes kd");
        assert_eq!(o.due_on, day("06/12/2023"));
        Ok(())
    }

    #[test]
    fn a_unit_founded_after_the_due_date_owes_nothing_by_itself() -> Result<()> {
        let mut store = son_tay(false)?;
        let joined = add(&mut store, "muon", Some("07/12/2023"))?;
        assert_eq!((joined[0].owes.len(), joined[0].passed.len()), (0, 1));
        // Without --founded, the day it is added (01/12/2023 here) counts.
        let joined = add(&mut store, "hom-nay", None)?;
        assert_eq!((joined[0].owes.len(), joined[0].passed.len()), (1, 0));
        Ok(())
    }

    #[test]
    fn a_task_done_by_all_reaches_new_units_for_a_year_after_its_due_date() -> Result<()> {
        let mut store = son_tay(false)?;
        change(&mut store, |db| {
            let kd = db.task_by_code("kd")?.expect("a task");
            for (unit, _) in db.owing(kd.id)? {
                let o = db.obligation(kd.id, unit)?.expect("an obligation");
                db.complete(
                    o.id,
                    day("05/12/2023"),
                    &crate::store::CompletionNote {
                        recorded_by: "test",
                        ..Default::default()
                    },
                )?;
            }
            Ok(())
        })?;
        // Not given (`--no-tasks`): the new unit leaves no open obligation.
        let joins = |store: &mut crate::store::SqliteStore, code: &str, today: &str| {
            change(store, |db| {
                let unit = units::add(
                    db,
                    &NewUnit {
                        name: &format!("Chi bộ {code}"),
                        kind: UnitKind::ChiBoCoSo,
                        parent: Some("st"),
                        code: Some(code),
                        founded: Some(day("01/12/2023")),
                    },
                )?;
                join(db, &[unit.id], day(today), false)
            })
        };
        // Less than a year past 06/12/2023: still open.
        let joined = joins(&mut store, "a", "05/12/2024")?;
        assert_eq!(joined[0].owes.len(), 1);
        // More than a year past, and nobody left to do it: closed.
        let joined = joins(&mut store, "b", "08/12/2024")?;
        assert!(joined.is_empty(), "{joined:?}");
        Ok(())
    }

    #[test]
    fn a_task_of_a_revoked_directive_reaches_nobody() -> Result<()> {
        let mut store = son_tay(false)?;
        change(&mut store, |db| {
            let d = crate::app::resolve_directive(db, &super::super::DirectiveQuery::of("223"))?;
            db.revoke_directive(d.id, day("30/11/2023"), "hết hiệu lực", None)
                .map(|_| ())
        })?;
        let joined = add(&mut store, "moi", Some("01/12/2023"))?;
        assert!(joined.is_empty(), "{joined:?}");
        Ok(())
    }

    #[test]
    fn open_dues_follow_the_new_kind_and_closed_ones_stay() -> Result<()> {
        let mut store = son_tay(false)?;
        let dues = change(&mut store, |db| {
            let cb = resolve_unit(db, "cb")?;
            units::change_kind(
                db,
                &cb,
                UnitKind::DangBoCoSo,
                Effect::From(day("01/12/2023")),
            )
        })?
        .expect("the kind changed");
        assert_eq!(
            dues.moved,
            [DueMoved {
                task: "kd".into(),
                person: None,
                from: day("06/12/2023"),
                to: day("12/12/2023"),
            }]
        );
        // From a day after the due date: the obligation was the old kind's.
        let mut store = son_tay(false)?;
        let dues = change(&mut store, |db| {
            let cb = resolve_unit(db, "cb")?;
            units::change_kind(
                db,
                &cb,
                UnitKind::DangBoCoSo,
                Effect::From(day("01/07/2025")),
            )
        })?
        .expect("the kind changed");
        assert_eq!(
            (dues.moved.len(), dues.kept[0].why),
            (0, Kept::DueBeforeChange)
        );
        Ok(())
    }
}
