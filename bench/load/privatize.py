"""Makes a copy of a benchmark store hold private data, as ten authorities would keep it.

Usage: privatize.py DATABASE  -- prints the ten owners' ids, the first first (the one the kit measures as).

The ten authorities with the most services become owners. One actor in twenty (by write order, owners themselves
excepted) becomes private: a service to its own authority when that is an owner, any other actor to an owner in turn.
A link with a private end becomes private to that end's owner; the few links joining data private to two owners are
deleted (CoopGraph refuses them). Relationship links between public actors (cooperation, funding, applications) are
then made private in turn until a tenth of all links are private. This writes SQL straight into the file, as the
planner would have stored the same data: a link's private_to covers its ends.
"""
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = ON")
cur = db.cursor()
owners = [row[0] for row in cur.execute(
    "SELECT l.target_id FROM links l JOIN nodes a ON a.id = l.target_id AND a.kind = 'Authority' "
    "WHERE l.type = 'PART_OF' GROUP BY l.target_id ORDER BY COUNT(*) DESC, l.target_id LIMIT 10")]
if len(owners) < 10:
    raise SystemExit(f"only {len(owners)} authorities with services")
cur.execute("CREATE TEMP TABLE owner (k INTEGER PRIMARY KEY, id TEXT NOT NULL)")
cur.executemany("INSERT INTO owner VALUES (?, ?)", enumerate(owners))
actors = "('Authority', 'Service', 'SseActor', 'University', 'InnovationLab')"
cur.execute(f"""
    UPDATE nodes SET private_to = COALESCE(
        CASE WHEN kind = 'Service' THEN (SELECT l.target_id FROM links l WHERE l.source_id = nodes.id AND l.type = 'PART_OF'
                                          AND l.target_id IN (SELECT id FROM owner)) END,
        (SELECT id FROM owner WHERE k = (nodes.seq / 20) % 10))
    WHERE kind IN {actors} AND seq % 20 = 0 AND id NOT IN (SELECT id FROM owner)""")
deleted = cur.execute("""
    DELETE FROM links WHERE seq IN (
        SELECT l.seq FROM links l JOIN nodes s ON s.id = l.source_id JOIN nodes t ON t.id = l.target_id
        WHERE s.private_to IS NOT NULL AND t.private_to IS NOT NULL AND s.private_to <> t.private_to)""").rowcount
cur.execute("""
    UPDATE links SET private_to = COALESCE((SELECT private_to FROM nodes WHERE id = links.source_id),
                                           (SELECT private_to FROM nodes WHERE id = links.target_id))""")
total = cur.execute("SELECT COUNT(*) FROM links").fetchone()[0]
private = cur.execute("SELECT COUNT(*) FROM links WHERE private_to IS NOT NULL").fetchone()[0]
eligible = cur.execute("SELECT COUNT(*) FROM links WHERE private_to IS NULL AND type IN ('COOPERATES_WITH', 'FUNDS', 'APPLIED_TO')").fetchone()[0]
wanted = max(0, total // 10 - private)
if wanted > 0:
    step = max(1, eligible // wanted)
    cur.execute(f"""
        UPDATE links SET private_to = (SELECT id FROM owner WHERE k = (links.seq / {step}) % 10)
        WHERE seq IN (SELECT seq FROM (SELECT seq, ROW_NUMBER() OVER (ORDER BY seq) AS n FROM links
                                       WHERE private_to IS NULL AND type IN ('COOPERATES_WITH', 'FUNDS', 'APPLIED_TO'))
                      WHERE n % {step} = 0 LIMIT {wanted})""")
# The store's version moves, as after any write, so that a running server would rebuild its projection.
cur.execute("UPDATE store_meta SET value = value + 1 WHERE key = 'version'")
db.commit()
nodes = cur.execute(f"SELECT COUNT(*), SUM(private_to IS NOT NULL) FROM nodes WHERE kind IN {actors}").fetchone()
links = cur.execute("SELECT COUNT(*), SUM(private_to IS NOT NULL) FROM links").fetchone()
print(f"private actors {nodes[1]:,} of {nodes[0]:,} ({nodes[1] / nodes[0]:.1%}); private links {links[1]:,} of {links[0]:,} "
      f"({links[1] / links[0]:.1%}); {deleted:,} links joining two owners deleted", file=sys.stderr)
print("\n".join(owners))
