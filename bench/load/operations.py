"""The operations of the load kit, with ids picked from the graph being measured (any scale).

Usage: operations.py URL OUT_DIR  -- writes one request body per operation (OUT_DIR/NAME.json) and prints the names.
"""
import json
import sys
import urllib.request

url, out = sys.argv[1], sys.argv[2]


def post(query, variables=None):
    request = urllib.request.Request(url, json.dumps({"query": query, "variables": variables or {}}).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        body = json.load(response)
    if body.get("errors"):
        raise SystemExit(f"{query}: {body['errors']}")
    return body["data"]


# The most cooperative authorities give the analytics' subjects: the first for reports, its territory for listings,
# one of its services for the actor page, and a gap of the second for a path that crosses the graph.
ranking = post("{ authorityRanking(first: 2) { authority { id territory { code } services { id } } } }")["authorityRanking"]
first, second = ranking[0]["authority"], ranking[-1]["authority"]
service = first["services"][0]["id"]
territory = (first.get("territory") or {}).get("code")
gap = post("query($a: ID!) { cooperationGaps(scope: { authorityId: $a }, first: 1) { nodes { target { id } } } }",
           {"a": second["id"]})["cooperationGaps"]["nodes"]
far = gap[0]["target"]["id"] if gap else second["services"][0]["id"]

operations = {
    "actor": ("query Actor($id: ID!) { actor(id: $id) { id name kind themes { id name } "
              "links(first: 10) { totalCount nodes { id type since source { id } target { id } } } } }", {"id": service}),
    "actors": ("query Actors($code: String) { actors(filter: { kinds: [SSE_ACTOR], territoryCode: $code }, first: 20) "
               "{ totalCount nodes { id name kind } pageInfo { endCursor hasNextPage } } }", {"code": territory}),
    "search": ("query Search($text: String!) { search(text: $text, first: 10) { id ... on Actor { name kind } } }",
               {"text": "insertion"}),
    "transversality": ("query Transversality($id: ID!) { transversality(authorityId: $id) { linkShare domainPairCoverage "
                       "siloDomains matrix { a b direct bridged covered } bridges(first: 5) { actor { id name } domains } } }",
                       {"id": first["id"]}),
    "gaps": ("query Gaps($id: ID!) { cooperationGaps(scope: { authorityId: $id }, first: 10) { totalCount "
             "nodes { source { id name } target { id name } score reasons { kind weight } } } }", {"id": first["id"]}),
    "path": ("query Path($from: ID!, $to: ID!) { path(from: $from, to: $to) { hops nodes { id } } }",
             {"from": service, "to": far}),
}
for name, (query, variables) in operations.items():
    post(query, variables)  # every operation answers without errors before it is measured
    with open(f"{out}/{name}.json", "w", encoding="utf-8") as handle:
        json.dump({"query": query, "variables": variables, "operationName": None}, handle)
    print(name)
