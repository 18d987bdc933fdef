//! The conformance suite: what every store must do, whatever its engine.
//! `storage_tests!(make)` writes one test per case for a store that `make`
//! returns fresh and empty; the SQLite store runs it in `sqlite/mod.rs`, and
//! any other store must run it too.

use chrono::NaiveDate;

use super::{
    CompletionNote, Db, LogFilter, NewObligation, Order, Scope, Selection, Storage, write,
};
use crate::domain::error::{Entity, Error, Result};
use crate::domain::person::Person;
use crate::domain::task::Task;
use crate::domain::{DirectiveSpec, DueRule, Rating, Status, UnitKind};

/// One `#[test]` per case of the suite, on stores made by `$make`.
macro_rules! storage_tests {
    (@cases $attr:tt $make:expr; $($case:ident),+ $(,)?) => {
        $(
            #$attr
            #[test]
            fn $case() -> $crate::domain::error::Result<()> {
                let mut store = $make;
                $crate::store::conformance::$case(&mut store)
            }
        )+
    };
    (@with $attr:tt $make:expr) => {
        $crate::store::conformance::storage_tests!(@cases $attr $make;
            directives_are_found_by_spec_number_and_title,
            unit_codes_are_unique_and_names_sort_in_vietnamese_order,
            the_tree_is_listed_in_order_and_moves_keep_it_a_tree,
            a_task_makes_obligations_for_its_kinds_within_a_subtree,
            completions_and_extensions_are_recorded,
            people_owe_tasks_for_people,
            revocation_dissolution_and_merger_cancel_or_pass_on,
            rules_are_stored_and_checked,
            every_write_is_one_change_all_or_nothing,
            undo_takes_a_change_back_unless_a_later_one_depends_on_it,
            reports_list_and_count_the_same_obligations,
            a_tasks_due_dates_change_with_its_obligations,
            tasks_are_given_after_they_were_set_and_follow_a_new_kind,
            results_carry_what_was_recorded_by_the_day,
            settings_are_stored_changed_removed_and_undone,
            a_directives_marks_are_kept_exported_and_undone,
        );
        #$attr
        #[test]
        fn an_export_imports_into_an_empty_store_only() -> $crate::domain::error::Result<()> {
            let (mut store, mut fresh) = ($make, $make);
            $crate::store::conformance::an_export_imports_into_an_empty_store_only(
                &mut store, &mut fresh,
            )
        }
        #$attr
        #[test]
        fn the_stored_order_of_units_follows_every_write() -> $crate::domain::error::Result<()> {
            let (mut store, mut fresh) = ($make, $make);
            $crate::store::conformance::the_stored_order_of_units_follows_every_write(
                &mut store, &mut fresh,
            )
        }
    };
    // A store on a server the tests may not have: run with `--ignored`.
    (ignored: $make:expr) => {
        $crate::store::conformance::storage_tests!(
            @with [ignore = "needs a PostgreSQL server: scripts/pg-test"] $make
        );
    };
    ($make:expr) => {
        $crate::store::conformance::storage_tests!(@with [cfg(all())] $make);
    };
}
pub(crate) use storage_tests;

fn day(s: &str) -> NaiveDate {
    crate::text::date::parse_date(s).expect("a date")
}

/// Sơn Tây in small: the committee, a ward with two chi bộ, a chi bộ cơ sở;
/// Plan 223 (known by number only) and 188-KH/TU.
struct Fixture {
    root: i64,
    ward: i64,
    cell1: i64,
    cell2: i64,
    base_cell: i64,
    plan: i64,
}

fn fixture(store: &mut dyn Storage) -> Result<Fixture> {
    write(store, "test", "fixture", |db| {
        let root = db
            .insert_unit(
                "st",
                "Đảng bộ thị xã Sơn Tây",
                UnitKind::DangBoCapTren,
                None,
            )?
            .id;
        let ward = db
            .insert_unit(
                "nq",
                "Đảng bộ phường Ngô Quyền",
                UnitKind::DangBoCoSo,
                Some(root),
            )?
            .id;
        let cell1 =
            db.insert_unit_row("nq1", "Chi bộ khu 1", UnitKind::ChiBoTrucThuoc, Some(ward))?;
        let cell2 =
            db.insert_unit_row("nq2", "Chi bộ khu 2", UnitKind::ChiBoTrucThuoc, Some(ward))?;
        let base_cell = db.insert_unit_row(
            "cb",
            "Chi bộ Cơ quan Ủy ban Kiểm tra",
            UnitKind::ChiBoCoSo,
            Some(root),
        )?;
        let plan = db
            .insert_directive(
                &DirectiveSpec::parse("Kế hoạch số 223", None).expect("a spec"),
                "Kế hoạch số 223",
                "Ban Thường vụ Thị ủy Sơn Tây",
                Some(day("23/11/2023")),
                "kiểm điểm, đánh giá, xếp loại chất lượng năm 2023",
            )?
            .id;
        db.insert_directive(
            &DirectiveSpec::parse("188-KH/TU", None).expect("a spec"),
            "188-KH/TU",
            "Ban Thường vụ Thành ủy Hà Nội",
            Some(day("06/11/2023")),
            "luân chuyển cán bộ",
        )?;
        Ok(Fixture {
            root,
            ward,
            cell1,
            cell2,
            base_cell,
            plan,
        })
    })
}

/// The review of 2023: chi bộ by 06/12, đảng bộ by 12/12.
fn review(plan: i64, rated: bool) -> Task {
    Task {
        id: 0,
        code: "kd-2023".into(),
        directive_id: plan,
        title: "Kiểm điểm năm 2023".into(),
        rated,
        for_people: false,
        dues: vec![
            DueRule {
                kind: UnitKind::ChiBoCoSo,
                due_on: day("06/12/2023"),
            },
            DueRule {
                kind: UnitKind::ChiBoTrucThuoc,
                due_on: day("06/12/2023"),
            },
            DueRule {
                kind: UnitKind::DangBoCoSo,
                due_on: day("12/12/2023"),
            },
        ],
    }
}

