#!/usr/bin/env bash
# mean-size.sh URL BODY [VALUES]: the mean size in bytes of the answers to BODY, over its first 50 values when it has
# some, so that the ceiling endpoint answers bodies as large as the operation's.
set -euo pipefail
url=$1 body=$2 values=${3:-}
if [ -z "$values" ]; then
  curl -s "$url" -H 'Content-Type: application/json' --data-binary "@$body" | wc -c
  exit
fi
total=0 count=0
while IFS= read -r value; do
  size=$(python3 -c 'import sys; print(open(sys.argv[1]).read().replace("\"__VALUE__\"", sys.argv[2]))' "$body" "$value" |
    curl -s "$url" -H 'Content-Type: application/json' --data-binary @- | wc -c)
  total=$((total + size)) count=$((count + 1))
done < <(head -n 50 "$values")
echo $((total / count))
