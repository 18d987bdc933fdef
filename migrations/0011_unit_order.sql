-- Version 11: the order of the units, stored.
--
-- Reports list obligations unit by unit in the Vietnamese order of the tree:
-- the parent (its name by collation key, then its code), then the unit's own
-- name, then its code. Those keys of each unit are kept here, and the index
-- holds them in that order, so that a report walks units through the index
-- and each unit's obligations through another, already in order, with no
-- sort of its rows. Derived data: the rows of the units a write moves (and
-- of their children, when a parent's name or code changes) are written again
-- in its transaction (commands, undo), all of them by import; never logged,
-- never exported.
CREATE TABLE unit_order (
    unit_id     INTEGER PRIMARY KEY,
    parent_key  BLOB,
    parent_code TEXT COLLATE NOCASE,
    name_key    BLOB NOT NULL,
    code        TEXT NOT NULL COLLATE NOCASE
);
CREATE INDEX unit_order_key ON unit_order (parent_key, parent_code, name_key, code, unit_id);

INSERT INTO unit_order (unit_id, parent_key, parent_code, name_key, code)
    SELECT u.id, p.name_key, p.code, u.name_key, u.code
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id;

-- A unit's obligations by due date, then by task (the order tasks were
-- added), with what decides whether each is open on a day and what a report
-- lists of it: a report walking units in order reads the ones it shows from
-- the index alone, never the table, and sorts none.
DROP INDEX obligation_unit;
CREATE INDEX obligation_unit ON obligation (unit_id, due_on, task_id, completed_on, cancelled_on,
    opened_on, person_id, passed_from, original_due_on, cancelled_reason);
