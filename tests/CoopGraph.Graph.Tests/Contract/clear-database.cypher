// Tests only: empties the test database before each contract test (schema and constraints stay). Auto-commit, in
// bounded transactions: relationships first, then nodes, so that no inner transaction holds a whole graph.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS;
