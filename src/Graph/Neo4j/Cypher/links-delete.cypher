// Links found earlier in the same transaction (links-get), by element id.
UNWIND $elements AS element
MATCH ()-[r]->()
WHERE elementId(r) = element
DELETE r
