-- theodoi schema: the whole current shape of a database (version 10), as a
-- fresh file has it after every step in migrations/.
--
-- This file is for reading; theodoi never runs it. Databases are created and
-- upgraded by the steps in migrations/ (listed in store::MIGRATIONS), and a
-- unit test in src/store/mod.rs fails unless a database made from this file
-- alone has the same tables, columns, indexes and triggers as one made by the
-- steps. A new migration therefore comes with its change here, and with the
-- version above and in the PRAGMA at the end.
--
-- Columns a later version added with ALTER TABLE come last in their table, in
-- the order they were added: that is where SQLite puts them in an upgraded file.
--
-- Dates are ISO text (yyyy-mm-dd); timestamps are RFC 3339 text in UTC.
-- *_fold columns hold the accent-insensitive key of the text beside them;
-- *_key columns hold its Vietnamese collation key (byte order = vi order).

-- Facts about the database itself (e.g. kind = demo for the demo database).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Who owes: the tree of Party organizations (đảng bộ, chi bộ), from the
-- committee down.
CREATE TABLE unit (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- short ASCII code
    name         TEXT NOT NULL,
    name_fold    TEXT NOT NULL,
    name_key     BLOB NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('dang-bo-cap-tren', 'dang-bo-co-so',
                     'chi-bo-co-so', 'dang-bo-bo-phan', 'chi-bo-truc-thuoc')),
    parent_id    INTEGER REFERENCES unit (id),
    created_at   TEXT NOT NULL,
    -- A dissolved or merged unit keeps its history: the last day it existed,
    -- and the unit that took over.
    dissolved_on TEXT,
    successor_id INTEGER REFERENCES unit (id),
    -- When the organization was founded: younger than the rules allow, it is
    -- not rated.
    founded_on   TEXT,
    -- The day the current name, kind and parent took effect (NULL: from the
    -- start); what they were before is in unit_past.
    since_on     TEXT
);
CREATE INDEX unit_parent ON unit (parent_id);

-- A unit as it was before a rename, a move, a change of kind or a merger:
-- valid from from_on (NULL: from the start) to until_on, both included. The
-- ranges of one unit do not overlap; the last ends the day before
-- unit.since_on. A report as of a day reads the tree of that day.
CREATE TABLE unit_past (
    id        INTEGER PRIMARY KEY,
    unit_id   INTEGER NOT NULL REFERENCES unit (id),
    from_on   TEXT,
    until_on  TEXT NOT NULL,
    name      TEXT NOT NULL,
    name_fold TEXT NOT NULL,
    name_key  BLOB NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('dang-bo-cap-tren', 'dang-bo-co-so',
                  'chi-bo-co-so', 'dang-bo-bo-phan', 'chi-bo-truc-thuoc')),
    parent_id INTEGER REFERENCES unit (id)
);
CREATE INDEX unit_past_unit ON unit_past (unit_id, until_on);
-- Whether any unit changed after a report's day: if none did, the report
-- reads the current tree.
CREATE INDEX unit_past_until ON unit_past (until_on);

-- Other names a unit is known by (UBKT for the Ủy ban Kiểm tra…).
CREATE TABLE unit_alias (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES unit (id),
    alias      TEXT NOT NULL,
    alias_fold TEXT NOT NULL
);
CREATE UNIQUE INDEX unit_alias_name ON unit_alias (unit_id, alias_fold);
CREATE INDEX unit_alias_fold ON unit_alias (alias_fold);

-- Leaders (cán bộ diện Ban Thường vụ quản lý), each in a post in one unit.
-- Tasks for people give each one in post an obligation of their own.
CREATE TABLE person (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    name_fold     TEXT NOT NULL,
    name_key      BLOB NOT NULL,
    position      TEXT NOT NULL,      -- chức vụ, e.g. Bí thư Đảng ủy phường
    position_fold TEXT NOT NULL,
    unit_id       INTEGER NOT NULL REFERENCES unit (id),
    from_on       TEXT,
    to_on         TEXT,               -- the last day in the post; history stays
    created_at    TEXT NOT NULL
);
CREATE INDEX person_unit ON person (unit_id);

