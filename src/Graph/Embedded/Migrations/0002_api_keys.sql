-- API keys: only a SHA-256 hash of each key is kept; the prefix identifies a key in listings without revealing it.
CREATE TABLE api_keys (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    prefix          TEXT    NOT NULL,
    hash            TEXT    NOT NULL UNIQUE,
    scopes          TEXT    NOT NULL,
    trusted_only    INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    revoked_at      TEXT
);
