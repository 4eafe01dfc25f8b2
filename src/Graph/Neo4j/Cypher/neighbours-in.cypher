UNWIND $ids AS id
MATCH (n:Node {id: id})<-[r]-(o:Node)
WHERE type(r) = $type AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN id, o.id AS other
ORDER BY r.seq
