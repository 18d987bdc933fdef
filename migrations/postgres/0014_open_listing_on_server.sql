-- Version 14: `overdue` and `upcoming` on today's tree read the obligations
-- they list from two ranges of `obligation_open` (never done and due in the
-- range; done only after the day), as SQLite's (migrations/0013_open_listing.sql),
-- and put them in the units' stored order in the reader, with the names of
-- units and tasks read once each rather than joined to every row. The index
-- holds every column a row shows of the obligation (after INCLUDE: not keys,
-- so the index's inner pages stay as small as before), so the server reads
-- the index alone (an index-only scan) and never the table.
DROP INDEX obligation_open;
CREATE INDEX obligation_open ON obligation (completed_on, due_on, cancelled_on, opened_on)
    INCLUDE (unit_id, task_id, person_id, passed_from, original_due_on, cancelled_reason);

-- The codes of the stored order compared bytewise, as every other text
-- column (version 11 left them to the server's collation, so that two units
-- of the same name came in another order than on SQLite wherever the
-- server's collation puts `_` or a letter elsewhere than its byte does). The
-- server also reads the order from `unit_order_key` rather than sorting the
-- units again by that collation.
ALTER TABLE unit_order
    ALTER COLUMN parent_code TYPE TEXT COLLATE "C",
    ALTER COLUMN code TYPE TEXT COLLATE "C";
