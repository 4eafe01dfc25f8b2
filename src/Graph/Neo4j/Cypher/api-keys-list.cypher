MATCH (k:ApiKey)
RETURN k.name AS name, k.prefix AS prefix, k.scopes AS scopes, k.trustedOnly AS trustedOnly, k.createdAt AS createdAt, k.revokedAt AS revokedAt, k.authorityId AS authorityId
ORDER BY k.name
