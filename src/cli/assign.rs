//! `theodoi task assign`, and what a clerk is told when units join the tree
//! (`unit add`, `unit import`) or change kind (`unit edit --kind`, `unit
//! move --kind`): the tasks they now owe, and the due dates that moved.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use serde_json::{Value, json};

use super::sheet::Sheet;
use super::{Context, date_arg, write_checked};
use crate::app;
use crate::app::assign::{Assign, Assigned, Dues, Joined, Kept, Subject, Whom};
use crate::app::units::Effect;
use crate::domain::Error;
use crate::domain::UnitKind;
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::i18n::{self, tr};
use crate::store::{Db, Storage};
use crate::text::date::format_dmy;

/// `task assign REF (--unit UNIT… | --missing) [--due DATE] [--force]`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("whom").required(true).args(["unit", "missing"])))]
pub struct AssignArgs {
    #[arg(value_name = "REF")]
    task: String,
    #[arg(long, value_name = "UNIT", num_args = 1..)]
    unit: Vec<String>,
    #[arg(long, conflicts_with = "unit")]
    missing: bool,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    due: Option<NaiveDate>,
    #[arg(long)]
    force: bool,
}

/// At most this many units (or people) are named one per line; the rest
/// are counted.
const LINES_MAX: usize = 50;

/// At most this many names go into the log's details.
const LOGGED_NAMES_MAX: usize = 10;

