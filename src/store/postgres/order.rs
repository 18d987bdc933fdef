//! Each unit's place in the order reports list units in, on PostgreSQL (see
//! `sqlite/order.rs`): rebuilt in the transaction of every write whose log
//! holds a row of `unit` inserted, deleted, or given another name, code or
//! parent, and by import. `NULLS FIRST` and `lower(code)`: SQLite's
//! order.

/// The ranks, made again from the units as they are.
pub(super) const REBUILD: &str = "DELETE FROM unit_order;
    INSERT INTO unit_order (rank, unit_id)
    SELECT row_number() OVER (ORDER BY p.name_key NULLS FIRST, lower(p.code) NULLS FIRST,
                                       u.name_key, lower(u.code)), u.id
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id;";
