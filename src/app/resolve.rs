//! How a clerk points at a record: by code, by exact name, by a part of a
//! name; a directive by symbol, `Kế hoạch số 223`, number or title. Several
//! candidates are an error that lists them.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;

use crate::domain::DirectiveSpec;
use crate::domain::directive::Directive;
use crate::domain::error::{Candidates, Entity, Error, Result, TaskCandidate, UnitCandidate};
use crate::domain::person::Person;
use crate::domain::task::Task;
use crate::domain::unit::Unit;
use crate::store::Db;
use crate::text::{abbrev, collate, fold};

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

/// Whether words of a secret directive's title (or of its tasks' titles)
/// find it: only under `--show-secret`. Else a marked directive and its
/// tasks are found by symbol, number or code alone, so that a guess at a
/// secret title is never confirmed. Set once at the edge, as the clock is
/// read once.
static SECRET_TITLES_SEARCHED: AtomicBool = AtomicBool::new(false);

/// Lets title words find secret directives and their tasks (`--show-secret`).
pub fn search_secret_titles(on: bool) {
    SECRET_TITLES_SEARCHED.store(on, Ordering::Relaxed);
}

pub(crate) fn secret_titles_searched() -> bool {
    SECRET_TITLES_SEARCHED.load(Ordering::Relaxed)
}

/// Whether a search finds `d` for what a search may find it by: anything
/// of an unmarked directive, and a marked one's symbol, number or issuer
/// (its title only under `--show-secret`).
pub fn directive_found(d: &Directive, search: &str) -> bool {
    if d.secrecy.is_none() || secret_titles_searched() {
        return true;
    }
    let key = fold(search);
    fold(&d.issuer).contains(&key)
        || d.symbol.as_deref().is_some_and(|s| fold(s).contains(&key))
        || d.number == key
}

