-- Version 7: the record over time.
--
-- A unit's name, kind and parent are valid over a range of days: a rename,
-- a move, a change of kind or a merger closes the current range (kept in
-- unit_past) and opens the next, so that a report as of a day shows the tree
-- of that day. Aliases let clerks find a unit by the short name they use.
-- An obligation passed to a merged unit's successor says whose it was. A
-- directive's issue date may be unknown.

-- The day the unit's current name, kind and parent took effect (NULL: from
-- the start).
ALTER TABLE unit ADD COLUMN since_on TEXT;

-- The unit as it was before a change: valid from from_on (NULL: from the
-- start) to until_on, both included. The ranges of one unit do not overlap,
-- and the last one ends the day before unit.since_on.
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

-- The unit an obligation was passed on from, by a merger.
ALTER TABLE obligation ADD COLUMN passed_from INTEGER REFERENCES unit (id);
UPDATE obligation SET passed_from = (
    SELECT old.id FROM unit old JOIN obligation prior ON prior.unit_id = old.id
    WHERE old.successor_id = obligation.unit_id
      AND prior.task_id = obligation.task_id AND prior.person_id IS NULL
      AND prior.cancelled_on = obligation.opened_on
    ORDER BY old.id LIMIT 1)
WHERE opened_on IS NOT NULL AND person_id IS NULL;

-- The issue date may be unknown ("Kế hoạch số 223", date not given): the
-- table is rebuilt without NOT NULL on issued_on.
CREATE TABLE directive_new (
    id                INTEGER PRIMARY KEY,
    doc_type          TEXT NOT NULL,
    number            TEXT NOT NULL,
    symbol            TEXT,
    symbol_as_written TEXT,
    issuer            TEXT NOT NULL,
    issuer_fold       TEXT NOT NULL,
    issued_on         TEXT,
    title             TEXT NOT NULL,
    title_fold        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    revoked_on        TEXT,
    revoked_reason    TEXT,
    replaced_by       INTEGER REFERENCES directive (id)
);
INSERT INTO directive_new (id, doc_type, number, symbol, symbol_as_written, issuer,
        issuer_fold, issued_on, title, title_fold, created_at, revoked_on,
        revoked_reason, replaced_by)
    SELECT id, doc_type, number, symbol, symbol_as_written, issuer, issuer_fold,
        issued_on, title, title_fold, created_at, revoked_on, revoked_reason, replaced_by
    FROM directive;
DROP TABLE directive;
ALTER TABLE directive_new RENAME TO directive;
CREATE UNIQUE INDEX directive_identity ON directive (issuer_fold, symbol, issued_on)
    WHERE symbol IS NOT NULL;
CREATE INDEX directive_number ON directive (number);
