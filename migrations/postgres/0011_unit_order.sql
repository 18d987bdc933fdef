-- Version 11 on PostgreSQL: the order of the units, stored
-- (migrations/0011_unit_order.sql). lower(code) stored and NULLS FIRST in
-- the index: SQLite's order.
CREATE TABLE unit_order (
    unit_id     BIGINT PRIMARY KEY,
    parent_key  BYTEA,
    parent_code TEXT,
    name_key    BYTEA NOT NULL,
    code        TEXT NOT NULL
);
CREATE INDEX unit_order_key ON unit_order (parent_key NULLS FIRST, parent_code NULLS FIRST,
    name_key, code, unit_id);

INSERT INTO unit_order (unit_id, parent_key, parent_code, name_key, code)
    SELECT u.id, p.name_key, lower(p.code), u.name_key, lower(u.code)
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id;

DROP INDEX obligation_unit;
CREATE INDEX obligation_unit ON obligation (unit_id, due_on, task_id, completed_on, cancelled_on,
    opened_on, person_id, passed_from, original_due_on, cancelled_reason);
