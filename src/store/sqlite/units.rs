//! Units: adding, finding by reference, listing in tree order.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::tree::Tree;
use super::{SqliteDb, now_stamp, parse_column};
use crate::domain::UnitKind;
use crate::domain::error::{Entity, Error, Result};
use crate::domain::unit::Unit;
use crate::store::{UnitRow, Units};
use crate::text::{collate, fold};

pub(super) const UNIT_COLUMNS: &str = "u.id, u.code, u.name, u.kind, u.parent_id";

pub(super) fn unit_from_row(row: &Row<'_>) -> rusqlite::Result<Unit> {
    let kind: String = row.get(3)?;
    Ok(Unit {
        id: row.get(0)?,
        code: row.get(1)?,
        name: row.get(2)?,
        kind: parse_column(&kind, UnitKind::from_slug, 3)?,
        parent_id: row.get(4)?,
    })
}

impl Units for SqliteDb<'_> {
    /// Records a unit. The caller has checked the code and the tree rule.
    fn insert_unit(
        &self,
        code: &str,
        name: &str,
        kind: UnitKind,
        parent_id: Option<i64>,
    ) -> Result<Unit> {
        let id = self.insert_unit_row(code, name, kind, parent_id)?;
        Ok(Unit {
            id,
            code: code.to_string(),
            name: name.to_string(),
            kind,
            parent_id,
        })
    }

    /// As `insert_unit`, returning only the new id (imports insert many).
    fn insert_unit_row(
        &self,
        code: &str,
        name: &str,
        kind: UnitKind,
        parent_id: Option<i64>,
    ) -> Result<i64> {
        // The code's uniqueness is the database's to keep; the message names
        // the unit that has it. (Imports check every row before inserting.)
        let inserted = self
            .conn
            .prepare_cached(
                "INSERT INTO unit (code, name, name_fold, name_key, kind, parent_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                code,
                name,
                fold(name),
                collate::sort_key(name),
                kind.slug(),
                parent_id,
                now_stamp()
            ]);
        if let Err(e) = inserted {
            if let Some(existing) = self.unit_by_code(code)? {
                return Err(Error::CodeTaken {
                    what: Entity::Unit,
                    code: code.to_string(),
                    holder: existing.name,
                });
            }
            return Err(e.into());
        }
        let id = self.conn.last_insert_rowid();
        self.log_insert("unit", id)?;
        Ok(id)
    }

    /// The unit with this code, in any letter case.
    fn unit_by_code(&self, code: &str) -> Result<Option<Unit>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {UNIT_COLUMNS} FROM unit u WHERE u.code = ?1"
            ))?
            .query_row([code], unit_from_row)
            .optional()?)
    }

    /// The unit with this id.
    fn unit(&self, id: i64) -> Result<Unit> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {UNIT_COLUMNS} FROM unit u WHERE u.id = ?1"
            ))?
            .query_row([id], unit_from_row)?)
    }

    /// The units whose name folds to exactly `key`, in Vietnamese order.
    fn units_named(&self, key: &str) -> Result<Vec<Unit>> {
        self.units_where("u.name_fold = ?1", key)
    }

    /// The units whose folded name contains `key`, in Vietnamese order.
    fn units_containing(&self, key: &str) -> Result<Vec<Unit>> {
        self.units_where("instr(u.name_fold, ?1) > 0", key)
    }

    /// Every unit in tree order: each unit followed by its subtree, siblings
    /// in Vietnamese order of name. `search` keeps the units whose code or
    /// name contains it (accents and case aside), still in tree order.
    fn units_in_tree_order(
        &self,
        search: Option<&str>,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<UnitRow>> {
        let tree = match as_of {
            Some(day) => self.tree(day)?,
            None => Tree::Current,
        };
        let units = tree.table();
        // A unit founded after the day was not there yet; one dissolved after
        // it still was.
        let sql = format!(
            "{} SELECT u.id, u.code, u.name, u.kind, u.parent_id, p.code, u.name_fold,
                    CASE WHEN :as_of IS NULL OR r.dissolved_on <= :as_of THEN r.dissolved_on END,
                    s.code, s.name
             FROM {units} u
             JOIN unit r ON r.id = u.id
             LEFT JOIN {units} p ON p.id = u.parent_id
             LEFT JOIN {units} s ON s.id = r.successor_id
             WHERE :as_of IS NULL OR r.founded_on IS NULL OR r.founded_on <= :as_of
             ORDER BY u.name_key, u.code",
            tree.with(&[])
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::named_params! { ":as_of": as_of }, |row| {
            let dissolved_on: Option<NaiveDate> = row.get(7)?;
            let successor = match (row.get(8)?, row.get(9)?) {
                (Some(code), Some(name)) if dissolved_on.is_some() => Some((code, name)),
                _ => None,
            };
            Ok((
                unit_from_row(row)?,
                row.get::<_, Option<String>>(5)?,
                row.get::<_, String>(6)?,
                dissolved_on,
                successor,
            ))
        })?;
        #[allow(clippy::type_complexity)]
        let all: Vec<(
            Unit,
            Option<String>,
            String,
            Option<NaiveDate>,
            Option<(String, String)>,
        )> = rows.collect::<rusqlite::Result<_>>()?;
        let index: std::collections::HashMap<i64, usize> = all
            .iter()
            .enumerate()
            .map(|(i, (u, ..))| (u.id, i))
            .collect();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); all.len()];
        let mut roots = Vec::new();
        for (i, (unit, ..)) in all.iter().enumerate() {
            match unit.parent_id.and_then(|p| index.get(&p)) {
                Some(&p) => children[p].push(i),
                None => roots.push(i),
            }
        }
        // A search finds a unit by a part of its name (either form of the
        // abbreviations clerks use), of its code, or of one of its other names.
        let forms: Option<Vec<String>> = search.map(|s| crate::text::abbrev::variants(&fold(s)));
        let mut aliases: foldhash::HashMap<i64, Vec<String>> = foldhash::HashMap::default();
        if forms.is_some() {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT unit_id, alias_fold FROM unit_alias")?;
            let rows = stmt.query_map([], |row| Ok((row.get::<_, i64>(0)?, row.get(1)?)))?;
            for row in rows {
                let (unit, alias) = row?;
                aliases.entry(unit).or_default().push(alias);
            }
        }
        let mut out = Vec::with_capacity(all.len());
        let mut reached = vec![false; all.len()];
        let mut stack: Vec<(usize, usize)> = roots.into_iter().rev().map(|i| (i, 0)).collect();
        while let Some((i, depth)) = stack.pop() {
            reached[i] = true;
            let (unit, parent_code, name_fold, dissolved_on, successor) = &all[i];
            let keep = forms.as_deref().is_none_or(|forms| {
                forms.iter().any(|k| {
                    name_fold.contains(k.as_str())
                        || (k.contains(' ')
                            && crate::text::words_in_order(
                                name_fold,
                                &k.split_whitespace().collect::<Vec<_>>(),
                            ))
                        || unit.code.to_ascii_lowercase().contains(k.as_str())
                        || aliases
                            .get(&unit.id)
                            .is_some_and(|a| a.iter().any(|a| a.contains(k.as_str())))
                })
            });
            if keep {
                out.push(UnitRow {
                    unit: unit.clone(),
                    parent_code: parent_code.clone(),
                    depth,
                    dissolved_on: *dissolved_on,
                    successor: successor.clone(),
                });
            }
            stack.extend(children[i].iter().rev().map(|&c| (c, depth + 1)));
        }
        // A unit that no walk down from a root reaches sits on a cycle, or
        // under one; up from it, the first unit met twice is on the cycle.
        if let Some(mut at) = reached.iter().position(|r| !r) {
            let mut seen = vec![false; all.len()];
            while !seen[at] {
                seen[at] = true;
                match all[at].0.parent_id.and_then(|p| index.get(&p)) {
                    Some(&parent) => at = parent,
                    None => break,
                }
            }
            return Err(Error::TreeCycle {
                unit: all[at].0.name.clone(),
            });
        }
        Ok(out)
    }

    /// Gives a unit a new name.
    fn rename_unit(&self, id: i64, name: &str) -> Result<()> {
        self.update_logged("unit", id, |conn| {
            conn.prepare_cached(
                "UPDATE unit SET name = ?2, name_fold = ?3, name_key = ?4 WHERE id = ?1",
            )?
            .execute(params![id, name, fold(name), collate::sort_key(name)])
        })
    }

    /// Puts a unit under another parent. The caller has checked the tree rule;
    /// a move under its own subtree is refused here.
    fn move_unit(&self, id: i64, parent_id: i64) -> Result<()> {
        let mut above = Some(parent_id);
        // A unit met twice on the way up: the tree has a cycle already
        // (hand-edited data), and the walk stops there.
        let mut seen = std::collections::HashSet::new();
        while let Some(at) = above {
            if at == id {
                return Err(Error::MoveCycle {
                    unit: self.unit(id)?.name,
                });
            }
            let unit = self.unit(at)?;
            if !seen.insert(at) {
                return Err(Error::TreeCycle { unit: unit.name });
            }
            above = unit.parent_id;
        }
        self.update_logged("unit", id, |conn| {
            conn.prepare_cached("UPDATE unit SET parent_id = ?2 WHERE id = ?1")?
                .execute(params![id, parent_id])
        })
    }

    /// Whether any unit is recorded.
    fn roots(&self) -> Result<Vec<Unit>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {UNIT_COLUMNS} FROM unit u
             WHERE u.parent_id IS NULL AND u.dissolved_on IS NULL ORDER BY u.name_key"
        ))?;
        let units = stmt.query_map([], unit_from_row)?;
        Ok(units.collect::<rusqlite::Result<_>>()?)
    }

    fn close_unit_state(&self, id: i64, on: NaiveDate) -> Result<()> {
        let since = self.unit_since(id)?;
        if since == Some(on) {
            return Ok(());
        }
        let until = on.pred_opt().unwrap_or(on);
        self.conn
            .prepare_cached(
                "INSERT INTO unit_past (unit_id, from_on, until_on, name, name_fold, name_key,
                                        kind, parent_id)
                 SELECT id, since_on, ?2, name, name_fold, name_key, kind, parent_id
                 FROM unit WHERE id = ?1",
            )?
            .execute(params![id, until])?;
        self.log_insert("unit_past", self.conn.last_insert_rowid())?;
        self.update_logged("unit", id, |conn| {
            conn.prepare_cached("UPDATE unit SET since_on = ?2 WHERE id = ?1")?
                .execute(params![id, on])
        })
    }

    fn tree_change_days(&self) -> Result<Vec<NaiveDate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date(until_on, '+1 day') FROM unit_past
             UNION SELECT dissolved_on FROM unit WHERE dissolved_on IS NOT NULL
             ORDER BY 1",
        )?;
        let days = stmt.query_map([], |row| row.get(0))?;
        Ok(days.collect::<rusqlite::Result<_>>()?)
    }

    fn unit_since(&self, id: i64) -> Result<Option<NaiveDate>> {
        Ok(self
            .conn
            .prepare_cached("SELECT since_on FROM unit WHERE id = ?1")?
            .query_row([id], |row| row.get(0))?)
    }

    fn set_unit_kind(&self, id: i64, kind: UnitKind) -> Result<()> {
        self.update_logged("unit", id, |conn| {
            conn.prepare_cached("UPDATE unit SET kind = ?2 WHERE id = ?1")?
                .execute(params![id, kind.slug()])
        })
    }

    fn unit_as_of(&self, id: i64, day: NaiveDate) -> Result<Unit> {
        let past = self
            .conn
            .prepare_cached(
                "SELECT h.unit_id, u.code, h.name, h.kind, h.parent_id
                 FROM unit_past h JOIN unit u ON u.id = h.unit_id
                 WHERE h.unit_id = ?1 AND h.until_on >= ?2
                   AND (h.from_on IS NULL OR h.from_on <= ?2)
                 ORDER BY h.until_on LIMIT 1",
            )?
            .query_row(params![id, day], unit_from_row)
            .optional()?;
        match past {
            Some(unit) => Ok(unit),
            None => self.unit(id),
        }
    }

    fn add_alias(&self, unit_id: i64, alias: &str) -> Result<bool> {
        let added = self
            .conn
            .prepare_cached(
                "INSERT INTO unit_alias (unit_id, alias, alias_fold) VALUES (?1, ?2, ?3)
                 ON CONFLICT (unit_id, alias_fold) DO NOTHING",
            )?
            .execute(params![unit_id, alias, fold(alias)])?;
        if added == 1 {
            self.log_insert("unit_alias", self.conn.last_insert_rowid())?;
        }
        Ok(added == 1)
    }

    fn remove_alias(&self, unit_id: i64, alias: &str) -> Result<bool> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM unit_alias WHERE unit_id = ?1 AND alias_fold = ?2")?
            .query_row(params![unit_id, fold(alias)], |row| row.get(0))
            .optional()?;
        let Some(id) = id else { return Ok(false) };
        self.delete_logged("unit_alias", id)?;
        Ok(true)
    }

    fn aliases(&self, unit_id: i64) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT alias FROM unit_alias WHERE unit_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([unit_id], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn units_aliased(&self, key: &str) -> Result<Vec<Unit>> {
        self.units_where(
            "u.id IN (SELECT unit_id FROM unit_alias WHERE alias_fold = ?1)",
            key,
        )
    }

    fn has_units(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM unit)", [], |row| row.get(0))?)
    }

    fn all_aliases(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT unit_id, alias FROM unit_alias ORDER BY unit_id, id")?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl SqliteDb<'_> {
    fn units_where(&self, condition: &str, key: &str) -> Result<Vec<Unit>> {
        let sql =
            format!("SELECT {UNIT_COLUMNS} FROM unit u WHERE {condition} ORDER BY u.name_key");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let units = stmt.query_map([key], unit_from_row)?;
        Ok(units.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SqliteStore as Store;
    use crate::store::Storage;

    #[test]
    fn tree_order_puts_children_under_parents() -> anyhow::Result<()> {
        let mut store = Store::open_in_memory()?;
        crate::store::write(&mut store, "test", "test", |db| -> Result<()> {
            let root = db.insert_unit(
                "st",
                "Đảng bộ thị xã Sơn Tây",
                UnitKind::DangBoCapTren,
                None,
            )?;
            let x = db.insert_unit(
                "xs",
                "Đảng bộ xã Xuân Sơn",
                UnitKind::DangBoCoSo,
                Some(root.id),
            )?;
            let d = db.insert_unit(
                "dl",
                "Đảng bộ xã Đường Lâm",
                UnitKind::DangBoCoSo,
                Some(root.id),
            )?;
            db.insert_unit("xs1", "Chi bộ thôn 1", UnitKind::ChiBoTrucThuoc, Some(x.id))?;
            db.insert_unit(
                "dl1",
                "Chi bộ thôn Mông Phụ",
                UnitKind::ChiBoTrucThuoc,
                Some(d.id),
            )?;
            Ok(())
        })?;
        let codes: Vec<(String, usize)> = store
            .read()
            .units_in_tree_order(None, None)?
            .into_iter()
            .map(|r| (r.unit.code, r.depth))
            .collect();
        let want = [("st", 0), ("dl", 1), ("dl1", 2), ("xs", 1), ("xs1", 2)];
        assert_eq!(codes, want.map(|(c, d)| (c.to_string(), d)).to_vec());
        Ok(())
    }
}
