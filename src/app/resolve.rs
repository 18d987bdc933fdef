//! How a clerk points at a record: by code, by exact name, by a part of a
//! name; a directive by symbol, `Kế hoạch số 223`, number or title. Several
//! candidates are an error that lists them.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::domain::DirectiveSpec;
use crate::domain::directive::Directive;
use crate::domain::error::{Candidates, Entity, Error, Result};
use crate::domain::person::Person;
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::store::Db;
use crate::text::fold;

/// How a clerk points at a directive: a symbol or number, narrowed by
/// issuer and date when the symbol recurs.
#[derive(Debug, Clone, Default)]
pub struct DirectiveQuery<'a> {
    pub reference: &'a str,
    pub issuer: Option<&'a str>,
    pub issued_on: Option<NaiveDate>,
}

impl<'a> DirectiveQuery<'a> {
    /// A reference alone.
    pub fn of(reference: &'a str) -> DirectiveQuery<'a> {
        DirectiveQuery {
            reference,
            ..Default::default()
        }
    }
}

/// The one record of `found`, else not found or ambiguous.
fn one<T>(
    found: Vec<T>,
    what: Entity,
    input: &str,
    candidates: impl FnOnce(Vec<T>) -> Candidates,
) -> Result<T> {
    let mut found = found;
    match found.len() {
        0 => Err(Error::not_found(what, input)),
        1 => Ok(found.remove(0)),
        _ => Err(Error::Ambiguous {
            input: input.trim().to_string(),
            candidates: candidates(found),
        }),
    }
}

/// Finds a unit by code, by exact name (accents and case aside), or by a
/// part of its name; among partial matches, the one the others sit under.
pub fn resolve_unit(db: &dyn Db, reference: &str) -> Result<Unit> {
    if let Some(unit) = db.unit_by_code(reference.trim())? {
        return Ok(unit);
    }
    let key = fold(reference);
    if key.is_empty() {
        return Err(Error::not_found(Entity::Unit, reference));
    }
    let exact = db.units_named(&key)?;
    let found = if exact.is_empty() {
        head_of(db, db.units_containing(&key)?)?
    } else {
        exact
    };
    one(found, Entity::Unit, reference, Candidates::Units)
}

/// Among partial matches, the one unit that all the others sit under:
/// "Ngô Quyền" names Đảng bộ phường Ngô Quyền, not each of its chi bộ
/// whose names repeat the ward's.
fn head_of(db: &dyn Db, found: Vec<Unit>) -> Result<Vec<Unit>> {
    if found.len() < 2 {
        return Ok(found);
    }
    let ids: HashSet<i64> = found.iter().map(|u| u.id).collect();
    let mut heads = Vec::new();
    for unit in &found {
        let mut ancestor = unit.parent_id;
        let mut under_another = false;
        // A walk up the tree stops at the root, or fails at a unit met
        // twice: a cycle in hand-edited data cannot hang it.
        let mut seen = HashSet::new();
        while let Some(id) = ancestor {
            if ids.contains(&id) {
                under_another = true;
                break;
            }
            let above = db.unit(id)?;
            if !seen.insert(id) {
                return Err(Error::TreeCycle { unit: above.name });
            }
            ancestor = above.parent_id;
        }
        if !under_another {
            heads.push(unit.clone());
        }
    }
    Ok(if heads.len() == 1 { heads } else { found })
}

/// Finds one directive. By symbol (a number-only record of the same type
/// and number matches too), by `Kế hoạch số 223`, by bare number, else by a
/// part of its title; the issuer and the date narrow.
pub fn resolve_directive(db: &dyn Db, q: &DirectiveQuery<'_>) -> Result<Directive> {
    let mut found = match DirectiveSpec::parse(q.reference, None) {
        Ok(spec) => db.directives_by_spec(&spec)?,
        Err(_) => {
            let key = fold(q.reference);
            if key.is_empty() {
                Vec::new()
            } else if key.bytes().all(|b| b.is_ascii_digit()) {
                db.directives_numbered(&key)?
            } else {
                db.directives_titled(&key)?
            }
        }
    };
    if let Some(issuer) = q.issuer.map(fold) {
        found.retain(|d| fold(&d.issuer).contains(&issuer));
    }
    if let Some(on) = q.issued_on {
        found.retain(|d| d.issued_on == on);
    }
    one(
        found,
        Entity::Directive,
        q.reference,
        Candidates::Directives,
    )
}

/// Finds a task by its code, else by its directive when that directive has
/// one task, else by a part of its title.
pub fn resolve_task(db: &dyn Db, reference: &str) -> Result<Task> {
    if let Some(task) = db.task_by_code(reference)? {
        return Ok(task);
    }
    let found = match resolve_directive(db, &DirectiveQuery::of(reference)) {
        Ok(d) => db.tasks_of(d.id)?,
        Err(_) if fold(reference).is_empty() => Vec::new(),
        Err(_) => db.tasks(None, Some(reference))?,
    };
    one(found, Entity::Task, reference, Candidates::Tasks)
}

/// Finds a person by code, by exact name (accents and case aside), or by a
/// part of the name.
pub fn resolve_person(db: &dyn Db, reference: &str) -> Result<Person> {
    if let Some(person) = db.person_by_code(reference)? {
        return Ok(person);
    }
    let key = fold(reference);
    let exact = db.people_named(&key, true)?;
    let found = if exact.is_empty() {
        db.people_named(&key, false)?
    } else {
        exact
    };
    one(found, Entity::Person, reference, Candidates::People)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UnitKind;
    use crate::store::SqliteStore as Store;
    use crate::store::Storage;

    fn d(s: &str) -> NaiveDate {
        crate::text::date::parse_date(s).unwrap()
    }

    fn add(store: &mut Store, sym: &str, issuer: &str, on: &str) -> Result<Directive> {
        let spec = DirectiveSpec::parse(sym, None).expect("a valid symbol");
        crate::store::write(store, "test", "test", |db| {
            if let Some(existing) = db.same_directive(&spec, issuer, d(on))? {
                return Err(Error::DirectiveExists {
                    existing: Box::new(existing),
                });
            }
            db.insert_directive(&spec, sym, issuer, d(on), "trích yếu")
        })
    }

    #[test]
    fn same_symbol_two_issuers_are_two_directives() -> anyhow::Result<()> {
        let mut store = Store::open_in_memory()?;
        let son_tay = "Ban Thường vụ Thị ủy Sơn Tây";
        add(&mut store, "44-QĐ/TU", son_tay, "23/11/2023")?;
        add(
            &mut store,
            "44-QĐ/TU",
            "Ban Thường vụ Thành ủy Hà Nội",
            "02/03/2021",
        )?;
        let err = add(&mut store, "44- QĐ/TU", son_tay, "23/11/2023").unwrap_err();
        assert!(
            matches!(&err, Error::DirectiveExists { existing } if existing.issuer == son_tay),
            "{err}"
        );

        let reader = store.read();

        let db = &*reader;
        let q = |issuer| DirectiveQuery {
            reference: "44-QĐ/TU",
            issuer,
            issued_on: None,
        };
        let err = resolve_directive(db, &q(None)).unwrap_err();
        assert!(
            matches!(&err, Error::Ambiguous { candidates, .. } if candidates.len() == 2),
            "{err}"
        );
        assert_eq!(
            resolve_directive(db, &q(Some("ha noi")))?.issuer,
            "Ban Thường vụ Thành ủy Hà Nội"
        );
        Ok(())
    }

    #[test]
    fn number_only_directive_matches_its_symbol() -> anyhow::Result<()> {
        let mut store = Store::open_in_memory()?;
        let issuer = "Ban Thường vụ Thị ủy Sơn Tây";
        let plan = add(&mut store, "Kế hoạch số 223", issuer, "23/11/2023")?;
        assert_eq!(plan.symbol, None);
        {
            let reader = store.read();
            for reference in ["223-KH/TU", "Kế hoạch số 223", "223"] {
                let found = resolve_directive(&*reader, &DirectiveQuery::of(reference))?;
                assert_eq!(found.id, plan.id, "{reference}");
            }
        }
        assert!(matches!(
            add(&mut store, "223-KH/TU", issuer, "23/11/2023"),
            Err(Error::DirectiveExists { .. })
        ));
        Ok(())
    }

    /// Sơn Tây (root), Ngô Quyền and Quang Trung under it.
    fn two_wards() -> anyhow::Result<Store> {
        let mut store = Store::open_in_memory()?;
        crate::store::write(&mut store, "test", "test", |db| -> Result<()> {
            let root = db.insert_unit(
                "st",
                "Đảng bộ thị xã Sơn Tây",
                UnitKind::DangBoCapTren,
                None,
            )?;
            for (code, name) in [
                ("nq", "Đảng bộ phường Ngô Quyền"),
                ("qt", "Đảng bộ phường Quang Trung"),
            ] {
                db.insert_unit(code, name, UnitKind::DangBoCoSo, Some(root.id))?;
            }
            Ok(())
        })?;
        Ok(store)
    }

    #[test]
    fn units_by_code_name_and_part() -> anyhow::Result<()> {
        let store = two_wards()?;
        let reader = store.read();
        let db = &*reader;
        for reference in [
            "nq",
            "NQ",
            "ngo quyen",
            "Ngô Quyền",
            "NGÔ QUYỀN",
            "Đảng bộ phường Ngô Quyền",
        ] {
            assert_eq!(resolve_unit(db, reference)?.code, "nq", "{reference}");
        }
        let err = resolve_unit(db, "phuong").unwrap_err();
        let Error::Ambiguous {
            candidates: Candidates::Units(units),
            ..
        } = &err
        else {
            panic!("{err}")
        };
        let codes: Vec<&str> = units.iter().map(|u| u.code.as_str()).collect();
        assert_eq!(codes, ["nq", "qt"]);
        assert!(matches!(
            resolve_unit(db, "Hoàn Kiếm"),
            Err(Error::NotFound {
                what: Entity::Unit,
                ..
            })
        ));
        Ok(())
    }

    #[test]
    fn a_partial_name_prefers_the_unit_the_others_sit_under() -> anyhow::Result<()> {
        let mut store = Store::open_in_memory()?;
        crate::store::write(&mut store, "test", "test", |db| -> Result<()> {
            let root = db.insert_unit(
                "st",
                "Đảng bộ thị xã Sơn Tây",
                UnitKind::DangBoCapTren,
                None,
            )?;
            let nq = db.insert_unit(
                "nq",
                "Đảng bộ phường Ngô Quyền",
                UnitKind::DangBoCoSo,
                Some(root.id),
            )?;
            let bp = db.insert_unit(
                "bp",
                "Đảng bộ bộ phận khu Ngô Quyền",
                UnitKind::DangBoBoPhan,
                Some(nq.id),
            )?;
            db.insert_unit(
                "c1",
                "Chi bộ 1 Ngô Quyền",
                UnitKind::ChiBoTrucThuoc,
                Some(nq.id),
            )?;
            db.insert_unit(
                "c2",
                "Chi bộ 2 Ngô Quyền",
                UnitKind::ChiBoTrucThuoc,
                Some(bp.id),
            )?;
            db.insert_unit(
                "c3",
                "Chi bộ Ngô Quyền mới",
                UnitKind::ChiBoCoSo,
                Some(root.id),
            )?;
            Ok(())
        })?;
        let reader = store.read();
        let db = &*reader;
        // Two heads (the ward and an unrelated chi bộ cơ sở): still ambiguous.
        assert!(matches!(
            resolve_unit(db, "ngo quyen"),
            Err(Error::Ambiguous { .. })
        ));
        assert_eq!(resolve_unit(db, "phuong ngo quyen")?.code, "nq");
        assert_eq!(resolve_unit(db, "khu ngo quyen")?.code, "bp");
        Ok(())
    }
}
