# Sourced by the load kit's scripts: starts the API (Release) for a measurement and waits until it is ready.
# Needs: $base (http://127.0.0.1:PORT) and $work (a scratch folder). Sets: $api (its process id), $started.

# Installs wrk from Debian's packages when it is missing.
ensure_wrk() {
  command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
}

# build_bench_api: the Release build with the benchmark-only endpoints (the ceiling) compiled in, once their tests pass.
build_bench_api() {
  [ -n "${bench_api_built:-}" ] && return
  dotnet test tests/CoopGraph.Api.Tests -c Release -p:BenchEndpoints=true --filter FullyQualifiedName~CeilingEndpointTests \
    -nologo -v quiet >/dev/null || { echo "the ceiling endpoint's tests failed"; exit 1; }
  bench_api_built=1
}

# start_api DATABASE [EXTRA ARGUMENTS...]: request logs at Warning (one log line per request would measure the
# console, not the API), rate limits lifted (wrk is one client address), no demo seeding. With $api_dll set, that
# build is started as it is; else the tree's, built first.
start_api() {
  local database=$1
  shift
  [ -n "${api_dll:-}" ] || build_bench_api
  started=$(date +%s.%N)
  api_args=" $* "
  # The read model's own log says when it holds the graph (see wait_read_model).
  dotnet "${api_dll:-src/Api/bin/Release/net10.0/CoopGraph.Api.dll}" --urls "$base" --Graph:Embedded:Path "$database" --Graph:SeedDemo false \
    --Api:RateLimits:PerAddressPerMinute 1000000000 --Serilog:MinimumLevel:Default Warning \
    --Serilog:MinimumLevel:Override:CoopGraph.Graph.ReadModel.ReadModelProvider Information "$@" >"$work/api.log" 2>&1 &
  api=$!
}

# wait_ready: until the first analysis answers (the projection is built); its answer is left in $work/stats.json.
wait_ready() {
  until curl -fsS "$base/graphql" -H 'Content-Type: application/json' -d '{"query":"{ graphStats { projectionVersion nodes links } }"}' \
    >"$work/stats.json" 2>/dev/null; do
    kill -0 "$api" 2>/dev/null || { cat "$work/api.log"; exit 1; }
    sleep 0.2
  done
}

# wait_read_model: until the read model has copied the graph, or said that it will not hold it, so that what is
# measured is the steady state and not reads made while the copy is built on a thread of its own (the national graph
# takes a minute or more). A read asks for the copy; it is off with --Graph:ReadModelMaxElements 0.
wait_read_model() {
  [[ "${api_args:-}" == *" --Graph:ReadModelMaxElements 0 "* ]] && return
  until grep -q "Built the read model\|is larger than Graph:ReadModel" "$work/api.log"; do
    kill -0 "$api" 2>/dev/null || { cat "$work/api.log"; exit 1; }
    curl -fsS "$base/graphql" -H 'Content-Type: application/json' -d '{"query":"{ node(id: \"bench:none\") { id } }"}' >/dev/null 2>&1 || true
    sleep 1
  done
}

# only_operations OPERATIONS...: those named in $ONLY when it is set, else all of them.
only_operations() {
  for operation in "$@"; do
    if [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $operation "* ]]; then echo "$operation"; fi
  done
}
