-- Cases keep the form's fields as JSON (body) so that a new form field needs no migration;
-- the columns beside it are what lists, filters and reports read without decoding JSON.
CREATE TABLE cases (
    id           INTEGER PRIMARY KEY,
    number       TEXT    NOT NULL UNIQUE,
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    status       TEXT    NOT NULL,
    status_since TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    customer     TEXT    NOT NULL DEFAULT '',
    model        TEXT    NOT NULL DEFAULT '',
    imei1        TEXT    NOT NULL DEFAULT '',
    body         TEXT    NOT NULL,
    UNIQUE (year, seq)
);
CREATE INDEX cases_status_since ON cases (status, status_since);
CREATE INDEX cases_since ON cases (status_since);

-- The valid IMEIs of each case, for the duplicate-IMEI warning.
CREATE TABLE case_imeis (
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    imei    TEXT    NOT NULL,
    PRIMARY KEY (imei, case_id)
) WITHOUT ROWID;

-- Search text folded in Go (Cyrillic included), indexed by trigrams so substring search stays fast.
CREATE VIRTUAL TABLE case_search USING fts5 (haystack, tokenize = 'trigram');

-- Files live in the database so that a case and its evidence commit together and one file backs up everything.
CREATE TABLE attachments (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id),
    kind       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    media_type TEXT    NOT NULL,
    size       INTEGER NOT NULL,
    sha256     TEXT    NOT NULL,
    note       TEXT    NOT NULL DEFAULT '',
    added_at   TEXT    NOT NULL,
    added_by   TEXT    NOT NULL,
    width      INTEGER NOT NULL DEFAULT 0,
    height     INTEGER NOT NULL DEFAULT 0,
    removed    INTEGER NOT NULL DEFAULT 0,
    purged     INTEGER NOT NULL DEFAULT 0,
    data       BLOB,
    rendition  BLOB
);
CREATE INDEX attachments_case ON attachments (case_id);

CREATE TABLE history (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    at        TEXT    NOT NULL,
    operator  TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    from_status TEXT  NOT NULL DEFAULT '',
    to_status TEXT    NOT NULL DEFAULT '',
    note      TEXT    NOT NULL DEFAULT '',
    details   TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX history_case ON history (case_id, id);
CREATE INDEX history_at ON history (at);

-- The history is evidence: the database itself refuses to rewrite it.
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
