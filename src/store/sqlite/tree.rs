//! The unit tree as it was on a day. A rename, a move, a change of kind or a
//! merger keeps the unit's earlier state in `unit_past` (valid from `from_on`
//! to `until_on`); a report as of a day reads each unit's state of that day.
//! When no unit changed after the day, the current rows are that day's tree,
//! and reports read `unit` itself at no cost.

use chrono::NaiveDate;

use super::SqliteDb;
use crate::domain::error::Result;

/// Where a report's query reads units from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tree {
    /// `unit`: the tree has not changed since the report's day.
    Current,
    /// The CTE `tree`, bound to `:as_of`: each unit as it was on that day.
    AsOf,
}

/// The units as of `:as_of`: the state in `unit_past` whose range holds the
/// day, else the current one. The columns reports read.
const TREE_CTE: &str =
    "tree (id, code, name, name_fold, name_key, kind, parent_id, founded_on) AS MATERIALIZED (
    SELECT u.id, u.code, coalesce(h.name, u.name), coalesce(h.name_fold, u.name_fold),
           coalesce(h.name_key, u.name_key),
           coalesce(h.kind, u.kind),
           CASE WHEN h.id IS NULL THEN u.parent_id ELSE h.parent_id END, u.founded_on
    FROM unit u
    LEFT JOIN unit_past h ON h.unit_id = u.id AND h.until_on >= :as_of
                          AND (h.from_on IS NULL OR h.from_on <= :as_of)
)";

impl Tree {
    /// The name to read units from in SQL.
    pub(super) fn table(self) -> &'static str {
        match self {
            Tree::Current => "unit",
            Tree::AsOf => "tree",
        }
    }

    /// The `WITH RECURSIVE` clause of `ctes` (the tree's own first when it
    /// is needed); empty when there is none.
    pub(super) fn with(self, ctes: &[&str]) -> String {
        let mut all: Vec<&str> = Vec::new();
        if self == Tree::AsOf {
            all.push(TREE_CTE);
        }
        all.extend(ctes.iter().filter(|c| !c.is_empty()));
        if all.is_empty() {
            String::new()
        } else {
            format!("WITH RECURSIVE {}", all.join(",\n"))
        }
    }
}

impl SqliteDb<'_> {
    /// The tree a report as of `day` reads.
    pub(super) fn tree(&self, day: NaiveDate) -> Result<Tree> {
        let changed: bool = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM unit_past WHERE until_on >= ?1)")?
            .query_row([day], |row| row.get(0))?;
        Ok(if changed { Tree::AsOf } else { Tree::Current })
    }
}
