#!/usr/bin/env bash
# Installs what building and testing need, skipping what is already there:
# the wasm32 target, the pinned nightly with rust-src, the wasm-bindgen CLI at the version Cargo.lock pins, Chromium and
# ChromeDriver (Debian packages), and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# clippy and rustfmt (scripts/test.sh runs both): in rustup's default profile, added where it was minimal.
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# The pinned nightly that builds the published wasm (scripts/build.sh) and runs the fuzzers.
nightly=$(cat scripts/nightly-toolchain)
if ! rustup run "$nightly" rustc --print sysroot >/dev/null 2>&1 \
  || [ ! -d "$(rustup run "$nightly" rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "installing the $nightly toolchain with rust-src"
  rustup toolchain install "$nightly" --profile minimal --component rust-src
fi

# The CLI must be the very version of the wasm-bindgen crate in Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$want" --no-default-features
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# npm ci only when the lock changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi
