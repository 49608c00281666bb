#!/usr/bin/env bash
# Every test: the JavaScript linter, native Rust (tables, properties, docs, generated files),
# clippy's no-panic lints, the core as wasm in headless Chromium, the npm package (types, size,
# tarball consumers), the page-level tests in Chromium, a bounded fuzz run, and the Rust and
# JavaScript formatters' checks. `npm test` runs scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n== %s\n' "$*" >&2; }
no_panic_lints=(-D warnings -D clippy::unwrap_used -D clippy::expect_used -D clippy::panic
  -D clippy::indexing_slicing -D clippy::unreachable)

step "JavaScript: undefined and unused names (eslint.config.js)"
node_modules/.bin/eslint .

step "native Rust tests (tables, properties, README examples, files generated from the tables are current)"
cargo test --quiet

step "no panic reachable from input: clippy on src/, native and wasm32 (with and without the body exports, and V2's)"
cargo clippy --quiet --lib -- "${no_panic_lints[@]}"
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- "${no_panic_lints[@]}"
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features js-v1 -- "${no_panic_lints[@]}"
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features --features js-v2 -- "${no_panic_lints[@]}"

step "the core compiled to wasm, in headless Chromium"
cargo test --target wasm32-unknown-unknown --test wasm

step "build the npm package"
bash scripts/build.sh

step "TypeScript declarations"
node_modules/.bin/tsc -p tests/types/tsconfig.json
node_modules/.bin/tsc -p tests/types/tsconfig.node.json

step "size: each browser entry within its gzip target (default 50 KB, /web 40 KB, /v2 50 KB)"
node scripts/size.mjs --check

step "bounded fuzzing"
bash scripts/fuzz.sh 15

step "page-level, package and demo tests (node --test, headless Chromium)"
node --test --test-concurrency=1 tests/*.test.mjs bench/*.test.mjs

# Last, so that a tree not yet formatted still runs every test above.
step "formatting: Rust (rustfmt.toml; \`cargo fmt\` fixes it), JavaScript (.prettierrc.json; \`node_modules/.bin/prettier --write .\`)"
cargo fmt --check
node_modules/.bin/prettier --check .