fn add_review(store: &mut dyn Storage, f: &Fixture) -> Result<Task> {
    write(store, "test", "task.add", |db| {
        Ok(db.insert_task(&review(f.plan, true), None)?.0)
    })
}

fn complete(db: &dyn Db, task: i64, unit: i64, on: &str) -> Result<()> {
    let obligation = db.obligation(task, unit)?.expect("an obligation");
    db.complete(
        obligation.id,
        day(on),
        &CompletionNote {
            recorded_by: "test",
            rating: Some(Rating::Httnv),
            ..CompletionNote::default()
        },
    )
}

pub fn directives_are_found_by_spec_number_and_title(store: &mut dyn Storage) -> Result<()> {
    let f = fixture(store)?;
    let db = store.read();
    let by_symbol = DirectiveSpec::parse("223-KH/TU", None).expect("a spec");
    // A number-only record is the same document as the symbol of that type and number.
    let found = db.directives_by_spec(&by_symbol)?;
    assert_eq!(found.iter().map(|d| d.id).collect::<Vec<_>>(), [f.plan]);
    let same = db.same_directive(
        &by_symbol,
        "Ban Thường vụ Thị ủy Sơn Tây",
        Some(day("23/11/2023")),
    )?;
    assert_eq!(same.map(|d| d.id), Some(f.plan));
    let other_issuer = db.same_directive(
        &by_symbol,
        "Ban Thường vụ Thành ủy Hà Nội",
        Some(day("23/11/2023")),
    )?;
    assert_eq!(other_issuer, None);
    assert_eq!(db.directives_numbered("188")?.len(), 1);
    assert_eq!(db.directives_titled("luan chuyen")?.len(), 1);
    // Oldest first; the search folds accents and case.
    let all: Vec<String> = db.directives(None)?.into_iter().map(|d| d.number).collect();
    assert_eq!(all, ["188", "223"]);
    assert_eq!(db.directives(Some("XẾP LOẠI"))?.len(), 1);
    assert!(matches!(
        db.directive(9999),
        Err(Error::NotFound {
            what: Entity::Directive,
            ..
        })
    ));
    drop(db);
    write(store, "test", "directive.edit", |db| {
        let mut d = db.directive(f.plan)?;
        d.title = "kiểm điểm năm 2023".into();
        db.update_directive(&d)
    })?;
    assert_eq!(store.read().directive(f.plan)?.title, "kiểm điểm năm 2023");
    // An unknown issue date: the same as another unknown one, not as a known one.
    let scheme = DirectiveSpec::parse("34-ĐA/TU", None).expect("a spec");
    let issuer = "Ban Thường vụ Thành ủy Hà Nội";
    let undated = write(store, "test", "directive.add", |db| {
        db.insert_directive(&scheme, "34-ĐA/TU", issuer, None, "tạo nguồn cán bộ")
    })?;
    assert_eq!(undated.issued_on, None);
    let db = store.read();
    assert_eq!(db.directive(undated.id)?.issued_on, None);
    let same = db.same_directive(&scheme, issuer, None)?;
    assert_eq!(same.map(|d| d.id), Some(undated.id));
    assert_eq!(
        db.same_directive(&scheme, issuer, Some(day("06/11/2023")))?,
        None
    );
    assert_eq!(
        db.same_directive(&by_symbol, "Ban Thường vụ Thị ủy Sơn Tây", None)?,
        None
    );
    Ok(())
}

pub fn unit_codes_are_unique_and_names_sort_in_vietnamese_order(
    store: &mut dyn Storage,
) -> Result<()> {
    let f = fixture(store)?;
    let taken = write(store, "test", "unit.add", |db| {
        db.insert_unit("NQ", "Đảng bộ khác", UnitKind::DangBoCoSo, Some(f.root))
    });
    assert!(
        matches!(&taken, Err(Error::CodeTaken { what: Entity::Unit, holder, .. }) if holder == "Đảng bộ phường Ngô Quyền"),
        "{taken:?}"
    );
    let db = store.read();
    assert_eq!(db.unit_by_code("nq")?.map(|u| u.id), Some(f.ward));
    assert_eq!(db.unit(f.cell1)?.parent_id, Some(f.ward));
    assert_eq!(db.units_named("chi bo khu 1")?.len(), 1);
    // "Chi bộ Cơ quan…" before "Chi bộ khu…": Vietnamese order, not bytes.
    let names: Vec<String> = db
        .units_containing("chi bo")?
        .into_iter()
        .map(|u| u.code)
        .collect();
    assert_eq!(names, ["cb", "nq1", "nq2"]);
    assert!(db.has_units()?);
    let roots: Vec<i64> = db.roots()?.into_iter().map(|u| u.id).collect();
    assert_eq!(roots, [f.root]);
    drop(db);
    // Other names: found by their fold, listed in the order given.
    write(store, "test", "unit.edit", |db| {
        assert!(db.add_alias(f.cell1, "Khu Một")?);
        assert!(db.add_alias(f.ward, "NQ phường")?);
        assert!(db.add_alias(f.cell1, "K1")?);
        assert!(!db.add_alias(f.cell1, "khu mot")?);
        Ok::<(), Error>(())
    })?;
    let db = store.read();
    let found: Vec<i64> = db.units_aliased("khu mot")?.iter().map(|u| u.id).collect();
    assert_eq!(found, [f.cell1]);
    assert_eq!(db.aliases(f.cell1)?, ["Khu Một", "K1"]);
    let mut all = db.all_aliases()?;
    all.sort_by_key(|(unit, _)| *unit);
    let want = [
        (f.ward, "NQ phường".to_string()),
        (f.cell1, "Khu Một".to_string()),
        (f.cell1, "K1".to_string()),
    ];
    let mut want = want.to_vec();
    want.sort_by_key(|(unit, _)| *unit);
    assert_eq!(all, want);
    Ok(())
}

