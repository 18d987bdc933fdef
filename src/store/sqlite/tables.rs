//! Every table of the database, listed once: the order export writes and
//! import restores them in, and what the change log and export do with each.

/// One table and what becomes of its rows.
#[derive(Debug, Clone, Copy)]
pub(super) struct Table {
    pub name: &'static str,
    /// Commands record their changes to its rows in the change log, and
    /// `undo` replays them.
    pub logged: bool,
    /// `export` writes its rows and `import` restores them.
    pub exported: bool,
}

/// Every table, parents before children. Names come only from here, never
/// from input, so they can be written into SQL. A table missing here fails
/// `every_table_of_the_schema_is_listed`.
pub(super) const TABLES: &[Table] = &[
    // The demo marker, written without logging.
    Table {
        name: "meta",
        logged: false,
        exported: true,
    },
    Table {
        name: "directive",
        logged: true,
        exported: true,
    },
    Table {
        name: "unit",
        logged: true,
        exported: true,
    },
    Table {
        name: "unit_past",
        logged: true,
        exported: true,
    },
    Table {
        name: "unit_alias",
        logged: true,
        exported: true,
    },
    Table {
        name: "person",
        logged: true,
        exported: true,
    },
    Table {
        name: "task",
        logged: true,
        exported: true,
    },
    Table {
        name: "task_due",
        logged: true,
        exported: true,
    },
    Table {
        name: "obligation",
        logged: true,
        exported: true,
    },
    Table {
        name: "rule",
        logged: true,
        exported: true,
    },
    Table {
        name: "setting",
        logged: true,
        exported: true,
    },
    // The log itself: exported (it is the history), never logged.
    Table {
        name: "change",
        logged: false,
        exported: true,
    },
    Table {
        name: "change_row",
        logged: false,
        exported: true,
    },
    // A tally kept by triggers on `obligation`; import rebuilds it.
    Table {
        name: "open_by_due",
        logged: false,
        exported: false,
    },
    // Each unit's place in the order reports list units in: rebuilt by
    // every write that changes a unit (`order::rebuild`), and by import.
    Table {
        name: "unit_order",
        logged: false,
        exported: false,
    },
];

/// The tables the change log records, by name.
pub(super) fn logged(name: &str) -> Option<&'static str> {
    TABLES
        .iter()
        .find(|t| t.logged && t.name == name)
        .map(|t| t.name)
}

/// The tables export writes and import restores, in order.
pub(super) fn exported() -> impl Iterator<Item = &'static str> {
    TABLES.iter().filter(|t| t.exported).map(|t| t.name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SqliteStore as Store;

    fn schema_tables() -> Vec<String> {
        let store = Store::open_in_memory().expect("store");
        let mut stmt = store
            .conn
            .prepare(
                "SELECT name FROM sqlite_master
                 WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                 ORDER BY name",
            )
            .expect("query");
        stmt.query_map([], |row| row.get(0))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("names")
    }

    /// A new table must say whether the log records it and whether export
    /// carries it; a table that is gone must leave the list.
    #[test]
    fn every_table_of_the_schema_is_listed() {
        let schema = schema_tables();
        let mut listed: Vec<String> = TABLES.iter().map(|t| t.name.to_string()).collect();
        listed.sort();
        assert_eq!(listed, schema, "TABLES (left) against the schema (right)");
    }

    #[test]
    fn what_the_log_records_an_export_carries() {
        for table in TABLES {
            assert!(!table.logged || table.exported, "{}", table.name);
        }
        assert_eq!(logged("person"), Some("person"));
        assert_eq!(logged("change"), None);
        assert_eq!(logged("nothing"), None);
    }
}
