//! What can go wrong below the edge, as values. The store and the use cases
//! return these; only the edge (the command line and the message catalogue)
//! turns them into a sentence in the user's language and an exit code. The
//! `Display` texts here are for developers and logs, never shown to a clerk.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::directive::Directive;
use crate::domain::person::Person;
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::domain::{Rating, UnitKind};

/// A result whose error is one of ours.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The records a clerk points at by reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Directive,
    Unit,
    Task,
    Person,
}

/// The records that matched an ambiguous reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Candidates {
    Directives(Vec<Directive>),
    Units(Vec<UnitCandidate>),
    Tasks(Vec<TaskCandidate>),
    People(Vec<Person>),
}

impl Candidates {
    pub fn len(&self) -> usize {
        match self {
            Candidates::Directives(v) => v.len(),
            Candidates::Units(v) => v.len(),
            Candidates::Tasks(v) => v.len(),
            Candidates::People(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A unit that matched an ambiguous reference, with the name of the unit
/// above it: two chi bộ of one name differ by their parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCandidate {
    pub unit: Unit,
    /// The parent's name; `None` at the top of the tree.
    pub parent: Option<String>,
}

/// A task as an error names it: its code, for a command the clerk is
/// told to type, and its title as reports show it (a secret directive's
/// task as the directive's citation and mark, `188-KH/TU (Mật)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskName {
    pub code: Box<str>,
    pub title: Box<str>,
}

impl std::fmt::Display for TaskName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code)
    }
}

/// A task that matched an ambiguous reference, with its directive's
/// citation and classification: the error names a secret directive's task
/// by its code and the directive's mark, never by its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskCandidate {
    pub task: Task,
    /// The directive's citation (`188-KH/TU`, `Kế hoạch số 223`).
    pub directive: String,
    /// The directive's classification, `None` when it carries none.
    pub secrecy: Option<crate::domain::marks::Secrecy>,
}

/// What was being done with a file when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    /// Opening or creating a database.
    Open,
    /// Creating the folder a new file goes in.
    CreateDir,
    /// Writing a backup copy.
    Backup,
    /// Writing an export.
    Export,
}

