-- Version 15: what `overdue` lists that was done, but only after the
-- report's day, is read from the obligations done late alone, as on SQLite
-- (migrations/0015_late_listing.sql): due before the day and done after it
-- is done after the due date, and `obligation_open`'s range of those done
-- after the day also holds every one done on time after it. An index-only
-- scan, as `obligation_open`'s. An index of that name made by hand (it
-- holds no data) gives way to this one.
DROP INDEX IF EXISTS obligation_late;
CREATE INDEX obligation_late ON obligation (completed_on, due_on, cancelled_on, opened_on)
    INCLUDE (unit_id, task_id, person_id, passed_from, original_due_on, cancelled_reason)
    WHERE completed_on > due_on;
