#!/usr/bin/env bash
# Every test: native Rust, the wasm in headless Chromium, the packed package's types, and the
# page-level tests in Chromium. `npm test` runs scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n== %s\n' "$*" >&2; }

step "native Rust tests"
cargo test --quiet

step "no panic reachable from input (clippy)"
cargo clippy --quiet --lib -- -D warnings \
  -D clippy::unwrap_used -D clippy::expect_used -D clippy::panic -D clippy::indexing_slicing -D clippy::unreachable
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings \
  -D clippy::unwrap_used -D clippy::expect_used -D clippy::panic -D clippy::indexing_slicing -D clippy::unreachable

step "Rust tests compiled to wasm, in headless Chromium"
cargo test --target wasm32-unknown-unknown --test wasm

step "build the npm package"
bash scripts/build.sh

step "TypeScript declarations"
node_modules/.bin/tsc -p tests/types/tsconfig.json
node_modules/.bin/tsc -p tests/types/tsconfig.node.json

step "size budget"
node scripts/size.mjs --check

step "page-level tests in headless Chromium"
node --test --test-concurrency=1 tests/*.test.mjs
