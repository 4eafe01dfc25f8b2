// A node goes with its links, as ON DELETE CASCADE does in the embedded store. A deleted authority takes the data
// private to it along: its private nodes (found through the privateTo index) and the links private to it between
// public nodes (a scan of relationships, for no index spans types: deleting an authority is rare).
UNWIND $ids AS id
CALL (id) {
  MATCH (p:Node {privateTo: id})
  DETACH DELETE p
}
CALL (id) {
  MATCH ()-[r]->()
  WHERE r.privateTo = id
  DELETE r
}
MATCH (n:Node {id: id})
DETACH DELETE n
