// Only the key's hash is kept; the unique name makes a second key of the same name a constraint violation.
CREATE (k:ApiKey {name: $name, prefix: $prefix, hash: $hash, scopes: $scopes, trustedOnly: $trustedOnly, createdAt: datetime($now),
           authorityId: $authorityId})
