//! Each unit's place in the order reports list units in: the parent (its
//! name by collation key, then its code), then the unit's own name, then its
//! code. Kept in `unit_order` (rank → unit), so that a report walks the
//! units by rank and each unit's obligations through `obligation_unit`,
//! already in order: no sort of the rows. Derived data, like the tally of
//! open obligations: rebuilt in the transaction of every write whose log
//! holds a row of `unit` inserted, deleted, or given another name, code or
//! parent (a command, an undo), and by import; never logged, never exported.

use rusqlite::Connection;

use crate::domain::error::Result;

/// The ranks, made again from the units as they are: one statement over the
/// collation keys already stored (300,000 units: under a second).
const REBUILD: &str = "DELETE FROM unit_order;
    INSERT INTO unit_order (rank, unit_id)
    SELECT row_number() OVER (ORDER BY p.name_key, p.code, u.name_key, u.code), u.id
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id;";

/// Ranks every unit again.
pub(super) fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute_batch(REBUILD)?;
    Ok(())
}