/// An error of theodoi's own, below the edge.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No record matches the reference.
    #[error("no {what:?} matches {input:?}")]
    NotFound { what: Entity, input: String },
    /// Several records match; the clerk must say which.
    #[error("{input:?} matches {} records", candidates.len())]
    Ambiguous {
        input: String,
        candidates: Candidates,
    },
    /// A code that must be unique is held by another record.
    #[error("{what:?} code {code} is taken by {holder}")]
    CodeTaken {
        what: Entity,
        code: String,
        holder: String,
    },
    /// The same directive (issuer, symbol or number, date) is recorded.
    #[error("directive {} is recorded already", existing.id)]
    DirectiveExists { existing: Box<Directive> },
    /// A unit would end up under its own subtree.
    #[error("{unit} cannot move under its own subtree")]
    MoveCycle { unit: String },
    /// A unit may not sit under a unit of that kind (or at the root).
    #[error("a {kind:?} cannot sit under {parent:?}")]
    BadParent {
        kind: UnitKind,
        /// The parent's kind and name; `None` at the root.
        parent: Option<(UnitKind, String)>,
    },
    /// A code that is not a valid unit code.
    #[error("bad unit code {code:?}")]
    BadCode { code: String },
    /// A text that must not be empty.
    #[error("empty {field:?}")]
    EmptyText { field: Field },
    /// The change was undone already.
    #[error("change {id} was undone by change {by}")]
    UndoAlready { id: i64, by: i64 },
    /// A later change touched the same rows: undo that first.
    #[error("change {id} is blocked by later change {later}")]
    UndoBlocked { id: i64, later: i64 },
    /// Later records depend on rows the undo would remove.
    #[error("later records depend on rows of {table}")]
    UndoDependedOn { table: String },
    /// No such rule.
    #[error("unknown rule {input:?}")]
    UnknownRule {
        input: String,
        accepted: Vec<&'static str>,
    },
    /// A value a rule does not take.
    #[error("bad value {input:?} for rule {name}")]
    BadRuleValue {
        name: String,
        input: String,
        accepted: &'static str,
    },
    /// No database file where one was expected.
    #[error("no database at {}", .0.display())]
    DatabaseMissing(PathBuf),
    /// The file was written by a newer theodoi.
    #[error("database {} is at schema {found}, newer than {known}", path.display())]
    DatabaseTooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// A migration step failed.
    #[error("migration to schema {version} failed")]
    Migration {
        version: i64,
        #[source]
        source: Box<Error>,
    },
    /// A file operation failed.
    #[error("{action:?} {} failed", path.display())]
    File {
        action: FileAction,
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A new file (a backup, an export, a database) would be made over an
    /// existing file or link.
    #[error("{} exists", .0.display())]
    BackupExists(PathBuf),
    /// An import source that is not a theodoi export of a known version.
    #[error("{source_name} is not a theodoi export of version {version}")]
    NotAnExport { source_name: String, version: i64 },
    /// An export from a newer theodoi.
    #[error("{source_name} is at schema {found}, newer than {known}")]
    ExportTooNew {
        source_name: String,
        found: i64,
        known: i64,
    },
    /// An import goes only into an empty database.
    #[error("the database is not empty")]
    ImportNotEmpty,
    /// A row of an export that the database refused.
    #[error("{source_name}: a row of table {table} was refused")]
    ImportBadRow {
        source_name: String,
        table: String,
        #[source]
        source: Box<Error>,
    },
    /// A text that names no directive.
    #[error("{input:?} is no directive reference: {problem:?}")]
    BadDirective { input: String, problem: SpecProblem },
    /// A text with a character that has no place in it: a control
    /// character (C0, DEL, C1) or a bidirectional override or isolate.
    #[error("{field:?} has character U+{:04X}", *ch as u32)]
    BadCharacter { field: Field, ch: char },
    /// A text with something visible but no letter or digit (`—`, `…`).
    #[error("{field:?} has no letter or digit")]
    NoLetterOrDigit { field: Field },
    /// A text longer than its field takes, in characters.
    #[error("{field:?} has {len} characters, more than {max}")]
    TooLong {
        field: Field,
        max: usize,
        len: usize,
    },
    /// A date before the date it must follow (a completion before its
    /// directive was issued…); `--force` records it anyway.
    #[error("{rule:?}: {date} is before {limit} ({subject:?})")]
    DateOrder {
        rule: DateRule,
        date: NaiveDate,
        limit: NaiveDate,
        /// What the later date belongs to.
        subject: DateSubject,
    },
    /// A directive replaced by itself.
    #[error("directive {} cannot replace itself", directive.id)]
    ReplaceItself { directive: Box<Directive> },
    /// A replacement that would close a loop: `new` is itself replaced,
    /// directly or through others, by `old`.
    #[error("directive {} is replaced already by directive {}", new.id, old.id)]
    ReplaceCycle {
        old: Box<Directive>,
        new: Box<Directive>,
    },
    /// A completion of a rated task with neither a rating nor the reason
    /// there is none.
    #[error("{who}: task {task} needs a rating")]
    RatingNeeded { task: TaskName, who: String },
    /// A task gives two due dates to one kind of unit.
    #[error("two due dates for {kind:?}")]
    DuplicateDueKind { kind: UnitKind },
    /// No unit in scope is of a kind the task names.
    #[error("no unit of the task's kinds in scope")]
    TaskHasNoUnits {
        kinds: Vec<UnitKind>,
        /// The subtree's name; `None` for the whole tree.
        within: Option<String>,
        /// A task for people: nobody in post in those units.
        people: bool,
    },
    /// The task does not apply to this unit or person.
    #[error("task {task} does not apply to {who}")]
    NotApplicable {
        task: TaskName,
        who: String,
        person: bool,
        /// The unit's code, as `task assign` would be typed for it (`None`
        /// for a person).
        code: Option<String>,
        /// The task sets no due date for the unit's kind: `task assign`
        /// needs `--due`.
        due_needed: bool,
    },
    /// A completion needs a unit (or a file of them).
    #[error("a unit is needed")]
    UnitNeeded,
    /// A task for people is recorded per person, not per unit.
    #[error("task {task} is for people")]
    PersonNeeded { task: TaskName },
    /// A date that must not be after today.
    #[error("{date} is after today {today}")]
    InFuture { date: NaiveDate, today: NaiveDate },
    /// A rating for a task that is not rated.
    #[error("task {task} is not rated")]
    NotARatingTask { task: TaskName },
    /// Lower levels first: units under this one still owe the task.
    #[error("{unit}: {} units under it are still open", open.len())]
    LowerLevelsOpen {
        unit: String,
        open: Vec<String>,
        /// A review (a rated task): the rule is said in its own words.
        rated: bool,
    },
    /// Recorded already; a change needs `--correct`.
    #[error("{who} did {task} on {on} already")]
    AlreadyDone {
        who: String,
        task: TaskName,
        on: NaiveDate,
        /// The rating recorded with it, or `Some(None)`: recorded as not
        /// rated; `None` when the task is not rated.
        rating: Option<Option<Rating>>,
    },
    /// An extension of work that is done.
    #[error("{unit} did {task} on {on}")]
    ExtendDone {
        unit: String,
        task: TaskName,
        on: NaiveDate,
    },
    /// An extension must move the due date later.
    #[error("{to} is not after {from}")]
    ExtendNotLater { from: NaiveDate, to: NaiveDate },
    /// The directive was revoked already.
    #[error("directive {} was revoked on {on}", directive.id)]
    RevokedAlready {
        directive: Box<Directive>,
        on: NaiveDate,
    },
    /// The unit was dissolved or merged already.
    #[error("{unit} was dissolved on {on}")]
    DissolvedAlready { unit: String, on: NaiveDate },
    /// Units still sit under the unit to dissolve.
    #[error("{unit} still has units under it")]
    HasChildren { unit: String, children: Vec<String> },
    /// A unit merged into itself.
    #[error("{unit} cannot merge into itself")]
    MergeIntoItself { unit: String },
    /// No change with this number.
    #[error("no change #{id}")]
    NoSuchChange { id: i64 },
    /// The actor has no change to undo.
    #[error("{actor} has nothing to undo")]
    NothingToUndo { actor: String },
    /// A file of rows with bad rows: every one named, nothing written.
    #[error("{source_name}: {} bad rows", rows.len())]
    BadRows {
        source_name: String,
        rows: Vec<(u64, RowProblem)>,
    },
    /// A command that would change nothing: no log entry is written.
    #[error("nothing changed")]
    NothingChanged,
    /// The system would not open a file SQLite asked for (no permission, a
    /// folder gone, too many files open): the cause of a `File` error.
    #[error("the system would not open the file")]
    CannotOpen,
    /// An empty file (or an SQLite file with nothing in it) where a
    /// database was expected.
    #[error("{} is empty", .0.display())]
    DatabaseEmpty(PathBuf),
    /// A file that is no SQLite database at all.
    #[error("{} is not an SQLite database", .0.display())]
    NotADatabase(PathBuf),
    /// Another program's SQLite database.
    #[error("{} is not a theodoi database", .0.display())]
    ForeignDatabase(PathBuf),
    /// A write where the database file, or the folder it is in (`folder`),
    /// is read-only.
    #[error("{} is read-only", folder.as_ref().unwrap_or(path).display())]
    ReadOnly {
        path: PathBuf,
        folder: Option<PathBuf>,
    },
    /// A database whose `-wal` file is there without its `-shm`, in a
    /// folder where the `-shm` cannot be made: SQLite cannot read it there.
    #[error("{} has a -wal file but no -shm, and {} is read-only", path.display(), folder.display())]
    WalWithoutShm { path: PathBuf, folder: PathBuf },
    /// Values of an export that the rules of every write refuse: each one
    /// named (the first `problems`, and how many `more`), nothing written.
    #[error("{source_name}: {} bad values", problems.len() + more)]
    BadExport {
        source_name: String,
        problems: Vec<ExportProblem>,
        /// Bad values found beyond those listed.
        more: usize,
    },
    /// A walk of the unit tree met a unit twice: the parents make a cycle
    /// (in data edited by hand; no command or import makes one).
    #[error("the unit tree has a cycle through {unit}")]
    TreeCycle { unit: String },
    /// A unit at the top of the tree when another one is there already.
    #[error("{root} is the top of the tree already")]
    SecondRoot { root: String },
    /// Writing what a report prints failed (a closed pipe, a full disk).
    #[error(transparent)]
    Output(#[from] std::io::Error),
    /// The storage engine failed (a bug, a full disk, a locked file…).
    #[error(transparent)]
    Storage(Box<dyn std::error::Error + Send + Sync>),
    /// A date stored in the database is no date (a file edited by hand):
    /// the table, the column, the row's id, what the row is of (the unit
    /// and task of an obligation, a directive's symbol…) and the value.
    #[error("{table}.{column} of row {row} is not a date: {value:?}")]
    BadStoredDate {
        table: &'static str,
        column: &'static str,
        row: i64,
        of: Option<String>,
        value: String,
        /// A moment (RFC 3339) rather than a day.
        moment: bool,
    },
    /// A row refers to a row of another table that is not there (a file
    /// edited by hand), found by a schema step's check of references: the
    /// table and row, the table referred to and the id it names.
    #[error("row {row} of {table} refers to {parent} {id:?}, which is missing")]
    BrokenReference {
        table: String,
        row: i64,
        parent: String,
        id: Option<String>,
    },
    /// A value stored in the database could not be read and no date
    /// explains it: the engine's words.
    #[error("a stored value cannot be read: {0}")]
    StoredValue(String),
    /// Lower levels first, by date: units under this one that owe the same
    /// task were done after `on`, or are still open; `--force` records it.
    #[error("{unit} on {on}: {} units under it were done later", below.len())]
    LowerLevelsLater {
        unit: String,
        on: NaiveDate,
        /// Each unit under it with the day it was done (`None`: still open).
        below: Vec<(String, Option<NaiveDate>)>,
        rated: bool,
    },
    /// A correction that moves a unit's completion after the completion of
    /// units above it (lower levels first); `--force` records it.
    #[error("{unit} on {on}: units above it were done before")]
    AfterUpperLevel {
        unit: String,
        on: NaiveDate,
        /// Each unit above it with the day it was done.
        above: Vec<(String, NaiveDate)>,
        rated: bool,
    },
    /// A completion more than a year before or after its due date (a year
    /// typed wrong, most likely); `--force` records it.
    #[error("{date} is more than a year from the due date {due}")]
    FarFromDue { date: NaiveDate, due: NaiveDate },
    /// Another name that already finds another unit (its code, its name or
    /// one of its other names).
    #[error("alias {alias:?} finds {holder} already")]
    AliasTaken { alias: String, holder: String },
    /// An other name to forget that the unit does not have.
    #[error("{unit} has no alias {alias:?}")]
    NoSuchAlias {
        unit: String,
        alias: String,
        /// The other names it has.
        aliases: Vec<String>,
    },
    /// A replacement with no day given (`--on`) whose new directive's issue
    /// date, the default, is unknown.
    #[error("directive {} has no issue date to replace from", new.id)]
    ReplaceDateUnknown { new: Box<Directive> },
    /// A change that would leave the tree broken on a day: a unit under a
    /// parent of a kind it may not sit under, under a unit ended, or in a
    /// cycle (`cause`). `day`: from when (`None`: the tree as it stands).
    #[error("the tree would be broken from {day:?}: {cause}")]
    TreeBrokenOn {
        day: Option<NaiveDate>,
        cause: Box<Error>,
    },
    /// A unit still under a unit dissolved or merged already.
    #[error("{unit} is still under {parent}, which has ended")]
    UnderEnded { unit: String, parent: String },
    /// `--correct` for a unit or person with nothing recorded to correct.
    #[error("{who} has no completion of {task} to correct")]
    NothingToCorrect { who: String, task: TaskName },
    /// A task that cannot be renewed for the year asked (`task renew`).
    #[error("task {task} cannot be renewed for {year}: {problem:?}")]
    Renew {
        task: TaskName,
        year: i32,
        problem: RenewProblem,
    },
    /// A due date moved (`task edit --due`) with no reason given.
    #[error("a due date moved needs a reason")]
    DueReasonNeeded,
    /// A change of a task's due date for one kind of unit that is refused.
    #[error("task {task}, {kind:?}: {problem:?}")]
    DueEdit {
        task: TaskName,
        kind: UnitKind,
        problem: DueProblem,
    },
    /// A unit outside the subtree a task was set for (`task assign`).
    #[error("{unit} is outside the scope of task {task}")]
    NotInScope {
        task: TaskName,
        unit: String,
        /// The unit the task's scope is under.
        within: String,
    },
    /// A task with no due date for the unit's kind, and none given (`--due`).
    #[error("task {task} has no due date for {kind:?} ({unit})")]
    NoDueForKind {
        task: TaskName,
        unit: String,
        kind: UnitKind,
        /// The kinds the task has a due date for.
        kinds: Vec<UnitKind>,
    },
    /// A due date before the unit was founded (`--founded`): a unit is not
    /// late before it exists. `given` says whether the due date is the
    /// clerk's (`--due`) or the task's for the unit's kind.
    #[error("{unit} (founded {founded}) cannot owe task {task} due {due}")]
    DueBeforeFounded {
        task: TaskName,
        unit: String,
        due: NaiveDate,
        founded: NaiveDate,
        given: bool,
    },
    /// A task for people given to a unit with nobody in post.
    #[error("{unit} has nobody in post to owe task {task}")]
    NoPeopleInPost { task: TaskName, unit: String },
    /// No setting of the documents has this key.
    #[error("unknown setting {input:?}")]
    UnknownSetting { input: String },
    /// A value a setting does not take.
    #[error("setting {key:?} does not take {input:?}: {problem:?}")]
    BadSetting {
        key: crate::domain::setting::SettingKey,
        input: String,
        problem: crate::domain::setting::SettingProblem,
    },
    /// A file to write is there already, and the clerk did not say to
    /// replace it (`--force`).
    #[error("{0} exists")]
    OutputExists(PathBuf),
    /// An encrypted database (or a file that is no plain SQLite file)
    /// opened with no key: no key file, no terminal to type it on.
    #[error("{} is encrypted and no key was given", .0.display())]
    KeyNeeded(PathBuf),
    /// A key that does not open the database (or a file that is no
    /// database at all).
    #[error("the key does not open {}", .0.display())]
    WrongKey(PathBuf),
    /// A key that cannot be used: from the key file at `path`
    /// (`THEODOI_KEY_FILE`), or typed when `path` is `None`.
    #[error("key {path:?}: {problem:?}")]
    BadKey {
        path: Option<PathBuf>,
        problem: KeyProblem,
    },
    /// `encrypt` of a database that is encrypted already.
    #[error("{} is encrypted already", .0.display())]
    AlreadyEncrypted(PathBuf),
    /// `decrypt` (or `init --encrypt`) of a database that is not encrypted.
    #[error("{} is not encrypted", .0.display())]
    NotEncrypted(PathBuf),
    /// A database that another process has open, which a conversion
    /// between plain and encrypted must not pull from under it.
    #[error("{} is open in another process", .0.display())]
    DatabaseInUse(PathBuf),
    /// A database reached through a link, or with another name for the
    /// same file: converting it would replace the name, not the file.
    #[error("{} is a link or has another name", .0.display())]
    DatabaseLinked(PathBuf),
    /// The converted copy of a database failed its check: it was removed,
    /// and the database left as it was.
    #[error("the converted copy of {} failed its check: {problem:?}", path.display())]
    ConversionFailed {
        path: PathBuf,
        problem: ConversionProblem,
    },
    /// No connection to a PostgreSQL server: the address (without its
    /// password) and the reason the server or the network gave.
    #[error("cannot connect to {address}: {reason}")]
    PgConnect { address: String, reason: String },
    /// `--db` or `THEODOI_DB` meant a server but is no address theodoi can
    /// use (shown without its password).
    #[error("not a database address: {0}")]
    BadAddress(String),
    /// A server that took the connection but did not answer in time.
    #[error("no answer from {address} within {seconds} s")]
    PgNoAnswer { address: String, seconds: u64 },
    /// A PostgreSQL database with tables that are not theodoi's.
    #[error("{0} is not a theodoi database")]
    ForeignPgDatabase(String),
    /// `backup` of a PostgreSQL database: the server's tools copy it.
    #[error("no backup of {0}: use pg_dump")]
    PgBackup(String),
    /// `encrypt` or `decrypt` of a PostgreSQL database: only SQLite files are.
    #[error("{0} is on a PostgreSQL server: no encryption of files")]
    PgEncrypt(String),
    /// `office` on an SQLite file: offices are logins of a server.
    #[error("{} is a file: offices need a PostgreSQL server", .0.display())]
    OfficeNeedsServer(PathBuf),
    /// A write of an office for a unit outside its subtree: the office, the
    /// unit, and the unit the office's subtree starts at.
    #[error("office {office} may not write for {unit}, outside {scope}")]
    OfficeOutside {
        office: String,
        unit: String,
        scope: String,
    },
    /// A change an office may not make at all (directives, tasks, units,
    /// rules, settings: the committee's own clerk's work).
    #[error("office {office} may not make this change")]
    OfficeNotAllowed { office: String, scope: String },
    /// A write by a read-only login.
    #[error("{login} ({office}) reads only")]
    OfficeReadOnly { office: String, login: String },
    /// `office add` or `office remove` by a login that does not own the
    /// database's tables.
    #[error("{login} does not own the database; {owner} administers offices")]
    OfficeNotOwner { login: String, owner: String },
    /// `office add` of a name another office (of login `login`) has.
    #[error("office {name} exists (login {login})")]
    OfficeTaken { name: String, login: String },
    /// No office of that name or login.
    #[error("no office {0}")]
    OfficeNotFound(String),
    /// A login name that is not a plain PostgreSQL role name.
    #[error("not a login name: {0}")]
    OfficeBadLogin(String),
    /// The owner of the database given as an office's login.
    #[error("{0} owns the database")]
    OfficeOwnerLogin(String),
    /// An office's undo of a change another login made.
    #[error("office {office} may not undo change {id}, made by another login")]
    OfficeUndoOthers { office: String, id: i64 },
    /// A new unit named as a live unit under the same parent.
    #[error("{name} ({code}) is already under that parent")]
    NameTaken { name: String, code: String },
    /// No connection to a server as `sslmode` asks (TLS).
    #[error("no TLS connection to {address}: {problem:?}")]
    PgTls {
        address: String,
        problem: TlsProblem,
    },
    /// What a server refused or ended: by its SQLSTATE, or the client's.
    #[error("{address}: {problem:?}")]
    PgServer {
        address: String,
        problem: ServerProblem,
    },
    /// The owner's undo of a change an office's login made, a row of which
    /// is not one that office may write: the change, the office, and the
    /// unit its subtree starts at.
    #[error("change {id} of office {office} has rows outside {scope}")]
    UndoOutsideOffice {
        id: i64,
        office: String,
        scope: String,
    },
    /// A login with no rights on the database (a removed office's).
    #[error("login {login} has no rights on this database")]
    LoginNoRights { login: String },
    /// A refusal whose way out is a command only the committee's clerk runs,
    /// met by an office's login: to be asked of that clerk.
    #[error("{0}; ask the Organization Committee's clerk")]
    AskCommittee(Box<Error>),
    /// `office add` of a login another office has.
    #[error("login {login} is office {office}'s")]
    OfficeLoginTaken { login: String, office: String },
    /// `office add` of a login the server's limits do not bind (a
    /// superuser, a login that bypasses row-level security, or a member of
    /// the owner's role).
    #[error("login {0} is not bound by row-level security")]
    OfficeUnboundLogin(String),
    /// `office add` of a login the server does not have, by an owner who
    /// may not create logins.
    #[error("no login {login}, and {owner} may not create logins")]
    OfficeLoginMissing { login: String, owner: String },
    /// `log --login` of a login that made no change and is no office's
    /// (`known`: those that are; none on a file).
    #[error("no change and no office of login {login}")]
    UnknownLogin { login: String, known: Vec<String> },
    /// `--title` of a secret directive or of its task without
    /// `--show-secret` (its answer would confirm a guessed title): what is
    /// edited, as travelling outputs name it.
    #[error("the title of {0} is secret")]
    SecretTitleEdit(String),
    /// `--person` on a task the units owe.
    #[error("task {task} is for units")]
    UnitNeededNotPerson { task: TaskName },
    /// A new person named as one in post in the same unit.
    /// `person`: their name and position, as the register shows them
    /// (`Nguyễn Văn An, Bí thư Đảng ủy phường`).
    #[error("{person} ({code}) is already in post in {unit}")]
    PersonTaken {
        person: String,
        unit: String,
        code: String,
    },
}

/// Why a TLS connection to a server was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsProblem {
    /// `sslmode` is none of libpq's.
    BadMode(String),
    /// `verify-ca`/`verify-full` and no root certificate file; libpq's
    /// default file.
    NoRootCert { mode: String, path: String },
    /// The root certificate file cannot be read, or holds no certificate.
    BadRootCert {
        path: String,
        detail: Option<String>,
    },
    /// The server offers no TLS and `sslmode` requires it.
    NotOffered { mode: String },
    /// The server's certificate is not one the root certificate vouches for.
    Untrusted { root: String, why: CertProblem },
    /// The certificate is for another name than the host connected to.
    WrongName { host: String },
    /// Anything else, in the TLS library's words.
    Other(String),
}

