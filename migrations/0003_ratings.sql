-- Version 3: annual review results (xếp loại chất lượng) and the rules that
-- check them, kept as data because they change (132-QĐ/TW, 124-QĐ/TW, 366-QĐ/TW).

-- A task whose completion carries a rating (the annual review of plan 223).
ALTER TABLE task ADD COLUMN rated INTEGER NOT NULL DEFAULT 0;
-- HTXSNV, HTTNV, HTNV or KHTNV; or why the unit is not rated.
ALTER TABLE obligation ADD COLUMN rating TEXT;
ALTER TABLE obligation ADD COLUMN not_rated_reason TEXT;
-- Recorded done with --force although a rule (lower levels first) said no.
ALTER TABLE obligation ADD COLUMN forced INTEGER NOT NULL DEFAULT 0;
-- When the organization was founded: younger than the rules allow, it is not rated.
ALTER TABLE unit ADD COLUMN founded_on TEXT;

-- Values of the rules that differ from the built-in defaults.
CREATE TABLE rule (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
);