pub fn the_tree_is_listed_in_order_and_moves_keep_it_a_tree(store: &mut dyn Storage) -> Result<()> {
    let f = fixture(store)?;
    let tree = |store: &dyn Storage| -> Result<Vec<(String, usize)>> {
        Ok(store
            .read()
            .units_in_tree_order(None, None)?
            .into_iter()
            .map(|r| (r.unit.code, r.depth))
            .collect())
    };
    let want = [("st", 0), ("cb", 1), ("nq", 1), ("nq1", 2), ("nq2", 2)];
    assert_eq!(tree(store)?, want.map(|(c, d)| (c.to_string(), d)));
    let cycle = write(store, "test", "unit.move", |db| {
        db.move_unit(f.ward, f.cell1)
    });
    assert!(matches!(cycle, Err(Error::MoveCycle { .. })), "{cycle:?}");
    write(store, "test", "unit.rename", |db| {
        db.rename_unit(f.cell2, "Chi bộ An Bình")?;
        db.move_unit(f.cell2, f.root)
    })?;
    let want = [("st", 0), ("nq2", 1), ("cb", 1), ("nq", 1), ("nq1", 2)];
    assert_eq!(tree(store)?, want.map(|(c, d)| (c.to_string(), d)));
    let found = store.read().units_in_tree_order(Some("an binh"), None)?;
    assert_eq!(found.len(), 1);
    Ok(())
}

pub fn a_task_makes_obligations_for_its_kinds_within_a_subtree(
    store: &mut dyn Storage,
) -> Result<()> {
    let f = fixture(store)?;
    let (task, n) = write(store, "test", "task.add", |db| {
        db.insert_task(&review(f.plan, false), None)
    })?;
    // Two chi bộ trực thuộc, one chi bộ cơ sở, one đảng bộ cơ sở.
    assert_eq!(n, 4);
    let (within, n) = write(store, "test", "task.add", |db| {
        let mut t = review(f.plan, false);
        t.code = db.free_task_code("kh223")?;
        db.insert_task(&t, Some(f.ward))
    })?;
    assert_eq!((within.code.as_str(), n), ("kh223-1", 3));
    let db = store.read();
    assert_eq!(db.task_by_code("kd-2023")?.map(|t| t.id), Some(task.id));
    assert_eq!(db.tasks_of(f.plan)?.len(), 2);
    assert_eq!(db.tasks(None, Some("KIEM DIEM"))?.len(), 2);
    assert_eq!(db.obligation_count(within.id)?, 3);
    assert_eq!(db.obligation(within.id, f.base_cell)?, None);
    let o = db.obligation(task.id, f.ward)?.expect("the ward owes it");
    assert_eq!((o.due_on, o.completed_on), (day("12/12/2023"), None));
    assert_eq!(db.task_by_code("kd-2023")?.expect("a task").dues.len(), 3);
    Ok(())
}

pub fn completions_and_extensions_are_recorded(store: &mut dyn Storage) -> Result<()> {
    let f = fixture(store)?;
    let task = add_review(store, &f)?;
    write(store, "test", "done", |db| {
        complete(db, task.id, f.cell1, "05/12/2023")
    })?;
    let db = store.read();
    assert_eq!(
        db.below_not_done_by(task.id, f.ward, day("05/12/2023"))?,
        [("Chi bộ khu 2".to_string(), None)]
    );
    assert_eq!(
        db.below_not_done_by(task.id, f.ward, day("04/12/2023"))?,
        [
            ("Chi bộ khu 1".to_string(), Some(day("05/12/2023"))),
            ("Chi bộ khu 2".to_string(), None)
        ]
    );
    assert_eq!(db.done_above(task.id, f.cell1)?, []);
    let recorded = db
        .recorded_completion(db.obligation(task.id, f.cell1)?.expect("an obligation").id)?
        .expect("a completion");
    assert_eq!(
        (
            recorded.on,
            recorded.rating,
            recorded.recorded_by.as_deref()
        ),
        (day("05/12/2023"), Some(Rating::Httnv), Some("test"))
    );
    let open = db.obligation(task.id, f.cell2)?.expect("an obligation");
    assert_eq!(db.recorded_completion(open.id)?, None);
    assert_eq!(db.open_reviews_of_unit(f.cell1)?, Vec::<String>::new());
    assert_eq!(db.open_reviews_of_unit(f.cell2)?, ["kd-2023"]);
    let done = db.obligation(task.id, f.cell1)?.expect("an obligation");
    assert_eq!(done.completed_on, Some(day("05/12/2023")));
    drop(db);
    write(store, "test", "extend", |db| {
        let o = db.obligation(task.id, f.cell2)?.expect("an obligation");
        db.extend(o.id, day("20/12/2023"), "thiếu nhân sự")
    })?;
    let o = store
        .read()
        .obligation(task.id, f.cell2)?
        .expect("an obligation");
    assert_eq!(
        (o.due_on, o.original_due_on),
        (day("20/12/2023"), Some(day("06/12/2023")))
    );
    write(store, "test", "done", |db| {
        complete(db, task.id, f.ward, "10/12/2023")
    })?;
    assert_eq!(
        store.read().done_above(task.id, f.cell2)?,
        [("Đảng bộ phường Ngô Quyền".to_string(), day("10/12/2023"))]
    );
    Ok(())
}

pub fn people_owe_tasks_for_people(store: &mut dyn Storage) -> Result<()> {
    let f = fixture(store)?;
    let person = |code: &str, name: &str| Person {
        id: 0,
        code: code.into(),
        name: name.into(),
        position: "Bí thư".into(),
        unit_id: f.ward,
        from_on: None,
        to_on: None,
    };
    let an = write(store, "test", "person.add", |db| {
        db.insert_person(&person("an", "Nguyễn Văn An"))
    })?;
    let taken = write(store, "test", "person.add", |db| {
        db.insert_person(&person("an", "Trần Văn An"))
    });
    assert!(
        matches!(
            taken,
            Err(Error::CodeTaken {
                what: Entity::Person,
                ..
            })
        ),
        "{taken:?}"
    );
    let (task, n) = write(store, "test", "task.add", |db| {
        let mut t = review(f.plan, true);
        t.for_people = true;
        t.code = "kd-cb".into();
        db.insert_task(&t, None)
    })?;
    assert_eq!(n, 1);
    let db = store.read();
    assert!(db.person_obligation(task.id, an.id)?.is_some());
    assert_eq!(
        db.person_by_code("an")?.map(|p| p.name),
        Some("Nguyễn Văn An".into())
    );
    assert_eq!(db.people_named("nguyen van an", true)?.len(), 1);
    assert_eq!(db.people_named("van an", false)?.len(), 1);
    assert_eq!(db.people(Some("bi thu"))?.len(), 1);
    drop(db);
    let stopped = write(store, "test", "person.leave", |db| {
        db.end_person(an.id, day("01/07/2025"), "left")
    })?;
    let left = store.read().person_by_code("an")?.expect("a person");
    assert_eq!(left.to_on, Some(day("01/07/2025")));
    // What they still owed stops from that day.
    assert_eq!(stopped, 1);
    Ok(())
}

