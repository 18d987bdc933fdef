//! The settings of the documents: one row per key that is set.

use rusqlite::{OptionalExtension, params};

use super::SqliteDb;
use crate::domain::error::Result;
use crate::store::Settings;

impl Settings for SqliteDb<'_> {
    fn settings(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, value FROM setting ORDER BY name")?;
        let pairs = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(pairs.collect::<rusqlite::Result<_>>()?)
    }

    /// Inserts, updates or deletes the row, logged. A value as it was is no
    /// change (nothing is logged).
    fn set_setting(&self, key: &str, value: Option<&str>) -> Result<Option<String>> {
        let row: Option<(i64, String)> = self
            .conn
            .prepare_cached("SELECT id, value FROM setting WHERE name = ?1")?
            .query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        match (&row, value) {
            (Some((_, was)), Some(value)) if was == value => {}
            (Some((id, _)), Some(value)) => self.update_logged("setting", *id, |conn| {
                conn.prepare_cached("UPDATE setting SET value = ?2 WHERE id = ?1")?
                    .execute(params![id, value])
            })?,
            (Some((id, _)), None) => self.delete_logged("setting", *id)?,
            (None, Some(value)) => {
                self.conn
                    .prepare_cached("INSERT INTO setting (name, value) VALUES (?1, ?2)")?
                    .execute(params![key, value])?;
                self.log_insert("setting", self.conn.last_insert_rowid())?;
            }
            (None, None) => {}
        }
        Ok(row.map(|(_, was)| was))
    }
}
