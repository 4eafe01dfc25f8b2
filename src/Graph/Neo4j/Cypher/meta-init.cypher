// The store's version (increased by every committed write) and the next free seq (the order of listings).
MERGE (m:CoopGraphMeta {key: 'store'})
  ON CREATE SET m.version = 0, m.nextSeq = 1
RETURN m.version AS version
