//! `theodoi person add|list|show|import|leave`: the leaders the Standing
//! Committee manages (cán bộ diện Ban Thường vụ quản lý).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, OutputArgs, date_arg, required_text};
use crate::domain::person::Person;
use crate::domain::unit::is_valid_code;
use crate::i18n::{self, tr};
use crate::report::obligations::{Kind, ObligationReport};
use crate::report::people::{PersonList, PersonListRow};
use crate::report::{Renderer, render};
use crate::store::{Db, Order, Scope, Selection, Store};
use crate::text::{date::format_dmy, slug};

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
}

#[derive(Debug, clap::Args)]
pub struct LeaveArgs {
    #[arg(value_name = "REF")]
    reference: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    on: NaiveDate,
}

pub fn run(
    store: &mut Store,
    cmd: Command,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match cmd {
        Command::Add(args) => {
            let message = super::write(store, ctx, "person.add", |db| {
                let person = add(
                    db,
                    &args.name,
                    &args.position,
                    &args.unit,
                    args.from,
                    args.code.as_deref(),
                )?;
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
            render(&PersonList, &rows, args.output.options(ctx), out)?;
        }
        Command::Show(args) => {
            let db = store.read();
            let person = db.resolve_person(&args.reference)?;
            let unit = db.unit(person.unit_id)?;
            let report = ObligationReport {
                kind: Kind::Agenda {
                    unit: format!("{} ({})", person.name, person.position),
                },
                as_of: args.as_of.unwrap_or(ctx.today),
            };
            let options = args.output.options(ctx);
            if matches!(
                options.format,
                crate::report::Format::Table | crate::report::Format::Md
            ) {
                writeln!(out, "{}, {} — {}", person.name, person.position, unit.name)?;
                if let Some(to) = person.to_on {
                    writeln!(out, "{}: {}", i18n::H_TO.get(), format_dmy(to))?;
                }
                writeln!(out)?;
            }
            let scope = Scope {
                within: Some(unit.id),
                ..Default::default()
            };
            let mut renderer = Renderer::new(&report, options, out);
            db.for_each_obligation(&scope, Selection::All, report.as_of, Order::Unit, |row| {
                if row.person.as_deref() == Some(person.code.as_str()) {
                    renderer.row(&row)?;
                }
                Ok::<(), anyhow::Error>(())
            })?;
            renderer.finish(false)?;
        }
        Command::Import(args) => {
            let message = super::csvfile::import_file(
                store,
                ctx,
                "person.import",
                &args.file,
                args.dry_run,
                (i18n::PEOPLE_DRY_RUN, i18n::PEOPLE_IMPORTED),
                import,
            )?;
            writeln!(out, "{message}")?;
        }
        Command::Leave(args) => {
            let message = super::write(store, ctx, "person.leave", |db| {
                let person = db.resolve_person(&args.reference)?;
                db.end_person(person.id, args.on)?;
                db.note(
                    serde_json::json!({ "name": person.name, "on": format_dmy(args.on) }),
                    Some(person.unit_id),
                    None,
                )?;
                Ok(tr!(
                    i18n::PERSON_LEFT,
                    name = person.name,
                    date = format_dmy(args.on)
                ))
            })?;
            writeln!(out, "{message}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Records one person; shared by `add` and `import`.
fn add(
    db: &Db<'_>,
    name: &str,
    position: &str,
    unit: &str,
    from: Option<NaiveDate>,
    code: Option<&str>,
) -> Result<Person> {
    let name = required_text(name, i18n::WHAT_PERSON_NAME)?;
    let position = required_text(position, i18n::WHAT_POSITION)?;
    let unit = db.resolve_unit(unit)?;
    let code = match code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) if is_valid_code(code) => code.to_string(),
        Some(code) => anyhow::bail!(tr!(i18n::UNIT_BAD_CODE, code = code)),
        None => {
            let stem = slug(&name);
            let mut code = stem.clone();
            let mut n = 2;
            while db.person_by_code(&code)?.is_some() {
                code = format!("{stem}-{n}");
                n += 1;
            }
            code
        }
    };
    Ok(db.insert_person(&Person {
        id: 0,
        code,
        name,
        position,
        unit_id: unit.id,
        from_on: from,
        to_on: None,
    })?)
}

/// One row of a people file.
#[derive(Debug, serde::Deserialize)]
struct PersonRecord {
    #[serde(default)]
    code: String,
    name: String,
    position: String,
    unit: String,
    #[serde(default)]
    from: String,
}

const COLUMNS: [&str; 5] = ["code", "name", "position", "unit", "from"];

/// `person import`: every row or none, every bad line named.
fn import(db: &Db<'_>, bytes: &[u8], source: &str) -> Result<usize> {
    let file = super::csvfile::read::<PersonRecord>(bytes, source, &COLUMNS[1..4], &COLUMNS)?;
    let mut errors = file.errors;
    let mut n = 0;
    for (line, row) in file.rows {
        let from = match super::csvfile::optional(&row.from, date_arg) {
            Ok(from) => from,
            Err(e) => {
                errors.push(line, e);
                continue;
            }
        };
        match add(
            db,
            &row.name,
            &row.position,
            &row.unit,
            from,
            Some(&row.code),
        ) {
            Ok(_) => n += 1,
            Err(e) => errors.push(line, i18n::error_line(&e)),
        }
    }
    errors.check(source)?;
    Ok(n)
}
