// The authority each service is PART_OF.
UNWIND $ids AS id
MATCH (s:Node {id: id})-[:PART_OF]->(a:Node)
WHERE s.kind = 'Service'
RETURN s.id AS service, a.id AS authority
