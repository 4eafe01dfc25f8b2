// The link listing: how many links pass the filters, and one page of them, in one statement (one round trip).
// $types is never null (the link types asked for, or all of them, which leaves out the internal HAS_PARENT). The
// filters are written twice, once per subquery.
CALL () {
  MATCH (s:Node)-[r]->(t:Node)
  WHERE type(r) IN $types
    AND ($node IS NULL OR s.id = $node OR t.id = $node)
    AND ($cooperationKinds IS NULL OR r.cooperationKind IN $cooperationKinds)
    AND ($at IS NULL OR ((r.since IS NULL OR r.since <= date($at)) AND (r.until IS NULL OR r.until >= date($at))))
    AND ($fromYear IS NULL OR coalesce(r.year, r.since.year) >= $fromYear)
    AND ($toYear IS NULL OR coalesce(r.year, r.since.year) <= $toYear)
    AND ($instruments IS NULL OR (type(r) = 'FUNDS' AND r.instrument IN $instruments))
    AND ($minAmount IS NULL OR toFloat(r.amount) >= $minAmount)
    AND ($maxAmount IS NULL OR toFloat(r.amount) <= $maxAmount)
    AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
  RETURN count(r) AS total
}
CALL () {
  MATCH (s:Node)-[r]->(t:Node)
  WHERE type(r) IN $types
    AND ($node IS NULL OR s.id = $node OR t.id = $node)
    AND ($cooperationKinds IS NULL OR r.cooperationKind IN $cooperationKinds)
    AND ($at IS NULL OR ((r.since IS NULL OR r.since <= date($at)) AND (r.until IS NULL OR r.until >= date($at))))
    AND ($fromYear IS NULL OR coalesce(r.year, r.since.year) >= $fromYear)
    AND ($toYear IS NULL OR coalesce(r.year, r.since.year) <= $toYear)
    AND ($instruments IS NULL OR (type(r) = 'FUNDS' AND r.instrument IN $instruments))
    AND ($minAmount IS NULL OR toFloat(r.amount) >= $minAmount)
    AND ($maxAmount IS NULL OR toFloat(r.amount) <= $maxAmount)
    AND ($seeAll OR r.privateTo IS NULL OR r.privateTo = $viewer)
    AND r.seq > $after
  WITH r, s, t
  ORDER BY r.seq
  LIMIT $take
  RETURN collect(r {.*, type: type(r), sourceId: s.id, targetId: t.id}) AS links
}
RETURN total, links
