#!/usr/bin/env bash
# Lighthouse (mobile preset: a mid-range phone on a slow 4G link, simulated) on the release
# build, in Debian's Chromium: home, listing, product page, search, bag and sign-in. Prints
# the four category scores and LCP / TBT / CLS per page, and keeps each page's JSON report
# in $LUXEVERSE_CACHE/logs/lighthouse/.
#
#   bench/lighthouse.sh [runs-per-page]     (default 1; with more, the median run by
#                                            performance score is reported)
#
# Environment:
#   BENCH_SKIP_BUILD=1  measure the release binary and bundle already built
#   LIGHTHOUSE_VERSION  npm version to install (default 12.8.2, the last for Node 20)
#
# Installs Lighthouse from npm into $LUXEVERSE_CACHE/tools when missing. Uses bench/'s own
# embedded PostgreSQL cluster (port 54369, database luxeverse_bench_demo, seeded with the
# demo catalogue when missing) and its own port 127.0.0.1:3303.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LUXEVERSE_ROOT"
runs="${1:-1}"
version="${LIGHTHOUSE_VERSION:-12.8.2}"
addr=127.0.0.1:3303
report_dir="$LUXEVERSE_CACHE/logs/lighthouse"
tool_dir="$LUXEVERSE_CACHE/tools/lighthouse-$version"
mkdir -p "$report_dir"

if [ ! -x "$tool_dir/node_modules/.bin/lighthouse" ]; then
  step "Lighthouse $version from npm"
  npm install --no-audit --no-fund --prefix "$tool_dir" "lighthouse@$version" >/dev/null
  step_done
fi
bench_release_build
bench_demo_server "$addr" "$report_dir/server.log"

product=$(curl -sf "http://$addr/products" | grep -o 'href="/products/[a-z0-9-]*"' |
  head -1 | sed 's/href="//; s/"$//')
pages=("home /" "listing /products" "product $product" "search /search?q=cashmere"
  "bag /cart" "sign-in /login")

echo
echo "### Lighthouse $version, mobile ($(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| page | path | performance | accessibility | best practices | SEO | LCP | TBT | CLS |"
echo "|---|---|---|---|---|---|---|---|---|"
for page in "${pages[@]}"; do
  label="${page%% *}" path="${page#* }"
  for run in $(seq 1 "$runs"); do
    CHROME_PATH=/usr/bin/chromium "$tool_dir/node_modules/.bin/lighthouse" "http://$addr$path" \
      --quiet --output=json --output-path="$report_dir/$label-$run.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-dev-shm-usage" >/dev/null 2>&1 ||
      echo "| $label | \`$path\` | lighthouse failed (run $run) | | | | | | |"
  done
  node - "$label" "$path" "$runs" "$report_dir" <<'EOF'
const fs = require("fs");
const [label, path, runs, dir] = process.argv.slice(2);
const reports = [];
for (let run = 1; run <= Number(runs); run++) {
  try { reports.push(JSON.parse(fs.readFileSync(`${dir}/${label}-${run}.json`, "utf8"))); } catch {}
}
if (!reports.length) process.exit(0);
const score = (r, c) => Math.round((r.categories[c]?.score ?? 0) * 100);
reports.sort((a, b) => score(a, "performance") - score(b, "performance"));
const r = reports[Math.floor(reports.length / 2)];
const audit = (id) => r.audits[id]?.numericValue ?? NaN;
console.log(`| ${label} | \`${path}\` | ${score(r, "performance")} | ${score(r, "accessibility")} | ` +
  `${score(r, "best-practices")} | ${score(r, "seo")} | ${(audit("largest-contentful-paint") / 1000).toFixed(2)} s | ` +
  `${Math.round(audit("total-blocking-time"))} ms | ${audit("cumulative-layout-shift").toFixed(3)} |`);
for (const c of ["performance", "accessibility", "best-practices", "seo"]) {
  if (score(r, c) === 100) continue;
  const failing = r.categories[c].auditRefs
    .filter((ref) => ref.weight > 0 && (r.audits[ref.id].score ?? 1) < 1)
    .map((ref) => `${ref.id} (${r.audits[ref.id].displayValue ?? r.audits[ref.id].score})`);
  if (failing.length) console.error(`    ${label} ${c}: ${failing.join(", ")}`);
}
EOF
done
echo
echo "(median of $runs run(s) per page by performance score; reports in $report_dir)"
