MATCH (m:CoopGraphMeta {key: 'store'})
RETURN m.version AS version
