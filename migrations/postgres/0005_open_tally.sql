-- Version 5 on PostgreSQL: the tally of open obligations per due date
-- (migrations/0005_open_tally.sql), kept by one trigger on `obligation`.

CREATE TABLE open_by_due (
    due_on TEXT COLLATE "C" PRIMARY KEY,
    n      BIGINT NOT NULL
);

INSERT INTO open_by_due (due_on, n)
    SELECT due_on, count(*) FROM obligation
    WHERE completed_on IS NULL AND cancelled_on IS NULL AND opened_on IS NULL
    GROUP BY due_on;

CREATE FUNCTION open_by_due_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF OLD.completed_on IS NULL AND OLD.cancelled_on IS NULL AND OLD.opened_on IS NULL THEN
            UPDATE open_by_due SET n = n - 1 WHERE due_on = OLD.due_on;
            DELETE FROM open_by_due WHERE due_on = OLD.due_on AND n = 0;
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF NEW.completed_on IS NULL AND NEW.cancelled_on IS NULL AND NEW.opened_on IS NULL THEN
            INSERT INTO open_by_due (due_on, n) VALUES (NEW.due_on, 1)
                ON CONFLICT (due_on) DO UPDATE SET n = open_by_due.n + 1;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER open_by_due_insert AFTER INSERT ON obligation
    FOR EACH ROW EXECUTE FUNCTION open_by_due_tally();
CREATE TRIGGER open_by_due_delete AFTER DELETE ON obligation
    FOR EACH ROW EXECUTE FUNCTION open_by_due_tally();
CREATE TRIGGER open_by_due_update AFTER UPDATE OF due_on, completed_on, cancelled_on, opened_on
    ON obligation FOR EACH ROW EXECUTE FUNCTION open_by_due_tally();

CREATE INDEX obligation_unusual ON obligation (due_on, completed_on, cancelled_on, opened_on)
    WHERE completed_on IS NULL AND (cancelled_on IS NOT NULL OR opened_on IS NOT NULL);
