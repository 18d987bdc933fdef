//! The storage seam: what the use cases need of a store, as traits grouped
//! by concern, and the plain values that cross it. `sqlite/` and
//! `postgres/` implement it (and are the only modules that speak SQL); every
//! implementation must pass the conformance suite in `conformance.rs`.
//! `location` says which one a `--db` names.
//!
//! A store hands out a reader (`Storage::read`) or a write transaction
//! (`Storage::begin`) that is also one change of the log: every row the
//! transaction changes is logged in it, so that any change can be undone.
//! `write` runs a use case in one transaction: all of it is written, and
//! logged, or none of it.

mod idmap;
mod key;
pub(crate) mod listing;
pub mod location;
pub mod postgres;
pub(crate) mod reorder;
pub mod sqlite;

#[cfg(test)]
pub(crate) mod conformance;

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use foldhash::HashMap;
use serde::Serialize;
use serde_json::Value;

use crate::domain::directive::Directive;
use crate::domain::error::{Error, Result, ServerProblem};
use crate::domain::obligation::ObligationRow;
use crate::domain::person::Person;
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::domain::{DirectiveSpec, Rating, Rules, Status, UnitKind};

pub use idmap::IdMap;
pub use key::Key;
pub use location::Location;
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

/// The version of the export format (`"version"` in an export).
pub const EXPORT_VERSION: i64 = 1;

/// A database: readers, write transactions, and the whole of it at once.
pub trait Storage {
    /// Reads outside any write.
    fn read(&self) -> Box<dyn Db + '_>;
    /// Starts a write transaction that is one change of `actor`, named
    /// `action` in the log. Nothing is written until `Txn::commit`.
    fn begin(&mut self, actor: &str, action: &str) -> Result<Box<dyn Txn + '_>>;
    /// The schema version of the database.
    fn version(&self) -> Result<i64>;
    /// Writes every row of every table as one JSON document (see `sqlite::portable`).
    fn export(&self, out: &mut dyn Write) -> Result<()>;
    /// Restores an export into this database, which must be empty. The
    /// caller has checked every row (`app::portable::import`); the columns
    /// derived from others (`*_fold`, `name_key`) are computed again, never
    /// taken from the document. `check` reads the rows written, before they
    /// are committed; its error leaves nothing written. Returns how many
    /// rows were written.
    fn import(
        &mut self,
        document: &Value,
        source: &str,
        check: &dyn Fn(&dyn Db) -> Result<()>,
    ) -> Result<usize>;
    /// A consistent copy of the whole database in a new file.
    fn backup(&self, path: &Path) -> Result<()>;
    /// The first stored date that is no date (`Error::BadStoredDate`), if
    /// any: `export` looks before it writes.
    fn bad_stored_date(&self) -> Result<Option<Error>> {
        Ok(None)
    }
    /// What a read's error `e` says in the clerk's words when it is a
    /// stored value the store could not read: the bad date found
    /// (`Error::BadStoredDate`), else `Error::StoredValue`. `None` for any
    /// other error.
    fn unreadable(&self, e: &Error) -> Option<Error> {
        let _ = e;
        None
    }
}

/// A write transaction: a `Db` whose changes are logged, and kept only
/// when committed (dropped, it rolls back).
pub trait Txn: Db {
    /// The transaction as a `Db`, for the use cases.
    fn db(&self) -> &dyn Db;
    /// Whether the transaction has changed any row of the record so far.
    fn changed(&self) -> bool;
    /// Writes the change and its log.
    fn commit(self: Box<Self>) -> Result<()>;
}

/// How many times a write is tried when the server says it met another
/// write (a serialization failure or a deadlock): each try is the whole
/// change again, from the start.
pub const WRITE_TRIES: u32 = 5;

/// A stored date (`YYYY-MM-DD`, digits only), read without chrono's format
/// parser: reports read millions. `None` for anything else, which the
/// stores then read the slow way, naming the column in any error.
pub(crate) fn iso_day(text: &[u8]) -> Option<NaiveDate> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *text else {
        return None;
    };
    let digit = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
    let year = [y0, y1, y2, y3]
        .into_iter()
        .try_fold(0, |n, c| Some(n * 10 + digit(c)?))?;
    let month = digit(m0)? * 10 + digit(m1)?;
    let day = digit(d0)? * 10 + digit(d1)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Runs `f` as one change of `actor` named `action`: all of it is written,
