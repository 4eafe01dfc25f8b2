// Last statement of every write, sent with the commit: the version's bump, and the write's changes for the change
// feed, recorded with the version they commit as ($changes rows: seq, op, id, nodeKind, linkType, privateTo,
// previousPrivateTo, existed).
MATCH (m:CoopGraphMeta {key: 'store'})
SET m.version = m.version + 1, m.nextSeq = $nextSeq
WITH m
CALL (m) {
  UNWIND $changes AS row
  CREATE (:CoopGraphChange {
    seq: row.seq, version: m.version, at: $at, op: row.op, id: row.id, nodeKind: row.nodeKind, linkType: row.linkType,
    privateTo: row.privateTo, previousPrivateTo: row.previousPrivateTo, existed: row.existed})
}
RETURN m.version AS version
