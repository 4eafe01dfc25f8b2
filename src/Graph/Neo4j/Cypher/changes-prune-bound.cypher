// The last version committed before $before (whole versions are pruned), and the last seq of the changes up to it.
MATCH (c:CoopGraphChange)
WHERE c.at < $before
WITH max(c.version) AS version
MATCH (k:CoopGraphChange)
WHERE k.version <= version
RETURN version, max(k.seq) AS seq, count(k) AS changes
