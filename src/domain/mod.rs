//! The domain: directives, units, tasks, obligations and their status.
//! Types and rules only; no SQL and no terminal I/O (see ARCHITECTURE.md).

pub mod change;
pub mod cycle;
pub mod directive;
pub mod error;
pub mod marks;
pub mod obligation;
pub mod person;
pub mod rating;
pub mod setting;
pub mod status;
pub mod task;
pub mod unit;

pub use directive::{DirectiveSpec, DocType};
pub use error::{Entity, Error, TaskName};
pub use marks::{Secrecy, Urgency};
pub use rating::{Rating, Rules};
pub use status::Status;
pub use task::DueRule;
pub use unit::UnitKind;
