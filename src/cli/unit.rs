//! `theodoi unit add|list|import|rename|move|dissolve|merge|edit`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use foldhash::HashMap;

use super::sheet::Sheet;
use super::{Context, OutputArgs, kind_arg, kind_error};
use crate::app;
use crate::app::units::{Effect, NewUnit};
use crate::domain::UnitKind;
use crate::domain::error::RowProblem;
use crate::i18n::{self, tr};
use crate::report::render;
use crate::report::units::{UnitList, UnitListRow};
use crate::store::{Db, Storage};
use crate::text::date::format_dmy;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Add(AddArgs),
    List(ListArgs),
    Import(ImportArgs),
    Rename(RenameArgs),
    Move(MoveArgs),
    Dissolve(DissolveArgs),
    Merge(MergeArgs),
    Edit(EditArgs),
}

/// `unit edit UNIT --alias NAME… --remove-alias NAME…`: what to change of a
/// unit.
#[derive(Debug, clap::Args)]
pub struct EditArgs {
    #[arg(value_name = "UNIT")]
    pub unit: String,
    /// Other names to find the unit by.
    #[arg(long = "alias", value_name = "NAME")]
    pub alias: Vec<String>,
    /// Other names to forget.
    #[arg(long = "remove-alias", value_name = "NAME")]
    pub remove_alias: Vec<String>,
    /// Another kind, from a day (`--on`) or as a correction.
    #[arg(long, value_name = "KIND", value_parser = kind_arg)]
    pub kind: Option<UnitKind>,
    #[command(flatten)]
    effect: EffectArgs,
}

#[derive(Debug, clap::Args)]
pub struct DissolveArgs {
    #[arg(value_name = "UNIT")]
    unit: String,
    #[arg(long, value_name = "DATE", value_parser = super::date_arg)]
    on: chrono::NaiveDate,
    #[arg(long)]
    force: bool,
}

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    #[arg(value_name = "UNIT", required = true)]
    units: Vec<String>,
    #[arg(long, value_name = "UNIT")]
    into: String,
    #[arg(long, value_name = "DATE", value_parser = super::date_arg)]
    on: chrono::NaiveDate,
}

#[derive(Debug, clap::Args)]
pub struct RenameArgs {
    #[arg(value_name = "UNIT")]
    unit: String,
    #[arg(value_name = "NAME")]
    name: String,
    #[command(flatten)]
    effect: EffectArgs,
    /// Rename it even when its parent has another unit of that name.
    #[arg(long)]
    same_name: bool,
}

#[derive(Debug, clap::Args)]
pub struct MoveArgs {
    #[arg(value_name = "UNIT")]
    unit: String,
    #[arg(long, value_name = "PARENT")]
    to: String,
    #[arg(long, value_name = "KIND", value_parser = kind_arg)]
    kind: Option<UnitKind>,
    #[command(flatten)]
    effect: EffectArgs,
    /// Move it even when the new parent has a unit of that name.
    #[arg(long)]
    same_name: bool,
}

/// From when a change holds: `--on DATE` (today when not given), or
/// `--correct` (the record was wrong: as if it had always been so).
#[derive(Debug, clap::Args)]
pub struct EffectArgs {
    #[arg(long, value_name = "DATE", value_parser = super::date_arg)]
    on: Option<chrono::NaiveDate>,
    #[arg(long, conflicts_with = "on")]
    correct: bool,
}

impl EffectArgs {
    fn effect(&self, ctx: &Context) -> Effect {
        match (self.correct, self.on) {
            (true, _) => Effect::Correction,
            (false, on) => Effect::From(on.unwrap_or(ctx.today)),
        }
    }
}

/// The log's record of a change of kind, as slugs.
fn kind_change(from: UnitKind, to: UnitKind) -> serde_json::Value {
    serde_json::json!([{ "field": "kind", "from": from.slug(), "to": to.slug() }])
}

