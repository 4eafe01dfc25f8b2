MATCH (d:TrustedDocument {id: $id})
RETURN d.document AS document
