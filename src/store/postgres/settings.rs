//! The settings of the documents on PostgreSQL (see `sqlite/settings.rs`):
//! one row per key that is set.

use super::PgDb;
use crate::domain::error::Result;
use crate::store::Settings;

impl Settings for PgDb<'_> {
    fn settings(&self) -> Result<Vec<(String, String)>> {
        self.rows("SELECT name, value FROM setting ORDER BY name", &[])?
            .iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
            .collect()
    }

    fn set_setting(&self, key: &str, value: Option<&str>) -> Result<Option<String>> {
        let row: Option<(i64, String)> =
            match self.opt("SELECT id, value FROM setting WHERE name = $1", &[&key])? {
                Some(row) => Some((row.try_get(0)?, row.try_get(1)?)),
                None => None,
            };
        match (&row, value) {
            (Some((_, was)), Some(value)) if was == value => {}
            (Some((id, _)), Some(value)) => self.update_logged("setting", *id, |db| {
                db.exec("UPDATE setting SET value = $2 WHERE id = $1", &[id, &value])
            })?,
            (Some((id, _)), None) => self.delete_logged("setting", *id)?,
            (None, Some(value)) => {
                let id = self.int(
                    "INSERT INTO setting (name, value) VALUES ($1, $2) RETURNING id",
                    &[&key, &value],
                )?;
                self.log_insert("setting", id)?;
            }
            (None, None) => {}
        }
        Ok(row.map(|(_, was)| was))
    }
}
