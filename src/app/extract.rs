//! Recording what an announcement names: its directives, and one task with
//! the deadlines it sets.

use super::{DirectiveQuery, directives, resolve_directive, text};
use crate::domain::directive::Directive;
use crate::domain::error::{Field, Result};
use crate::domain::task::Task;
use crate::domain::{DirectiveSpec, DocType, DueRule};
use crate::extract::{Extraction, due_day};
use crate::store::Db;
use crate::text::symbol::parse_symbol;

/// What became of one thing found.
#[derive(Debug, Clone)]
pub enum Applied {
    /// A directive recorded already, linked.
    Linked(Directive),
    /// A directive recorded now.
    Added(Directive),
    /// A directive the text does not say enough of (issuer or date): not recorded.
    Unsure {
        symbol: Option<String>,
        doc_type: DocType,
        number: String,
    },
    /// A task with the same deadlines, there already.
    TaskLinked(Task),
    /// A task added, of this directive, owed by this many units.
    TaskAdded(Task, Directive, usize),
}

/// Records what was found: each directive (linked when already there), and
/// one task with the deadlines for the directive named last before them.
pub fn apply(db: &dyn Db, found: &Extraction) -> Result<Vec<Applied>> {
    let mut applied = Vec::new();
    let mut recorded: Vec<(usize, Directive)> = Vec::new();
    for d in &found.directives {
        let spec = DirectiveSpec {
            doc_type: d.doc_type,
            number: d.number.clone(),
            symbol: d.symbol.as_deref().and_then(|s| parse_symbol(s).ok()),
        };
        // The reference the clerk would type: the symbol, else type and number.
        let reference = d
            .symbol
            .clone()
            .unwrap_or_else(|| format!("{} số {}", d.doc_type.official_name(), d.number));
        let existing = resolve_directive(
            db,
            &DirectiveQuery {
                reference: &reference,
                issuer: d.issuer.as_deref(),
                issued_on: d.issued_on,
            },
        )
        .ok();
        match (existing, &d.issuer, d.issued_on) {
            (Some(known), _, _) => {
                applied.push(Applied::Linked(known.clone()));
                recorded.push((d.line, known));
            }
            (None, Some(issuer), Some(day)) => {
                let title = d.subject.clone().unwrap_or_else(|| reference.clone());
                // What a text says is checked as what a clerk types.
                let issuer = text(issuer, Field::Issuer)?;
                let title = text(&title, Field::Title)?;
                let added = directives::insert(db, &spec, &reference, &issuer, Some(day), &title)?;
                applied.push(Applied::Added(added.clone()));
                recorded.push((d.line, added));
            }
            _ => applied.push(Applied::Unsure {
                symbol: d.symbol.clone(),
                doc_type: d.doc_type,
                number: d.number.clone(),
            }),
        }
    }
    let dues: Vec<DueRule> = found
        .deadlines
        .iter()
        .filter_map(|d| {
            Some(DueRule {
                kind: d.unit_kind?,
                due_on: due_day(&d.due)?,
            })
        })
        .fold(Vec::new(), |mut dues, due| {
            if !dues.iter().any(|d: &DueRule| d.kind == due.kind) {
                dues.push(due);
            }
            dues
        });
    let first = found.deadlines.iter().map(|d| d.line).min();
    let target = recorded
        .iter()
        .rfind(|(line, _)| first.is_some_and(|f| *line <= f))
        .or(recorded.last());
    let existing_task = match target {
        Some((_, directive)) => db
            .tasks_of(directive.id)?
            .into_iter()
            .find(|t| t.dues.len() == dues.len() && dues.iter().all(|d| t.dues.contains(d))),
        None => None,
    };
    if let Some(task) = existing_task {
        applied.push(Applied::TaskLinked(task));
    } else if let (Some((_, directive)), false) = (target, dues.is_empty()) {
        let title = found
            .deadlines
            .iter()
            .map(|d| d.what.clone())
            .find(|w| !w.is_empty());
        let title = text(
            &title.unwrap_or_else(|| directive.title.clone()),
            Field::Title,
        )?;
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
        let (task, n) = db.insert_task(&task, None)?;
        applied.push(Applied::TaskAdded(task, directive.clone(), n));
    }
    Ok(applied)
}
