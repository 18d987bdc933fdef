//! `theodoi settings`: what the committee's documents say of the committee
//! itself, listed, set and removed.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::{Context, OutputArgs};
use crate::app;
use crate::app::settings::SettingChange;
use crate::domain::setting::SettingKey;
use crate::i18n::{self, tr};
use crate::report::{Cell, Report, render};
use crate::store::Storage;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Option<SettingsCommand>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Subcommand)]
enum SettingsCommand {
    Set {
        #[arg(value_name = "KEY")]
        key: String,
        #[arg(value_name = "VALUE", required = true, num_args = 1.., allow_hyphen_values = true)]
        values: Vec<String>,
    },
    Unset {
        #[arg(value_name = "KEY")]
        key: String,
    },
}

impl Args {
    /// Whether the command only lists the settings.
    pub fn reads_only(&self) -> bool {
        self.command.is_none()
    }
}

/// One setting as the list shows it.
#[derive(Debug, Serialize)]
struct SettingRow {
    key: &'static str,
    /// `null` when not set; lines apart by a line break.
    value: Option<String>,
    #[serde(skip)]
    meaning: &'static str,
}

struct SettingList;

impl Report for SettingList {
    type Row = SettingRow;
    const FIELDS: &'static [&'static str] = &["key", "value"];

    fn headers(&self) -> Vec<String> {
        crate::report::headers(&[i18n::H_KEY, i18n::H_VALUE, i18n::H_MEANING])
    }

    fn cells(&self, row: &SettingRow) -> Vec<Cell> {
        let value = match &row.value {
            Some(v) => v.as_str().into(),
            None => i18n::SETTING_UNSET_VALUE.get().into(),
        };
        vec![row.key.into(), value, row.meaning.into()]
    }

    fn heading(&self, _rows: Option<usize>) -> Option<String> {
        None
    }

    fn sheet_title(&self) -> Option<String> {
        Some(i18n::TITLE_SETTINGS.get().to_string())
    }

    fn empty_message(&self) -> String {
        String::new()
    }
}

pub fn run(
    store: &mut dyn Storage,
    args: Args,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let change = match &args.command {
        None => {
            let settings = app::settings::read(&*store.read())?;
            let rows: Vec<SettingRow> = SettingKey::ALL
                .iter()
                .map(|&key| SettingRow {
                    key: key.slug(),
                    value: settings.get(key).map(str::to_string),
                    meaning: i18n::setting_meaning(key).get(),
                })
                .collect();
            let mut dest = args.output.destination(ctx)?;
            render(
                &SettingList,
                &rows,
                args.output.options(ctx),
                dest.writer(out),
            )?;
            dest.finish(out)?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(SettingsCommand::Set { key, values }) => {
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            super::write(store, ctx, "settings.set", |db| {
                let change = app::settings::set(db, key, &values)?;
                db.note(details(&change), None, None)?;
                Ok(change)
            })?
        }
        Some(SettingsCommand::Unset { key }) => super::write(store, ctx, "settings.unset", |db| {
            let change = app::settings::unset(db, key)?;
            db.note(details(&change), None, None)?;
            Ok(change)
        })?,
    };
    let shown = |v: &Option<String>| match v {
        Some(v) => one_line(v),
        None => i18n::SETTING_NOT_SET.get().to_string(),
    };
    let message = match &change.now {
        Some(_) => tr!(
            i18n::SETTING_SET,
            key = i18n::setting_named(change.key),
            value = shown(&change.now),
            was = shown(&change.was)
        ),
        None => tr!(
            i18n::SETTING_REMOVED,
            key = i18n::setting_named(change.key),
            was = shown(&change.was)
        ),
    };
    writeln!(out, "{message}")?;
    Ok(ExitCode::SUCCESS)
}

/// What the log keeps of a change: the key, the values before and after
/// on one line each.
fn details(change: &SettingChange) -> serde_json::Value {
    serde_json::json!({
        "key": change.key.slug(),
        "was": change.was.as_deref().map(one_line),
        "value": change.now.as_deref().map(one_line),
    })
}

/// The lines of a Nơi nhận on one line.
fn one_line(value: &str) -> String {
    value.lines().collect::<Vec<_>>().join("; ")
}