/// Why a server's certificate was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CertProblem {
    /// Issued by none of the root certificates.
    Issuer,
    Expired,
    NotYetValid,
    Other(String),
}

/// What a PostgreSQL server refused or ended, said by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerProblem {
    /// The server asks for a password and none was found.
    PasswordMissing { user: String },
    /// The password was wrong.
    WrongPassword { user: String },
    /// No such login role on the server.
    NoRole { user: String },
    /// No such database on the server.
    NoDatabase { db: String },
    /// The server's rules (`pg_hba.conf`) let this connection in nowhere.
    NotAllowed { user: String, db: String },
    /// Too many connections already.
    TooMany,
    /// The login lacks a right: what it was refused on, if said.
    Denied { user: String, what: Option<String> },
    /// The server ended the connection (restart, shutdown, terminated).
    Closed,
    /// A lock waited for longer than `lock_timeout` (its value).
    LockTimeout { limit: String },
    /// A write that met another at the same rows, still after `tries`.
    Conflict { tries: u32 },
    /// No server takes connections where the address points (`host`: the
    /// host name or socket folder): not started, or a wrong host, port or
    /// folder.
    NotRunning { host: String },
}

/// Why a task cannot be renewed for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenewProblem {
    /// The task is about that year already.
    SameYear,
    /// The task of that year is recorded already: its code and title.
    Exists { code: String, title: String },
    /// A due date moved to that year would fall outside the accepted dates.
    OutOfRange { due: NaiveDate },
    /// The unit whose subtree the task covered has been dissolved or merged.
    ScopeGone { unit: String, on: NaiveDate },
    /// The directive the task would come under ended (revoked or replaced)
    /// by its due dates: its citation and the day.
    DirectiveEnded { directive: String, on: NaiveDate },
    /// A secret directive's task put under a directive that is not secret
    /// with its title (which would then be shown): `from`, the task as
    /// travelling outputs name it; `to`, the directive's citation.
    SecretTitle { from: String, to: String },
}