/// and logged, or none of it. A change that changes no row of the record
/// is not kept, not even in the log: `Error::NothingChanged`. A change the
/// server rolled back for meeting another write is tried again, up to
/// `WRITE_TRIES` times in all, then said as `ServerProblem::Conflict`.
pub fn write<T, E: From<Error> + Retry>(
    storage: &mut dyn Storage,
    actor: &str,
    action: &str,
    mut f: impl FnMut(&dyn Db) -> std::result::Result<T, E>,
) -> std::result::Result<T, E> {
    let mut tries = 1;
    loop {
        match write_once(storage, actor, action, &mut f) {
            Err(e) if tries < WRITE_TRIES && e.conflict().is_some() => {
                // A little wait, longer each time, so that the other ends.
                std::thread::sleep(std::time::Duration::from_millis(20 * u64::from(tries)));
                tries += 1;
            }
            Err(e) => {
                return Err(match e.conflict() {
                    Some(address) if tries > 1 => E::from(Error::PgServer {
                        address,
                        problem: ServerProblem::Conflict { tries },
                    }),
                    _ => e,
                });
            }
            Ok(value) => return Ok(value),
        }
    }
}

/// One try of `write`.
fn write_once<T, E: From<Error>>(
    storage: &mut dyn Storage,
    actor: &str,
    action: &str,
    f: &mut impl FnMut(&dyn Db) -> std::result::Result<T, E>,
) -> std::result::Result<T, E> {
    let txn = storage.begin(actor, action)?;
    let value = f(txn.db())?;
    if !txn.changed() {
        // Dropped, the transaction rolls back, its log entry with it.
        return Err(Error::NothingChanged.into());
    }
    txn.commit()?;
    Ok(value)
}

/// An error that may say the server rolled a write back for meeting
/// another (worth trying again).
pub trait Retry {
    /// The database's address when this is such an error.
    fn conflict(&self) -> Option<String>;
}

impl Retry for Error {
    fn conflict(&self) -> Option<String> {
        match self {
            Error::PgServer {
                address,
                problem: ServerProblem::Conflict { .. },
            } => Some(address.clone()),
            _ => None,
        }
    }
}

impl Retry for anyhow::Error {
    fn conflict(&self) -> Option<String> {
        self.chain()
            .find_map(|c| c.downcast_ref::<Error>())
            .and_then(Retry::conflict)
    }
}

/// Everything the use cases ask of a store.
pub trait Db:
    Directives
    + Units
    + Tasks
    + People
    + Reorganization
    + Ratings
    + History
    + Reports
    + TaskDues
    + Assignments
    + Settings
{
}

impl<T> Db for T where
    T: Directives
        + Units
        + Tasks
        + People
        + Reorganization
        + Ratings
        + History
        + Reports
        + TaskDues
        + Assignments
        + Settings
        + ?Sized
{
}

/// Directives: recorded, found, corrected, revoked.
pub trait Directives {
    /// The directive recorded as the same document: same issuer and issue
    /// date (both unknown counts as the same), and the same symbol, or the
    /// same type and number when one of the two is known only by number.
    fn same_directive(
        &self,
        spec: &DirectiveSpec,
        issuer: &str,
        issued_on: Option<NaiveDate>,
    ) -> Result<Option<Directive>>;
    /// Records a directive (the caller has checked it is not recorded yet);
    /// `issued_on` is `None` when the issue date is unknown.
    fn insert_directive(
        &self,
        spec: &DirectiveSpec,
        as_written: &str,
        issuer: &str,
        issued_on: Option<NaiveDate>,
        title: &str,
    ) -> Result<Directive>;
    /// Every directive, oldest first; `search` keeps those whose symbol,
    /// number, issuer or title contains it, accents and case aside.
    fn directives(&self, search: Option<&str>) -> Result<Vec<Directive>>;
    /// The directive with this id.
    fn directive(&self, id: i64) -> Result<Directive>;
    /// The directives a spec names: its symbol, or the same type and number
    /// when one of the two is known only by number.
    fn directives_by_spec(&self, spec: &DirectiveSpec) -> Result<Vec<Directive>>;
    /// The directives with this number, whatever their type.
    fn directives_numbered(&self, number: &str) -> Result<Vec<Directive>>;
    /// The directives whose title contains `key` (a fold key).
    fn directives_titled(&self, key: &str) -> Result<Vec<Directive>>;
    /// Corrects a directive's recorded fields; the old values stay in the log.
    fn update_directive(&self, d: &Directive) -> Result<()>;
}

