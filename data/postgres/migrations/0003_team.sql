-- A team on one database: branches, people who are PostgreSQL login roles, and row-level
-- security that decides by the connected login. Nothing here trusts the app: a technician who
-- connects with psql gets exactly what the window gives them.
--
-- Group roles are cluster-wide, so they are created once per server and shared by every
-- RecoveryDesk database on it; a person belongs to this database through the staff table.
-- Two databases set up at once may race to create them, hence the second exception.
DO $$ BEGIN CREATE ROLE recoverydesk_owner NOLOGIN CREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE recoverydesk_technician NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE recoverydesk_manager NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE recoverydesk_admin NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;

-- The owner creates people's logins (staff_add runs as it); from PostgreSQL 16 on, a role with
-- CREATEROLE may only hand out the groups it administers.
-- Two databases set up at once on a fresh server may race to write the same membership; the
-- loser checks that the winner's grant is there.
DO $$ BEGIN
    IF NOT pg_has_role('recoverydesk_owner', 'recoverydesk_admin', 'MEMBER') THEN
        GRANT recoverydesk_technician, recoverydesk_manager, recoverydesk_admin TO recoverydesk_owner WITH ADMIN OPTION;
    END IF;
EXCEPTION WHEN unique_violation OR internal_error THEN
    IF NOT pg_has_role('recoverydesk_owner', 'recoverydesk_admin', 'MEMBER') THEN
        RAISE;
    END IF;
END $$;

CREATE TABLE branches (
    code    text PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,15}$'),
    name    text NOT NULL CHECK (name <> ''),
    address text NOT NULL DEFAULT '',
    phone   text NOT NULL DEFAULT '',
    email   text NOT NULL DEFAULT '',
    -- The support region a new case of this branch starts with (casefile's region codes).
    region  text NOT NULL DEFAULT ''
);
-- Cases opened before branches existed belong to the first one; the admin renames it.
INSERT INTO branches (code, name) VALUES ('MAIN', 'Main');

-- One row per person. The login is the PostgreSQL role; removing a person takes the right to
-- log in away and keeps the row, so the history still names them.
CREATE TABLE staff (
    login      text PRIMARY KEY,
    name       text NOT NULL DEFAULT '',
    role       text NOT NULL CHECK (role IN ('technician', 'manager', 'admin')),
    branch     text REFERENCES branches (code),
    added_at   timestamptz NOT NULL DEFAULT now(),
    removed_at timestamptz,
    CHECK (role <> 'technician' OR branch IS NOT NULL)
);

-- branch_of is the branch of a login still on the staff, NULL otherwise. It reads staff as the
-- owner, so technicians need no right to read the staff list.
CREATE FUNCTION branch_of(who name) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = recoverydesk, pg_temp AS $$
    SELECT branch FROM recoverydesk.staff WHERE login = who AND removed_at IS NULL
$$;

-- is_manager: the connected login has a manager's rights (superusers have every role's).
CREATE FUNCTION is_manager() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, 'recoverydesk_manager', 'USAGE')
$$;

-- default_branch is where a new case goes when the app names none: the person's own branch,
-- else the first one. It runs as the caller: inside a SECURITY DEFINER function current_user
-- would be the owner.
CREATE FUNCTION default_branch() RETURNS text LANGUAGE sql STABLE
SET search_path = recoverydesk, pg_temp AS $$
    SELECT COALESCE(recoverydesk.branch_of(current_user), (SELECT min(code) FROM recoverydesk.branches))
$$;

