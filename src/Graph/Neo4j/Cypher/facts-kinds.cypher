UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, n.kind AS kind, n.privateTo AS privateTo
