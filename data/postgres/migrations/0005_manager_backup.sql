-- A manager backs up the shared database from the overview. pg_dump reads each identity's
-- position, which takes SELECT on its sequence (USAGE only draws numbers); the rows themselves
-- it reads through the security rules, which show a manager every branch.
GRANT SELECT ON ALL SEQUENCES IN SCHEMA recoverydesk TO recoverydesk_manager;
