//! The yearly cycle at the command line: `theodoi task renew` (next year's
//! task from this year's) and the due-date options of `task edit`
//! (`--due`, `--add-due`, `--remove-due`).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::{Context, due_arg, kind_arg, write_checked};
use crate::app::dues::{DueEdit, DuesChanged};
use crate::app::renew::{Renewal, Renewed};
use crate::app::{self, DirectiveQuery};
use crate::domain::change::DueChange;
use crate::domain::{DueRule, UnitKind};
use crate::i18n::{self, tr};
use crate::store::Storage;
use crate::text::date::{MAX_YEAR, MIN_YEAR, format_dmy};

/// `task renew REF --year YEAR`.
#[derive(Debug, clap::Args)]
pub struct RenewArgs {
    #[arg(value_name = "REF")]
    task: String,
    #[arg(long, value_name = "YEAR", value_parser = year_arg)]
    year: i32,
    #[arg(long, value_name = "REF")]
    directive: Option<String>,
    #[arg(long, value_name = "NAME", requires = "directive")]
    issuer: Option<String>,
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    #[arg(long, value_name = "UNIT")]
    within: Option<String>,
    #[arg(long)]
    force: bool,
    #[arg(long)]
    dry_run: bool,
}

/// The due-date options of `task edit`.
#[derive(Debug, clap::Args)]
pub struct DueArgs {
    #[arg(long, value_name = "KIND=DATE", value_parser = due_arg)]
    due: Vec<DueRule>,
    #[arg(long = "add-due", value_name = "KIND=DATE", value_parser = due_arg)]
    add_due: Vec<DueRule>,
    #[arg(long = "remove-due", value_name = "KIND", value_parser = kind_arg)]
    remove_due: Vec<UnitKind>,
    #[arg(long, value_name = "TEXT")]
    reason: Option<String>,
    #[arg(long, requires = "due")]
    all: bool,
    #[arg(long)]
    force: bool,
}

impl DueArgs {
    /// The change of due dates these arguments ask for.
    pub fn request(&self) -> DueEdit<'_> {
        DueEdit {
            moved: &self.due,
            added: &self.add_due,
            removed: &self.remove_due,
            reason: self.reason.as_deref(),
            all: self.all,
            force: self.force,
        }
    }
}

/// Runs `task renew`: in one change, or checked and rolled back with
/// `--dry-run`.
pub fn run(
    store: &mut dyn Storage,
    args: RenewArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let renewal = Renewal {
        task: &args.task,
        year: args.year,
        directive: args.directive.as_deref().map(|reference| DirectiveQuery {
            reference,
            issuer: args.issuer.as_deref(),
            issued_on: None,
        }),
        code: args.code.as_deref(),
        title: args.title.as_deref(),
        within: args.within.as_deref(),
        force: args.force,
    };
    let renewed = write_checked(store, ctx, "task.renew", args.dry_run, |db| {
        let renewed = app::renew::renew(db, &renewal)?;
        db.note(
            serde_json::json!({
                "task": renewed.task.code,
                "title": renewed.task.title,
                "from": renewed.from.code,
                "year": renewed.year,
                "directive": renewed.directive.citation(),
                "n": renewed.n,
                "people": renewed.task.for_people,
            }),
            None,
            Some(renewed.directive.id),
        )?;
        Ok(renewed)
    })?;
    let mut renewed = renewed;
    renewed.task.title = crate::domain::marks::shown_task_title(
        &renewed.task.title,
        &renewed.task.code,
        &renewed.directive.citation(),
        renewed.directive.secrecy,
        ctx.show_secret,
    );
    let said = crate::domain::marks::unnest(&said(&renewed, args.dry_run));
    writeln!(out, "{said}")?;
    Ok(ExitCode::SUCCESS)
}

/// What `task renew` says it made, or with `--dry-run` would make.
fn said(r: &Renewed, dry_run: bool) -> String {
    let directive = i18n::label(&r.directive);
    let mut lines = if dry_run {
        vec![
            tr!(
                i18n::RENEW_DRY_RUN,
                year = r.year,
                from = r.from.code,
                from_year = r.from_year
            ),
            tr!(i18n::RENEW_CODE, code = r.task.code),
            tr!(i18n::RENEW_TITLE, title = r.task.title),
            tr!(i18n::RENEW_DIRECTIVE, directive = directive),
        ]
    } else {
        vec![tr!(
            i18n::RENEW_DONE,
            code = r.task.code,
            title = i18n::beside_code(&r.task.code, &r.task.title),
            year = r.year,
            from = r.from.code,
            from_year = r.from_year,
            directive = directive,
            n = r.n,
            whom = i18n::whom(r.task.for_people, r.n).get()
        )]
    };
    for (due, n) in &r.owed {
        lines.push(tr!(
            i18n::RENEW_DUE,
            kind = i18n::kind_in_text(due.kind),
            date = format_dmy(due.due_on),
            n = n,
            whom = i18n::whom(r.task.for_people, *n).get()
        ));
    }
    if dry_run {
        lines.push(tr!(
            i18n::RENEW_TOTAL,
            n = r.n,
            whom = i18n::whom(r.task.for_people, r.n).get()
        ));
    }
    lines.join("\n")
}

/// What a change of due dates did to `task` (as a sentence names it), one
/// line per kind, and why, for `task edit` to print.
pub fn due_lines(changed: &DuesChanged, task: &str) -> Vec<String> {
    let mut lines: Vec<String> = changed.changes.iter().map(|c| due_line(c, task)).collect();
    if let Some(reason) = changed.reason.as_deref().filter(|_| !lines.is_empty()) {
        lines.push(i18n::capitalized(&tr!(i18n::LOG_REASON, reason = reason)));
    }
    lines
}

fn due_line(c: &DueChange, task: &str) -> String {
    let kind = i18n::kind_in_text(c.kind);
    let day = |d: &Option<String>| {
        d.as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(format_dmy)
            .unwrap_or_default()
    };
    let head = match (&c.from, &c.to) {
        (Some(_), Some(_)) => tr!(
            i18n::DUE_MOVED,
            task = task,
            kind = kind,
            from = day(&c.from),
            to = day(&c.to)
        ),
        (None, _) => tr!(i18n::DUE_ADDED, task = task, kind = kind, date = day(&c.to)),
        (Some(_), None) => tr!(
            i18n::DUE_REMOVED,
            task = task,
            kind = kind,
            date = day(&c.from)
        ),
    };
    let counts = serde_json::to_value(c)
        .map(|c| i18n::due_counts(&c))
        .unwrap_or_default();
    if counts.is_empty() {
        head
    } else {
        format!("{head} ({counts})")
    }
}

/// A year as the clerk types it: four digits, from the Party's founding on.
pub fn year_arg(s: &str) -> Result<i32, String> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
        .ok_or_else(|| {
            tr!(
                i18n::BAD_YEAR,
                input = i18n::short(s.trim()),
                min = MIN_YEAR,
                max = MAX_YEAR
            )
        })
}
