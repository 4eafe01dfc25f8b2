// A relation field given anew replaces the node's links of that type: links to the others it no longer names go.
UNWIND $rows AS row
MATCH (n:Node {id: row.nodeId})
MATCH (n)-[r]-(o:Node)
WHERE type(r) = row.type
  AND ((row.incoming AND endNode(r) = n) OR (NOT row.incoming AND startNode(r) = n))
  AND NOT o.id IN row.keep
DELETE r
