-- Search reads a narrow copy of each case's searchable and sortable columns. A common name
-- matches a sixth of the cases, and counting them or finding the newest 200 means reading every
-- matching row to check the pattern; in cases each row carries its form (about 1.4 kB, too short
-- to be moved out of line), so that read took 14,000 pages for 100,000 cases, and 3,300 here.
-- Triggers keep the copy in the same transaction as the case, so a count and the list it heads
-- never disagree.
CREATE TABLE case_search (
    case_id      bigint      PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    branch       text        NOT NULL,
    status       text        NOT NULL,
    status_since timestamptz NOT NULL,
    haystack     text        NOT NULL
);
INSERT INTO case_search (case_id, branch, status, status_since, haystack)
    SELECT id, branch, status, status_since, haystack FROM cases;
CREATE INDEX case_search_haystack_trgm ON case_search USING gin (haystack public.gin_trgm_ops);
CREATE INDEX case_search_branch_status ON case_search (branch, status);
CREATE INDEX case_search_status_since ON case_search (status, status_since, case_id);
CREATE INDEX case_search_since ON case_search (status_since, case_id);

-- The triggers run as whoever changes the case, so the copy is held to the same rules as the
-- case itself: a person sees the copies of the cases they may see, and may write only a copy
-- that is exactly what the case says, which the trigger does and nothing else can do better.
CREATE FUNCTION case_search_copy() RETURNS trigger LANGUAGE plpgsql
SET search_path = recoverydesk, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO case_search (case_id, branch, status, status_since, haystack)
            VALUES (NEW.id, NEW.branch, NEW.status, NEW.status_since, NEW.haystack);
    ELSIF (NEW.branch, NEW.status, NEW.status_since, NEW.haystack) IS DISTINCT FROM
          (OLD.branch, OLD.status, OLD.status_since, OLD.haystack) THEN
        UPDATE case_search SET branch = NEW.branch, status = NEW.status, status_since = NEW.status_since, haystack = NEW.haystack
            WHERE case_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER case_search_copy AFTER INSERT OR UPDATE OF branch, status, status_since, haystack ON cases
    FOR EACH ROW EXECUTE FUNCTION case_search_copy();

ALTER TABLE case_search ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_search FORCE ROW LEVEL SECURITY;
CREATE POLICY case_search_read ON case_search FOR SELECT
    USING ((SELECT is_manager()) OR branch = (SELECT branch_of(current_user)));
CREATE POLICY case_search_insert ON case_search FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.branch = case_search.branch
        AND c.status = case_search.status AND c.status_since = case_search.status_since AND c.haystack = case_search.haystack));
CREATE POLICY case_search_update ON case_search FOR UPDATE
    USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id))
    WITH CHECK (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.branch = case_search.branch
        AND c.status = case_search.status AND c.status_since = case_search.status_since AND c.haystack = case_search.haystack));

ALTER TABLE case_search OWNER TO recoverydesk_owner;
ALTER FUNCTION case_search_copy() OWNER TO recoverydesk_owner;
REVOKE ALL ON case_search FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE ON case_search TO recoverydesk_technician, recoverydesk_manager;
