#!/usr/bin/env bash
# Read throughput, two builds side by side: starts build A on a copy of DATABASE, measures the load kit's operations
# with wrk at 16 connections, stops it, does the same with build B, RUNS times over, and prints every rate and the
# medians per operation. This machine's speed drifts within the hour, so only alternated runs compare builds.
#
#   bench/reads-ab.sh BUILD_A BUILD_B DATABASE [RUNS] [SECONDS] [OPERATIONS...]
#
# A build is a folder holding CoopGraph.Api.dll (`dotnet build -c Release src/Api -o DIR` on one commit).
# Operations: those of bench/load/operations.py (default: actor search transversality). API_ARGS adds settings to both
# servers' command lines, e.g. API_ARGS="--Api:ResponseCache:MaxBytes 0" for reads that are all computed. KIT names a
# folder of values drawn before from the same DATABASE by bench/load/operations.py (drawn into it when it does not exist).
set -euo pipefail
cd "$(dirname "$0")/.."
build_a=$1
build_b=$2
database=$3
runs=${4:-3}
seconds=${5:-8}
shift $(( $# < 5 ? $# : 5 ))
operations=${*:-actor search transversality}
port=${PORT:-5301}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
kit=${KIT:-$work/kit}
trap '[ -n "${api:-}" ] && kill "$api" 2>/dev/null; rm -rf "$work"' EXIT
source bench/load/api.sh
ensure_wrk

measure() { # BUILD LABEL
  rm -rf "$work/db" && mkdir -p "$work/db" && cp "$database" "$work/db/g.db"
  # shellcheck disable=SC2086 # API_ARGS is a list of arguments.
  api_dll="$1/CoopGraph.Api.dll" start_api "$work/db/g.db" ${API_ARGS:-}
  wait_ready
  wait_read_model
  # The values are drawn once, from the first server, and every run asks the same ones: both builds then answer the
  # same requests, and a national graph's draw (minutes) is not paid again.
  if [ ! -d "$kit" ]; then
    mkdir -p "$kit"
    /usr/bin/python3 bench/load/operations.py "$base/graphql" "$kit" >/dev/null
  fi
  cp "$kit/"*.json "$kit/"*.values "$work/" 2>/dev/null || true
  for operation in $operations; do
    rps=$(BODY="$work/$operation.json" VALUES=$( [ -f "$work/$operation.values" ] && echo "$work/$operation.values") wrk -t 2 -c 16 -d "${seconds}s" --latency -s bench/load/graphql.lua "$base/graphql" |
      sed -n 's/^RESULT //p' | /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); print(round(r["rps"]) if r["failed"]+r["socket_errors"]==0 else "failed")')
    echo "$2 $operation $rps" | tee -a "$work/rates"
  done
  kill "$api"; wait "$api" 2>/dev/null || true; api=
}

for run in $(seq 1 "$runs"); do
  measure "$build_a" A
  measure "$build_b" B
done
echo "medians (requests/s at 16 connections):"
/usr/bin/python3 - "$work/rates" <<'PY'
import statistics, sys, collections
rates = collections.defaultdict(list)
for line in open(sys.argv[1]):
    build, operation, rps = line.split()
    rates[(operation, build)].append(float(rps))
for operation in dict.fromkeys(o for o, _ in rates):
    a, b = statistics.median(rates[(operation, "A")]), statistics.median(rates[(operation, "B")])
    print(f"{operation}: A {a:,.0f}, B {b:,.0f} ({b / a - 1:+.1%})")
PY
