UNWIND $ids AS id
MATCH (n:Node {id: id})-[r]->(o:Node)
WHERE type(r) = $type
RETURN id, o.id AS other
ORDER BY r.seq
