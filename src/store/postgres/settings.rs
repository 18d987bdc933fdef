//! The settings of the documents on PostgreSQL (see `sqlite/settings.rs`).

use super::{PgDb, not_yet};
use crate::domain::error::Result;
use crate::store::Settings;

impl Settings for PgDb<'_> {
    fn settings(&self) -> Result<Vec<(String, String)>> {
        Err(not_yet("Settings::settings"))
    }

    fn set_setting(&self, _key: &str, _value: Option<&str>) -> Result<Option<String>> {
        Err(not_yet("Settings::set_setting"))
    }
}
