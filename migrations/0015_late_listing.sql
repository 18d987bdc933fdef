-- Version 15: what `overdue` lists that was done, but only after the
-- report's day, is read from the obligations done late alone.
--
-- Such an obligation was due before the day and done after it, so it was
-- done after its due date. `obligation_open`'s range of those done after
-- the day also holds every one done on time after it: as of a day in the
-- past, most of the file. This index holds only those done after their due
-- date, with what a row shows of them, in the order of the day they were
-- done; `overdue` and its count read one range of it. An index of that name
-- made by hand (it holds no data) gives way to this one.
DROP INDEX IF EXISTS obligation_late;
CREATE INDEX obligation_late ON obligation (completed_on, due_on, cancelled_on, opened_on,
    unit_id, task_id, person_id, passed_from, original_due_on, cancelled_reason)
    WHERE completed_on > due_on;
