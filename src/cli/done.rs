//! `theodoi done`: record that a unit has done a task, or many units at
//! once from the spreadsheet they sent back.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::{Context, date_arg, write_checked};
use crate::app;
use crate::app::completions::{Completion, Recorded};
use crate::app::ratings::{Issue, RatingIssue};
use crate::domain::Rating;
use crate::domain::change::ChangedField;
use crate::i18n::{self, tr};
use crate::store::{Db, Storage};
use crate::text::date::format_dmy;

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
    #[arg(long, value_name = "FILE")]
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
    /// The sheet of a workbook given with `--from` (default: the first one shown).
    #[arg(long, value_name = "NAME", requires = "from")]
    pub sheet: Option<String>,
}

/// A rating by code or full name.
pub fn rating_arg(s: &str) -> Result<Rating, String> {
    crate::i18n::parse_rating(s).ok_or_else(|| tr!(i18n::BAD_RATING, input = i18n::short(s.trim())))
}

pub fn run(
    store: &mut dyn Storage,
    args: Args,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let (message, warnings) = match &args.from {
        Some(file) => from_file(store, &args, file, ctx)?,
        None => write_checked(store, ctx, "done", args.dry_run, |db| {
            let recorded = app::completions::record(db, &args.request(), &ctx.actor, ctx.today)?;
            note(db, &recorded)?;
            let mut warnings: Vec<String> =
                app::completions::rating_warnings(db, std::slice::from_ref(&recorded), ctx.today)?
                    .iter()
                    .map(|w| rating_warning(w, recorded.task.for_people))
                    .collect();
            if let Some(late) = recorded.late_by_much() {
                warnings.push(tr!(
                    i18n::WARN_VERY_LATE,
                    date = format_dmy(recorded.on),
                    due = format_dmy(recorded.due_on),
                    days = late
                ));
            }
            let title = super::task_title(db, &recorded.task, ctx.show_secret)?;
            // The collective's own open reviews, by what they are.
            let mut collective = Vec::new();
            for code in &recorded.collective_open {
                collective.push(match db.task_by_code(code)? {
                    Some(task) => {
                        i18n::task_said(code, &super::task_title(db, &task, ctx.show_secret)?)
                    }
                    None => code.clone(),
                });
            }
            Ok((
                said(&recorded, &title, &collective, args.not_rated.as_deref()),
                warnings,
            ))
        })
        .map(|(message, warnings)| match args.dry_run {
            // Checked and rolled back: said as what would be recorded.
            true => (tr!(i18n::DONE_DRY_RUN, message = message), warnings),
            false => (message, warnings),
        })?,
    };
    writeln!(out, "{message}")?;
    // Recorded all the same: said on stderr, the exit status stays 0.
    for warning in &warnings {
        super::warn(warning);
    }
    Ok(ExitCode::SUCCESS)
}

/// A rule of the ratings that a rating just recorded breaks, in words; of
/// leaders (`people`) on a task for people.
fn rating_warning(w: &RatingIssue, people: bool) -> String {
    match w.issue {
        Issue::Quota {
            excellent,
            good,
            pct,
        } => {
            let max = crate::domain::rating::quota_max(pct, good);
            tr!(
                if people {
                    i18n::WARN_QUOTA_PEOPLE
                } else {
                    i18n::WARN_QUOTA
                },
                group = w.unit,
                committee = crate::doc::compose::committee(&w.unit),
                excellent = excellent,
                good = good,
                share = crate::report::ratings::share(excellent, good),
                pct = pct,
                limit = match max {
                    0 => i18n::QUOTA_NONE.get().to_string(),
                    max => tr!(i18n::QUOTA_AT_MOST, max = max),
                }
            )
        }
        Issue::TooYoung { founded, months } => tr!(
            i18n::WARN_TOO_YOUNG,
            unit = w.unit,
            founded = format_dmy(founded),
            months = months
        ),
        Issue::Forced | Issue::Missing => String::new(),
    }
}

impl Args {
    /// The completion these arguments report.
    pub fn request(&self) -> Completion<'_> {
        Completion {
            task: &self.task,
            unit: self.unit.as_deref(),
            person: self.person.as_deref(),
            on: self.on,
            evidence: self.evidence.as_deref(),
            note: self.note.as_deref(),
            correct: self.correct,
            rating: self.rating,
            not_rated: self.not_rated.as_deref(),
            force: self.force,
        }
    }
}

/// The log line's details of one completion; of a correction, each field
/// it changed, before and after, and the rating it kept.
fn note(db: &dyn Db, r: &Recorded) -> Result<()> {
    let mut details = serde_json::json!({
        "unit": r.who,
        "task": r.task.code,
        "on": format_dmy(r.on),
        "was": r.was.map(format_dmy),
    });
    if r.was.is_none()
        && let Some(rating) = r.rating
    {
        details["rating"] = rating.code().into();
    }
    if r.was.is_none()
        && let Some(reason) = &r.not_rated
    {
        details["not_rated"] = reason.as_str().into();
    }
    if r.was.is_some() {
        details["changes"] = serde_json::to_value(&r.changes)?;
        let rating_changed = r
            .changes
            .iter()
            .any(|c| matches!(c.field, ChangedField::Rating | ChangedField::NotRated));
        if let Some(rating) = r.rating.filter(|_| !rating_changed) {
            details["kept_rating"] = rating.code().into();
        }
    }
    db.note(details, Some(r.unit.id), Some(r.task.directive_id))?;
    Ok(())
}

