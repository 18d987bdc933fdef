//! Each unit's place in the order reports list units in: the parent (its
//! name by collation key, then its code), then the unit's own name, then its
//! code. `unit_order` holds those four keys of every unit, and its index
//! `unit_order_key` holds them in that order, so that a report walks the
//! units through that index and each unit's obligations through
//! `obligation_unit`, already in order: no sort of the rows. Derived data,
//! like the tally of open obligations: at the commit of a write whose log
//! holds a row of `unit` inserted, deleted, or given another name, code or
//! parent (a command, an undo), the rows of those units are written again,
//! and of their children when the parent's name or code changed; import
//! (and a change of many units) makes them all again. Never logged, never
//! exported.

use rusqlite::Connection;

use crate::domain::error::Result;
use crate::store::reorder::Reorder;

/// The keys, made again from the units as they are: one statement over the
/// collation keys already stored, then the index built in one sort (as
/// `migrations/0010_unit_order.sql` makes it) rather than row by row
/// (300,000 units: about 0.6 s of CPU instead of 2).
const REBUILD: &str = "DROP INDEX unit_order_key;
    DELETE FROM unit_order;
    INSERT INTO unit_order (unit_id, parent_key, parent_code, name_key, code)
    SELECT u.id, p.name_key, p.code, u.name_key, u.code
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id;
    CREATE INDEX unit_order_key ON unit_order (parent_key, parent_code, name_key, code, unit_id);";

/// Writes every unit's keys again.
pub(super) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(REBUILD)?;
    Ok(())
}

/// Makes good what a change did to the order: the keys of the units it
/// moved, and of their children when their parent's name or code changed.
pub(super) fn apply(conn: &Connection, reorder: &Reorder) -> Result<()> {
    let units = match reorder {
        Reorder::All => return rebuild(conn),
        Reorder::Units(units) => units,
    };
    for (&id, &children) in units {
        conn.prepare_cached("DELETE FROM unit_order WHERE unit_id = ?1")?
            .execute([id])?;
        conn.prepare_cached(
            "INSERT INTO unit_order (unit_id, parent_key, parent_code, name_key, code)
             SELECT u.id, p.name_key, p.code, u.name_key, u.code
             FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
             WHERE u.id = ?1",
        )?
        .execute([id])?;
        if children {
            conn.prepare_cached(
                "UPDATE unit_order
                 SET (parent_key, parent_code) = (SELECT name_key, code FROM unit WHERE id = ?1)
                 WHERE unit_id IN (SELECT id FROM unit WHERE parent_id = ?1)",
            )?
            .execute([id])?;
        }
    }
    Ok(())
}
