-- Version 4: leaders (cán bộ lãnh đạo, quản lý diện Ban Thường vụ quản lý)
-- and tasks that apply to them (Quy định 45-QĐ/TU).

CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name       TEXT NOT NULL,
    name_fold  TEXT NOT NULL,
    name_key   BLOB NOT NULL,
    position   TEXT NOT NULL,             -- chức vụ, e.g. Bí thư Đảng ủy phường
    position_fold TEXT NOT NULL,
    unit_id    INTEGER NOT NULL REFERENCES unit (id),
    from_on    TEXT,
    to_on      TEXT,                      -- the last day in the post; history stays
    created_at TEXT NOT NULL
);
CREATE INDEX person_unit ON person (unit_id);

-- A task for people: one obligation per person in post, due as their unit's kind.
ALTER TABLE task ADD COLUMN for_people INTEGER NOT NULL DEFAULT 0;

-- An obligation may be a person's. Version 1 made (task, unit) unique; several
-- leaders of one unit owe the same task, so the table is rebuilt.
CREATE TABLE obligation_new (
    id               INTEGER PRIMARY KEY,
    task_id          INTEGER NOT NULL REFERENCES task (id),
    unit_id          INTEGER NOT NULL REFERENCES unit (id),
    person_id        INTEGER REFERENCES person (id),
    due_on           TEXT NOT NULL,
    completed_on     TEXT,
    evidence         TEXT,
    note             TEXT,
    recorded_by      TEXT,
    recorded_at      TEXT,
    original_due_on  TEXT,
    extension_reason TEXT,
    cancelled_on     TEXT,
    cancelled_reason TEXT,
    opened_on        TEXT,
    rating           TEXT,
    not_rated_reason TEXT,
    forced           INTEGER NOT NULL DEFAULT 0
);
INSERT INTO obligation_new (id, task_id, unit_id, due_on, completed_on, evidence, note,
        recorded_by, recorded_at, original_due_on, extension_reason, cancelled_on,
        cancelled_reason, opened_on, rating, not_rated_reason, forced)
    SELECT id, task_id, unit_id, due_on, completed_on, evidence, note, recorded_by,
        recorded_at, original_due_on, extension_reason, cancelled_on, cancelled_reason,
        opened_on, rating, not_rated_reason, forced
    FROM obligation;
DROP TABLE obligation;
ALTER TABLE obligation_new RENAME TO obligation;
CREATE UNIQUE INDEX obligation_subject ON obligation (task_id, unit_id, coalesce(person_id, 0));
CREATE INDEX obligation_unit ON obligation (unit_id);
CREATE INDEX obligation_person ON obligation (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX obligation_due ON obligation (due_on, completed_on, cancelled_on, opened_on);

-- Counting what is overdue splits in two ranges of this index: open ones due
-- before the day, and ones done only after it.
CREATE INDEX obligation_open ON obligation (completed_on, due_on, cancelled_on, opened_on);