pub fn revocation_dissolution_and_merger_cancel_or_pass_on(store: &mut dyn Storage) -> Result<()> {
    let f = fixture(store)?;
    let task = add_review(store, &f)?;
    write(store, "test", "done", |db| {
        complete(db, task.id, f.cell1, "05/12/2023")
    })?;
    // cell2 merges into cell1 (which owes the task already: nothing passes
    // on, cell2's open obligation is closed).
    let merged = write(store, "test", "unit.merge", |db| {
        db.merge_unit(f.cell2, f.cell1, day("01/07/2025"), "sáp nhập")
    })?;
    assert_eq!(merged, (0, 1));
    let db = store.read();
    assert_eq!(db.dissolved_on(f.cell2)?, Some(day("01/07/2025")));
    let children: Vec<i64> = db
        .live_children(f.ward)?
        .into_iter()
        .map(|u| u.id)
        .collect();
    assert_eq!(children, [f.cell1]);
    drop(db);
    let cancelled = write(store, "test", "unit.dissolve", |db| {
        db.dissolve_unit(f.base_cell, day("01/07/2025"), "giải thể")
    })?;
    assert_eq!(cancelled, 1);
    let cancelled = write(store, "test", "directive.revoke", |db| {
        db.revoke_directive(f.plan, day("02/07/2025"), "hết hiệu lực", None)
    })?;
    // The ward is still open; the done one and the cancelled ones stay as they are.
    assert_eq!(cancelled, 1);
    assert_eq!(store.read().revoked_on(f.plan)?, Some(day("02/07/2025")));
    Ok(())
}

pub fn rules_are_stored_and_checked(store: &mut dyn Storage) -> Result<()> {
    let f = fixture(store)?;
    assert!(store.read().rules()?.lower_levels_first);
    let was = write(store, "test", "rules.set", |db| {
        db.set_rule("lower-levels-first", "off")
    })?;
    assert_eq!(was, "on");
    assert!(!store.read().rules()?.lower_levels_first);
    let unknown = write(store, "test", "rules.set", |db| {
        db.set_rule("no-such-rule", "1")
    });
    assert!(
        matches!(unknown, Err(Error::UnknownRule { .. })),
        "{unknown:?}"
    );
    let bad = write(store, "test", "rules.set", |db| {
        db.set_rule("htxsnv-quota-pct", "abc")
    });
    assert!(matches!(bad, Err(Error::BadRuleValue { .. })), "{bad:?}");
    let task = add_review(store, &f)?;
    write(store, "test", "unit.founded", |db| {
        db.set_founded(f.cell1, day("01/09/2023"))?;
        complete(db, task.id, f.cell1, "05/12/2023")
    })?;
    let facts = store
        .read()
        .rating_facts(Some(task.id), None, day("13/12/2023"))?;
    assert_eq!(facts.len(), 4);
    let cell1 = facts
        .iter()
        .find(|r| r.unit_code == "nq1")
        .expect("nq1 is rated");
    assert_eq!(
        (cell1.rating, cell1.founded_on, cell1.parent_code.as_deref()),
        (Some(Rating::Httnv), Some(day("01/09/2023")), Some("nq"))
    );
    Ok(())
}

pub fn every_write_is_one_change_all_or_nothing(store: &mut dyn Storage) -> Result<()> {
    let f = fixture(store)?;
    let failed: Result<()> = write(store, "clerk", "unit.add", |db| {
        db.insert_unit("new", "Chi bộ mới", UnitKind::ChiBoCoSo, Some(f.root))?;
        Err(Error::UnitNeeded)
    });
    assert!(matches!(failed, Err(Error::UnitNeeded)));
    let db = store.read();
    assert_eq!(db.unit_by_code("new")?, None);
    assert!(
        db.changes(&LogFilter::default())?
            .iter()
            .all(|c| c.actor != "clerk")
    );
    drop(db);
    write(store, "clerk", "unit.add", |db| {
        let unit = db.insert_unit("new", "Chi bộ mới", UnitKind::ChiBoCoSo, Some(f.root))?;
        db.note(
            serde_json::json!({ "unit": unit.name }),
            Some(unit.id),
            None,
        )?;
        db.set_action("unit.add")
    })?;
    let db = store.read();
    let changes = db.changes(&LogFilter::default())?;
    let last = &changes[0];
    assert_eq!(
        (last.actor.as_str(), last.action.as_str()),
        ("clerk", "unit.add")
    );
    assert_eq!(last.details["unit"], "Chi bộ mới");
    let new = db.unit_by_code("new")?.expect("the unit").id;
    let filtered = db.changes(&LogFilter {
        unit: Some(new),
        ..LogFilter::default()
    })?;
    assert_eq!(filtered.len(), 1);
    assert_eq!(db.change(last.id)?.map(|c| c.id), Some(last.id));
    assert_eq!(db.last_change_of("clerk")?.map(|c| c.id), Some(last.id));
    Ok(())
}