-- whoami is what the window shows: the login, the role and the branch, as the database sees
-- them. A superuser who is not on the staff is the set-up account. The caller passes
-- current_user: inside this SECURITY DEFINER function current_user is the owner.
CREATE FUNCTION whoami(who name, OUT login text, OUT role text, OUT branch text, OUT name text, OUT superuser boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = recoverydesk, pg_temp AS $$
    SELECT r.rolname::text, COALESCE(s.role, ''), COALESCE(s.branch, ''), COALESCE(s.name, ''), r.rolsuper
    FROM pg_roles r LEFT JOIN recoverydesk.staff s ON s.login = r.rolname AND s.removed_at IS NULL
    WHERE r.rolname = who
$$;

ALTER TABLE cases ADD COLUMN branch text NOT NULL DEFAULT 'MAIN' REFERENCES branches (code);
ALTER TABLE cases ALTER COLUMN branch SET DEFAULT default_branch();
CREATE INDEX cases_branch ON cases (branch, status, status_since);

-- Who made each change is taken by the database, whatever the client sends. Rows written
-- before this step keep an empty login.
ALTER TABLE history ADD COLUMN login text NOT NULL DEFAULT '';
ALTER TABLE history ALTER COLUMN login SET DEFAULT current_user;
CREATE FUNCTION history_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.login := current_user;
    RETURN NEW;
END $$;
CREATE TRIGGER history_login BEFORE INSERT ON history FOR EACH ROW EXECUTE FUNCTION history_stamp();

-- Row-level security, forced so that even the owner obeys it. A case is visible to a manager
-- and to its own branch; the rows hanging off a case follow the case, through a subquery that
-- is itself filtered by the cases policy.
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
CREATE POLICY cases_branch ON cases
    USING ((SELECT is_manager()) OR branch = (SELECT branch_of(current_user)))
    WITH CHECK ((SELECT is_manager()) OR branch = (SELECT branch_of(current_user)));

ALTER TABLE case_imeis ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_imeis FORCE ROW LEVEL SECURITY;
CREATE POLICY case_imeis_case ON case_imeis
    USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY attachments_case ON attachments
    USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

-- The history is read and appended through its case; no policy allows UPDATE or DELETE, so
-- they match no row for anyone, and the triggers refuse them besides.
ALTER TABLE history ENABLE ROW LEVEL SECURITY;
ALTER TABLE history FORCE ROW LEVEL SECURITY;
CREATE POLICY history_read ON history FOR SELECT
    USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));
CREATE POLICY history_append ON history FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id));

-- Nobody logs in as the owner; the set-up account (a superuser) applies later steps.
ALTER SCHEMA recoverydesk OWNER TO recoverydesk_owner;
ALTER TABLE schema_migrations OWNER TO recoverydesk_owner;
ALTER TABLE case_numbers OWNER TO recoverydesk_owner;
ALTER TABLE cases OWNER TO recoverydesk_owner;
ALTER TABLE case_imeis OWNER TO recoverydesk_owner;
ALTER TABLE attachments OWNER TO recoverydesk_owner;
ALTER TABLE history OWNER TO recoverydesk_owner;
ALTER TABLE settings OWNER TO recoverydesk_owner;
ALTER TABLE branches OWNER TO recoverydesk_owner;
ALTER TABLE staff OWNER TO recoverydesk_owner;
ALTER FUNCTION history_append_only() OWNER TO recoverydesk_owner;
ALTER FUNCTION history_stamp() OWNER TO recoverydesk_owner;
ALTER FUNCTION branch_of(name) OWNER TO recoverydesk_owner;
ALTER FUNCTION is_manager() OWNER TO recoverydesk_owner;
ALTER FUNCTION default_branch() OWNER TO recoverydesk_owner;
ALTER FUNCTION whoami(name) OWNER TO recoverydesk_owner;

-- What each role may do. Technicians and managers work on cases; what a technician may change
-- in a row is limited to the columns the window changes, so purge (purged), moving a case to
-- another branch and rewriting who opened it are the manager's.
REVOKE ALL ON ALL TABLES IN SCHEMA recoverydesk FROM PUBLIC;
REVOKE ALL ON FUNCTION branch_of(name), default_branch(), whoami(name) FROM PUBLIC;
GRANT USAGE ON SCHEMA recoverydesk TO recoverydesk_technician, recoverydesk_manager, recoverydesk_admin;
GRANT EXECUTE ON FUNCTION branch_of(name), default_branch(), whoami(name)
    TO recoverydesk_technician, recoverydesk_manager, recoverydesk_admin;
