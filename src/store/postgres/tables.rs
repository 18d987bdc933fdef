//! Every table of the database, as `sqlite/tables.rs` lists them, and what
//! moves rows between the database and JSON (the change log, export):
//! columns read by their type, values bound by the type of their column.

use postgres::Row;
use postgres::types::{ToSql, Type};
use serde_json::{Map, Value};

use crate::domain::error::{Error, Result};
use crate::text::{collate, fold};

/// One table and what becomes of its rows (see `sqlite/tables.rs`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Table {
    pub name: &'static str,
    pub logged: bool,
    pub exported: bool,
}

const fn table(name: &'static str, logged: bool, exported: bool) -> Table {
    Table {
        name,
        logged,
        exported,
    }
}

/// Every table, parents before children. Names come only from here, never
/// from input, so they can be written into SQL.
pub(super) const TABLES: &[Table] = &[
    table("meta", false, true),
    table("directive", true, true),
    table("unit", true, true),
    table("unit_past", true, true),
    table("unit_alias", true, true),
    table("person", true, true),
    table("task", true, true),
    table("task_due", true, true),
    table("obligation", true, true),
    table("rule", true, true),
    table("setting", true, true),
    table("change", false, true),
    table("change_row", false, true),
    table("open_by_due", false, false),
    table("office", false, false),
    table("change_login", false, false),
    table("unit_order", false, false),
];

/// The tables the change log records, by name.
pub(super) fn logged(name: &str) -> Option<&'static str> {
    TABLES
        .iter()
        .find(|t| t.logged && t.name == name)
        .map(|t| t.name)
}

/// The tables export writes and import restores, in order.
pub(super) fn exported() -> impl Iterator<Item = &'static str> {
    TABLES.iter().filter(|t| t.exported).map(|t| t.name)
}

/// How a derived column is computed from its source column.
#[derive(Debug, Clone, Copy)]
enum Derivation {
    Fold,
    SortKey,
}

/// The columns computed from others: (table, column, source, how), as in
/// `sqlite/portable.rs`. Never taken from an export or from the log.
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

/// Sets the derived columns of one row of `table` (a JSON object, as a
/// snapshot or an export has it) from their sources.
pub(super) fn derive(table: &str, row: &mut Map<String, Value>) {
    for &(_, column, source, how) in DERIVED.iter().filter(|d| d.0 == table) {
        let Some(Value::String(text)) = row.get(source) else {
            continue;
        };
        let value = match how {
            Derivation::Fold => Value::String(fold(text)),
            Derivation::SortKey => blob(&collate::sort_key(text)),
        };
        row.insert(column.to_string(), value);
    }
}

/// Bytes as JSON: `{"$blob": hex}`, as SQLite's store writes them.
pub(super) fn blob(bytes: &[u8]) -> Value {
    serde_json::json!({ "$blob": hex::encode(bytes) })
}

/// Column `i` of a row as JSON: numbers, text, `{"$blob": hex}`, null.
pub(super) fn to_json(row: &Row, i: usize) -> Result<Value> {
    let ty = row.columns()[i].type_();
    Ok(if *ty == Type::INT8 {
        row.try_get::<_, Option<i64>>(i)?
            .map_or(Value::Null, Value::from)
    } else if *ty == Type::INT4 {
        row.try_get::<_, Option<i32>>(i)?
            .map_or(Value::Null, Value::from)
    } else if *ty == Type::BYTEA {
        row.try_get::<_, Option<Vec<u8>>>(i)?
            .map_or(Value::Null, |b| blob(&b))
    } else if *ty == Type::BOOL {
        row.try_get::<_, Option<bool>>(i)?
            .map_or(Value::Null, |b| Value::from(i64::from(b)))
    } else {
        row.try_get::<_, Option<String>>(i)?
            .map_or(Value::Null, Value::String)
    })
}

/// A whole row as a JSON object, its id also as `$rowid` (the shape of
/// SQLite's snapshots and exports).
pub(super) fn row_json(row: &Row) -> Result<Map<String, Value>> {
    let mut object = Map::new();
    for (i, column) in row.columns().iter().enumerate() {
        let value = to_json(row, i)?;
        if column.name() == "id" {
            object.insert("$rowid".to_string(), value.clone());
        }
        object.insert(column.name().to_string(), value);
    }
    Ok(object)
}

/// A parameter for a column of type `ty` from a JSON value.
pub(super) type Param = Box<dyn ToSql + Sync>;

/// The value `value` as a parameter for a column of type `ty`.
pub(super) fn param(ty: &Type, value: &Value) -> Result<Param> {
    let bad = || Error::storage(super::BadValue(format!("{value} for a column of {ty}")));
    Ok(if *ty == Type::INT8 {
        Box::new(match value {
            Value::Null => None,
            Value::Bool(b) => Some(i64::from(*b)),
            Value::Number(n) => Some(n.as_i64().ok_or_else(bad)?),
            Value::String(s) => Some(s.parse::<i64>().map_err(|_| bad())?),
            _ => return Err(bad()),
        })
    } else if *ty == Type::BYTEA {
        Box::new(match value {
            Value::Null => None,
            Value::Object(o) => Some(
                o.get("$blob")
                    .and_then(Value::as_str)
                    .and_then(|h| hex::decode(h).ok())
                    .ok_or_else(bad)?,
            ),
            _ => return Err(bad()),
        })
    } else {
        Box::new(match value {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        })
    })
}
