MATCH (m:CoopGraphMeta {key: 'store'})
RETURN COUNT { MATCH (n:Node) WHERE ($seeAll OR n.privateTo IS NULL OR n.privateTo = $viewer) } AS nodes,
       COUNT { MATCH ()-[r]->() WHERE type(r) IN $types AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer) } AS links,
       m.version AS version
