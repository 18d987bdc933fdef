-- Version 2: the change log (every change, who, when, before and after),
-- and extensions of due dates.

-- One change a clerk made: one command, one transaction.
CREATE TABLE change (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,        -- RFC 3339, UTC
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,        -- directive.add, unit.import, done, done.correct, extend, undo…
    details      TEXT NOT NULL,        -- JSON: the names and dates the log line shows
    unit_id      INTEGER,              -- the unit it is about, if one (no foreign key: history outlives rows)
    directive_id INTEGER,              -- the directive it is about, if one
    undoes       INTEGER REFERENCES change (id),
    undone_by    INTEGER REFERENCES change (id)
);
CREATE INDEX change_actor ON change (actor, id);
CREATE INDEX change_unit ON change (unit_id);
CREATE INDEX change_directive ON change (directive_id);

-- The rows one change wrote. A run of inserted rows is one line with
-- before and after NULL; an update keeps both; a deletion keeps before.
CREATE TABLE change_row (
    change_id INTEGER NOT NULL REFERENCES change (id),
    seq       INTEGER NOT NULL,
    tbl       TEXT NOT NULL,
    first_id  INTEGER NOT NULL,        -- rowid, or the first of a run of inserted rowids
    last_id   INTEGER NOT NULL,
    before    TEXT,                    -- JSON object of the row's columns before
    after     TEXT,                    -- JSON object of the row's columns after
    PRIMARY KEY (change_id, seq)
);
CREATE INDEX change_row_target ON change_row (tbl, first_id);

-- Gia hạn: the due date as first set, and why it was moved.
ALTER TABLE obligation ADD COLUMN original_due_on TEXT;
ALTER TABLE obligation ADD COLUMN extension_reason TEXT;

-- Directives revoked or replaced, and obligations that no longer count
-- (hủy bỏ, không còn hiệu lực): a fifth state beside the four buckets.
ALTER TABLE directive ADD COLUMN revoked_on TEXT;
ALTER TABLE directive ADD COLUMN revoked_reason TEXT;
ALTER TABLE directive ADD COLUMN replaced_by INTEGER REFERENCES directive (id);
ALTER TABLE obligation ADD COLUMN cancelled_on TEXT;
ALTER TABLE obligation ADD COLUMN cancelled_reason TEXT;
-- From when an obligation exists (NULL: from the start): one passed to the
-- successor of a merged unit exists from the merge.
ALTER TABLE obligation ADD COLUMN opened_on TEXT;

-- Units dissolved or merged keep their history: the last day they existed,
-- and the unit that took over.
ALTER TABLE unit ADD COLUMN dissolved_on TEXT;
ALTER TABLE unit ADD COLUMN successor_id INTEGER REFERENCES unit (id);

-- Reports filter obligations by due date and by whether they were done or
-- cancelled by the report's day: all of it is in the index, so rows that do
-- not qualify are never read.
DROP INDEX obligation_due;
CREATE INDEX obligation_due ON obligation (due_on, completed_on, cancelled_on, opened_on);
