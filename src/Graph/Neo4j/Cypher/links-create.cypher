// Links the write's facts found absent (the store's lock is held): CREATE needs no lookup of existing relationships
// between the ends. The relationship's type is set from the row (a dynamic type, Cypher 5.26).
UNWIND $rows AS row
MATCH (s:Node {id: row.sourceId})
MATCH (t:Node {id: row.targetId})
CREATE (s)-[r:$(row.type) {id: row.id}]->(t)
SET r += row.props, r.seq = row.seq, r.since = date(row.since), r.until = date(row.until)
