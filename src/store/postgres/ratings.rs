//! The rules that check ratings, and the results they check, on PostgreSQL
//! (see `sqlite/ratings.rs`).

use chrono::NaiveDate;

use super::{PgDb, not_yet};
use crate::domain::error::Result;
use crate::domain::{Rating, Rules};
use crate::store::{RatingFact, Ratings};

impl Ratings for PgDb<'_> {
    fn set_founded(&self, _unit_id: i64, _on: NaiveDate) -> Result<()> {
        Err(not_yet("Ratings::set_founded"))
    }

    fn founded_on(&self, _unit_id: i64) -> Result<Option<NaiveDate>> {
        Err(not_yet("Ratings::founded_on"))
    }

    fn recorded_rating(&self, _obligation_id: i64) -> Result<(Option<Rating>, Option<String>)> {
        Err(not_yet("Ratings::recorded_rating"))
    }

    fn below_not_done_by(
        &self,
        _task_id: i64,
        _unit_id: i64,
        _on: NaiveDate,
    ) -> Result<Vec<(String, Option<NaiveDate>)>> {
        Err(not_yet("Ratings::below_not_done_by"))
    }

    fn done_above(&self, _task_id: i64, _unit_id: i64) -> Result<Vec<(String, NaiveDate)>> {
        Err(not_yet("Ratings::done_above"))
    }

    fn open_reviews_of_unit(&self, _unit_id: i64) -> Result<Vec<String>> {
        Err(not_yet("Ratings::open_reviews_of_unit"))
    }

    fn rules(&self) -> Result<Rules> {
        Err(not_yet("Ratings::rules"))
    }

    fn set_rule(&self, _name: &str, _value: &str) -> Result<String> {
        Err(not_yet("Ratings::set_rule"))
    }

    fn rating_facts(
        &self,
        _task: Option<i64>,
        _within: Option<i64>,
        _as_of: NaiveDate,
    ) -> Result<Vec<RatingFact>> {
        Err(not_yet("Ratings::rating_facts"))
    }
}
