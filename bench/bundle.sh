#!/usr/bin/env bash
# Sizes of the browser bundle as a release build leaves it in target/site/pkg: every file
# raw, gzip and brotli (the .gz and .br files `cargo leptos build --release --precompress`
# writes beside it, which is what the server sends), then the WASM a first page load
# fetches against the budget.
#
#   bench/bundle.sh            print the table (builds first when there is no release bundle)
#   bench/bundle.sh --check    the same, then exit 1 when the first-load WASM is over budget
#
# Environment: BUNDLE_BUDGET_BYTES (default 256000: 250 KB of brotli for the first-load
# WASM, issue 12), BENCH_SKIP_BUILD=1 to measure whatever is in target/site/pkg.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$LUXEVERSE_ROOT"
budget="${BUNDLE_BUDGET_BYTES:-256000}"
pkg=target/site/pkg

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] && ! compgen -G "$pkg/*.wasm.br" >/dev/null; then
  step "Release build (precompressed)"
  cargo leptos build --release --precompress
  step_done
fi
compgen -G "$pkg/*.wasm.br" >/dev/null || {
  echo "no precompressed bundle in $pkg: run cargo leptos build --release --precompress" >&2
  exit 2
}

size() { if [ -f "$1" ]; then stat -c %s "$1"; else echo 0; fi; }
kb() { awk -v bytes="$1" 'BEGIN { printf "%.1f KB", bytes / 1000 }'; }

echo "| file | raw | gzip | brotli |"
echo "|---|---|---|---|"
for file in "$pkg"/*; do
  case "$file" in *.br | *.gz | *.ts) continue ;; esac
  raw=$(size "$file")
  echo "| \`${file#"$pkg"/}\` | $(kb "$raw") | $(kb "$(size "$file.gz")") | $(kb "$(size "$file.br")") |"
done

# The first page load fetches the main module only; split chunks (`--split`, named
# after their split point, beside it) load when a lazy route needs them.
main_wasm=$(ls "$pkg"/luxeverse*.wasm | head -1)
first_load=$(size "$main_wasm.br")
echo
echo "first-load WASM: \`${main_wasm#"$pkg"/}\`, $(kb "$first_load") brotli (budget $(kb "$budget"))"
if [ "${1:-}" = --check ] && [ "$first_load" -gt "$budget" ]; then
  echo "over budget by $(kb $((first_load - budget)))" >&2
  exit 1
fi