/// `task assign`: one change; when it gives nobody the task, it says why
/// and that nothing changed.
pub fn run(
    store: &mut dyn Storage,
    args: AssignArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let request = Assign {
        task: &args.task,
        whom: if args.missing {
            Whom::Missing
        } else {
            Whom::Units(&args.unit)
        },
        due: args.due,
        force: args.force,
    };
    let lines = super::write(store, ctx, "task.assign", |db| {
        let assigned = app::assign::assign(db, &request)?;
        let title = super::task_title(db, &assigned.task, ctx.show_secret)?;
        let lines = assigned_lines(&assigned, &title, args.missing);
        if assigned.given.is_empty() {
            for line in &lines {
                writeln!(out, "{line}")?;
            }
            return Err(Error::NothingChanged.into());
        }
        let names: Vec<String> = assigned
            .given
            .iter()
            .take(LOGGED_NAMES_MAX)
            .map(subject_name)
            .collect();
        let one_unit = assigned
            .given
            .iter()
            .all(|s| s.unit.id == assigned.given[0].unit.id)
            .then_some(assigned.given[0].unit.id);
        db.note(
            json!({
                "task": assigned.task.code,
                "n": assigned.given.len(),
                "names": names,
                "people": assigned.task.for_people,
                "missing": args.missing,
                "due": args.due.map(format_dmy),
            }),
            one_unit,
            Some(assigned.task.directive_id),
        )?;
        Ok(lines)
    })?;
    for line in lines {
        writeln!(out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A unit by name, or a person with their unit.
fn subject_name(s: &Subject) -> String {
    match &s.person {
        Some(p) => tr!(i18n::PERSON_OF_UNIT, name = p.name, unit = s.unit.name),
        None => s.unit.name.clone(),
    }
}

/// What `task assign` says: who got the task (the first `LINES_MAX`), who
/// had it already, who `--missing` left out.
fn assigned_lines(a: &Assigned, title: &str, missing: bool) -> Vec<String> {
    let mut lines = Vec::new();
    // Named by what it is; the code stays in the commands to type.
    let named = i18n::task_said(&a.task.code, title);
    let code = &named;
    if missing && !a.given.is_empty() {
        lines.push(tr!(
            i18n::ASSIGNED_TOTAL,
            task = code,
            n = a.given.len(),
            whom = i18n::whom(a.task.for_people, a.given.len()).get()
        ));
    }
    for s in a.given.iter().take(LINES_MAX) {
        lines.push(tr!(
            i18n::ASSIGNED,
            task = code,
            unit = subject_name(s),
            date = format_dmy(s.due_on)
        ));
    }
    if a.given.len() > LINES_MAX {
        lines.push(tr!(i18n::ASSIGNED_MORE, n = a.given.len() - LINES_MAX));
    }
    for s in &a.already {
        lines.push(tr!(
            i18n::ASSIGNED_ALREADY,
            task = code,
            unit = subject_name(s),
            date = format_dmy(s.due_on)
        ));
    }
    for l in a.left_out.iter().take(LINES_MAX) {
        lines.push(tr!(
            i18n::ASSIGNED_LEFT_OUT,
            task = code,
            unit = l.unit.name,
            code = l.unit.code,
            founded = format_dmy(l.founded),
            date = format_dmy(l.due_on)
        ));
    }
    if a.left_out.len() > LINES_MAX {
        lines.push(tr!(i18n::ASSIGNED_MORE, n = a.left_out.len() - LINES_MAX));
    }
    lines
}

/// `task (hạn dd/mm/yyyy), …`.
fn task_list(tasks: &[(Task, NaiveDate)]) -> String {
    tasks
        .iter()
        .map(|(task, due)| {
            tr!(
                i18n::TASK_DUE_ITEM,
                task = task.code,
                date = format_dmy(*due)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What one unit just added is told of the open tasks of its kind and
/// place: those it now owes (or, with `--no-tasks`, would), and those that
/// fell due before it was founded.
pub fn joined_lines(joined: &[Joined], gave: bool) -> Vec<String> {
    joined_said(joined, gave)
        .iter()
        .map(|l| crate::domain::marks::unnest(l))
        .collect()
}

fn joined_said(joined: &[Joined], gave: bool) -> Vec<String> {
    let mut lines = Vec::new();
    for j in joined {
        if !gave {
            if !j.owes.is_empty() {
                lines.push(tr!(
                    i18n::JOIN_SKIPPED,
                    tasks = task_list(&j.owes),
                    code = j.unit.code
                ));
            }
            continue;
        }
        for (task, due) in &j.owes {
            lines.push(tr!(
                i18n::JOIN_OWES,
                task = task.code,
                title = i18n::beside_code(&task.code, &task.title),
                date = format_dmy(*due)
            ));
        }
        let passed = if j.known {
            i18n::JOIN_PASSED
        } else {
            i18n::JOIN_PASSED_RECORDED
        };
        for (task, due) in &j.passed {
            lines.push(tr!(
                passed,
                task = task.code,
                title = i18n::beside_code(&task.code, &task.title),
                date = format_dmy(*due),
                founded = format_dmy(j.founded),
                code = j.unit.code
            ));
        }
    }
    lines
}

/// The titles of the tasks units joined as a message may say them: a
/// secret directive's task masked unless `--show-secret`.
pub fn mask_joined(db: &dyn Db, joined: &mut [Joined], show: bool) -> Result<()> {
    for j in joined {
        for (task, _) in j.owes.iter_mut().chain(j.passed.iter_mut()) {
            task.title = super::task_title(db, task, show)?;
        }
    }
    Ok(())
}

/// The codes of the tasks the units now owe, once each, in order.
pub fn joined_codes(joined: &[Joined]) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for (task, _) in joined.iter().flat_map(|j| &j.owes) {
        if !codes.contains(&task.code) {
            codes.push(task.code.clone());
        }
    }
    codes
}

/// What a file of new units is told: per task, how many new units owe it
/// (or, with `--no-tasks`, would) and how many were founded after it fell due.
fn imported_lines(joined: &[Joined], gave: bool) -> Vec<String> {
    // Per task, in the order the tasks were added: (task, owing, passed).
    let mut per_task: Vec<(&Task, usize, usize)> = Vec::new();
    for j in joined {
        let all = j.owes.iter().map(|o| (o, true));
        for ((task, _), owes) in all.chain(j.passed.iter().map(|p| (p, false))) {
            let i = match per_task.iter().position(|(t, ..)| t.id == task.id) {
                Some(i) => i,
                None => {
                    per_task.push((task, 0, 0));
                    per_task.len() - 1
                }
            };
            if owes {
                per_task[i].1 += 1;
            } else {
                per_task[i].2 += 1;
            }
        }
    }
    per_task.sort_by_key(|(t, ..)| t.id);
    if !gave {
        let owing = joined.iter().filter(|j| !j.owes.is_empty()).count();
        if owing == 0 {
            return Vec::new();
        }
        let tasks: Vec<&str> = per_task
            .iter()
            .filter(|(_, n, _)| *n > 0)
            .map(|(t, ..)| t.code.as_str())
            .collect();
        return vec![tr!(
            i18n::IMPORT_JOIN_SKIPPED,
            n = owing,
            tasks = tasks.join(", ")
        )];
    }
    let mut lines = Vec::new();
    for (task, owing, passed) in per_task {
        if owing > 0 {
            lines.push(tr!(
                i18n::IMPORT_JOINED,
                n = owing,
                task = task.code,
                title = i18n::beside_code(&task.code, &task.title)
            ));
        }
        if passed > 0 {
            lines.push(tr!(i18n::IMPORT_JOIN_PASSED, n = passed, task = task.code));
        }
    }
    lines
}

/// `unit import FILE [--dry-run] [--no-tasks]`: the units of the file, and
/// the open tasks they join, as one change. Returns what to tell the clerk.
pub fn import_units(
    store: &mut dyn Storage,
    ctx: &Context,
    table: &Sheet,
    dry_run: bool,
    no_tasks: bool,
) -> Result<Vec<String>> {
    let path = &table.path;
    let mut already = Vec::new();
    let (n, joined) = write_checked(store, ctx, "unit.import", dry_run, |db| {
        already.clear();
        let ids = super::unit::import_units(db, table, &mut already)?;
        if !already.is_empty() {
            super::warn(&tr!(
                i18n::UNITS_ALREADY_RECORDED,
                n = already.len(),
                lines = line_list(&already)
            ));
            if ids.is_empty() {
                return Err(crate::domain::Error::NothingChanged.into());
            }
        }
        let mut joined = app::assign::join(db, &ids, ctx.today, !no_tasks)?;
        mask_joined(db, &mut joined, ctx.show_secret)?;
        let obligations: usize = match no_tasks {
            true => 0,
            false => joined.iter().map(|j| j.owes.len()).sum(),
        };
        let mut details = json!({ "file": path, "n": ids.len() });
        if obligations > 0 {
            details["obligations"] = obligations.into();
            details["tasks"] = joined_codes(&joined).into();
        }
        db.note(details, None, None)?;
        Ok((ids.len(), joined))
    })?;
    let text = if dry_run {
        i18n::IMPORT_DRY_RUN
    } else {
        i18n::IMPORT_DONE
    };
    let mut lines = vec![tr!(text, path = table.source, n = n)];
    lines.extend(
        imported_lines(&joined, !no_tasks)
            .iter()
            .map(|l| crate::domain::marks::unnest(l)),
    );
    Ok(lines)
}

/// The log's record of the due dates a change of kind moved: ISO dates.
pub fn dues_json(dues: &Dues) -> Value {
    dues.moved
        .iter()
        .map(|m| {
            json!({
                "task": m.task, "person": m.person,
                "from": m.from.to_string(), "to": m.to.to_string()
            })
        })
        .collect::<Vec<_>>()
        .into()
}

/// What a change of kind is told: each due date moved or kept, and the open
/// tasks of the new kind the unit does not owe (`task assign` gives them).
pub fn kind_lines(
    db: &dyn Db,
    unit: &Unit,
    kind: UnitKind,
    dues: &Dues,
    effect: Effect,
    today: NaiveDate,
) -> Result<Vec<String>> {
    let person = |p: &Option<String>| match p {
        Some(name) => tr!(i18n::KIND_PERSON, name = name),
        None => String::new(),
    };
    let mut lines = Vec::new();
    for m in &dues.moved {
        lines.push(tr!(
            i18n::KIND_DUE_MOVED,
            task = m.task,
            person = person(&m.person),
            from = format_dmy(m.from),
            to = format_dmy(m.to)
        ));
    }
    for k in &dues.kept {
        let (text, new) = match k.why {
            Kept::NoDueForKind => (i18n::KIND_DUE_KEPT_NO_DUE, None),
            Kept::Extended => (i18n::KIND_DUE_KEPT_EXTENDED, None),
            Kept::DueBeforeChange => (i18n::KIND_DUE_KEPT_BEFORE, None),
            Kept::NewDueBeforeChange(new) => (i18n::KIND_DUE_KEPT_NEW_BEFORE, Some(new)),
        };
        lines.push(tr!(
            text,
            task = k.task,
            person = person(&k.person),
            date = format_dmy(k.due_on),
            kind = i18n::kind_in_text(kind),
            new = new.map(format_dmy).unwrap_or_default()
        ));
    }
    let from = match effect {
        Effect::From(day) => Some(day),
        Effect::Correction => None,
    };
    let lacking = app::assign::lacking(db, unit, kind, from, today)?;
    if !lacking.is_empty() {
        lines.push(tr!(
            i18n::KIND_LACKING,
            kind = i18n::kind_in_text(kind),
            tasks = task_list(&lacking),
            code = unit.code
        ));
    }
    Ok(lines)
}

/// Line numbers for a message: the first ten, and how many more.
pub fn line_list(lines: &[u64]) -> String {
    let shown: Vec<String> = lines.iter().take(10).map(u64::to_string).collect();
    let mut shown = shown.join(", ");
    if lines.len() > 10 {
        shown.push_str(&tr!(i18n::MORE, n = lines.len() - 10));
    }
    shown
}
