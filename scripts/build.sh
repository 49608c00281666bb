#!/usr/bin/env bash
# Builds the publishable npm package into pkg/ (scripts/package.mjs says what each folder is):
#   pkg/esm     default entry, wasm inline (browsers, every bundler)   import … from 'naverpay-checkout'
#   pkg/node    the same as CommonJS (Node, server renderers)          the `require` and `node` conditions
#   pkg/global  the same as a classic script                           <script src> → window.NaverPayCheckout
#   pkg/web     size-optimized, fetches its .wasm after init()         import init, … from 'naverpay-checkout/web'
#   pkg/v2      PortOne V2, wasm inline, ES module and CommonJS        import … from 'naverpay-checkout/v2'
# The wasm is built three times (V1 with and without the server body builders, and V2), each bound
# by wasm-bindgen and shrunk with wasm-opt (npm binaryen); each entry is bundled from one of the glues.
set -euo pipefail
cd "$(dirname "$0")/.."

crate=naverpay_checkout
# The published wasm is built by a pinned nightly (scripts/setup.sh installs it) that rebuilds std
# for size, with panics that abort at once: no panic messages, locations or formatting machinery
# (docs/design.md gives what that saves, measured by bench/nightly-saving.sh). Its own target
# folder keeps stable's builds warm.
# Paths are remapped all the same: this machine's never reach the published wasm.
nightly=$(cat scripts/nightly-toolchain)
# opt-level "z" (Cargo.toml) inlines only the smallest functions (LLVM's threshold 25); "s"'s 75
# makes the module smaller still and validation about twice as fast (docs/design.md, "Size").
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none \
  -Cllvm-args=-inline-threshold=75 \
  --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=cargo --remap-path-prefix=$PWD=."
# Built aside, then moved into place: a half-built pkg/ is never visible to anyone reading it.
out=$(mktemp -d "${TMPDIR:-/tmp}/naverpay-pkg.XXXXXX")
trap 'rm -rf "$out"' EXIT
# Three modules: glue/ with every V1 export (the default, CommonJS and classic-script entries),
# glue-web/ without the server body builders (the size-optimized /web entry), and glue-v2/ with
# PortOne V2's exports only (the /v2 entry; docs/design.md).
for variant in glue glue-web glue-v2; do
  features=()
  [ "$variant" = glue-web ] && features=(--no-default-features --features js-v1)
  [ "$variant" = glue-v2 ] && features=(--no-default-features --features js-v2)
  cargo "+$nightly" build --release --lib --target wasm32-unknown-unknown --target-dir target/release-wasm \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size "${features[@]}"
  # Each variant's module as cargo wrote it, names and all, for bench/run.mjs's "where the bytes are".
  cp "target/release-wasm/wasm32-unknown-unknown/release/$crate.wasm" "target/release-wasm/$variant.wasm"
  wasm-bindgen --target web --no-typescript --out-dir "$out/$variant" \
    "target/release-wasm/wasm32-unknown-unknown/release/$crate.wasm"
  # The features rustc's wasm32 target enables by default; wasm-opt must not assume others.
  # --low-memory-unused: Rust's wasm32 data and stack lie above the first 1 KB of memory.
  node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$out/$variant/${crate}_bg.wasm" "$out/$variant/${crate}_bg.wasm"
done

node scripts/package.mjs "$out"
# The completed glue of the whole module (what the inline entries bundle) stays out of the package,
# in target/glue/, for the tests that load the module with an instrumented wasm (tests/hostile.test.mjs).
rm -rf target/glue
mv "$out/glue" target/glue
rm -rf pkg.old
[ -d pkg ] && mv pkg pkg.old
mv "$out" pkg
chmod 755 pkg
rm -rf pkg.old
echo "build: pkg/ ready ($(du -sh pkg | cut -f1))" >&2
