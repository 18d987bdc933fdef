//! Recording what an announcement names: its directives, and the tasks its
//! deadlines make, each under the document that sets them.
//!
//! What the text does not say is never made up: `gaps` lists it, for the
//! edge to ask a clerk (who fills the `Extraction`); `apply` records only
//! what is complete and says, of the rest, what is missing.

use super::assign::{Assign, Whom, assign};
use super::{DirectiveQuery, directives, resolve_directive, resolve_unit, text};
use crate::domain::directive::Directive;
use crate::domain::error::{Field, Result};
use crate::domain::task::Task;
use crate::domain::{DirectiveSpec, DocType, DueRule};
use crate::extract::{Extraction, FoundDirective, Unsure, due_day};
use crate::store::Db;
use crate::text::symbol::parse_symbol;

/// Something recording needs that the text does not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Issuer,
    IssuedOn,
    Subject,
    /// Which units a deadline is for.
    UnitKind,
    /// A unit the text names that the database has not, or has several of.
    Unit(String),
    /// What the task is.
    Title,
    /// The document the deadlines belong to: the text names none, or it
    /// is not recorded.
    Directive,
    /// A deadline's date: the text's is no day, or has no year.
    Due,
}

/// A thing the text leaves open, for a clerk to fill in the `Extraction`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// Directive `index`, not in the database, lacks these fields.
    Directive { index: usize, missing: Vec<Missing> },
    /// Deadline `index` names no unit kind and no unit.
    UnitKind { index: usize },
    /// Deadline `index` names a unit (its `units[unit]`) that the database
    /// has not, or has several of.
    Unit { index: usize, unit: usize },
    /// The task of these deadlines has no title.
    Title { deadlines: Vec<usize> },
    /// Deadline `index` has no due date (the text's is no day).
    Due { index: usize },
}

/// How a directive found is named when it cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    pub symbol: Option<String>,
    pub doc_type: DocType,
    pub number: String,
}

impl Cited {
    fn of(d: &FoundDirective) -> Cited {
        Cited {
            symbol: d.symbol.clone(),
            doc_type: d.doc_type,
            number: d.number.clone(),
        }
    }
}

/// What became of one thing found.
#[derive(Debug, Clone)]
pub enum Applied {
    /// A directive recorded already, linked.
    Linked(Directive),
    /// A directive recorded now.
    Added(Directive),
    /// A directive not recorded: the text does not say these.
    Refused {
        directive: Cited,
        missing: Vec<Missing>,
    },
    /// A task with the same deadlines, there already.
    TaskLinked(Task),
    /// A task added, of this directive, owed by this many units.
    TaskAdded(Task, Directive, usize),
    /// A deadline not recorded (at this line, due then), and why.
    DeadlineRefused {
        line: usize,
        due: String,
        missing: Vec<Missing>,
    },
    /// A task not recorded, for the deadlines at these lines, and why.
    TaskRefused {
        lines: Vec<usize>,
        directive: Option<Cited>,
        missing: Vec<Missing>,
    },
    /// A directive recorded already that the text marks: the marks it
    /// now carries (recorded without them).
    Marked(Directive),
}

/// The deadlines that make one task: of one document, no kind or unit
/// twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskPlan {
    pub directive: Option<usize>,
    pub deadlines: Vec<usize>,
}