/// Whether a search finds `task` of `directive` for what it may: a task of
/// a marked directive by its code alone (its title only under
/// `--show-secret`).
pub fn task_found(task: &Task, directive: &Directive, search: &str) -> bool {
    directive.secrecy.is_none()
        || secret_titles_searched()
        || fold(&task.code).contains(&fold(search))
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

/// Finds a unit by code, by exact name (accents and case aside), by one of
/// its other names (`unit edit --alias`), or by a part of its name; among
/// partial matches, the one the others sit under. Names and parts match with
/// the common abbreviations written either way (`UBND` and `Ủy ban nhân
/// dân`, `text::abbrev`). Several units are an error that names each with
/// its kind and parent.
pub fn resolve_unit(db: &dyn Db, reference: &str) -> Result<Unit> {
    // What shows nothing (a zero-width space pasted in) is no part of it.
    let reference = &crate::text::normalize(reference);
    if let Some(unit) = db.unit_by_code(reference.trim())? {
        return Ok(unit);
    }
    let key = fold(reference);
    if key.is_empty() {
        return Err(Error::not_found(Entity::Unit, reference));
    }
    let forms = abbrev::variants(&key);
    let mut found = units_matching(&forms, |form| db.units_named(form))?;
    if found.is_empty() {
        found = units_matching(&forms, |form| db.units_aliased(form))?;
    }
    if found.is_empty() {
        found = head_of(
            db,
            units_matching(&forms, |form| db.units_containing(form))?,
            &forms,
        )?;
    }
    if found.is_empty() {
        found = head_of(
            db,
            units_matching(&forms, |form| units_with_words(db, form))?,
            &forms,
        )?;
    }
    match found.len() {
        0 => Err(Error::not_found(Entity::Unit, reference)),
        1 => Ok(found.remove(0)),
        _ => {
            // An office's own units first (a stable sort keeps the order
            // within each part).
            if db.writes_as_office() {
                found.sort_by_key(|u| db.may_write_for(u.id).is_err());
            }
            Err(Error::Ambiguous {
                input: reference.trim().to_string(),
                candidates: Candidates::Units(unit_candidates(db, found)?),
            })
        }
    }
}

/// The units whose names hold every word of `key`, whole and in order,
/// with other words between (`Chi bộ UBKT` for `Chi bộ Cơ quan Ủy ban Kiểm
/// tra Thị ủy`); a key of one word finds none here.
pub(super) fn units_with_words(db: &dyn Db, key: &str) -> Result<Vec<Unit>> {
    let words: Vec<&str> = key.split_whitespace().collect();
    let Some(longest) = words
        .iter()
        .max_by_key(|w| w.len())
        .filter(|_| words.len() > 1)
    else {
        return Ok(Vec::new());
    };
    Ok(db
        .units_containing(longest)?
        .into_iter()
        .filter(|u| crate::text::words_in_order(&fold(&u.name), &words))
        .collect())
}

/// The units that `find` gives for any of `forms`, each once, in
/// Vietnamese order of name (then code), as one form alone gives them.
fn units_matching(
    forms: &[String],
    mut find: impl FnMut(&str) -> Result<Vec<Unit>>,
) -> Result<Vec<Unit>> {
    let mut found: Vec<Unit> = Vec::new();
    for form in forms {
        for unit in find(form)? {
            if !found.iter().any(|u| u.id == unit.id) {
                found.push(unit);
            }
        }
    }
    if forms.len() > 1 {
        found.sort_by_cached_key(|u| (collate::sort_key(&u.name), u.code.clone()));
    }
    Ok(found)
}

/// Each unit with its parent's name, to tell apart units of one name.
fn unit_candidates(db: &dyn Db, units: Vec<Unit>) -> Result<Vec<UnitCandidate>> {
    let mut parents: HashMap<i64, String> = HashMap::new();
    units
        .into_iter()
        .map(|unit| {
            let parent = match unit.parent_id {
                None => None,
                Some(id) => Some(match parents.get(&id) {
                    Some(name) => name.clone(),
                    None => {
                        let name = db.unit(id)?.name;
                        parents.insert(id, name.clone());
                        name
                    }
                }),
            };
            Ok(UnitCandidate { unit, parent })
        })
        .collect()
}

/// Among partial matches, the one unit that all the others sit under and
/// whose proper name they repeat: "Ngô Quyền" names Đảng bộ phường Ngô
/// Quyền, not each of its chi bộ whose names repeat the ward's. The proper
/// name is what was typed and the capitalised words after it in the head's
/// name (`Sơn Tây` for "Sơn" in Đảng bộ thị xã Sơn Tây, `Quân sự` in Đảng
/// bộ Quân sự thị xã): "Sơn" also names Đảng bộ phường Sơn Lộc under the
/// town, another unit, so "Sơn" stays ambiguous. When several units sit
/// under none of the others, all the matches, those first.
fn head_of(db: &dyn Db, found: Vec<Unit>, forms: &[String]) -> Result<Vec<Unit>> {
    if found.len() < 2 {
        return Ok(found);
    }
    // Each match's proper name, in every form.
    let proper: HashMap<i64, Vec<String>> = found
        .iter()
        .map(|u| (u.id, abbrev::variants(&proper_name(&u.name, forms))))
        .collect();
    // The heads with how deep each sits in the tree, and the others.
    let (mut heads, mut below) = (Vec::new(), Vec::new());
    for unit in found {
        let name = fold(&unit.name);
        let mut ancestor = unit.parent_id;
        let mut under_another = false;
        // A walk up the tree stops at the root, or fails at a unit met
        // twice: a cycle in hand-edited data cannot hang it.
        let mut seen = HashSet::new();
        while let Some(id) = ancestor {
            if proper
                .get(&id)
                .is_some_and(|names| names.iter().any(|n| name.contains(n.as_str())))
            {
                under_another = true;
                break;
            }
            let above = db.unit(id)?;
            if !seen.insert(id) {
                return Err(Error::TreeCycle { unit: above.name });
            }
            ancestor = above.parent_id;
        }
        if under_another {
            below.push(unit);
        } else {
            heads.push((seen.len(), unit));
        }
    }
    // Still several: the heads come first in the list of candidates, the
    // higher in the tree the sooner.
    heads.sort_by_key(|(depth, _)| *depth);
    let mut units: Vec<Unit> = heads.into_iter().map(|(_, unit)| unit).collect();
    if units.len() != 1 {
        units.extend(below);
    }
    Ok(units)
}

/// The folded proper name of `name` that one of `forms` (folded words
/// typed) begins: the words typed, whole and in a row, and the capitalised
/// words after them (`son tay` of `Đảng bộ thị xã Sơn Tây` for `son`); the
/// form itself when its words are not found whole in the name.
fn proper_name(name: &str, forms: &[String]) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    for form in forms {
        let typed: Vec<&str> = form.split_whitespace().collect();
        if typed.is_empty() || typed.len() > folded.len() {
            continue;
        }
        let Some(at) = (0..=folded.len() - typed.len())
            .find(|&at| typed.iter().enumerate().all(|(k, w)| folded[at + k] == *w))
        else {
            continue;
        };
        let mut end = at + typed.len();
        while end < words.len() && words[end].starts_with(char::is_uppercase) {
            end += 1;
        }
        return folded[at..end].join(" ");
    }
    forms.first().cloned().unwrap_or_default()
}

