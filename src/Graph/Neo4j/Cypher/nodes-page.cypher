// One page of an export: nodes in the order they were first written.
MATCH (n:Node)
WHERE n.seq > $after AND ($seeAll OR n.privateTo IS NULL OR n.privateTo = $viewer)
RETURN n {.*} AS node
ORDER BY n.seq
LIMIT $take
