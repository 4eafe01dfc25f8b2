// One page of an export's links of one type, in the order they were first written: one statement per type, so that
// each is a range seek on that type's seq index (an index covers one relationship type, and a type given as a
// parameter could not use it). The statements follow the order of the link types in LinkTypes.
MATCH (s:Node)-[r:COOPERATES_WITH]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:FUNDS]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:PART_OF]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:OWNS]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:IMPLEMENTS]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:APPLIED_TO]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:WORKS_ON]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:TARGETS]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:LOCATED_IN]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:MEMBER_OF]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:HOSTED_BY]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
MATCH (s:Node)-[r:INVOLVES]->(t:Node)
WHERE r.seq > $after AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
RETURN r {.*, type: type(r), sourceId: s.id, targetId: t.id} AS link
ORDER BY r.seq
LIMIT $take;
