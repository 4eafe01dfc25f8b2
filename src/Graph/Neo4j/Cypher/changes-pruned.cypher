// The feed's new bounds, before its oldest changes are deleted.
MATCH (m:CoopGraphMeta {key: 'store'})
SET m.changesSince = CASE WHEN m.changesSince > $version THEN m.changesSince ELSE $version END,
    m.changesPrunedSeq = CASE WHEN m.changesPrunedSeq > $seq THEN m.changesPrunedSeq ELSE $seq END