pub fn undo_takes_a_change_back_unless_a_later_one_depends_on_it(
    store: &mut dyn Storage,
) -> Result<()> {
    let f = fixture(store)?;
    let task = add_review(store, &f)?;
    write(store, "clerk", "done", |db| {
        complete(db, task.id, f.cell1, "05/12/2023")
    })?;
    let done = store.read().last_change_of("clerk")?.expect("a change");
    // A later change of the same row blocks the undo.
    write(store, "clerk", "extend", |db| {
        let o = db.obligation(task.id, f.cell1)?.expect("an obligation");
        db.extend(o.id, day("20/12/2023"), "lý do")
    })?;
    let blocked = write(store, "clerk", "undo", |db| db.undo(&done));
    assert!(
        matches!(blocked, Err(Error::UndoBlocked { id, .. }) if id == done.id),
        "{blocked:?}"
    );
    let extension = store.read().last_change_of("clerk")?.expect("a change");
    write(store, "clerk", "undo", |db| db.undo(&extension))?;
    write(store, "clerk", "undo", |db| db.undo(&done))?;
    let db = store.read();
    let o = db.obligation(task.id, f.cell1)?.expect("an obligation");
    assert_eq!((o.completed_on, o.due_on), (None, day("06/12/2023")));
    let again = db.change(done.id)?.expect("the change");
    assert!(again.undone_by.is_some());
    drop(db);
    let twice = write(store, "clerk", "undo", |db| db.undo(&again));
    assert!(matches!(twice, Err(Error::UndoAlready { .. })), "{twice:?}");
    Ok(())
}

pub fn reports_list_and_count_the_same_obligations(store: &mut dyn Storage) -> Result<()> {
    let f = fixture(store)?;
    let task = add_review(store, &f)?;
    write(store, "test", "done", |db| {
        complete(db, task.id, f.cell1, "05/12/2023")?;
        complete(db, task.id, f.base_cell, "08/12/2023")
    })?;
    let db = store.read();
    let listed = |scope: &Scope, as_of: &str| -> Result<Vec<(String, Status)>> {
        let mut rows = Vec::new();
        db.for_each_obligation(
            scope,
            Selection::Overdue,
            day(as_of),
            Order::Unit,
            &mut |row| {
                rows.push((row.unit_code.clone(), row.status));
                Ok(())
            },
        )?;
        Ok(rows)
    };
    let everything = Scope::default();
    // 07/12: cell2 and the base cell are late; the ward is not due yet. By
    // parent in Vietnamese order: "Đảng bộ phường…" before "Đảng bộ thị xã…".
    let late = listed(&everything, "07/12/2023")?;
    assert_eq!(
        late,
        [
            ("nq2".to_string(), Status::Overdue),
            ("cb".to_string(), Status::Overdue)
        ]
    );
    assert_eq!(db.count_overdue(&everything, day("07/12/2023"))?, 2);
    // 13/12: the base cell is done (late), the ward now late too.
    let under_ward = Scope {
        within: Some(f.ward),
        ..Scope::default()
    };
    assert_eq!(listed(&under_ward, "13/12/2023")?.len(), 2);
    assert_eq!(db.count_overdue(&under_ward, day("13/12/2023"))?, 2);
    assert_eq!(db.count_overdue(&everything, day("13/12/2023"))?, 2);
    let mut statuses = Vec::new();
    db.for_each_fact(&everything, day("13/12/2023"), &mut |facts| {
        statuses.extend(facts.iter().map(|f| f.status))
    })?;
    statuses.sort_by_key(|s| *s as u8);
    assert_eq!(
        statuses,
        [
            Status::DoneOnTime,
            Status::DoneLate,
            Status::Overdue,
            Status::Overdue
        ]
    );
    let groups = db.parent_units(day("13/12/2023"))?;
    assert!(groups.contains_key(&f.root) && groups.contains_key(&f.ward));
    assert_eq!(groups.len(), 2);
    assert_eq!(db.unit_parents(day("13/12/2023"))?.len(), 4);
    // An error from the callback stops the walk and comes back.
    let stopped = db.for_each_obligation(
        &everything,
        Selection::All,
        day("13/12/2023"),
        Order::Due,
        &mut |_| Err(Error::UnitNeeded),
    );
    assert!(matches!(stopped, Err(Error::UnitNeeded)));
    Ok(())
}

pub fn an_export_imports_into_an_empty_store_only(
    store: &mut dyn Storage,
    fresh: &mut dyn Storage,
) -> Result<()> {
    let f = fixture(store)?;
    add_review(store, &f)?;
    let mut exported = Vec::new();
    store.export(&mut exported)?;
    let document: serde_json::Value = serde_json::from_slice(&exported)?;
    let again = store.import(&document, "export.json", &|_| Ok(()));
    assert!(matches!(again, Err(Error::ImportNotEmpty)), "{again:?}");
    // Into a fresh store of the same engine: the same export comes back out.
    let n = fresh.import(&document, "export.json", &|_| Ok(()))?;
    assert!(n > 0);
    let mut back = Vec::new();
    fresh.export(&mut back)?;
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&back)?,
        document
    );
    assert_eq!(fresh.version()?, store.version()?);
    Ok(())
}

