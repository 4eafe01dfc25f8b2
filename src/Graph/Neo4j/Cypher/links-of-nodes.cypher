// For each node, its link count and one page of its links (either direction), in the order they were written.
UNWIND $ids AS id
MATCH (n:Node {id: id})
CALL (n) {
  MATCH (n)-[r]-(:Node)
  WHERE type(r) IN $types AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
  RETURN count(DISTINCT r) AS total
}
CALL (n) {
  MATCH (n)-[r]-(:Node)
  WHERE type(r) IN $types AND r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
  WITH DISTINCT r
  ORDER BY r.seq
  LIMIT $take
  RETURN collect(r {.*, type: type(r), sourceId: startNode(r).id, targetId: endNode(r).id}) AS links
}
RETURN id, total, links
