// What deleting nodes takes along, read before it goes, for the change feed: the nodes themselves and the nodes
// private to them (a deleted authority's data), every link of those nodes, and the links private to a deleted
// authority (a scan of relationships, as nodes-delete.cypher does: deleting an authority is rare).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Node {id: id})
  RETURN n
  UNION
  MATCH (n:Node {privateTo: id})
  RETURN n
}
WITH collect(DISTINCT n) AS nodes
CALL (nodes) {
  UNWIND nodes AS n
  MATCH (n)-[r]-(:Node)
  WHERE type(r) <> 'HAS_PARENT'
  RETURN collect(DISTINCT [r.id, type(r), r.privateTo]) AS attached
}
CALL () {
  UNWIND $ids AS id
  MATCH ()-[r]->()
  WHERE r.privateTo = id
  RETURN collect(DISTINCT [r.id, type(r), r.privateTo]) AS privateLinks
}
RETURN [n IN nodes | [n.id, n.kind, n.privateTo]] AS nodes, attached + privateLinks AS links
