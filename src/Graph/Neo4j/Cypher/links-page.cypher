// One page of an export: links in the order they were first written.
MATCH (s:Node)-[r]->(t:Node)
WHERE type(r) IN $types AND r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take
