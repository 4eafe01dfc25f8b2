#!/usr/bin/env bash
# Private data at region scale: the cost of answering a key bound to an authority rather than an anonymous reader.
#
#   bench/private.sh [SECONDS_PER_RUN]
#
# Takes the kit's region store (bench/kit.sh region makes it; /tmp/coopgraph-bench/region/g.db), copies it, makes 5 %
# of its actors and 10 % of its links private to ten authorities (bench/load/privatize.py), binds a key to the first
# of them, then measures transversality and cooperation gaps of that authority at 16 connections, anonymously and
# with the key, on the same server. Also the projection's heap on the store before and after (memory-store).
# Prints a Markdown table (and keeps it in bench/results/private.md).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
source_db=${COOPGRAPH_BENCH:-/tmp/coopgraph-bench}/region/g.db
[ -f "$source_db" ] || { echo "no region store: run bench/kit.sh region first (or set COOPGRAPH_BENCH)"; exit 1; }
port=${PORT:-5301}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
mkdir -p bench/results
out=bench/results/private.md
trap '[ -n "${api:-}" ] && kill "$api" 2>/dev/null; rm -rf "$work"' EXIT
source bench/load/api.sh
ensure_wrk
build_bench_api
dll=src/Api/bin/Release/net10.0/CoopGraph.Api.dll

sqlite3 "$source_db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$source_db" "$work/private.db"
# Migrations first (a store from before private data has no private_to yet): the API's own start runs them.
dotnet "$dll" keys list --Graph:Embedded:Path "$work/private.db" --Graph:SeedDemo false >/dev/null
owners=$(/usr/bin/python3 bench/load/privatize.py "$work/private.db" 2>"$work/privatize.txt")
owner=$(echo "$owners" | head -n 1)
key=$(dotnet "$dll" keys create --name bench-bound --scopes read --authority "$owner" --Graph:Embedded:Path "$work/private.db" | tail -n 1)

memory() { dotnet run -c Release --project tests/CoopGraph.Benchmarks -- memory-store "$1" 2>/dev/null | grep -Eo '[0-9.,]+ MiB' | head -n 1; }
before=$(memory "$source_db")
after=$(memory "$work/private.db")

start_api "$work/private.db" --Api:RateLimits:PerKeyPerMinute 1000000000
wait_ready
/usr/bin/python3 - "$owner" "$work" <<'PY'
import json, sys
owner, work = sys.argv[1], sys.argv[2]
operations = {
    "transversality": "query Transversality($id: ID!) { transversality(authorityId: $id) { linkShare domainPairCoverage "
                      "siloDomains matrix { a b direct bridged covered } bridges(first: 5) { actor { id name } domains } } }",
    "gaps": "query Gaps($id: ID!) { cooperationGaps(scope: { authorityId: $id }, first: 10) { totalCount "
            "nodes { source { id name } target { id name } score reasons { kind weight } } } }",
}
for name, query in operations.items():
    with open(f"{work}/{name}.json", "w", encoding="utf-8") as handle:
        json.dump({"query": query, "variables": {"id": owner}}, handle)
PY

run() { # BODY KEY
  KEY=$2 BODY=$1 wrk -t 2 -c 16 -d "${seconds}s" --latency -s bench/load/graphql.lua "$base/graphql" | sed -n 's/^RESULT //p'
}
{
  echo "### private data — $(date -u +%Y-%m-%d), $(nproc) cores; region store; authority $owner"
  echo
  echo "$(cat "$work/privatize.txt"). Projection heap: $before before, $after after."
  echo
  echo "| operation | viewer | requests/s | p50 ms | p99 ms | failed |"
  echo "|---|---|---|---|---|---|"
} | tee "$out"
for operation in transversality gaps; do
  # Both viewers' answers are checked first: with the key, the authority's private data must show.
  anonymous=$(curl -s "$base/graphql" -H 'Content-Type: application/json' --data-binary "@$work/$operation.json")
  bound=$(curl -s "$base/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $key" --data-binary "@$work/$operation.json")
  [ "$anonymous" != "$bound" ] || { echo "$operation: the bound key sees what an anonymous reader sees"; exit 1; }
  for viewer in anonymous bound; do
    measured=$(run "$work/$operation.json" "$([ "$viewer" = bound ] && echo "$key")")
    /usr/bin/python3 - "$operation" "$viewer" "$measured" <<'PY' | tee -a "$out"
import json, sys
name, viewer, m = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
print(f"| {name} | {viewer} | {m['rps']:,.0f} | {m['p50_ms']:.1f} | {m['p99_ms']:.1f} | {m['failed'] + m['socket_errors']} |")
PY
  done
done
echo "(kept in $out)"
