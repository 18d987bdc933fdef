//! Ratings and the rules that check them.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::SqliteDb;
use crate::domain::error::{Error, Result};
use crate::domain::rating::{RULES, RuleError};
use crate::domain::{Rating, Rules};
use crate::store::{RatingFact, Ratings};

impl Ratings for SqliteDb<'_> {
    /// The rules in force: the stored values over the built-in defaults.
    fn rules(&self) -> Result<Rules> {
        let mut stmt = self.conn.prepare_cached("SELECT name, value FROM rule")?;
        let pairs: Vec<(String, String)> = stmt
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut rules = Rules::defaults();
        for (name, value) in &pairs {
            // A value stored by a newer version that this one cannot read keeps the default.
            let _ = rules.set(name, value);
        }
        Ok(rules)
    }

    /// Changes one rule (checked), logged. Returns the value it had.
    fn set_rule(&self, name: &str, value: &str) -> Result<String> {
        let mut rules = self.rules()?;
        let was = rules.value(name);
        if let Err(e) = rules.set(name, value) {
            match e {
                RuleError::Unknown(input) => {
                    return Err(Error::UnknownRule {
                        input,
                        accepted: RULES.iter().map(|r| r.name).collect(),
                    });
                }
                RuleError::Value(input, accepted) => {
                    return Err(Error::BadRuleValue {
                        name: name.to_string(),
                        input,
                        accepted,
                    });
                }
            }
        }
        let value = rules.value(name);
        if value == was {
            // The rule in force already: nothing to write.
            return Ok(was);
        }
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM rule WHERE name = ?1")?
            .query_row([name], |row| row.get(0))
            .optional()?;
        match id {
            Some(id) => self.update_logged("rule", id, |conn| {
                conn.prepare_cached("UPDATE rule SET value = ?2 WHERE id = ?1")?
                    .execute(params![id, value])
            })?,
            None => {
                self.conn
                    .prepare_cached("INSERT INTO rule (name, value) VALUES (?1, ?2)")?
                    .execute(params![name, value])?;
                self.log_insert("rule", self.conn.last_insert_rowid())?;
            }
        }
        Ok(was)
    }

    /// Every obligation of the rating tasks (`task`, else all of them), under
    /// `within` when given, as of `as_of`; by task, parent and unit.
    fn rating_facts(
        &self,
        task: Option<i64>,
        within: Option<i64>,
        as_of: NaiveDate,
    ) -> Result<Vec<RatingFact>> {
        let tree = self.tree(as_of)?;
        let units = tree.table();
        let sub = format!(
            "sub (id) AS (
                 SELECT :within WHERE :within IS NOT NULL
                 -- UNION, not UNION ALL: a unit met twice (a cycle in data
                 -- edited by hand) is not walked again.
                 UNION
                 SELECT u.id FROM {units} u JOIN sub ON u.parent_id = sub.id
             )"
        );
        let sql = format!(
            "{}
             -- A person is rated among the leaders of one committee: the
             -- one above their unit (their unit itself at the top).
             SELECT o.task_id, coalesce(pe.code, u.code), coalesce(pe.name, u.name),
                    CASE WHEN pe.id IS NULL THEN p.code ELSE coalesce(p.code, u.code) END,
                    CASE WHEN pe.id IS NULL THEN p.name ELSE coalesce(p.name, u.name) END,
                    CASE WHEN pe.id IS NULL THEN u.founded_on END, o.due_on,
                    o.completed_on, o.rating, o.not_rated_reason, o.forced
             FROM obligation o
             JOIN task t ON t.id = o.task_id
             JOIN {units} u ON u.id = o.unit_id
             LEFT JOIN {units} p ON p.id = u.parent_id
             LEFT JOIN person pe ON pe.id = o.person_id
             WHERE t.rated AND (:task IS NULL OR o.task_id = :task)
               AND (:within IS NULL OR o.unit_id IN (SELECT id FROM sub))
               AND (o.cancelled_on IS NULL OR o.cancelled_on > :as_of)
               AND (o.opened_on IS NULL OR o.opened_on <= :as_of)
             ORDER BY o.task_id, o.person_id IS NOT NULL, p.name_key, p.code, u.name_key, u.code,
                      pe.name_key",
            tree.with(&[&sub])
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::named_params! { ":task": task, ":within": within, ":as_of": as_of },
            |row| {
                let completed_on: Option<NaiveDate> = row.get(7)?;
                let done = completed_on.filter(|d| *d <= as_of);
                let rating: Option<String> = row.get(8)?;
                Ok(RatingFact {
                    task_id: row.get(0)?,
                    unit_code: row.get(1)?,
                    unit: row.get(2)?,
                    parent_code: row.get(3)?,
                    parent: row.get(4)?,
                    founded_on: row.get(5)?,
                    due_on: row.get(6)?,
                    completed_on: done,
                    rating: done.and(rating.as_deref().and_then(Rating::from_code)),
                    not_rated: done.and(row.get(9)?),
                    forced: done.is_some() && row.get::<_, bool>(10)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The units below `unit_id` (its whole subtree) that owe `task_id` and
    /// were not done by `on`, with the day each was done.
    fn below_not_done_by(
        &self,
        task_id: i64,
        unit_id: i64,
        on: NaiveDate,
    ) -> Result<Vec<(String, Option<NaiveDate>)>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH RECURSIVE below (id) AS (
                 SELECT id FROM unit WHERE parent_id = ?2
                 -- UNION, not UNION ALL: a unit met twice (a cycle in data
                 -- edited by hand) is not walked again.
                 UNION
                 SELECT u.id FROM unit u JOIN below b ON u.parent_id = b.id
             )
             SELECT u.name, o.completed_on FROM obligation o JOIN unit u ON u.id = o.unit_id
             WHERE o.task_id = ?1 AND o.unit_id IN (SELECT id FROM below)
               AND o.person_id IS NULL AND o.cancelled_on IS NULL
               AND (o.completed_on IS NULL OR o.completed_on > ?3)
             ORDER BY u.name_key",
        )?;
        let rows = stmt.query_map(params![task_id, unit_id, on], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The units above `unit_id` that have done `task_id`, with the day.
    fn done_above(&self, task_id: i64, unit_id: i64) -> Result<Vec<(String, NaiveDate)>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH RECURSIVE above (id) AS (
                 SELECT parent_id FROM unit WHERE id = ?2 AND parent_id IS NOT NULL
                 -- UNION, not UNION ALL: a unit met twice (a cycle in data
                 -- edited by hand) is not walked again.
                 UNION
                 SELECT u.parent_id FROM unit u JOIN above a ON u.id = a.id
                 WHERE u.parent_id IS NOT NULL
             )
             SELECT u.name, o.completed_on FROM obligation o JOIN unit u ON u.id = o.unit_id
             WHERE o.task_id = ?1 AND o.unit_id IN (SELECT id FROM above)
               AND o.person_id IS NULL AND o.cancelled_on IS NULL
               AND o.completed_on IS NOT NULL
             ORDER BY u.name_key",
        )?;
        let rows = stmt.query_map([task_id, unit_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The rating tasks a unit (as a collective) has not done yet.
    fn open_reviews_of_unit(&self, unit_id: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.code FROM obligation o JOIN task t ON t.id = o.task_id
             WHERE o.unit_id = ?1 AND o.person_id IS NULL AND t.rated
               AND o.completed_on IS NULL AND o.cancelled_on IS NULL
             ORDER BY t.id",
        )?;
        let codes = stmt.query_map([unit_id], |row| row.get(0))?;
        Ok(codes.collect::<rusqlite::Result<_>>()?)
    }

    /// The day a unit was founded, if recorded.
    fn founded_on(&self, unit_id: i64) -> Result<Option<NaiveDate>> {
        Ok(self
            .conn
            .prepare_cached("SELECT founded_on FROM unit WHERE id = ?1")?
            .query_row([unit_id], |row| row.get(0))?)
    }

    /// The rating recorded on an obligation, or why there is none.
    fn recorded_rating(&self, obligation_id: i64) -> Result<(Option<Rating>, Option<String>)> {
        let (code, reason): (Option<String>, Option<String>) = self
            .conn
            .prepare_cached("SELECT rating, not_rated_reason FROM obligation WHERE id = ?1")?
            .query_row([obligation_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok((code.as_deref().and_then(Rating::from_code), reason))
    }

    /// Records the day a unit was founded.
    fn set_founded(&self, unit_id: i64, on: NaiveDate) -> Result<()> {
        self.update_logged("unit", unit_id, |conn| {
            conn.prepare_cached("UPDATE unit SET founded_on = ?2 WHERE id = ?1")?
                .execute(params![unit_id, on])
        })
    }
}
