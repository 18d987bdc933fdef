//! The rules that check ratings, and the results they check, on PostgreSQL
//! (see `sqlite/ratings.rs`).

use chrono::NaiveDate;

use super::reports::{numbered, refs};
use super::{PgDb, date_at, day_at, flag_at, iso};
use crate::domain::error::{Error, Result};
use crate::domain::rating::{RULES, RuleError};
use crate::domain::{Rating, Rules};
use crate::store::{RatingFact, Ratings};

impl Ratings for PgDb<'_> {
    fn set_founded(&self, unit_id: i64, on: NaiveDate) -> Result<()> {
        self.update_logged("unit", unit_id, |db| {
            db.exec(
                "UPDATE unit SET founded_on = $2 WHERE id = $1",
                &[&unit_id, &iso(on)],
            )
        })
    }

    fn founded_on(&self, unit_id: i64) -> Result<Option<NaiveDate>> {
        let row = self.one("SELECT founded_on FROM unit WHERE id = $1", &[&unit_id])?;
        date_at(&row, 0)
    }

    fn recorded_rating(&self, obligation_id: i64) -> Result<(Option<Rating>, Option<String>)> {
        let row = self.one(
            "SELECT rating, not_rated_reason FROM obligation WHERE id = $1",
            &[&obligation_id],
        )?;
        let code: Option<&str> = row.try_get(0)?;
        Ok((code.and_then(Rating::from_code), row.try_get(1)?))
    }

    fn below_not_done_by(
        &self,
        task_id: i64,
        unit_id: i64,
        on: NaiveDate,
    ) -> Result<Vec<(String, Option<NaiveDate>)>> {
        self.rows(
            "WITH RECURSIVE below (id) AS (
                 SELECT id FROM unit WHERE parent_id = $2
                 -- UNION, not UNION ALL: a unit met twice (a cycle in data
                 -- edited by hand) is not walked again.
                 UNION
                 SELECT u.id FROM unit u JOIN below b ON u.parent_id = b.id
             )
             SELECT u.name, o.completed_on FROM obligation o JOIN unit u ON u.id = o.unit_id
             WHERE o.task_id = $1 AND o.unit_id IN (SELECT id FROM below)
               AND o.person_id IS NULL AND o.cancelled_on IS NULL
               AND (o.completed_on IS NULL OR o.completed_on > $3)
             ORDER BY u.name_key",
            &[&task_id, &unit_id, &iso(on)],
        )?
        .iter()
        .map(|row| Ok((row.try_get(0)?, date_at(row, 1)?)))
        .collect()
    }

    fn done_above(&self, task_id: i64, unit_id: i64) -> Result<Vec<(String, NaiveDate)>> {
        self.rows(
            "WITH RECURSIVE above (id) AS (
                 SELECT parent_id FROM unit WHERE id = $2 AND parent_id IS NOT NULL
                 -- UNION, not UNION ALL: a unit met twice (a cycle in data
                 -- edited by hand) is not walked again.
                 UNION
                 SELECT u.parent_id FROM unit u JOIN above a ON u.id = a.id
                 WHERE u.parent_id IS NOT NULL
             )
             SELECT u.name, o.completed_on FROM obligation o JOIN unit u ON u.id = o.unit_id
             WHERE o.task_id = $1 AND o.unit_id IN (SELECT id FROM above)
               AND o.person_id IS NULL AND o.cancelled_on IS NULL
               AND o.completed_on IS NOT NULL
             ORDER BY u.name_key",
            &[&task_id, &unit_id],
        )?
        .iter()
        .map(|row| Ok((row.try_get(0)?, day_at(row, 1)?)))
        .collect()
    }

    fn open_reviews_of_unit(&self, unit_id: i64) -> Result<Vec<String>> {
        self.rows(
            "SELECT t.code FROM obligation o JOIN task t ON t.id = o.task_id
             WHERE o.unit_id = $1 AND o.person_id IS NULL AND t.rated <> 0
               AND o.completed_on IS NULL AND o.cancelled_on IS NULL
             ORDER BY t.id",
            &[&unit_id],
        )?
        .iter()
        .map(|row| Ok(row.try_get(0)?))
        .collect()
    }

    fn rules(&self) -> Result<Rules> {
        let mut rules = Rules::defaults();
        for row in self.rows("SELECT name, value FROM rule", &[])? {
            // A value stored by a newer version that this one cannot read keeps the default.
            let _ = rules.set(row.try_get(0)?, row.try_get(1)?);
        }
        Ok(rules)
    }

    fn set_rule(&self, name: &str, value: &str) -> Result<String> {
        let mut rules = self.rules()?;
        let was = rules.value(name);
        if let Err(e) = rules.set(name, value) {
            return Err(match e {
                RuleError::Unknown(input) => Error::UnknownRule {
                    input,
                    accepted: RULES.iter().map(|r| r.name).collect(),
                },
                RuleError::Value(input, accepted) => Error::BadRuleValue {
                    name: name.to_string(),
                    input,
                    accepted,
                },
            });
        }
        let value = rules.value(name);
        if value == was {
            // The rule in force already: nothing to write.
            return Ok(was);
        }
        let id: Option<i64> = self
            .opt("SELECT id FROM rule WHERE name = $1", &[&name])?
            .map(|row| row.try_get(0))
            .transpose()?;
        match id {
            Some(id) => self.update_logged("rule", id, |db| {
                db.exec("UPDATE rule SET value = $2 WHERE id = $1", &[&id, &value])
            })?,
            None => {
                let id = self.int(
                    "INSERT INTO rule (name, value) VALUES ($1, $2) RETURNING id",
                    &[&name, &value],
                )?;
                self.log_insert("rule", id)?;
            }
        }
        Ok(was)
    }

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
                 SELECT :within::BIGINT WHERE :within::BIGINT IS NOT NULL
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
             WHERE t.rated <> 0 AND (:task::BIGINT IS NULL OR o.task_id = :task::BIGINT)
               AND (:within::BIGINT IS NULL OR o.unit_id IN (SELECT id FROM sub))
               AND (o.cancelled_on IS NULL OR o.cancelled_on > :as_of)
               AND (o.opened_on IS NULL OR o.opened_on <= :as_of)
             ORDER BY o.task_id, o.person_id IS NOT NULL, p.name_key NULLS FIRST,
                      lower(p.code) NULLS FIRST, u.name_key, lower(u.code), pe.name_key NULLS FIRST",
            tree.with(&[&sub])
        );
        let (sql, values) = numbered(
            &sql,
            vec![
                (":task", Box::new(task)),
                (":within", Box::new(within)),
                (":as_of", Box::new(iso(as_of))),
            ],
        );
        self.rows(&sql, &refs(&values))?
            .iter()
            .map(|row| {
                let done = date_at(row, 7)?.filter(|d| *d <= as_of);
                let rating: Option<&str> = row.try_get(8)?;
                Ok(RatingFact {
                    task_id: row.try_get(0)?,
                    unit_code: row.try_get(1)?,
                    unit: row.try_get(2)?,
                    parent_code: row.try_get(3)?,
                    parent: row.try_get(4)?,
                    founded_on: date_at(row, 5)?,
                    due_on: day_at(row, 6)?,
                    completed_on: done,
                    rating: done.and(rating.and_then(Rating::from_code)),
                    not_rated: done.and(row.try_get(9)?),
                    forced: done.is_some() && flag_at(row, 10)?,
                })
            })
            .collect()
    }
}
