//! Units: add, rename, move, dissolve, merge, import; the tree rule at
//! every step.

use std::borrow::Cow;

use chrono::NaiveDate;
use foldhash::{HashMap, HashSet};

use super::assign::{Dues, follow_kind};
use super::{code, resolve_unit, text};
use crate::domain::UnitKind;
use crate::domain::error::{DateRule, DateSubject, Error, Field, Result, RowProblem};
use crate::domain::unit::{Unit, is_valid_code};
use crate::store::Db;
use crate::text::{abbrev, fold, slug};

/// A unit to add, as the clerk gives it.
#[derive(Debug, Clone)]
pub struct NewUnit<'a> {
    pub name: &'a str,
    pub kind: UnitKind,
    /// The unit directly above (none only for the committee itself).
    pub parent: Option<&'a str>,
    /// Its code (default: made from the name).
    pub code: Option<&'a str>,
    pub founded: Option<NaiveDate>,
}

/// Records a unit under its parent, checking the tree rule.
pub fn add(db: &dyn Db, new: &NewUnit<'_>) -> Result<Unit> {
    let name = text(new.name, Field::UnitName)?;
    let parent = new.parent.map(|p| resolve_unit(db, p)).transpose()?;
    if let Some(parent) = &parent {
        refuse_dissolved(db, parent)?;
    }
    check_parent(new.kind, parent.as_ref())?;
    if parent.is_none()
        && let Some(root) = live_root(db)?
    {
        return Err(Error::SecondRoot { root: root.name });
    }
    let code = match new.code {
        Some(c) => code(c)?,
        None => free_code(db, &name)?,
    };
    let unit = db.insert_unit(&code, &name, new.kind, parent.map(|p| p.id))?;
    if let Some(day) = new.founded {
        db.set_founded(unit.id, day)?;
    }
    Ok(unit)
}

/// Refuses a new unit named as a live unit under the same parent: the
/// same chi bộ twice would be counted twice in `ratings`. (`unit add
/// --same-name` skips this, for two units that share a name.)
pub fn refuse_same_name(db: &dyn Db, name: &str, parent: Option<&str>) -> Result<()> {
    let parent_id = parent
        .map(|p| resolve_unit(db, p))
        .transpose()?
        .map(|u| u.id);
    refuse_name_under(db, name, parent_id, None)
}

/// Refuses unit `unit` taking name `name` (a rename) or going under
/// `parent` (a move) where a live unit other than itself has that name:
/// as `refuse_same_name`; `--same-name` skips it.
pub fn refuse_same_name_for(
    db: &dyn Db,
    unit: &str,
    name: Option<&str>,
    parent: Option<&str>,
) -> Result<()> {
    let unit = resolve_unit(db, unit)?;
    let parent_id = match parent {
        Some(p) => Some(resolve_unit(db, p)?.id),
        None => unit.parent_id,
    };
    refuse_name_under(db, name.unwrap_or(&unit.name), parent_id, Some(unit.id))
}

fn refuse_name_under(
    db: &dyn Db,
    name: &str,
    parent_id: Option<i64>,
    except: Option<i64>,
) -> Result<()> {
    for unit in db.units_named(&crate::text::fold(name))? {
        if unit.parent_id == parent_id
            && Some(unit.id) != except
            && db.dissolved_on(unit.id)?.is_none()
        {
            return Err(Error::NameTaken {
                name: unit.name,
                code: unit.code,
            });
        }
    }
    Ok(())
}

/// Refuses a unit under a parent of the wrong kind (or at the root).
pub fn check_parent(kind: UnitKind, parent: Option<&Unit>) -> Result<()> {
    check_parent_of(kind, parent.map(|p| (p.kind, p.name.as_str())))
}

/// The unit at the top of the tree, if any (a dissolved one aside): a
/// committee's tree has one.
fn live_root(db: &dyn Db) -> Result<Option<Unit>> {
    Ok(db.roots()?.into_iter().next())
}

/// As `check_parent`, with the parent's kind and name.
fn check_parent_of(kind: UnitKind, parent: Option<(UnitKind, &str)>) -> Result<()> {
    if kind.may_sit_under(parent.map(|(kind, _)| kind)) {
        return Ok(());
    }
    Err(Error::BadParent {
        kind,
        parent: parent.map(|(kind, name)| (kind, name.to_string())),
    })
}

/// A code made from the name: `Đảng bộ phường Ngô Quyền` → `phuong-ngo-quyen`,
/// with `-2`, `-3`… when taken.
fn free_code(db: &dyn Db, name: &str) -> Result<String> {
    free_code_among(db, name, &mut HashSet::default())
}

/// The stem of a code made from a name: its slug, without the kind's words
/// in front, at most 32 characters.
fn code_stem(name: &str) -> String {
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
    stem
}

/// As `free_code`, and none of the codes `taken` (lower case) either; the
/// code made is taken then.
fn free_code_among(db: &dyn Db, name: &str, taken: &mut HashSet<String>) -> Result<String> {
    let stem = code_stem(name);
    let mut code = stem.clone();
    for n in 2.. {
        if !taken.contains(&code) && db.unit_by_code(&code)?.is_none() {
            break;
        }
        code = format!("{stem}-{n}");
    }
    taken.insert(code.clone());
    Ok(code)
}

/// When a change to a unit's name, kind or parent takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// From this day on: reports of earlier days keep what it was.
    From(NaiveDate),
    /// A correction of the record: as if it had always been so.
    Correction,
}