/// Why a task's due date for one kind cannot change so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueProblem {
    /// The task has no due date for the kind; the kinds it has.
    NotDue { kinds: Vec<UnitKind> },
    /// The task has a due date for the kind already.
    AlreadyDue { due: NaiveDate },
    /// Units (or people) of the kind have done the task: how many.
    Completions { n: usize },
    /// No unit of the kind in the task's scope (its name; `None`: the
    /// whole tree).
    NoUnits { within: Option<String> },
    /// It is the task's only due date.
    LastKind,
}

/// Why a text names no directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecProblem {
    /// Not a symbol nor a type and number.
    Shape,
    /// A type given that the symbol's type code contradicts.
    TypeContradicts {
        code: String,
        given: crate::domain::DocType,
    },
    /// A symbol whose type code is not a known one.
    UnknownType(String),
    /// A bare number, with no type given.
    NeedsType,
    /// Longer than any symbol (`directive::SPEC_MAX`), in characters.
    TooLong { len: usize, max: usize },
}

/// What a date that must come later belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateSubject {
    Directive(Box<Directive>),
    /// A unit or a person, by name.
    Named(String),
}

/// Which order of dates a record breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRule {
    /// A completion dated before its directive's issue date.
    DoneBeforeIssue,
    /// A revocation dated before the directive's issue date.
    RevokeBeforeIssue,
    /// A replacement dated before the old directive's issue date.
    ReplaceBeforeIssue,
    /// A task due before its directive's issue date.
    DueBeforeIssue,
    /// A person leaving before the day they took the post.
    LeaveBeforeJoin,
    /// A unit dissolved before it was founded.
    DissolveBeforeFounded,
    /// A change to a unit dated before its last change took effect.
    ChangeBeforeLastChange,
    /// A completion dated on or after the day its unit ended.
    DoneAfterEnd,
    /// A unit ended (dissolved, merged) before its last change.
    EndBeforeLastChange,
}

