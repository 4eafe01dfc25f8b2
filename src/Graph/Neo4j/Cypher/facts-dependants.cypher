// What would be left without its node: the services of an authority, the child territories of a territory.
UNWIND $ids AS id
MATCH (n:Node {id: id})
MATCH (d:Node)-[r:PART_OF|HAS_PARENT]->(n)
WHERE type(r) = 'HAS_PARENT' OR (d.kind = 'Service' AND coalesce(d.privateTo, '') <> id)
RETURN id, d.id AS dependant, d.privateTo AS privateTo
