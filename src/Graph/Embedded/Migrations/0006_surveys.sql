-- Cooperation surveys: an authority asks its services with whom they work. Invitations keep only their token's hash.
CREATE TABLE surveys (
    id            TEXT PRIMARY KEY,
    authority_id  TEXT NOT NULL,
    title         TEXT NOT NULL,
    opens_on      TEXT NOT NULL,
    closes_on     TEXT,
    closed_at     TEXT,
    created_at    TEXT NOT NULL
);
CREATE INDEX ix_surveys_authority ON surveys (authority_id, opens_on);

CREATE TABLE survey_invitations (
    survey_id    TEXT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    service_id   TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    answered_at  TEXT,
    PRIMARY KEY (survey_id, service_id)
);

-- Each service's last submission: one row per declared partner.
CREATE TABLE survey_declarations (
    survey_id   TEXT    NOT NULL,
    service_id  TEXT    NOT NULL,
    partner_id  TEXT    NOT NULL,
    coop_kind   TEXT    NOT NULL,
    intensity   INTEGER NOT NULL,
    since       TEXT,
    theme_ids   TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (survey_id, service_id, partner_id),
    FOREIGN KEY (survey_id, service_id) REFERENCES survey_invitations (survey_id, service_id) ON DELETE CASCADE
);
