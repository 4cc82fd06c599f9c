#!/usr/bin/env bash
# JSON-RPC throughput side by side: the saved long chain (../shared/fixtures/long-chain-4.1.2) is
# loaded into anvil, the official 4.1.2 follower and `quetzal start --node --archiver` both sync it,
# then ../shared/bench/rpc-bench.sh (wrk: node_getL2Tips, node_getBlock,
# node_getBlockHashMembershipWitness, node_getPublicStorageAt) runs against each node in turn, and
# the medians are printed one after the other.
#   scripts/bench-rpc.sh
# Env: CONNS ("8 64"), DURATION (10s), REPEAT (3), QUIET_MAX_S (0), LONG_CHAIN, BENCH_OUT.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="${QUETZAL_BENCH_DIR:-$ROOT/../shared/bench}"
REF_SCRIPTS="$BENCH/../reference"
LONG_CHAIN="${LONG_CHAIN:-$ROOT/../shared/fixtures/long-chain-4.1.2}"
OUTDIR=${BENCH_OUT:-/tmp/perf/quetzal-rpc-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUTDIR"
export CONNS=${CONNS:-"8 64"} DURATION=${DURATION:-10s} REPEAT=${REPEAT:-3} QUIET_MAX_S=${QUIET_MAX_S:-0}
export REF_RUN_DIR=$OUTDIR/lcl REF_L1_PORT=${REF_L1_PORT:-28545} REF_FOLLOWER_PORT=${REF_FOLLOWER_PORT:-28081}
QZ_PORT=${QZ_PORT:-28082}
# shellcheck disable=SC1091
source "$ROOT/scripts/reference.sh" env >/dev/null
"$ROOT/quetzal" --version >/dev/null # build first
QZ_PID=""
cleanup() {
  [ -z "$QZ_PID" ] || kill -TERM "$QZ_PID" 2>/dev/null || true
  [ -z "$QZ_PID" ] || for _ in $(seq 1 60); do kill -0 "$QZ_PID" 2>/dev/null || break; sleep 0.25; done
  bash "$REF_SCRIPTS/stop-local-network.sh" >/dev/null 2>&1 || true
}
trap cleanup EXIT
bash "$BENCH/load-long-chain.sh" "$LONG_CHAIN" >"$OUTDIR/load.log" 2>&1
set -a
# shellcheck disable=SC1091
source "$REF_RUN_DIR/network.env"
set +a
env TEST_ACCOUNTS=true SPONSORED_FPC=true PREFUND_ADDRESSES="$REF_BANANA_FPC_ADDRESS" \
  ETHEREUM_HOSTS="$REF_L1_URL" L1_CHAIN_ID="$REF_L1_CHAIN_ID" REGISTRY_CONTRACT_ADDRESS="$REF_L1_REGISTRY" \
  BLOB_FILE_STORE_URLS="$REF_BLOB_STORE_URL" AZTEC_PORT="$QZ_PORT" DATA_DIRECTORY="$OUTDIR/qz" \
  setsid "$ROOT/quetzal" start --node --archiver >"$OUTDIR/quetzal.log" 2>&1 </dev/null &
QZ_PID=$!
bash "$REF_SCRIPTS/start-follower-node.sh" >"$OUTDIR/official-start.log" 2>&1
num() { curl -s -X POST -H 'content-type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":[]}" "$1" | sed -nE 's/.*"result":([0-9]+).*/\1/p'; }
for _ in $(seq 1 600); do
  [ "$(num "http://127.0.0.1:$QZ_PORT" node_getCheckpointNumber)" = 531 ] &&
    [ "$(num "http://127.0.0.1:$REF_FOLLOWER_PORT" node_getCheckpointNumber)" = 531 ] && break
  sleep 1
done
sleep 3
OUT=$OUTDIR/official.tsv LABEL=official bash "$BENCH/rpc-bench.sh" "http://127.0.0.1:$REF_FOLLOWER_PORT" >"$OUTDIR/official.txt" 2>&1
OUT=$OUTDIR/quetzal.tsv LABEL=quetzal bash "$BENCH/rpc-bench.sh" "http://127.0.0.1:$QZ_PORT" >"$OUTDIR/quetzal.txt" 2>&1
echo "=== official 4.1.2 follower of the long chain"
sed -n '/^--- medians/,$p' "$OUTDIR/official.txt"
echo "=== quetzal"
sed -n '/^--- medians/,$p' "$OUTDIR/quetzal.txt"