/// Units and their tree.
pub trait Units {
    /// Records a unit. The caller has checked the code and the tree rule.
    fn insert_unit(
        &self,
        code: &str,
        name: &str,
        kind: UnitKind,
        parent_id: Option<i64>,
    ) -> Result<Unit>;
    /// As `insert_unit`, returning only the new id (imports insert many).
    fn insert_unit_row(
        &self,
        code: &str,
        name: &str,
        kind: UnitKind,
        parent_id: Option<i64>,
    ) -> Result<i64>;
    /// The unit with this code, in any letter case.
    fn unit_by_code(&self, code: &str) -> Result<Option<Unit>>;
    /// The unit with this id.
    fn unit(&self, id: i64) -> Result<Unit>;
    /// The units whose name folds to exactly `key`, in Vietnamese order.
    fn units_named(&self, key: &str) -> Result<Vec<Unit>>;
    /// The units whose folded name contains `key`, in Vietnamese order.
    fn units_containing(&self, key: &str) -> Result<Vec<Unit>>;
    /// Every unit in tree order: each unit followed by its subtree, siblings
    /// in Vietnamese order of name. `search` keeps the units whose code or
    /// name contains it (accents and case aside), still in tree order. With
    /// `as_of`, the tree of that day: names, kinds and parents as they were,
    /// without the units founded after it.
    fn units_in_tree_order(
        &self,
        search: Option<&str>,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<UnitRow>>;
    /// Gives a unit a new name.
    fn rename_unit(&self, id: i64, name: &str) -> Result<()>;
    /// Puts a unit under another parent. The caller has checked the tree
    /// rule; a move under its own subtree is refused.
    fn move_unit(&self, id: i64, parent_id: i64) -> Result<()>;
    /// Keeps the unit's current name, kind and parent as they were up to
    /// the day before `on` (in the unit's past) and makes what the caller
    /// changes next current from `on`. A change on the day the current state
    /// began replaces it: no range of no days is kept. The caller has checked
    /// that `on` is not before that day (`unit_since`).
    fn close_unit_state(&self, id: i64, on: NaiveDate) -> Result<()>;
    /// The day the unit's current name, kind and parent took effect (`None`:
    /// from the start).
    fn unit_since(&self, id: i64) -> Result<Option<NaiveDate>>;
    /// Gives a unit another kind (the caller has checked the tree rule).
    fn set_unit_kind(&self, id: i64, kind: UnitKind) -> Result<()>;
    /// The unit as it was on `day`: name, kind and parent of that day.
    fn unit_as_of(&self, id: i64, day: NaiveDate) -> Result<Unit>;
    /// Records another name the unit is known by. Returns false when it has it.
    fn add_alias(&self, unit_id: i64, alias: &str) -> Result<bool>;
    /// Forgets one of the unit's other names. Returns false when it had none such.
    fn remove_alias(&self, unit_id: i64, alias: &str) -> Result<bool>;
    /// The other names of a unit, in the order they were given.
    fn aliases(&self, unit_id: i64) -> Result<Vec<String>>;
    /// The units one of whose other names folds to exactly `key`.
    fn units_aliased(&self, key: &str) -> Result<Vec<Unit>>;
    /// The days the tree changes on: each day a unit's later state begins,
    /// and each day a unit ended; in order, each once.
    fn tree_change_days(&self) -> Result<Vec<NaiveDate>>;
    /// Whether any unit is recorded.
    fn has_units(&self) -> Result<bool>;
    /// The units at the top of the tree (no parent) that still exist: the
    /// committee itself, one of them.
    fn roots(&self) -> Result<Vec<Unit>>;
    /// Every other name of every unit, as (unit id, name), each unit's in
    /// the order they were given: a list of all units shows them.
    fn all_aliases(&self) -> Result<Vec<(i64, String)>>;
}

/// Tasks, their obligations and completions.
pub trait Tasks {
    /// Records a task (its `id` is ignored) and one obligation for every
    /// unit of a kind it names, or every person in post in one, within the
    /// subtree of `within` (the whole tree when `None`). Returns the task
    /// and how many obligations it created.
    fn insert_task(&self, new: &Task, within: Option<i64>) -> Result<(Task, usize)>;
    /// The next free task code of the form `{stem}-{n}`.
    fn free_task_code(&self, stem: &str) -> Result<String>;
    /// The task with this code.
    fn task_by_code(&self, code: &str) -> Result<Option<Task>>;
    /// The tasks of a directive, in the order they were added.
    fn tasks_of(&self, directive_id: i64) -> Result<Vec<Task>>;
    /// Tasks in the order they were added: of one directive or all;
    /// `search` keeps those whose code or title contains it, accents and
    /// case aside.
    fn tasks(&self, directive_id: Option<i64>, search: Option<&str>) -> Result<Vec<Task>>;
    /// Corrects a task's title or code; the old values stay in the log.
    fn update_task(&self, id: i64, code: &str, title: &str) -> Result<()>;
    /// What `unit_id` owes under `task_id`, if the task applies to it.
    fn obligation(&self, task_id: i64, unit_id: i64) -> Result<Option<Obligation>>;
    /// How many units (or people) owe a task.
    fn obligation_count(&self, task_id: i64) -> Result<usize>;
    /// Records that an obligation was done on `on` (or corrects the record).
    /// The time it was first recorded is kept by a correction.
    fn complete(&self, obligation_id: i64, on: NaiveDate, note: &CompletionNote<'_>) -> Result<()>;
    /// What is recorded of an obligation's completion, if it was done.
    fn recorded_completion(&self, obligation_id: i64) -> Result<Option<RecordedCompletion>>;
    /// Moves an obligation's due date (gia hạn), keeping the first one.
    fn extend(&self, obligation_id: i64, to: NaiveDate, reason: &str) -> Result<()>;
}

/// A task's due dates over its life: moved, added or removed for one kind
/// of unit, with the obligations of that kind (see `app::dues`).
pub trait TaskDues {
    /// The unit whose subtree a task covers (`None`: the whole tree).
    fn task_within(&self, task_id: i64) -> Result<Option<i64>>;
    /// The obligations of a task owed by units of `kind` (the unit's kind
    /// now; for a task for people, the kind of the person's unit), in the
    /// order they were made.
    fn obligations_of_kind(&self, task_id: i64, kind: UnitKind) -> Result<Vec<KindObligation>>;
    /// Sets, adds (`Some` where there was none) or removes (`None`) the
    /// task's due date for `kind`. Its obligations are not touched.
    fn set_task_due(&self, task_id: i64, kind: UnitKind, due_on: Option<NaiveDate>) -> Result<()>;
    /// Gives one obligation the due date `to` as an extension does: the
    /// first due date is kept (`original_due_on`) with `reason`; back on its
    /// first due date, it is no longer extended.
    fn set_due(&self, obligation_id: i64, to: NaiveDate, reason: &str) -> Result<()>;
    /// Makes an obligation of the task, due on `due_on`, for every unit of
    /// `kind` in its scope that still exists (for a task for people, every
    /// person in post in one) and does not owe it yet. Returns how many.
    fn add_obligations(&self, task_id: i64, kind: UnitKind, due_on: NaiveDate) -> Result<usize>;
    /// Deletes one obligation (the log keeps it).
    fn delete_obligation(&self, obligation_id: i64) -> Result<()>;
}

/// The register of people.
pub trait People {
    /// Records a person. The code must be free.
    fn insert_person(&self, person: &Person) -> Result<Person>;
    /// The person with this code.
    fn person_by_code(&self, code: &str) -> Result<Option<Person>>;
    /// The people whose name folds to exactly `key` (`exact`), or whose
    /// folded name contains it, in Vietnamese order.
    fn people_named(&self, key: &str, exact: bool) -> Result<Vec<Person>>;
    /// Everyone, by unit then name; `search` keeps names, codes and posts
    /// containing it.
    fn people(&self, search: Option<&str>) -> Result<Vec<PersonRow>>;
    /// Records the last day of a person in their post; what they still
    /// owed, not done, stops being tracked from that day with `reason`.
    /// Returns how many obligations stopped.
    fn end_person(&self, id: i64, on: NaiveDate, reason: &str) -> Result<usize>;
    /// What `person_id` owes under `task_id`, if the task applies to them.
    fn person_obligation(&self, task_id: i64, person_id: i64) -> Result<Option<Obligation>>;
}

/// Directives revoked or replaced, units dissolved or merged: what was done
/// stays; what was still open is cancelled, or passed to a successor.
pub trait Reorganization {
    /// Revokes a directive from `on`; its open obligations are cancelled with
    /// `reason`. With `replaced_by`, records the directive that replaces it.
    /// Returns how many obligations were cancelled.
    fn revoke_directive(
        &self,
        id: i64,
        on: NaiveDate,
        reason: &str,
        replaced_by: Option<i64>,
    ) -> Result<usize>;
    /// When a directive was revoked, if it was.
    fn revoked_on(&self, id: i64) -> Result<Option<NaiveDate>>;
    /// The directive that replaced this one, if one did.
    fn replaced_by(&self, id: i64) -> Result<Option<i64>>;
    /// Dissolves a unit from `on`: its open obligations are cancelled with
    /// `reason`. Returns how many.
    fn dissolve_unit(&self, id: i64, on: NaiveDate, reason: &str) -> Result<usize>;
    /// Merges unit `id` into `into` from `on`: the unit is dissolved and
    /// points to its successor; each obligation it still had open is
    /// cancelled for it (with `reason`) and opened for the successor from
    /// `on`, unless the successor owes that task already. Units under it move
    /// to the successor. Returns how many obligations passed on, and how
    /// many were closed because the successor owed the task already.
    fn merge_unit(&self, id: i64, into: i64, on: NaiveDate, reason: &str)
    -> Result<(usize, usize)>;
    /// Units still existing directly under `id`, in Vietnamese order.
    fn live_children(&self, id: i64) -> Result<Vec<Unit>>;
    /// When a unit was dissolved or merged, if it was.
    fn dissolved_on(&self, id: i64) -> Result<Option<NaiveDate>>;
}

/// The rules that check ratings, and the results they check.
pub trait Ratings {
    /// Records the day a unit was founded.
    fn set_founded(&self, unit_id: i64, on: NaiveDate) -> Result<()>;
    /// The day a unit was founded, if recorded.
    fn founded_on(&self, unit_id: i64) -> Result<Option<NaiveDate>>;
    /// The rating recorded on an obligation, or why there is none.
    fn recorded_rating(&self, obligation_id: i64) -> Result<(Option<Rating>, Option<String>)>;
    /// The units below `unit_id` (its whole subtree) that owe `task_id` and
    /// were not done by `on`: each name with the day it was done (`None`:
    /// still open), in Vietnamese order.
    fn below_not_done_by(
        &self,
        task_id: i64,
        unit_id: i64,
        on: NaiveDate,
    ) -> Result<Vec<(String, Option<NaiveDate>)>>;
    /// The units above `unit_id` (up to the top) that have done `task_id`:
    /// each name with the day, in Vietnamese order.
    fn done_above(&self, task_id: i64, unit_id: i64) -> Result<Vec<(String, NaiveDate)>>;
    /// The codes of the rating tasks a unit (as a collective) has not done yet.
    fn open_reviews_of_unit(&self, unit_id: i64) -> Result<Vec<String>>;
    /// The rules in force: the stored values over the built-in defaults.
    fn rules(&self) -> Result<Rules>;
    /// Changes one rule (checked). Returns the value it had.
    fn set_rule(&self, name: &str, value: &str) -> Result<String>;
    /// Every obligation of the rating tasks (`task`, else all of them),
    /// under `within` when given, as of `as_of`; by task, parent and unit.
    fn rating_facts(
        &self,
        task: Option<i64>,
        within: Option<i64>,
        as_of: NaiveDate,
    ) -> Result<Vec<RatingFact>>;
}

/// The change log.
pub trait History {
    /// Says what the change in progress is about, for its log line and the
    /// log's filters.
    fn note(&self, details: Value, unit_id: Option<i64>, directive_id: Option<i64>) -> Result<()>;
    /// Names the change in progress when it is known only once it is under
    /// way (`done` that turns out to be a correction).
    fn set_action(&self, action: &str) -> Result<()>;
    /// The log, newest first.
    fn changes(&self, filter: &LogFilter) -> Result<Vec<ChangeEntry>>;
    /// One change by id.
    fn change(&self, id: i64) -> Result<Option<ChangeEntry>>;
    /// The newest change of `actor` that is neither undone nor itself an
    /// undo: pressing undo twice goes two changes back.
    fn last_change_of(&self, actor: &str) -> Result<Option<ChangeEntry>>;
    /// Reverses change `target`, row by row in reverse order, as part of the
    /// change in progress. Refused when a later change touched the same
    /// rows, or when it was undone already.
    fn undo(&self, target: &ChangeEntry) -> Result<()>;
    /// Records a fact about the database itself (not logged).
    fn set_meta(&self, key: &str, value: &str) -> Result<()>;
    /// Refuses, before any other rule is checked, a write of the session's
    /// login for unit `unit_id` that the login may not make (an office's
    /// write outside its subtree, on a server). Nothing on a file.
    fn may_write_for(&self, unit_id: i64) -> Result<()> {
        let _ = unit_id;
        Ok(())
    }
    /// Whether the session's login is an office's (on a server): what only
    /// the committee's clerk does is then to be asked of that clerk.
    fn writes_as_office(&self) -> bool {
        false
    }
    /// The logins that made changes of the log or are offices', sorted (on
    /// a server); none on a file, which records no login.
    fn logins(&self) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
}

/// The queries behind reports: rows handed to a callback one at a time, so
/// that a report of millions of rows never sits in memory.
pub trait Reports {
    /// Calls `each` with every obligation in `scope` that `selection` keeps,
    /// as of `as_of`, in `order`; stops at the first error `each` returns.
    fn for_each_obligation(
        &self,
        scope: &Scope,
        selection: Selection,
        as_of: NaiveDate,
        order: Order,
        each: &mut dyn FnMut(&mut ObligationRow) -> Result<()>,
    ) -> Result<()>;
    /// How many obligations in `scope` are overdue on `as_of`.
    fn count_overdue(&self, scope: &Scope, as_of: NaiveDate) -> Result<usize>;
    /// Calls `each` with the status of every obligation in `scope` as of
    /// `as_of`, for counting, a batch of them at a time.
    fn for_each_fact(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        each: &mut dyn FnMut(&[Fact]),
    ) -> Result<()>;
    /// The units that have units under them on `as_of`, by id: the groups
    /// of a progress report rolled up the tree, with each one's parent and
    /// name of that day.
    fn parent_units(&self, as_of: NaiveDate) -> Result<HashMap<i64, GroupUnit>>;
    /// Every unit that has a parent on `as_of`, with it: (unit, parent).
    fn unit_parents(&self, as_of: NaiveDate) -> Result<Vec<(i64, i64)>>;
    /// Calls `each` with every obligation in `scope` as of `as_of`, whatever
    /// its status, with what was recorded of it (the rating, evidence and
    /// note of a completion made by that day; why its due date moved); in
    /// Vietnamese order of unit name, then person name, within one unit.
    fn for_each_result(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        each: &mut dyn FnMut(crate::domain::obligation::ObligationResult) -> Result<()>,
    ) -> Result<()>;
}

/// Tasks given after they were set: to units that join the tree (added,
/// imported) and by `task assign`; and the due dates of a unit that changes
/// kind.
pub trait Assignments {
    /// Every task whose directive is in force (neither revoked nor
    /// replaced), in the order they were added, each with the unit its scope
    /// is under (`None`: the whole tree).
    fn tasks_in_force(&self) -> Result<Vec<(Task, Option<i64>)>>;
    /// Whether any obligation of a task is still open: neither done nor
    /// cancelled.
    fn has_open_obligations(&self, task_id: i64) -> Result<bool>;
    /// The units that still exist (not dissolved nor merged) in the subtree
    /// of `root` (itself included), or in the whole tree when `None`; by id.
    fn units_within(&self, root: Option<i64>) -> Result<Vec<Unit>>;
    /// The people in post in a unit (who have not left), in Vietnamese order.
    fn people_in_post(&self, unit_id: i64) -> Result<Vec<Person>>;
    /// The day a unit was recorded (its row made), for a unit whose
    /// founding day is not known.
    fn unit_recorded_on(&self, unit_id: i64) -> Result<NaiveDate>;
    /// Who owes a task already: the unit and, on a task for people, the
    /// person of each of its obligations.
    fn owing(&self, task_id: i64) -> Result<Vec<(i64, Option<i64>)>>;
    /// Records obligations of one task (the caller has checked that none of
    /// these units or people owes it already). Returns how many.
    fn insert_obligations(&self, task_id: i64, new: &[NewObligation]) -> Result<usize>;
    /// Every obligation of a unit and of the people in it, by task, each
    /// with the due date its task sets for `kind`, if any.
    fn unit_obligations(&self, unit_id: i64, kind: UnitKind) -> Result<Vec<UnitObligation>>;
    /// Moves an obligation's due date (its unit's kind changed). Unlike an
    /// extension, the date before is not kept on the row (the log has it).
    fn set_obligation_due(&self, obligation_id: i64, due_on: NaiveDate) -> Result<()>;
}

/// What the committee's documents say of the committee itself (see
/// `domain::setting`): one value per key, logged like any record.
pub trait Settings {
    /// Every setting stored, as (key, value), by key.
    fn settings(&self) -> Result<Vec<(String, String)>>;
    /// Sets (`Some`) or removes (`None`) one setting (the caller has
    /// checked the key and the value). Returns the value it had.
    fn set_setting(&self, key: &str, value: Option<&str>) -> Result<Option<String>>;
}

/// An obligation to record: who owes it, by when, and from when it exists
/// (`None`: as every obligation made with its task, from the start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewObligation {
    pub unit_id: i64,
    pub person_id: Option<i64>,
    pub due_on: NaiveDate,
    pub opened_on: Option<NaiveDate>,
}

/// One obligation of a unit (or of a person in it), as a change of the
/// unit's kind sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitObligation {
    pub id: i64,
    pub task: String,
    /// The person's name, on a task for people.
    pub person: Option<String>,
    pub due_on: NaiveDate,
    pub completed_on: Option<NaiveDate>,
    pub cancelled_on: Option<NaiveDate>,
    /// The due date as first set, when it was extended.
    pub original_due_on: Option<NaiveDate>,
    /// The due date the task sets for the kind asked about.
    pub due_for_kind: Option<NaiveDate>,
}