/// What is wrong with one row of a file.
#[derive(Debug)]
pub enum RowProblem {
    /// Said at the edge already (a cell that does not parse).
    Said(String),
    /// An error of ours.
    Error(Error),
    /// The code appears on an earlier line of the same file.
    Duplicate { code: String, line: u64 },
    /// The parent is neither in the file nor recorded.
    UnknownParent(String),
    /// The parent is in the file but the rows make a cycle.
    Cycle(String),
    /// The parent, given by name, is the name of several rows of the file
    /// (their lines).
    AmbiguousParent { parent: String, lines: Vec<u64> },
    /// The name is on an earlier line of the file, under the same parent.
    SameName { name: String, line: u64 },
}

/// The fields of text a clerk gives, named in the message when one is
/// refused (empty, too long, a character out of place).
/// One value of an export that a rule refuses: where it is, what it is,
/// and what would be accepted.
#[derive(Debug)]
pub struct ExportProblem {
    /// The table, as the export names it (`unit`, `obligation`…).
    pub table: String,
    pub row: ExportRow,
    /// The column (`before.due_on` inside a logged row); `None` for the row
    /// or the table as a whole.
    pub field: Option<String>,
    /// The value as the file writes it (JSON), shortened.
    pub value: String,
    pub rule: ExportRule,
}