/// Groups the deadlines into tasks: one per document and work, a new one
/// where a kind or a unit comes again (a second step of the same plan) or
/// where the work said is another (`tổ chức hội nghị giữa nhiệm kỳ` by
/// 30/7, `kiểm điểm, đánh giá, xếp loại` by 5/12). A deadline that says no
/// work of its own (`…; đảng bộ cơ sở trước ngày 12/12`) is of the task
/// before it.
pub fn plan_tasks(found: &Extraction) -> Vec<TaskPlan> {
    let mut plans: Vec<TaskPlan> = Vec::new();
    let work = |k: usize| found.deadlines[k].what.trim().to_lowercase();
    for (j, d) in found.deadlines.iter().enumerate() {
        let overlaps = |p: &TaskPlan| {
            p.deadlines.iter().any(|&k| {
                let other = &found.deadlines[k];
                other.unit_kinds.iter().any(|x| d.unit_kinds.contains(x))
                    || other.units.iter().any(|x| d.units.contains(x))
            })
        };
        // The same work in other words: half the words of the shorter said
        // in the other (`tổ chức kiểm điểm` and `kiểm điểm`; `đánh giá, xếp
        // loại chất lượng tổ chức đảng` and `kiểm điểm, đánh giá, xếp loại
        // chất lượng`; `làm điểm` of a review), not a word or two of doing
        // (`hội nghị kiểm điểm giữa nhiệm kỳ` is not the year-end review).
        let own = work(j);
        let same_work = |p: &TaskPlan| {
            own.is_empty()
                || p.deadlines.iter().any(|&k| {
                    let theirs = work(k);
                    theirs.is_empty() || alike(&own, &theirs)
                })
        };
        match plans
            .iter_mut()
            .find(|p| p.directive == d.directive && !overlaps(p) && same_work(p))
        {
            Some(plan) => plan.deadlines.push(j),
            None => plans.push(TaskPlan {
                directive: d.directive,
                deadlines: vec![j],
            }),
        }
    }
    plans
}

/// Whether two works are one: half the words of the shorter, leaving out
/// those of doing (`tổ chức`, `hoàn thành`, `xong`, `việc`), are in the
/// other.
fn alike(a: &str, b: &str) -> bool {
    const DOING: &[&str] = &[
        "tổ", "chức", "xong", "hoàn", "thành", "việc", "các", "và", "công", "tác", "của", "năm",
        "tiến", "hành", "thực", "hiện",
    ];
    let words = |s: &str| -> Vec<String> {
        let mut w: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_lowercase)
            .filter(|w| !DOING.contains(&w.as_str()))
            .collect();
        w.sort();
        w.dedup();
        w
    };
    let (a, b) = (words(a), words(b));
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return true;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    shared * 2 >= shorter
}

/// The directive as recorded, if it is.
fn existing(db: &dyn Db, d: &FoundDirective) -> Option<Directive> {
    resolve_directive(
        db,
        &DirectiveQuery {
            reference: &reference(d),
            issuer: d.issuer.as_deref(),
            issued_on: d.issued_on,
        },
    )
    .ok()
}

/// The reference the clerk would type: the symbol, else type and number.
fn reference(d: &FoundDirective) -> String {
    d.symbol
        .clone()
        .unwrap_or_else(|| format!("{} số {}", d.doc_type.official_name(), d.number))
}

/// The fields a directive not yet recorded lacks.
fn lacking(d: &FoundDirective) -> Vec<Missing> {
    let mut missing = Vec::new();
    if d.issuer.is_none() {
        missing.push(Missing::Issuer);
    }
    if d.issued_on.is_none() {
        missing.push(Missing::IssuedOn);
    }
    if d.subject.is_none() {
        missing.push(Missing::Subject);
    }
    missing
}

/// A task's title: what its first deadline's sentence says is due, else the
/// subject of its document, else what a later deadline's says.
fn title_of(found: &Extraction, plan: &TaskPlan, recorded: Option<&Directive>) -> Option<String> {
    // The deadlines the task keeps: those that name whom they are for.
    let kept: Vec<&str> = plan
        .deadlines
        .iter()
        .map(|&j| &found.deadlines[j])
        .filter(|d| !d.unit_kinds.is_empty() || !d.units.is_empty())
        .map(|d| d.what.trim())
        .collect();
    let said = |w: &&str| !w.is_empty();
    kept.first()
        .copied()
        .filter(said)
        .map(str::to_string)
        .or_else(|| {
            plan.directive
                .and_then(|i| found.directives[i].subject.clone())
        })
        .or_else(|| {
            recorded
                .filter(|d| !names_itself(d))
                .map(|d| d.title.clone())
        })
        .or_else(|| kept.iter().copied().find(said).map(str::to_string))
}

