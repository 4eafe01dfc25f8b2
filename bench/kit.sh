#!/usr/bin/env bash
# The whole load kit in one command, for one scale of generated graph:
#
#   bench/kit.sh region|national|large|demo [SECONDS_PER_RUN]
#
# Generates the graph and imports it into an embedded store the first time (kept under $COOPGRAPH_BENCH, by default
# /tmp/coopgraph-bench/SCALE, and reused after), then runs bench/load.sh (six operations at 1, 16 and 64 connections
# beside the ceiling) and bench/reads-during-writes.sh (the same file imported again while two operations are read).
# Tables go to the terminal and to bench/results/SCALE.md. A region run takes about 8 minutes; national, with its
# first generation and import, about 30.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=$1
seconds=${2:-10}
data=${COOPGRAPH_BENCH:-/tmp/coopgraph-bench}/$scale
mkdir -p "$data" bench/results
dotnet build src/Api -c Release -p:BenchEndpoints=true -nologo -clp:ErrorsOnly >/dev/null
api="dotnet src/Api/bin/Release/net10.0/CoopGraph.Api.dll"
if [ ! -f "$data/graph.ndjson" ]; then
  $api generate --scale "$scale" --out "$data/graph.ndjson"
fi
if [ ! -f "$data/g.db" ]; then
  # Imported into a scratch name first, so that an interrupted import is never taken for a finished one.
  rm -f "$data/importing.db"*
  $api import "$data/graph.ndjson" --Graph:Embedded:Path "$data/importing.db" --Graph:SeedDemo false | tail -n 1
  for file in "$data"/importing.db*; do mv "$file" "${file/importing.db/g.db}"; done
fi
bench/load.sh "$data/g.db" "$scale" "$seconds"
bench/reads-during-writes.sh "$data/g.db" "$data/graph.ndjson" "$seconds" | tee -a "bench/results/$scale.md"
