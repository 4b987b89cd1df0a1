-- Every change to a case appends a history row, so one trigger there tells every listening
-- counter what changed, when the transaction commits (NOTIFY is transactional: a rolled-back
-- change tells nobody). The payload holds the case number, its branch, the action and who
-- made it; never a customer's data, since any login may LISTEN on any channel.
CREATE FUNCTION history_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    SELECT number, branch INTO c FROM cases WHERE id = NEW.case_id;
    PERFORM pg_notify('recoverydesk_changes', json_build_object(
        'number', c.number, 'branch', c.branch, 'action', NEW.action,
        'operator', NEW.operator, 'login', NEW.login, 'at', NEW.at)::text);
    RETURN NULL;
END $$;
CREATE TRIGGER history_changes AFTER INSERT ON history FOR EACH ROW EXECUTE FUNCTION history_notify();
ALTER FUNCTION history_notify() OWNER TO recoverydesk_owner;
