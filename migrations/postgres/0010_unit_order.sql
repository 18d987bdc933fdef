-- Version 10 on PostgreSQL: the order of the units, stored
-- (migrations/0010_unit_order.sql). NULLS FIRST and lower(code): SQLite's order.
CREATE TABLE unit_order (
    rank    BIGINT PRIMARY KEY,
    unit_id BIGINT NOT NULL UNIQUE
);

INSERT INTO unit_order (rank, unit_id)
    SELECT row_number() OVER (ORDER BY p.name_key NULLS FIRST, lower(p.code) NULLS FIRST,
                                       u.name_key, lower(u.code)), u.id
    FROM unit u LEFT JOIN unit p ON p.id = u.parent_id;

DROP INDEX obligation_unit;
CREATE INDEX obligation_unit ON obligation (unit_id, due_on, completed_on, cancelled_on,
    opened_on, task_id, person_id, passed_from, original_due_on, cancelled_reason);
