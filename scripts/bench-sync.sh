#!/usr/bin/env bash
# Archiver sync, side by side in one run: ../shared/bench/sync-bench.sh times the official 4.1.2
# follower and then `quetzal start --node --archiver` syncing the saved long chain
# (../shared/fixtures/long-chain-4.1.2, 531 checkpoints) from scratch, RUNS times each, with the
# same poller (time to tip, checkpoints/s, peak RSS of the follower's process group), and prints
# the medians and the ratios.
#   scripts/bench-sync.sh [RUNS]        (default 3)
# Env: QUIET_MAX_S (0), SKIP_OFFICIAL=1, LONG_CHAIN (fixture dir), BENCH_OUT (results dir).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="${QUETZAL_BENCH_DIR:-$ROOT/../shared/bench}"
LONG_CHAIN="${LONG_CHAIN:-$ROOT/../shared/fixtures/long-chain-4.1.2}"
RUNS=${1:-3}
OUTDIR=${BENCH_OUT:-/tmp/perf/quetzal-sync-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUTDIR"
export QUIET_MAX_S=${QUIET_MAX_S:-0}
export REF_RUN_DIR=$OUTDIR/lcl REF_L1_PORT=${REF_L1_PORT:-28545} REF_FOLLOWER_PORT=${REF_FOLLOWER_PORT:-28081}
# shellcheck disable=SC1091
source "$ROOT/scripts/reference.sh" env >/dev/null
"$ROOT/quetzal" --version >/dev/null # build first

bash "$BENCH/load-long-chain.sh" "$LONG_CHAIN" >"$OUTDIR/load.log" 2>&1
trap 'bash "$BENCH/../reference/stop-local-network.sh" >/dev/null 2>&1 || true' EXIT

if [ "${SKIP_OFFICIAL:-0}" != 1 ]; then
  OUT=$OUTDIR/official.tsv bash "$BENCH/sync-bench.sh" "$RUNS"
fi
export FOLLOWER_CMD="exec env TEST_ACCOUNTS=true SPONSORED_FPC=true PREFUND_ADDRESSES=\$REF_BANANA_FPC_ADDRESS \
ETHEREUM_HOSTS=\$REF_L1_URL L1_CHAIN_ID=\$REF_L1_CHAIN_ID REGISTRY_CONTRACT_ADDRESS=\$REF_L1_REGISTRY \
BLOB_FILE_STORE_URLS=\$REF_BLOB_STORE_URL P2P_ENABLED=false AZTEC_PORT=\$FOLLOWER_PORT \
DATA_DIRECTORY=\$FOLLOWER_DATA_DIR $ROOT/quetzal start --node --archiver"
LABEL=quetzal OUT=$OUTDIR/quetzal.tsv bash "$BENCH/sync-bench.sh" "$RUNS"

median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "NA"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
col() { tail -n +2 "$1" | cut -f"$2" | median; }
echo
echo "=== archiver sync of the long chain, medians of $RUNS runs each ($OUTDIR/{official,quetzal}.tsv)"
printf '%-14s %10s %10s %8s\n' metric official quetzal ratio
for c in "5 t_rpc_s" "6 t_tip_s" "7 cp_per_s" "11 peak_rss_mib" "12 cpu_s"; do
  set -- $c
  o=NA
  [ -f "$OUTDIR/official.tsv" ] && o=$(col "$OUTDIR/official.tsv" "$1")
  q=$(col "$OUTDIR/quetzal.tsv" "$1")
  r=$(awk -v o="$o" -v q="$q" 'BEGIN {if (o == "NA" || o + 0 == 0) print "-"; else printf "%.2f", q / o}')
  printf '%-14s %10s %10s %8s\n' "$2" "$o" "$q" "$r"
done
