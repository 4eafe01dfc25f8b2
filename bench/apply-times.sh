#!/usr/bin/env bash
# How long the read model takes to apply a write: starts a build on a copy of DATABASE with the whole graph held,
# waits for the read model's first build, then makes WRITES small writes through POST /api/import, each adding one
# cooperation link between two actors held (with NODES=1, a new actor and its link instead, and with SEARCH=1 besides a
# search for the new actors after each write). The times are the read model's own ("applied in", from its debug log);
# the first writes of a process pay for compiling the code, so the median and p90 are of the last two thirds.
#
#   bench/apply-times.sh BUILD DATABASE [WRITES]
#
# A build is a folder holding CoopGraph.Api.dll (`dotnet build -c Release src/Api -o DIR`). Prints one line: the
# count, the first three times, the median, p90 and largest of the rest in milliseconds, and the resident memory after.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
database=$2
writes=${3:-20}
port=${PORT:-5302}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
trap '[ -n "${api:-}" ] && kill "$api" 2>/dev/null; rm -rf "$work"' EXIT

cp "$database" "$work/g.db"
# Actors to link, drawn from the store itself: the first is every link's source, the others their targets.
python3 - "$work/g.db" "$writes" > "$work/actors" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (node_id,) in db.execute("SELECT id FROM nodes WHERE kind = 'SseActor' AND private_to IS NULL ORDER BY seq LIMIT ?", (int(sys.argv[2]) + 1,)):
    print(node_id)
PY

graphql() { curl -fsS "$base/graphql" -H 'Content-Type: application/json' -d "$1"; }
dotnet "$build/CoopGraph.Api.dll" --urls "$base" --Graph:Embedded:Path "$work/g.db" --Graph:SeedDemo false \
  --Api:AllowAnonymousWrite true --Graph:ReadModelMaxElements 30000000 --Serilog:MinimumLevel:Default Warning \
  --Serilog:MinimumLevel:Override:CoopGraph.Graph.ReadModel.ReadModelProvider Debug > "$work/log" 2>&1 &
api=$!
until graphql '{"query":"{ node(id:\"x\") { id } }"}' > /dev/null 2>&1; do sleep 0.5; done
# A read asks for the read model; it is built on a thread of its own.
until grep -q "Built the read model" "$work/log"; do
  kill -0 "$api" || { tail "$work/log"; exit 1; }
  sleep 1
  graphql '{"query":"{ node(id:\"x\") { id } }"}' > /dev/null
done

source=$(head -1 "$work/actors")
for i in $(seq 1 "$writes"); do
  target=$(sed -n "$((i + 1))p" "$work/actors")
  if [ "${NODES:-0}" = 1 ]; then
    printf '{"op":"node","kind":"SSE_ACTOR","id":"bench:partner-%s","name":"Partenaire %s","legalForm":"COOPERATIVE"}\n' "$i" "$i" > "$work/write.ndjson"
    source="bench:partner-$i"
  else
    : > "$work/write.ndjson"
  fi
  printf '{"op":"link","id":"bench:apply-%s","type":"COOPERATES_WITH","sourceId":"%s","targetId":"%s","kind":"PARTNERSHIP","intensity":2}\n' \
    "$i" "$source" "$target" >> "$work/write.ndjson"
  curl -fsS -X POST "$base/api/import" -H 'Content-Type: application/x-ndjson' --data-binary "@$work/write.ndjson" > /dev/null
  if [ "${SEARCH:-0}" = 1 ]; then
    graphql '{"query":"{ search(text: \"Partenaire\", first: 3) { id } }"}' | grep -q '"id"' || echo "search found nothing after write $i"
  fi
done
sleep 2
grep -o 'removed; applied in [0-9.]* ms' "$work/log" | awk '{print $(NF-1)}' > "$work/times"
rss=$(ps -o rss= -p "$api" | awk '{printf "%.2f GB", $1 / 1048576}')
python3 - "$work/times" "$rss" <<'PY'
import statistics, sys
times = [float(line) for line in open(sys.argv[1])]
warm = sorted(times[len(times) // 3:])
print(f"{len(times)} writes; first {times[:3]} ms; then median {statistics.median(warm):.2f}, "
      f"p90 {warm[int(len(warm) * 0.9)]:.2f}, max {warm[-1]:.2f} ms; resident {sys.argv[2]}")
PY
