namespace CoopGraph.Graph.Embedded;

/// <summary>
/// The indexes and full-text triggers that a bulk load into an empty store builds once at the end rather than row by
/// row: maintaining them per row costs most of an insert (random-order B-tree inserts that dirty a page each, every
/// page then written to the log at each commit), while building them after the load is one sort. That includes the
/// two unique link indexes (ids, one link per pair of ends): while they are away, the load's memory
/// (<see cref="BulkLoadMemory"/>) proves every link it writes new, and any write that cannot lean on that memory —
/// another writer, a batch the memory cannot answer, another process — first builds them back
/// (<see cref="IntegritySql"/>), so no write ever goes unchecked. Node ids and territory codes stay unique throughout.
/// The private data's indexes are deferred too: each index, even a partial one that holds no public row, is a cursor
/// every insert statement opens. The read model asks for a whole copy while indexes are away (see ChangeReader);
/// private reads scan until the load ends. The change feed needs no index of its own (see ChangeVersions).
/// A marker in store_meta says indexes are off; the store's start restores them if a process died before it could.
/// </summary>
internal static class DeferredIndexes
{
    public const string IsDeferredSql = "SELECT EXISTS (SELECT 1 FROM store_meta WHERE key = 'deferred_indexes')";

    public const string IsEmptySql = "SELECT NOT EXISTS (SELECT 1 FROM nodes)";

    /// <summary>Whether the unique link indexes are there: asked inside every write transaction checked against SQLite.</summary>
    public const string HasIntegritySql =
        "SELECT COUNT(*) = 2 FROM sqlite_schema WHERE type = 'index' AND name IN ('ux_links_id', 'ux_links_ends')";

    public const string DropSql =
        """
        INSERT INTO store_meta (key, value) VALUES ('deferred_indexes', 1) ON CONFLICT (key) DO NOTHING;
        DROP INDEX IF EXISTS ux_links_id;
        DROP INDEX IF EXISTS ux_links_ends;
        DROP INDEX IF EXISTS ix_links_source;
        DROP INDEX IF EXISTS ix_links_target;
        DROP INDEX IF EXISTS ix_links_type;
        DROP INDEX IF EXISTS ix_nodes_kind;
        DROP INDEX IF EXISTS ix_nodes_private_to;
        DROP INDEX IF EXISTS ix_links_private_to;
        DROP TRIGGER IF EXISTS nodes_fts_insert;
        DROP TRIGGER IF EXISTS nodes_fts_delete;
        DROP TRIGGER IF EXISTS nodes_fts_update;
        """;

    // The same definitions as the migrations (a test compares the schema after a restore with a fresh one). Building a
    // unique index checks every row: should a link ever be there twice, the statement fails and nothing is committed.
    public const string IntegritySql =
        """
        CREATE UNIQUE INDEX IF NOT EXISTS ux_links_id ON links (id);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_links_ends ON links (source_id, target_id, type) WHERE type NOT IN ('FUNDS', 'APPLIED_TO', 'INVOLVES');
        """;

    public const string RestoreSql = IntegritySql +
        """
        CREATE INDEX IF NOT EXISTS ix_nodes_kind ON nodes (kind, seq);
        CREATE INDEX IF NOT EXISTS ix_links_source ON links (source_id, type, seq);
        CREATE INDEX IF NOT EXISTS ix_links_target ON links (target_id, type, seq);
        CREATE INDEX IF NOT EXISTS ix_links_type ON links (type, seq);
        CREATE INDEX IF NOT EXISTS ix_nodes_private_to ON nodes (private_to) WHERE private_to IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_links_private_to ON links (private_to) WHERE private_to IS NOT NULL;
        INSERT INTO nodes_fts (nodes_fts) VALUES ('rebuild');
        CREATE TRIGGER IF NOT EXISTS nodes_fts_insert AFTER INSERT ON nodes BEGIN
            INSERT INTO nodes_fts (rowid, name, description) VALUES (new.seq, new.name, new.description);
        END;
        CREATE TRIGGER IF NOT EXISTS nodes_fts_delete AFTER DELETE ON nodes BEGIN
            INSERT INTO nodes_fts (nodes_fts, rowid, name, description) VALUES ('delete', old.seq, old.name, old.description);
        END;
        CREATE TRIGGER IF NOT EXISTS nodes_fts_update AFTER UPDATE OF name, description ON nodes BEGIN
            INSERT INTO nodes_fts (nodes_fts, rowid, name, description) VALUES ('delete', old.seq, old.name, old.description);
            INSERT INTO nodes_fts (rowid, name, description) VALUES (new.seq, new.name, new.description);
        END;
        DELETE FROM store_meta WHERE key = 'deferred_indexes';
        """;
}