/// Whether a directive's title is only its own reference (`301-KH/TU`,
/// `Kế hoạch số 223`): no title for a task.
fn names_itself(d: &Directive) -> bool {
    let title = crate::text::fold(&d.title);
    let title = title.trim();
    title.is_empty()
        || [
            d.symbol.clone(),
            d.symbol_as_written.clone(),
            Some(d.citation()),
        ]
        .iter()
        .flatten()
        .any(|r| crate::text::fold(r).trim() == title)
        || parse_symbol(&d.title).is_ok()
}

/// What the text leaves open that a clerk can fill in before `apply`.
pub fn gaps(db: &dyn Db, found: &Extraction) -> Result<Vec<Gap>> {
    let mut gaps = Vec::new();
    let mut known: Vec<Option<Directive>> = Vec::new();
    for (index, d) in found.directives.iter().enumerate() {
        let recorded = existing(db, d);
        if recorded.is_none() {
            let missing = lacking(d);
            if !missing.is_empty() {
                gaps.push(Gap::Directive { index, missing });
            }
        }
        known.push(recorded);
    }
    for (index, d) in found.deadlines.iter().enumerate() {
        if d.due.is_none() {
            gaps.push(Gap::Due { index });
        }
        if d.unit_kinds.is_empty() && d.units.is_empty() || d.unsure.contains(&Unsure::UnitKind) {
            gaps.push(Gap::UnitKind { index });
        }
        for (unit, name) in d.units.iter().enumerate() {
            if resolve_unit(db, name).is_err() {
                gaps.push(Gap::Unit { index, unit });
            }
        }
    }
    for plan in plan_tasks(found) {
        let recorded = plan.directive.and_then(|i| known[i].as_ref());
        if plan.directive.is_some() && title_of(found, &plan, recorded).is_none() {
            gaps.push(Gap::Title {
                deadlines: plan.deadlines.clone(),
            });
        }
    }
    Ok(gaps)
}

/// Records what was found and is complete: each directive (linked when
/// already there), and a task per document with the deadlines it sets,
/// a due date per unit kind and one per unit it names. Says of the rest
/// what is missing.
pub fn apply(db: &dyn Db, found: &Extraction) -> Result<Vec<Applied>> {
    let mut applied = Vec::new();
    let mut recorded: Vec<Option<Directive>> = Vec::new();
    for d in &found.directives {
        if let Some(mut known) = existing(db, d) {
            // A mark the text gives a directive recorded without one is
            // kept: a secret document is never left unmarked.
            let secrecy = known.secrecy.or(d.secrecy);
            let urgency = known.urgency.or(d.urgency);
            let marked = (secrecy, urgency) != (known.secrecy, known.urgency);
            if marked {
                known = directives::mark(db, known, secrecy, urgency)?;
            }
            applied.push(Applied::Linked(known.clone()));
            if marked {
                applied.push(Applied::Marked(known.clone()));
            }
            recorded.push(Some(known));
            continue;
        }
        let (Some(issuer), Some(day), Some(subject)) = (&d.issuer, d.issued_on, &d.subject) else {
            applied.push(Applied::Refused {
                directive: Cited::of(d),
                missing: lacking(d),
            });
            recorded.push(None);
            continue;
        };
        let spec = DirectiveSpec {
            doc_type: d.doc_type,
            number: d.number.clone(),
            symbol: d.symbol.as_deref().and_then(|s| parse_symbol(s).ok()),
        };
        // What a text says is checked as what a clerk types.
        let issuer = text(issuer, Field::Issuer)?;
        let title = text(subject, Field::Title)?;
        let added = directives::insert(db, &spec, &reference(d), &issuer, Some(day), &title)?;
        // The marks the text gives it, recorded with it.
        let mut added = directives::mark(db, added, d.secrecy, d.urgency)?;
        // A State body's symbol (`21/KH-UBND`) is no Party symbol: the
        // document is known by type and number, its symbol kept as written.
        if spec.symbol.is_none()
            && let Some(written) = &d.state_symbol
        {
            added.symbol_as_written = Some(written.clone());
            db.update_directive(&added)?;
        }
        applied.push(Applied::Added(added.clone()));
        recorded.push(Some(added));
    }
    for plan in plan_tasks(found) {
        apply_task(db, found, &plan, &recorded, &mut applied)?;
    }
    Ok(applied)
}

