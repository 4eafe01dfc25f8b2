// Forgets the changes up to $version, in bounded transactions (auto-commit only), once the feed says it no longer
// holds them: a reader never sees a feed that claims more than it keeps.
MATCH (c:CoopGraphChange)
WHERE c.version <= $version
CALL (c) { DELETE c } IN TRANSACTIONS OF 10000 ROWS
