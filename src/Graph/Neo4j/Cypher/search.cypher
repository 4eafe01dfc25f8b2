// $query is Lucene syntax built by the store from the user's words, every special character escaped.
CALL db.index.fulltext.queryNodes('node_text', $query) YIELD node, score
WHERE $seeAll OR node.privateTo IS NULL OR node.privateTo = $viewer
RETURN node {.*} AS node
ORDER BY score DESC, node.seq
LIMIT $take