/// Starts a new state of `unit` from the effect's day, keeping the current
/// one for the days before. Refused before the current state began.
fn open_state(db: &dyn Db, unit: &Unit, effect: Effect) -> Result<()> {
    let Effect::From(on) = effect else {
        return Ok(());
    };
    // A unit that has ended changes no more.
    if let Some(end) = db.dissolved_on(unit.id)?.filter(|end| on >= *end) {
        return Err(Error::DissolvedAlready {
            unit: unit.name.clone(),
            on: end,
        });
    }
    if let Some(since) = db.unit_since(unit.id)?
        && on < since
    {
        return Err(Error::DateOrder {
            rule: DateRule::ChangeBeforeLastChange,
            date: on,
            limit: since,
            subject: DateSubject::Named(unit.name.clone()),
        });
    }
    db.close_unit_state(unit.id, on)
}

/// Gives a unit a new name. Returns the unit as it was and the new name.
pub fn rename(db: &dyn Db, unit: &str, name: &str, effect: Effect) -> Result<(Unit, String)> {
    let unit = resolve_unit(db, unit)?;
    let name = text(name, Field::UnitName)?;
    if name == unit.name {
        return Err(Error::NothingChanged);
    }
    open_state(db, &unit, effect)?;
    db.rename_unit(unit.id, &name)?;
    Ok((unit, name))
}

/// Gives a unit another kind, checking the tree rule both ways: under its
/// parent, and over the units under it; its open obligations follow the
/// new kind's due dates (`assign::follow_kind`). Returns what became of
/// them, or `None` when the kind is the one it has.
pub fn change_kind(
    db: &dyn Db,
    unit: &Unit,
    kind: UnitKind,
    effect: Effect,
) -> Result<Option<Dues>> {
    if kind == unit.kind {
        return Ok(None);
    }
    let parent = unit.parent_id.map(|id| db.unit(id)).transpose()?;
    check_parent(kind, parent.as_ref())?;
    check_children(db, unit, kind)?;
    open_state(db, unit, effect)?;
    db.set_unit_kind(unit.id, kind)?;
    check_tree_from(db, db.unit_since(unit.id)?)?;
    follow_kind(db, unit, kind, effect).map(Some)
}

/// Refuses a kind the units under `unit` may not sit under.
fn check_children(db: &dyn Db, unit: &Unit, kind: UnitKind) -> Result<()> {
    let as_parent = Unit {
        kind,
        ..unit.clone()
    };
    for child in db.live_children(unit.id)? {
        check_parent(child.kind, Some(&as_parent))?;
    }
    Ok(())
}

/// A unit moved: the unit as it was, its parent before (if any) and after,
/// and its kind after.
#[derive(Debug, Clone)]
pub struct Moved {
    pub unit: Unit,
    pub from: Option<Unit>,
    pub to: Unit,
    pub kind: UnitKind,
    /// What a change of kind did to its open obligations.
    pub dues: Dues,
}

/// Puts a unit under another parent, with another kind if given (a chi bộ
/// cơ sở that becomes a chi bộ trực thuộc of a ward), checking the tree rule
/// for the new place and kind: one change, one state closed.
pub fn move_unit(
    db: &dyn Db,
    unit: &str,
    to: &str,
    kind: Option<UnitKind>,
    effect: Effect,
) -> Result<Moved> {
    let unit = resolve_unit(db, unit)?;
    let to = resolve_unit(db, to)?;
    let kind = kind.unwrap_or(unit.kind);
    check_parent(kind, Some(&to))?;
    check_children(db, &unit, kind)?;
    let from = unit.parent_id.map(|id| db.unit(id)).transpose()?;
    if unit.parent_id == Some(to.id) && kind == unit.kind {
        return Err(Error::NothingChanged);
    }
    open_state(db, &unit, effect)?;
    if unit.parent_id != Some(to.id) {
        db.move_unit(unit.id, to.id)?;
    }
    let mut dues = Dues::default();
    if kind != unit.kind {
        db.set_unit_kind(unit.id, kind)?;
        dues = follow_kind(db, &unit, kind, effect)?;
    }
    check_tree_from(db, db.unit_since(unit.id)?)?;
    Ok(Moved {
        unit,
        from,
        to,
        kind,
        dues,
    })
}

/// Checks the tree on every day it changes on, and before the first: each
/// unit that exists then under a parent that exists then, of a kind it may
/// sit under, and no cycle. A change that would break the tree of any day
/// (a move dated before a change of its new parent's kind, an undo that
/// leaves a unit under one of its own, a merger while a unit still sits
/// under the merged one) is refused, naming the day.
pub fn check_tree_in_time(db: &dyn Db) -> Result<()> {
    check_tree_from(db, None)
}

/// `check_tree_in_time` for the days from `from` on (`None`: every day): a
/// change that holds from a day leaves the tree of earlier days as it was.
fn check_tree_from(db: &dyn Db, from: Option<NaiveDate>) -> Result<()> {
    let days = db.tree_change_days()?;
    let mut checks: Vec<Option<NaiveDate>> = Vec::with_capacity(days.len() + 1);
    match (from, days.first().and_then(|d| d.pred_opt())) {
        (Some(from), _) => checks.push(Some(from)),
        (None, Some(before)) => checks.push(Some(before)),
        (None, None) => checks.push(None),
    }
    checks.extend(
        days.into_iter()
            .filter(|d| from.is_none_or(|from| *d > from))
            .map(Some),
    );
    for day in checks {
        check_tree_of(db, day).map_err(|cause| match cause {
            Error::TreeCycle { .. } | Error::BadParent { .. } | Error::UnderEnded { .. } => {
                Error::TreeBrokenOn {
                    day,
                    cause: Box::new(cause),
                }
            }
            other => other,
        })?;
    }
    Ok(())
}

