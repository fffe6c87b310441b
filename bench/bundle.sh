#!/usr/bin/env bash
# Sizes of the browser bundle in target/site/pkg, as a split release build leaves it
# (`cargo leptos build --release --split --precompress`, or scripts/build-site, which the
# test run uses): every file raw, gzip and brotli (the .gz and .br files beside it, which
# is what the server sends), then what each lazy route fetches when the router enters it,
# then the first-load WASM against the budget.
#
#   bench/bundle.sh            print the tables (builds first when there is no bundle)
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
  step "Release build (split, precompressed)"
  cargo leptos build --release --split --precompress
  step_done
fi
compgen -G "$pkg/*.wasm.br" >/dev/null || {
  echo "no precompressed bundle in $pkg: run cargo leptos build --release --split --precompress" >&2
  exit 2
}

size() { if [ -f "$1" ]; then stat -c %s "$1"; else echo 0; fi; }
kb() { awk -v bytes="$1" 'BEGIN { printf "%.1f KB", bytes / 1000 }'; }
# The file a chunk or module name stands for (names may carry a content hash).
file_of() {
  local file
  for file in "$pkg/$1".wasm "$pkg/$1".*.wasm; do
    if [ -f "$file" ]; then echo "$file"; return; fi
  done
}

main_wasm=$(ls "$pkg"/luxeverse*.wasm | head -1)
echo "| file | raw | gzip | brotli |"
echo "|---|---|---|---|"
for file in "$pkg"/luxeverse* "$pkg"/__wasm_split*; do
  [ -f "$file" ] || continue
  case "$file" in *.br | *.gz | *.ts) continue ;; esac
  echo "| \`${file#"$pkg"/}\` | $(kb "$(size "$file")") | $(kb "$(size "$file.gz")") | $(kb "$(size "$file.br")") |"
done
chunks=$(ls "$pkg" | grep -cE '^(chunk|split)_.*\.wasm$' || true)
if [ "$chunks" -gt 0 ]; then
  raw=0 br=0
  for file in "$pkg"/chunk_*.wasm "$pkg"/split_*.wasm; do
    [ -f "$file" ] || continue
    raw=$((raw + $(size "$file"))) br=$((br + $(size "$file.br")))
  done
  echo "| $chunks lazy chunks (\`chunk_*\`, \`split_*\`) | $(kb "$raw") | | $(kb "$br") |"
fi

# What entering each lazy route fetches on top of the main module: its own split and
# the shared chunks it needs (`__wasm_split_manifest.json`).
manifest=$(ls "$pkg"/__wasm_split_manifest*.json 2>/dev/null | head -1)
if [ -n "$manifest" ]; then
  echo
  echo "| lazy route | chunks | raw | brotli |"
  echo "|---|---|---|---|"
  python3 - "$manifest" <<'EOF' | while read -r route names; do
import json, sys
for split, chunks in sorted(json.load(open(sys.argv[1])).items()):
    route = split.strip("_").rsplit("_", 1)[0].removesuffix("_route_view")
    print(route, " ".join(chunks))
EOF
    raw=0 br=0 count=0
    for name in $names; do
      file=$(file_of "$name")
      [ -n "$file" ] || continue
      raw=$((raw + $(size "$file"))) br=$((br + $(size "$file.br"))) count=$((count + 1))
    done
    echo "| $route | $count | $(kb "$raw") | $(kb "$br") |"
  done
fi

# A first page load fetches the main module and, on a lazy page, that page's chunks
# (named in the page's modulepreload links). The budget holds for the storefront's
# landing pages: home (the main module alone), listing, product and search.
main_br=$(size "$main_wasm.br")
route_br() { # lazy route name: brotli bytes of its chunks
  [ -n "$manifest" ] || { echo 0; return; }
  local total=0 name file
  for name in $(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(" ".join(next((v for k,v in m.items() if k.startswith("__"+sys.argv[2]+"_route_view_")), [])))' "$manifest" "$1"); do
    file=$(file_of "$name")
    [ -n "$file" ] && total=$((total + $(size "$file.br")))
  done
  echo "$total"
}
echo
echo "| first load | WASM brotli | budget |"
echo "|---|---|---|"
worst=0
for page in "home:" "listing:products" "product:product" "search:search"; do
  label="${page%%:*}" route="${page#*:}"
  total=$main_br
  [ -n "$route" ] && total=$((total + $(route_br "$route")))
  [ "$total" -gt "$worst" ] && worst=$total
  echo "| $label | $(kb "$total") | $(kb "$budget") |"
done
echo
echo "main module \`${main_wasm#"$pkg"/}\`: $(kb "$(size "$main_wasm")") raw, $(kb "$main_br") brotli; largest first load $(kb "$worst") (budget $(kb "$budget"))"
if [ "${1:-}" = --check ] && [ "$worst" -gt "$budget" ]; then
  echo "first-load WASM over budget by $(kb $((worst - budget)))" >&2
  exit 1
fi
