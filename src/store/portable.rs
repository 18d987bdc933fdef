//! Export and import of a whole database as one JSON document, so that a
//! committee's record can be moved, read by other tools, and restored.
//!
//! The format (version 1): `{"format": "theodoi", "version": 1, "schema": N,
//! "tables": {"meta": [...], "directive": [...], ...}}`, each table an array
//! of its rows in rowid order, each row an object of its columns (`$rowid`
//! the SQLite rowid; blobs as `{"$blob": hex}`), keys sorted.

use std::io::Write;

use anyhow::{Context as _, Result, bail};
use serde_json::Value;

use super::history::{columns, to_json};
use super::{Store, VERSION};
use crate::i18n::{self, tr};

/// Every table, parents before children.
const TABLES: &[&str] = &[
    "meta",
    "directive",
    "unit",
    "person",
    "task",
    "task_due",
    "obligation",
    "rule",
    "change",
    "change_row",
];

/// The version of the export format.
pub const EXPORT_VERSION: i64 = 1;

impl Store {
    /// Writes every row of every table.
    pub fn export(&self, out: &mut dyn Write) -> Result<()> {
        write!(
            out,
            "{{\"format\":\"theodoi\",\"version\":{EXPORT_VERSION},\"schema\":{},\"tables\":{{",
            self.version()?
        )?;
        for (t, table) in TABLES.iter().enumerate() {
            if t > 0 {
                out.write_all(b",")?;
            }
            write!(out, "\n\"{table}\":[")?;
            let mut stmt = self.conn.prepare(&format!(
                "SELECT rowid AS \"$rowid\", * FROM {table} ORDER BY rowid"
            ))?;
            let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
            let mut rows = stmt.query([])?;
            let mut first = true;
            while let Some(row) = rows.next()? {
                let mut object = serde_json::Map::new();
                for (i, name) in names.iter().enumerate() {
                    object.insert(name.clone(), to_json(row.get_ref(i)?));
                }
                out.write_all(if first { b"\n" } else { b",\n" })?;
                first = false;
                serde_json::to_writer(&mut *out, &Value::Object(object))?;
            }
            out.write_all(b"]")?;
        }
        out.write_all(b"\n}}\n")?;
        Ok(())
    }

    /// Restores an export into this database, which must be empty. The
    /// restore is not itself a change: the log it brings is the history.
    /// Returns how many rows were written.
    pub fn import(&mut self, document: &Value, source: &str) -> Result<usize> {
        if document["format"] != "theodoi" || document["version"] != EXPORT_VERSION {
            bail!(tr!(
                i18n::EXPORT_NOT_OURS,
                path = source,
                version = EXPORT_VERSION
            ));
        }
        let schema = document["schema"].as_i64().unwrap_or(i64::MAX);
        if schema > VERSION {
            bail!(tr!(
                i18n::EXPORT_TOO_NEW,
                path = source,
                found = schema,
                known = VERSION
            ));
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let used: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM directive) OR EXISTS (SELECT 1 FROM unit)
                 OR EXISTS (SELECT 1 FROM change)",
            [],
            |row| row.get(0),
        )?;
        if used {
            bail!(i18n::IMPORT_NOT_EMPTY.get());
        }
        // Units point at their parents and successors in any order.
        tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        let mut written = 0;
        for table in TABLES {
            let Some(rows) = document["tables"][table].as_array() else {
                continue;
            };
            for row in rows {
                let (names, values) = columns(row, true)?;
                let sql = format!(
                    "INSERT INTO {table} ({}) VALUES ({})",
                    names.join(", "),
                    vec!["?"; names.len()].join(", ")
                );
                tx.execute(&sql, rusqlite::params_from_iter(values))
                    .with_context(|| tr!(i18n::EXPORT_BAD_ROW, path = source, table = table))?;
                written += 1;
            }
        }
        tx.commit()
            .with_context(|| tr!(i18n::EXPORT_BAD_ROW, path = source, table = "…"))?;
        Ok(written)
    }
}
