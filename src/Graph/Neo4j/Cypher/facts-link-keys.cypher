// Links of the types stored once per pair of ends, found by their ends.
UNWIND $keys AS k
MATCH (s:Node {id: k.sourceId})-[r]->(t:Node {id: k.targetId})
WHERE type(r) = k.type
RETURN k.type AS type, s.id AS sourceId, t.id AS targetId, r.id AS id, r.privateTo AS privateTo
