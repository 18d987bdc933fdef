//! What can go wrong below the edge, as values. The store and the use cases
//! return these; only the edge (the command line and the message catalogue)
//! turns them into a sentence in the user's language and an exit code. The
//! `Display` texts here are for developers and logs, never shown to a clerk.

use std::path::PathBuf;

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
    /// The storage engine failed (a bug, a full disk, a locked file…).
    #[error(transparent)]
    Storage(Box<dyn std::error::Error + Send + Sync>),
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
