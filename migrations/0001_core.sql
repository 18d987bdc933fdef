-- theodoi schema, version 1. Later changes are numbered files in migrations/.
-- Dates are ISO text (yyyy-mm-dd); timestamps are RFC 3339 text in UTC.
-- *_fold columns hold the accent-insensitive key of the text beside them;
-- *_key columns hold its Vietnamese collation key (byte order = vi order).

-- Facts about the database itself (e.g. kind = demo for the demo database).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE directive (
    id                INTEGER PRIMARY KEY,
    doc_type          TEXT NOT NULL,       -- slug: ke-hoach, de-an, quy-dinh…
    number            TEXT NOT NULL,       -- as written, leading zeros kept
    symbol            TEXT,                -- canonical (188-KH/TU); NULL when known only by number
    symbol_as_written TEXT,
    issuer            TEXT NOT NULL,
    issuer_fold       TEXT NOT NULL,
    issued_on         TEXT NOT NULL,
    title             TEXT NOT NULL,
    title_fold        TEXT NOT NULL,
    created_at        TEXT NOT NULL
);
-- A symbol alone never identifies a directive: issuer + symbol + issue date does.
CREATE UNIQUE INDEX directive_identity ON directive (issuer_fold, symbol, issued_on)
    WHERE symbol IS NOT NULL;
CREATE INDEX directive_number ON directive (number);

CREATE TABLE unit (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- short ASCII code
    name      TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    name_key  BLOB NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('dang-bo-cap-tren', 'dang-bo-co-so',
                  'chi-bo-co-so', 'dang-bo-bo-phan', 'chi-bo-truc-thuoc')),
    parent_id INTEGER REFERENCES unit (id),
    created_at TEXT NOT NULL
);
CREATE INDEX unit_parent ON unit (parent_id);

CREATE TABLE task (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    directive_id INTEGER NOT NULL REFERENCES directive (id),
    title        TEXT NOT NULL,
    title_fold   TEXT NOT NULL,
    within_id    INTEGER REFERENCES unit (id),   -- NULL: the whole tree
    created_at   TEXT NOT NULL
);
CREATE INDEX task_directive ON task (directive_id);

-- The due date a task sets for each kind of unit.
CREATE TABLE task_due (
    task_id INTEGER NOT NULL REFERENCES task (id),
    kind    TEXT NOT NULL,
    due_on  TEXT NOT NULL,
    PRIMARY KEY (task_id, kind)
);

-- What one unit owes under one task, and whether and when it was done.
CREATE TABLE obligation (
    id           INTEGER PRIMARY KEY,
    task_id      INTEGER NOT NULL REFERENCES task (id),
    unit_id      INTEGER NOT NULL REFERENCES unit (id),
    due_on       TEXT NOT NULL,
    completed_on TEXT,
    evidence     TEXT,
    note         TEXT,
    recorded_by  TEXT,
    recorded_at  TEXT,
    UNIQUE (task_id, unit_id)
);
CREATE INDEX obligation_unit ON obligation (unit_id);
CREATE INDEX obligation_due ON obligation (due_on);
