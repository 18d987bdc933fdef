//! Export and import of a whole database as one JSON document, so that a
//! committee's record can be moved, read by other tools, and restored.
//!
//! The format (version 1): `{"format": "theodoi", "version": 1, "schema": N,
//! "tables": {"meta": [...], "directive": [...], ...}}`, each table an array
//! of its rows in rowid order, each row an object of its columns (`$rowid`
//! the SQLite rowid; blobs as `{"$blob": hex}`), keys sorted.

use std::io::Write;

use rusqlite::types::Value as SqlValue;
use serde_json::Value;

use super::history::{columns, to_json};
use super::{SqliteStore, tables};
use crate::domain::error::{Error, Result};
use crate::store::EXPORT_VERSION;
use crate::text::{collate, fold};

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
    /// caller has checked the document and every row in it
    /// (`app::portable::import`); here the rows are only inserted, with the
    /// columns derived from others computed again (`derive`). The restore
    /// is not itself a change: the log it brings is the history. Returns
    /// how many rows were written.
    pub fn import(
        &mut self,
        document: &Value,
        source: &str,
        check: &dyn Fn(&dyn crate::store::Db) -> Result<()>,
    ) -> Result<usize> {
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
                let (mut names, mut values) = columns(row, true)?;
                derive(table, &mut names, &mut values);
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
        super::order::rebuild(&tx)?;
        check(&super::SqliteDb {
            conn: super::Conn::Plain(&tx),
            log: None,
            file: None,
        })?;
        tx.commit().map_err(|e| bad_row(source, "…", e))?;
        Ok(written)
    }
}

/// How a derived column is computed from its source column.
#[derive(Debug, Clone, Copy)]
enum Derivation {
    /// `text::fold`: the accent-insensitive key.
    Fold,
    /// `text::collate::sort_key`: the Vietnamese collation key.
    SortKey,
}

/// The columns computed from others: (table, column, source, how). Never
/// taken from an export or from the log; `derive` computes them again.
const DERIVED: &[(&str, &str, &str, Derivation)] = &[
    ("directive", "issuer_fold", "issuer", Derivation::Fold),
    ("directive", "title_fold", "title", Derivation::Fold),
    ("unit", "name_fold", "name", Derivation::Fold),
    ("unit", "name_key", "name", Derivation::SortKey),
    ("unit_past", "name_fold", "name", Derivation::Fold),
    ("unit_past", "name_key", "name", Derivation::SortKey),
    ("unit_alias", "alias_fold", "alias", Derivation::Fold),
    ("person", "name_fold", "name", Derivation::Fold),
    ("person", "name_key", "name", Derivation::SortKey),
    ("person", "position_fold", "position", Derivation::Fold),
    ("task", "title_fold", "title", Derivation::Fold),
];

/// Sets the derived columns of one row of `table` from their sources
/// (adding those the row lacks): `names` quoted and `values` as `columns`
/// gives them.
pub(super) fn derive(table: &str, names: &mut Vec<String>, values: &mut Vec<SqlValue>) {
    let quoted = |name: &str| format!("\"{name}\"");
    for &(_, column, source, how) in DERIVED.iter().filter(|d| d.0 == table) {
        let Some(i) = names.iter().position(|n| *n == quoted(source)) else {
            continue;
        };
        let SqlValue::Text(text) = &values[i] else {
            continue;
        };
        let value = match how {
            Derivation::Fold => SqlValue::Text(fold(text)),
            Derivation::SortKey => SqlValue::Blob(collate::sort_key(text)),
        };
        match names.iter().position(|n| *n == quoted(column)) {
            Some(j) => values[j] = value,
            None => {
                names.push(quoted(column));
                values.push(value);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `*_fold` and `*_key` column of the schema is computed by
    /// `derive`, from a column of the same table; but the keys copied into
    /// `unit_order`, which `order` makes from `unit`.
    #[test]
    fn every_derived_column_is_computed_again() -> Result<()> {
        let store = SqliteStore::open_in_memory()?;
        let mut stmt = store.conn.prepare(
            "SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c
             WHERE m.type = 'table' ORDER BY 1, 2",
        )?;
        let columns: Vec<(String, String)> = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let derived: Vec<(&str, &str)> = columns
            .iter()
            .filter(|(t, c)| t != "unit_order" && (c.ends_with("_fold") || c.ends_with("_key")))
            .map(|(t, c)| (t.as_str(), c.as_str()))
            .collect();
        let mut listed: Vec<(&str, &str)> = DERIVED.iter().map(|d| (d.0, d.1)).collect();
        listed.sort_unstable();
        assert_eq!(listed, derived);
        for (table, _, source, _) in DERIVED {
            assert!(
                columns.iter().any(|(t, c)| t == table && c == source),
                "{table}.{source}"
            );
        }
        Ok(())
    }

    #[test]
    fn derived_values_come_from_their_sources() {
        let mut names = vec!["\"name\"".to_string(), "\"name_key\"".to_string()];
        let mut values = vec![
            SqlValue::Text("Đảng bộ Ngô Quyền".into()),
            SqlValue::Blob(b"zz".to_vec()),
        ];
        derive("unit", &mut names, &mut values);
        assert_eq!(names.len(), 3);
        assert_eq!(
            values[1],
            SqlValue::Blob(collate::sort_key("Đảng bộ Ngô Quyền"))
        );
        assert_eq!(values[2], SqlValue::Text("dang bo ngo quyen".into()));
    }
}
