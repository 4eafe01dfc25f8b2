MATCH (k:ApiKey {name: $name})
WHERE k.revokedAt IS NULL
SET k.revokedAt = datetime($now)
RETURN count(k) AS revoked
