// One page of the change feed as a viewer sees it, with how many changes the query holds (when $countAll) and the
// feed's bounds. An upsert is seen when the viewer sees the element after it, or saw it before (then it is a deletion
// for the viewer); a deletion when the viewer saw the element.
MATCH (m:CoopGraphMeta {key: 'store'})
CALL () {
  MATCH (c:CoopGraphChange)
  WHERE $countAll AND c.seq > $after AND ($since IS NULL OR c.version > $since) AND ($upTo IS NULL OR c.version <= $upTo)
    AND ((c.op = 'UPSERT' AND (($seeAll OR c.privateTo IS NULL OR c.privateTo = $viewer)
                               OR (c.existed AND ($seeAll OR c.previousPrivateTo IS NULL OR c.previousPrivateTo = $viewer))))
         OR (c.op = 'DELETE' AND ($seeAll OR c.privateTo IS NULL OR c.privateTo = $viewer)))
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:CoopGraphChange)
  WHERE c.seq > $after AND ($since IS NULL OR c.version > $since) AND ($upTo IS NULL OR c.version <= $upTo)
    AND ((c.op = 'UPSERT' AND (($seeAll OR c.privateTo IS NULL OR c.privateTo = $viewer)
                               OR (c.existed AND ($seeAll OR c.previousPrivateTo IS NULL OR c.previousPrivateTo = $viewer))))
         OR (c.op = 'DELETE' AND ($seeAll OR c.privateTo IS NULL OR c.privateTo = $viewer)))
  WITH c
  ORDER BY c.seq
  LIMIT $take
  RETURN collect([c.seq, c.version, c.at,
    CASE WHEN c.op = 'UPSERT' AND ($seeAll OR c.privateTo IS NULL OR c.privateTo = $viewer) THEN 'UPSERT' ELSE 'DELETE' END,
    c.id, c.nodeKind, c.linkType,
    c.op = 'DELETE' OR (c.existed AND ($seeAll OR c.previousPrivateTo IS NULL OR c.previousPrivateTo = $viewer))]) AS changes
}
RETURN m.changesSince AS since, m.changesPrunedSeq AS prunedSeq, total, changes
