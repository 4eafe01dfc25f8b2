// Every node carries :Node (ids are unique across kinds) and the label of its kind (a dynamic label, Cypher 5.26).
// Properties absent from the input are null in row.props, and += removes them, so an upsert replaces the node's fields
// as the embedded store does.
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
  ON CREATE SET n.createdAt = datetime($now), n.seq = row.seq
SET n += row.props, n:$(row.kind), n.start = date(row.start), n.end = date(row.end), n.updatedAt = datetime($now)
