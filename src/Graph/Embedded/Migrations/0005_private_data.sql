-- Private data: an actor, a policy or a link may be private to an authority (its id), or public (NULL). A link's
-- private_to covers its ends too (the planner widens it to theirs), so every read filters each row on its own column.
-- The partial indexes hold only private rows: public rows cost nothing, and deleting an authority finds its data.
ALTER TABLE nodes ADD COLUMN private_to TEXT;
ALTER TABLE links ADD COLUMN private_to TEXT;
CREATE INDEX ix_nodes_private_to ON nodes (private_to) WHERE private_to IS NOT NULL;
CREATE INDEX ix_links_private_to ON links (private_to) WHERE private_to IS NOT NULL;
-- A key may be bound to an authority: it then reads and writes that authority's private data.
ALTER TABLE api_keys ADD COLUMN authority_id TEXT;
