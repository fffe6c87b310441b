#!/usr/bin/env bash
# Load benchmark of personalisation on the release build at 10,000 products (issue 14's
# target: feed and complete-the-look p99 under 25 ms): the "For you" row of a signed-in
# shopper who took the style quiz (`POST /api/style/for_you`), the look around a piece
# (`POST /api/look/complete`, kept once and then reused, as on a repeat view), and the
# product page that renders it.
#
#   bench/personal.sh [seconds-per-page]     (default 10)
#
# Environment: BENCH_SKIP_BUILD=1 measures the release binary already built;
# BENCH_PRODUCTS=N the catalogue's size (default 10000); BENCH_FRESH=1 reseeds.
#
# Runs on bench/'s own cluster ($LUXEVERSE_CACHE/clusters/bench, port 54369) in its own
# database luxeverse_bench_personal (seeded with `server seed --products N` once, reused
# afterwards) and its own port (127.0.0.1:3303). The shopper registers and saves a quiz
# over HTTP, as the quiz page's form sends it. wrk: 2 threads, one connection per core
# then 16, 2 s warm-up. Append the output to bench/RESULTS.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LUXEVERSE_ROOT"
duration="${1:-10}"
products="${BENCH_PRODUCTS:-10000}"
addr=127.0.0.1:3303
database=luxeverse_bench_personal
bench_cluster_setup "$database" "$addr" personal
[ "${BENCH_FRESH:-0}" = 1 ] && sql -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"
"$binary" migrate >/dev/null
have=$(sql -d "$database" -c "SELECT count(*) FROM products")
if [ "$have" -lt "$products" ]; then
  step "Seeding $database with $products products"
  "$binary" seed --products "$products" >/dev/null
  step_done
fi

"$binary" >"$log" 2>&1 &
server_pid=$!
post_lua=$(mktemp --suffix=.lua)
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -f "$post_lua"' EXIT
bench_await_server "$addr" "$log"

step "A shopper who took the quiz"
email="bench-personal-$(date +%s)@example.com"
jar=$(mktemp)
curl -s -o /dev/null -c "$jar" "http://$addr/api/auth/register" -H "accept: application/json" \
  --data-urlencode "name=Ada Bench" --data-urlencode "email=$email" \
  --data-urlencode "password=velvet evenings in florence"
cookie=$(awk '$6 ~ /lv_session$/ { print $6 "=" $7 }' "$jar" | head -1)
rm -f "$jar"
[ -n "$cookie" ] || { echo "could not register the bench shopper" >&2; exit 1; }
deck=$(curl -s -H "cookie: $cookie" -H "accept: application/json" -d "" "http://$addr/api/style/quiz" |
  grep -o '"id":"[0-9a-f-]\{36\}"' | sed 's/"id":"//; s/"$//' | head -6)
form=(--data-urlencode "answers[personas][classic]=true" --data-urlencode "answers[budget_max]=3000"
  --data-urlencode "answers[sizes][0][system]=apparel" --data-urlencode "answers[sizes][0][size]=M")
i=0
for id in $deck; do
  verdict=like; [ $((i % 3)) = 2 ] && verdict=dislike
  form+=(--data-urlencode "answers[deck][$i][product]=$id" --data-urlencode "answers[deck][$i][verdict]=$verdict")
  i=$((i + 1))
done
saved=$(curl -s -H "cookie: $cookie" -H "accept: application/json" "http://$addr/api/style/save" "${form[@]}")
[ "$saved" = '"Saved"' ] || { echo "the quiz was not saved: $saved" >&2; exit 1; }
slug=$(sql -d "$database" -c "SELECT p.slug FROM products p JOIN categories c ON c.id = p.category_id
  WHERE c.slug = 'women-dresses' AND p.status = 'ACTIVE' ORDER BY p.slug LIMIT 1")
step_done

for connections in $(nproc) 16; do
  echo
  echo "### Personalisation at $products products, $connections connections ($(date -u '+%Y-%m-%d %H:%M UTC'), load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| what | path | req/s | p50 | p99 |"
  echo "|---|---|---|---|---|"
  bench_measure "For you, after the quiz (server function)" "/api/style/for_you" ""
  bench_measure "complete the look, a dress (server function)" "/api/look/complete" "slug=$slug"
  bench_measure "the dress's product page, look included" "/products/$slug"
  echo
  echo "(target: p99 < 25 ms; $connections connections, ${duration}s per page after a 2 s warm-up, $(nproc) cores, commit $(git rev-parse --short HEAD))"
done