/// The log's record of when a change holds: the day, or null for a correction.
fn effect_json(effect: Effect) -> serde_json::Value {
    match effect {
        Effect::From(day) => serde_json::Value::from(format_dmy(day)),
        Effect::Correction => serde_json::Value::Null,
    }
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    #[arg(value_name = "NAME")]
    name: String,
    #[arg(long, value_name = "KIND", value_parser = kind_arg)]
    kind: UnitKind,
    #[arg(long, value_name = "REF")]
    parent: Option<String>,
    #[arg(long, value_name = "CODE")]
    code: Option<String>,
    #[arg(long, value_name = "DATE", value_parser = super::date_arg)]
    founded: Option<chrono::NaiveDate>,
    /// Give it none of the open tasks of its kind and place.
    #[arg(long)]
    no_tasks: bool,
    /// Add it even when its parent has a unit of that name.
    #[arg(long)]
    same_name: bool,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    #[arg(long, value_name = "DATE", value_parser = super::date_arg)]
    as_of: Option<chrono::NaiveDate>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    #[arg(value_name = "FILE")]
    file: PathBuf,
    #[arg(long)]
    dry_run: bool,
    /// Give the new units none of the open tasks of their kind and place.
    #[arg(long)]
    no_tasks: bool,
    /// The sheet of a workbook (default: the first one shown).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
}

