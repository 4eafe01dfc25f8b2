-- The stage at which a policy involves a group of its beneficiaries (INVOLVES links only).
ALTER TABLE links ADD COLUMN stage TEXT;
-- A policy involves a group once per stage, so INVOLVES, like FUNDS and APPLIED_TO, may join the same ends twice.
DROP INDEX IF EXISTS ux_links_ends;
CREATE UNIQUE INDEX ux_links_ends ON links (source_id, target_id, type) WHERE type NOT IN ('FUNDS', 'APPLIED_TO', 'INVOLVES');
