MATCH (s:Survey {id: $id})
WHERE s.closedAt IS NULL
SET s.closedAt = datetime($at)
RETURN count(s) AS closed
