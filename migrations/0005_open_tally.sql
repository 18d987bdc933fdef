-- Version 5: how many obligations are plainly open (not done, not cancelled,
-- not passed on by a merge), per due date. The morning's `overdue --count`
-- sums a few rows of this instead of reading every open obligation.
-- Triggers keep it true on every write: commands, undo and import alike.

CREATE TABLE open_by_due (
    due_on TEXT PRIMARY KEY,
    n      INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO open_by_due (due_on, n)
    SELECT due_on, count(*) FROM obligation
    WHERE completed_on IS NULL AND cancelled_on IS NULL AND opened_on IS NULL
    GROUP BY due_on;

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

-- The few open obligations the tally leaves out: cancelled, or passed on.
CREATE INDEX obligation_unusual ON obligation (due_on, completed_on, cancelled_on, opened_on)
    WHERE completed_on IS NULL AND (cancelled_on IS NOT NULL OR opened_on IS NOT NULL);
