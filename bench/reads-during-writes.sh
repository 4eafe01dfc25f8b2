#!/usr/bin/env bash
# Reads during writes: measures two operations (an actor page, a transversality report) idle, then again while an
# import streams into the same API through POST /api/import, and prints both beside each other.
#
#   bench/reads-during-writes.sh DATABASE IMPORT.ndjson [SECONDS_IDLE]
#
# OPERATIONS (default "actor transversality") names the load kit's operations to measure; "typename" ({ __typename },
# no data read) shows what sharing two cores with the import costs any request. The figures during the import are
# those of one wrk run from a second after the import begins until it ends: every request made meanwhile counts.
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
wait_read_model
/usr/bin/python3 bench/load/operations.py "$base/graphql" "$work" >/dev/null

wrk_run() { # OPERATION SECONDS: wrk's own output
  BODY="$work/$1.json" VALUES=$( [ -f "$work/$1.values" ] && echo "$work/$1.values") exec wrk -t 2 -c 16 -d "${2}s" --latency -s bench/load/graphql.lua "$base/graphql"
}
run() { # OPERATION SECONDS
  (wrk_run "$1" "$2") | sed -n 's/^RESULT //p'
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
  # One wrk run for as long as the import runs (at least the idle duration), stopped by SIGINT, on which wrk reports:
  # its p99 is that of every request made during the import.
  (wrk_run "$operation" 3600) >"$work/during.txt" &
  reader=$!
  minimum=$(( $(date +%s) + seconds ))
  while kill -0 "$importer" 2>/dev/null || [ "$(date +%s)" -lt "$minimum" ]; do sleep 0.2; done
  kill -INT "$reader"
  wait "$reader" || true
  during=$(sed -n 's/^RESULT //p' "$work/during.txt")
  wait "$importer"
  after=$(version)
  /usr/bin/python3 - "$operation" "$idle" "$during" <<'PY'
import json, sys
name, idle, during = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(f"| {name} | {idle['rps']:,.0f} | {idle['p99_ms']:.1f} | {during['rps']:,.0f} | {during['p99_ms']:.1f} "
      f"| {during['p99_ms'] / idle['p99_ms']:.1f}x | {during['failed'] + during['socket_errors']} |")
PY
  measured=$(/usr/bin/python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(round(r["requests"] / r["rps"]))' "$during")
  echo "  (import took $(( $(date +%s) - started )) s, reads measured over ${measured} s of it; store and projection versions before: $before, after: $after; report: $(head -c 160 "$work/report.json"))" >&2
done
