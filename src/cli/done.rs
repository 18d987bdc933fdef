//! `theodoi done`: record that a unit has done a task, or many units at
//! once from the spreadsheet they sent back.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use super::{Context, date_arg, write_checked};
use crate::domain::{Rating, Status};
use crate::i18n::{self, tr};
use crate::store::{CompletionNote, Db, Store};
use crate::text::date::format_dmy;
use crate::text::normalize;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "REF")]
    pub task: String,
    #[arg(long, value_name = "REF")]
    pub unit: Option<String>,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub on: Option<NaiveDate>,
    #[arg(long, value_name = "TEXT")]
    pub evidence: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[arg(long)]
    pub correct: bool,
    #[arg(long, value_name = "FILE.csv")]
    pub from: Option<PathBuf>,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_name = "RATING", value_parser = rating_arg)]
    pub rating: Option<Rating>,
    #[arg(long, value_name = "REASON", conflicts_with = "rating")]
    pub not_rated: Option<String>,
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_name = "REF", conflicts_with = "unit")]
    pub person: Option<String>,
}

/// A rating by code or full name.
pub fn rating_arg(s: &str) -> Result<Rating, String> {
    crate::i18n::parse_rating(s).ok_or_else(|| tr!(i18n::BAD_RATING, input = s.trim()))
}

pub fn run(store: &mut Store, args: Args, ctx: &Context, out: &mut dyn Write) -> Result<ExitCode> {
    let message = match &args.from {
        Some(file) => from_file(store, &args, file, ctx)?,
        None => write_checked(store, ctx, "done", args.dry_run, |db| {
            record(db, &args, ctx)
        })?,
    };
    writeln!(out, "{message}")?;
    Ok(ExitCode::SUCCESS)
}

/// Records one completion and says what was recorded; shared with the demo loader.
pub fn record(db: &Db<'_>, args: &Args, ctx: &Context) -> Result<String> {
    let task = db.resolve_task(&args.task)?;
    // A unit's own obligation, or, on a task for people, a person's.
    let (unit, who, person_id, obligation) = match (&args.person, task.for_people) {
        (Some(reference), _) => {
            let person = db.resolve_person(reference)?;
            let Some(obligation) = db.person_obligation(task.id, person.id)? else {
                bail!(tr!(
                    i18n::DONE_PERSON_NOT_APPLICABLE,
                    task = task.code,
                    name = person.name
                ));
            };
            (
                db.unit(person.unit_id)?,
                person.name,
                Some(person.id),
                obligation,
            )
        }
        (None, true) => bail!(tr!(i18n::DONE_UNIT_OR_PERSON, task = task.code)),
        (None, false) => {
            let Some(unit) = &args.unit else {
                bail!(i18n::DONE_NEEDS_UNIT.get());
            };
            let unit = db.resolve_unit(unit)?;
            let Some(obligation) = db.obligation(task.id, unit.id)? else {
                bail!(tr!(
                    i18n::DONE_NOT_APPLICABLE,
                    task = task.code,
                    unit = unit.name
                ));
            };
            let who = unit.name.clone();
            (unit, who, None, obligation)
        }
    };
    let on = args.on.unwrap_or(ctx.today);
    if on > ctx.today {
        bail!(tr!(
            i18n::DONE_FUTURE,
            date = format_dmy(on),
            today = format_dmy(ctx.today)
        ));
    }
    let not_rated = args
        .not_rated
        .as_deref()
        .map(normalize)
        .filter(|s| !s.is_empty());
    if (args.rating.is_some() || not_rated.is_some()) && !task.rated {
        bail!(tr!(i18n::RATING_NOT_RATED_TASK, task = task.code));
    }
    // Lower levels first: a đảng bộ is done only when the units under it are.
    let mut forced = false;
    if person_id.is_none()
        && obligation.completed_on.is_none()
        && unit.kind.has_children()
        && db.rules()?.lower_levels_first
    {
        let open = db.open_below(task.id, unit.id)?;
        if !open.is_empty() {
            if !args.force {
                bail!(tr!(
                    i18n::ORDER_REFUSED,
                    unit = who,
                    n = open.len(),
                    units = i18n::candidates(open.into_iter())
                ));
            }
            forced = true;
        }
    }
    if let Some(done) = obligation.completed_on {
        if !args.correct {
            bail!(tr!(
                i18n::DONE_ALREADY,
                unit = who,
                task = task.code,
                date = format_dmy(done)
            ));
        }
        db.set_action("done.correct")?;
    }
    let text = |s: &Option<String>| s.as_deref().map(normalize).filter(|s| !s.is_empty());
    let (evidence, note) = (text(&args.evidence), text(&args.note));
    db.complete(
        obligation.id,
        on,
        &CompletionNote {
            evidence: evidence.as_deref(),
            note: note.as_deref(),
            recorded_by: &ctx.actor,
            rating: args.rating,
            not_rated: not_rated.as_deref(),
            forced,
        },
    )?;
    db.note(
        serde_json::json!({
            "unit": who,
            "task": task.code,
            "on": format_dmy(on),
            "was": obligation.completed_on.map(format_dmy),
        }),
        Some(unit.id),
        Some(task.directive_id),
    )?;
    let status = Status::as_of(obligation.due_on, Some(on), on);
    // Collectives before their members: a leader's review before their unit's is allowed, but said.
    let mut warning = String::new();
    if person_id.is_some() && task.rated {
        let open = db.open_reviews_of_unit(unit.id)?;
        if !open.is_empty() {
            warning = format!(
                "\n{}",
                tr!(
                    i18n::WARN_COLLECTIVE_FIRST,
                    unit = unit.name,
                    tasks = open.join(", ")
                )
            );
        }
    }
    let message = tr!(
        i18n::DONE_RECORDED,
        unit = who,
        task = task.code,
        date = format_dmy(on),
        status = i18n::status(status).get()
    );
    Ok(message + &warning)
}

