#!/usr/bin/env bash
# Differential archiver check (issue 5): the official 4.1.2 follower and `quetzal start --node
# --archiver` sync the same saved chain (../shared/fixtures/long-chain-4.1.2: 531 checkpoints made
# by the official node, with real txs, L1→L2 messages and logs) from the same anvil and blob file
# store, then every answer of ../shared/reference/compare-nodes.mjs (tips, every block and header,
# every tx receipt and effect, checkpoints, logs, node info) and of scripts/differential/
# compare-state.mjs (witnesses, public storage, message witnesses) and of the official client
# (aztecjs-client.mjs: aztec.js createAztecNodeClient, answers parsed by the official schemas) must
# be equal.
#
#   1. load the chain (anvil --load-state on a free port; network.env)
#   2. official follower (../shared/reference/start-follower-node.sh) and Quetzal, same settings:
#      TEST_ACCOUNTS=true SPONSORED_FPC=true PREFUND_ADDRESSES=<BananaFPC>, the file blob store
#   3. wait until both report the chain's last checkpoint (bounded)
#   4. compare; PASS/FAIL with the counts; everything is stopped (trap). Exit 0 on pass.
# Env: DIFF_TIMEOUT (600 s), KEEP_DIFF_DIR=1, QUETZAL_REFERENCE_SCRIPTS, LONG_CHAIN (fixture dir).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
REF_SCRIPTS="${QUETZAL_REFERENCE_SCRIPTS:-$ROOT/../shared/reference}"
BENCH="$REF_SCRIPTS/../bench"
LONG_CHAIN="${LONG_CHAIN:-$ROOT/../shared/fixtures/long-chain-4.1.2}"
TIMEOUT=${DIFF_TIMEOUT:-600}
T0=$SECONDS
log() { printf '[archiver-diff %3ss] %s\n' "$((SECONDS - T0))" "$*" >&2; }

