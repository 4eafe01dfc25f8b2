MATCH (m:CoopGraphMeta {key: 'store'})
RETURN COUNT { MATCH (n:Node) } AS nodes,
       COUNT { MATCH ()-[r]->() WHERE type(r) IN $types } AS links,
       m.version AS version
