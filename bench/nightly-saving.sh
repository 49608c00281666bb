#!/usr/bin/env bash
# What the pinned nightly of scripts/build.sh buys: both wasm modules (with and without the body
# builders) built by stable and by the nightly with build.sh's flags, each bound by wasm-bindgen and
# shrunk by the same wasm-opt passes, then gzip -9 of each .wasm (before scripts/shorten-names.mjs,
# which saves the same on both). Prints a table; docs/design.md quotes it.
set -euo pipefail
cd "$(dirname "$0")/.."
crate=naverpay_checkout
nightly=$(cat scripts/nightly-toolchain)
out=$(mktemp -d "${TMPDIR:-/tmp}/naverpay-nightly.XXXXXX")
trap 'rm -rf "$out"' EXIT
flags="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=cargo --remap-path-prefix=$PWD=."
# build.sh's inlining threshold, on both sides, so that only the toolchain differs.
flags="-Cllvm-args=-inline-threshold=75 $flags"
build() { # toolchain variant
  local features=()
  [ "$2" = web ] && features=(--no-default-features)
  if [ "$1" = stable ]; then
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags" cargo build --quiet --release --lib \
      --target wasm32-unknown-unknown --target-dir target/stable-wasm "${features[@]}"
    wasm=target/stable-wasm/wasm32-unknown-unknown/release/$crate.wasm
  else
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none $flags" \
      cargo "+$nightly" build --quiet --release --lib --target wasm32-unknown-unknown --target-dir target/release-wasm \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size "${features[@]}"
    wasm=target/release-wasm/wasm32-unknown-unknown/release/$crate.wasm
  fi
  wasm-bindgen --target web --no-typescript --out-dir "$out/$1-$2" "$wasm"
  node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$out/$1-$2/${crate}_bg.wasm" "$out/$1-$2/${crate}_bg.wasm"
  gzip -9 -c "$out/$1-$2/${crate}_bg.wasm" | wc -c
}
printf '%-34s %10s %10s %10s\n' module stable nightly saving
for variant in default web; do
  s=$(build stable "$variant")
  n=$(build nightly "$variant")
  label="$variant ($([ "$variant" = web ] && echo 'no body builders' || echo 'every export'))"
  printf '%-34s %8.1f KB %8.1f KB %8.1f KB\n' "$label" "$(echo "$s/1024" | bc -l)" "$(echo "$n/1024" | bc -l)" \
    "$(echo "($s-$n)/1024" | bc -l)"
done
