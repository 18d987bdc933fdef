//! `theodoi demo`: the Sơn Tây scenario from `fixtures/`, in a database of
//! its own, and who is overdue on 07/12/2023 and 13/12/2023.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use serde::Deserialize;

use super::{Context, date_arg, doc_type_arg, due_arg};
use crate::app::completions::Completion;
use crate::app::directives::NewDirective;
use crate::app::tasks::NewTask;
use crate::app::{self, DirectiveQuery};
use crate::i18n::{self, tr};
use crate::report::{Format, RenderOptions};
use crate::store::{Db, Location, PostgresStore, Scope, SqliteStore, Storage};

/// The fixture files, compiled in so that the demo runs from any directory.
const DIRECTIVES: &str = include_str!("../../fixtures/directives.csv");
const UNITS: &str = include_str!("../../fixtures/units.csv");
const TASKS: &str = include_str!("../../fixtures/tasks.csv");
const COMPLETIONS: &str = include_str!("../../fixtures/completions.csv");

/// The days the demo reports on: the day after each deadline of plan 223.
const AS_OF: [&str; 2] = ["07/12/2023", "13/12/2023"];

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Make the demo database encrypted (the key as for `init --encrypt`).
    #[arg(long)]
    encrypt: bool,
}

pub fn run(
    flag: Option<PathBuf>,
    args: Args,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    // Only an explicit --db: THEODOI_DB names the clerk's real database.
    let location = match flag {
        Some(path) => Location::parse(path.as_os_str())?,
        None => Location::Sqlite(super::data_dir()?.join("demo.db")),
    };
    let path = location.shown();
    let mut store: Box<dyn Storage> = match &location {
        Location::Sqlite(file) => {
            remove_old_demo(file, args.encrypt)?;
            let key = match args.encrypt {
                true => Some(super::crypt::new_key(file)?),
                false => None,
            };
            Box::new(SqliteStore::create(file, key.as_ref())?)
        }
        Location::Postgres(address) => {
            if args.encrypt {
                return Err(crate::domain::Error::PgEncrypt(path).into());
            }
            if !PostgresStore::clear_demo(address)? {
                bail!(tr!(i18n::DEMO_NOT_DEMO_PG, path = path));
            }
            Box::new(PostgresStore::create(address)?)
        }
    };
    super::write(&mut *store, ctx, "demo", |db| {
        db.set_meta("kind", "demo")?;
        load(db, ctx)?;
        Ok(db.note(serde_json::json!({}), None, None)?)
    })?;
    writeln!(out, "{}", tr!(i18n::DEMO_BUILT, path = path))?;
    for day in AS_OF {
        let as_of = date_arg(day).map_err(anyhow::Error::msg)?;
        let options = RenderOptions {
            color: ctx.color,
            ..RenderOptions::plain(Format::Table)
        };
        writeln!(out)?;
        super::overdue::print(
            &*store.read(),
            &Scope::default(),
            as_of,
            options,
            false,
            ctx.show_secret,
            out,
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        tr!(i18n::DEMO_HINT, path = i18n::shell_word(&location.typed()))
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Removes an earlier demo database; refuses to touch any other file, and
/// to put a plain demo in place of an encrypted one.
fn remove_old_demo(path: &Path, encrypt: bool) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let key = match crate::store::sqlite::looks_encrypted(path) {
        true if !encrypt => bail!(tr!(i18n::DEMO_ENCRYPTED, path = path.display())),
        true => Some(super::crypt::key_to_open(path)?),
        false => None,
    };
    if !SqliteStore::is_demo(path, key.as_ref())? {
        bail!(tr!(i18n::DEMO_NOT_DEMO, path = path.display()));
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        let file = PathBuf::from(file);
        if file.exists() {
            std::fs::remove_file(&file)
                .with_context(|| tr!(i18n::DB_OPEN, path = file.display()))?;
        }
    }
    Ok(())
}

#[derive(Deserialize)]
struct DirectiveRecord {
    symbol: String,
    #[serde(rename = "type")]
    doc_type: String,
    issuer: String,
    issued_on: String,
    title: String,
}

#[derive(Deserialize)]
struct TaskRecord {
    code: String,
    directive: String,
    issuer: String,
    title: String,
    due: String,
    /// `yes` for a task rated (xếp loại) as it is done.
    #[serde(default)]
    rated: String,
}

#[derive(Deserialize)]
struct CompletionRecord {
    task: String,
    unit: String,
    on: String,
    evidence: String,
    note: String,
    /// The rating of a rated task (`HTTNV`…), if any.
    #[serde(default)]
    rating: String,
}

/// Loads every fixture through the same use cases as the commands.
fn load(db: &dyn Db, ctx: &Context) -> Result<()> {
    for r in records::<DirectiveRecord>(DIRECTIVES, "directives.csv")? {
        app::directives::add(
            db,
            &NewDirective {
                reference: &r.symbol,
                doc_type: Some(doc_type_arg(&r.doc_type).map_err(anyhow::Error::msg)?),
                issuer: &r.issuer,
                issued_on: Some(date_arg(&r.issued_on).map_err(anyhow::Error::msg)?),
                title: &r.title,
                secrecy: None,
                urgency: None,
            },
        )?;
    }
    super::unit::import(db, UNITS.as_bytes(), "fixtures/units.csv")?;
    for r in records::<TaskRecord>(TASKS, "tasks.csv")? {
        let due = r
            .due
            .split_whitespace()
            .map(due_arg)
            .collect::<Result<Vec<_>, String>>()
            .map_err(anyhow::Error::msg)?;
        app::tasks::add(
            db,
            &NewTask {
                directive: DirectiveQuery {
                    reference: &r.directive,
                    issuer: Some(&r.issuer),
                    issued_on: None,
                },
                title: &r.title,
                due: &due,
                within: None,
                code: Some(&r.code),
                rated: r.rated == "yes",
                people: false,
                force: false,
            },
        )?;
    }
    for r in records::<CompletionRecord>(COMPLETIONS, "completions.csv")? {
        let completion = Completion {
            task: &r.task,
            unit: Some(&r.unit),
            on: Some(date_arg(&r.on).map_err(anyhow::Error::msg)?),
            evidence: Some(&r.evidence),
            note: Some(&r.note),
            rating: match r.rating.as_str() {
                "" => None,
                rating => Some(crate::domain::Rating::parse(rating).ok_or_else(|| {
                    anyhow::anyhow!(tr!(i18n::DEMO_FIXTURE, file = "completions.csv"))
                })?),
            },
            ..Completion::default()
        };
        app::completions::record(db, &completion, &ctx.actor, ctx.today)?;
    }
    Ok(())
}

fn records<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<Vec<T>> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .with_context(|| tr!(i18n::DEMO_FIXTURE, file = file))
}