/// A unit with what a listing shows of its place in the tree.
#[derive(Debug, Clone)]
pub struct UnitRow {
    pub unit: Unit,
    pub parent_code: Option<String>,
    pub depth: usize,
    /// The day a dissolved or merged unit ended.
    pub dissolved_on: Option<NaiveDate>,
    /// The unit a merged one was merged into: (code, name).
    pub successor: Option<(String, String)>,
}

/// One unit's (or person's) obligation under one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Obligation {
    pub id: i64,
    pub due_on: NaiveDate,
    pub completed_on: Option<NaiveDate>,
    /// The due date as first set, when it was extended.
    pub original_due_on: Option<NaiveDate>,
}

/// What a completion records besides its date.
#[derive(Debug, Clone, Default)]
pub struct CompletionNote<'a> {
    pub evidence: Option<&'a str>,
    pub note: Option<&'a str>,
    pub recorded_by: &'a str,
    /// The rating, on a rating task.
    pub rating: Option<Rating>,
    /// Why the unit is not rated, on a rating task.
    pub not_rated: Option<&'a str>,
    /// Recorded although a rule said no.
    pub forced: bool,
}

/// A completion as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedCompletion {
    pub on: NaiveDate,
    pub evidence: Option<String>,
    pub note: Option<String>,
    pub recorded_by: Option<String>,
    pub rating: Option<Rating>,
    pub not_rated: Option<String>,
    pub forced: bool,
}

