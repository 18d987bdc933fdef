-- Version 12 on PostgreSQL: an office's writes are in the change log, or
-- are not made.
--
-- An office may update the results of its units' obligations and write its
-- units' people (0010). theodoi logs every such write in the change that
-- the office opened in the same transaction; a clerk with psql in hand could
-- still write without it (move a due date, record a result that no `log`
-- shows and no `undo` takes back). So at the end of every transaction of an
-- office, each row it inserted, updated or deleted in `obligation` or
-- `person` must be in the log of a change it opened in that transaction:
-- an update with the row as it was and as it is, a deletion with the row as
-- it was, an insertion by its id. Otherwise nothing of the transaction is
-- kept. The owner of the tables is not checked (the triggers do not fire
-- for the login that ran this step).

-- Changes opened in a transaction, found without reading the whole log.
CREATE INDEX change_login_xact ON change_login (xact);

-- A row as the change log holds it (`$rowid` beside `id`): the columns of
-- `obligation` are numbers and text, as theodoi writes them; a person's
-- `name_key` (bytes) is written `{"$blob": hex}` by the trigger below.
CREATE FUNCTION row_as_logged(r JSONB) RETURNS JSONB
LANGUAGE sql IMMUTABLE AS $$
    SELECT r || jsonb_build_object('$rowid', r -> 'id')
$$;

CREATE FUNCTION office_write_logged() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    was JSONB;
    now_is JSONB;
    row_id BIGINT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM office WHERE login = session_user) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        was := row_as_logged(to_jsonb(OLD));
        row_id := OLD.id;
        IF TG_TABLE_NAME = 'person' THEN
            was := was || jsonb_build_object('name_key',
                jsonb_build_object('$blob', encode(OLD.name_key, 'hex')));
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        now_is := row_as_logged(to_jsonb(NEW));
        row_id := NEW.id;
        IF TG_TABLE_NAME = 'person' THEN
            now_is := now_is || jsonb_build_object('name_key',
                jsonb_build_object('$blob', encode(NEW.name_key, 'hex')));
        END IF;
    END IF;
    -- An update that left the row as it was changed nothing.
    IF TG_OP = 'UPDATE' AND was = now_is THEN
        RETURN NULL;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM change_login l JOIN change_row r ON r.change_id = l.change_id
        WHERE l.xact = txid_current() AND l.login = session_user
          AND r.tbl = TG_TABLE_NAME AND row_id BETWEEN r.first_id AND r.last_id
          AND CASE TG_OP
                WHEN 'INSERT' THEN r.before IS NULL AND r.after IS NULL
                WHEN 'UPDATE' THEN r.before::jsonb = was AND r.after::jsonb = now_is
                ELSE r.before::jsonb = was AND r.after IS NULL
              END)
    THEN
        RAISE EXCEPTION 'a write to % #% by % that the change log does not hold',
            TG_TABLE_NAME, row_id, session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

-- A change an office opens is of rows: one that logged none (a line of the
-- log with nothing behind it, of any action named) is not kept.
CREATE FUNCTION office_change_not_empty() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM office WHERE login = session_user)
       AND NOT EXISTS (SELECT 1 FROM change_row WHERE change_id = NEW.change_id)
    THEN
        RAISE EXCEPTION 'change % by % holds no row', NEW.change_id, session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

-- Checked at commit, when the log of the change is complete; fired only for
-- logins other than the owner (an office, or a login granted rights by hand).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['obligation', 'person'] LOOP
        EXECUTE format(
            'CREATE CONSTRAINT TRIGGER office_write_logged AFTER INSERT OR UPDATE OR DELETE ON %I
             DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
             WHEN (session_user <> %L) EXECUTE FUNCTION office_write_logged()',
            t, current_user);
    END LOOP;
    EXECUTE format(
        'CREATE CONSTRAINT TRIGGER office_change_not_empty AFTER INSERT ON change_login
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (session_user <> %L) EXECUTE FUNCTION office_change_not_empty()',
        current_user);
    EXECUTE format('ALTER FUNCTION office_write_logged() SET search_path = %I, pg_temp',
        current_schema());
    EXECUTE format('ALTER FUNCTION office_change_not_empty() SET search_path = %I, pg_temp',
        current_schema());
END
$$;
