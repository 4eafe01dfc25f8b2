#!/usr/bin/env bash
# Import speed, builds side by side: runs the import verb of build A, then of build B (and of any further build), N
# times over, each into a fresh store, and prints every rate and the medians. This machine's speed drifts by 10-20 %
# within an hour, so a comparison is only worth what its runs alternated.
#
#   bench/import-ab.sh BUILD_A BUILD_B [BUILD…] FILE.ndjson [RUNS]
#
# A build is a folder holding CoopGraph.Api.dll: `dotnet build -c Release src/Api -o /tmp/A` on one commit, then
# `-o /tmp/B` on the other. The rate is the verb's own (lines over the time from the first line read to the last
# index built).
set -euo pipefail
builds=()
while [ $# -gt 0 ] && [ -d "$1" ]; do builds+=("$1"); shift; done
file=${1:?usage: import-ab.sh BUILD_A BUILD_B [BUILD…] FILE.ndjson [RUNS]}
runs=${2:-6}
[ ${#builds[@]} -ge 2 ] || { echo "usage: import-ab.sh BUILD_A BUILD_B [BUILD…] FILE.ndjson [RUNS]" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rate() { # BUILD
  rm -rf "$work/store" && mkdir -p "$work/store"
  dotnet "$1/CoopGraph.Api.dll" import "$file" --Graph:Embedded:Path "$work/store/g.db" --Graph:SeedDemo false 2>&1 >/dev/null |
    tr '\r' '\n' | sed -nE 's/.* rows in [0-9.]+ s \(([0-9,]+) rows\/s\).*/\1/p' | tr -d ','
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
label() { printf "\\x$(printf %x $((65 + $1)))"; } # A, B, C…

declare -a rates
for run in $(seq 1 "$runs"); do
  line="run $run:"
  for i in "${!builds[@]}"; do
    r=$(rate "${builds[$i]}")
    rates[$i]="${rates[$i]:-} $r"
    line+=" $(label "$i") $r rows/s,"
  done
  echo "${line%,}"
done
line="median:"
for i in "${!builds[@]}"; do
  # shellcheck disable=SC2086 # the rates are numbers, split on purpose
  line+=" $(label "$i") $(median ${rates[$i]}) rows/s,"
done
echo "${line%,}"
