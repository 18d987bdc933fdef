-- Version 13: `overdue` and `upcoming` read what they list in one pass of an
-- index, not unit by unit.
--
-- On today's tree both reports take the obligations open on their day and
-- due in their range from `obligation_open`: never done and due in the range
-- (one range of the index), or done only after the day (a second range);
-- everything a row shows of the obligation is in the index, so the table is
-- never read. The rows are then put in the units' stored order
-- (`unit_order`) by the reader, with the names of units and tasks read once
-- each rather than joined to every row.
DROP INDEX obligation_open;
CREATE INDEX obligation_open ON obligation (completed_on, due_on, cancelled_on, opened_on,
    unit_id, task_id, person_id, passed_from, original_due_on, cancelled_reason);
