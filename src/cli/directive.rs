//! `theodoi directive add|list|show`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use super::{FormatArg, date_arg, doc_type_arg, required_text};
use crate::domain::directive::{Directive, SpecError};
use crate::domain::{DirectiveSpec, DocType};
use crate::i18n::{self, tr};
use crate::report::directives::{DirectiveList, TaskList, TaskRow};
use crate::report::{Format, render};
use crate::store::{Db, DirectiveQuery, Store};
use crate::text::date::format_dmy;
use crate::text::symbol::{SymbolError, TYPE_CODES};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Add(AddArgs),
    List(ListArgs),
    Show(ShowArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct AddArgs {
    #[arg(value_name = "SYMBOL")]
    pub symbol: String,
    #[arg(long, value_name = "NAME")]
    pub issuer: String,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub date: NaiveDate,
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    #[arg(long = "type", value_name = "TYPE", value_parser = doc_type_arg)]
    pub doc_type: Option<DocType>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    #[command(flatten)]
    format: FormatArg,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    #[arg(value_name = "REF")]
    reference: String,
    #[arg(long, value_name = "NAME")]
    issuer: Option<String>,
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    date: Option<NaiveDate>,
    #[command(flatten)]
    format: FormatArg,
}

pub fn run(store: &mut Store, cmd: Command, out: &mut dyn Write) -> Result<ExitCode> {
    match cmd {
        Command::Add(args) => {
            let directive = store.write(|db| add(db, &args))?;
            writeln!(
                out,
                "{}",
                tr!(
                    i18n::DIRECTIVE_ADDED,
                    directive = crate::store::describe(&directive)
                )
            )?;
        }
        Command::List(args) => {
            let list = DirectiveList {
                rows: store.read().directives(args.search.as_deref())?,
            };
            render(&list, args.format.format, out)?;
        }
        Command::Show(args) => show(store.read(), &args, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Records one directive; shared with the demo loader.
pub fn add(db: &Db<'_>, args: &AddArgs) -> Result<Directive> {
    let spec = DirectiveSpec::parse(&args.symbol, args.doc_type).map_err(|e| {
        let input = args.symbol.trim();
        anyhow::anyhow!(match e {
            SpecError::NeedsType => tr!(i18n::NEEDS_TYPE, input = input),
            SpecError::Symbol(SymbolError::UnknownType(code)) => tr!(
                i18n::BAD_TYPE_CODE,
                input = input,
                code = code,
                accepted = TYPE_CODES.join(", ")
            ),
            SpecError::Symbol(SymbolError::Shape) => tr!(i18n::BAD_SYMBOL, input = input),
        })
    })?;
    let issuer = required_text(&args.issuer, i18n::WHAT_ISSUER)?;
    let title = required_text(&args.title, i18n::WHAT_TITLE)?;
    let as_written = crate::text::normalize(&args.symbol);
    db.insert_directive(&spec, &as_written, &issuer, args.date, &title)
}

/// A directive with its tasks.
#[derive(Debug, Serialize)]
struct DirectiveDetail {
    #[serde(flatten)]
    directive: Directive,
    tasks: Vec<TaskRow>,
}

fn show(db: Db<'_>, args: &ShowArgs, out: &mut dyn Write) -> Result<()> {
    let directive = db.resolve_directive(&DirectiveQuery {
        reference: &args.reference,
        issuer: args.issuer.as_deref(),
        issued_on: args.date,
    })?;
    let tasks = TaskList {
        rows: super::task::rows(&db, &db.tasks_of(directive.id)?)?,
    };
    match args.format.format {
        Format::Json => {
            let detail = DirectiveDetail {
                directive,
                tasks: tasks.rows,
            };
            serde_json::to_writer_pretty(&mut *out, &detail)?;
            writeln!(out)?;
        }
        Format::Csv => render(&tasks, Format::Csv, out)?,
        Format::Table => {
            let d = &directive;
            let fields = [
                (i18n::H_SYMBOL, d.label()),
                (i18n::H_TYPE, d.doc_type.to_string()),
                (i18n::H_ISSUER, d.issuer.clone()),
                (i18n::H_ISSUED_ON, format_dmy(d.issued_on)),
                (i18n::H_TITLE, d.title.clone()),
            ];
            for (label, value) in fields {
                writeln!(out, "{}: {value}", label.get())?;
            }
            writeln!(out)?;
            if tasks.rows.is_empty() {
                writeln!(out, "{}", i18n::SHOW_NO_TASKS.get())?;
            } else {
                writeln!(out, "{}", i18n::SHOW_TASKS.get())?;
                render(&tasks, Format::Table, out)?;
            }
        }
    }
    Ok(())
}