/// Finds one directive. By symbol (a number-only record of the same type
/// and number matches too), by `Kế hoạch số 223`, by bare number, else by a
/// part of its title; the issuer and the date narrow.
pub fn resolve_directive(db: &dyn Db, q: &DirectiveQuery<'_>) -> Result<Directive> {
    // "01-KH/TU ngày 05/01/2024": the date picks one of a symbol's documents.
    let cleaned = crate::text::normalize(q.reference);
    let (reference, dated) = split_dated(&cleaned);
    let q = &DirectiveQuery {
        reference,
        issuer: q.issuer,
        issued_on: q.issued_on.or(dated),
    };
    let mut found = match DirectiveSpec::parse(q.reference, None) {
        Ok(spec) => db.directives_by_spec(&spec)?,
        Err(_) => {
            let key = fold(q.reference);
            if key.is_empty() {
                Vec::new()
            } else if key.bytes().all(|b| b.is_ascii_digit()) {
                db.directives_numbered(&key)?
            } else {
                let mut titled = db.directives_titled(&key)?;
                titled.retain(|d| d.secrecy.is_none() || secret_titles_searched());
                titled
            }
        }
    };
    if let Some(issuer) = q.issuer.map(fold) {
        found.retain(|d| fold(&d.issuer).contains(&issuer));
    }
    if let Some(on) = q.issued_on {
        found.retain(|d| d.issued_on == Some(on));
    }
    one(
        found,
        Entity::Directive,
        q.reference,
        Candidates::Directives,
    )
}

/// A reference with the document's issue date after it, as a clerk cites
/// one: "01-KH/TU ngày 05/01/2024", "01-KH/TU, ngày 5 tháng 1 năm 2024",
/// "Kế hoạch số 01-KH/TU (05/01/2024)". The reference without the date, and
/// the date; the reference as it is when it ends in no date.
fn split_dated(reference: &str) -> (&str, Option<NaiveDate>) {
    let text = reference.trim_end();
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    // The longest tail that is a date: "ngày 5 tháng 1 năm 2024" is six words.
    for &i in starts.iter().rev().take(7).rev() {
        let tail = fold(&text[i..]);
        let tail = tail.trim_start_matches(['(', ',']);
        let tail = tail.strip_prefix("ngay ").unwrap_or(tail);
        let head = text[..i].trim_end_matches(|c: char| c.is_whitespace() || ",(".contains(c));
        if i > 0
            && !head.is_empty()
            && let Ok(day) = crate::text::date::parse_date(tail)
        {
            return (head, Some(day));
        }
    }
    (reference, None)
}

