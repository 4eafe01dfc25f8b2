namespace CoopGraph.Graph.Embedded;

/// <summary>
/// The indexes and full-text triggers that a bulk load into an empty store builds once at the end rather than row by
/// row: maintaining them per row costs most of an insert (random-order B-tree inserts that touch many pages per
/// commit), while building them after the load is one sort. Integrity indexes (unique ids, one link per pair of ends,
/// unique territory codes) stay, so nothing a load writes can break the model's rules. A marker in store_meta says
/// they are off; the store's start restores them if a process died before it could.
/// </summary>
internal static class DeferredIndexes
{
    public const string MarkerKey = "deferred_indexes";

    public const string IsDeferredSql = "SELECT EXISTS (SELECT 1 FROM store_meta WHERE key = 'deferred_indexes')";

    public const string IsEmptySql = "SELECT NOT EXISTS (SELECT 1 FROM nodes)";

    public const string DropSql =
        """
        INSERT INTO store_meta (key, value) VALUES ('deferred_indexes', 1) ON CONFLICT (key) DO NOTHING;
        DROP INDEX IF EXISTS ix_links_source;
        DROP INDEX IF EXISTS ix_links_target;
        DROP INDEX IF EXISTS ix_links_type;
        DROP INDEX IF EXISTS ix_nodes_kind;
        DROP TRIGGER IF EXISTS nodes_fts_insert;
        DROP TRIGGER IF EXISTS nodes_fts_delete;
        DROP TRIGGER IF EXISTS nodes_fts_update;
        """;

    // The same definitions as migration 0001 (a test compares the schema after a restore with a fresh one).
    public const string RestoreSql =
        """
        CREATE INDEX IF NOT EXISTS ix_nodes_kind ON nodes (kind, seq);
        CREATE INDEX IF NOT EXISTS ix_links_source ON links (source_id, type, seq);
        CREATE INDEX IF NOT EXISTS ix_links_target ON links (target_id, type, seq);
        CREATE INDEX IF NOT EXISTS ix_links_type ON links (type, seq);
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
