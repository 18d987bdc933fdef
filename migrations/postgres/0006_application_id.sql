-- Version 6 on PostgreSQL: SQLite marks the file as theodoi's
-- (migrations/0006_application_id.sql). Here the mark is the row
-- `application` of `meta`, which the store writes with every step: this
-- step has nothing to do.
SELECT 1;