pub fn a_tasks_due_dates_change_with_its_obligations(store: &mut dyn Storage) -> Result<()> {
    let f = fixture(store)?;
    let (task, _) = write(store, "test", "task.add", |db| {
        let mut t = review(f.plan, false);
        t.dues.retain(|d| d.kind != UnitKind::ChiBoTrucThuoc);
        db.insert_task(&t, None)
    })?;
    let db = store.read();
    assert_eq!(db.task_within(task.id)?, None);
    assert_eq!(
        db.obligations_of_kind(task.id, UnitKind::ChiBoTrucThuoc)?,
        []
    );
    let cells = db.obligations_of_kind(task.id, UnitKind::ChiBoCoSo)?;
    assert_eq!(cells.len(), 1);
    assert_eq!(
        (cells[0].due_on, cells[0].completed_on, cells[0].cancelled),
        (day("06/12/2023"), None, false)
    );
    drop(db);
    // A kind added: its units owe the task; none twice.
    let added = write(store, "test", "task.edit", |db| {
        db.set_task_due(task.id, UnitKind::ChiBoTrucThuoc, Some(day("08/12/2023")))?;
        let n = db.add_obligations(task.id, UnitKind::ChiBoTrucThuoc, day("08/12/2023"))?;
        let again = db.add_obligations(task.id, UnitKind::ChiBoTrucThuoc, day("08/12/2023"))?;
        Ok::<_, Error>((n, again))
    })?;
    assert_eq!(added, (2, 0));
    // A due date moved as an extension is, and back again.
    let cell = cells[0].id;
    write(store, "test", "task.edit", |db| {
        db.set_task_due(task.id, UnitKind::ChiBoCoSo, Some(day("15/12/2023")))?;
        db.set_due(cell, day("15/12/2023"), "công văn")
    })?;
    let o = store
        .read()
        .obligation(task.id, f.base_cell)?
        .expect("owed");
    assert_eq!(
        (o.due_on, o.original_due_on),
        (day("15/12/2023"), Some(day("06/12/2023")))
    );
    write(store, "test", "task.edit", |db| {
        db.set_due(cell, day("06/12/2023"), "trở lại")
    })?;
    let o = store
        .read()
        .obligation(task.id, f.base_cell)?
        .expect("owed");
    assert_eq!((o.due_on, o.original_due_on), (day("06/12/2023"), None));
    // A kind removed, with its obligations; the log can bring them back.
    write(store, "test", "task.edit", |db| {
        for o in db.obligations_of_kind(task.id, UnitKind::ChiBoTrucThuoc)? {
            db.delete_obligation(o.id)?;
        }
        db.set_task_due(task.id, UnitKind::ChiBoTrucThuoc, None)
    })?;
    let removal = store.read().last_change_of("test")?.expect("a change");
    let db = store.read();
    assert_eq!(db.obligation(task.id, f.cell1)?, None);
    assert_eq!(db.task_by_code("kd-2023")?.expect("a task").dues.len(), 2);
    drop(db);
    write(store, "test", "undo", |db| db.undo(&removal))?;
    let db = store.read();
    assert!(db.obligation(task.id, f.cell1)?.is_some());
    assert_eq!(db.task_by_code("kd-2023")?.expect("a task").dues.len(), 3);
    Ok(())
}

pub fn tasks_are_given_after_they_were_set_and_follow_a_new_kind(
    store: &mut dyn Storage,
) -> Result<()> {
    let f = fixture(store)?;
    let task = add_review(store, &f)?;
    let (within, _) = write(store, "test", "task.add", |db| {
        let mut t = review(f.plan, false);
        t.code = "kd-nq".into();
        db.insert_task(&t, Some(f.ward))
    })?;
    let an = write(store, "test", "person.add", |db| {
        db.insert_person(&Person {
            id: 0,
            code: "an".into(),
            name: "Nguyễn Văn An".into(),
            position: "Bí thư".into(),
            unit_id: f.ward,
            from_on: None,
            to_on: None,
        })
    })?;
    let db = store.read();
    let in_force: Vec<(String, Option<i64>)> = db
        .tasks_in_force()?
        .into_iter()
        .map(|(t, within)| (t.code, within))
        .collect();
    assert_eq!(
        in_force,
        [
            ("kd-2023".to_string(), None),
            ("kd-nq".into(), Some(f.ward))
        ]
    );
    assert_eq!(db.tasks_in_force()?[0].0.dues.len(), 3);
    assert_eq!(db.task_within(within.id)?, Some(f.ward));
    assert_eq!(db.task_within(task.id)?, None);
    assert!(db.has_open_obligations(task.id)?);
    let ids = |units: Vec<crate::domain::unit::Unit>| -> Vec<i64> {
        units.into_iter().map(|u| u.id).collect()
    };
    assert_eq!(
        ids(db.units_within(Some(f.ward))?),
        [f.ward, f.cell1, f.cell2]
    );
    assert_eq!(ids(db.units_within(None)?).len(), 5);
    assert_eq!(
        db.people_in_post(f.ward)?
            .into_iter()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        [an.id]
    );
    let mut owing = db.owing(within.id)?;
    owing.sort();
    assert_eq!(owing, [(f.ward, None), (f.cell1, None), (f.cell2, None)]);
    drop(db);

    // A unit that joins, and a person, given a task: logged, undone whole.
    let new = write(store, "test", "unit.add", |db| {
        let unit = db.insert_unit("cb2", "Chi bộ mới", UnitKind::ChiBoCoSo, Some(f.root))?;
        let n = db.insert_obligations(
            task.id,
            &[NewObligation {
                unit_id: unit.id,
                person_id: None,
                due_on: day("06/12/2023"),
                opened_on: Some(day("01/12/2023")),
            }],
        )?;
        assert_eq!(n, 1);
        Ok::<_, Error>(unit)
    })?;
    write(store, "test", "task.assign", |db| {
        db.insert_obligations(
            task.id,
            &[NewObligation {
                unit_id: f.ward,
                person_id: Some(an.id),
                due_on: day("12/12/2023"),
                opened_on: None,
            }],
        )
    })?;
    let db = store.read();
    let o = db.obligation(task.id, new.id)?.expect("it owes the review");
    assert_eq!((o.due_on, o.completed_on), (day("06/12/2023"), None));
    assert!(db.person_obligation(task.id, an.id)?.is_some());
    // A report before the unit was founded does not show it.
    let mut shown = Vec::new();
    db.for_each_obligation(
        &Scope {
            task: Some(task.id),
            ..Scope::default()
        },
        Selection::All,
        day("30/11/2023"),
        Order::Unit,
        &mut |row| {
            shown.push(row.unit_code.clone());
            Ok(())
        },
    )?;
    assert!(!shown.contains(&"cb2".to_string()), "{shown:?}");
    drop(db);
    let assigned = store.read().last_change_of("test")?.expect("a change");
    write(store, "test", "undo", |db| db.undo(&assigned))?;
    assert_eq!(store.read().person_obligation(task.id, an.id)?, None);

    // The obligations of a unit, with the due date of another kind; one
    // moved, logged.
    write(store, "test", "done", |db| {
        complete(db, task.id, f.cell1, "05/12/2023")
    })?;
    let db = store.read();
    let of_cell = db.unit_obligations(f.cell2, UnitKind::ChiBoCoSo)?;
    assert_eq!(of_cell.len(), 2);
    assert_eq!(
        (
            of_cell[0].task.as_str(),
            of_cell[0].due_on,
            of_cell[0].due_for_kind
        ),
        ("kd-2023", day("06/12/2023"), Some(day("06/12/2023")))
    );
    let done = db.unit_obligations(f.cell1, UnitKind::DangBoBoPhan)?;
    assert_eq!(
        (done[0].completed_on, done[0].due_for_kind),
        (Some(day("05/12/2023")), None)
    );
    let ward = db.unit_obligations(f.ward, UnitKind::DangBoCoSo)?;
    assert_eq!(ward[0].person, None);
    let id = of_cell[0].id;
    drop(db);
    write(store, "test", "unit.edit", |db| {
        db.set_obligation_due(id, day("12/12/2023"))
    })?;
    let moved = store.read().obligation(task.id, f.cell2)?.expect("it owes");
    assert_eq!(
        (moved.due_on, moved.original_due_on),
        (day("12/12/2023"), None)
    );
    let change = store.read().last_change_of("test")?.expect("a change");
    write(store, "test", "undo", |db| db.undo(&change))?;
    let back = store.read().obligation(task.id, f.cell2)?.expect("it owes");
    assert_eq!(back.due_on, day("06/12/2023"));
    // A revoked directive's tasks are no longer in force.
    write(store, "test", "directive.revoke", |db| {
        db.revoke_directive(f.plan, day("01/07/2025"), "hết hiệu lực", None)
    })?;
    assert!(store.read().tasks_in_force()?.is_empty());
    Ok(())
}