/// Which row of an export's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportRow {
    /// The row with this `id` (or `$rowid`).
    Id(i64),
    /// The row at this place in its table, counting from 1 (it has no id).
    Position(usize),
    /// The table as a whole.
    Table,
}

/// What an export's value must be, where it is not.
#[derive(Debug)]
pub enum ExportRule {
    /// A table must be an array of rows, a row an object of columns.
    Shape,
    /// No table of that name is exported.
    UnknownTable,
    /// The table has no column of that name.
    UnknownColumn,
    /// The column must have a value.
    Missing,
    /// An integer.
    Integer,
    /// A positive integer (an id).
    Id,
    /// 0 or 1.
    Flag,
    /// A text.
    Text,
    /// A day that exists, `YYYY-MM-DD`, not before `first`.
    Date { first: NaiveDate },
    /// A moment in RFC 3339.
    Timestamp,
    /// A text holding JSON (an object, for a logged row).
    Json,
    /// One of the unit kinds' slugs.
    UnitKind,
    /// One of the document types' slugs.
    DocType,
    /// One of the rating codes.
    Rating,
    /// One of the tables the change log records.
    LoggedTable { accepted: Vec<&'static str> },
    /// A symbol in its canonical form, with the row's number.
    Symbol,
    /// A number in digits.
    Number,
    /// A run of rowids: from 1, first not after last.
    Range,
    /// No row of this table has that id.
    Reference(&'static str),
    /// Another row has the same id or key.
    Duplicate(ExportRow),
    /// The parents make a cycle in the unit tree.
    Cycle,
    /// A directive replaced by itself, a unit merged into itself, or a
    /// chain of them that comes back.
    LinkCycle,
    /// A completion before its directive was issued, not recorded as forced.
    BeforeDirective { issued: NaiveDate },
    /// A past state of a unit that begins after it ends, overlaps another
    /// of the same unit, or does not end before the unit's current state.
    StateRange,
    /// Refused by a rule of the commands, said as they say it (a code, an
    /// empty name, the tree rule, a rule's value…).
    Refused(Box<Error>),
    /// One of the classifications' slugs.
    Secrecy,
    /// One of the urgencies' slugs.
    Urgency,
}

/// The fields whose emptiness is refused, named in the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A unit's name.
    UnitName,
    /// A person's name.
    PersonName,
    /// A person's post.
    Position,
    Issuer,
    Title,
    /// Why a directive is revoked.
    RevokeReason,
    /// Why a due date is extended.
    ExtendReason,
    /// A completion's note.
    Note,
    /// A completion's evidence (căn cứ, minh chứng).
    Evidence,
    /// Why a unit or person is not rated (`--not-rated`).
    NotRatedReason,
    /// Who records the changes (`--actor`, `THEODOI_ACTOR`).
    Actor,
    /// Another name of a unit (`unit edit --alias`).
    Alias,
    /// Why a task's due date is moved (`task edit --due --reason`).
    DueReason,
    /// A line of a setting of the documents (`settings set`).
    Setting,
}

impl Field {
    /// The most characters the field takes: a name or a title 300, a note,
    /// evidence or a reason 4,000.
    pub fn max_chars(self) -> usize {
        match self {
            Field::UnitName
            | Field::PersonName
            | Field::Position
            | Field::Issuer
            | Field::Title
            | Field::Actor
            | Field::Alias
            | Field::Setting => 300,
            Field::RevokeReason
            | Field::ExtendReason
            | Field::Note
            | Field::Evidence
            | Field::NotRatedReason
            | Field::DueReason => 4000,
        }
    }
}

impl Error {
    /// A failure of the storage engine.
    pub fn storage(e: impl std::error::Error + Send + Sync + 'static) -> Error {
        Error::Storage(Box::new(e))
    }

