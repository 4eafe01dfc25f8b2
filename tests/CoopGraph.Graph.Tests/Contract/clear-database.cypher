// Tests only: empties the test database before each contract test (schema and constraints stay).
MATCH (n)
DETACH DELETE n
