# thidua — the two commands a person needs are `make serve` and `make test`.
# Both install whatever is missing first (scripts/setup.sh: pinned versions, registries only).

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# Per-target flags so that the native and wasm builds do not invalidate each other.
WASM := --target wasm32-unknown-unknown

.PHONY: serve test setup setup-build dist lint fmt-check clippy unit-test core-invariant \
        wasm-size browser-test build bench

## Build and serve the app on http://127.0.0.1:8080 (opens on the built-in 2023 pact).
serve: setup-build
	trunk serve --release --offline

## Everything CI checks.
test: setup fmt-check clippy unit-test core-invariant dist wasm-size browser-test

setup:
	@scripts/setup.sh all

setup-build:
	@scripts/setup.sh build

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p thidua -p thidua-core $(WASM) -- -D warnings

unit-test:
	cargo test --workspace

## The rule crate must not depend on anything web (architecture invariant).
core-invariant:
	@if cargo tree -p thidua-core -e normal --prefix none | grep -E '^(yew|web-sys|js-sys|gloo|wasm-bindgen)[ -]'; then \
		echo "core/ must not depend on web crates (see ARCHITECTURE.md)"; exit 1; \
	else echo "core-invariant: thidua-core has no web dependency"; fi

## The release build in dist/ (relative URLs: host it under any path).
dist:
	trunk build --release --offline

## The gzipped wasm must stay under the budget in wasm-budget.txt.
wasm-size:
	@scripts/wasm-size.sh

browser-test:
	npx playwright test

## Prints every figure of BENCHMARKS.md (about 5 minutes; figures, never pass/fail). The app is
## built into its own directory, so that dist/ is left alone; the browser steps use Chromium on
## 127.0.0.1:8095-8096.
BENCH_DIST := target/bench-dist
## glibc's malloc moves its trim and mmap thresholds after what was freed before, so the native
## evaluation's figure depended on the benchmarks run before it (1,000 units: 1.8 ms alone,
## 3.9-4.6 ms after the 5- and 63-unit runs), and every evaluation could hand its results' pages
## back to the kernel and fault them in again. Fixed thresholds (memory kept, as the app's wasm
## allocator keeps it) make the native figures stable: criterion's here, time_eval's in
## browser.mjs (BENCHMARKS.md § 1).
export NATIVE_MALLOC := glibc.malloc.trim_threshold=268435456:glibc.malloc.mmap_threshold=33554432
## Cargo always builds benches with panics that unwind (rust-lang/cargo#11214), which no build of
## ours ships: the CLI's release profile and the app's wasm abort. The criterion figures are taken
## as shipped, with -C panic=abort (RUSTFLAGS, with the host named as --target so that build
## scripts and proc macros are left alone); the 1,000-unit case is also run as Cargo builds it,
## saved as the baseline "unwind" (BENCHMARKS.md § 1).
HOST := $(shell rustc -vV 2>/dev/null | sed -n 's/^host: //p')
CRITERION_ARGS := --warm-up-time 1 --measurement-time 5
bench: setup
	@echo "native benchmarks with GLIBC_TUNABLES=$(NATIVE_MALLOC)"
	@echo "== criterion, as Cargo builds benches (panics unwind), 1,000 units =="
	GLIBC_TUNABLES=$(NATIVE_MALLOC) cargo bench -p thidua-core --bench evaluate -- $(CRITERION_ARGS) --save-baseline unwind 'evaluate/1000$$'
	@echo "== criterion, as the CLI is built (release profile: opt-level 3, panic=abort) =="
	GLIBC_TUNABLES=$(NATIVE_MALLOC) RUSTFLAGS="-C panic=abort" cargo bench -p thidua-core --target $(HOST) --bench evaluate -- $(CRITERION_ARGS)
	trunk build --release --offline --dist $(BENCH_DIST)
	@echo "== transfer size of $(BENCH_DIST)/ (release build, the same as dist/) =="
	@node scripts/sizes.mjs $(BENCH_DIST)
	scripts/bench/wasm-eval.sh
	node scripts/bench/browser.mjs --app $(BENCH_DIST)
