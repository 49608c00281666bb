#!/usr/bin/env bash
# Bounded fuzzing of the pure core with cargo-fuzz (libFuzzer): the redirect parser on raw bytes,
# both validators and the three server body builders on JSON-like values.
#
#   bash scripts/fuzz.sh              # ~15 s a target, one after the other (npm test)
#   bash scripts/fuzz.sh 600          # 10 min a target (npm run fuzz)
#   FUZZ_TARGETS="redirect" bash scripts/fuzz.sh 60
#   FUZZ_PARALLEL=1 bash scripts/fuzz.sh 600    # all targets at once (one core each)
#
# Installs the nightly toolchain and cargo-fuzz when missing. The targets are built once, then
# the fuzzer binaries run directly, so an edit made to src/ during a long run is not picked up
# half-way. Inputs found go to fuzz/corpus/ (not committed); fuzz/seeds/ holds the small committed
# seeds. A crash stops the run with the failing input in fuzz/artifacts/<target>/; reproduce it
# with `cargo +$(cat scripts/nightly-toolchain) fuzz run <target> <file>` and add it to tests/regressions.rs.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-15}"
targets="${FUZZ_TARGETS:-redirect validate bodies}"

# A pinned nightly (scripts/setup.sh installs it): a new one can break the fuzz build on a day
# nobody changed anything.
nightly=$(cat scripts/nightly-toolchain)
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

cd fuzz
if ! cargo "+$nightly" fuzz build >&2; then
  echo "fuzz: the fuzz targets do not build (is src/ mid-edit?)" >&2
  exit 2
fi
bin_dir="target/$(rustc -vV | sed -n 's/^host: //p')/release"

# One target: its summary line on stdout, the libFuzzer log on stderr when it fails.
fuzz_one() {
  local target="$1" log status=0 runs corpus
  mkdir -p "corpus/$target" "seeds/$target" "artifacts/$target"
  log="$(mktemp)"
  # -rss_limit_mb: the inputs are small; a run that needs gigabytes is a bug worth seeing.
  "$bin_dir/$target" "corpus/$target" "seeds/$target" -artifact_prefix="artifacts/$target/" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1 || status=$?
  runs="$(grep -Eo '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n1 || true)"
  if [ "$status" -ne 0 ]; then
    tail -n 60 "$log" >&2
    echo "fuzz: $target FOUND A CRASH (exit $status) after ${runs:-?} executions: see fuzz/artifacts/$target/" >&2
    rm -f "$log"
    return "$status"
  fi
  corpus="$(find "corpus/$target" -type f | wc -l)"
  echo "fuzz: $target: ${runs:-?} executions in ${seconds}s, corpus $corpus inputs, no crash"
  rm -f "$log"
}

failed=0
if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
  pids=()
  for target in $targets; do
    echo "fuzz: $target for ${seconds}s (parallel)" >&2
    fuzz_one "$target" & pids+=("$!")
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
else
  for target in $targets; do
    echo "fuzz: $target for ${seconds}s" >&2
    fuzz_one "$target" || { failed=1; break; }
  done
fi
exit "$failed"
