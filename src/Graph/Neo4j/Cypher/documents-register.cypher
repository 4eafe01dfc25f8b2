UNWIND $rows AS row
MERGE (d:TrustedDocument {id: row.id})
  ON CREATE SET d.document = row.document, d.createdAt = datetime($now)
