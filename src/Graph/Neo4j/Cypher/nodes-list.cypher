// The node listing: how many nodes pass the filters, and one page of them, in one statement (one round trip).
// A null parameter does not filter, several intersect. Domains: their own for the kinds in $ownDomainKinds
// (NodeDomains); other nodes' through the themes they work on. Territory: the territory and those below it, and the
// nodes located in any of them. Text: the full-text index. The filters are written twice, once per subquery.
CALL () {
  UNWIND CASE WHEN $text IS NULL THEN [] ELSE [$text] END AS q
  CALL db.index.fulltext.queryNodes('node_text', q) YIELD node
  RETURN collect(node.id) AS hits
}
CALL (hits) {
  MATCH (n:Node)
  WHERE ($kinds IS NULL OR n.kind IN $kinds)
    AND ($domains IS NULL OR CASE
          WHEN n.kind IN $ownDomainKinds THEN any(d IN n.domains WHERE d IN $domains)
          ELSE EXISTS { MATCH (n)-[:WORKS_ON]->(t:Theme) WHERE any(d IN t.domains WHERE d IN $domains) }
        END)
    AND ($themes IS NULL OR EXISTS { MATCH (n)-[:WORKS_ON|TARGETS]->(t:Node) WHERE t.id IN $themes })
    AND ($territory IS NULL
         OR EXISTS { MATCH (n)-[:HAS_PARENT*0..]->(:Territory {code: $territory}) }
         OR EXISTS { MATCH (n)-[:LOCATED_IN]->(:Territory)-[:HAS_PARENT*0..]->(:Territory {code: $territory}) })
    AND ($text IS NULL OR n.id IN hits)
    AND ($seeAll OR n.privateTo IS NULL OR n.privateTo = $viewer)
  RETURN count(n) AS total
}
CALL (hits) {
  MATCH (n:Node)
  WHERE ($kinds IS NULL OR n.kind IN $kinds)
    AND ($domains IS NULL OR CASE
          WHEN n.kind IN $ownDomainKinds THEN any(d IN n.domains WHERE d IN $domains)
          ELSE EXISTS { MATCH (n)-[:WORKS_ON]->(t:Theme) WHERE any(d IN t.domains WHERE d IN $domains) }
        END)
    AND ($themes IS NULL OR EXISTS { MATCH (n)-[:WORKS_ON|TARGETS]->(t:Node) WHERE t.id IN $themes })
    AND ($territory IS NULL
         OR EXISTS { MATCH (n)-[:HAS_PARENT*0..]->(:Territory {code: $territory}) }
         OR EXISTS { MATCH (n)-[:LOCATED_IN]->(:Territory)-[:HAS_PARENT*0..]->(:Territory {code: $territory}) })
    AND ($text IS NULL OR n.id IN hits)
    AND ($seeAll OR n.privateTo IS NULL OR n.privateTo = $viewer)
    AND n.seq > $after
  WITH n
  ORDER BY n.seq
  LIMIT $take
  RETURN collect(n {.*}) AS nodes
}
RETURN total, nodes
