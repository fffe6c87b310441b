# Shared by the bench scripts (sourced after scripts/env.sh, from the repository root).

# The release build every bench measures: optimised server, split and precompressed
# bundle. Skipped with BENCH_SKIP_BUILD=1 (measure what is already built).
bench_release_build() {
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    step "Release build"
    cargo leptos build --release --split --precompress
    step_done
  fi
}

# Seeds the demo catalogue on bench/'s own cluster (port 54369, database
# luxeverse_bench_demo; idempotent), starts the release server on $1 with its log in $2,
# waits for it to answer and stops it when the calling script exits. Sets server_pid.
bench_demo_server() {
  local addr="$1" log="$2" binary="$CARGO_TARGET_DIR/release/server"
  export EMBEDDED_PG_DIR="$LUXEVERSE_CACHE/clusters/bench" EMBEDDED_PG_PORT=54369
  export EMBEDDED_PG_DATABASE=luxeverse_bench_demo
  export LEPTOS_SITE_ADDR="$addr" LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=DEV RUST_LOG=warn
  "$binary" seed >/dev/null
  "$binary" >"$log" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
  bench_await_server "$addr" "$log"
}

# Waits up to a minute for the server on $1 to answer /health; exits naming the log $2.
bench_await_server() {
  for _ in $(seq 1 120); do
    curl -sf "http://$1/health" >/dev/null && return 0
    sleep 0.5
  done
  echo "server did not start; see $2" >&2
  exit 1
}

# One row of a latency table: wrk on http://$addr$2 (a urlencoded POST when a body $3 is
# given, as server functions are called) with the shopper's $cookie, $connections
# connections, a 2 s warm-up then $duration seconds; prints "| label | path | req/s |
# p50 | p99 |" and any errors. Needs $post_lua, a temporary file the caller removes.
bench_measure() { # label, path [, urlencoded POST body]
  local label="$1" path="$2" body="${3-}" out p50 p99 rps errors script=()
  if [ -n "${3+set}" ]; then
    printf 'wrk.method = "POST"\nwrk.body = "%s"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\nwrk.headers["Accept"] = "application/json"\n' \
      "$body" >"$post_lua"
    script=(-s "$post_lua")
  fi
  wrk -t2 -c"$connections" -d2s -H "cookie: $cookie" "${script[@]}" "http://$addr$path" >/dev/null
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "cookie: $cookie" "${script[@]}" "http://$addr$path")
  rps=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ { printf "%s ", $0 }' <<<"$out")
  echo "| $label | \`$path\` | $rps | $p50 | $p99 |${errors:+ $errors}"
}

# Points the release server at bench/'s own cluster (port 54369) and database $1, serving
# on $2; installs wrk when missing, builds (bench_release_build), starts the cluster and
# defines sql (psql on that cluster, one value per line). Sets cluster_dir, cluster_port,
# binary and log ($LUXEVERSE_CACHE/logs/bench-$3-server.log).
bench_cluster_setup() { # database, address, name
  cluster_dir="$LUXEVERSE_CACHE/clusters/bench"
  cluster_port=54369
  binary="$CARGO_TARGET_DIR/release/server"
  log="$LUXEVERSE_CACHE/logs/bench-$3-server.log"
  mkdir -p "$(dirname "$log")"
  command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
  bench_release_build
  export EMBEDDED_PG_DIR="$cluster_dir" EMBEDDED_PG_PORT="$cluster_port" EMBEDDED_PG_DATABASE="$1"
  export LEPTOS_SITE_ADDR="$2" LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=DEV RUST_LOG=warn
  "$binary" migrate >/dev/null # starts the cluster
}

# psql on bench/'s cluster (after bench_cluster_setup).
sql() {
  PGPASSWORD="$(cat "$cluster_dir/password")" "$PG_INSTALL_DIR/bin/psql" -qtA -h 127.0.0.1 \
    -p "$cluster_port" -U postgres -v ON_ERROR_STOP=1 "$@"
}
