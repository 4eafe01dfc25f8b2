MATCH (s:Survey)
WHERE s.id IN $ids
RETURN s.id AS id, s.authorityId AS authorityId, s.title AS title, s.opensOn AS opensOn, s.closesOn AS closesOn, s.closedAt AS closedAt,
       s.createdAt AS createdAt
