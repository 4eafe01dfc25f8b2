// A node goes with its links, as ON DELETE CASCADE does in the embedded store.
UNWIND $ids AS id
MATCH (n:Node {id: id})
DETACH DELETE n