pub fn results_carry_what_was_recorded_by_the_day(store: &mut dyn Storage) -> Result<()> {
    let f = fixture(store)?;
    let task = add_review(store, &f)?;
    write(store, "test", "done", |db| {
        complete(db, task.id, f.cell1, "05/12/2023")
    })?;
    write(store, "test", "extend", |db| {
        let o = db.obligation(task.id, f.cell2)?.expect("an obligation");
        db.extend(o.id, day("20/12/2023"), "thiếu nhân sự")
    })?;
    let db = store.read();
    let scope = Scope {
        task: Some(task.id),
        ..Scope::default()
    };
    let results = |as_of: &str| -> Result<Vec<crate::domain::obligation::ObligationResult>> {
        let mut seen = Vec::new();
        db.for_each_result(&scope, day(as_of), &mut |r| {
            seen.push(r);
            Ok(())
        })?;
        Ok(seen)
    };
    // Every obligation of the task, whatever its status.
    let now = results("13/12/2023")?;
    assert_eq!(now.len(), 4);
    let of = |rows: &[crate::domain::obligation::ObligationResult], unit: i64| {
        rows.iter()
            .find(|r| r.unit_id == unit)
            .cloned()
            .expect("a result")
    };
    let done = of(&now, f.cell1);
    assert_eq!(
        (done.row.status, done.rating, done.row.completed_on),
        (
            Status::DoneOnTime,
            Some(Rating::Httnv),
            Some(day("05/12/2023"))
        )
    );
    let extended = of(&now, f.cell2);
    assert_eq!(
        (
            extended.row.due_on,
            extended.row.original_due_on,
            extended.extension_reason.as_deref(),
            extended.row.status
        ),
        (
            day("20/12/2023"),
            Some(day("06/12/2023")),
            Some("thiếu nhân sự"),
            Status::Open
        )
    );
    // Before the completion, nothing of it shows yet.
    let before = of(&results("04/12/2023")?, f.cell1);
    assert_eq!(
        (before.row.status, before.rating, before.row.completed_on),
        (Status::Open, None, None)
    );
    Ok(())
}

pub fn settings_are_stored_changed_removed_and_undone(store: &mut dyn Storage) -> Result<()> {
    assert_eq!(store.read().settings()?, []);
    let was = write(store, "test", "settings.set", |db| {
        db.set_setting("ky-hieu", Some("BTCTU"))
    })?;
    assert_eq!(was, None);
    write(store, "test", "settings.set", |db| {
        db.set_setting("dia-danh", Some("Sơn Tây"))
    })?;
    // The same value again is no change.
    let same = write(store, "test", "settings.set", |db| {
        db.set_setting("ky-hieu", Some("BTCTU"))
    });
    assert!(matches!(same, Err(Error::NothingChanged)), "{same:?}");
    let was = write(store, "test", "settings.set", |db| {
        db.set_setting("ky-hieu", Some("BTCHU"))
    })?;
    assert_eq!(was.as_deref(), Some("BTCTU"));
    let was = write(store, "test", "settings.unset", |db| {
        db.set_setting("dia-danh", None)
    })?;
    assert_eq!(was.as_deref(), Some("Sơn Tây"));
    assert_eq!(
        store.read().settings()?,
        [("ky-hieu".to_string(), "BTCHU".to_string())]
    );
    // Undone, the removal puts the row back as it was.
    let last = store.read().last_change_of("test")?.expect("a change");
    write(store, "test", "undo", |db| db.undo(&last))?;
    assert_eq!(
        store.read().settings()?,
        [
            ("dia-danh".to_string(), "Sơn Tây".to_string()),
            ("ky-hieu".to_string(), "BTCHU".to_string())
        ]
    );
    Ok(())
}