/// A person with the unit they serve in, for lists.
#[derive(Debug, Clone)]
pub struct PersonRow {
    pub person: Person,
    pub unit_code: String,
    pub unit: String,
}

/// One unit's result under one rating task.
#[derive(Debug, Clone)]
pub struct RatingFact {
    pub task_id: i64,
    pub unit_code: String,
    pub unit: String,
    pub parent_code: Option<String>,
    pub parent: Option<String>,
    pub founded_on: Option<NaiveDate>,
    pub due_on: NaiveDate,
    /// When it was done, if by the report's day.
    pub completed_on: Option<NaiveDate>,
    pub rating: Option<Rating>,
    pub not_rated: Option<String>,
    pub forced: bool,
}

/// One change as the log shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeEntry {
    pub id: i64,
    /// When, RFC 3339 in UTC.
    pub at: String,
    pub actor: String,
    pub action: String,
    /// The names and dates the summary shows.
    pub details: Value,
    /// The change this one undid, if it is an undo.
    pub undoes: Option<i64>,
    /// The change that undid this one, if any.
    pub undone_by: Option<i64>,
    /// The directive it is about, if one (an undo: the one of the change
    /// it took back).
    pub directive_id: Option<i64>,
    /// On a server, the login of an office that made it (none for the
    /// committee's own clerk, nor on an SQLite file).
    pub login: Option<String>,
}

