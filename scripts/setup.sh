#!/usr/bin/env bash
# Installs, idempotently and at pinned versions, everything `make serve` and `make test` need.
# Sources: rustup, crates.io, Debian packages and the npm registry only (see ../shared/toolchain.md).
# Each step is skipped when the right version is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
want="${1:-all}"   # all | build (no browser)

log() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v trunk >/dev/null 2>&1 || ! trunk --version | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (takes several minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! command -v wasm-bindgen >/dev/null 2>&1 || ! wasm-bindgen --version | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: a locked dependency version of this release is not served by the registry.
  cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ]; then
  log "installing npm packages (binaryen for wasm-opt, Playwright)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

if [ "$want" = all ] && [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver
fi
log "done"
