//! Import of any document, then every report over what it let in. Seeded
//! with a real export (see README: "Fuzzing"), the byte mutations of
//! libFuzzer reach every table and column: dates, kinds, ids, parents, the
//! change log. Import must refuse with one of its own errors or write what
//! the reports can read to the end: no panic, no hang, no error of the
//! storage engine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use theodoi::app;
use theodoi::app::ratings::RatingsQuery;
use theodoi::app::reports::Filters;
use theodoi::domain::error::Error;
use theodoi::report::progress::GroupBy;
use theodoi::store::{Db, LogFilter, Scope, SqliteStore, Storage};
use theodoi::text::date::parse_date;

fuzz_target!(|data: &[u8]| {
    let Ok(document) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let mut store = SqliteStore::open_in_memory().expect("a database in memory");
    match app::portable::import(&mut store, document, "fuzz.json") {
        Ok(_) => {}
        // The refusals of import's own checks, said on one line.
        Err(
            e @ (Error::NotAnExport { .. } | Error::ExportTooNew { .. } | Error::BadExport { .. }),
        ) => {
            let line = theodoi::i18n::message(&e);
            assert!(!line.is_empty() && !line.contains('\n'), "{line:?}");
            return;
        }
        Err(e) => panic!("the database refused what import let through: {e:?}"),
    }
    {
        let reader = store.read();
        reports(&*reader);
    }
    // Undo replays the imported log: it may refuse, never fail in the engine.
    let undone = theodoi::store::write(&mut store, "fuzz", "undo", |db| {
        app::history::undo(db, None, "?")
    });
    if let Err(e @ Error::Storage(_)) = undone {
        panic!("undo of an imported change: {e:?}");
    }
});

/// Every report, over everything and within the top of the tree, on two days.
fn reports(db: &dyn Db) {
    let ok = |what: &str, r: Result<(), Error>| {
        if let Err(e) = r {
            panic!("{what} on an imported database: {e:?}");
        }
    };
    let units = db
        .units_in_tree_order(None)
        .unwrap_or_else(|e| panic!("unit list: {e:?}"));
    let root = units.first().map(|row| row.unit.clone());
    for day in ["13/12/2023", "01/07/2030"] {
        let as_of = parse_date(day).expect("a day");
        let mut scopes = vec![Scope::default()];
        if let Some(root) = &root {
            scopes.push(Scope {
                within: Some(root.id),
                ..Scope::default()
            });
        }
        for scope in &scopes {
            ok(
                "overdue",
                app::reports::overdue(db, scope, as_of, &mut |_| Ok(())),
            );
            ok(
                "overdue --count",
                app::reports::count_overdue(db, scope, as_of).map(|_| ()),
            );
            ok(
                "upcoming",
                app::reports::upcoming(db, scope, as_of, 30, &mut |_| Ok(())),
            );
            for by in [GroupBy::Kind, GroupBy::Parent] {
                ok(
                    "progress",
                    app::progress::compute(db, scope, by, as_of).map(|_| ()),
                );
            }
        }
        if let Some(root) = &root {
            ok(
                "agenda",
                app::reports::agenda(db, root, &Filters::default(), as_of, &mut |_| Ok(())),
            );
        }
        let query = RatingsQuery {
            task: None,
            within: root.as_ref().map(|u| u.code.as_str()),
            as_of,
        };
        ok("ratings", app::ratings::ratings(db, &query).map(|_| ()));
    }
    match db.changes(&LogFilter::default()) {
        Ok(changes) => {
            for change in changes {
                let _ = theodoi::i18n::change_summary(&change.action, &change.details);
            }
        }
        Err(e) => panic!("log on an imported database: {e:?}"),
    }
    ok("person list", db.people(None).map(|_| ()));
    ok("directive list", db.directives(None).map(|_| ()));
    ok("task list", db.tasks(None, None).map(|_| ()));
}
