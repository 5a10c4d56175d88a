# Wegweiser — the two commands a newcomer needs:
#   make serve   build and serve the page with the sample feed at http://127.0.0.1:8080
#   make test    every check CI runs (format, lints, native, browser, end-to-end)
# Both install what is missing first (see `make tools`); nothing is downloaded from
# GitHub: trunk and wasm-bindgen come from crates.io, wasm-opt from npm (binaryen),
# Chromium from Debian.

SHELL := /bin/bash
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3; exit}' Cargo.lock)
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

WASM_TEST_ENV := CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	WASM_BINDGEN_TEST_TIMEOUT=120

.PHONY: help serve test tools browser build fmt-check clippy test-native test-wasm e2e bench fuzz clean

help:
	@echo "make serve   build and serve the page with the sample feed at http://127.0.0.1:8080"
	@echo "make test    run every check (fmt, clippy, native, wasm in Chromium, end-to-end)"
	@echo "make build   release build into dist/, with the sample feed's state published into it"
	@echo "make bench   sizes, time to first notice, memory, parse time (see docs/benchmark.md)"
	@echo "make fuzz    fuzz the core for FUZZ_SECONDS (default 300), not part of make test"

## Tools ---------------------------------------------------------------------

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt
	@[ "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ] || \
		{ echo "installing trunk $(TRUNK_VERSION) (takes ~10 minutes once)"; cargo install --locked trunk@$(TRUNK_VERSION); }
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || \
		{ echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; cargo install --force wasm-bindgen-cli@$(WASM_BINDGEN_VERSION); }
	@# npm's hidden lock file is newer than package-lock.json once `npm ci` installed it.
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
	@cargo fetch --locked >/dev/null

browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium chromium-driver; }

## Build and serve -------------------------------------------------------------

# Static-first: after trunk, `wegweiser publish` writes the sample feed's state as of
# now into dist/index.html (and dist/stand.html, the page without scripts). Operators
# run the same command whenever their feed changes (docs/publishing.md).
build: tools
	trunk build --release
	cargo run -q --locked -p wegweiser-cli -- publish dist/feed.json --dist dist

# No auto-reload: its injected inline script would be refused by the page's strict CSP.
serve: tools
	trunk serve --release --no-autoreload

## Checks -----------------------------------------------------------------------

test: tools browser fmt-check clippy test-native test-wasm e2e
	@echo "make test: all checks passed"

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy -p wegweiser-app --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

test-native:
	cargo test --workspace --locked

test-wasm: tools browser
	$(WASM_TEST_ENV) cargo test -p wegweiser-app --target wasm32-unknown-unknown --locked

e2e: build browser
	node --test --test-concurrency=1 e2e/

## Benchmark (not a test: figures vary; see docs/benchmark.md) ------------------

bench: build browser
	node bench/run.mjs

## Fuzzing (not part of `make test`) --------------------------------------------
# libFuzzer through cargo-fuzz on parse → validate → status → page model (fuzz/).
# Runs on the stable toolchain: without a sanitizer cargo-fuzz passes only stable
# rustc flags; RUSTC_BOOTSTRAP=1 lets stable also accept -Zsanitizer=address if
# someone adds `--sanitizer address`. No sanitizer (the core is safe Rust), but debug
# assertions, so integer overflow panics too. Seeds: the sample feed, the hostile
# corpus and earlier crashes; new inputs collect in fuzz/corpus/ (not committed).
FUZZ_SECONDS ?= 300
FUZZ_TARGET ?= feed

fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
	@mkdir -p fuzz/corpus/$(FUZZ_TARGET)
	cd fuzz && RUSTC_BOOTSTRAP=1 nice cargo fuzz run --sanitizer none --debug-assertions $(FUZZ_TARGET) \
		corpus/$(FUZZ_TARGET) ../feed ../core/tests/hostile regressions -- \
		-max_total_time=$(FUZZ_SECONDS) -timeout=10 -dict=feed.dict -print_final_stats=1

clean:
	cargo clean
	rm -rf dist
