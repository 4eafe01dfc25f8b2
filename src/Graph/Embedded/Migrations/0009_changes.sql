-- The change feed: every committed write's changes, in commit order, recorded in the write's own transaction. Upserts
-- are recorded by the write, a statement per batch (EmbeddedWriteTransaction: triggers on inserts made a bulk load
-- three times slower); deletions by the triggers below, so that cascades (a node's links, an authority's private data)
-- are recorded too. version is the version the write commits as (writes run one at a time, and bump the version
-- last). private_to is the
-- element's after the change (before it, for a deletion); previous_private_to and existed say who could see it before
-- an upsert, so that a node becoming private is a deletion for those who no longer see it.
CREATE TABLE changes (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
    version             INTEGER NOT NULL,
    at                  TEXT    NOT NULL,
    op                  TEXT    NOT NULL,   -- UPSERT | DELETE
    id                  TEXT    NOT NULL,
    node_kind           TEXT,
    link_type           TEXT,
    private_to          TEXT,
    previous_private_to TEXT,
    existed             INTEGER NOT NULL
);
CREATE INDEX ix_changes_version ON changes (version);
-- The feed holds every change of the versions after this one (older ones were pruned, or predate the feed).
INSERT INTO store_meta (key, value) SELECT 'changes_since', value FROM store_meta WHERE key = 'version';
-- The last seq pruned: a cursor before it asks for changes no longer kept.
INSERT INTO store_meta (key, value) VALUES ('changes_pruned_seq', 0);

CREATE TRIGGER changes_node_delete AFTER DELETE ON nodes BEGIN
    INSERT INTO changes (version, at, op, id, node_kind, private_to, previous_private_to, existed)
    VALUES ((SELECT value + 1 FROM store_meta WHERE key = 'version'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'DELETE', old.id, old.kind, old.private_to, old.private_to, 1);
END;
CREATE TRIGGER changes_link_delete AFTER DELETE ON links BEGIN
    INSERT INTO changes (version, at, op, id, link_type, private_to, previous_private_to, existed)
    VALUES ((SELECT value + 1 FROM store_meta WHERE key = 'version'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'DELETE', old.id, old.type, old.private_to, old.private_to, 1);
END;
