// The store's version (increased by every committed write) and the next free seq (the order of listings).
MERGE (m:CoopGraphMeta {key: 'store'})
  ON CREATE SET m.version = 0, m.nextSeq = 1
// The change feed holds the changes after changesSince: from now on for a store that had none.
SET m.changesSince = coalesce(m.changesSince, m.version), m.changesPrunedSeq = coalesce(m.changesPrunedSeq, 0)
RETURN m.version AS version
