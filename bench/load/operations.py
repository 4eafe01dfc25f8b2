"""The operations of the load kit, with the values they read drawn from the graph being measured (any scale).

Usage: operations.py URL OUT_DIR [--reads-only]

Writes one request body per operation (OUT_DIR/NAME.json) and prints the names. An operation that reads an entity, a
territory, a word or a pair takes its variables from OUT_DIR/NAME.values: one JSON value per line, at least 1,000 of
them where the graph has that many, which graphql.lua substitutes for the body's "__VALUE__" at every request, so that
no single cached answer can serve a run. --reads-only keeps the entity reads (the ones a reference server answers too).
"""
import json
import random
import sys
import urllib.request

url, out = sys.argv[1], sys.argv[2]
reads_only = "--reads-only" in sys.argv[3:]
rng = random.Random(2026)
VALUES = 1200


def post(query, variables=None):
    request = urllib.request.Request(url, json.dumps({"query": query, "variables": variables or {}}).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        body = json.load(response)
    if body.get("errors"):
        raise SystemExit(f"{query}: {body['errors']}")
    return body["data"]


def ids(filter_, count):
    """Up to count ids of actors matching filter_, sampled over the whole listing (paged by 100)."""
    found, after = [], None
    while True:
        page = post("query($f: ActorFilter, $a: String) { actors(filter: $f, first: 100, after: $a) "
                    "{ nodes { id } pageInfo { endCursor hasNextPage } } }", {"f": filter_, "a": after})["actors"]
        found += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"] or len(found) >= 20 * count:
            break
        after = page["pageInfo"]["endCursor"]
    return rng.sample(found, min(count, len(found)))


def listed(field, count, selection="id"):
    """Up to count items of a root listing with a first/after connection."""
    found, after = [], None
    while len(found) < 20 * count:
        page = post(f"query($a: String) {{ {field}(first: 100, after: $a) {{ nodes {{ {selection} }} "
                    "pageInfo { endCursor hasNextPage } } }", {"a": after})[field]
        found += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    return rng.sample(found, min(count, len(found)))


actors = ids(None, VALUES)
placed = listed("territories", VALUES, "id code")
territories = [t["code"] for t in placed]
themes = [t["id"] for t in listed("themes", VALUES)]
kinds = ["SSE_ACTOR", "SERVICE", "AUTHORITY", "UNIVERSITY"]
names = [n["name"] for i in range(0, len(actors), 100)
         for n in post("query($ids: [ID!]!) { nodes(ids: $ids) { ... on Actor { name } } }", {"ids": actors[i:i + 100]})["nodes"] if n]
words = sorted({w for name in names for w in name.split() if len(w) > 3 and w.isalpha()})


def typed(name):
    """What someone looking for this actor types: its whole name, a word of it with the start of another, or one word."""
    parts = [w for w in name.replace("-", " ").split() if w]
    choice = rng.randrange(3)
    if choice == 0 or len(parts) < 2:
        return name
    if choice == 1:
        second = rng.choice(parts[1:])
        return parts[0] + " " + second[: max(2, len(second) * 2 // 3)]
    return rng.choice(parts[1:])


# Words alone are few in a generated graph (its names share a dozen words): the searches also type names and their parts,
# so that at least as many different texts as the other operations' values are asked.
searches = sorted(set(words) | {typed(name) for name in names for _ in range(2)})
nodes = actors[: VALUES // 2] + [t["id"] for t in placed[: VALUES // 4]] + themes + [
    p["id"] for p in listed("policies", VALUES // 4)]

# Each line is the raw JSON of the body's variables.
reads = {
    "actor": ("query Actor($id: ID!) { actor(id: $id) { id name kind links(first: 10) { totalCount edges { node { id type "
              "source { id ... on Actor { name } } target { id ... on Actor { name } } } } } } }",
              [{"id": a} for a in actors]),
    "actorsInTerritory": ("query Actors($f: ActorFilter) { actors(filter: $f, first: 20) "
                          "{ totalCount nodes { id name kind } pageInfo { endCursor hasNextPage } } }",
                          [{"f": {"territoryCode": c}} for c in territories]),
    "actorsOfKind": ("query Actors($f: ActorFilter) { actors(filter: $f, first: 20) "
                     "{ totalCount nodes { id name kind } pageInfo { endCursor hasNextPage } } }",
                     [{"f": {"kinds": [rng.choice(kinds)], "territoryCode": c}} for c in territories]),
    "actorsOfTheme": ("query Actors($f: ActorFilter) { actors(filter: $f, first: 20) "
                      "{ totalCount nodes { id name kind } pageInfo { endCursor hasNextPage } } }",
                      [{"f": {"themeIds": [rng.choice(themes)], "territoryCode": c}} for c in territories]),
    "search": ("query Search($text: String!) { search(text: $text, first: 10) { id ... on Actor { name kind } } }",
               [{"text": t} for t in searches]),
    "node": ("query Node($id: ID!) { node(id: $id) { id ... on Actor { name kind } } }", [{"id": n} for n in nodes]),
    "typename": ("{ __typename }", []),
}

operations = dict(reads)
if not reads_only:
    authorities = ids({"kinds": ["AUTHORITY"]}, VALUES)
    services = ids({"kinds": ["SERVICE"]}, VALUES)
    operations |= {
        "transversality": ("query Transversality($id: ID!) { transversality(authorityId: $id) { linkShare domainPairCoverage "
                           "siloDomains matrix { a b direct bridged covered } bridges(first: 5) { actor { id name } domains } } }",
                           [{"id": a} for a in authorities[:VALUES]]),
        "gaps": ("query Gaps($id: ID!) { cooperationGaps(scope: { authorityId: $id }, first: 10) { totalCount "
                 "nodes { source { id name } target { id name } score reasons { kind weight } } } }",
                 [{"id": a} for a in authorities[:VALUES]]),
        "path": ("query Path($from: ID!, $to: ID!) { path(from: $from, to: $to) { hops nodes { id } } }",
                 [{"from": rng.choice(services), "to": rng.choice(services)} for _ in range(VALUES)]),
    }

for name, (query, variables) in operations.items():
    # Every operation answers without errors, on its first values, before it is measured.
    for sample in variables[:3] or [{}]:
        post(query, sample)
    with open(f"{out}/{name}.json", "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"query": query, "operationName": None}).removesuffix("}")
                     + (', "variables": "__VALUE__"}' if variables else "}"))
    if variables:
        with open(f"{out}/{name}.values", "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(v, ensure_ascii=False) + "\n" for v in variables)
    print(name)
