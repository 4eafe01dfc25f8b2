MATCH (s:Survey {authorityId: $authorityId})
RETURN s.id AS id, s.authorityId AS authorityId, s.title AS title, s.opensOn AS opensOn, s.closesOn AS closesOn, s.closedAt AS closedAt,
       s.createdAt AS createdAt
ORDER BY opensOn DESC, createdAt DESC, id