GRANT SELECT ON schema_migrations, branches TO recoverydesk_technician, recoverydesk_manager, recoverydesk_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA recoverydesk TO recoverydesk_technician, recoverydesk_manager;

GRANT SELECT, INSERT, UPDATE ON case_numbers TO recoverydesk_technician, recoverydesk_manager;
GRANT SELECT, INSERT ON cases, attachments, history TO recoverydesk_technician, recoverydesk_manager;
GRANT SELECT, INSERT, DELETE ON case_imeis TO recoverydesk_technician, recoverydesk_manager;
GRANT UPDATE (status, status_since, updated_at, version, customer, model, imei1, haystack, body) ON cases TO recoverydesk_technician;
GRANT UPDATE (removed, data, rendition) ON attachments TO recoverydesk_technician;
GRANT SELECT ON settings TO recoverydesk_technician;

GRANT UPDATE ON cases, attachments TO recoverydesk_manager;
GRANT SELECT, INSERT, UPDATE, DELETE ON settings TO recoverydesk_manager;
GRANT SELECT ON staff TO recoverydesk_manager, recoverydesk_admin;

GRANT INSERT, UPDATE ON branches TO recoverydesk_admin;

-- People are added and removed through these two functions, which run as the owner (it may
-- create roles) and are granted to admins only; an admin's own login needs no CREATEROLE.
-- The password arrives as a SCRAM verifier made by the client, so it never crosses the wire
-- or reaches the server's log in clear text. A role that exists and is not on the staff is
-- refused: the function must not take over another application's login.
CREATE FUNCTION staff_add(who text, person_role text, person_branch text, person_name text, verifier text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = recoverydesk, pg_temp AS $$
DECLARE
    known boolean;
BEGIN
    IF who !~ '^[a-z_][a-z0-9_.-]{0,62}$' THEN
        RAISE EXCEPTION 'a login is lower-case latin letters, digits, "_", "." or "-", starting with a letter: %', who
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF who LIKE 'recoverydesk\_%' OR who LIKE 'pg\_%' THEN
        RAISE EXCEPTION 'the login % is reserved', who USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF person_role NOT IN ('technician', 'manager', 'admin') THEN
        RAISE EXCEPTION 'the role is technician, manager or admin, not %', person_role USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'the password must arrive as a SCRAM-SHA-256 verifier' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT true INTO known FROM staff WHERE login = who;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = who) THEN
        IF known IS NULL THEN
            RAISE EXCEPTION 'a database role named % exists and is not a RecoveryDesk person', who
                USING ERRCODE = 'duplicate_object';
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', who, verifier);
        EXECUTE format('REVOKE recoverydesk_technician, recoverydesk_manager, recoverydesk_admin FROM %I', who);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', who, verifier);
    END IF;
    EXECUTE format('GRANT %I TO %I', 'recoverydesk_' || person_role, who);
    INSERT INTO staff (login, name, role, branch) VALUES (who, COALESCE(person_name, ''), person_role, NULLIF(person_branch, ''))
    ON CONFLICT (login) DO UPDATE SET name = excluded.name, role = excluded.role, branch = excluded.branch,
        added_at = now(), removed_at = NULL;
END $$;

CREATE FUNCTION staff_remove(who text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = recoverydesk, pg_temp AS $$
BEGIN
    UPDATE staff SET removed_at = now() WHERE login = who AND removed_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'nobody with the login % is on the staff', who USING ERRCODE = 'no_data_found';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN PASSWORD NULL', who);
    EXECUTE format('REVOKE recoverydesk_technician, recoverydesk_manager, recoverydesk_admin FROM %I', who);
END $$;

ALTER FUNCTION staff_add(text, text, text, text, text) OWNER TO recoverydesk_owner;
ALTER FUNCTION staff_remove(text) OWNER TO recoverydesk_owner;
REVOKE ALL ON FUNCTION staff_add(text, text, text, text, text), staff_remove(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff_add(text, text, text, text, text), staff_remove(text) TO recoverydesk_admin;
