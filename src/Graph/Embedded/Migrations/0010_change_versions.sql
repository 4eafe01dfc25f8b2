-- Where each committed version's changes end in the feed. changes.version grows with changes.seq (writes run one at a
-- time, and a write's changes carry the version it commits as), so a version bound is a seq bound, read here, and the
-- feed is then read by its rowid. This replaces the index on changes.version, which a bulk load into an empty store
-- built again at its end, over every change the load recorded.
CREATE TABLE change_versions (
    version  INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL   -- the greatest changes.seq given when the version committed
);
INSERT INTO change_versions (version, last_seq) SELECT version, MAX(seq) FROM changes GROUP BY version;
DROP INDEX IF EXISTS ix_changes_version;
