#!/usr/bin/env bash
# The load kit: starts the API (Release) on a database, times it to ready, then measures each GraphQL operation of
# load/operations.py with wrk at 1, 16 and 64 connections, each request with variables drawn from the operation's
# values (1,000 and more ids, territories, words), each run beside the ceiling endpoint answering a body of the
# operation's mean size. Prints a Markdown table (and keeps it in bench/results/).
#
#   bench/load.sh DATABASE LABEL [SECONDS_PER_RUN]
#
# ONLY="path gaps" measures those operations alone; CONNECTIONS="16 64" those connection counts alone.
#
# DATABASE: an embedded store, e.g. made by
#   dotnet run --project src/Api -c Release -- generate --scale region --out /tmp/region.ndjson
#   dotnet run --project src/Api -c Release -- import /tmp/region.ndjson --Graph:Embedded:Path /tmp/region/g.db
set -euo pipefail
cd "$(dirname "$0")/.."
database=$1
label=$2
seconds=${3:-10}
port=${PORT:-5300}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
mkdir -p bench/results
out="bench/results/$label.md"
trap '[ -n "${api:-}" ] && kill "$api" 2>/dev/null; rm -rf "$work"' EXIT
source bench/load/api.sh
ensure_wrk

start_api "$database" --Api:Bench:Ceiling true
wait_ready
ready=$(printf '%.2f' "$(echo "$(date +%s.%N) - $started" | bc)")
rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$api/status")
stats=$(cat "$work/stats.json")
wait_read_model

operations=$(/usr/bin/python3 bench/load/operations.py "$base/graphql" "$work")
# shellcheck disable=SC2086 # the operations are a list of words.
operations=$(only_operations $operations)
{
  echo "### $label — $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo
  echo "Graph: $stats"
  echo
  echo "Ready (process start to first analysis answered): $ready s; resident memory then: $rss MiB."
  echo
  echo "| operation | connections | requests/s | p50 ms | p99 ms | failed | ceiling requests/s | share of ceiling |"
  echo "|---|---|---|---|---|---|---|---|"
} | tee "$out"

run() { # BODY URL CONNECTIONS [VALUES]
  local threads=$(( $3 < 2 ? 1 : 2 ))
  BODY=$1 VALUES=${4:-} wrk -t "$threads" -c "$3" -d "${seconds}s" --latency -s bench/load/graphql.lua "$2" | sed -n 's/^RESULT //p'
}

for operation in $operations; do
  body="$work/$operation.json"
  values="$work/$operation.values"
  [ -f "$values" ] || values=""
  size=$(bench/load/mean-size.sh "$base/graphql" "$body" "$values")
  for connections in ${CONNECTIONS:-1 16 64}; do
    measured=$(run "$body" "$base/graphql" "$connections" "$values")
    ceiling=$(run "$body" "$base/bench/ceiling?bytes=$size" "$connections")
    /usr/bin/python3 - "$operation" "$connections" "$measured" "$ceiling" <<'PY' | tee -a "$out"
import json, sys
name, connections, measured, ceiling = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
failed = measured["failed"] + measured["socket_errors"]
print(f"| {name} | {connections} | {measured['rps']:,.0f} | {measured['p50_ms']:.1f} | {measured['p99_ms']:.1f} | {failed} "
      f"| {ceiling['rps']:,.0f} | {measured['rps'] / ceiling['rps']:.0%} |")
PY
  done
done
echo "(kept in $out)"
