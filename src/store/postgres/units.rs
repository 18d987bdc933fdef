//! Units on PostgreSQL (see `sqlite/units.rs`).

use chrono::NaiveDate;
use postgres::Row;

use super::tree::Tree;
use super::{PgDb, date_at, iso, iso_opt, now_stamp, parse_column};
use crate::domain::UnitKind;
use crate::domain::error::{Entity, Error, Result};
use crate::domain::unit::Unit;
use crate::store::{UnitRow, Units};
use crate::text::{collate, fold};

/// The columns `unit_from_row` reads, of a unit `u`.
pub(super) const UNIT_COLUMNS: &str = "u.id, u.code, u.name, u.kind, u.parent_id";

/// A unit from the columns `UNIT_COLUMNS` (from column 0).
pub(super) fn unit_from_row(row: &Row) -> Result<Unit> {
    Ok(Unit {
        id: row.try_get(0)?,
        code: row.try_get(1)?,
        name: row.try_get(2)?,
        kind: parse_column(row, 3, UnitKind::from_slug)?,
        parent_id: row.try_get(4)?,
    })
}

impl Units for PgDb<'_> {
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

    fn insert_unit_row(
        &self,
        code: &str,
        name: &str,
        kind: UnitKind,
        parent_id: Option<i64>,
    ) -> Result<i64> {
        // A refused statement spoils the transaction on PostgreSQL: the code
        // is checked first (writers are serialised, nobody takes it between).
        if let Some(existing) = self.unit_by_code(code)? {
            return Err(Error::CodeTaken {
                what: Entity::Unit,
                code: code.to_string(),
                holder: existing.name,
            });
        }
        let id = self.int(
            "INSERT INTO unit (code, name, name_fold, name_key, kind, parent_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            &[
                &code,
                &name,
                &fold(name),
                &collate::sort_key(name),
                &kind.slug(),
                &parent_id,
                &now_stamp(),
            ],
        )?;
        self.log_insert("unit", id)?;
        Ok(id)
    }

    fn unit_by_code(&self, code: &str) -> Result<Option<Unit>> {
        self.opt(
            &format!("SELECT {UNIT_COLUMNS} FROM unit u WHERE lower(u.code) = lower($1)"),
            &[&code],
        )?
        .as_ref()
        .map(unit_from_row)
        .transpose()
    }

    fn unit(&self, id: i64) -> Result<Unit> {
        match self.opt(
            &format!("SELECT {UNIT_COLUMNS} FROM unit u WHERE u.id = $1"),
            &[&id],
        )? {
            Some(row) => unit_from_row(&row),
            None => Err(Error::not_found(Entity::Unit, &format!("#{id}"))),
        }
    }

    fn units_named(&self, key: &str) -> Result<Vec<Unit>> {
        self.units_where("u.name_fold = $1", key)
    }

    fn units_containing(&self, key: &str) -> Result<Vec<Unit>> {
        self.units_where("strpos(u.name_fold, $1) > 0", key)
    }

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
        let sql = format!(
            "{} SELECT u.id, u.code, u.name, u.kind, u.parent_id, p.code, u.name_fold,
                    CASE WHEN $1::TEXT IS NULL OR r.dissolved_on <= $1::TEXT THEN r.dissolved_on END,
                    s.code, s.name
             FROM {units} u
             JOIN unit r ON r.id = u.id
             LEFT JOIN {units} p ON p.id = u.parent_id
             LEFT JOIN {units} s ON s.id = r.successor_id
             WHERE $1::TEXT IS NULL OR r.founded_on IS NULL OR r.founded_on <= $1::TEXT
             ORDER BY u.name_key, lower(u.code)",
            tree.with(&[])
        );
        #[allow(clippy::type_complexity)]
        let all: Vec<(
            Unit,
            Option<String>,
            String,
            Option<NaiveDate>,
            Option<(String, String)>,
        )> = self
            .rows(&sql, &[&iso_opt(as_of)])?
            .iter()
            .map(|row| {
                let dissolved_on = date_at(row, 7)?;
                let successor = match (row.try_get(8)?, row.try_get(9)?) {
                    (Some(code), Some(name)) if dissolved_on.is_some() => Some((code, name)),
                    _ => None,
                };
                Ok((
                    unit_from_row(row)?,
                    row.try_get::<_, Option<String>>(5)?,
                    row.try_get::<_, String>(6)?,
                    dissolved_on,
                    successor,
                ))
            })
            .collect::<Result<_>>()?;
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
        let forms: Option<Vec<String>> = search.map(|s| crate::text::abbrev::variants(&fold(s)));
        let mut aliases: foldhash::HashMap<i64, Vec<String>> = foldhash::HashMap::default();
        if forms.is_some() {
            for row in self.rows("SELECT unit_id, alias_fold FROM unit_alias", &[])? {
                aliases
                    .entry(row.try_get::<_, i64>(0)?)
                    .or_default()
                    .push(row.try_get(1)?);
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

    fn rename_unit(&self, id: i64, name: &str) -> Result<()> {
        self.update_logged("unit", id, |db| {
            db.exec(
                "UPDATE unit SET name = $2, name_fold = $3, name_key = $4 WHERE id = $1",
                &[&id, &name, &fold(name), &collate::sort_key(name)],
            )
        })
    }

    fn move_unit(&self, id: i64, parent_id: i64) -> Result<()> {
        let mut above = Some(parent_id);
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
        self.update_logged("unit", id, |db| {
            db.exec(
                "UPDATE unit SET parent_id = $2 WHERE id = $1",
                &[&id, &parent_id],
            )
        })
    }

    fn roots(&self) -> Result<Vec<Unit>> {
        self.rows(
            &format!(
                "SELECT {UNIT_COLUMNS} FROM unit u
                 WHERE u.parent_id IS NULL AND u.dissolved_on IS NULL ORDER BY u.name_key"
            ),
            &[],
        )?
        .iter()
        .map(unit_from_row)
        .collect()
    }

    fn close_unit_state(&self, id: i64, on: NaiveDate) -> Result<()> {
        let since = self.unit_since(id)?;
        if since == Some(on) {
            return Ok(());
        }
        let until = on.pred_opt().unwrap_or(on);
        let past = self.int(
            "INSERT INTO unit_past (unit_id, from_on, until_on, name, name_fold, name_key,
                                    kind, parent_id)
             SELECT id, since_on, $2, name, name_fold, name_key, kind, parent_id
             FROM unit WHERE id = $1 RETURNING id",
            &[&id, &iso(until)],
        )?;
        self.log_insert("unit_past", past)?;
        self.update_logged("unit", id, |db| {
            db.exec(
                "UPDATE unit SET since_on = $2 WHERE id = $1",
                &[&id, &iso(on)],
            )
        })
    }

    fn tree_change_days(&self) -> Result<Vec<NaiveDate>> {
        self.rows(
            "SELECT to_char(until_on::date + 1, 'YYYY-MM-DD') COLLATE \"C\" FROM unit_past
             UNION SELECT dissolved_on FROM unit WHERE dissolved_on IS NOT NULL
             ORDER BY 1",
            &[],
        )?
        .iter()
        .map(|row| super::day_at(row, 0))
        .collect()
    }

    fn unit_since(&self, id: i64) -> Result<Option<NaiveDate>> {
        match self.opt("SELECT since_on FROM unit WHERE id = $1", &[&id])? {
            Some(row) => date_at(&row, 0),
            None => Err(Error::not_found(Entity::Unit, &format!("#{id}"))),
        }
    }

    fn set_unit_kind(&self, id: i64, kind: UnitKind) -> Result<()> {
        self.update_logged("unit", id, |db| {
            db.exec(
                "UPDATE unit SET kind = $2 WHERE id = $1",
                &[&id, &kind.slug()],
            )
        })
    }

    fn unit_as_of(&self, id: i64, day: NaiveDate) -> Result<Unit> {
        let past = self.opt(
            "SELECT h.unit_id, u.code, h.name, h.kind, h.parent_id
             FROM unit_past h JOIN unit u ON u.id = h.unit_id
             WHERE h.unit_id = $1 AND h.until_on >= $2
               AND (h.from_on IS NULL OR h.from_on <= $2)
             ORDER BY h.until_on LIMIT 1",
            &[&id, &iso(day)],
        )?;
        match past {
            Some(row) => unit_from_row(&row),
            None => self.unit(id),
        }
    }

    fn add_alias(&self, unit_id: i64, alias: &str) -> Result<bool> {
        let added = self.opt(
            "INSERT INTO unit_alias (unit_id, alias, alias_fold) VALUES ($1, $2, $3)
             ON CONFLICT (unit_id, alias_fold) DO NOTHING RETURNING id",
            &[&unit_id, &alias, &fold(alias)],
        )?;
        match added {
            Some(row) => {
                self.log_insert("unit_alias", row.try_get(0)?)?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    fn remove_alias(&self, unit_id: i64, alias: &str) -> Result<bool> {
        let found = self.opt(
            "SELECT id FROM unit_alias WHERE unit_id = $1 AND alias_fold = $2",
            &[&unit_id, &fold(alias)],
        )?;
        let Some(row) = found else { return Ok(false) };
        self.delete_logged("unit_alias", row.try_get(0)?)?;
        Ok(true)
    }

    fn aliases(&self, unit_id: i64) -> Result<Vec<String>> {
        self.rows(
            "SELECT alias FROM unit_alias WHERE unit_id = $1 ORDER BY id",
            &[&unit_id],
        )?
        .iter()
        .map(|row| Ok(row.try_get(0)?))
        .collect()
    }

    fn units_aliased(&self, key: &str) -> Result<Vec<Unit>> {
        self.units_where(
            "u.id IN (SELECT unit_id FROM unit_alias WHERE alias_fold = $1)",
            key,
        )
    }

    fn has_units(&self) -> Result<bool> {
        Ok(self
            .one("SELECT EXISTS (SELECT 1 FROM unit)", &[])?
            .try_get(0)?)
    }

    fn all_aliases(&self) -> Result<Vec<(i64, String)>> {
        self.rows(
            "SELECT unit_id, alias FROM unit_alias ORDER BY unit_id, id",
            &[],
        )?
        .iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .collect()
    }
}

impl PgDb<'_> {
    fn units_where(&self, condition: &str, key: &str) -> Result<Vec<Unit>> {
        let sql =
            format!("SELECT {UNIT_COLUMNS} FROM unit u WHERE {condition} ORDER BY u.name_key");
        self.rows(&sql, &[&key])?
            .iter()
            .map(unit_from_row)
            .collect()
    }
}
