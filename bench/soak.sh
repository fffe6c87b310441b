#!/usr/bin/env bash
# Soak run of the release build: a mix of pages and add-to-bag for a long time, to see
# errors (target 0) and whether memory stays flat.
#
#   bench/soak.sh [seconds]          (default 600: ten minutes)
#
# Environment: SOAK_CONNECTIONS (default 32), BENCH_SKIP_BUILD=1 (measure the release
# binary as it is).
#
# Uses bench/catalog.sh's cluster and demo database ($LUXEVERSE_CACHE/clusters/bench,
# port 54369, luxeverse_bench_demo; seeded here when missing) and its own port
# (127.0.0.1:3302). wrk (2 threads) cycles through the home page, the listing, a
# filtered listing, search and a product page, and every sixth request is a cookie-less
# `POST /api/cart/add` (a new guest bag each time, the costliest write a visitor can
# cause). Prints the server's RSS every 30 s, wrk's totals and error counts, and RSS at
# the start and at the end.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LUXEVERSE_ROOT"
duration="${1:-600}"
connections="${SOAK_CONNECTIONS:-32}"
addr=127.0.0.1:3302
cluster_dir="$LUXEVERSE_CACHE/clusters/bench"
log_dir="$LUXEVERSE_CACHE/logs"
mkdir -p "$log_dir"

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
bench_release_build
bench_demo_server "$addr" "$log_dir/bench-soak-server.log"

rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$server_pid/status"; }

product=$(curl -sf "http://$addr/products" | grep -o 'href="/products/[a-z0-9-]*"' |
  head -1 | sed 's/href="//; s/"$//')
variant=$(PGPASSWORD="$(cat "$cluster_dir/password")" "$PG_INSTALL_DIR/bin/psql" -qtA -h 127.0.0.1 -p 54369 \
  -U postgres -d luxeverse_bench_demo -c "SELECT id FROM product_variants \
  WHERE is_available AND inventory_quantity - inventory_reserved > 0 LIMIT 1")
[ -n "$product" ] && [ -n "$variant" ] || { echo "no product or variant found" >&2; exit 1; }

script=$(mktemp --suffix=.lua)
cat >"$script" <<'LUA'
local paths = {
  "/", "/products", "/categories/women?size=M&max_price=1500&sort=price_asc",
  "/search?q=cashmere", os.getenv("SOAK_PRODUCT"),
}
local add_body = "variant_id=" .. os.getenv("SOAK_VARIANT") .. "&quantity=1"
local add_headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Accept"] = "application/json",
}
local n = 0
request = function()
  n = n + 1
  if n % 6 == 0 then
    return wrk.format("POST", "/api/cart/add", add_headers, add_body)
  end
  return wrk.format("GET", paths[(n % #paths) + 1])
end
LUA

# Warm up, then note the starting RSS.
SOAK_PRODUCT="$product" SOAK_VARIANT="$variant" \
  wrk -t2 -c"$connections" -d10s -s "$script" "http://$addr" >/dev/null
start_rss=$(rss_mb)
echo "soak: ${duration}s, $connections connections, $(nproc) cores, commit $(git rev-parse --short HEAD)"
echo "product $product, variant $variant; RSS after warm-up: ${start_rss} MB"
(
  while kill -0 "$server_pid" 2>/dev/null; do
    sleep 30
    echo "  $(date -u '+%H:%M:%S') RSS $(rss_mb) MB"
  done
) &
sampler=$!
out=$(SOAK_PRODUCT="$product" SOAK_VARIANT="$variant" \
  wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$script" "http://$addr")
kill "$sampler" 2>/dev/null || true
end_rss=$(rss_mb)
rm -f "$script"
echo "$out" | grep -E 'requests in|Requests/sec|Non-2xx|Socket errors|^ +(50|99)%'
errors=$(awk '/Non-2xx/ { s += $NF } /Socket errors/ { gsub(",", ""); s += $4 + $6 + $8 + $10 } END { print s + 0 }' <<<"$out")
echo "errors: $errors (non-2xx responses and socket errors)"
echo "RSS: ${start_rss} MB at the start, ${end_rss} MB at the end"
