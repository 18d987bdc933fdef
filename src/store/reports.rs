//! The queries behind reports. Each answers in the report's own row type.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::params;

use super::{Db, parse_column};
use crate::domain::status::days_overdue;
use crate::domain::{DocType, UnitKind};
use crate::i18n::number_only_label;
use crate::report::overdue::OverdueRow;

impl Db<'_> {
    /// Obligations still open on `as_of` whose due date has passed, by
    /// parent then unit in Vietnamese order, then by due date.
    pub fn overdue_rows(&self, as_of: NaiveDate) -> Result<Vec<OverdueRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT u.code, u.name, u.kind, p.name, p.code,
                    d.symbol, d.doc_type, d.number,
                    t.code, t.title, o.due_on
             FROM obligation o
             JOIN unit u ON u.id = o.unit_id
             LEFT JOIN unit p ON p.id = u.parent_id
             JOIN task t ON t.id = o.task_id
             JOIN directive d ON d.id = t.directive_id
             WHERE o.due_on < ?1 AND (o.completed_on IS NULL OR o.completed_on > ?1)
             ORDER BY p.name_key, p.code, u.name_key, u.code, o.due_on, t.code",
        )?;
        let rows = stmt.query_map(params![as_of], |row| {
            let kind: String = row.get(2)?;
            let symbol: Option<String> = row.get(5)?;
            let doc_type: String = row.get(6)?;
            let number: String = row.get(7)?;
            let due_on: NaiveDate = row.get(10)?;
            Ok(OverdueRow {
                unit_code: row.get(0)?,
                unit: row.get(1)?,
                unit_kind: parse_column(&kind, UnitKind::parse, 2)?,
                parent: row.get(3)?,
                parent_code: row.get(4)?,
                directive: match symbol {
                    Some(symbol) => symbol,
                    None => number_only_label(parse_column(&doc_type, DocType::parse, 6)?, &number),
                },
                task: row.get(8)?,
                task_title: row.get(9)?,
                due_on,
                days_overdue: days_overdue(due_on, as_of),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