-- A document of the Party (kế hoạch, đề án, quy định…) that sets tasks.
CREATE TABLE directive (
    id                INTEGER PRIMARY KEY,
    doc_type          TEXT NOT NULL,       -- slug: ke-hoach, de-an, quy-dinh…
    number            TEXT NOT NULL,       -- as written, leading zeros kept
    symbol            TEXT,                -- canonical (188-KH/TU); NULL when known only by number
    symbol_as_written TEXT,
    issuer            TEXT NOT NULL,
    issuer_fold       TEXT NOT NULL,
    issued_on         TEXT,                -- NULL: the date is not known
    title             TEXT NOT NULL,
    title_fold        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    -- Revoked or replaced: its open obligations no longer count (hủy bỏ,
    -- không còn hiệu lực).
    revoked_on        TEXT,
    revoked_reason    TEXT,
    replaced_by       INTEGER REFERENCES directive (id),
    -- The marks it carries (version 9): độ mật and độ khẩn, as slugs; NULL
    -- when it carries none.
    secrecy           TEXT CHECK (secrecy IN ('mat', 'toi-mat', 'tuyet-mat')),
    urgency           TEXT CHECK (urgency IN ('khan', 'thuong-khan', 'hoa-toc'))
);
-- A symbol alone never identifies a directive: issuer + symbol + issue date does.
CREATE UNIQUE INDEX directive_identity ON directive (issuer_fold, symbol, issued_on)
    WHERE symbol IS NOT NULL;
CREATE INDEX directive_number ON directive (number);

