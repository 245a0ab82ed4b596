#!/usr/bin/env bash
# Builds bench/wasm-eval (the rule crate's evaluation as wasm, for scripts/bench/browser.mjs) into
# target/bench-wasm-eval, the way Trunk builds the app: the wasm-release profile (opt-level "z",
# LTO; index.html's data-cargo-profile-release), wasm-bindgen for the web, then wasm-opt -Oz
# (index.html asks Trunk for data-wasm-opt="z"); and core/examples/time_eval, the same evaluation
# timed natively the same way, built twice: with the wasm's profile (like for like) and as the CLI
# is (the release profile, opt-level 3).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=target/bench-wasm-eval
cargo build --profile wasm-release -p thidua-wasm-eval --lib --target wasm32-unknown-unknown
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  target/wasm32-unknown-unknown/wasm-release/thidua_wasm_eval.wasm
wasm-opt -Oz "$out/thidua_wasm_eval_bg.wasm" -o "$out/thidua_wasm_eval_bg.wasm"
cp bench/wasm-eval/index.html "$out/"
echo "wasm-eval: $(wc -c < "$out/thidua_wasm_eval_bg.wasm") bytes of wasm in $out"
# Its native counterpart, timed by the same method alternately with it (browser.mjs § 2).
cargo build --profile wasm-release -p thidua-core --example time_eval
cargo build --release -p thidua-core --example time_eval
