-- Any login may LISTEN on any channel, and PostgreSQL has no right that limits it, so a notice
-- carries only the history row's id: a counter that hears one reads the row back on its own
-- connection, where the security rules show it only what its person may see. A technician of
-- one branch hears that something changed somewhere, never which case, whose, or by whom.
CREATE OR REPLACE FUNCTION history_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('recoverydesk_changes', NEW.id::text);
    RETURN NULL;
END $$;
