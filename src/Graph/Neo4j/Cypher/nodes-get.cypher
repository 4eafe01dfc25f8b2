UNWIND $ids AS id
MATCH (n:Node {id: id})
WHERE ($seeAll OR n.privateTo IS NULL OR n.privateTo = $viewer)
RETURN n {.*} AS node
