//! Each unit's place in the order reports list units in, on PostgreSQL (see
//! `sqlite/order.rs`): the keys of the units a change moved (and of their
//! children when the parent's name or code changed) written again at its
//! commit; all of them by import and by a change of many units. `NULLS
//! FIRST` in the index and `lower(code)` stored: SQLite's order.

use super::PgDb;
use crate::domain::error::Result;
use crate::store::reorder::Reorder;

/// The keys, made again from the units as they are.
pub(super) const REBUILD: &str = "DELETE FROM unit_order;
    INSERT INTO unit_order (unit_id, parent_key, parent_code, name_key, code)
    SELECT u.id, p.name_key, lower(p.code), u.name_key, lower(u.code)
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id;";

/// Makes good what a change did to the order (`sqlite/order.rs`).
pub(super) fn apply(db: &PgDb<'_>, reorder: &Reorder) -> Result<()> {
    let units = match reorder {
        Reorder::All => return db.batch(REBUILD),
        Reorder::Units(units) => units,
    };
    for (&id, &children) in units {
        db.exec("DELETE FROM unit_order WHERE unit_id = $1", &[&id])?;
        db.exec(
            "INSERT INTO unit_order (unit_id, parent_key, parent_code, name_key, code)
             SELECT u.id, p.name_key, lower(p.code), u.name_key, lower(u.code)
             FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
             WHERE u.id = $1",
            &[&id],
        )?;
        if children {
            db.exec(
                "UPDATE unit_order
                 SET (parent_key, parent_code) = (SELECT name_key, lower(code) FROM unit WHERE id = $1)
                 WHERE unit_id IN (SELECT id FROM unit WHERE parent_id = $1)",
                &[&id],
            )?;
        }
    }
    Ok(())
}