-- One thing a directive asks of units (or of the leaders in them).
CREATE TABLE task (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    directive_id INTEGER NOT NULL REFERENCES directive (id),
    title        TEXT NOT NULL,
    title_fold   TEXT NOT NULL,
    within_id    INTEGER REFERENCES unit (id),   -- NULL: the whole tree
    created_at   TEXT NOT NULL,
    -- Its completion carries a rating (the annual review of plan 223).
    rated        INTEGER NOT NULL DEFAULT 0,
    -- One obligation per person in post, due as their unit's kind.
    for_people   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX task_directive ON task (directive_id);

-- The due date a task sets for each kind of unit.
CREATE TABLE task_due (
    task_id INTEGER NOT NULL REFERENCES task (id),
    kind    TEXT NOT NULL,
    due_on  TEXT NOT NULL,
    PRIMARY KEY (task_id, kind)
);

-- What one unit (or one person in it) owes under one task, and whether and
-- when it was done. Every report reads this table.
CREATE TABLE obligation (
    id               INTEGER PRIMARY KEY,
    task_id          INTEGER NOT NULL REFERENCES task (id),
    unit_id          INTEGER NOT NULL REFERENCES unit (id),
    person_id        INTEGER REFERENCES person (id),   -- NULL: the unit's own
    due_on           TEXT NOT NULL,
    completed_on     TEXT,
    evidence         TEXT,
    note             TEXT,
    recorded_by      TEXT,
    recorded_at      TEXT,
    -- Gia hạn: the due date as first set, and why it was moved.
    original_due_on  TEXT,
    extension_reason TEXT,
    -- No longer counts (its directive revoked, its unit dissolved): a fifth
    -- state beside the four buckets.
    cancelled_on     TEXT,
    cancelled_reason TEXT,
    -- From when it exists (NULL: from the start): one passed to the successor
    -- of a merged unit exists from the merge.
    opened_on        TEXT,
    -- HTXSNV, HTTNV, HTNV or KHTNV; or why the unit is not rated.
    rating           TEXT,
    not_rated_reason TEXT,
    -- Recorded done with --force although a rule (lower levels first) said no.
    forced           INTEGER NOT NULL DEFAULT 0,
    -- The unit it was passed on from by a merger (opened_on is the merger's day).
    passed_from      INTEGER REFERENCES unit (id)
);
-- One obligation per task and unit, or per task and person.
CREATE UNIQUE INDEX obligation_subject ON obligation (task_id, unit_id, coalesce(person_id, 0));
-- A unit's obligations by due date, then task, with what decides whether
-- each is open on a day and what a report lists of it (version 10): a report
-- walking units in order reads the ones it shows from the index alone.
CREATE INDEX obligation_unit ON obligation (unit_id, due_on, task_id, completed_on, cancelled_on,
    opened_on, person_id, passed_from, original_due_on, cancelled_reason);
CREATE INDEX obligation_person ON obligation (person_id) WHERE person_id IS NOT NULL;
-- Reports filter by due date and by whether the obligation was done or
-- cancelled by the report's day: all of it is in the index, so rows that do
-- not qualify are never read.
CREATE INDEX obligation_due ON obligation (due_on, completed_on, cancelled_on, opened_on);
-- Counting what is overdue splits in two ranges of this index: open ones due
-- before the day, and ones done only after it. `overdue` and `upcoming` on
-- today's tree read the obligations they list from these ranges alone
-- (version 13): what a row shows of the obligation is in the index.
CREATE INDEX obligation_open ON obligation (completed_on, due_on, cancelled_on, opened_on,
    unit_id, task_id, person_id, passed_from, original_due_on, cancelled_reason);
-- Those done after their due date: `overdue` reads the ones done only after
-- its day from this range (version 15), not from the larger one above, which
-- also holds every one done on time after the day.
CREATE INDEX obligation_late ON obligation (completed_on, due_on, cancelled_on, opened_on,
    unit_id, task_id, person_id, passed_from, original_due_on, cancelled_reason)
    WHERE completed_on > due_on;
-- The few open obligations the tally below leaves out: cancelled, or passed on.
CREATE INDEX obligation_unusual ON obligation (due_on, completed_on, cancelled_on, opened_on)
    WHERE completed_on IS NULL AND (cancelled_on IS NOT NULL OR opened_on IS NOT NULL);

-- How many obligations are plainly open (not done, not cancelled, not passed
-- on by a merge), per due date. The morning's `overdue --count` sums a few
-- rows of this instead of reading every open obligation. The triggers below
-- keep it true on every write: commands, undo and import alike.
CREATE TABLE open_by_due (
    due_on TEXT PRIMARY KEY,
    n      INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER open_by_due_insert AFTER INSERT ON obligation
WHEN new.completed_on IS NULL AND new.cancelled_on IS NULL AND new.opened_on IS NULL
BEGIN
    INSERT INTO open_by_due (due_on, n) VALUES (new.due_on, 1)
        ON CONFLICT (due_on) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER open_by_due_delete AFTER DELETE ON obligation
WHEN old.completed_on IS NULL AND old.cancelled_on IS NULL AND old.opened_on IS NULL
BEGIN
    UPDATE open_by_due SET n = n - 1 WHERE due_on = old.due_on;
    DELETE FROM open_by_due WHERE due_on = old.due_on AND n = 0;
END;

CREATE TRIGGER open_by_due_update_old AFTER UPDATE OF due_on, completed_on, cancelled_on, opened_on
ON obligation
WHEN old.completed_on IS NULL AND old.cancelled_on IS NULL AND old.opened_on IS NULL
BEGIN
    UPDATE open_by_due SET n = n - 1 WHERE due_on = old.due_on;
    DELETE FROM open_by_due WHERE due_on = old.due_on AND n = 0;
END;

CREATE TRIGGER open_by_due_update_new AFTER UPDATE OF due_on, completed_on, cancelled_on, opened_on
ON obligation
WHEN new.completed_on IS NULL AND new.cancelled_on IS NULL AND new.opened_on IS NULL
BEGIN
    INSERT INTO open_by_due (due_on, n) VALUES (new.due_on, 1)
        ON CONFLICT (due_on) DO UPDATE SET n = n + 1;
END;

-- Each unit's place in the order reports list units in (version 10): the
-- parent (its name by collation key, then its code), then the unit's name,
-- then its code, held in that order by unit_order_key. Reports walk units
-- through that index and each unit's obligations by obligation_unit, already
-- in order. Derived: the rows of the units a write moves (and of their
-- children when a parent's name or code changes) are written again in its
-- transaction (commands, undo), all of them by import; never logged, never
-- exported.
CREATE TABLE unit_order (
    unit_id     INTEGER PRIMARY KEY,
    parent_key  BLOB,
    parent_code TEXT COLLATE NOCASE,
    name_key    BLOB NOT NULL,
    code        TEXT NOT NULL COLLATE NOCASE
);
CREATE INDEX unit_order_key ON unit_order (parent_key, parent_code, name_key, code, unit_id);

-- Values of the rating rules (xếp loại chất lượng: 132-QĐ/TW, 124-QĐ/TW,
-- 366-QĐ/TW) that differ from the built-in defaults.
CREATE TABLE rule (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
);

-- What the committee's documents (báo cáo, công văn đôn đốc) say of the
-- committee itself: the committee above, the issuing body, its symbol code,
-- the place, the signer, the recipients (version 8).
CREATE TABLE setting (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,       -- a key of domain::setting (cap-tren, co-quan…)
    value TEXT NOT NULL               -- as the clerk typed it; lines apart by a line break
);

-- The change log. One change a clerk made: one command, one transaction.
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

-- The file is theodoi's: "TDOI" in ASCII (version 6). theodoi refuses an
-- SQLite file whose application id is another program's.
PRAGMA application_id = 1413762889;

-- The version this shape is: a file made from this file alone is current.
PRAGMA user_version = 15;
