//! Taking a change back.

use crate::domain::error::{Error, Result};
use crate::store::{ChangeEntry, Db};

/// Undoes change `id`, or else the latest change of `actor` still in force.
/// Returns the change undone.
pub fn undo(db: &dyn Db, id: Option<i64>, actor: &str) -> Result<ChangeEntry> {
    let target = match id {
        Some(id) => db.change(id)?.ok_or(Error::NoSuchChange { id })?,
        None => db
            .last_change_of(actor)?
            .ok_or_else(|| Error::NothingToUndo {
                actor: actor.to_string(),
            })?,
    };
    db.undo(&target)?;
    Ok(target)
}
