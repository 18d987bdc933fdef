//! Export and import of a whole database as one JSON document, on
//! PostgreSQL: the format of `sqlite/portable.rs`, row for row, so that the
//! export of a database copied from one store to the other is the same
//! document, byte for byte.
//!
//! What differs from SQLite, and how it is hidden: SQLite names every row by
//! its rowid (`$rowid`). Tables with an `id` have it as their rowid; here
//! `task_due`'s rowid is its `id` column (which SQLite's export does not
//! have), and `meta` and `change_row` have none: their rowids are their
//! rows' places (`meta` by key, `change_row` by change and sequence), which
//! is what SQLite gives rows that are only ever added. `meta`'s own rows
//! (`application`, `schema_version`) are the store's, never exported nor
//! imported.

use std::collections::HashMap;
use std::io::Write;

use postgres::types::ToSql;
use postgres::{IsolationLevel, Statement, Transaction};
use serde_json::{Map, Value};

use super::history::ROWID_ONLY;
use super::tables::{self, to_json};
use super::{Conn, PgDb, PostgresStore, WRITE_LOCK, reset_ids_sql};
use crate::domain::error::{Error, Result};
use crate::store::EXPORT_VERSION;

/// The rows of `meta` that mark the database and its version: the store's.
const OWN_META: &str = "('application', 'schema_version')";

/// The query that reads a table for export, in SQLite's rowid order.
fn export_sql(table: &str) -> String {
    match table {
        "meta" => format!(
            "SELECT row_number() OVER (ORDER BY key) AS \"$rowid\", key, value FROM meta
             WHERE key NOT IN {OWN_META} ORDER BY key"
        ),
        "change_row" => "SELECT row_number() OVER (ORDER BY change_id, seq) AS \"$rowid\", *
             FROM change_row ORDER BY change_id, seq"
            .to_string(),
        _ => format!("SELECT * FROM {table} ORDER BY id"),
    }
}

impl PostgresStore {
    /// Writes every row of every table, as of one moment (one snapshot).
    pub fn export(&self, out: &mut dyn Write) -> Result<()> {
        self.export_to(out).map_err(|e| match e {
            ExportError::Db(e) => e,
            ExportError::Io(e) => Error::Output(e),
        })
    }

    fn export_to(&self, out: &mut dyn Write) -> Result<(), ExportError> {
        let mut client = self.client.borrow_mut();
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(Error::from)?;
        let version: String = tx
            .query_one("SELECT value FROM meta WHERE key = 'schema_version'", &[])
            .map_err(Error::from)?
            .try_get(0)
            .map_err(Error::from)?;
        write!(
            out,
            "{{\"format\":\"theodoi\",\"version\":{EXPORT_VERSION},\"schema\":{},\"tables\":{{",
            version.parse::<i64>().unwrap_or(0)
        )?;
        for (t, table) in tables::exported().enumerate() {
            if t > 0 {
                out.write_all(b",")?;
            }
            write!(out, "\n\"{table}\":[")?;
            write_rows(&mut tx, table, out)?;
            out.write_all(b"]")?;
        }
        out.write_all(b"\n}}\n")?;
        tx.commit().map_err(Error::from)?;
        Ok(())
    }

    /// Restores an export into this database, which must be empty (see
    /// `sqlite/portable.rs`): the rows as they are, the columns derived from
    /// others computed again, in one transaction that `check` sees before
    /// it is committed. Returns how many rows were written.
    pub fn import(
        &mut self,
        document: &Value,
        source: &str,
        check: &dyn Fn(&dyn crate::store::Db) -> Result<()>,
    ) -> Result<usize> {
        let mut tx = self.client.get_mut().transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        let used: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM directive) OR EXISTS (SELECT 1 FROM unit)
                     OR EXISTS (SELECT 1 FROM change)",
                &[],
            )?
            .try_get(0)?;
        if used {
            return Err(Error::ImportNotEmpty);
        }
        let mut written = 0;
        for table in tables::exported() {
            let Some(rows) = document["tables"][table].as_array() else {
                continue;
            };
            written += insert_rows(&mut tx, table, rows).map_err(|e| bad_row(source, table, e))?;
        }
        tx.batch_execute(&reset_ids_sql())?;
        tx.batch_execute(super::order::REBUILD)?;
        let db = PgDb {
            conn: Conn::Tx(std::cell::RefCell::new(tx)),
            log: None,
            office: None,
            statements: None,
        };
        check(&db)?;
        match db.conn {
            Conn::Tx(tx) => tx
                .into_inner()
                .commit()
                .map_err(|e| bad_row(source, "…", e.into()))?,
            Conn::Read(_) => {}
        }
        Ok(written)
    }
}

/// Writes the rows of `table`, one JSON object a line, keys sorted.
fn write_rows(
    tx: &mut Transaction<'_>,
    table: &str,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    use postgres::fallible_iterator::FallibleIterator as _;
    let rowid_only = ROWID_ONLY.contains(&table);
    let statement = tx.prepare(&export_sql(table)).map_err(Error::from)?;
    let no_params: [&(dyn ToSql + Sync); 0] = [];
    let mut rows = tx
        .query_raw(&statement, no_params.iter().copied())
        .map_err(Error::from)?;
    let mut first = true;
    while let Some(row) = rows.next().map_err(Error::from)? {
        let mut object = Map::new();
        for (i, column) in row.columns().iter().enumerate() {
            let value = to_json(&row, i)?;
            match column.name() {
                "id" if rowid_only => {
                    object.insert("$rowid".to_string(), value);
                }
                "id" => {
                    object.insert("$rowid".to_string(), value.clone());
                    object.insert("id".to_string(), value);
                }
                name => {
                    object.insert(name.to_string(), value);
                }
            }
        }
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        serde_json::to_writer(&mut *out, &Value::Object(object))?;
    }
    Ok(())
}

