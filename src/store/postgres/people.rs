//! The register of people, on PostgreSQL (see `sqlite/people.rs`).

use chrono::NaiveDate;

use super::{PgDb, not_yet};
use crate::domain::error::Result;
use crate::domain::person::Person;
use crate::store::{Obligation, People, PersonRow};

impl People for PgDb<'_> {
    fn insert_person(&self, _person: &Person) -> Result<Person> {
        Err(not_yet("People::insert_person"))
    }

    fn person_by_code(&self, _code: &str) -> Result<Option<Person>> {
        Err(not_yet("People::person_by_code"))
    }

    fn people_named(&self, _key: &str, _exact: bool) -> Result<Vec<Person>> {
        Err(not_yet("People::people_named"))
    }

    fn people(&self, _search: Option<&str>) -> Result<Vec<PersonRow>> {
        Err(not_yet("People::people"))
    }

    fn end_person(&self, _id: i64, _on: NaiveDate) -> Result<()> {
        Err(not_yet("People::end_person"))
    }

    fn person_obligation(&self, _task_id: i64, _person_id: i64) -> Result<Option<Obligation>> {
        Err(not_yet("People::person_obligation"))
    }
}
