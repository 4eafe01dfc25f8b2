// The territorial tree as relationships, so that subtrees and cycles are patterns. HAS_PARENT is internal: it is not a
// link of the graph (no id), and link queries name the link types they want.
UNWIND $rows AS row
MATCH (t:Node {id: row.id})
OPTIONAL MATCH (t)-[old:HAS_PARENT]->()
DELETE old
WITH DISTINCT t, row
WHERE row.parentId IS NOT NULL
MATCH (p:Node {id: row.parentId})
MERGE (t)-[:HAS_PARENT]->(p)