/// Inserts the rows of `table` from an export; returns how many. Columns
/// that point at rows of the same table (a unit's parent, the change an
/// undo undid) are set after all the table's rows are in: PostgreSQL checks
/// a reference at once, and rows may point at later ones.
fn insert_rows(tx: &mut Transaction<'_>, table: &str, rows: &[Value]) -> Result<usize> {
    let types: HashMap<String, postgres::types::Type> = tx
        .prepare(&format!("SELECT * FROM {table}"))?
        .columns()
        .iter()
        .map(|c| (c.name().to_string(), c.type_().clone()))
        .collect();
    let own_refs: Vec<String> = tx
        .query(
            "SELECT a.attname::TEXT FROM pg_catalog.pg_constraint c
             JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
             WHERE c.contype = 'f' AND c.conrelid = $1::TEXT::regclass AND c.confrelid = c.conrelid",
            &[&table],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut batch = Batch {
        table,
        names: Vec::new(),
        params: Vec::new(),
        rows: 0,
        statements: HashMap::new(),
    };
    let mut later: HashMap<String, (Vec<i64>, Vec<i64>)> = HashMap::new();
    let mut written = 0;
    for row in rows {
        let Value::Object(map) = row else {
            return Err(Error::storage(super::BadValue(format!(
                "a row of {table} is not an object"
            ))));
        };
        if table == "meta"
            && matches!(
                map.get("key").and_then(Value::as_str),
                Some("application" | "schema_version")
            )
        {
            continue;
        }
        let mut map = map.clone();
        if ROWID_ONLY.contains(&table)
            && !map.contains_key("id")
            && let Some(rowid) = map.get("$rowid").cloned()
        {
            map.insert("id".to_string(), rowid);
        }
        tables::derive(table, &mut map);
        let mut names = Vec::new();
        let mut params: Vec<tables::Param> = Vec::new();
        for (name, value) in &map {
            let Some(ty) = types.get(name) else {
                continue;
            };
            if own_refs.contains(name) && !value.is_null() {
                let bad = || Error::storage(super::BadValue(format!("{name} of a row of {table}")));
                let id = map.get("id").and_then(Value::as_i64).ok_or_else(bad)?;
                let target = value.as_i64().ok_or_else(bad)?;
                let (ids, targets) = later.entry(name.clone()).or_default();
                ids.push(id);
                targets.push(target);
                continue;
            }
            names.push(format!("\"{name}\""));
            params.push(tables::param(ty, value)?);
        }
        batch.add(tx, names, params)?;
        written += 1;
    }
    batch.flush(tx)?;
    for (column, (ids, targets)) in later {
        tx.execute(
            &format!(
                "UPDATE {table} t SET \"{column}\" = v.target
                 FROM unnest($1::BIGINT[], $2::BIGINT[]) AS v (id, target) WHERE t.id = v.id"
            ),
            &[&ids, &targets],
        )?;
    }
    Ok(written)
}

/// Rows of one table on their way in, many to a statement (one round trip
/// for hundreds of rows), as long as they have the same columns.
struct Batch<'t> {
    table: &'t str,
    names: Vec<String>,
    params: Vec<tables::Param>,
    rows: usize,
    statements: HashMap<String, Statement>,
}

/// The most parameters a statement is given (PostgreSQL takes 65,535).
const BATCH_PARAMS: usize = 16_000;

impl Batch<'_> {
    /// Adds a row (its columns and their values); sends the rows before it
    /// when its columns differ or the statement is full.
    fn add(
        &mut self,
        tx: &mut Transaction<'_>,
        names: Vec<String>,
        params: Vec<tables::Param>,
    ) -> Result<()> {
        if self.rows > 0 && (names != self.names || self.params.len() + params.len() > BATCH_PARAMS)
        {
            self.flush(tx)?;
        }
        self.names = names;
        self.params.extend(params);
        self.rows += 1;
        if self.names.is_empty() {
            // `DEFAULT VALUES` makes one row.
            self.flush(tx)?;
        }
        Ok(())
    }

    /// Inserts the rows held.
    fn flush(&mut self, tx: &mut Transaction<'_>) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let width = self.names.len();
        let values: Vec<String> = (0..self.rows)
            .map(|r| {
                let row: Vec<String> = (1..=width).map(|c| format!("${}", r * width + c)).collect();
                format!("({})", row.join(", "))
            })
            .collect();
        let sql = match width {
            0 => format!("INSERT INTO {} DEFAULT VALUES", self.table),
            _ => format!(
                "INSERT INTO {} ({}) VALUES {}",
                self.table,
                self.names.join(", "),
                values.join(", ")
            ),
        };
        let statement = match self.statements.get(&sql) {
            Some(s) => s.clone(),
            None => {
                let s = tx.prepare(&sql)?;
                self.statements.insert(sql, s.clone());
                s
            }
        };
        let refs: Vec<&(dyn ToSql + Sync)> = self.params.iter().map(|p| p.as_ref()).collect();
        tx.execute(&statement, &refs)?;
        self.params.clear();
        self.rows = 0;
        Ok(())
    }
}

/// A row of `table` in `source` that the database refused.
fn bad_row(source: &str, table: &str, e: Error) -> Error {
    match e {
        Error::ImportNotEmpty => e,
        e => Error::ImportBadRow {
            source_name: source.to_string(),
            table: table.to_string(),
            source: Box::new(e),
        },
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
