// The store's schema, created at start and idempotently (IF NOT EXISTS); each statement runs on its own, since schema
// commands and data writes cannot share a transaction.
// Ids are unique across every kind of node, as in the embedded store; territory codes among territories.
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT territory_code IF NOT EXISTS FOR (t:Territory) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:CoopGraphMeta) REQUIRE m.key IS UNIQUE;
CREATE CONSTRAINT api_key_name IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.name IS UNIQUE;
CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE;
// Surveys: ids unique, invitation tokens (their hashes) unique; invitations and declarations are found by survey and service.
CREATE CONSTRAINT survey_id IF NOT EXISTS FOR (s:Survey) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT survey_invitation_hash IF NOT EXISTS FOR (i:SurveyInvitation) REQUIRE i.tokenHash IS UNIQUE;
CREATE INDEX survey_authority IF NOT EXISTS FOR (s:Survey) ON (s.authorityId);
CREATE INDEX survey_invitation_service IF NOT EXISTS FOR (i:SurveyInvitation) ON (i.surveyId, i.serviceId);
CREATE INDEX survey_declaration_service IF NOT EXISTS FOR (d:SurveyDeclaration) ON (d.surveyId, d.serviceId);
CREATE CONSTRAINT trusted_document_id IF NOT EXISTS FOR (d:TrustedDocument) REQUIRE d.id IS UNIQUE;
// Listings and exports walk nodes and links in the order they were first written (seq), as the embedded store does.
CREATE INDEX node_seq IF NOT EXISTS FOR (n:Node) ON (n.seq);
CREATE INDEX node_kind IF NOT EXISTS FOR (n:Node) ON (n.kind, n.seq);
// Deleting an authority finds the nodes private to it.
CREATE INDEX node_private_to IF NOT EXISTS FOR (n:Node) ON (n.privateTo);
// Link ids are unique (one constraint per relationship type: a constraint names its type), which also indexes them.
CREATE CONSTRAINT link_id_cooperates_with IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_funds IF NOT EXISTS FOR ()-[r:FUNDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_part_of IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_owns IF NOT EXISTS FOR ()-[r:OWNS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_implements IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_applied_to IF NOT EXISTS FOR ()-[r:APPLIED_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_works_on IF NOT EXISTS FOR ()-[r:WORKS_ON]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_targets IF NOT EXISTS FOR ()-[r:TARGETS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_located_in IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_member_of IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_hosted_by IF NOT EXISTS FOR ()-[r:HOSTED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT link_id_involves IF NOT EXISTS FOR ()-[r:INVOLVES]-() REQUIRE r.id IS UNIQUE;
CREATE INDEX link_seq_cooperates_with IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.seq);
CREATE INDEX link_seq_funds IF NOT EXISTS FOR ()-[r:FUNDS]-() ON (r.seq);
CREATE INDEX link_seq_part_of IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.seq);
CREATE INDEX link_seq_owns IF NOT EXISTS FOR ()-[r:OWNS]-() ON (r.seq);
CREATE INDEX link_seq_implements IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.seq);
CREATE INDEX link_seq_applied_to IF NOT EXISTS FOR ()-[r:APPLIED_TO]-() ON (r.seq);
CREATE INDEX link_seq_works_on IF NOT EXISTS FOR ()-[r:WORKS_ON]-() ON (r.seq);
CREATE INDEX link_seq_targets IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.seq);
CREATE INDEX link_seq_located_in IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.seq);
CREATE INDEX link_seq_member_of IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.seq);
CREATE INDEX link_seq_hosted_by IF NOT EXISTS FOR ()-[r:HOSTED_BY]-() ON (r.seq);
CREATE INDEX link_seq_involves IF NOT EXISTS FOR ()-[r:INVOLVES]-() ON (r.seq);
// Search on names and descriptions, accents folded ("epicerie" finds "Épicerie").
CREATE FULLTEXT INDEX node_text IF NOT EXISTS FOR (n:Node) ON EACH [n.name, n.description]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } };
// The change feed is read by seq and version, and pruned by time.
CREATE INDEX change_seq IF NOT EXISTS FOR (c:CoopGraphChange) ON (c.seq);
CREATE INDEX change_version IF NOT EXISTS FOR (c:CoopGraphChange) ON (c.version);
CREATE INDEX change_at IF NOT EXISTS FOR (c:CoopGraphChange) ON (c.at);
