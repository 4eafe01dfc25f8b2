// Every fact a write needs, in one statement (one round trip): each part answers one list, empty when its parameter
// is. kinds: [id, kind, privateTo] of the nodes named; territories: [code, id] of the codes named; authorities:
// [service, authority] each service is PART_OF; dependants: [id, dependant, privateTo] of what would be left without
// a deleted node (the services of an authority, the child territories of a territory); links: [link, elementId] by id,
// one branch per relationship type so that each is an index seek, and the element id lets the same transaction delete
// what it found; keys: [type, sourceId, targetId, id, privateTo] of links found by their ends.
CALL () {
  UNWIND $ids AS id
  MATCH (n:Node {id: id})
  RETURN collect([n.id, n.kind, n.privateTo]) AS kinds
}
CALL () {
  UNWIND $codes AS code
  MATCH (t:Territory {code: code})
  RETURN collect([t.code, t.id]) AS territories
}
CALL () {
  UNWIND $serviceIds AS id
  MATCH (s:Node {id: id})-[:PART_OF]->(a:Node)
  WHERE s.kind = 'Service'
  RETURN collect([s.id, a.id]) AS authorities
}
CALL () {
  UNWIND $deletedIds AS id
  MATCH (n:Node {id: id})
  MATCH (d:Node)-[r:PART_OF|HAS_PARENT]->(n)
  WHERE type(r) = 'HAS_PARENT' OR (d.kind = 'Service' AND coalesce(d.privateTo, '') <> id)
  RETURN collect([id, d.id, d.privateTo]) AS dependants
}
CALL () {
  UNWIND $linkIds AS id
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
  RETURN collect([r {.*, type: type(r), sourceId: s.id, targetId: t.id}, elementId(r)]) AS links
}
CALL () {
  UNWIND $keys AS k
  MATCH (s:Node {id: k.sourceId})-[r]->(t:Node {id: k.targetId})
  WHERE type(r) = k.type
  RETURN collect([k.type, s.id, t.id, r.id, r.privateTo]) AS keys
}
RETURN kinds, territories, authorities, dependants, links, keys
