#!/usr/bin/env bash
# Regenerates the graph fixtures of the analytics tests and their reference metrics (networkx, igraph).
# The graphs are our own, drawn with fixed seeds; the demo graph is exported by the tests' own helper.
#   usage: bash make-fixtures.sh    (from this folder; needs python3 and ../../../../shared/tools/graph-reference)
set -euo pipefail
cd "$(dirname "$0")"
tools=${COOPGRAPH_SHARED:-../../../../shared}/tools
python3 - <<'PY'
import random, csv

def write(name, edges, pairs):
    with open(f"{name}.csv", "w", newline="") as f:
        w = csv.writer(f); w.writerow(["source", "target"]); w.writerows(edges)
    with open(f"{name}.pairs.csv", "w", newline="") as f:
        w = csv.writer(f); w.writerow(["source", "target"]); w.writerows(pairs)

def pairs_of(rng, nodes, count):
    return [(rng.choice(nodes), rng.choice(nodes)) for _ in range(count)]

# Sparse random graph with several components (Erdős–Rényi G(n, m)).
rng = random.Random(7)
nodes = [f"n{i:03d}" for i in range(300)]
edges = set()
while len(edges) < 420:
    a, b = rng.sample(nodes, 2)
    edges.add(tuple(sorted((a, b))))
write("random-300", sorted(edges), pairs_of(rng, nodes, 60))

# Planted partition: 6 groups of 40, dense inside, sparse between (a community test with a known answer).
rng = random.Random(11)
nodes = [f"g{g}-{i:02d}" for g in range(6) for i in range(40)]
edges = set()
for a in range(len(nodes)):
    for b in range(a + 1, len(nodes)):
        same = nodes[a].split("-")[0] == nodes[b].split("-")[0]
        if rng.random() < (0.25 if same else 0.01):
            edges.add((nodes[a], nodes[b]))
write("planted-240", sorted(edges), pairs_of(rng, nodes, 60))

# Scale-free-ish graph by preferential attachment (hubs make betweenness uneven).
rng = random.Random(13)
nodes = [f"p{i:04d}" for i in range(1000)]
targets = [nodes[0], nodes[1]]
edges = {(nodes[0], nodes[1])}
for i in range(2, len(nodes)):
    chosen = set()
    while len(chosen) < 2:
        chosen.add(rng.choice(targets))
    for t in sorted(chosen):
        edges.add(tuple(sorted((nodes[i], t))))
        targets += [nodes[i], t]
write("attachment-1000", sorted(edges), pairs_of(rng, nodes, 60))

# The demo dataset's cooperation graph, read from the project's own demo file.
edges, section = [], None
for line in open("../../../src/Graph/Demo/demo-dataset.txt", encoding="utf-8"):
    line = line.strip()
    if line.startswith("["):
        section = line.strip("[]")
    elif section == "cooperation" and line and not line.startswith("#"):
        a, b = [f.strip() for f in line.split("|")[:2]]
        edges.append(tuple(sorted((a, b))))
rng = random.Random(17)
nodes = sorted({x for e in edges for x in e})
write("demo-cooperation", sorted(set(edges)), pairs_of(rng, nodes, 60))
PY
for g in random-300 planted-240 attachment-1000 demo-cooperation; do
  [[ -f $g.csv ]] || continue
  pairs=()
  [[ -f $g.pairs.csv ]] && pairs=(--pairs "$g.pairs.csv")
  "$tools/graph-reference" "$g.csv" "${pairs[@]}" > "$g.reference.json"
done