/// The tree of `day` (`None`: as it stands), checked.
fn check_tree_of(db: &dyn Db, day: Option<NaiveDate>) -> Result<()> {
    let rows = db.units_in_tree_order(None, day)?;
    let by_id: HashMap<i64, &crate::store::UnitRow> = rows.iter().map(|r| (r.unit.id, r)).collect();
    for row in rows.iter().filter(|r| r.dissolved_on.is_none()) {
        let Some(parent_id) = row.unit.parent_id else {
            check_parent(row.unit.kind, None)?;
            continue;
        };
        // A parent not founded yet on that day is no parent to check.
        let Some(parent) = by_id.get(&parent_id) else {
            continue;
        };
        if parent.dissolved_on.is_some() {
            return Err(Error::UnderEnded {
                unit: row.unit.name.clone(),
                parent: parent.unit.name.clone(),
            });
        }
        check_parent(row.unit.kind, Some(&parent.unit))?;
    }
    Ok(())
}

/// Refuses to end a unit on a day before its last change (a name, kind or
/// parent it took later would never have held).
fn refuse_before_last_change(db: &dyn Db, unit: &Unit, on: NaiveDate) -> Result<()> {
    match db.unit_since(unit.id)? {
        Some(since) if on < since => Err(Error::DateOrder {
            rule: DateRule::EndBeforeLastChange,
            date: on,
            limit: since,
            subject: DateSubject::Named(unit.name.clone()),
        }),
        _ => Ok(()),
    }
}

/// Refuses a unit dissolved or merged already.
fn refuse_dissolved(db: &dyn Db, unit: &Unit) -> Result<()> {
    match db.dissolved_on(unit.id)? {
        Some(on) => Err(Error::DissolvedAlready {
            unit: unit.name.clone(),
            on,
        }),
        None => Ok(()),
    }
}

/// The unit a dissolution would end, checked: not dissolved already, and
/// with no unit left under it.
pub fn to_dissolve(db: &dyn Db, unit: &str) -> Result<Unit> {
    let unit = resolve_unit(db, unit)?;
    refuse_dissolved(db, &unit)?;
    let children = db.live_children(unit.id)?;
    if !children.is_empty() {
        return Err(Error::HasChildren {
            unit: unit.name,
            children: children.into_iter().map(|c| c.name).collect(),
        });
    }
    Ok(unit)
}

/// Dissolves a checked unit (`to_dissolve`) from `on`; its open obligations
/// are cancelled with `reason`. Returns how many. A day before the unit was
/// founded is refused unless `force`.
pub fn dissolve(
    db: &dyn Db,
    unit: &Unit,
    on: NaiveDate,
    reason: &str,
    force: bool,
) -> Result<usize> {
    if let Some(founded) = db.founded_on(unit.id)?.filter(|f| on < *f && !force) {
        return Err(Error::DateOrder {
            rule: DateRule::DissolveBeforeFounded,
            date: on,
            limit: founded,
            subject: DateSubject::Named(unit.name.clone()),
        });
    }
    refuse_before_last_change(db, unit, on)?;
    let n = db.dissolve_unit(unit.id, on, reason)?;
    check_tree_from(db, Some(on))?;
    Ok(n)
}

/// The successor of a merger, checked: it exists still.
pub fn merge_target(db: &dyn Db, into: &str) -> Result<Unit> {
    let into = resolve_unit(db, into)?;
    refuse_dissolved(db, &into)?;
    Ok(into)
}

/// Merges `unit` into `into` from `on`: its open obligations pass on (with
/// `reason` on the old ones), its units move to the successor. Returns the
/// merged unit, how many obligations passed on, and how many closed because
/// the successor owed the task already.
pub fn merge(
    db: &dyn Db,
    unit: &str,
    into: &Unit,
    on: NaiveDate,
    reason: &str,
) -> Result<(Unit, usize, usize)> {
    let unit = resolve_unit(db, unit)?;
    if unit.id == into.id {
        return Err(Error::MergeIntoItself { unit: unit.name });
    }
    refuse_dissolved(db, &unit)?;
    refuse_before_last_change(db, &unit, on)?;
    // Its units move to the successor from the day of the merger: they
    // must be able to sit there, and have not changed since.
    for child in db.live_children(unit.id)? {
        check_parent(child.kind, Some(into))?;
        open_state(db, &child, Effect::From(on))?;
    }
    let (passed, closed) = db.merge_unit(unit.id, into.id, on, reason)?;
    check_tree_from(db, Some(on))?;
    Ok((unit, passed, closed))
}

/// The other names a `unit edit` gave and took away.
#[derive(Debug, Clone)]
pub struct AliasEdit {
    pub unit: Unit,
    /// As given, in the order given; those the unit had already aside.
    pub added: Vec<String>,
    /// As they were recorded.
    pub removed: Vec<String>,
}