pub fn a_directives_marks_are_kept_exported_and_undone(store: &mut dyn Storage) -> Result<()> {
    use crate::domain::{Secrecy, Urgency};
    let f = fixture(store)?;
    let plan = store.read().directive(f.plan)?;
    assert_eq!((plan.secrecy, plan.urgency), (None, None));
    write(store, "clerk", "directive.edit", |db| {
        let mut marked = db.directive(f.plan)?;
        marked.secrecy = Some(Secrecy::ToiMat);
        marked.urgency = Some(Urgency::HoaToc);
        db.update_directive(&marked)?;
        db.note(serde_json::json!({}), None, Some(f.plan))
    })?;
    let read = store.read().directive(f.plan)?;
    assert_eq!(
        (read.secrecy, read.urgency),
        (Some(Secrecy::ToiMat), Some(Urgency::HoaToc))
    );
    // Every list of directives carries them.
    let listed = store.read().directives(None)?;
    let listed = listed.iter().find(|d| d.id == f.plan).expect("listed");
    assert_eq!(listed.secrecy, Some(Secrecy::ToiMat));
    // The log says which directive a change was about.
    let change = store.read().last_change_of("clerk")?.expect("a change");
    assert_eq!(change.directive_id, Some(f.plan));
    // An export carries the marks into a fresh store as they were.
    let mut bytes = Vec::new();
    store.export(&mut bytes)?;
    let document: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let rows = document["tables"]["directive"].as_array().expect("rows");
    assert!(
        rows.iter()
            .any(|r| r["secrecy"] == "toi-mat" && r["urgency"] == "hoa-toc"),
        "{rows:?}"
    );
    // Undone, the directive carries none again.
    write(store, "clerk", "undo", |db| db.undo(&change))?;
    let undone = store.read().directive(f.plan)?;
    assert_eq!((undone.secrecy, undone.urgency), (None, None));
    Ok(())
}

/// Reports list every obligation in the order of the units' names as they
/// are now: the parent (collation key, then code; none first), then the
/// unit (collation key, then code); by due date, that order within a day;
/// within a subtree too. The order is stored, so this is checked after each
/// kind of write that changes it.
fn assert_in_collation_order(store: &dyn Storage, task: i64, after: &str) -> Result<()> {
    use crate::domain::obligation::ObligationRow;
    use crate::text::collate::sort_key;
    let db = store.read();
    let unit_key = |r: &ObligationRow| {
        (
            r.parent.as_deref().map(sort_key),
            r.parent_code.as_deref().map(str::to_lowercase),
            sort_key(&r.unit),
            r.unit_code.to_lowercase(),
        )
    };
    let root = db.roots()?.first().map(|u| u.id);
    for (order, within) in [(Order::Unit, None), (Order::Due, None), (Order::Unit, root)] {
        let mut rows = Vec::new();
        let scope = Scope {
            within,
            ..Scope::default()
        };
        db.for_each_obligation(&scope, Selection::All, day("31/12/2030"), order, &mut |r| {
            rows.push(r.clone());
            Ok(())
        })?;
        assert_eq!(rows.len(), db.obligation_count(task)?, "after {after}");
        let listed: Vec<&str> = rows.iter().map(|r| r.unit_code.as_str()).collect();
        let keys: Vec<_> = rows
            .iter()
            .map(|r| ((order == Order::Due).then_some(r.due_on), unit_key(r)))
            .collect();
        assert!(keys.is_sorted(), "after {after}, {order:?}: {listed:?}");
    }
    Ok(())
}

pub fn the_stored_order_of_units_follows_every_write(
    store: &mut dyn Storage,
    fresh: &mut dyn Storage,
) -> Result<()> {
    let f = fixture(store)?;
    let task = add_review(store, &f)?.id;
    assert_in_collation_order(store, task, "a task")?;
    // A unit added, with a name that comes first under its parent.
    write(store, "test", "unit.add", |db| {
        let id = db.insert_unit_row(
            "ab",
            "Chi bộ An Bình",
            UnitKind::ChiBoTrucThuoc,
            Some(f.ward),
        )?;
        db.add_obligations(task, UnitKind::ChiBoTrucThuoc, day("06/12/2023"))?;
        Ok::<_, Error>(id)
    })?;
    assert_in_collation_order(store, task, "an add")?;
    // Units added many at once, as an import does.
    write(store, "test", "unit.import", |db| {
        for (code, name) in [
            ("z1", "Chi bộ Ấp Đông"),
            ("z2", "Chi bộ Ấp Bắc"),
            ("z3", "Chi bộ ấp bắc"),
        ] {
            db.insert_unit_row(code, name, UnitKind::ChiBoTrucThuoc, Some(f.ward))?;
        }
        db.add_obligations(task, UnitKind::ChiBoTrucThuoc, day("06/12/2023"))
    })?;
    assert_in_collation_order(store, task, "an import")?;
    // A rename: the last of the ward's chi bộ comes first.
    write(store, "test", "unit.rename", |db| {
        db.rename_unit(f.cell2, "Chi bộ Ấp An")
    })?;
    assert_in_collation_order(store, task, "a rename")?;
    // The parent renamed: every unit under it moves past the committee's.
    write(store, "test", "unit.rename", |db| {
        db.rename_unit(f.ward, "Đảng bộ xã Xuân Sơn")
    })?;
    assert_in_collation_order(store, task, "a parent's rename")?;
    let renamed = store.read().last_change_of("test")?.expect("a change");
    // A move.
    write(store, "test", "unit.move", |db| {
        db.move_unit(f.base_cell, f.ward)
    })?;
    assert_in_collation_order(store, task, "a move")?;
    let moved = store.read().last_change_of("test")?.expect("a change");
    // A merger: the units under the merged one go to its successor.
    write(store, "test", "unit.merge", |db| {
        db.merge_unit(f.cell1, f.cell2, day("01/07/2025"), "sáp nhập")
    })?;
    assert_in_collation_order(store, task, "a merger")?;
    let merged = store.read().last_change_of("test")?.expect("a change");
    // Undone, one after the other.
    for (change, what) in [
        (merged, "a merger"),
        (moved, "a move"),
        (renamed, "a rename"),
    ] {
        write(store, "test", "undo", |db| db.undo(&change))?;
        assert_in_collation_order(store, task, &format!("the undo of {what}"))?;
    }
    // An export imported into an empty store.
    let mut exported = Vec::new();
    store.export(&mut exported)?;
    let document: serde_json::Value = serde_json::from_slice(&exported)?;
    fresh.import(&document, "export.json", &|_| Ok(()))?;
    assert_in_collation_order(fresh, task, "the import of an export")?;
    Ok(())
}
