// One page of an export: nodes in the order they were first written.
MATCH (n:Node)
WHERE n.seq > $after
RETURN n {.*} AS node
ORDER BY n.seq
LIMIT $take
