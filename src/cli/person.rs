//! `theodoi person add|list|show|import|leave`: the leaders the Standing
//! Committee manages (cán bộ diện Ban Thường vụ quản lý).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, OutputArgs, date_arg};
use crate::app;
use crate::app::people::NewPerson;
use crate::domain::error::RowProblem;
use crate::i18n::{self, tr};
use crate::report::obligations::{Kind, ObligationReport};
use crate::report::people::{PersonList, PersonListRow};
use crate::report::{Renderer, render};
use crate::store::{Db, Storage};
use crate::text::date::format_dmy;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Add(AddArgs),
    List(ListArgs),
    Show(ShowArgs),
    Import(ImportArgs),
    Leave(LeaveArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    #[arg(value_name = "NAME")]
    name: String,
    #[arg(long, value_name = "TEXT")]
    position: String,
    #[arg(long, value_name = "REF")]
    unit: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    from: Option<NaiveDate>,
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    /// Add them even when someone of that name is in post in the unit.
    #[arg(long)]
    same_name: bool,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    #[arg(value_name = "REF")]
    reference: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long)]
    dry_run: bool,
    /// The sheet of a workbook (default: the first one shown).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// Add a row's person even when someone of that name is in post in the unit.
    #[arg(long)]
    same_name: bool,
}

#[derive(Debug, clap::Args)]
pub struct LeaveArgs {
    #[arg(value_name = "REF")]
    reference: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    on: NaiveDate,
    #[arg(long)]
    force: bool,
}

pub fn run(
    store: &mut dyn Storage,
    cmd: Command,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match cmd {
        Command::Add(args) => {
            let message = super::write(store, ctx, "person.add", |db| {
                let new = NewPerson {
                    name: &args.name,
                    position: &args.position,
                    unit: &args.unit,
                    from: args.from,
                    code: args.code.as_deref(),
                };
                if !args.same_name {
                    app::people::refuse_same_person(db, &new)?;
                }
                let person = app::people::add(db, &new)?;
                let unit = db.unit(person.unit_id)?;
                db.note(
                    serde_json::json!({ "name": person.name, "position": person.position, "unit": unit.name }),
                    Some(unit.id),
                    None,
                )?;
                Ok(tr!(
                    i18n::PERSON_ADDED,
                    name = person.name,
                    position = person.position,
                    unit = unit.name,
                    code = person.code
                ))
            })?;
            writeln!(out, "{message}")?;
        }
        Command::List(args) => {
            let rows: Vec<PersonListRow> = store
                .read()
                .people(args.search.as_deref())?
                .into_iter()
                .map(|r| PersonListRow {
                    code: r.person.code,
                    name: r.person.name,
                    position: r.person.position,
                    unit: r.unit_code,
                    from_on: r.person.from_on,
                    to_on: r.person.to_on,
                    unit_name: r.unit,
                })
                .collect();
            let mut dest = args.output.destination(ctx)?;
            render(
                &PersonList {
                    search: args.search.clone(),
                },
                &rows,
                args.output.options(ctx),
                dest.writer(out),
            )?;
            dest.finish(out)?;
        }
        Command::Show(args) => {
            let mut dest = args.output.destination(ctx)?;
            let reader = store.read();
            let db = &*reader;
            let who = app::reports::person(db, &args.reference)?;
            let (person, unit) = (&who.person, &who.unit);
            let report = ObligationReport {
                kind: Kind::Agenda {
                    unit: format!("{} ({})", person.name, person.position),
                },
                as_of: args.as_of.unwrap_or(ctx.today),
            };
            let options = args.output.options(ctx);
            let w = dest.writer(out);
            if matches!(
                options.format,
                crate::report::Format::Table | crate::report::Format::Md
            ) {
                let line = format!("{}, {} — {}", person.name, person.position, unit.name);
                // Recorded text, shown with nothing a terminal acts on.
                writeln!(w, "{}", crate::text::visible(&line, false))?;
                if let Some(to) = person.to_on {
                    writeln!(w, "{}: {}", i18n::H_TO.get(), format_dmy(to))?;
                }
                writeln!(w)?;
            }
            let mut renderer = Renderer::new(&report, options, w);
            // What a person owes is a report: a secret directive's task masked.
            let show = ctx.show_secret;
            app::reports::person_agenda(db, &who, report.as_of, &mut |row| {
                row.mask(show);
                Ok(renderer.row(row)?)
            })?;
            renderer.finish(false)?;
            dest.finish(out)?;
        }
        Command::Import(args) => {
            let table = super::sheet::open(&args.file, args.sheet.as_deref())?;
            let message = super::csvfile::import_file(
                store,
                ctx,
                "person.import",
                &table,
                args.dry_run,
                (i18n::PEOPLE_DRY_RUN, i18n::PEOPLE_IMPORTED),
                |db, table| import(db, table, args.same_name),
            )?;
            writeln!(out, "{message}")?;
        }
        Command::Leave(args) => {
            let message = super::write(store, ctx, "person.leave", |db| {
                let reason = tr!(i18n::LEFT_POST_REASON, date = format_dmy(args.on));
                let (person, n) =
                    app::people::leave(db, &args.reference, args.on, &reason, args.force)?;
                db.note(
                    serde_json::json!({ "name": person.name, "on": format_dmy(args.on), "n": n }),
                    Some(person.unit_id),
                    None,
                )?;
                let mut said = tr!(
                    i18n::PERSON_LEFT,
                    name = person.name,
                    date = format_dmy(args.on)
                );
                if n > 0 {
                    said.push_str("; ");
                    said.push_str(&i18n::stopped_tracking(n));
                }
                Ok(said)
            })?;
            writeln!(out, "{message}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `person import`: every row or none, every bad line named.
fn import(db: &dyn Db, table: &super::sheet::Sheet, same_name: bool) -> Result<usize> {
    let file = super::csvfile::read(
        table,
        i18n::PERSON_FILE,
        &[&["name"], &["position"], &["unit", "unit_name"]],
    )?;
    let mut problems = file.errors.into_problems();
    let mut people = Vec::with_capacity(file.rows.len());
    for (line, row) in &file.rows {
        match super::csvfile::optional(row.get("from"), date_arg) {
            Ok(from) => people.push((
                *line,
                NewPerson {
                    name: row.get("name"),
                    position: row.get("position"),
                    unit: row.first(&["unit", "unit_name"]),
                    from,
                    code: Some(row.get("code")),
                },
            )),
            Err(e) => problems.push((*line, RowProblem::Said(e))),
        }
    }
    let done = app::people::import(db, &people, problems, &table.source, same_name)?;
    if !done.already.is_empty() {
        super::warn(&tr!(
            i18n::PEOPLE_ALREADY_RECORDED,
            n = done.already.len(),
            lines = super::assign::line_list(&done.already)
        ));
    }
    if done.added == 0 && !done.already.is_empty() {
        return Err(crate::domain::Error::NothingChanged.into());
    }
    Ok(done.added)
}
