//! The register of people: the leaders the Standing Committee manages.

use chrono::NaiveDate;

use super::{code, resolve_person, resolve_unit, text};
use crate::domain::error::{DateRule, DateSubject, Error, Field, Result, RowProblem};
use crate::domain::person::Person;
use crate::store::Db;
use crate::text::{fold, slug};

/// A person to add, as the clerk gives them.
#[derive(Debug, Clone, Default)]
pub struct NewPerson<'a> {
    pub name: &'a str,
    pub position: &'a str,
    /// The unit they serve in.
    pub unit: &'a str,
    pub from: Option<NaiveDate>,
    /// Their code (default: made from the name).
    pub code: Option<&'a str>,
}

/// Refuses a new person whose name (spaces, case, accents and invisible
/// characters aside) is that of someone in post in the same unit: most
/// often the same person typed twice; `--same-name` skips it.
pub fn refuse_same_person(db: &dyn Db, new: &NewPerson<'_>) -> Result<()> {
    let name = text(new.name, Field::PersonName)?;
    let unit = resolve_unit(db, new.unit)?;
    let key = crate::text::fold(&name);
    if let Some(same) = db
        .people_named(&key, true)?
        .into_iter()
        .find(|p| p.unit_id == unit.id && p.to_on.is_none())
    {
        return Err(Error::PersonTaken {
            person: format!("{}, {}", same.name, same.position),
            unit: unit.name,
            code: same.code,
        });
    }
    Ok(())
}

/// Records one person.
pub fn add(db: &dyn Db, new: &NewPerson<'_>) -> Result<Person> {
    let name = text(new.name, Field::PersonName)?;
    let position = text(new.position, Field::Position)?;
    let unit = resolve_unit(db, new.unit)?;
    db.may_write_for(unit.id)?;
    let code = match new.code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => code(c)?,
        None => {
            let stem = slug(&name);
            let mut code = stem.clone();
            let mut n = 2;
            while db.person_by_code(&code)?.is_some() {
                code = format!("{stem}-{n}");
                n += 1;
            }
            code
        }
    };
    db.insert_person(&Person {
        id: 0,
        code,
        name,
        position,
        unit_id: unit.id,
        from_on: new.from,
        to_on: None,
    })
}

/// Records the last day of a person in their post; a day before they took
/// it is refused unless `force`. What they still owed stops being tracked
/// from that day, with `reason`; returns the person and how many stopped.
pub fn leave(
    db: &dyn Db,
    reference: &str,
    on: NaiveDate,
    reason: &str,
    force: bool,
) -> Result<(Person, usize)> {
    let person = resolve_person(db, reference)?;
    db.may_write_for(person.unit_id)?;
    if let Some(from) = person.from_on.filter(|from| on < *from && !force) {
        return Err(Error::DateOrder {
            rule: DateRule::LeaveBeforeJoin,
            date: on,
            limit: from,
            subject: DateSubject::Named(person.name),
        });
    }
    let stopped = db.end_person(person.id, on, reason)?;
    Ok((person, stopped))
}

/// What an import of people did: how many it recorded, and the lines of the
/// rows it left because the register has them already.
#[derive(Debug, Default)]
pub struct PeopleImported {
    pub added: usize,
    pub already: Vec<u64>,
}

/// Imports people, all or nothing, every bad row named (with `problems`
/// found by the reader of the file). A row the register already holds (the
/// same name, position and unit, the same first day, and the same code if
/// the row gives one) is left, so that the same file imported again, or
/// with a few people added, records each person once. A row of a name in
/// post in its unit in another post is refused as `add` refuses it, unless
/// `same_name`.
pub fn import(
    db: &dyn Db,
    rows: &[(u64, NewPerson<'_>)],
    mut problems: Vec<(u64, RowProblem)>,
    source: &str,
    same_name: bool,
) -> Result<PeopleImported> {
    let mut done = PeopleImported::default();
    for (line, row) in rows {
        match recorded(db, row) {
            Ok(true) => {
                done.already.push(*line);
                continue;
            }
            Ok(false) => {}
            Err(Error::Storage(e)) => return Err(Error::Storage(e)),
            // `add` says what is wrong with the row.
            Err(_) => {}
        }
        if !same_name {
            match refuse_same_person(db, row) {
                Ok(()) => {}
                Err(Error::Storage(e)) => return Err(Error::Storage(e)),
                Err(e) => {
                    problems.push((*line, RowProblem::Error(e)));
                    continue;
                }
            }
        }
        match add(db, row) {
            Ok(_) => done.added += 1,
            Err(Error::Storage(e)) => return Err(Error::Storage(e)),
            Err(e) => problems.push((*line, RowProblem::Error(e))),
        }
    }
    if !problems.is_empty() {
        return Err(Error::BadRows {
            source_name: source.to_string(),
            rows: problems,
        });
    }
    Ok(done)
}

/// Whether the register holds this person in this post already (in it
/// still or not).
fn recorded(db: &dyn Db, new: &NewPerson<'_>) -> Result<bool> {
    let unit = resolve_unit(db, new.unit)?;
    let name = fold(new.name);
    let position = fold(new.position);
    let code = new.code.map(str::trim).filter(|c| !c.is_empty());
    Ok(db.people_named(&name, true)?.iter().any(|p| {
        p.unit_id == unit.id
            && fold(&p.position) == position
            && p.from_on == new.from
            && code.is_none_or(|c| p.code.eq_ignore_ascii_case(c))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{change, day, son_tay};

    fn an() -> NewPerson<'static> {
        NewPerson {
            name: "Nguyễn Văn An",
            position: "Bí thư Chi bộ",
            unit: "cb",
            from: Some(day("01/01/2021")),
            code: None,
        }
    }

    #[test]
    fn names_and_posts_are_text() -> Result<()> {
        let mut store = son_tay(false)?;
        for (name, position) in [
            ("Nguyễn\x1b[2J", "Bí thư"),
            ("Nguyễn Văn An", "Bí thư\u{2067}"),
            ("\u{200B}", "Bí thư"),
            ("Nguyễn Văn An", "— —"),
        ] {
            let refused = change(&mut store, |db| {
                add(
                    db,
                    &NewPerson {
                        name,
                        position,
                        ..an()
                    },
                )
            });
            assert!(
                matches!(
                    refused,
                    Err(Error::BadCharacter { .. }
                        | Error::EmptyText { .. }
                        | Error::NoLetterOrDigit { .. })
                ),
                "{refused:?}"
            );
        }
        Ok(())
    }

    #[test]
    fn nobody_leaves_before_joining_unless_forced() -> Result<()> {
        let mut store = son_tay(false)?;
        change(&mut store, |db| add(db, &an()))?;
        let early = change(&mut store, |db| {
            leave(db, "Nguyễn Văn An", day("31/12/2020"), "left", false)
        });
        assert!(
            matches!(
                early,
                Err(Error::DateOrder {
                    rule: DateRule::LeaveBeforeJoin,
                    ..
                })
            ),
            "{early:?}"
        );
        change(&mut store, |db| {
            leave(db, "Nguyễn Văn An", day("31/12/2020"), "left", true)
        })?;
        Ok(())
    }
}