/// One row of a completions file.
#[derive(Debug, serde::Deserialize)]
struct CompletionRecord {
    unit: String,
    #[serde(default)]
    on: String,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    rating: String,
}

/// `done --task T --from FILE.csv`: every row or none; every bad row named.
fn from_file(store: &mut Store, args: &Args, file: &PathBuf, ctx: &Context) -> Result<String> {
    if args.unit.is_some() || args.on.is_some() || args.evidence.is_some() || args.note.is_some() {
        bail!(i18n::DONE_FROM_CONFLICT.get());
    }
    let path = file.display().to_string();
    // `csvfile::read` drops a byte-order mark.
    let bytes = std::fs::read(file).with_context(|| tr!(i18n::IMPORT_READ, path = path))?;
    let n = write_checked(store, ctx, "done.import", args.dry_run, |db| {
        // What is wrong with the task is wrong once, not on every line.
        db.resolve_task(&args.task)?;
        let file = super::csvfile::read::<CompletionRecord>(
            &bytes,
            &path,
            &["unit"],
            &["unit", "on", "evidence", "note", "rating"],
        )?;
        let mut errors = file.errors;
        let mut n = 0;
        for (line, row) in file.rows {
            let cells = (
                super::csvfile::optional(&row.on, date_arg),
                super::csvfile::optional(&row.rating, rating_arg),
            );
            let (on, rating) = match cells {
                (Ok(on), Ok(rating)) => (on, rating),
                (Err(e), _) | (_, Err(e)) => {
                    errors.push(line, e);
                    continue;
                }
            };
            let one = Args {
                rating: rating.or(args.rating),
                unit: Some(row.unit),
                on,
                evidence: Some(row.evidence),
                note: Some(row.note),
                from: None,
                ..args.clone()
            };
            match record(db, &one, ctx) {
                Ok(_) => n += 1,
                Err(e) => errors.push(line, i18n::error_line(&e)),
            }
        }
        errors.check(&path)?;
        let task = db.resolve_task(&args.task)?;
        // A row that corrects renamed the change; it is one import.
        db.set_action("done.import")?;
        db.note(
            serde_json::json!({ "task": task.code, "file": path, "n": n }),
            None,
            Some(task.directive_id),
        )?;
        Ok(n)
    })?;
    let task = args.task.trim();
    Ok(if args.dry_run {
        tr!(i18n::DONE_FROM_DRY_RUN, path = path, n = n)
    } else {
        tr!(i18n::DONE_FROM_DONE, path = path, n = n, task = task)
    })
}
