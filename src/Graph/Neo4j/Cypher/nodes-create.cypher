// Nodes the write's facts found absent: the store's lock is held, so none can appear meanwhile, and CREATE needs no
// lookup. The kind's label is set from the row (a dynamic label, Cypher 5.26).
UNWIND $rows AS row
CREATE (n:Node {id: row.id})
SET n += row.props, n:$(row.kind), n.seq = row.seq, n.start = date(row.start), n.end = date(row.end),
    n.createdAt = datetime($now), n.updatedAt = datetime($now)
