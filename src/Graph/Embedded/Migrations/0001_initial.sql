-- Nodes of every kind in one table: kinds share most columns and ids are unique across kinds.
-- seq is the stable order of listings and the basis of cursors; FTS5 indexes names and descriptions.
CREATE TABLE nodes (
    seq              INTEGER PRIMARY KEY,
    id               TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    description      TEXT,
    tags             TEXT    NOT NULL DEFAULT '[]',
    source           TEXT,
    domains          INTEGER NOT NULL DEFAULT 0,   -- DomainSet bits: a service's or theme's domain, a policy's domains
    level            TEXT,                          -- authority or territory level
    code             TEXT,                          -- authority or territory code
    population       INTEGER,
    legal_form       TEXT,
    siren            TEXT,
    university_kind  TEXT,
    instrument       TEXT,
    budget           TEXT,                          -- decimal kept exact as text
    start_date       TEXT,
    end_date         TEXT,
    parent_id        TEXT,                          -- territory tree
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX ix_nodes_kind ON nodes (kind, seq);
CREATE UNIQUE INDEX ux_nodes_territory_code ON nodes (code) WHERE kind = 'Territory';
CREATE INDEX ix_nodes_parent ON nodes (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE links (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL,
    source_id   TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    target_id   TEXT NOT NULL REFERENCES nodes (id) ON DELETE CASCADE,
    since       TEXT,
    until       TEXT,
    note        TEXT,
    source      TEXT,
    coop_kind   TEXT,
    intensity   INTEGER,
    instrument  TEXT,
    amount      TEXT,
    year        INTEGER,
    outcome     TEXT
);
-- Neighbourhood queries walk both directions, filtered by type.
CREATE INDEX ix_links_source ON links (source_id, type, seq);
CREATE INDEX ix_links_target ON links (target_id, type, seq);
CREATE INDEX ix_links_type ON links (type, seq);
-- COOPERATES_WITH and the structural types hold one link per pair of ends; FUNDS and APPLIED_TO repeat over years.
CREATE UNIQUE INDEX ux_links_ends ON links (type, source_id, target_id) WHERE type NOT IN ('FUNDS', 'APPLIED_TO');

CREATE VIRTUAL TABLE nodes_fts USING fts5 (
    name, description, content = 'nodes', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER nodes_fts_insert AFTER INSERT ON nodes BEGIN
    INSERT INTO nodes_fts (rowid, name, description) VALUES (new.seq, new.name, new.description);
END;
CREATE TRIGGER nodes_fts_delete AFTER DELETE ON nodes BEGIN
    INSERT INTO nodes_fts (nodes_fts, rowid, name, description) VALUES ('delete', old.seq, old.name, old.description);
END;
CREATE TRIGGER nodes_fts_update AFTER UPDATE OF name, description ON nodes BEGIN
    INSERT INTO nodes_fts (nodes_fts, rowid, name, description) VALUES ('delete', old.seq, old.name, old.description);
    INSERT INTO nodes_fts (rowid, name, description) VALUES (new.seq, new.name, new.description);
END;

-- The store's version: increased by every committed write, read by projections to know when to rebuild.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('version', 0);
