#!/usr/bin/env bash
# Poseidon2 side by side, in one run: Quetzal (JMH, Poseidon2Bench) and the official barretenberg
# (../shared/bench/poseidon2-bench.mjs, `bb msgpack` path: the closest figure to bare native C++),
# on the same inputs. Prints one table with the ratio (official / Quetzal: > 1 means Quetzal is faster).
#   scripts/bench-poseidon2.sh [--quick]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR="${QUETZAL_SHARED_BENCH:-$ROOT/../shared/bench}"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
jmh_args=(-f 1 -wi 5 -i 10 -w 1s -r 1s)
bb_args=(--iters 20000 --rounds 5)
if [ "${1:-}" = --quick ]; then
  jmh_args=(-f 1 -wi 3 -i 5 -w 1s -r 1s)
  bb_args=(--iters 20000 --rounds 3)
fi
# shellcheck source=lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"
quetzal_select_jdk || exit 1
(cd "$ROOT" && ./mvnw -B -q -pl benchmarks -am package -DskipTests -Dspotless.check.skip=true)
echo "bench: Quetzal (JMH) ..." >&2
"$JAVA_HOME/bin/java" -jar "$ROOT/benchmarks/target/benchmarks.jar" Poseidon2Bench "${jmh_args[@]}" \
  -rf json -rff "$OUT/jmh.json" >"$OUT/jmh.log" 2>&1 || { tail -n 30 "$OUT/jmh.log" >&2; exit 1; }
echo "bench: official barretenberg (bb msgpack) ..." >&2
# shellcheck source=reference.sh
source "$ROOT/scripts/reference.sh" env
"$REF_NODE" "$BENCH_DIR/poseidon2-bench.mjs" --paths bb-msgpack "${bb_args[@]}" --json "$OUT/bb.json" >/dev/null
"$REF_NODE" "$ROOT/scripts/bench/poseidon2-compare.mjs" "$OUT/jmh.json" "$OUT/bb.json"
