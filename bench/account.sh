#!/usr/bin/env bash
# Load benchmark of the account area on the release build (issue 13's targets: p99 under
# 20 ms): one shopper's order list with 1,000 orders (the page and the server function,
# first page and a page deep in the keyset), and a product page carrying 500 reviews (the
# page, and its reviews sorted, filtered by rating and paged deep).
#
#   bench/account.sh [seconds-per-page]     (default 10)
#
# Environment: BENCH_SKIP_BUILD=1 measures the release binary already built.
#
# Runs on bench/'s own cluster ($LUXEVERSE_CACHE/clusters/bench, port 54369) in its own
# database luxeverse_bench_account (the demo catalogue, reseeded each run, plus the rows
# below) and its own port (127.0.0.1:3302). The shopper registers over HTTP; their 1,000
# orders (three lines each) and the 500 reviewers are written with SQL, the way a store
# with a history would have them. wrk: 2 threads, one connection per core then 16, 2 s warm-up.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LUXEVERSE_ROOT"
duration="${1:-10}"
addr=127.0.0.1:3302
database=luxeverse_bench_account
bench_cluster_setup "$database" "$addr" account
sql -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)"
step "Seeding $database"
"$binary" seed >/dev/null
step_done

"$binary" >"$log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
bench_await_server "$addr" "$log"

step "1,000 orders for one shopper, 500 reviews on one piece"
email="bench-$(date +%s)@example.com"
jar=$(mktemp)
curl -s -o /dev/null -c "$jar" "http://$addr/api/auth/register" -H "accept: application/json" \
  --data-urlencode "name=Ada Bench" --data-urlencode "email=$email" \
  --data-urlencode "password=velvet evenings in florence"
cookie=$(awk '$6 ~ /lv_session$/ { print $6 "=" $7 }' "$jar" | head -1)
rm -f "$jar"
[ -n "$cookie" ] || { echo "could not register the bench shopper" >&2; exit 1; }
sql -d "$database" <<SQL
WITH shopper AS (SELECT id FROM users WHERE email = '$email'),
placed AS (
  INSERT INTO orders (order_number, user_id, status, payment_status, customer_email, currency,
                      subtotal, total, tags, created_at)
  SELECT 'LV-B-' || lpad(n::text, 5, '0'), shopper.id,
         (ARRAY['CONFIRMED','SHIPPED','DELIVERED','CANCELLED']::order_status[])[1 + n % 4],
         'COMPLETED', '$email', 'USD', 900, 900, '{}', now() - n * interval '3 hours'
  FROM shopper, generate_series(1, 1000) AS n
  RETURNING id
)
INSERT INTO order_items (order_id, product_id, variant_id, product_name, sku, quantity,
                         unit_price, total_price)
SELECT placed.id, v.product_id, v.id, p.name, v.sku, 1, 300, 300
FROM placed
CROSS JOIN LATERAL (SELECT * FROM product_variants ORDER BY random() LIMIT 3) v
JOIN products p ON p.id = v.product_id;

INSERT INTO users (email, name, role)
SELECT 'reviewer-' || n || '@example.com', 'Reviewer ' || n, 'CUSTOMER'
FROM generate_series(1, 500) AS n ON CONFLICT DO NOTHING;
WITH piece AS (SELECT id FROM products WHERE status = 'ACTIVE' ORDER BY slug LIMIT 1)
INSERT INTO reviews (product_id, user_id, rating, title, content, status, is_verified_purchase,
                     helpful_count, created_at)
SELECT piece.id, u.id, 1 + (row_number() OVER ()) % 5, 'A considered piece',
       'Beautifully made, the fabric falls well and the finish is exact.', 'APPROVED', true,
       (row_number() OVER ()) % 17, now() - (row_number() OVER ()) * interval '1 hour'
FROM piece, users u WHERE u.email LIKE 'reviewer-%@example.com'
ON CONFLICT DO NOTHING;
SQL
product="/products/$(sql -d "$database" -c "SELECT slug FROM products WHERE status = 'ACTIVE' ORDER BY slug LIMIT 1")"
reviews=$(sql -d "$database" -c "SELECT count(*) FROM reviews r JOIN products p ON p.id = r.product_id WHERE '/products/' || p.slug = '$product'")
product_id=$(sql -d "$database" -c "SELECT id FROM products WHERE '/products/' || slug = '$product'")
deep=$(curl -s -H "cookie: $cookie" "http://$addr/api/orders/list" -d "status=" -d "after=" |
  grep -o '"next":"[^"]*"' | sed 's/"next":"//; s/"$//')
for _ in $(seq 1 40); do # forty pages in: a cursor 400 orders deep
  deep=$(curl -s -H "cookie: $cookie" "http://$addr/api/orders/list" --data-urlencode "after=$deep" |
    grep -o '"next":"[^"]*"' | sed 's/"next":"//; s/"$//')
done
step_done

post_lua=$(mktemp --suffix=.lua)
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -f "$post_lua"' EXIT

# Twice: one connection per core (each request's own time: the latency a shopper sees on
# a quiet server) and 16 (throughput; p99 there is mostly waiting for a core, since 16
# requests share 2).
for connections in $(nproc) 16; do
  echo
  echo "### Account area, $connections connections ($(date -u '+%Y-%m-%d %H:%M UTC'), load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| what | path | req/s | p50 | p99 |"
  echo "|---|---|---|---|---|"
  bench_measure "order list page, 1,000 orders" "/account/orders"
  bench_measure "order list, first page (server function)" "/api/orders/list" "status="
  bench_measure "order list, 400 orders deep (server function)" "/api/orders/list" "after=$deep"
  bench_measure "order list, filtered by status" "/api/orders/list" "status=delivered"
  bench_measure "account home" "/account"
  bench_measure "product page with $reviews reviews" "$product"
  bench_measure "its reviews, lowest first (server function)" "/api/reviews/list" "product_id=$product_id&sort=lowest&rating=&offset=0"
  bench_measure "its 2-star reviews, newest first" "/api/reviews/list" "product_id=$product_id&sort=newest&rating=2&offset=0"
  bench_measure "its reviews, most helpful, 400 deep" "/api/reviews/list" "product_id=$product_id&sort=helpful&rating=&offset=400"
  bench_measure "its sorted list as a page" "$product?review_sort=lowest&review_rating=1"
  echo
  echo "(target: p99 < 20 ms; $connections connections, ${duration}s per page after a 2 s warm-up, $(nproc) cores, commit $(git rev-parse --short HEAD))"
done