/// Records one task, or says why not.
fn apply_task(
    db: &dyn Db,
    found: &Extraction,
    plan: &TaskPlan,
    recorded: &[Option<Directive>],
    applied: &mut Vec<Applied>,
) -> Result<()> {
    let lines = |deadlines: &[usize]| -> Vec<usize> {
        let mut lines: Vec<usize> = deadlines.iter().map(|&j| found.deadlines[j].line).collect();
        lines.dedup();
        lines
    };
    let cited = plan.directive.map(|i| Cited::of(&found.directives[i]));
    let Some(directive) = plan.directive.and_then(|i| recorded[i].clone()) else {
        applied.push(Applied::TaskRefused {
            lines: lines(&plan.deadlines),
            directive: cited,
            missing: vec![Missing::Directive],
        });
        return Ok(());
    };
    let Some(title) = title_of(found, plan, Some(&directive)) else {
        applied.push(Applied::TaskRefused {
            lines: lines(&plan.deadlines),
            directive: cited,
            missing: vec![Missing::Title],
        });
        return Ok(());
    };
    let title = text(&title, Field::Title)?;
    // A due date per kind, and the units each named unit is.
    let mut dues: Vec<DueRule> = Vec::new();
    let mut units: Vec<(crate::domain::unit::Unit, chrono::NaiveDate)> = Vec::new();
    for &j in &plan.deadlines {
        let d = &found.deadlines[j];
        let due = d.due.clone().unwrap_or_else(|| d.due_written.clone());
        let Some(due_on) = d.due.as_deref().and_then(due_day) else {
            applied.push(Applied::DeadlineRefused {
                line: d.line,
                due,
                missing: vec![Missing::Due],
            });
            continue;
        };
        if d.unit_kinds.is_empty() && d.units.is_empty() || d.unsure.contains(&Unsure::UnitKind) {
            applied.push(Applied::DeadlineRefused {
                line: d.line,
                due: due.clone(),
                missing: vec![Missing::UnitKind],
            });
            continue;
        }
        for kind in &d.unit_kinds {
            if !dues.iter().any(|r| r.kind == *kind) {
                dues.push(DueRule {
                    kind: *kind,
                    due_on,
                });
            }
        }
        for name in &d.units {
            match resolve_unit(db, name) {
                Ok(unit) => units.push((unit, due_on)),
                Err(_) => applied.push(Applied::DeadlineRefused {
                    line: d.line,
                    due: due.clone(),
                    missing: vec![Missing::Unit(name.clone())],
                }),
            }
        }
    }
    if dues.is_empty() && units.is_empty() {
        return Ok(());
    }
    let same = db.tasks_of(directive.id)?.into_iter().find(|t| {
        t.dues.len() == dues.len()
            && dues.iter().all(|d| t.dues.contains(d))
            && (!dues.is_empty() || t.title == title)
    });
    if let Some(task) = same {
        applied.push(Applied::TaskLinked(task));
        return Ok(());
    }
    let code = db.free_task_code(&crate::text::slug(&format!(
        "{}{}",
        directive.doc_type.code(),
        directive.number
    )))?;
    let task = Task {
        id: 0,
        code,
        directive_id: directive.id,
        title,
        rated: false,
        for_people: false,
        dues,
    };
    let (task, mut n) = db.insert_task(&task, None)?;
    // Named units owe it by their own date, whatever their kind: one that
    // owes it already by its kind is given its own date instead.
    let mut by_day: Vec<(chrono::NaiveDate, Vec<String>)> = Vec::new();
    for (unit, day) in units {
        if let Some(owed) = db.obligation(task.id, unit.id)? {
            if owed.due_on != day {
                db.set_obligation_due(owed.id, day)?;
            }
            continue;
        }
        match by_day.iter_mut().find(|(d, _)| *d == day) {
            Some((_, codes)) if !codes.contains(&unit.code) => codes.push(unit.code),
            Some(_) => {}
            None => by_day.push((day, vec![unit.code])),
        }
    }
    for (day, codes) in by_day {
        let given = assign(
            db,
            &Assign {
                task: &task.code,
                whom: Whom::Units(&codes),
                due: Some(day),
                force: true,
            },
        )?;
        n += given.given.len();
    }
    applied.push(Applied::TaskAdded(task, directive, n));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};
    use crate::domain::UnitKind;
    use crate::extract::extract;
    use crate::store::Storage;

    const TEXT: &str = "Ban Thường vụ Thị ủy Sơn Tây ban hành Kế hoạch số 300-KH/TU về sơ kết công tác năm 2024. Theo kế hoạch, các đảng bộ cơ sở, chi bộ cơ sở hoàn thành trước ngày 20/12/2024; Đảng bộ phường Hoàng Hoa hoàn thành trước ngày 15/12/2024. Ban Tổ chức Thị ủy tổng hợp trước ngày 25/12/2024.";

    #[test]
    fn gaps_name_what_the_text_does_not_say() -> Result<()> {
        let store = son_tay(false)?;
        let found = extract(TEXT);
        let reader = store.read();
        let gaps = gaps(&*reader, &found)?;
        assert_eq!(
            gaps,
            [
                Gap::Directive {
                    index: 0,
                    missing: vec![Missing::IssuedOn]
                },
                Gap::Unit { index: 1, unit: 0 },
                Gap::UnitKind { index: 2 },
            ]
        );
        Ok(())
    }

    #[test]
    fn an_unsure_plan_gets_no_task_and_no_other_document_gets_its_deadlines() -> Result<()> {
        let mut store = son_tay(false)?;
        // Kế hoạch 223 is in the database: the deadlines are still 300's.
        let found = extract(&format!("Kế hoạch số 223 đã triển khai. {TEXT}"));
        // Nothing is written: the change is dropped, what `apply` said kept.
        let mut said = None;
        let dropped = change(&mut store, |db| {
            said = Some(apply(db, &found)?);
            Ok(())
        });
        assert!(matches!(dropped, Err(crate::domain::Error::NothingChanged)));
        let applied = said.expect("apply ran");
        assert!(matches!(&applied[0], Applied::Linked(d) if d.number == "223"));
        assert!(matches!(
            &applied[1],
            Applied::Refused { missing, .. } if *missing == [Missing::IssuedOn]
        ));
        assert!(applied.iter().any(|a| matches!(
            a,
            Applied::TaskRefused { directive: Some(d), missing, .. }
                if d.number == "300" && *missing == [Missing::Directive]
        )));
        assert!(!applied.iter().any(|a| matches!(a, Applied::TaskAdded(..))));
        Ok(())
    }

    #[test]
    fn answers_fill_the_gaps_and_named_units_keep_their_own_date() -> Result<()> {
        let mut store = son_tay(false)?;
        let mut found = extract(TEXT);
        // What a clerk answers.
        found.directives[0].issued_on = Some(day("10/12/2024"));
        found.deadlines[1].units[0] = "nq".to_string();
        let applied = change(&mut store, |db| apply(db, &found))?;
        let Some(Applied::TaskAdded(task, directive, n)) =
            applied.iter().find(|a| matches!(a, Applied::TaskAdded(..)))
        else {
            panic!("no task: {applied:?}");
        };
        assert_eq!(directive.number, "300");
        assert_eq!(task.title, "sơ kết công tác năm 2024");
        assert_eq!(
            task.dues,
            [
                DueRule {
                    kind: UnitKind::DangBoCoSo,
                    due_on: day("20/12/2024")
                },
                DueRule {
                    kind: UnitKind::ChiBoCoSo,
                    due_on: day("20/12/2024")
                },
            ]
        );
        // Ngô Quyền (a đảng bộ cơ sở) and the chi bộ cơ sở.
        assert_eq!(*n, 2);
        let reader = store.read();
        let nq = reader.obligation(task.id, resolve_unit(&*reader, "nq")?.id)?;
        let nq = nq.map(|o| o.due_on);
        assert_eq!(nq, Some(day("15/12/2024")));
        // The deadline for no unit is said, not guessed.
        assert!(applied.iter().any(|a| matches!(
            a,
            Applied::DeadlineRefused { missing, .. } if *missing == [Missing::UnitKind]
        )));
        Ok(())
    }
}
