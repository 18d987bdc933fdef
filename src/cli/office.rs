//! `theodoi office add|list|remove`: the logins of the committees below on a
//! PostgreSQL database, each writing only for the units of its subtree, and
//! read-only logins (leaders, cron). Run by the committee's own clerk, who
//! owns the database; the server enforces what each login may touch.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::{Context, OutputArgs};
use crate::domain::Error;
use crate::domain::error::Field;
use crate::i18n::{self, tr};
use crate::report::offices::{OfficeReport, OfficeRow};
use crate::report::render;
use crate::store::{Location, PostgresStore, Storage};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Add(AddArgs),
    List(ListArgs),
    Remove(RemoveArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The office's name, e.g. 'Đảng ủy phường Lê Lợi'.
    #[arg(value_name = "NAME")]
    name: String,
    /// The unit whose subtree the office writes for (code or name).
    #[arg(long, value_name = "REF", required_unless_present = "read_only")]
    unit: Option<String>,
    /// The PostgreSQL login of the office's clerk.
    #[arg(long, value_name = "LOGIN")]
    login: String,
    /// A login that only reads (leaders, cron).
    #[arg(long, conflicts_with = "unit")]
    read_only: bool,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The office's name or login.
    #[arg(value_name = "NAME")]
    office: String,
}

/// Runs an `office` command on the database at `location`: a server's only.
pub fn run(
    location: Location,
    cmd: Command,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let address = match location {
        Location::Postgres(address) => address,
        Location::Sqlite(path) => return Err(Error::OfficeNeedsServer(path).into()),
    };
    let read_only = matches!(cmd, Command::List(_));
    let mut store = PostgresStore::open(&address, read_only)?;
    match cmd {
        Command::Add(args) => add(&mut store, args, out),
        Command::List(args) => list(&store, args, ctx, out),
        Command::Remove(args) => {
            let office = store.remove_office(args.office.trim())?;
            writeln!(
                out,
                "{}",
                tr!(
                    i18n::OFFICE_REMOVED,
                    name = office.name,
                    login = office.login
                )
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn add(store: &mut PostgresStore, args: AddArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let name = crate::app::text(&args.name, Field::UnitName)?;
    let login = args.login.trim().to_string();
    let unit = match &args.unit {
        Some(reference) => {
            let reader = store.read();
            Some(crate::app::resolve_unit(&*reader, reference)?)
        }
        None => None,
    };
    let added = store.add_office(&name, &login, unit.as_ref().map(|u| u.id))?;
    let line = match &unit {
        Some(unit) => tr!(
            i18n::OFFICE_ADDED,
            name = name,
            login = login,
            unit = unit.name
        ),
        None => tr!(i18n::OFFICE_READER_ADDED, name = name, login = login),
    };
    writeln!(out, "{line}")?;
    if added.login_made {
        writeln!(out, "{}", tr!(i18n::OFFICE_LOGIN_MADE, login = login))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn list(
    store: &PostgresStore,
    args: ListArgs,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut dest = args.output.destination(ctx)?;
    let rows: Vec<OfficeRow> = store
        .offices()?
        .into_iter()
        .map(|o| OfficeRow {
            read_only: o.unit.is_none(),
            unit: o.unit.as_ref().map(|(code, _)| code.clone()),
            unit_name: o.unit.map(|(_, name)| name),
            name: o.name,
            login: o.login,
            created_at: o.created_at,
        })
        .collect();
    render(
        &OfficeReport,
        &rows,
        args.output.options(ctx),
        dest.writer(out),
    )?;
    dest.finish(out)?;
    Ok(ExitCode::SUCCESS)
}
