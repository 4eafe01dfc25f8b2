#!/usr/bin/env bash
# CoopGraph against a naive graphql-js peer (bench/reference: graphql 16 + graphql-http, two workers, the same graph in
# plain JavaScript maps, loaded from CoopGraph's own /api/export), on the kit's entity reads, each at 16 connections,
# with the same documents and the same values, beside the ceiling endpoint. Prints a Markdown table.
#
#   bench/reference.sh DATABASE LABEL [SECONDS_PER_RUN]
#
# API_ARGS adds settings to the server's command line, e.g. API_ARGS="--Api:ResponseCache:MaxBytes 0" for reads that are
# all computed (no answer kept from an earlier request). ONLY="search actor" measures those operations alone.
set -euo pipefail
cd "$(dirname "$0")/.."
database=$1
label=$2
seconds=${3:-10}
port=${PORT:-5300}
reference_port=$((port + 100))
base="http://127.0.0.1:$port"
work=$(mktemp -d)
mkdir -p bench/results
out="bench/results/$label-reference.md"
trap '[ -n "${api:-}" ] && kill "$api" 2>/dev/null; [ -n "${peer:-}" ] && kill "$peer" 2>/dev/null; rm -rf "$work"' EXIT
source bench/load/api.sh
ensure_wrk
(cd bench/reference && npm ci --no-audit --no-fund --silent)

# shellcheck disable=SC2086 # API_ARGS is a list of arguments.
start_api "$database" --Api:Bench:Ceiling true ${API_ARGS:-}
wait_ready
wait_read_model
curl -fsS "$base/api/export" -o "$work/graph.ndjson"
# Each worker holds the whole graph: a national one needs more than V8's default heap (PEER_HEAP_MB, 8 GB by default).
node --max-old-space-size="${PEER_HEAP_MB:-8192}" bench/reference/server.mjs "$work/graph.ndjson" "$reference_port" 2 &
peer=$!
until curl -fsS "http://127.0.0.1:$reference_port/graphql" -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' >/dev/null 2>&1; do
  kill -0 "$peer" 2>/dev/null || { echo "the reference server did not start"; exit 1; }
  sleep 0.5
done
operations=$(/usr/bin/python3 bench/load/operations.py "$base/graphql" "$work" --reads-only)
# shellcheck disable=SC2086 # the operations are a list of words.
operations=$(only_operations $operations)

run() { # BODY URL VALUES
  BODY=$1 VALUES=$3 wrk -t 2 -c 16 -d "${seconds}s" --latency -s bench/load/graphql.lua "$2" | sed -n 's/^RESULT //p'
}
{
  echo "### $label, CoopGraph and a graphql-js peer — $(date -u +%Y-%m-%d), $(nproc) cores, 16 connections"
  echo
  echo "| operation | CoopGraph requests/s | p99 ms | peer requests/s | p99 ms | CoopGraph / peer | ceiling requests/s | CoopGraph share of ceiling |"
  echo "|---|---|---|---|---|---|---|---|"
} | tee "$out"
for operation in $operations; do
  body="$work/$operation.json"
  values="$work/$operation.values"
  [ -f "$values" ] || values=""
  size=$(bench/load/mean-size.sh "$base/graphql" "$body" "$values")
  ours=$(run "$body" "$base/graphql" "$values")
  theirs=$(run "$body" "http://127.0.0.1:$reference_port/graphql" "$values")
  ceiling=$(run "$body" "$base/bench/ceiling?bytes=$size" "")
  /usr/bin/python3 - "$operation" "$ours" "$theirs" "$ceiling" <<'PY' | tee -a "$out"
import json, sys
name, ours, theirs, ceiling = sys.argv[1], *(json.loads(a) for a in sys.argv[2:])
failed = "" if not (ours["failed"] or theirs["failed"]) else f" (failed: {ours['failed']} / {theirs['failed']})"
print(f"| {name}{failed} | {ours['rps']:,.0f} | {ours['p99_ms']:.1f} | {theirs['rps']:,.0f} | {theirs['p99_ms']:.1f} "
      f"| {ours['rps'] / theirs['rps']:.1f}× | {ceiling['rps']:,.0f} | {ours['rps'] / ceiling['rps']:.0%} |")
PY
done
echo "(kept in $out)"