    /// No record of `what` matches `input`.
    pub fn not_found(what: Entity, input: &str) -> Error {
        Error::NotFound {
            what,
            input: input.trim().to_string(),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error::storage(e)
    }
}

/// Why a key cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// The key file cannot be read (missing, a folder, no permission).
    Unreadable(std::io::ErrorKind),
    /// Others than its owner may read or write the key file (Unix): its mode.
    Mode(u32),
    /// Nothing in it.
    Empty,
    /// Not one line of UTF-8 text (bytes that are not UTF-8, a control
    /// character, a second line).
    NotText,
    /// Longer than a key may be, in bytes.
    TooLong { max: usize },
    /// A new key shorter than a passphrase may be, in characters.
    TooShort { min: usize },
    /// The key typed twice for a new database was not the same twice.
    Differ,
    /// The key file is no regular file (a device, a pipe).
    NotAFile,
}

/// What the check of a converted copy found wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConversionProblem {
    /// `PRAGMA integrity_check` did not say `ok`: its first line.
    Integrity(String),
    /// The copy is not at the version (or with the application id) of the original.
    Version { expected: i64, found: i64 },
    /// A table of the copy does not have the rows of the original.
    Rows {
        table: String,
        expected: i64,
        found: i64,
    },
    /// The copy is plain where it should be encrypted, or the other way round.
    Form,
}
