//! What can go wrong below the edge, as values. The store and the use cases
//! return these; only the edge (the command line and the message catalogue)
//! turns them into a sentence in the user's language and an exit code. The
//! `Display` texts here are for developers and logs, never shown to a clerk.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::UnitKind;
use crate::domain::directive::Directive;
use crate::domain::person::Person;
use crate::domain::task::Task;
use crate::domain::unit::Unit;

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
    Units(Vec<Unit>),
    Tasks(Vec<Task>),
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

    /// What kind of record these are.
    pub fn entity(&self) -> Entity {
        match self {
            Candidates::Directives(_) => Entity::Directive,
            Candidates::Units(_) => Entity::Unit,
            Candidates::Tasks(_) => Entity::Task,
            Candidates::People(_) => Entity::Person,
        }
    }
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
    /// A backup would overwrite a file.
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
    /// A task gives two due dates to one kind of unit.
    #[error("two due dates for {kind:?}")]
    DuplicateDueKind { kind: UnitKind },
    /// No unit in scope is of a kind the task names.
    #[error("no unit of the task's kinds in scope")]
    TaskHasNoUnits {
        kinds: Vec<UnitKind>,
        /// The subtree's name; `None` for the whole tree.
        within: Option<String>,
    },
    /// The task does not apply to this unit or person.
    #[error("task {task} does not apply to {who}")]
    NotApplicable {
        task: String,
        who: String,
        person: bool,
    },
    /// A completion needs a unit (or a file of them).
    #[error("a unit is needed")]
    UnitNeeded,
    /// A task for people is recorded per person, not per unit.
    #[error("task {task} is for people")]
    PersonNeeded { task: String },
    /// A date that must not be after today.
    #[error("{date} is after today {today}")]
    InFuture { date: NaiveDate, today: NaiveDate },
    /// A rating for a task that is not rated.
    #[error("task {task} is not rated")]
    NotARatingTask { task: String },
    /// Lower levels first: units under this one still owe the task.
    #[error("{unit}: {} units under it are still open", open.len())]
    LowerLevelsOpen { unit: String, open: Vec<String> },
    /// Recorded already; a change needs `--correct`.
    #[error("{who} did {task} on {on} already")]
    AlreadyDone {
        who: String,
        task: String,
        on: NaiveDate,
    },
    /// An extension of work that is done.
    #[error("{unit} did {task} on {on}")]
    ExtendDone {
        unit: String,
        task: String,
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
}

/// Why a text names no directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecProblem {
    /// Not a symbol nor a type and number.
    Shape,
    /// A symbol whose type code is not a known one.
    UnknownType(String),
    /// A bare number, with no type given.
    NeedsType,
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
}

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
    /// Refused by a rule of the commands, said as they say it (a code, an
    /// empty name, the tree rule, a rule's value…).
    Refused(Box<Error>),
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
