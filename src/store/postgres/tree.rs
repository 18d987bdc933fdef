//! The unit tree as it was on a day, on PostgreSQL (see `sqlite/tree.rs`).
//! The report's day is written into the SQL as a date literal: it comes
//! from a `NaiveDate`, never from text.

use chrono::NaiveDate;

use super::{PgDb, iso};
use crate::domain::error::Result;

/// Where a report's query reads units from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tree {
    /// `unit`: the tree has not changed since the report's day.
    Current,
    /// The CTE `tree`: each unit as it was on the report's day.
    AsOf(NaiveDate),
}

/// The units as of `day`: the state in `unit_past` whose range holds the
/// day, else the current one. The columns reports read.
fn tree_cte(day: NaiveDate) -> String {
    let day = iso(day);
    format!(
        "tree (id, code, name, name_fold, name_key, kind, parent_id, founded_on) AS MATERIALIZED (
    SELECT u.id, u.code, coalesce(h.name, u.name), coalesce(h.name_fold, u.name_fold),
           coalesce(h.name_key, u.name_key),
           coalesce(h.kind, u.kind),
           CASE WHEN h.id IS NULL THEN u.parent_id ELSE h.parent_id END, u.founded_on
    FROM unit u
    LEFT JOIN unit_past h ON h.unit_id = u.id AND h.until_on >= '{day}'
                          AND (h.from_on IS NULL OR h.from_on <= '{day}')
)"
    )
}

impl Tree {
    /// The name to read units from in SQL.
    pub(super) fn table(self) -> &'static str {
        match self {
            Tree::Current => "unit",
            Tree::AsOf(_) => "tree",
        }
    }

    /// The `WITH RECURSIVE` clause of `ctes` (the tree's own first when it
    /// is needed); empty when there is none.
    pub(super) fn with(self, ctes: &[&str]) -> String {
        let mut all: Vec<String> = Vec::new();
        if let Tree::AsOf(day) = self {
            all.push(tree_cte(day));
        }
        all.extend(ctes.iter().filter(|c| !c.is_empty()).map(|c| c.to_string()));
        if all.is_empty() {
            String::new()
        } else {
            format!("WITH RECURSIVE {}", all.join(",\n"))
        }
    }
}

impl PgDb<'_> {
    /// The tree a report as of `day` reads.
    pub(super) fn tree(&self, day: NaiveDate) -> Result<Tree> {
        let changed: bool = self
            .one(
                "SELECT EXISTS (SELECT 1 FROM unit_past WHERE until_on >= $1)",
                &[&iso(day)],
            )?
            .try_get(0)?;
        Ok(if changed {
            Tree::AsOf(day)
        } else {
            Tree::Current
        })
    }
}