pub fn run(
    store: &mut dyn Storage,
    cmd: Command,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match cmd {
        Command::Add(args) => {
            let (unit, joined) = super::write(store, ctx, "unit.add", |db| {
                if !args.same_name {
                    app::units::refuse_same_name(db, &args.name, args.parent.as_deref())?;
                }
                let unit = app::units::add(
                    db,
                    &NewUnit {
                        name: &args.name,
                        kind: args.kind,
                        parent: args.parent.as_deref(),
                        code: args.code.as_deref(),
                        founded: args.founded,
                    },
                )?;
                // The open tasks of its kind and place (units that join).
                let mut joined = app::assign::join(db, &[unit.id], ctx.today, !args.no_tasks)?;
                super::assign::mask_joined(db, &mut joined, ctx.show_secret)?;
                let mut details = serde_json::json!({ "unit": unit.name, "code": unit.code });
                let tasks = super::assign::joined_codes(&joined);
                if !args.no_tasks && !tasks.is_empty() {
                    details["tasks"] = tasks.into();
                }
                db.note(details, Some(unit.id), None)?;
                Ok((unit, joined))
            })?;
            writeln!(
                out,
                "{}",
                tr!(i18n::UNIT_ADDED, name = unit.name, code = unit.code)
            )?;
            for line in super::assign::joined_lines(&joined, !args.no_tasks) {
                writeln!(out, "{line}")?;
            }
        }
        Command::List(args) => {
            let mut dest = args.output.destination(ctx)?;
            let db = store.read();
            let mut aliases: HashMap<i64, Vec<String>> = HashMap::default();
            for (unit, alias) in db.all_aliases()? {
                aliases.entry(unit).or_default().push(alias);
            }
            let rows: Vec<UnitListRow> = db
                .units_in_tree_order(
                    args.search.as_deref(),
                    Some(args.as_of.unwrap_or(ctx.today)),
                )?
                .into_iter()
                .map(|r| UnitListRow {
                    aliases: aliases.remove(&r.unit.id).unwrap_or_default(),
                    code: r.unit.code,
                    name: r.unit.name,
                    kind: r.unit.kind,
                    parent: r.parent_code,
                    dissolved_on: r.dissolved_on,
                    merged_into: r.successor.as_ref().map(|(code, _)| code.clone()),
                    merged_into_name: r.successor.map(|(_, name)| name),
                    depth: r.depth,
                })
                .collect();
            drop(db);
            render(
                &UnitList {
                    search: args.search.clone(),
                },
                &rows,
                args.output.options(ctx),
                dest.writer(out),
            )?;
            dest.finish(out)?;
        }
        Command::Rename(args) => {
            let message = super::write(store, ctx, "unit.rename", |db| {
                let effect = args.effect.effect(ctx);
                if !args.same_name {
                    app::units::refuse_same_name_for(db, &args.unit, Some(&args.name), None)?;
                }
                let (unit, name) = app::units::rename(db, &args.unit, &args.name, effect)?;
                db.note(
                    serde_json::json!({
                        "code": unit.code, "from": unit.name, "to": name, "on": effect_json(effect)
                    }),
                    Some(unit.id),
                    None,
                )?;
                Ok(tr!(i18n::UNIT_RENAMED, from = unit.name, to = name))
            })?;
            writeln!(out, "{message}")?;
        }
        Command::Move(args) => {
            let message = super::write(store, ctx, "unit.move", |db| {
                let effect = args.effect.effect(ctx);
                if !args.same_name {
                    app::units::refuse_same_name_for(db, &args.unit, None, Some(&args.to))?;
                }
                let moved = app::units::move_unit(db, &args.unit, &args.to, args.kind, effect)?;
                let from = moved.from.map(|u| u.name).unwrap_or_default();
                let mut details = serde_json::json!({
                    "unit": moved.unit.name, "from": from, "to": moved.to.name,
                    "on": effect_json(effect)
                });
                let mut message = tr!(i18n::UNIT_MOVED, unit = moved.unit.name, to = moved.to.name);
                if moved.kind != moved.unit.kind {
                    details["changes"] = kind_change(moved.unit.kind, moved.kind);
                    message.push_str(&tr!(
                        i18n::UNIT_KIND_NOW,
                        kind = i18n::kind_in_text(moved.kind)
                    ));
                    // Its open obligations follow the new kind's due dates.
                    if !moved.dues.moved.is_empty() {
                        details["dues"] = super::assign::dues_json(&moved.dues);
                    }
                    let now = crate::domain::unit::Unit {
                        kind: moved.kind,
                        parent_id: Some(moved.to.id),
                        ..moved.unit.clone()
                    };
                    for line in super::assign::kind_lines(
                        db,
                        &now,
                        moved.kind,
                        &moved.dues,
                        effect,
                        ctx.today,
                    )? {
                        message.push('\n');
                        message.push_str(&line);
                    }
                }
                db.note(details, Some(moved.unit.id), None)?;
                Ok(message)
            })?;
            writeln!(out, "{message}")?;
        }
        Command::Dissolve(args) => {
            let message = super::write(store, ctx, "unit.dissolve", |db| {
                let unit = app::units::to_dissolve(db, &args.unit)?;
                let reason = tr!(i18n::DISSOLVED_REASON, date = format_dmy(args.on));
                let n = app::units::dissolve(db, &unit, args.on, &reason, args.force)?;
                db.note(
                    serde_json::json!({ "unit": unit.name, "on": format_dmy(args.on), "n": n }),
                    Some(unit.id),
                    None,
                )?;
                Ok(tr!(
                    i18n::DISSOLVED,
                    unit = unit.name,
                    date = format_dmy(args.on),
                    stopped = i18n::stopped_tracking(n)
                ))
            })?;
            writeln!(out, "{message}")?;
        }
        Command::Merge(args) => {
            let messages = super::write(store, ctx, "unit.merge", |db| {
                let into = app::units::merge_target(db, &args.into)?;
                let reason = tr!(
                    i18n::MERGED_REASON,
                    unit = into.name,
                    date = format_dmy(args.on)
                );
                let mut messages = Vec::new();
                let mut names = Vec::new();
                let (mut all_passed, mut all_closed) = (0, 0);
                for reference in &args.units {
                    let (unit, passed, closed) =
                        app::units::merge(db, reference, &into, args.on, &reason)?;
                    let mut message = tr!(
                        i18n::MERGED,
                        unit = unit.name,
                        into = into.name,
                        date = format_dmy(args.on),
                        n = passed
                    );
                    if closed > 0 {
                        message.push_str(&tr!(i18n::MERGED_CLOSED, n = closed, into = into.name));
                    }
                    messages.push(message);
                    names.push(unit.name);
                    all_passed += passed;
                    all_closed += closed;
                }
                db.note(
                    serde_json::json!({
                        "units": names.join(", "), "into": into.name, "on": format_dmy(args.on),
                        "passed": all_passed, "closed": all_closed,
                    }),
                    Some(into.id),
                    None,
                )?;
                Ok(messages)
            })?;
            for message in messages {
                writeln!(out, "{message}")?;
            }
        }
        Command::Edit(args) => {
            let messages = super::write(store, ctx, "unit.edit", |db| {
                let edit =
                    app::units::edit_aliases(db, &args.unit, &args.alias, &args.remove_alias)?;
                let unit = &edit.unit;
                let mut details = serde_json::json!({
                    "unit": unit.name, "code": unit.code,
                    "aliases": { "added": edit.added, "removed": edit.removed },
                });
                let mut messages = Vec::new();
                if let Some(kind) = args.kind {
                    let effect = args.effect.effect(ctx);
                    if let Some(dues) = app::units::change_kind(db, unit, kind, effect)? {
                        details["changes"] = kind_change(unit.kind, kind);
                        details["on"] = effect_json(effect);
                        // Its open obligations follow the new kind's due dates.
                        if !dues.moved.is_empty() {
                            details["dues"] = super::assign::dues_json(&dues);
                        }
                        messages.push(tr!(
                            i18n::UNIT_KIND_CHANGED,
                            unit = unit.name,
                            from = i18n::kind_in_text(unit.kind),
                            to = i18n::kind_in_text(kind)
                        ));
                        let now = crate::domain::unit::Unit {
                            kind,
                            ..unit.clone()
                        };
                        messages.extend(super::assign::kind_lines(
                            db, &now, kind, &dues, effect, ctx.today,
                        )?);
                    }
                }
                if messages.is_empty() && edit.added.is_empty() && edit.removed.is_empty() {
                    return Err(crate::domain::Error::NothingChanged.into());
                }
                db.note(details, Some(unit.id), None)?;
                if !edit.added.is_empty() {
                    messages.push(tr!(
                        i18n::UNIT_ALIASES_ADDED,
                        unit = unit.name,
                        aliases = edit.added.join(", ")
                    ));
                }
                if !edit.removed.is_empty() {
                    messages.push(tr!(
                        i18n::UNIT_ALIASES_REMOVED,
                        unit = unit.name,
                        aliases = edit.removed.join(", ")
                    ));
                }
                Ok(messages)
            })?;
            for message in messages {
                writeln!(out, "{message}")?;
            }
        }
        Command::Import(args) => {
            // The units, and the open tasks they join, in one change.
            let table = super::sheet::open(&args.file, args.sheet.as_deref())?;
            let lines =
                super::assign::import_units(store, ctx, &table, args.dry_run, args.no_tasks)?;
            for line in lines {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Imports a file of units (`code,name,kind,parent[,founded]`, or a
/// clerk's own sheet with Vietnamese headers; parents may come later in the
/// file). Every bad line is reported; one bad line and nothing is written.
/// Returns the number of units written.
pub fn import(db: &dyn Db, bytes: &[u8], source: &str) -> Result<usize> {
    let table = super::sheet::read(bytes, source, None)?;
    Ok(import_units(db, &table, &mut Vec::new())?.len())
}

/// As `import`, of a file read; returns the ids of the units written, and
/// adds to `already` the lines of the units the tree has already.
pub fn import_units(db: &dyn Db, table: &Sheet, already: &mut Vec<u64>) -> Result<Vec<i64>> {
    let file = super::csvfile::read(table, i18n::UNIT_FILE, &[&["name"], &["kind"]])?;
    let mut problems = file.errors.into_problems();
    let mut records = Vec::with_capacity(file.rows.len());
    for (line, record) in file.rows {
        let kind = i18n::parse_kind(record.get("kind"));
        if kind.is_none() {
            problems.push((line, RowProblem::Said(kind_error(record.get("kind")))));
        }
        let founded = super::csvfile::optional(record.get("founded"), super::date_arg)
            .unwrap_or_else(|e| {
                problems.push((line, RowProblem::Said(e)));
                None
            });
        if let Some(kind) = kind {
            let parent = record.first(&["parent", "parent_name"]);
            records.push(app::units::UnitRecord {
                line,
                code: record.get("code").to_string(),
                name: record.get("name").to_string(),
                kind,
                parent: (!parent.is_empty()).then(|| parent.to_string()),
                founded,
            });
        }
    }
    // On a terminal only: indicatif draws nothing when stderr is not one.
    let bar = indicatif::ProgressBar::new(records.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message(i18n::IMPORT_PROGRESS.get());
    let written = app::units::import(
        db,
        records,
        problems,
        &table.source,
        &mut || bar.inc(1),
        already,
    );
    bar.finish_and_clear();
    Ok(written?)
}
