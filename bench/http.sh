#!/usr/bin/env bash
# Load benchmark of the release build: requests per second, p50/p99 latency and the
# server's peak RSS, per page, with 16 concurrent connections on loopback.
#   bench/http.sh [seconds-per-page]        (default 10)
# Needs a release build (`cargo leptos build --release`, done here when missing) and `wrk`
# (Debian's package; installed here when missing). Uses its own embedded cluster
# (.data/postgres-bench, port 54359) and port 3300, so a dev server is left alone.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$LUXEVERSE_ROOT"
duration="${1:-10}"
connections=16
addr=127.0.0.1:3300
# Paths measured; later issues add listing, search and product pages here.
paths=("/" "/health")

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
binary="$CARGO_TARGET_DIR/release/server"
if [ ! -x "$binary" ] || ! compgen -G "target/site/pkg/luxeverse*.wasm" >/dev/null; then
  cargo leptos build --release --split --precompress
fi

EMBEDDED_PG_DIR="$LUXEVERSE_ROOT/.data/postgres-bench" EMBEDDED_PG_PORT=54359 \
EMBEDDED_PG_DATABASE=luxeverse_bench LEPTOS_SITE_ADDR="$addr" LEPTOS_SITE_ROOT=target/site \
LEPTOS_ENV=DEV RUST_LOG=warn \
  "$binary" > /tmp/luxeverse-bench-server.log 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://$addr/health" >/dev/null && break
  sleep 0.5
done
curl -sf "http://$addr/health" >/dev/null || { echo "server did not start" >&2; exit 1; }

echo "| page | req/s | p50 | p99 |"
echo "|---|---|---|---|"
for path in "${paths[@]}"; do
  # Warm up, then measure.
  wrk -t2 -c"$connections" -d2s "http://$addr$path" >/dev/null
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "http://$addr$path")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ { print }' <<<"$out")
  echo "| \`$path\` | $rps | $p50 | $p99 |${errors:+ $errors}"
done
peak_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$server_pid/status")
echo
echo "server peak RSS: $((peak_kb / 1024)) MB ($connections connections, ${duration}s per page, $(nproc) cores)"
