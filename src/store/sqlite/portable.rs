//! Export and import of a whole database as one JSON document, so that a
//! committee's record can be moved, read by other tools, and restored.
//!
//! The format (version 1): `{"format": "theodoi", "version": 1, "schema": N,
//! "tables": {"meta": [...], "directive": [...], ...}}`, each table an array
//! of its rows in rowid order, each row an object of its columns (`$rowid`
//! the SQLite rowid; blobs as `{"$blob": hex}`), keys sorted.

use std::io::Write;

use serde_json::Value;

use super::history::{columns, to_json};
use super::{SqliteStore, VERSION, tables};
use crate::domain::error::{Error, Result};

/// The version of the export format.
pub const EXPORT_VERSION: i64 = 1;

impl SqliteStore {
    /// Writes every row of every table.
    pub fn export(&self, out: &mut dyn Write) -> Result<()> {
        self.export_to(out).map_err(|e| match e {
            ExportError::Db(e) => e,
            ExportError::Io(e) => Error::Output(e),
        })
    }

    fn export_to(&self, out: &mut dyn Write) -> Result<(), ExportError> {
        write!(
            out,
            "{{\"format\":\"theodoi\",\"version\":{EXPORT_VERSION},\"schema\":{},\"tables\":{{",
            self.version()?
        )?;
        for (t, table) in tables::exported().enumerate() {
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
            return Err(Error::NotAnExport {
                source_name: source.to_string(),
                version: EXPORT_VERSION,
            });
        }
        let schema = document["schema"].as_i64().unwrap_or(i64::MAX);
        if schema > VERSION {
            return Err(Error::ExportTooNew {
                source_name: source.to_string(),
                found: schema,
                known: VERSION,
            });
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
            return Err(Error::ImportNotEmpty);
        }
        // Units point at their parents and successors in any order.
        tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        let mut written = 0;
        for table in tables::exported() {
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
                    .map_err(|e| bad_row(source, table, e))?;
                written += 1;
            }
        }
        tx.commit().map_err(|e| bad_row(source, "…", e))?;
        Ok(written)
    }
}

/// A row of `table` in `source` that the database refused.
fn bad_row(source: &str, table: &str, e: rusqlite::Error) -> Error {
    Error::ImportBadRow {
        source_name: source.to_string(),
        table: table.to_string(),
        source: Box::new(e.into()),
    }
}

/// Writing an export fails in the database or on the way out; a closed
/// pipe stays an I/O error, so that the edge can see it as one.
#[derive(Debug, thiserror::Error)]
enum ExportError {
    #[error(transparent)]
    Db(#[from] Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl From<rusqlite::Error> for ExportError {
    fn from(e: rusqlite::Error) -> ExportError {
        ExportError::Db(e.into())
    }
}

impl From<serde_json::Error> for ExportError {
    /// A failed write stays a failed write (a closed pipe is not an error).
    fn from(e: serde_json::Error) -> ExportError {
        if e.is_io() {
            ExportError::Io(e.into())
        } else {
            ExportError::Db(e.into())
        }
    }
}
