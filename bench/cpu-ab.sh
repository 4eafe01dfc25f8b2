#!/usr/bin/env bash
# The server's CPU time per request, two builds side by side: starts build A and build B at once, each on its own copy
# of DATABASE, then measures the load kit's operations with wrk at 16 connections on A, then on B, ROUNDS times over
# (B first in every second round: measured first or second, the same build gave up to a tenth apart), and prints the medians of both the rate and the server's CPU time per request (from /proc/PID/stat around each run).
# On a machine whose speed drifts within the hour the CPU per request compares builds better than the rate does.
#
#   bench/cpu-ab.sh BUILD_A BUILD_B DATABASE [ROUNDS] [SECONDS] [OPERATIONS...]
#
# A build is a folder holding CoopGraph.Api.dll built with the benchmark endpoints
# (`dotnet build -c Release src/Api -o DIR -p:BenchEndpoints=true` on one commit). Operations: those of
# bench/load/operations.py, and `ceiling` (the ceiling endpoint answering CEILING_BYTES, 2,000 by default). Every answer
# is computed (no answer kept from an earlier request); API_ARGS adds settings to both servers. KIT names a folder of
# values drawn before from the same DATABASE (drawn into it from server A when it does not exist). Both servers hold
# the graph at once: a national pair takes about 8 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
build_a=$1
build_b=$2
database=$3
rounds=${4:-3}
seconds=${5:-8}
shift $(( $# < 5 ? $# : 5 ))
operations=${*:-actor search node typename}
work=$(mktemp -d)
kit=${KIT:-$work/kit}
declare -A pids ports=([A]=${PORT:-5321} [B]=$(( ${PORT:-5321} + 1 )))
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT
source bench/load/api.sh
ensure_wrk

for side in A B; do
  base="http://127.0.0.1:${ports[$side]}"
  mkdir -p "$work/$side" && cp "$database" "$work/$side/g.db"
  dll=$build_a; [ "$side" = B ] && dll=$build_b
  # shellcheck disable=SC2086 # API_ARGS is a list of arguments.
  work="$work/$side" api_dll="$dll/CoopGraph.Api.dll" start_api "$work/$side/g.db" --Api:ResponseCache:MaxBytes 0 --Api:Bench:Ceiling true ${API_ARGS:-}
  pids[$side]=$api
  work="$work/$side" wait_ready
  work="$work/$side" wait_read_model
  if [ ! -d "$kit" ]; then
    mkdir -p "$kit"
    /usr/bin/python3 bench/load/operations.py "$base/graphql" "$kit" >/dev/null
  fi
done

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
first=$(ls "$kit"/*.json | head -1)
for round in $(seq 1 "$rounds"); do
  sides="A B"; [ $(( round % 2 )) = 0 ] && sides="B A"
  for operation in $operations; do
    for side in $sides; do
      base="http://127.0.0.1:${ports[$side]}"
      before=$(cpu "${pids[$side]}")
      if [ "$operation" = ceiling ]; then
        result=$(BODY="$first" wrk -t 2 -c 16 -d "${seconds}s" -s bench/load/graphql.lua "$base/bench/ceiling?bytes=${CEILING_BYTES:-2000}" | sed -n 's/^RESULT //p')
      else
        values="$kit/$operation.values"; [ -f "$values" ] || values=
        result=$(BODY="$kit/$operation.json" VALUES="$values" wrk -t 2 -c 16 -d "${seconds}s" --latency -s bench/load/graphql.lua "$base/graphql" | sed -n 's/^RESULT //p')
      fi
      echo "$side $operation $before $(cpu "${pids[$side]}") $result" | tee -a "$work/runs"
    done
  done
done

/usr/bin/python3 - "$work/runs" "$(getconf CLK_TCK)" <<'PY'
import collections, json, statistics, sys
ticks = int(sys.argv[2])
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    side, operation, before, after, result = line.split(" ", 4)
    r = json.loads(result)
    if r["failed"] + r["socket_errors"]:
        print(f"{side} {operation}: {r['failed']} failed, {r['socket_errors']} socket errors")
        continue
    runs[(operation, side)].append((r["rps"], (int(after) - int(before)) / ticks * 1e6 / max(r["requests"], 1)))
print("medians at 16 connections: requests/s, and the server's CPU µs a request")
for operation in dict.fromkeys(o for o, _ in runs):
    a, b = runs[(operation, "A")], runs[(operation, "B")]
    if not a or not b:
        continue
    ra, rb = statistics.median(x[0] for x in a), statistics.median(x[0] for x in b)
    ca, cb = statistics.median(x[1] for x in a), statistics.median(x[1] for x in b)
    print(f"{operation}: A {ra:,.0f}, B {rb:,.0f} ({rb / ra - 1:+.1%}); CPU A {ca:.0f} µs, B {cb:.0f} µs ({cb / ca - 1:+.1%})")
PY
