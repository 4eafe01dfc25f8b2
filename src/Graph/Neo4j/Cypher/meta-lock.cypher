// First statement of every write and export: writing to the meta node takes its lock until the transaction ends, so
// writes run one at a time, and an export sees no write between its pages.
MATCH (m:CoopGraphMeta {key: 'store'})
SET m.lockedAt = datetime($now)
RETURN m.version AS version, m.nextSeq AS nextSeq
