-- Link ids become unique through a named index instead of a column constraint, so that a bulk load into an empty
-- store can drop it while it loads and build it once at the end (see DeferredIndexes): a constraint's own index cannot
-- be dropped. SQLite cannot alter a column's constraint, so the table is rebuilt: same columns, same rows, same seq.
-- One link per pair of ends is now keyed by its ends first: the same rule, and with the type (a dozen values) first
-- nearly every comparison went on to the second column; building it over ten million links took 5.6 s, now 3.5-4.8.
CREATE TABLE links_rebuilt (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL,
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
INSERT INTO links_rebuilt (seq, id, type, source_id, target_id, since, until, note, source, coop_kind, intensity, instrument, amount, year, outcome)
SELECT seq, id, type, source_id, target_id, since, until, note, source, coop_kind, intensity, instrument, amount, year, outcome FROM links ORDER BY seq;
DROP TABLE links;
ALTER TABLE links_rebuilt RENAME TO links;

CREATE UNIQUE INDEX ux_links_id ON links (id);
CREATE INDEX ix_links_source ON links (source_id, type, seq);
CREATE INDEX ix_links_target ON links (target_id, type, seq);
CREATE INDEX ix_links_type ON links (type, seq);
CREATE UNIQUE INDEX ux_links_ends ON links (source_id, target_id, type) WHERE type NOT IN ('FUNDS', 'APPLIED_TO');
-- A load that died with its indexes deferred is finished by the next start, which creates whatever is missing.
