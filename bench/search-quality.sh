#!/usr/bin/env bash
# Search quality and speed (issue 14): nDCG@10 and recall@50 of full-text, vector and
# hybrid search on the judged queries (bench/search-judged.json, on the demo catalog), and
# the latency of hybrid search at 10,000 products, query embedding included, with the
# query-embedding cache cold and warm (full text alone and the model alone for reference).
#
#   bench/search-quality.sh            # quality on the demo catalog, latency at 10,000
#   bench/search-quality.sh sweep      # and hybrid quality over a grid of fusion settings
#   BENCH_ROUNDS=10 bench/search-quality.sh   # latency rounds over the queries (default 5)
#   BENCH_SKIP_BUILD=1 bench/search-quality.sh  # measure the binaries as they are
#
# Uses catalog.sh's cluster ($LUXEVERSE_CACHE/clusters/bench, port 54369) and its two
# databases, seeding them when missing (idempotent; the 10,000-product seed takes minutes).
# The measuring program is `server/src/bin/search_eval.rs`: it calls the search service
# directly (no HTTP), as the server function does, on one connection pool.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LUXEVERSE_ROOT"
cluster_dir="$LUXEVERSE_CACHE/clusters/bench"
cluster_port=54369
rounds="${BENCH_ROUNDS:-5}"
server="$CARGO_TARGET_DIR/release/server"
eval_bin="$CARGO_TARGET_DIR/release/search_eval"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  step "Release build of the server and search_eval"
  cargo build --release -p server --bin server --bin search_eval
  step_done
fi

export EMBEDDED_PG_DIR="$cluster_dir" EMBEDDED_PG_PORT="$cluster_port" RUST_LOG=warn
step "Seeding (idempotent) the demo and 10,000-product catalogs"
EMBEDDED_PG_DATABASE=luxeverse_bench_demo "$server" seed >/dev/null
EMBEDDED_PG_DATABASE=luxeverse_bench_10000 "$server" seed --products 10000 >/dev/null
step_done

url() {
  printf 'postgres://postgres:%s@127.0.0.1:%s/%s' "$(cat "$cluster_dir/password")" \
    "$cluster_port" "$1"
}

echo
echo "commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg)"
step "Quality on the judged queries (demo catalog)"
DATABASE_URL="$(url luxeverse_bench_demo)" "$eval_bin" quality
if [ "${1:-}" = sweep ]; then
  step "Hybrid quality over fusion settings"
  DATABASE_URL="$(url luxeverse_bench_demo)" "$eval_bin" sweep
fi
step "Latency at 10,000 products ($rounds rounds of the judged queries)"
DATABASE_URL="$(url luxeverse_bench_10000)" "$eval_bin" latency "$rounds"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
