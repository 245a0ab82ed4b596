#!/usr/bin/env bash
# Fails when the gzipped wasm of the release build grows past the budget in wasm-budget.txt,
# so that size regressions are caught on every change (as Yew's CI does for its examples).
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$(grep -v '^#' wasm-budget.txt | head -n1 | tr -d '[:space:]')
wasm=$(ls dist/*_bg.wasm 2>/dev/null | head -n1)
[ -n "$wasm" ] || { echo "wasm-size: no dist/*_bg.wasm; run make dist first"; exit 1; }
size=$(gzip -9 -c "$wasm" | wc -c)
echo "wasm-size: $(basename "$wasm") is $size bytes gzipped (budget $budget)"
if [ "$size" -gt "$budget" ]; then
  echo "wasm-size: over budget by $((size - budget)) bytes"; exit 1
fi
