UNWIND $codes AS code
MATCH (t:Territory {code: code})
RETURN t.code AS code, t.id AS id