/// What the clerk is told of one completion: the task by its title, the
/// rating (or that the unit is not rated) on a rating task.
fn said(r: &Recorded, title: &str, collective: &[String], not_rated: Option<&str>) -> String {
    let mut message = if r.was.is_some() {
        let changes = serde_json::to_value(&r.changes).unwrap_or_default();
        tr!(
            i18n::DONE_CORRECTED,
            unit = r.who,
            title = title,
            changes = i18n::field_changes(
                "done.correct",
                changes.as_array().map_or(&[][..], Vec::as_slice)
            ),
            status = i18n::status(r.status).get()
        )
    } else {
        tr!(
            i18n::DONE_RECORDED,
            unit = r.who,
            title = title,
            date = format_dmy(r.on),
            timing = i18n::timing(r.status).get(),
            rating = match (r.rating, not_rated) {
                (Some(rating), _) => tr!(i18n::DONE_RATING, rating = i18n::rating(rating).get()),
                (None, Some(reason)) if r.task.rated => {
                    tr!(i18n::DONE_NOT_RATED, reason = reason.trim())
                }
                _ => String::new(),
            }
        )
    };
    if !collective.is_empty() {
        message.push('\n');
        message.push_str(&tr!(
            i18n::WARN_COLLECTIVE_FIRST,
            unit = r.unit.name,
            tasks = collective.join(", ")
        ));
    }
    message
}

/// `done --task T --from FILE`: every row or none; every bad row named.
fn from_file(
    store: &mut dyn Storage,
    args: &Args,
    file: &Path,
    ctx: &Context,
) -> Result<(String, Vec<String>)> {
    if args.unit.is_some() || args.on.is_some() || args.evidence.is_some() || args.note.is_some() {
        bail!(i18n::DONE_FROM_CONFLICT.get());
    }
    let table = super::sheet::open(file, args.sheet.as_deref())?;
    let (path, source) = (&table.path, &table.source);
    let (n, warnings, task) = write_checked(store, ctx, "done.import", args.dry_run, |db| {
        // What is wrong with the task is wrong once, not on every line.
        app::resolve_task(db, &args.task)?;
        let file = super::csvfile::read(&table, i18n::COMPLETION_FILE, &[&["unit", "unit_name"]])?;
        let mut errors = file.errors;
        let mut n = 0;
        let mut recorded = Vec::new();
        for (line, row) in file.rows {
            // An office's row for a unit outside its subtree: said first, as
            // for one result.
            if db.writes_as_office()
                && let Ok(unit) = app::resolve_unit(db, row.first(&["unit", "unit_name"]))
                && let Err(e) = db.may_write_for(unit.id)
            {
                errors.push(line, i18n::message(&e));
                continue;
            }
            let cells = (
                super::csvfile::optional(row.get("on"), date_arg),
                super::csvfile::optional(row.get("rating"), rating_arg),
            );
            let (on, rating) = match cells {
                (Ok(on), Ok(rating)) => (on, rating),
                (Err(e), _) | (_, Err(e)) => {
                    errors.push(line, e);
                    continue;
                }
            };
            // A result in a file says when: a blank date is not today. (A
            // correction may leave it blank: the date recorded stays.)
            if on.is_none() && !args.correct {
                errors.push(line, i18n::ROW_DATE_NEEDED.get().to_string());
                continue;
            }
            let rating = rating.or(args.rating);
            let one = Completion {
                rating,
                // A row's rating wins over `--not-rated` for the whole file.
                not_rated: args.not_rated.as_deref().filter(|_| rating.is_none()),
                unit: Some(row.first(&["unit", "unit_name"])),
                on,
                evidence: Some(row.get("evidence")),
                note: Some(row.get("note")),
                ..args.request()
            };
            // A file of corrections may bring new results too.
            let result = match app::completions::record(db, &one, &ctx.actor, ctx.today) {
                Err(crate::domain::Error::NothingToCorrect { .. }) if on.is_none() => {
                    errors.push(line, i18n::ROW_DATE_NEEDED.get().to_string());
                    continue;
                }
                Err(crate::domain::Error::NothingToCorrect { .. }) => {
                    let new = Completion {
                        correct: false,
                        ..one
                    };
                    app::completions::record(db, &new, &ctx.actor, ctx.today)
                }
                result => result,
            };
            match result {
                Ok(r) => {
                    n += 1;
                    if r.rating.is_some() {
                        recorded.push(r);
                    }
                }
                // A row that corrects a record to what it is: nothing to do.
                Err(crate::domain::Error::NothingChanged) => {}
                Err(e) => errors.push(line, i18n::message(&e)),
            }
        }
        errors.check(source)?;
        // The rules of the ratings, once the whole file is in.
        let task = app::resolve_task(db, &args.task)?;
        let warnings: Vec<String> = app::completions::rating_warnings(db, &recorded, ctx.today)?
            .iter()
            .map(|w| rating_warning(w, task.for_people))
            .collect();
        // A row that corrects renamed the change; it is one import.
        db.set_action("done.import")?;
        db.note(
            serde_json::json!({ "task": task.code, "file": path, "n": n }),
            None,
            Some(task.directive_id),
        )?;
        let title = super::task_title(db, &task, ctx.show_secret)?;
        Ok((n, warnings, i18n::task_said(&task.code, &title)))
    })?;
    let message = if args.dry_run {
        tr!(i18n::DONE_FROM_DRY_RUN, path = source, n = n)
    } else {
        tr!(i18n::DONE_FROM_DONE, path = source, n = n, task = task)
    };
    Ok((message, warnings))
}
