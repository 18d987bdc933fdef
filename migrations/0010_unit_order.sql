-- Version 10: the order of the units, stored.
--
-- Reports list obligations unit by unit in the Vietnamese order of the tree:
-- the parent (its name by collation key, then its code), then the unit's own
-- name, then its code. Each unit's place in that order is kept here, so that
-- a report walks units by rank and each unit's obligations through an index,
-- already in order, with no sort of its rows. Derived data: rebuilt in the
-- transaction of every write that changes a unit (commands, undo, import),
-- never logged, never exported.
CREATE TABLE unit_order (
    rank    INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL UNIQUE
);

INSERT INTO unit_order (rank, unit_id)
    SELECT row_number() OVER (ORDER BY p.name_key, p.code, u.name_key, u.code), u.id
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id;

-- A unit's obligations by due date, with what decides whether each is open
-- on a day and what a report lists of it: a report walking units in order
-- reads the ones it shows from the index alone, never the table.
DROP INDEX obligation_unit;
CREATE INDEX obligation_unit ON obligation (unit_id, due_on, completed_on, cancelled_on,
    opened_on, task_id, person_id, passed_from, original_due_on, cancelled_reason);
