// A relation field given anew replaces the node's links of that type: links to the others it no longer names go,
// among those the writer sees (another authority's private link to this node is not the writer's to remove). What
// went is returned, for the change feed.
UNWIND $rows AS row
MATCH (n:Node {id: row.nodeId})
MATCH (n)-[r]-(o:Node)
WHERE type(r) = row.type
  AND ((row.incoming AND endNode(r) = n) OR (NOT row.incoming AND startNode(r) = n))
  AND NOT o.id IN row.keep
  AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
WITH r, r.id AS id, type(r) AS type, r.privateTo AS privateTo
DELETE r
RETURN id, type, privateTo
