//! `theodoi unit add|list|import`.

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use foldhash::HashMap;

use super::{Context, OutputArgs, kind_arg, kind_error, required_text};
use crate::domain::UnitKind;
use crate::domain::unit::{Unit, is_valid_code};
use crate::i18n::{self, tr};
use crate::report::render;
use crate::report::units::{UnitList, UnitListRow};
use crate::store::{Db, Store};
use crate::text::date::format_dmy;
use crate::text::{normalize, slug};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    Add(AddArgs),
    List(ListArgs),
    Import(ImportArgs),
    Rename(RenameArgs),
    Move(MoveArgs),
    Dissolve(DissolveArgs),
    Merge(MergeArgs),
}

#[derive(Debug, clap::Args)]
pub struct DissolveArgs {
    #[arg(value_name = "UNIT")]
    unit: String,
    #[arg(long, value_name = "DATE", value_parser = super::date_arg)]
    on: chrono::NaiveDate,
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
}

#[derive(Debug, clap::Args)]
pub struct MoveArgs {
    #[arg(value_name = "UNIT")]
    unit: String,
    #[arg(long, value_name = "PARENT")]
    to: String,
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
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
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

pub fn run(
    store: &mut Store,
    cmd: Command,
    ctx: &Context,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match cmd {
        Command::Add(args) => {
            let unit = super::write(store, ctx, "unit.add", |db| {
                let unit = add(db, &args)?;
                db.note(
                    serde_json::json!({ "unit": unit.name, "code": unit.code }),
                    Some(unit.id),
                    None,
                )?;
                Ok(unit)
            })?;
            writeln!(
                out,
                "{}",
                tr!(i18n::UNIT_ADDED, name = unit.name, code = unit.code)
            )?;
        }
        Command::List(args) => {
            let rows = store
                .read()
                .units_in_tree_order(args.search.as_deref())?
                .into_iter()
                .map(|r| UnitListRow {
                    code: r.unit.code,
                    name: r.unit.name,
                    kind: r.unit.kind,
                    parent: r.parent_code,
                    dissolved_on: r.dissolved_on,
                    depth: r.depth,
                })
                .collect();
            let rows: Vec<UnitListRow> = rows;
            render(&UnitList, &rows, args.output.options(ctx), out)?;
        }
        Command::Rename(args) => {
            let message = super::write(store, ctx, "unit.rename", |db| {
                let unit = db.resolve_unit(&args.unit)?;
                let name = required_text(&args.name, i18n::WHAT_NAME)?;
                db.rename_unit(unit.id, &name)?;
                db.note(
                    serde_json::json!({ "code": unit.code, "from": unit.name, "to": name }),
                    Some(unit.id),
                    None,
                )?;
                Ok(tr!(i18n::UNIT_RENAMED, from = unit.name, to = name))
            })?;
            writeln!(out, "{message}")?;
        }
        Command::Move(args) => {
            let message = super::write(store, ctx, "unit.move", |db| {
                let unit = db.resolve_unit(&args.unit)?;
                let to = db.resolve_unit(&args.to)?;
                check_parent(unit.kind, Some(&to))?;
                let from = match unit.parent_id {
                    Some(id) => db.unit(id)?.name,
                    None => String::new(),
                };
                db.move_unit(unit.id, to.id)?;
                db.note(
                    serde_json::json!({ "unit": unit.name, "from": from, "to": to.name }),
                    Some(unit.id),
                    None,
                )?;
                Ok(tr!(i18n::UNIT_MOVED, unit = unit.name, to = to.name))
            })?;
            writeln!(out, "{message}")?;
        }
        Command::Dissolve(args) => {
            let message = super::write(store, ctx, "unit.dissolve", |db| {
                let unit = db.resolve_unit(&args.unit)?;
                if let Some(on) = db.dissolved_on(unit.id)? {
                    bail!(tr!(
                        i18n::DISSOLVED_ALREADY,
                        unit = unit.name,
                        date = format_dmy(on)
                    ));
                }
                let children = db.live_children(unit.id)?;
                if !children.is_empty() {
                    bail!(tr!(
                        i18n::DISSOLVE_HAS_CHILDREN,
                        unit = unit.name,
                        children = i18n::candidates(children.into_iter().map(|c| c.name))
                    ));
                }
                let reason = tr!(i18n::DISSOLVED_REASON, date = format_dmy(args.on));
                let n = db.dissolve_unit(unit.id, args.on, &reason)?;
                db.note(
                    serde_json::json!({ "unit": unit.name, "on": format_dmy(args.on), "n": n }),
                    Some(unit.id),
                    None,
                )?;
                Ok(tr!(
                    i18n::DISSOLVED,
                    unit = unit.name,
                    date = format_dmy(args.on),
                    n = n
                ))
            })?;
            writeln!(out, "{message}")?;
        }
        Command::Merge(args) => {
            let messages = super::write(store, ctx, "unit.merge", |db| {
                let into = db.resolve_unit(&args.into)?;
                if let Some(on) = db.dissolved_on(into.id)? {
                    bail!(tr!(
                        i18n::DISSOLVED_ALREADY,
                        unit = into.name,
                        date = format_dmy(on)
                    ));
                }
                let mut messages = Vec::new();
                let mut names = Vec::new();
                for reference in &args.units {
                    let unit = db.resolve_unit(reference)?;
                    if unit.id == into.id {
                        bail!(tr!(i18n::MERGE_INTO_ITSELF, unit = unit.name));
                    }
                    if let Some(on) = db.dissolved_on(unit.id)? {
                        bail!(tr!(
                            i18n::DISSOLVED_ALREADY,
                            unit = unit.name,
                            date = format_dmy(on)
                        ));
                    }
                    // Its units move to the successor: they must be able to sit there.
                    for child in db.live_children(unit.id)? {
                        check_parent(child.kind, Some(&into))?;
                    }
                    let reason = tr!(
                        i18n::MERGED_REASON,
                        unit = into.name,
                        date = format_dmy(args.on)
                    );
                    let n = db.merge_unit(unit.id, into.id, args.on, &reason)?;
                    messages.push(tr!(
                        i18n::MERGED,
                        unit = unit.name,
                        into = into.name,
                        date = format_dmy(args.on),
                        n = n
                    ));
                    names.push(unit.name);
                }
                db.note(
                    serde_json::json!({
                        "units": names.join(", "), "into": into.name, "on": format_dmy(args.on)
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
        Command::Import(args) => {
            let message = super::csvfile::import_file(
                store,
                ctx,
                "unit.import",
                &args.file,
                args.dry_run,
                (i18n::IMPORT_DRY_RUN, i18n::IMPORT_DONE),
                import,
            )?;
            writeln!(out, "{message}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn add(db: &Db<'_>, args: &AddArgs) -> Result<Unit> {
    let name = required_text(&args.name, i18n::WHAT_NAME)?;
    let parent = args
        .parent
        .as_deref()
        .map(|p| db.resolve_unit(p))
        .transpose()?;
    check_parent(args.kind, parent.as_ref())?;
    let code = match &args.code {
        Some(code) => checked_code(code)?,
        None => free_code(db, &name)?,
    };
    let unit = db.insert_unit(&code, &name, args.kind, parent.map(|p| p.id))?;
    if let Some(day) = args.founded {
        db.set_founded(unit.id, day)?;
    }
    Ok(unit)
}

/// Refuses a unit under a parent of the wrong kind.
fn check_parent(kind: UnitKind, parent: Option<&Unit>) -> Result<()> {
    check_parent_of(kind, parent.map(|p| (p.kind, p.name.as_str())))
}

/// As `check_parent`, with the parent's kind and name.
fn check_parent_of(kind: UnitKind, parent: Option<(UnitKind, &str)>) -> Result<()> {
    if kind.may_sit_under(parent.map(|(kind, _)| kind)) {
        return Ok(());
    }
    let allowed = kind
        .allowed_parents()
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    match parent {
        Some((parent_kind, name)) => bail!(tr!(
            i18n::UNIT_BAD_PARENT,
            kind = kind,
            parent = name,
            parent_kind = parent_kind,
            allowed = allowed
        )),
        None => bail!(tr!(i18n::UNIT_NEEDS_PARENT, kind = kind, allowed = allowed)),
    }
}

fn checked_code(code: &str) -> Result<String> {
    let code = code.trim();
    if !is_valid_code(code) {
        bail!(tr!(i18n::UNIT_BAD_CODE, code = code));
    }
    Ok(code.to_string())
}

/// A code made from the name: `Đảng bộ phường Ngô Quyền` → `phuong-ngo-quyen`,
/// with `-2`, `-3`… when taken.
fn free_code(db: &Db<'_>, name: &str) -> Result<String> {
    let full = slug(name);
    let stem = ["dang-bo-", "chi-bo-"]
        .iter()
        .find_map(|p| full.strip_prefix(p))
        .filter(|s| !s.is_empty())
        .unwrap_or(&full);
    let mut stem: String = stem.chars().take(32).collect();
    while stem.ends_with('-') {
        stem.pop();
    }
    if stem.is_empty() {
        stem.push('u');
    }
    let mut code = stem.clone();
    for n in 2.. {
        if db.unit_by_code(&code)?.is_none() {
            break;
        }
        code = format!("{stem}-{n}");
    }
    Ok(code)
}

/// One row of a unit file.
#[derive(Debug, serde::Deserialize)]
struct UnitRecord {
    code: String,
    name: String,
    kind: String,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    founded: Option<String>,
}

const UNIT_COLUMNS: [&str; 4] = ["code", "name", "kind", "parent"];

/// Imports a CSV of units (`code,name,kind,parent`; parents may come later
/// in the file). Every bad line is reported; one bad line and nothing is
/// written. Returns the number of units written.
pub fn import(db: &Db<'_>, bytes: &[u8], source: &str) -> Result<usize> {
    let file =
        super::csvfile::read::<UnitRecord>(bytes, source, &UNIT_COLUMNS[..3], &UNIT_COLUMNS)?;
    let mut errors = file.errors;

    struct Row {
        line: u64,
        code: String,
        name: String,
        kind: UnitKind,
        parent: Option<String>,
        founded: Option<chrono::NaiveDate>,
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::default();
    // Into an empty database no code can clash with one already there.
    let empty = !db.has_units()?;
    for (line, record) in file.rows {
        let mut problems = Vec::new();
        let code = record.code.trim().to_string();
        if !is_valid_code(&code) {
            problems.push(tr!(i18n::UNIT_BAD_CODE, code = code));
        } else if let Some(first) = seen.insert(code.to_ascii_lowercase(), line) {
            problems.push(tr!(i18n::IMPORT_DUPLICATE, code = code, line = first));
        } else if let Some(existing) = (!empty)
            .then(|| db.unit_by_code(&code))
            .transpose()?
            .flatten()
        {
            problems.push(tr!(
                i18n::UNIT_CODE_TAKEN,
                code = code,
                name = existing.name
            ));
        }
        let name = normalize(&record.name);
        if name.is_empty() {
            problems.push(tr!(i18n::EMPTY_TEXT, what = i18n::WHAT_NAME.get()));
        }
        let kind = crate::i18n::parse_kind(&record.kind);
        if kind.is_none() {
            problems.push(kind_error(&record.kind));
        }
        let founded = super::csvfile::optional(
            record.founded.as_deref().unwrap_or_default(),
            super::date_arg,
        )
        .unwrap_or_else(|e| {
            problems.push(e);
            None
        });
        match (problems.is_empty(), kind) {
            (true, Some(kind)) => rows.push(Row {
                line,
                code,
                name,
                kind,
                parent: record.parent.filter(|p| !p.trim().is_empty()),
                founded,
            }),
            _ => problems.into_iter().for_each(|p| errors.push(line, p)),
        }
    }

    // Insert parents before children: repeat passes until nothing moves;
    // what is left refers to an unknown parent or to a cycle.
    let in_file: HashMap<String, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code.to_ascii_lowercase(), i))
        .collect();
    // On a terminal only: indicatif draws nothing when stderr is not one.
    let bar = indicatif::ProgressBar::new(rows.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message(i18n::IMPORT_PROGRESS.get());
    // Each row once placed: its id (0 once the file is known bad) and kind.
    let mut placed: Vec<Option<(i64, UnitKind)>> = vec![None; rows.len()];
    let mut pending: Vec<usize> = (0..rows.len()).collect();
    let mut written = 0;
    loop {
        let before = pending.len();
        let mut still = Vec::new();
        for i in pending {
            let row = &rows[i];
            // The parent's id, kind and name (for messages).
            let parent: Option<(i64, UnitKind, Cow<'_, str>)> = match &row.parent {
                None => None,
                Some(p) => match in_file
                    .get(p.as_str())
                    .or_else(|| in_file.get(&p.to_ascii_lowercase()))
                {
                    Some(&j) => match placed[j] {
                        Some((id, kind)) => Some((id, kind, Cow::Borrowed(rows[j].name.as_str()))),
                        None => {
                            still.push(i);
                            continue;
                        }
                    },
                    None => match db.resolve_unit(p) {
                        Ok(unit) => Some((unit.id, unit.kind, Cow::Owned(unit.name))),
                        Err(_) => {
                            errors.push(row.line, tr!(i18n::IMPORT_PARENT_UNKNOWN, parent = p));
                            continue;
                        }
                    },
                },
            };
            let parent_of = parent
                .as_ref()
                .map(|(_, kind, name)| (*kind, name.as_ref()));
            if let Err(e) = check_parent_of(row.kind, parent_of) {
                errors.push(row.line, i18n::error_line(&e));
                continue;
            }
            if errors.is_empty() {
                let id =
                    db.insert_unit_row(&row.code, &row.name, row.kind, parent.map(|(id, ..)| id))?;
                if let Some(day) = row.founded {
                    db.set_founded(id, day)?;
                }
                placed[i] = Some((id, row.kind));
                written += 1;
                bar.inc(1);
            } else {
                // Keep checking the rest, but write no more: the whole file is refused.
                placed[i] = Some((0, row.kind));
            }
        }
        pending = still;
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    bar.finish_and_clear();
    for i in pending {
        let row = &rows[i];
        let parent = row.parent.clone().unwrap_or_default();
        let reason = match in_file
            .get(&parent.to_ascii_lowercase())
            .map(|j| rows[*j].parent.is_some())
        {
            Some(true) => tr!(i18n::IMPORT_CYCLE, parent = parent),
            _ => tr!(i18n::IMPORT_PARENT_UNKNOWN, parent = parent),
        };
        errors.push(row.line, reason);
    }
    errors.check(source)?;
    Ok(written)
}
