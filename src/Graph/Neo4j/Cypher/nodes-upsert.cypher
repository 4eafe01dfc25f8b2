// Every node carries :Node (ids are unique across kinds) and the label of its kind. Properties absent from the input
// are null in row.props, and += removes them, so an upsert replaces the node's fields as the embedded store does.
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
  ON CREATE SET n.createdAt = datetime($now), n.seq = row.seq
SET n += row.props, n.start = date(row.start), n.end = date(row.end), n.updatedAt = datetime($now)
FOREACH (_ IN CASE WHEN row.kind = 'Authority' THEN [1] ELSE [] END | SET n:Authority)
FOREACH (_ IN CASE WHEN row.kind = 'Service' THEN [1] ELSE [] END | SET n:Service)
FOREACH (_ IN CASE WHEN row.kind = 'SseActor' THEN [1] ELSE [] END | SET n:SseActor)
FOREACH (_ IN CASE WHEN row.kind = 'University' THEN [1] ELSE [] END | SET n:University)
FOREACH (_ IN CASE WHEN row.kind = 'InnovationLab' THEN [1] ELSE [] END | SET n:InnovationLab)
FOREACH (_ IN CASE WHEN row.kind = 'Organisation' THEN [1] ELSE [] END | SET n:Organisation)
FOREACH (_ IN CASE WHEN row.kind = 'Establishment' THEN [1] ELSE [] END | SET n:Establishment)
FOREACH (_ IN CASE WHEN row.kind = 'Policy' THEN [1] ELSE [] END | SET n:Policy)
FOREACH (_ IN CASE WHEN row.kind = 'Theme' THEN [1] ELSE [] END | SET n:Theme)
FOREACH (_ IN CASE WHEN row.kind = 'Territory' THEN [1] ELSE [] END | SET n:Territory)
FOREACH (_ IN CASE WHEN row.kind = 'BeneficiaryGroup' THEN [1] ELSE [] END | SET n:BeneficiaryGroup)
