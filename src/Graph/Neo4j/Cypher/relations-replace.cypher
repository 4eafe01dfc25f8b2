// A relation field given anew replaces the node's links of that type: links to the others it no longer names go,
// among those the writer sees (another authority's private link to this node is not the writer's to remove).
UNWIND $rows AS row
MATCH (n:Node {id: row.nodeId})
MATCH (n)-[r]-(o:Node)
WHERE type(r) = row.type
  AND ((row.incoming AND endNode(r) = n) OR (NOT row.incoming AND startNode(r) = n))
  AND NOT o.id IN row.keep
  AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
DELETE r
