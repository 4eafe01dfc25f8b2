#!/usr/bin/python3
"""Times igraph's exact betweenness (C implementation) on an edge-list CSV, for comparison with CoopGraph's.

usage: /usr/bin/python3 bench/igraph-betweenness.py EDGES.csv [RUNS]
Needs Debian's python3-igraph (apt-get install python3-igraph). Prints the igraph version, the graph size
and the wall time of each run.
"""
import csv
import sys
import time

import igraph as ig


def main() -> None:
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with open(path, newline="") as f:
        edges = [(int(r["source"]), int(r["target"])) for r in csv.DictReader(f)]
    n = 1 + max(max(e) for e in edges)
    graph = ig.Graph(n=n, edges=edges)
    print(f"igraph {ig.__version__}: {graph.vcount()} nodes, {graph.ecount()} edges")
    for run in range(runs):
        started = time.perf_counter()
        graph.betweenness(directed=False)
        print(f"run {run + 1}: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