/// Gives a unit other names it is found by (`add`: an abbreviation, the
/// short name clerks use) and takes others away (`remove`, accents and case
/// aside). An other name that finds another unit already (its code, its name
/// or one of its other names, abbreviations written either way) is refused,
/// and so is taking away a name the unit does not have. A name it has
/// already is no change.
pub fn edit_aliases(
    db: &dyn Db,
    unit: &str,
    add: &[String],
    remove: &[String],
) -> Result<AliasEdit> {
    let unit = resolve_unit(db, unit)?;
    let mut removed = Vec::new();
    for alias in remove {
        let alias = text(alias, Field::Alias)?;
        let had = db.aliases(unit.id)?;
        let key = fold(&alias);
        match had.iter().find(|a| fold(a) == key) {
            Some(recorded) => {
                db.remove_alias(unit.id, recorded)?;
                removed.push(recorded.clone());
            }
            None => {
                return Err(Error::NoSuchAlias {
                    unit: unit.name,
                    alias,
                    aliases: had,
                });
            }
        }
    }
    let mut added = Vec::new();
    for alias in add {
        let alias = text(alias, Field::Alias)?;
        if let Some(holder) = alias_holder(db, &alias, unit.id)? {
            return Err(Error::AliasTaken {
                alias,
                holder: holder.name,
            });
        }
        if db.add_alias(unit.id, &alias)? {
            added.push(alias);
        }
    }
    Ok(AliasEdit {
        unit,
        added,
        removed,
    })
}

/// A unit other than `except` that `alias` finds today: by code, by name,
/// by one of its other names, by a part of its name or its words in order
/// (in any form of the abbreviations). Such an alias would take over what
/// finds that unit, so it is refused.
fn alias_holder(db: &dyn Db, alias: &str, except: i64) -> Result<Option<Unit>> {
    let other = |units: Vec<Unit>| units.into_iter().find(|u| u.id != except);
    if let Some(unit) = other(db.unit_by_code(alias)?.into_iter().collect()) {
        return Ok(Some(unit));
    }
    for form in abbrev::variants(&fold(alias)) {
        if let Some(unit) = other(db.units_named(&form)?) {
            return Ok(Some(unit));
        }
        if let Some(unit) = other(db.units_aliased(&form)?) {
            return Ok(Some(unit));
        }
        // A part of another unit's name, or its words in order: the alias
        // would take over what finds that unit today.
        if let Some(unit) = other(db.units_containing(&form)?) {
            return Ok(Some(unit));
        }
        if let Some(unit) = other(super::resolve::units_with_words(db, &form)?) {
            return Ok(Some(unit));
        }
    }
    Ok(None)
}

/// One row of a unit file, its cells read.
#[derive(Debug, Clone)]
pub struct UnitRecord {
    pub line: u64,
    /// Its code; empty: made from the name, as `add` makes it.
    pub code: String,
    pub name: String,
    pub kind: UnitKind,
    /// The parent: a code or a name, of a row of the file or of a unit
    /// recorded (found as `add` finds `--parent`).
    pub parent: Option<String>,
    pub founded: Option<NaiveDate>,
}

/// What a parent reference names among the rows of a file.
#[derive(Debug, Clone)]
enum InFile {
    /// The row with that code, or the one row of that name.
    Row(usize),
    /// Several rows of that name.
    Several(Vec<usize>),
    /// Rows whose names hold it (a partial name): the units recorded,
    /// those rows among them, decide, once those rows are written.
    Partial(Vec<usize>),
    /// No row.
    None,
}

/// Finds parent references among the rows of a file: by code, by whole
/// name, by part of a name (in every form of the abbreviations). Each
/// reference is looked up once.
/// Whether the tree has this row's unit already, in being: the same name
/// (accents and case aside), kind and parent (by code or name), found by
/// the row's code when it gives one, else by its name, and only one such.
fn recorded_already(db: &dyn Db, record: &UnitRecord) -> Result<bool> {
    let name = fold(&record.name);
    let candidates = if record.code.is_empty() {
        db.units_named(&name)?
    } else {
        db.unit_by_code(&record.code)?.into_iter().collect()
    };
    let mut same = 0;
    for unit in candidates {
        if fold(&unit.name) != name
            || unit.kind != record.kind
            || db.dissolved_on(unit.id)?.is_some()
        {
            continue;
        }
        let parent_same = match (&record.parent, unit.parent_id) {
            (None, None) => true,
            (Some(given), Some(id)) => {
                let parent = db.unit(id)?;
                parent.code.eq_ignore_ascii_case(given.trim()) || fold(&parent.name) == fold(given)
            }
            _ => false,
        };
        same += usize::from(parent_same);
    }
    Ok(same == 1)
}

struct FileRows {
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
    names: Vec<String>,
    seen: HashMap<String, InFile>,
}

impl FileRows {
    fn new(rows: &[UnitRecord]) -> FileRows {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::default();
        let names: Vec<String> = rows.iter().map(|r| fold(&r.name)).collect();
        for (i, name) in names.iter().enumerate() {
            by_name.entry(name.clone()).or_default().push(i);
        }
        FileRows {
            by_code: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (r.code.to_ascii_lowercase(), i))
                .collect(),
            by_name,
            names,
            seen: HashMap::default(),
        }
    }

    fn find(&mut self, reference: &str) -> InFile {
        if let Some(found) = self.seen.get(reference) {
            return found.clone();
        }
        let found = self.look_up(reference);
        self.seen.insert(reference.to_string(), found.clone());
        found
    }

    fn look_up(&self, reference: &str) -> InFile {
        if let Some(&i) = self.by_code.get(&reference.trim().to_ascii_lowercase()) {
            return InFile::Row(i);
        }
        let key = fold(reference);
        if key.is_empty() {
            return InFile::None;
        }
        let forms = abbrev::variants(&key);
        let mut whole: Vec<usize> = forms
            .iter()
            .filter_map(|form| self.by_name.get(form))
            .flatten()
            .copied()
            .collect();
        whole.sort_unstable();
        whole.dedup();
        match whole.len() {
            0 => {}
            1 => return InFile::Row(whole[0]),
            _ => return InFile::Several(whole),
        }
        // Each form and its words, split once for the whole file.
        let forms: Vec<(&str, Vec<&str>)> = forms
            .iter()
            .map(|form| (form.as_str(), form.split_whitespace().collect()))
            .collect();
        let partial: Vec<usize> = (0..self.names.len())
            .filter(|&i| {
                let name = self.names[i].as_str();
                forms.iter().any(|(form, words)| {
                    name.contains(form)
                        || (words.len() > 1 && crate::text::words_in_order(name, words))
                })
            })
            .collect();
        if partial.is_empty() {
            InFile::None
        } else {
            InFile::Partial(partial)
        }
    }
}

