-- Version 12 on PostgreSQL: the server logs an office's writes itself,
-- checks what it writes, and no reader can hold writers up.
--
-- An office may update the results of its units' obligations and write its
-- units' people (0010). Its rows were logged by the program, through
-- `log_change_row`, with the row before and after as the program said them:
-- a clerk with psql in hand could log rows that were never so (which the
-- owner's undo would then write back), write without logging, or write
-- values no command writes (a 30th of February, a rating that is none),
-- which every report then stops at. Here:
--   - every row an office inserts, updates or deletes in `obligation` or
--     `person` is logged by the trigger below, as it was and as it is, in
--     the change the office opened in the same transaction (a write outside
--     one is refused), and `log_change_row` of an office logs nothing more;
--   - the values an office writes are those theodoi writes (days, ratings,
--     the mark of a forced write, a due date moved only as an extension);
--   - a change an office opens and leaves empty is not kept, nor one
--     marked undone whose rows are not as they were before it;
--   - the write lock is a row of `meta` locked FOR UPDATE (by `write_lock`,
--     run as the owner): a login that may only read cannot take it, as it
--     could the advisory lock every login may take; ids are reset under it;
--   - an office is granted the sequence of `person` only (0010 gave every
--     sequence), and a change's actor is at most 200 characters.
-- The owner of the tables is bound by none of this: its writes are logged
-- by the program, and the triggers do not fire for it.

-- Changes opened in a transaction, found without reading the whole log.
CREATE INDEX change_login_xact ON change_login (xact);

-- Whether `t` is a day as theodoi writes one (`YYYY-MM-DD`, a real day,
-- from 1930, as an import accepts it).
CREATE FUNCTION is_day(t TEXT) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN t ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND to_char(t::date, 'YYYY-MM-DD') = t
        AND t >= '1930-01-01';
EXCEPTION WHEN others THEN
    RETURN false;
END
$$;

-- Whether `t` is a time as theodoi writes one (RFC 3339, UTC or offset).
CREATE FUNCTION is_stamp(t TEXT) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN t ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$'
        AND t::timestamptz IS NOT NULL;
EXCEPTION WHEN others THEN
    RETURN false;
END
$$;

-- Whether `t` is a name a clerk could have typed: words, no control
-- character, no blank at either end.
CREATE FUNCTION is_name(t TEXT) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT t <> '' AND t = btrim(t) AND t !~ '[[:cntrl:]]' AND length(t) <= 300
$$;

-- A row as the change log holds it: every column, `$rowid` beside `id`,
-- bytes as `{"$blob": hex}` (a person's `name_key`).
CREATE FUNCTION row_as_logged(r JSONB) RETURNS JSONB
LANGUAGE sql IMMUTABLE AS $$
    SELECT r || jsonb_build_object('$rowid', r -> 'id')
        || CASE WHEN r ? 'name_key'
                THEN jsonb_build_object('name_key',
                         jsonb_build_object('$blob', substr(r ->> 'name_key', 3)))
                ELSE '{}'::jsonb END
$$;

-- The write lock: every write transaction takes it first (the owner's and
-- the offices', through theodoi), and holds it to its end.
CREATE FUNCTION write_lock() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    PERFORM 1 FROM meta WHERE key = 'application' FOR UPDATE;
END
$$;
REVOKE EXECUTE ON FUNCTION write_lock() FROM PUBLIC;

CREATE OR REPLACE FUNCTION reset_ids() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    t TEXT;
BEGIN
    PERFORM write_lock();
    FOREACH t IN ARRAY ARRAY['directive', 'unit', 'unit_past', 'unit_alias', 'person', 'task',
                             'task_due', 'obligation', 'rule', 'setting', 'change']
    LOOP
        EXECUTE format(
            'SELECT setval(pg_get_serial_sequence(%L, ''id''),
                 least(coalesce(max(id), 0), 9223372036854775806) + 1, false) FROM %I',
            t, t);
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION begin_change(p_at TEXT, p_actor TEXT, p_action TEXT) RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    made BIGINT;
BEGIN
    -- An action is a name of theodoi's (`done`, `person.add`), not words.
    IF p_action !~ '^[a-z]+(\.[a-z_]+)?$' OR length(p_action) > 40 THEN
        RAISE EXCEPTION 'not an action: %', left(p_action, 40)
            USING ERRCODE = 'check_violation';
    END IF;
    -- A clerk whose name the environment does not give (`?`): the login's.
    -- An office's change is dated by the server's clock, not its own word.
    INSERT INTO change (at, actor, action, details)
        VALUES (CASE WHEN EXISTS (SELECT 1 FROM office WHERE login = session_user)
                     THEN to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                     ELSE p_at END,
                left(coalesce(nullif(p_actor, '?'), session_user), 200), p_action, '{}')
        RETURNING change.id INTO made;
    INSERT INTO change_login (change_id, login, xact) VALUES (made, session_user, txid_current());
    RETURN made;
END
$$;

-- An office's rows are the server's to log: the program's word on them is
-- not taken.
CREATE OR REPLACE FUNCTION log_change_row(p_change BIGINT, p_seq BIGINT, p_tbl TEXT,
    p_first BIGINT, p_last BIGINT, p_before TEXT, p_after TEXT) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    PERFORM change_opened_here(p_change);
    IF EXISTS (SELECT 1 FROM office WHERE login = session_user) THEN
        RETURN;
    END IF;
    INSERT INTO change_row (change_id, seq, tbl, first_id, last_id, before, after)
        VALUES (p_change, p_seq, p_tbl, p_first, p_last, p_before, p_after);
END
$$;

-- What an office's change is about: a unit of its own, if any.
CREATE OR REPLACE FUNCTION note_change(p_change BIGINT, p_details TEXT, p_unit BIGINT,
    p_directive BIGINT) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    PERFORM change_opened_here(p_change);
    IF jsonb_typeof(p_details::jsonb) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION 'the details of change % are no JSON object', p_change
            USING ERRCODE = 'check_violation';
    END IF;
    IF p_unit IS NOT NULL AND EXISTS (SELECT 1 FROM office WHERE login = session_user)
       AND NOT login_may_write(session_user, p_unit)
    THEN
        RAISE EXCEPTION 'a change about a unit outside the subtree of %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE change SET details = p_details, unit_id = p_unit, directive_id = p_directive
        WHERE id = p_change;
END
$$;

-- An office marks undone only a change of its own whose rows are back as
-- they were before it (the first logged state of each row).
CREATE OR REPLACE FUNCTION mark_undone(p_current BIGINT, p_target BIGINT) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    redone BIGINT;
    r RECORD;
    found_rows BIGINT;
    now_is JSONB;
BEGIN
    PERFORM change_opened_here(p_current);
    IF EXISTS (SELECT 1 FROM office WHERE login = session_user) THEN
        IF p_target = p_current
           OR (SELECT undone_by FROM change WHERE id = p_target) IS NOT NULL
        THEN
            RAISE EXCEPTION 'change % cannot be marked undone by %', p_target, p_current
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (
            SELECT 1 FROM change_login l WHERE l.change_id = p_target AND l.login = session_user)
        THEN
            RAISE EXCEPTION 'change % is not of %', p_target, session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        FOR r IN SELECT DISTINCT ON (tbl, first_id) tbl, first_id, last_id, before
                 FROM change_row WHERE change_id = p_target ORDER BY tbl, first_id, seq
        LOOP
            IF r.before IS NULL THEN
                EXECUTE format('SELECT count(*) FROM %I WHERE id BETWEEN $1 AND $2', r.tbl)
                    INTO found_rows USING r.first_id, r.last_id;
                IF found_rows > 0 THEN
                    RAISE EXCEPTION 'change % is not undone: % #% is still there',
                        p_target, r.tbl, r.first_id USING ERRCODE = 'insufficient_privilege';
                END IF;
            ELSE
                EXECUTE format('SELECT row_as_logged(to_jsonb(t)) FROM %I t WHERE id = $1', r.tbl)
                    INTO now_is USING r.first_id;
                IF now_is IS DISTINCT FROM r.before::jsonb THEN
                    RAISE EXCEPTION 'change % is not undone: % #% is not as it was',
                        p_target, r.tbl, r.first_id USING ERRCODE = 'insufficient_privilege';
                END IF;
            END IF;
        END LOOP;
    END IF;
    UPDATE change SET undone_by = p_current WHERE id = p_target RETURNING undoes INTO redone;
    IF redone IS NOT NULL THEN
        UPDATE change SET undone_by = NULL WHERE id = redone;
        UPDATE change SET undone_by = redone
            WHERE id = (SELECT undoes FROM change WHERE id = redone);
    END IF;
    UPDATE change SET undoes = p_target WHERE id = p_current;
END
$$;

-- Logs a row an office wrote, in the change it opened in this transaction,
-- after checking its values.
CREATE FUNCTION office_logs_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    was JSONB;
    now_is JSONB;
    row_id BIGINT;
    opened BIGINT;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM office WHERE login = session_user) THEN
        RETURN NULL;
    END IF;
    SELECT max(change_id) INTO opened FROM change_login
        WHERE xact = txid_current() AND login = session_user;
    IF opened IS NULL THEN
        RAISE EXCEPTION 'a write to % by % outside a change of the log', TG_TABLE_NAME,
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP <> 'INSERT' THEN
        was := row_as_logged(to_jsonb(OLD));
        row_id := OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        now_is := row_as_logged(to_jsonb(NEW));
        row_id := NEW.id;
    END IF;
    IF TG_OP = 'UPDATE' AND was = now_is THEN
        RETURN NULL;
    END IF;
    -- (Each table's columns are named only in its own branch.)
    IF TG_TABLE_NAME = 'obligation' AND TG_OP = 'UPDATE' THEN
        IF NOT (
            is_day(NEW.due_on)
            AND (NEW.original_due_on IS NULL OR is_day(NEW.original_due_on))
            AND (NEW.completed_on IS NULL OR is_day(NEW.completed_on))
            AND (NEW.rating IS NULL OR NEW.rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'))
            AND NEW.forced IN (0, 1)
            AND (NEW.recorded_at IS NULL OR is_stamp(NEW.recorded_at))
            AND (NEW.recorded_by IS NULL OR NEW.recorded_by !~ '[[:cntrl:]]')
            -- Completed before its directive was issued: only as forced.
            AND (NEW.completed_on IS NULL OR NEW.forced = 1 OR NOT EXISTS (
                SELECT 1 FROM task k JOIN directive d ON d.id = k.directive_id
                WHERE k.id = NEW.task_id AND NEW.completed_on < d.issued_on))
            -- A due date moves by an extension (with its reason and the
            -- first due date kept), or back to the first due date.
            AND (NEW.due_on = OLD.due_on
                 OR (NEW.original_due_on IS NOT NULL AND NEW.extension_reason IS NOT NULL)
                 OR NEW.due_on = coalesce(OLD.original_due_on, OLD.due_on)))
        THEN
            RAISE EXCEPTION 'obligation #% by %: a value theodoi does not write', row_id,
                session_user USING ERRCODE = 'check_violation';
        END IF;
    ELSIF TG_TABLE_NAME = 'person' AND TG_OP <> 'DELETE' THEN
        IF NOT ((NEW.from_on IS NULL OR is_day(NEW.from_on))
                AND (NEW.to_on IS NULL OR is_day(NEW.to_on))
                AND NEW.code ~ '^[A-Za-z0-9._-]{1,40}$'
                AND is_name(NEW.name) AND is_name(NEW.position)
                AND is_stamp(NEW.created_at))
        THEN
            RAISE EXCEPTION 'person #% by %: a value theodoi does not write', row_id,
                session_user USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    INSERT INTO change_row (change_id, seq, tbl, first_id, last_id, before, after)
        SELECT opened, coalesce(max(seq), 0) + 1, TG_TABLE_NAME, row_id, row_id,
               CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE was::TEXT END,
               CASE WHEN TG_OP = 'UPDATE' THEN now_is::TEXT END
        FROM change_row WHERE change_id = opened;
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

DO $$
DECLARE
    t TEXT;
    o RECORD;
BEGIN
    -- Fired for logins other than the owner only.
    FOREACH t IN ARRAY ARRAY['obligation', 'person'] LOOP
        EXECUTE format(
            'CREATE TRIGGER office_logs_row AFTER INSERT OR UPDATE OR DELETE ON %I
             FOR EACH ROW WHEN (session_user <> %L) EXECUTE FUNCTION office_logs_row()',
            t, current_user);
    END LOOP;
    EXECUTE format(
        'CREATE CONSTRAINT TRIGGER office_change_not_empty AFTER INSERT ON change_login
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (session_user <> %L) EXECUTE FUNCTION office_change_not_empty()',
        current_user);
    FOREACH t IN ARRAY ARRAY['office_logs_row()', 'office_change_not_empty()', 'write_lock()',
                             'reset_ids()', 'begin_change(TEXT, TEXT, TEXT)',
                             'log_change_row(BIGINT, BIGINT, TEXT, BIGINT, BIGINT, TEXT, TEXT)',
                             'note_change(BIGINT, TEXT, BIGINT, BIGINT)',
                             'mark_undone(BIGINT, BIGINT)'] LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', t, current_schema());
    END LOOP;
    -- The writing offices of 0010: the write lock; of the sequences, the
    -- people's only.
    FOR o IN SELECT login FROM office WHERE unit_id IS NOT NULL LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION write_lock() TO %I', o.login);
        EXECUTE format('REVOKE INSERT, UPDATE ON person FROM %I', o.login);
        EXECUTE format('GRANT INSERT (%s), UPDATE (%s) ON person TO %I',
            'code, name, name_fold, name_key, position, position_fold, unit_id, from_on, to_on, created_at',
            'code, name, name_fold, name_key, position, position_fold, unit_id, from_on, to_on, created_at',
            o.login);
        EXECUTE format('REVOKE USAGE ON ALL SEQUENCES IN SCHEMA %I FROM %I',
            current_schema(), o.login);
        EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %I',
            pg_get_serial_sequence('person', 'id'), o.login);
    END LOOP;
END
$$;
