MATCH (m:CoopGraphMeta {key: 'store'})
SET m.version = m.version + 1, m.nextSeq = $nextSeq
RETURN m.version AS version
