#!/usr/bin/env bash
# Start-up of a local network, side by side in one run: ../shared/bench/startup-bench.sh times the
# official `aztec start --local-network` (../shared/reference) and then `./quetzal start
# --local-network`, each RUNS fresh starts, with the same poller, and prints the medians and the
# ratios. Quetzal's node group is the JVM alone: anvil runs in its own session (setsid), and its
# RSS is reported in the L1 column, as the official anvil's is.
#   scripts/bench-startup.sh [RUNS]     (default 3)
# Env: QUIET_MAX_S (0: do not wait for a quiet machine; the load at each start is in the TSV),
#      IDLE_S (30), QUETZAL_TIMEOUT_S (120: a run ends when both the RPC and the first checkpoint
#      are seen, or after this), SKIP_OFFICIAL=1 to time Quetzal only.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="${QUETZAL_BENCH_DIR:-$ROOT/../shared/bench}"
RUNS=${1:-3}
OUTDIR=${BENCH_OUT:-/tmp/perf/quetzal-startup-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUTDIR"
export QUIET_MAX_S=${QUIET_MAX_S:-0} IDLE_S=${IDLE_S:-30}
export REF_L1_PORT=${REF_L1_PORT:-28545} REF_NODE_PORT=${REF_NODE_PORT:-28080}

# Build first, so the timed runs do not include compilation.
"$ROOT/quetzal" --version >/dev/null

if [ "${SKIP_OFFICIAL:-0}" != 1 ]; then
  # shellcheck disable=SC1091
  source "$ROOT/scripts/reference.sh" env >/dev/null
  BENCH_RUN_DIR=$OUTDIR/official OUT=$OUTDIR/official.tsv "$BENCH/startup-bench.sh" "$RUNS"
fi

QZ=$ROOT/scripts/bench/quetzal-local-network.sh
export QZ_LOG=$OUTDIR/quetzal-node.log
export START_CMD="$QZ start" STOP_CMD="$QZ stop" NODE_PGID_CMD="$QZ node-pgid" L1_PGID_CMD="$QZ l1-pgid"
BENCH_RUN_DIR=$OUTDIR/quetzal OUT=$OUTDIR/quetzal.tsv TIMEOUT_S=${QUETZAL_TIMEOUT_S:-120} \
  "$BENCH/startup-bench.sh" "$RUNS"

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "NA"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
col() { tail -n +2 "$1" | cut -f"$2" | median; }
echo
echo "=== start-up, medians of $RUNS runs each (rows: $OUTDIR/{official,quetzal}.tsv)"
printf '%-22s %10s %10s %8s\n' metric official quetzal ratio
for c in "2 t_rpc_s" "3 t_first_cp_s" "5 node_rss_rpc_mib" "6 node_rss_idle_mib" "7 l1_rss_idle_mib" "8 node_cpu_rpc_s"; do
  set -- $c
  o=NA
  [ -f "$OUTDIR/official.tsv" ] && o=$(col "$OUTDIR/official.tsv" "$1")
  q=$(col "$OUTDIR/quetzal.tsv" "$1")
  r=$(awk -v o="$o" -v q="$q" 'BEGIN {if (o == "NA" || q + 0 == 0) print "-"; else printf "%.2f", q / o}')
  printf '%-22s %10s %10s %8s\n' "$2" "$o" "$q" "$r"
done
