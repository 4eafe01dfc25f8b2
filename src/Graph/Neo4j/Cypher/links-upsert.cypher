// Links written as given: an existing link with this id takes the new fields. Relationship types cannot be
// parameters, so each type has its branch; FOREACH over a one- or zero-element list is how Cypher writes 'if'.
UNWIND $rows AS row
MATCH (s:Node {id: row.sourceId})
MATCH (t:Node {id: row.targetId})
FOREACH (_ IN CASE WHEN row.type = 'COOPERATES_WITH' THEN [1] ELSE [] END |
  MERGE (s)-[r:COOPERATES_WITH {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'FUNDS' THEN [1] ELSE [] END |
  MERGE (s)-[r:FUNDS {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'PART_OF' THEN [1] ELSE [] END |
  MERGE (s)-[r:PART_OF {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'OWNS' THEN [1] ELSE [] END |
  MERGE (s)-[r:OWNS {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'IMPLEMENTS' THEN [1] ELSE [] END |
  MERGE (s)-[r:IMPLEMENTS {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'APPLIED_TO' THEN [1] ELSE [] END |
  MERGE (s)-[r:APPLIED_TO {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'WORKS_ON' THEN [1] ELSE [] END |
  MERGE (s)-[r:WORKS_ON {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'TARGETS' THEN [1] ELSE [] END |
  MERGE (s)-[r:TARGETS {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'LOCATED_IN' THEN [1] ELSE [] END |
  MERGE (s)-[r:LOCATED_IN {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'MEMBER_OF' THEN [1] ELSE [] END |
  MERGE (s)-[r:MEMBER_OF {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'HOSTED_BY' THEN [1] ELSE [] END |
  MERGE (s)-[r:HOSTED_BY {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
FOREACH (_ IN CASE WHEN row.type = 'INVOLVES' THEN [1] ELSE [] END |
  MERGE (s)-[r:INVOLVES {id: row.id}]->(t)
    ON CREATE SET r.seq = row.seq
    SET r += row.props, r.since = date(row.since), r.until = date(row.until))