/// Imports units, parents before children whatever their order in the file.
/// All or nothing: every bad row is named (with `problems` found earlier,
/// by the reader of the file) and nothing is written. `progress` is called
/// for each unit written. Returns the ids of the units written, in the
/// order they were written. A row for a unit the tree has already (see
/// `recorded_already`) is left, its line added to `already`: the same file
/// imported again, or with a few units added, records each unit once.
pub fn import(
    db: &dyn Db,
    records: Vec<UnitRecord>,
    mut problems: Vec<(u64, RowProblem)>,
    source: &str,
    progress: &mut dyn FnMut(),
    already: &mut Vec<u64>,
) -> Result<Vec<i64>> {
    let mut rows: Vec<UnitRecord> = Vec::with_capacity(records.len());
    let mut seen: HashMap<String, u64> = HashMap::default();
    // Into an empty database no code can clash with one already there.
    let empty = !db.has_units()?;
    // The codes the file gives, so that a code made for a row without one
    // is none of them.
    let mut taken: HashSet<String> = records
        .iter()
        .map(|r| r.code.trim().to_ascii_lowercase())
        .filter(|code| !code.is_empty())
        .collect();
    for mut record in records {
        let mut bad = Vec::new();
        match text(&record.name, Field::UnitName) {
            Ok(name) => record.name = name,
            Err(e) => bad.push(RowProblem::Error(e)),
        }
        record.code = record.code.trim().to_string();
        if bad.is_empty() && !empty && recorded_already(db, &record)? {
            already.push(record.line);
            continue;
        }
        if record.code.is_empty() {
            if bad.is_empty() {
                record.code = free_code_among(db, &record.name, &mut taken)?;
                seen.insert(record.code.to_ascii_lowercase(), record.line);
            }
        } else if !is_valid_code(&record.code) {
            bad.push(RowProblem::Error(Error::BadCode {
                code: record.code.clone(),
            }));
        } else if let Some(first) = seen.insert(record.code.to_ascii_lowercase(), record.line) {
            bad.push(RowProblem::Duplicate {
                code: record.code.clone(),
                line: first,
            });
        } else if let Some(existing) = (!empty)
            .then(|| db.unit_by_code(&record.code))
            .transpose()?
            .flatten()
        {
            bad.push(RowProblem::Error(Error::CodeTaken {
                what: crate::domain::Entity::Unit,
                code: record.code.clone(),
                holder: existing.name,
            }));
        }
        record.parent = record.parent.filter(|p| !p.trim().is_empty());
        if bad.is_empty() {
            rows.push(record);
        } else {
            problems.extend(bad.into_iter().map(|p| (record.line, p)));
        }
    }

    // Insert parents before children: repeat passes until nothing moves;
    // what is left refers to an unknown parent or to a cycle.
    let mut in_file = FileRows::new(&rows);
    // Each row once placed: its id (0 once the file is known bad) and kind.
    let mut placed: Vec<Option<(i64, UnitKind)>> = vec![None; rows.len()];
    let mut pending: Vec<usize> = (0..rows.len()).collect();
    let mut written = Vec::new();
    // The top of the tree: the one recorded, else the first row without a parent.
    let mut root: Option<String> = if empty {
        None
    } else {
        live_root(db)?.map(|u| u.name)
    };
    // The names given under each parent (a row of the file, by its index,
    // or a unit recorded, by its id), as `unit add` refuses a second.
    let mut names_under: HashMap<(i64, String), u64> = HashMap::default();
    loop {
        let before = pending.len();
        let mut still = Vec::new();
        for i in pending {
            let row = &rows[i];
            // Which parent, for the names under it: a row of the file by
            // its index (below zero), a recorded unit by its id.
            let mut parent_key = 0i64;
            // The parent's id, kind and name (for messages).
            let parent: Option<(i64, UnitKind, Cow<'_, str>)> = match &row.parent {
                None => None,
                Some(p) => {
                    let mut found = in_file.find(p);
                    // A code recorded is that unit (as `add --parent` finds it),
                    // whatever names of the file hold the same letters.
                    if matches!(found, InFile::Partial(_)) && db.unit_by_code(p.trim())?.is_some() {
                        found = InFile::None;
                    }
                    match found {
                        InFile::Row(j) => match placed[j] {
                            Some((id, kind)) => {
                                parent_key = -(j as i64) - 1;
                                Some((id, kind, Cow::Borrowed(rows[j].name.as_str())))
                            }
                            None => {
                                still.push(i);
                                continue;
                            }
                        },
                        InFile::Several(js) => {
                            let lines = js.iter().map(|j| rows[*j].line).collect();
                            problems.push((
                                row.line,
                                RowProblem::AmbiguousParent {
                                    parent: p.clone(),
                                    lines,
                                },
                            ));
                            continue;
                        }
                        // Rows it may name are not written yet: once they are.
                        InFile::Partial(js)
                            if js.iter().any(|j| *j != i && placed[*j].is_none()) =>
                        {
                            still.push(i);
                            continue;
                        }
                        // Those rows are not written (the file is bad): no more to check.
                        InFile::Partial(js)
                            if js.iter().any(|j| *j != i) && !problems.is_empty() =>
                        {
                            placed[i] = Some((0, row.kind));
                            continue;
                        }
                        InFile::Partial(_) | InFile::None => match resolve_unit(db, p) {
                            Ok(unit) => {
                                // No new unit under one that has ended.
                                if let Err(e) = refuse_dissolved(db, &unit) {
                                    problems.push((row.line, RowProblem::Error(e)));
                                    continue;
                                }
                                parent_key = unit.id;
                                Some((unit.id, unit.kind, Cow::Owned(unit.name)))
                            }
                            Err(e @ Error::Ambiguous { .. }) => {
                                problems.push((row.line, RowProblem::Error(e)));
                                continue;
                            }
                            Err(Error::Storage(e)) => return Err(Error::Storage(e)),
                            Err(_) => {
                                problems.push((row.line, RowProblem::UnknownParent(p.clone())));
                                continue;
                            }
                        },
                    }
                }
            };
            let parent_of = parent
                .as_ref()
                .map(|(_, kind, name)| (*kind, name.as_ref()));
            if let Err(e) = check_parent_of(row.kind, parent_of) {
                problems.push((row.line, RowProblem::Error(e)));
                continue;
            }
            if parent.is_none() {
                if let Some(root) = &root {
                    let e = Error::SecondRoot { root: root.clone() };
                    problems.push((row.line, RowProblem::Error(e)));
                    continue;
                }
                root = Some(row.name.clone());
            }
            // A second unit of one name under one parent: most often the
            // same unit twice (or a name with an invisible character).
            // (Names are normalized already: case is what may differ.)
            if let Some(first) = names_under.insert((parent_key, row.name.to_lowercase()), row.line)
            {
                problems.push((
                    row.line,
                    RowProblem::SameName {
                        name: row.name.clone(),
                        line: first,
                    },
                ));
                placed[i] = Some((0, row.kind));
                continue;
            }
            if parent_key > 0 && !empty {
                let mut taken = None;
                for unit in db.units_named(&crate::text::fold(&row.name))? {
                    if unit.parent_id == Some(parent_key) && db.dissolved_on(unit.id)?.is_none() {
                        taken = Some(unit);
                        break;
                    }
                }
                if let Some(unit) = taken {
                    problems.push((
                        row.line,
                        RowProblem::Error(Error::NameTaken {
                            name: unit.name,
                            code: unit.code,
                        }),
                    ));
                    placed[i] = Some((0, row.kind));
                    continue;
                }
            }
            if problems.is_empty() {
                let id =
                    db.insert_unit_row(&row.code, &row.name, row.kind, parent.map(|(id, ..)| id))?;
                if let Some(day) = row.founded {
                    db.set_founded(id, day)?;
                }
                placed[i] = Some((id, row.kind));
                written.push(id);
                progress();
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
    for i in pending {
        let row = &rows[i];
        let parent = row.parent.clone().unwrap_or_default();
        let cycle = match in_file.find(&parent) {
            InFile::Row(j) => rows[j].parent.is_some(),
            InFile::Partial(js) => js.iter().any(|j| *j != i),
            InFile::Several(_) | InFile::None => false,
        };
        problems.push((
            row.line,
            if cycle {
                RowProblem::Cycle(parent)
            } else {
                RowProblem::UnknownParent(parent)
            },
        ));
    }
    if !problems.is_empty() {
        return Err(Error::BadRows {
            source_name: source.to_string(),
            rows: problems,
        });
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};
    use crate::store::Storage;

    #[test]
    fn the_tree_rule_holds_at_every_step() -> Result<()> {
        let mut store = son_tay(false)?;
        let under_cell = change(&mut store, |db| {
            add(
                db,
                &NewUnit {
                    name: "Chi bộ con",
                    kind: UnitKind::ChiBoTrucThuoc,
                    parent: Some("cb"),
                    code: None,
                    founded: None,
                },
            )
        });
        assert!(
            matches!(
                under_cell,
                Err(Error::BadParent {
                    kind: UnitKind::ChiBoTrucThuoc,
                    ..
                })
            ),
            "{under_cell:?}"
        );
        let moved = change(&mut store, |db| {
            move_unit(db, "nq1", "st", None, Effect::Correction)
        });
        assert!(matches!(moved, Err(Error::BadParent { .. })), "{moved:?}");
        // One unit at the top of the tree.
        let second = change(&mut store, |db| {
            add(
                db,
                &NewUnit {
                    name: "Đảng bộ Thành phố Hà Nội",
                    kind: UnitKind::DangBoCapTren,
                    parent: None,
                    code: None,
                    founded: None,
                },
            )
        });
        assert!(
            matches!(&second, Err(Error::SecondRoot { root }) if root == "Đảng bộ thị xã Sơn Tây"),
            "{second:?}"
        );
        // A code is made from the name when none is given.
        let unit = change(&mut store, |db| {
            add(
                db,
                &NewUnit {
                    name: "Đảng bộ phường Quang Trung",
                    kind: UnitKind::DangBoCoSo,
                    parent: Some("st"),
                    code: None,
                    founded: None,
                },
            )
        })?;
        assert_eq!(unit.code, "phuong-quang-trung");
        let second = change(&mut store, |db| {
            add(
                db,
                &NewUnit {
                    name: "Đảng bộ thị xã khác",
                    kind: UnitKind::DangBoCapTren,
                    parent: None,
                    code: None,
                    founded: None,
                },
            )
        });
        assert!(
            matches!(second, Err(Error::SecondRoot { .. })),
            "{second:?}"
        );
        Ok(())
    }

    #[test]
    fn dissolution_and_merger_are_checked() -> Result<()> {
        let mut store = son_tay(false)?;
        let with_children = change(&mut store, |db| to_dissolve(db, "nq"));
        assert!(
            matches!(&with_children, Err(Error::HasChildren { children, .. }) if children.len() == 2),
            "{with_children:?}"
        );
        let itself = change(&mut store, |db| {
            let into = merge_target(db, "nq1")?;
            merge(db, "nq1", &into, day("01/07/2025"), "sáp nhập")
        });
        assert!(
            matches!(itself, Err(Error::MergeIntoItself { .. })),
            "{itself:?}"
        );
        change(&mut store, |db| {
            let into = merge_target(db, "nq1")?;
            merge(db, "nq2", &into, day("01/07/2025"), "sáp nhập")
        })?;
        let again = change(&mut store, |db| to_dissolve(db, "nq2"));
        assert!(
            matches!(again, Err(Error::DissolvedAlready { .. })),
            "{again:?}"
        );
        Ok(())
    }

    #[test]
    fn an_import_names_every_bad_row_and_writes_nothing() -> Result<()> {
        let mut store = son_tay(false)?;
        let row = |line, code: &str, kind, parent: Option<&str>| UnitRecord {
            line,
            code: code.into(),
            name: format!("Chi bộ {code}"),
            kind,
            parent: parent.map(String::from),
            founded: None,
        };
        let rows = vec![
            row(2, "a", UnitKind::ChiBoTrucThuoc, Some("b")),
            row(3, "b", UnitKind::ChiBoTrucThuoc, Some("a")),
            row(4, "nq1", UnitKind::ChiBoCoSo, Some("st")),
            row(5, "c", UnitKind::ChiBoCoSo, Some("khong-co")),
            row(6, "d d", UnitKind::ChiBoCoSo, Some("st")),
            row(7, "e", UnitKind::ChiBoCoSo, Some("st")),
            row(8, "e", UnitKind::ChiBoCoSo, Some("st")),
        ];
        let result = change(&mut store, |db| {
            import(db, rows, Vec::new(), "x.csv", &mut || {}, &mut Vec::new())
        });
        let Err(Error::BadRows { rows, .. }) = result else {
            panic!("{result:?}")
        };
        let lines: Vec<u64> = rows.iter().map(|(line, _)| *line).collect();
        for line in [2, 3, 4, 5, 6, 8] {
            assert!(lines.contains(&line), "line {line} in {lines:?}");
        }
        assert!(!lines.contains(&7), "{lines:?}");
        assert!(rows.iter().any(|(_, p)| matches!(p, RowProblem::Cycle(_))));
        assert!(store.read().unit_by_code("e")?.is_none());
        Ok(())
    }

    #[test]
    fn an_import_makes_codes_and_finds_parents_by_name() -> Result<()> {
        let mut store = son_tay(false)?;
        let row = |line, code: &str, name: &str, kind, parent: &str| UnitRecord {
            line,
            code: code.into(),
            name: name.into(),
            kind,
            parent: Some(parent.into()),
            founded: None,
        };
        use UnitKind::*;
        let rows = vec![
            // By the whole name of a later row; a code made, not the one line 4 gives.
            row(2, "", "Chi bộ khu 5", ChiBoTrucThuoc, "Đảng bộ phường Mới"),
            row(3, " ", "Đảng bộ phường Mới", DangBoCoSo, "st"),
            row(4, "phuong-moi", "Đảng bộ phường Mới B", DangBoCoSo, "st"),
            // A code recorded, though a row under it has those letters in its name.
            row(5, "", "Đảng bộ bộ phận khu 7", DangBoBoPhan, "nq"),
            row(
                7,
                "",
                "Chi bộ nq tổ 1",
                ChiBoTrucThuoc,
                "Đảng bộ bộ phận khu 7",
            ),
            // A partial name, of a unit recorded.
            row(6, "", "Chi bộ khu 6", ChiBoTrucThuoc, "Ngô Quyền"),
        ];
        let written = change(&mut store, |db| {
            import(db, rows, Vec::new(), "x.csv", &mut || {}, &mut Vec::new())
        })?;
        assert_eq!(written.len(), 6);
        let db = store.read();
        let unit = |code: &str| db.unit_by_code(code).unwrap().unwrap();
        let ward = unit("phuong-moi-2");
        assert_eq!(ward.name, "Đảng bộ phường Mới");
        assert_eq!(unit("khu-5").parent_id, Some(ward.id));
        let nq = unit("nq").id;
        let section = unit("bo-phan-khu-7");
        assert_eq!(section.parent_id, Some(nq));
        assert_eq!(unit("nq-to-1").parent_id, Some(section.id));
        assert_eq!(unit("khu-6").parent_id, Some(nq));
        Ok(())
    }

    #[test]
    fn names_are_text() -> Result<()> {
        let mut store = son_tay(false)?;
        let long = format!("Chi bộ {}", "a".repeat(294));
        for (name, want) in [
            ("\x1b]0;pwned\x07\x1b[2J", "control"),
            ("Chi bộ \u{202E}A", "control"),
            ("Chi bộ \0A", "control"),
            ("\u{200B}", "empty"),
            ("\u{200B}\u{2060} ", "empty"),
            ("Chi bộ \u{200F}A", "control"),
            ("…", "letters"),
            (long.as_str(), "long"),
        ] {
            let refused = change(&mut store, |db| {
                add(
                    db,
                    &NewUnit {
                        name,
                        kind: UnitKind::ChiBoCoSo,
                        parent: Some("st"),
                        code: None,
                        founded: None,
                    },
                )
            });
            let kind = match &refused {
                Err(Error::BadCharacter {
                    field: Field::UnitName,
                    ..
                }) => "control",
                Err(Error::EmptyText {
                    field: Field::UnitName,
                }) => "empty",
                Err(Error::NoLetterOrDigit {
                    field: Field::UnitName,
                }) => "letters",
                Err(Error::TooLong {
                    field: Field::UnitName,
                    max: 300,
                    len: 301,
                }) => "long",
                _ => "other",
            };
            assert_eq!(kind, want, "{name:?}: {refused:?}");
        }
        // A byte-order mark inside a name shows nothing: dropped, as a
        // zero-width space is, so the name is the one it looks like.
        let added = change(&mut store, |db| {
            add(
                db,
                &NewUnit {
                    name: "Chi bộ \u{FEFF}B\u{200B}",
                    kind: UnitKind::ChiBoCoSo,
                    parent: Some("st"),
                    code: None,
                    founded: None,
                },
            )
        })?;
        assert_eq!(added.name, "Chi bộ B");
        // A line break or a tab is a space, as always.
        let unit = change(&mut store, |db| {
            rename(db, "cb", "Chi bộ\tdòng một\ndòng hai", Effect::Correction)
        })?;
        assert_eq!(unit.1, "Chi bộ dòng một dòng hai");
        // An import names the row.
        let rows = vec![UnitRecord {
            line: 2,
            code: "x".into(),
            name: "Chi bộ \0X".into(),
            kind: UnitKind::ChiBoCoSo,
            parent: Some("st".into()),
            founded: None,
        }];
        let result = change(&mut store, |db| {
            import(db, rows, Vec::new(), "x.csv", &mut || {}, &mut Vec::new())
        });
        assert!(
            matches!(&result, Err(Error::BadRows { rows, .. }) if matches!(rows[..], [(2, RowProblem::Error(Error::BadCharacter { .. }))])),
            "{result:?}"
        );
        Ok(())
    }

    #[test]
    fn a_unit_is_not_dissolved_before_it_was_founded_unless_forced() -> Result<()> {
        let mut store = son_tay(false)?;
        change(&mut store, |db| {
            let cb = resolve_unit(db, "cb")?;
            db.set_founded(cb.id, day("01/06/2023"))
        })?;
        let early = change(&mut store, |db| {
            let unit = to_dissolve(db, "cb")?;
            dissolve(db, &unit, day("31/05/2023"), "giải thể", false)
        });
        assert!(
            matches!(
                early,
                Err(Error::DateOrder {
                    rule: DateRule::DissolveBeforeFounded,
                    ..
                })
            ),
            "{early:?}"
        );
        change(&mut store, |db| {
            let unit = to_dissolve(db, "cb")?;
            dissolve(db, &unit, day("31/05/2023"), "giải thể", true)
        })?;
        Ok(())
    }

    #[test]
    fn other_names_are_checked_and_kept_once() -> Result<()> {
        let mut store = son_tay(false)?;
        let edit = change(&mut store, |db| {
            edit_aliases(
                db,
                "cb",
                &["UBKT Thị ủy".into(), "KT".into(), "kt".into()],
                &[],
            )
        })?;
        assert_eq!(edit.unit.code, "cb");
        assert_eq!(edit.added, ["UBKT Thị ủy", "KT"]);
        assert_eq!(store.read().aliases(edit.unit.id)?, ["UBKT Thị ủy", "KT"]);
        // Found by them, accents and case aside.
        assert_eq!(resolve_unit(&*store.read(), "ubkt thi uy")?.code, "cb");
        // Names that find another unit: its other name, code or name, in
        // either form of an abbreviation.
        for taken in [
            "kt",
            "NQ",
            "Đảng bộ phường Ngô Quyền",
            "Ủy ban Kiểm tra Thị ủy",
        ] {
            let refused = change(&mut store, |db| {
                edit_aliases(db, "nq1", &[taken.to_string()], &[])
            });
            assert!(
                matches!(&refused, Err(Error::AliasTaken { .. })),
                "{taken}: {refused:?}"
            );
        }
        // A unit's own name or code is no conflict.
        change(&mut store, |db| {
            edit_aliases(db, "nq1", &["Chi bộ khu 1".into(), "NQ1".into()], &[])
        })?;
        // Taken away as recorded; one it does not have is refused, naming those it has.
        let refused = change(&mut store, |db| {
            edit_aliases(db, "cb", &[], &["KTX".into()])
        });
        assert!(
            matches!(&refused, Err(Error::NoSuchAlias { aliases, .. }) if aliases.len() == 2),
            "{refused:?}"
        );
        let edit = change(&mut store, |db| {
            edit_aliases(db, "kt", &[], &["ubkt thi uy".into()])
        })?;
        assert_eq!(edit.removed, ["UBKT Thị ủy"]);
        assert_eq!(store.read().aliases(edit.unit.id)?, ["KT"]);
        // What is no text is refused as a name is.
        let refused = change(&mut store, |db| edit_aliases(db, "cb", &[" ".into()], &[]));
        assert!(
            matches!(
                refused,
                Err(Error::EmptyText {
                    field: Field::Alias
                })
            ),
            "{refused:?}"
        );
        Ok(())
    }
}
