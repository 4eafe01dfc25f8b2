-- The policy domain a funding serves, when known (given, or read from a grant's purpose): money is then counted in
-- that one domain rather than in each of its funder's.
ALTER TABLE links ADD COLUMN domain TEXT;
