// Territories that would be their own ancestor once the batch is written (checked before the commit).
UNWIND $ids AS id
MATCH (t:Node {id: id})
WHERE EXISTS { MATCH (t)-[:HAS_PARENT*1..64]->(t) }
RETURN t.id AS id
