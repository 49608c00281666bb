#!/usr/bin/env bash
# Bounded fuzzing of the pure core with cargo-fuzz (libFuzzer): the redirect parser on raw bytes,
# both validators and the three server body builders on JSON-like values.
#
#   bash scripts/fuzz.sh        # ~15 s a target (npm test)
#   bash scripts/fuzz.sh 600    # 10 min a target (npm run fuzz)
#   FUZZ_TARGETS="redirect" bash scripts/fuzz.sh 60
#
# Installs the nightly toolchain and cargo-fuzz when missing. Inputs found go to fuzz/corpus/
# (not committed); fuzz/seeds/ holds the small committed seeds. A crash stops the run with the
# failing input under fuzz/artifacts/<target>/; reproduce it with
# `cargo +nightly fuzz run <target> <file>` and turn it into a test in tests/regressions.rs.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-15}"
targets="${FUZZ_TARGETS:-redirect validate bodies}"

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz: installing the nightly toolchain" >&2
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

cd fuzz
cargo +nightly fuzz build >&2
summary=()
for target in $targets; do
  mkdir -p "corpus/$target" "seeds/$target"
  log="$(mktemp)"
  echo "fuzz: $target for ${seconds}s" >&2
  status=0
  # -rss_limit_mb: the inputs are small; a run that needs gigabytes is a bug worth seeing.
  cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1 || status=$?
  runs="$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -n1 || true)"
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "fuzz: $target FAILED (exit $status); the input is in fuzz/artifacts/$target/" >&2
    exit "$status"
  fi
  corpus="$(find "corpus/$target" -type f | wc -l)"
  summary+=("$target: ${runs:-?} executions in ${seconds}s, corpus $corpus inputs, no crash")
  rm -f "$log"
done
printf 'fuzz: %s\n' "${summary[@]}" >&2
