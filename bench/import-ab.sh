#!/usr/bin/env bash
# Import speed, two builds side by side: runs the import verb of build A, then of build B, N times over, each into a
# fresh store, and prints every rate and the two medians. This machine's speed drifts by 10-20 % within an hour, so a
# comparison is only worth what its runs alternated.
#
#   bench/import-ab.sh BUILD_A BUILD_B FILE.ndjson [RUNS]
#
# A build is a folder holding CoopGraph.Api.dll: `dotnet build -c Release src/Api -o /tmp/A` on one commit, then
# `-o /tmp/B` on the other. The rate is the verb's own (lines over the time from the first line read to the last
# index built).
set -euo pipefail
build_a=$1
build_b=$2
file=$3
runs=${4:-6}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rate() { # BUILD
  rm -rf "$work/store" && mkdir -p "$work/store"
  dotnet "$1/CoopGraph.Api.dll" import "$file" --Graph:Embedded:Path "$work/store/g.db" --Graph:SeedDemo false 2>&1 >/dev/null |
    tr '\r' '\n' | sed -nE 's/.* rows in [0-9.]+ s \(([0-9,]+) rows\/s\).*/\1/p' | tr -d ','
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

a_rates=()
b_rates=()
for run in $(seq 1 "$runs"); do
  a=$(rate "$build_a")
  b=$(rate "$build_b")
  a_rates+=("$a")
  b_rates+=("$b")
  echo "run $run: A $a rows/s, B $b rows/s"
done
echo "median: A $(median "${a_rates[@]}") rows/s, B $(median "${b_rates[@]}") rows/s"
