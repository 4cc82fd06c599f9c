#!/usr/bin/env bash
# World-state block apply, side by side on this machine in one run: the official native world state
# (../shared/bench/world-state-bench.mjs, C++ over LMDB) and Quetzal's (WorldStateBench, Java over
# LMDB), the exact same workload (bench README section 4: 72 txs x 64/64/64 effects, 1024 zero
# messages, archive leaf 'h'). Both check every block's roots against the reference file (a wrong
# root aborts the run). Reports blocks/s, tx/s, p50/p99 per-block ms, peak RSS, store size, ratio.
#
#   scripts/bench-world-state.sh                 50 blocks, one run of each
#   BLOCKS=10 RUNS=3 scripts/bench-world-state.sh
#
# Environment: BLOCKS (50), RUNS (1; runs alternate official/quetzal, medians reported),
#   RUN_DIR (/tmp/perf/ws-bench), SHARED_DIR (../shared), QUETZAL_BENCH_JAVA_OPTS (-Xmx1g),
#   QUETZAL_BENCH_ARGS (extra WorldStateBench flags, e.g. "--durability no-meta-sync").
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED_DIR=${SHARED_DIR:-$(cd "$ROOT/../shared" && pwd)}
BLOCKS=${BLOCKS:-50}
RUNS=${RUNS:-1}
RUN_DIR=${RUN_DIR:-/tmp/perf/ws-bench}
JAVA_OPTS=${QUETZAL_BENCH_JAVA_OPTS:--Xmx1g}
EXTRA=${QUETZAL_BENCH_ARGS:-}

# shellcheck source=lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"
quetzal_select_jdk || exit 1
# shellcheck disable=SC1091
source "$SHARED_DIR/reference/env.sh"
[ -x "$REF_NODE" ] || { echo "bench-world-state: reference toolchain missing (run $SHARED_DIR/reference/setup.sh)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench-world-state: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

mkdir -p "$RUN_DIR"
echo "bench-world-state: building Quetzal's runner ..." >&2
(cd "$ROOT" && ./mvnw -q -B -Dquetzal.build.dir=target-bench -pl world-state -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$RUN_DIR/cp.txt" -Dmdep.includeScope=test \
  -Dspotless.check.skip=true)
CP="$ROOT/world-state/target-bench/test-classes:$ROOT/world-state/target-bench/classes:$(cat "$RUN_DIR/cp.txt")"

run_official() { # $1 = run number
  rm -rf "$RUN_DIR/official-data"
  /usr/bin/time -f '%M %e' -o "$RUN_DIR/official-$1.time" \
    "$REF_NODE" "$SHARED_DIR/bench/world-state-bench.mjs" --blocks "$BLOCKS" \
    --data-dir "$RUN_DIR/official-data" --json "$RUN_DIR/official-$1.json" >/dev/null
}
run_quetzal() {
  rm -rf "$RUN_DIR/quetzal-data"
  # shellcheck disable=SC2086
  /usr/bin/time -f '%M %e' -o "$RUN_DIR/quetzal-$1.time" \
    "$JAVA_HOME/bin/java" $JAVA_OPTS --enable-native-access=ALL-UNNAMED -cp "$CP" \
    io.quetzal.worldstate.bench.WorldStateBench --blocks "$BLOCKS" \
    --refs "$SHARED_DIR/bench/data/world-state-refs-t72-p64-m1024-s1.json" \
    --data-dir "$RUN_DIR/quetzal-data" --json "$RUN_DIR/quetzal-$1.json" $EXTRA >/dev/null 2>"$RUN_DIR/quetzal-$1.log"
}

for r in $(seq 1 "$RUNS"); do
  echo "bench-world-state: run $r/$RUNS: official ($BLOCKS blocks) ..." >&2
  run_official "$r"
  echo "bench-world-state: run $r/$RUNS: quetzal ($BLOCKS blocks) ..." >&2
  run_quetzal "$r"
done

"$REF_NODE" - "$RUN_DIR" "$RUNS" <<'JS'
const fs = require('fs');
const [dir, runs] = [process.argv[2], +process.argv[3]];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const load = (who) => Array.from({ length: runs }, (_, i) => {
  const j = JSON.parse(fs.readFileSync(`${dir}/${who}-${i + 1}.json`, 'utf8'));
  const [rssKb] = fs.readFileSync(`${dir}/${who}-${i + 1}.time`, 'utf8').trim().split(/\s+/).map(Number);
  return { ...j.sync, peakRssMiB: Math.round(rssKb / 1024), storeMiB: j.storeMiB, ok: j.rootsMatchReference };
});
const o = load('official'), q = load('quetzal');
const m = (rows, k) => median(rows.map((r) => r[k]));
const rows = [
  ['blocks/s', 'blocks_per_s'], ['tx/s', 'tx_per_s'], ['total s', 'total_s'], ['p50 ms/block', 'p50_ms'],
  ['p99 ms/block', 'p99_ms'], ['max ms/block', 'max_ms'], ['peak RSS MiB', 'peakRssMiB'], ['store MiB', 'storeMiB'],
];
console.log(`world-state apply, ${JSON.parse(fs.readFileSync(`${dir}/quetzal-1.json`)).workload.blocks} blocks, median of ${runs} run(s)`);
console.log('metric'.padEnd(16) + 'official'.padStart(12) + 'quetzal'.padStart(12) + 'quetzal/official'.padStart(18));
for (const [label, k] of rows) {
  const a = m(o, k), b = m(q, k);
  console.log(label.padEnd(16) + String(a).padStart(12) + String(b).padStart(12) + (b / a).toFixed(2).padStart(18));
}
const ok = o.every((r) => r.ok) && q.every((r) => r.ok);
console.log(`roots match the reference after every block: official ${o.every((r) => r.ok)}, quetzal ${q.every((r) => r.ok)}`);
fs.writeFileSync(`${dir}/summary.json`, JSON.stringify({ official: o, quetzal: q }, null, 2));
process.exit(ok ? 0 : 1);
JS
