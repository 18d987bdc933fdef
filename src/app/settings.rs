//! The settings of the committee's documents (`theodoi settings`): set,
//! removed, read. Keys and the rules of their values are in
//! `domain::setting`; here every line is also checked as any text a clerk
//! types.

use std::collections::BTreeMap;

use crate::domain::error::{Error, Field, Result};
use crate::domain::setting::{NO_SIGN_FORM, SettingKey, SettingProblem};
use crate::store::Db;

/// The settings in force: each key that is set, with its value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentSettings {
    values: BTreeMap<SettingKey, String>,
}

impl DocumentSettings {
    /// The value of `key`, if set.
    pub fn get(&self, key: SettingKey) -> Option<&str> {
        self.values.get(&key).map(String::as_str)
    }

    /// The lines of `key` (a Nơi nhận), none when it is not set.
    pub fn lines(&self, key: SettingKey) -> Vec<&str> {
        self.get(key)
            .map(|v| v.lines().collect())
            .unwrap_or_default()
    }

    /// Sets a value (for tests and the documents' examples).
    pub fn with(mut self, key: SettingKey, value: &str) -> DocumentSettings {
        self.values.insert(key, value.to_string());
        self
    }
}

/// One setting changed: its key, its value before and after (`None`: not set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingChange {
    pub key: SettingKey,
    pub was: Option<String>,
    pub now: Option<String>,
}

/// The settings stored. A key this version does not know (written by a
/// newer one) is left out.
pub fn read(db: &dyn Db) -> Result<DocumentSettings> {
    let values = db
        .settings()?
        .into_iter()
        .filter_map(|(key, value)| Some((SettingKey::from_slug(&key)?, value)))
        .collect();
    Ok(DocumentSettings { values })
}

/// The key a clerk typed.
pub fn key(input: &str) -> Result<SettingKey> {
    SettingKey::parse(input).ok_or_else(|| Error::UnknownSetting {
        input: input.trim().to_string(),
    })
}

/// The value to store for `key` from what the clerk gave: one text, or for
/// a Nơi nhận one or more (each may hold several lines).
pub fn value(key: SettingKey, given: &[&str]) -> Result<String> {
    let bad = |problem| Error::BadSetting {
        key,
        input: given.join(" "),
        problem,
    };
    let lines: Vec<String> = if key.lines() {
        given
            .iter()
            .flat_map(|g| g.lines())
            .filter(|l| !crate::text::is_blank(l))
            .map(|l| super::text(l, Field::Setting))
            .collect::<Result<_>>()?
    } else if given.len() == 1 && key == SettingKey::QuyenHan && is_dash(given[0]) {
        // No form of signing: a dash alone, which has no letter to check.
        vec![NO_SIGN_FORM.to_string()]
    } else if given.len() == 1 {
        vec![super::text(given[0], Field::Setting)?]
    } else {
        return Err(bad(SettingProblem::OneLine));
    };
    key.value(&lines).map_err(bad)
}

fn is_dash(s: &str) -> bool {
    matches!(s.trim(), "-" | "–" | "—")
}

/// Sets `key` to the value the clerk gave; `Error::NothingChanged` when it
/// had that value already.
pub fn set(db: &dyn Db, key_input: &str, given: &[&str]) -> Result<SettingChange> {
    let key = key(key_input)?;
    let now = value(key, given)?;
    let was = db.set_setting(key.slug(), Some(&now))?;
    Ok(SettingChange {
        key,
        was,
        now: Some(now),
    })
}

/// Removes `key`: the documents leave `…` there again.
pub fn unset(db: &dyn Db, key_input: &str) -> Result<SettingChange> {
    let key = key(key_input)?;
    let was = db.set_setting(key.slug(), None)?;
    Ok(SettingChange {
        key,
        was,
        now: None,
    })
}

/// A value as an export holds it, checked as `set` checks it: the value
/// `set` would store, or why it is refused.
pub fn stored_value(key: SettingKey, stored: &str) -> Result<String> {
    let lines: Vec<&str> = if key.lines() {
        stored.lines().collect()
    } else {
        vec![stored]
    };
    value(key, &lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::change;
    use crate::store::{SqliteStore, Storage};

    #[test]
    fn settings_are_set_read_and_removed() -> Result<()> {
        let mut store = SqliteStore::open_in_memory()?;
        let set_one = change(&mut store, |db| set(db, "Cấp trên", &["Thị ủy Sơn Tây"]))?;
        assert_eq!((set_one.key, set_one.was), (SettingKey::CapTren, None));
        change(&mut store, |db| {
            set(
                db,
                "noi nhan",
                &[
                    "- Thường trực Thị ủy (để báo cáo),\n- Các đảng bộ, chi bộ cơ sở,",
                    "- Lưu Ban Tổ chức.",
                ],
            )
        })?;
        let again = change(&mut store, |db| set(db, "cap-tren", &["Thị ủy Sơn Tây"]));
        assert!(matches!(again, Err(Error::NothingChanged)), "{again:?}");
        let read_back = read(&*store.read())?;
        assert_eq!(read_back.get(SettingKey::CapTren), Some("Thị ủy Sơn Tây"));
        assert_eq!(
            read_back.lines(SettingKey::NoiNhan),
            [
                "Thường trực Thị ủy (để báo cáo)",
                "Các đảng bộ, chi bộ cơ sở",
                "Lưu Ban Tổ chức"
            ]
        );
        let removed = change(&mut store, |db| unset(db, "cap_tren"))?;
        assert_eq!(removed.was.as_deref(), Some("Thị ủy Sơn Tây"));
        assert_eq!(read(&*store.read())?.get(SettingKey::CapTren), None);
        Ok(())
    }

    #[test]
    fn bad_keys_and_values_are_refused() -> Result<()> {
        let mut store = SqliteStore::open_in_memory()?;
        let unknown = change(&mut store, |db| set(db, "ngày", &["x"]));
        assert!(
            matches!(unknown, Err(Error::UnknownSetting { .. })),
            "{unknown:?}"
        );
        let two = change(&mut store, |db| set(db, "dia-danh", &["Sơn Tây", "Hà Nội"]));
        assert!(
            matches!(
                two,
                Err(Error::BadSetting {
                    problem: SettingProblem::OneLine,
                    ..
                })
            ),
            "{two:?}"
        );
        let control = change(&mut store, |db| set(db, "nguoi-ky", &["Nguyễn\u{1b}[31m"]));
        assert!(
            matches!(control, Err(Error::BadCharacter { .. })),
            "{control:?}"
        );
        assert_eq!(read(&*store.read())?, DocumentSettings::default());
        Ok(())
    }
}