/// Finds a task by its code, else by its directive when that directive has
/// one task, else by a part of its title.
pub fn resolve_task(db: &dyn Db, reference: &str) -> Result<Task> {
    let reference = &crate::text::normalize(reference);
    if let Some(task) = db.task_by_code(reference)? {
        return Ok(task);
    }
    let found = match resolve_directive(db, &DirectiveQuery::of(reference)) {
        Ok(d) => db.tasks_of(d.id)?,
        Err(_) if fold(reference).is_empty() => Vec::new(),
        Err(_) => {
            let mut found = Vec::new();
            for task in db.tasks(None, Some(reference))? {
                if task_found(&task, &db.directive(task.directive_id)?, reference) {
                    found.push(task);
                }
            }
            found
        }
    };
    let mut found = found;
    if found.len() < 2 {
        return found
            .pop()
            .ok_or_else(|| Error::not_found(Entity::Task, reference));
    }
    let candidates = found
        .into_iter()
        .map(|task| {
            let directive = db.directive(task.directive_id)?;
            Ok(TaskCandidate {
                task,
                directive: directive.citation(),
                secrecy: directive.secrecy,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Err(Error::Ambiguous {
        input: reference.trim().to_string(),
        candidates: Candidates::Tasks(candidates),
    })
}

/// Finds a person by code, by exact name (accents and case aside), or by a
/// part of the name.
pub fn resolve_person(db: &dyn Db, reference: &str) -> Result<Person> {
    let reference = &crate::text::normalize(reference);
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
            if let Some(existing) = db.same_directive(&spec, issuer, Some(d(on)))? {
                return Err(Error::DirectiveExists {
                    existing: Box::new(existing),
                });
            }
            db.insert_directive(&spec, sym, issuer, Some(d(on)), "trích yếu")
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
        let codes: Vec<&str> = units.iter().map(|u| u.unit.code.as_str()).collect();
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

    #[test]
    fn a_part_of_the_heads_name_that_other_units_share_is_ambiguous() -> anyhow::Result<()> {
        let mut store = Store::open_in_memory()?;
        crate::store::write(&mut store, "test", "test", |db| -> Result<()> {
            let root = db.insert_unit(
                "st",
                "Đảng bộ thị xã Sơn Tây",
                UnitKind::DangBoCapTren,
                None,
            )?;
            db.insert_unit(
                "thpt",
                "Chi bộ Trường THPT Sơn Tây",
                UnitKind::ChiBoCoSo,
                Some(root.id),
            )?;
            let sl = db.insert_unit(
                "sl",
                "Đảng bộ phường Sơn Lộc",
                UnitKind::DangBoCoSo,
                Some(root.id),
            )?;
            db.insert_unit(
                "sl1",
                "Chi bộ tổ dân phố 1 phường Sơn Lộc",
                UnitKind::ChiBoTrucThuoc,
                Some(sl.id),
            )?;
            db.insert_unit(
                "ks",
                "Đảng bộ xã Kim Sơn",
                UnitKind::DangBoCoSo,
                Some(root.id),
            )?;
            Ok(())
        })?;
        let reader = store.read();
        let db = &*reader;
        // "Sơn" is in the town's name, but Sơn Lộc and Kim Sơn are other
        // units whose names only share the word.
        let Err(Error::Ambiguous {
            candidates: Candidates::Units(candidates),
            ..
        }) = resolve_unit(db, "Sơn")
        else {
            panic!("'Sơn' must be ambiguous");
        };
        let codes: Vec<&str> = candidates.iter().map(|c| c.unit.code.as_str()).collect();
        assert_eq!(codes[0], "st", "{codes:?}");
        assert!(codes.contains(&"sl") && codes.contains(&"ks"), "{codes:?}");
        // Whole words of one name still find it, the units repeating it aside.
        assert_eq!(resolve_unit(db, "Sơn Tây")?.code, "st");
        assert_eq!(resolve_unit(db, "Sơn Lộc")?.code, "sl");
        assert_eq!(resolve_unit(db, "Kim Sơn")?.code, "ks");
        Ok(())
    }

    #[test]
    fn candidates_carry_their_parent_and_the_heads_come_first() -> anyhow::Result<()> {
        let mut store = two_wards()?;
        crate::store::write(&mut store, "test", "test", |db| -> Result<()> {
            for (code, ward) in [("nq-t1", "nq"), ("qt-t1", "qt")] {
                let parent = db.unit_by_code(ward)?.expect("a ward");
                db.insert_unit(
                    code,
                    "Chi bộ thôn 1",
                    UnitKind::ChiBoTrucThuoc,
                    Some(parent.id),
                )?;
            }
            let root = db.unit_by_code("st")?.expect("the town");
            db.insert_unit(
                "cb-1",
                "Chi bộ thôn 1 cũ",
                UnitKind::ChiBoCoSo,
                Some(root.id),
            )?;
            Ok(())
        })?;
        let reader = store.read();
        let db = &*reader;
        let err = resolve_unit(db, "chi bo thon 1").unwrap_err();
        let Error::Ambiguous {
            candidates: Candidates::Units(units),
            ..
        } = &err
        else {
            panic!("{err}")
        };
        let said: Vec<(&str, Option<&str>)> = units
            .iter()
            .map(|c| (c.unit.code.as_str(), c.parent.as_deref()))
            .collect();
        assert_eq!(
            said,
            [
                ("nq-t1", Some("Đảng bộ phường Ngô Quyền")),
                ("qt-t1", Some("Đảng bộ phường Quang Trung")),
            ]
        );
        // A part: the one under the town first, higher in the tree.
        let err = resolve_unit(db, "thon 1").unwrap_err();
        let Error::Ambiguous {
            candidates: Candidates::Units(units),
            ..
        } = &err
        else {
            panic!("{err}")
        };
        let codes: Vec<&str> = units.iter().map(|c| c.unit.code.as_str()).collect();
        assert_eq!(codes, ["cb-1", "nq-t1", "qt-t1"]);
        Ok(())
    }

    #[test]
    fn other_names_and_abbreviations_find_units() -> anyhow::Result<()> {
        let mut store = two_wards()?;
        crate::store::write(&mut store, "test", "test", |db| -> Result<()> {
            let root = db.unit_by_code("st")?.expect("the town");
            let ubkt = db.insert_unit(
                "cb-ubkt",
                "Chi bộ Cơ quan Ủy ban Kiểm tra Thị ủy",
                UnitKind::ChiBoCoSo,
                Some(root.id),
            )?;
            db.insert_unit(
                "cb-thpt",
                "Chi bộ Trường THPT Sơn Tây",
                UnitKind::ChiBoCoSo,
                Some(root.id),
            )?;
            let qt = db.unit_by_code("qt")?.expect("a ward");
            db.insert_unit(
                "qt-ubnd",
                "Chi bộ Ủy ban nhân dân phường Quang Trung",
                UnitKind::ChiBoTrucThuoc,
                Some(qt.id),
            )?;
            db.add_alias(ubkt.id, "Kiểm tra")?;
            Ok(())
        })?;
        let reader = store.read();
        let db = &*reader;
        for (reference, code) in [
            ("kiem tra", "cb-ubkt"),
            ("KIỂM TRA", "cb-ubkt"),
            ("UBKT", "cb-ubkt"),
            ("co quan ubkt", "cb-ubkt"),
            ("Chi bộ UBND", "qt-ubnd"),
            ("ubnd phuong quang trung", "qt-ubnd"),
            ("Trung học phổ thông", "cb-thpt"),
            ("truong thpt son tay", "cb-thpt"),
            // An exact name wins over an abbreviation found inside another.
            ("Đảng bộ phường Quang Trung", "qt"),
        ] {
            assert_eq!(resolve_unit(db, reference)?.code, code, "{reference}");
        }
        assert!(matches!(
            resolve_unit(db, "MTTQ"),
            Err(Error::NotFound { .. })
        ));
        Ok(())
    }
}
