-- GraphQL documents registered by partners, addressed by the SHA-256 of their text ("sha256:<hex>").
CREATE TABLE trusted_documents (
    id          TEXT PRIMARY KEY,
    document    TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
