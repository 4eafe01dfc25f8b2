// Links by id. One branch per relationship type: an id index (from a uniqueness constraint) covers one type, so each
// branch is an index seek where a type-less pattern would scan every relationship. elementId lets the same
// transaction delete what it found.
UNWIND $ids AS id
CALL (id) {
  MATCH (s:Node)-[r:COOPERATES_WITH {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:FUNDS {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:PART_OF {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:OWNS {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:IMPLEMENTS {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:APPLIED_TO {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:WORKS_ON {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:TARGETS {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:LOCATED_IN {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:MEMBER_OF {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:HOSTED_BY {id: id}]->(t:Node)
  RETURN r, s, t
  UNION
  MATCH (s:Node)-[r:INVOLVES {id: id}]->(t:Node)
  RETURN r, s, t
}
WITH r, s, t
WHERE ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link, elementId(r) AS element
