//! Which units a change moved in the stored order of the units
//! (`unit_order`): gathered as the change log records rows of `unit`, then
//! made good at the commit, unit by unit, or all at once when many were
//! inserted (an import).

use std::collections::BTreeMap;

use serde_json::Value;

/// More units than this in one change: the whole order is made again in one
/// statement rather than unit by unit.
const MANY: usize = 5_000;

/// What a change did to the order of the units.
#[derive(Debug)]
pub(crate) enum Reorder {
    /// These units' rows are stale; `true`: so are their children's (the
    /// unit's name or code, their parent's key, changed).
    Units(BTreeMap<i64, bool>),
    /// Too many to take one by one.
    All,
}

impl Default for Reorder {
    fn default() -> Self {
        Reorder::Units(BTreeMap::new())
    }
}

impl Reorder {
    /// Rows `first..=last` of `unit` were inserted.
    pub(crate) fn inserted(&mut self, first: i64, last: i64) {
        if let Reorder::Units(units) = self {
            if units.len() as i64 + (last - first) >= MANY as i64 {
                *self = Reorder::All;
                return;
            }
            for id in first..=last {
                units.entry(id).or_insert(false);
            }
        }
    }

    /// A row of `unit` was updated or deleted (before, after; `None`:
    /// deleted or inserted). A founding date or a dissolution moves nothing;
    /// a new parent moves the unit; a new name or code moves its children
    /// too.
    pub(crate) fn logged(&mut self, id: i64, before: Option<&Value>, after: Option<&Value>) {
        let changed = |column: &str| match (before, after) {
            (Some(before), Some(after)) => before.get(column) != after.get(column),
            _ => true,
        };
        let children = changed("name") || changed("code");
        if !(children || changed("parent_id")) {
            return;
        }
        if let Reorder::Units(units) = self {
            *units.entry(id).or_insert(false) |= children;
            if units.len() > MANY {
                *self = Reorder::All;
            }
        }
    }
}