# shellcheck disable=SC1091
source "$ROOT/scripts/reference.sh" env >/dev/null || {
  echo "FAIL: reference toolchain unavailable (scripts/reference.sh)"
  echo "0 passed, 1 failed"
  exit 1
}
[ -d "$LONG_CHAIN" ] || {
  echo "FAIL: no long-chain fixture at $LONG_CHAIN"
  echo "0 passed, 1 failed"
  exit 1
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/qz-arc.XXXXXX")
export REF_RUN_DIR="$WORK/lcl"
QZ_PID="" RESULT=1

port_taken() { [ -n "$(ss -Hta "sport = :$1")" ]; }
EPH_LOW=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
free_port() {
  local p low=10000 high=$((EPH_LOW - 1))
  for _ in $(seq 1 200); do
    p=$((low + (RANDOM * 32768 + RANDOM) % (high - low + 1)))
    if ! port_taken "$p" && [[ " $* " != *" $p "* ]]; then
      echo "$p"
      return 0
    fi
  done
  return 1
}
rpc() {
  curl -sS -m 10 -H 'content-type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":${3:-[]}}" "$1" 2>/dev/null
}
num() { sed -nE 's/.*"result":([0-9]+).*/\1/p'; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

cleanup() {
  trap - EXIT INT TERM
  if alive "$QZ_PID"; then
    kill -TERM "$QZ_PID" 2>/dev/null
    for _ in $(seq 1 120); do alive "$QZ_PID" || break; sleep 0.25; done
    kill -KILL -- "-$QZ_PID" 2>/dev/null || true
  fi
  bash "$REF_SCRIPTS/stop-local-network.sh" >/dev/null 2>&1 || true
  if [ -n "$(pgrep -f -- "$WORK" 2>/dev/null)" ]; then
    log "processes left behind: $(pgrep -f -- "$WORK" | tr '\n' ' ')"
    pkill -KILL -f -- "$WORK" 2>/dev/null || true
    RESULT=1
  fi
  if [ "${KEEP_DIFF_DIR:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  # One differential test: the closing line counts it, as scripts/test.sh expects.
  if [ "$RESULT" = 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
  exit "$RESULT"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 1' INT TERM

fail() {
  echo "FAIL: $1"
  shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    echo "--- $f (tail) ---"
    tail -n 25 "$f"
  done
  exit 1
}

L1_PORT=$(free_port) || fail "no free port"
REF_PORT=$(free_port "$L1_PORT") || fail "no free port"
QZ_PORT=$(free_port "$L1_PORT" "$REF_PORT") || fail "no free port"

log "loading $LONG_CHAIN on anvil :$L1_PORT"
REF_L1_PORT=$L1_PORT bash "$BENCH/load-long-chain.sh" "$LONG_CHAIN" >"$WORK/load.log" 2>&1 ||
  fail "cannot load the chain" "$WORK/load.log"
set -a
# shellcheck disable=SC1091
source "$REF_RUN_DIR/network.env"
set +a
TARGET=$(curl -sS -H 'content-type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getLogs\",\"params\":[{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"address\":\"$REF_L1_ROLLUP\",\"topics\":[\"0x6ff492bf2b4ca1b93a175167d14b3e46085b935cab3f39ca94013000799b93a0\"]}]}" "$REF_L1_URL" | grep -o '"transactionHash"' | wc -l)
[ "$TARGET" -gt 0 ] || fail "no checkpoints on $REF_L1_URL"
log "chain: $TARGET checkpoints; blobs $REF_BLOB_STORE_URL"

log "starting quetzal follower (rpc :$QZ_PORT)"
mkdir -p "$WORK/qz"
env TEST_ACCOUNTS=true SPONSORED_FPC=true PREFUND_ADDRESSES="$REF_BANANA_FPC_ADDRESS" \
  ETHEREUM_HOSTS="$REF_L1_URL" L1_CHAIN_ID="$REF_L1_CHAIN_ID" REGISTRY_CONTRACT_ADDRESS="$REF_L1_REGISTRY" \
  BLOB_FILE_STORE_URLS="$REF_BLOB_STORE_URL" P2P_ENABLED=false AZTEC_PORT="$QZ_PORT" \
  DATA_DIRECTORY="$WORK/qz" \
  setsid "$ROOT/quetzal" start --node --archiver >"$WORK/quetzal.log" 2>&1 </dev/null &
QZ_PID=$!

log "starting official follower (rpc :$REF_PORT)"
REF_FOLLOWER_PORT=$REF_PORT REF_START_TIMEOUT=$TIMEOUT bash "$REF_SCRIPTS/start-follower-node.sh" \
  >"$WORK/official-start.log" 2>&1 || fail "official follower did not start" "$WORK/official-start.log"

QZ_URL="http://127.0.0.1:$QZ_PORT" REF_URL="http://127.0.0.1:$REF_PORT"
deadline=$((SECONDS + TIMEOUT))
while :; do
  [ "$SECONDS" -lt "$deadline" ] || fail "not both at checkpoint $TARGET within ${TIMEOUT}s" "$WORK/quetzal.log"
  alive "$QZ_PID" || fail "quetzal exited" "$WORK/quetzal.log"
  q=$(rpc "$QZ_URL" node_getCheckpointNumber | num)
  r=$(rpc "$REF_URL" node_getCheckpointNumber | num)
  [ "${q:-0}" -ge "$TARGET" ] && [ "${r:-0}" -ge "$TARGET" ] && break
  sleep 1
done
log "both at checkpoint $TARGET (quetzal ${q}, official ${r})"
# Operators' view of the sync: Quetzal's archiver metrics (Prometheus text on GET /metrics).
curl -sS -m 10 "$QZ_URL/metrics" | grep -q "^quetzal_archiver_checkpoint $TARGET\$" ||
  fail "GET /metrics does not report checkpoint $TARGET" "$WORK/quetzal.log"
sleep 3 # one more archiver poll each (proven/finalized tips)

log "comparing answers"
# getL2Tips is compared by compare-state.mjs, without Quetzal's alpha-testnet extension fields.
"$REF_NODE" "$REF_SCRIPTS/compare-nodes.mjs" "$QZ_URL" "$REF_URL" --quiet --skip getL2Tips >"$WORK/compare.txt" 2>&1
C1=$?
"$REF_NODE" "$ROOT/scripts/differential/compare-state.mjs" "$QZ_URL" "$REF_URL" >"$WORK/compare-state.txt" 2>&1
C2=$?
# The same chain through the official client (aztec.js createAztecNodeClient): its schemas parse
# every answer, and the parsed results must be equal.
REF_NODE_MODULES="$REF_NODE_MODULES" "$REF_NODE" "$ROOT/scripts/differential/aztecjs-client.mjs" "$QZ_URL" "$REF_URL" \
  >"$WORK/compare-aztecjs.txt" 2>&1
C3=$?
grep -E '^DIFF' "$WORK/compare.txt" "$WORK/compare-state.txt" "$WORK/compare-aztecjs.txt" | head -40
P=$(cat "$WORK/compare.txt" "$WORK/compare-state.txt" "$WORK/compare-aztecjs.txt" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' | awk '{p += $1; f += $2} END {print p + 0, f + 0}')
read -r PASSED FAILED <<<"$P"
tail -n 2 "$WORK/compare.txt"
tail -n 2 "$WORK/compare-aztecjs.txt"
if [ "$C1" = 0 ] && [ "$C2" = 0 ] && [ "$C3" = 0 ] && [ "${FAILED:-1}" = 0 ]; then
  echo "PASS: Quetzal and the official 4.1.2 follower answer the same on all $TARGET checkpoints ($PASSED comparisons)"
  RESULT=0
else
  echo "FAIL: $FAILED of $((PASSED + FAILED)) answers differ"
fi
log "done"
