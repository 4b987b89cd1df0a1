-- The same shape as the SQLite engine's schema: the form's fields as JSON (body), the columns
-- lists, filters and reports read beside it, and an append-only history.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- One counter row per year: INSERT … ON CONFLICT DO UPDATE takes the row's lock until the
-- transaction ends, so two counters creating cases at the same moment get consecutive numbers.
CREATE TABLE case_numbers (
    year integer PRIMARY KEY,
    n    integer NOT NULL
);

CREATE TABLE cases (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number       text        NOT NULL UNIQUE,
    year         integer     NOT NULL,
    seq          integer     NOT NULL,
    status       text        NOT NULL,
    status_since timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL DEFAULT 1,
    customer     text        NOT NULL DEFAULT '',
    model        text        NOT NULL DEFAULT '',
    imei1        text        NOT NULL DEFAULT '',
    -- Folded in Go (Cyrillic, ё = е) with digits-only copies of phones and IMEIs.
    haystack     text        NOT NULL DEFAULT '',
    body         jsonb       NOT NULL,
    UNIQUE (year, seq)
);
CREATE INDEX cases_status_since ON cases (status, status_since);
CREATE INDEX cases_since ON cases (status_since);
CREATE INDEX cases_haystack_trgm ON cases USING gin (haystack public.gin_trgm_ops);

CREATE TABLE case_imeis (
    case_id bigint NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    imei    text   NOT NULL,
    PRIMARY KEY (imei, case_id)
);
CREATE INDEX case_imeis_case ON case_imeis (case_id);

CREATE TABLE attachments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    bigint      NOT NULL REFERENCES cases (id),
    kind       text        NOT NULL,
    name       text        NOT NULL,
    media_type text        NOT NULL,
    size       bigint      NOT NULL,
    sha256     text        NOT NULL,
    note       text        NOT NULL DEFAULT '',
    added_at   timestamptz NOT NULL,
    added_by   text        NOT NULL,
    width      integer     NOT NULL DEFAULT 0,
    height     integer     NOT NULL DEFAULT 0,
    removed    boolean     NOT NULL DEFAULT false,
    purged     boolean     NOT NULL DEFAULT false,
    data       bytea,
    rendition  bytea
);
CREATE INDEX attachments_case ON attachments (case_id);

CREATE TABLE history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     bigint      NOT NULL REFERENCES cases (id),
    at          timestamptz NOT NULL,
    operator    text        NOT NULL,
    action      text        NOT NULL,
    from_status text        NOT NULL DEFAULT '',
    to_status   text        NOT NULL DEFAULT '',
    note        text        NOT NULL DEFAULT '',
    details     jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX history_case ON history (case_id, id);
CREATE INDEX history_at ON history (at);

-- The history is evidence: the database itself refuses to rewrite it. Row triggers do not
-- fire on TRUNCATE, so a statement trigger refuses that too.
CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'history is append-only' USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER history_no_update BEFORE UPDATE OR DELETE ON history
    FOR EACH ROW EXECUTE FUNCTION history_append_only();
CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history
    FOR EACH STATEMENT EXECUTE FUNCTION history_append_only();

CREATE TABLE settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);