/// Which log entries to show.
#[derive(Debug, Clone, Default)]
pub struct LogFilter {
    pub since: Option<NaiveDate>,
    pub unit: Option<i64>,
    pub directive: Option<i64>,
    /// Only the changes made by this login (on a server; none on a file).
    pub login: Option<String>,
}

/// Which obligations a report covers: all of these that are given.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    pub directive: Option<i64>,
    pub task: Option<i64>,
    /// Units in the subtree of this one (itself included).
    pub within: Option<i64>,
    pub kind: Option<UnitKind>,
}

/// Which obligations, by status, as of the report's day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// Open and past due.
    Overdue,
    /// Open and due on a day from the report's day to this one.
    DueBy(NaiveDate),
    /// Whatever their status.
    All,
}

/// The order of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// By parent, then unit (Vietnamese order), then due date.
    Unit,
    /// Soonest due first, then by parent and unit.
    Due,
}

/// One obligation reduced to what progress counts.
#[derive(Debug, Clone, Copy)]
pub struct Fact {
    pub task_id: i64,
    pub unit_id: i64,
    pub kind: UnitKind,
    pub status: Status,
}

/// A unit as a progress group sees it.
#[derive(Debug, Clone)]
pub struct GroupUnit {
    pub code: String,
    pub name: String,
    pub parent_id: Option<i64>,
    /// The unit name's collation key: groups sort by it.
    pub name_key: Vec<u8>,
}

/// One obligation of a task, as a change of the task's due date for its
/// kind sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindObligation {
    pub id: i64,
    pub due_on: NaiveDate,
    pub completed_on: Option<NaiveDate>,
    /// The due date as first set, when it was extended.
    pub original_due_on: Option<NaiveDate>,
    /// No longer counts (its directive revoked, its unit dissolved).
    pub cancelled: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_dates_are_read_fast_or_not_at_all() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(iso_day(b"2023-12-06"), day(2023, 12, 6));
        assert_eq!(iso_day(b"2024-02-29"), day(2024, 2, 29));
        for bad in [
            &b"2023-02-29"[..],
            b"2023-13-01",
            b"2023-12-6",
            b"06/12/2023",
            b"2023-12-06 ",
            b"2023-1a-06",
            b"",
        ] {
            assert_eq!(iso_day(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }
}
