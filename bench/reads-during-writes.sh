#!/usr/bin/env bash
# Reads during writes: measures two operations (an actor page, a transversality report) idle, then again while an
# import streams into the same API through POST /api/import, and prints both beside each other.
#
#   bench/reads-during-writes.sh DATABASE IMPORT.ndjson [SECONDS_IDLE]
#
# OPERATIONS (default "actor transversality") names the load kit's operations to measure; "typename" ({ __typename },
# no data read) shows what sharing two cores with the import costs any request.
#
# The database is copied first. The import may be the file the database came from: every batch it commits is a new
# store version, so the projection is rebuilt again and again while the reads go on.
set -euo pipefail
cd "$(dirname "$0")/.."
source_db=$1
import_file=$2
seconds=${3:-10}
port=${PORT:-5301}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
trap '[ -n "${api:-}" ] && kill "$api" 2>/dev/null; rm -rf "$work"' EXIT
source bench/load/api.sh
ensure_wrk
cp "$source_db" "$work/g.db"

start_api "$work/g.db" --Api:AllowAnonymousWrite true
wait_ready
/usr/bin/python3 bench/load/operations.py "$base/graphql" "$work" >/dev/null

run() { # OPERATION SECONDS
  BODY="$work/$1.json" VALUES=$( [ -f "$work/$1.values" ] && echo "$work/$1.values") wrk -t 2 -c 16 -d "${2}s" --latency -s bench/load/graphql.lua "$base/graphql" | sed -n 's/^RESULT //p'
}
version() { curl -s "$base/graphql" -H 'Content-Type: application/json' -d '{"query":"{ graphStats { version projectionVersion } }"}'; }

echo "### Reads during writes — $(date -u +%Y-%m-%d), $(nproc) cores; 16 connections; import of $(wc -l <"$import_file") lines"
echo
echo "| operation | idle requests/s | idle p99 ms | during import requests/s | during import p99 ms | p99 ratio | failed during import |"
echo "|---|---|---|---|---|---|---|"
for operation in ${OPERATIONS:-actor transversality}; do
  run "$operation" 3 >/dev/null   # warm-up: JIT and caches, not measured
  idle=$(run "$operation" "$seconds")
  before=$(version)
  started=$(date +%s)
  curl -s -X POST "$base/api/import" -H 'Content-Type: application/x-ndjson' --data-binary "@$import_file" >"$work/report.json" &
  importer=$!
  sleep 1
  # Reads for as long as the import runs (at least the idle duration).
  during=$(run "$operation" "$(( seconds > 0 ? seconds : 10 ))")
  while kill -0 "$importer" 2>/dev/null; do
    more=$(run "$operation" 5)
    during=$(/usr/bin/python3 -c 'import json,sys; a,b=json.loads(sys.argv[1]),json.loads(sys.argv[2]); a["p99_ms"]=max(a["p99_ms"],b["p99_ms"]); a["failed"]+=b["failed"]; a["socket_errors"]+=b["socket_errors"]; a["rps"]=(a["rps"]+b["rps"])/2; print(json.dumps(a))' "$during" "$more")
  done
  wait "$importer"
  after=$(version)
  /usr/bin/python3 - "$operation" "$idle" "$during" <<'PY'
import json, sys
name, idle, during = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(f"| {name} | {idle['rps']:,.0f} | {idle['p99_ms']:.1f} | {during['rps']:,.0f} | {during['p99_ms']:.1f} "
      f"| {during['p99_ms'] / idle['p99_ms']:.1f}x | {during['failed'] + during['socket_errors']} |")
PY
  echo "  (import took $(( $(date +%s) - started )) s; store and projection versions before: $before, after: $after; report: $(head -c 160 "$work/report.json"))" >&2
done
