#!/usr/bin/env bash
# Differential local-network check (issues 4 and 7): the official Aztec 4.1.2 node follows the chain
# that `./quetzal start --local-network` deploys AND sequences (its own committee of four), on the
# same anvil and blob file store:
#
#   1. ./quetzal start --local-network --data-directory <tmp> --port <free> (ANVIL_PORT=<free>)
#   2. read the Registry from <tmp>/l1-contracts.json
#   3. official `aztec start --node --archiver` as a follower (no sequencer, p2p off, fake proofs,
#      genesis = TEST_ACCOUNTS + SPONSORED_FPC + PREFUND_ADDRESSES=<BananaFPC>, blobs from Quetzal's
#      file store <tmp>/blobs), loopback only; it must start without a genesis mismatch
#   4. an L1→L2 message is sent to the Inbox (anvil account 1)
#   5. wait until Quetzal has built at least DIFF_CHECKPOINTS checkpoints past the message's and the
#      official node has followed them
#   6. PASS when the official node never invalidated or rejected a checkpoint, both answer the same
#      tips (at a moment both stand at the same checkpoint; without Quetzal's alpha-testnet fields),
#      and every block, header, checkpoint and the message's witness are equal
#      (../shared/reference/compare-nodes.mjs and scripts/differential/compare-state.mjs).
# Both nodes and anvil are always stopped (trap). Exit 0 on pass, 1 on fail; last line "1 passed, 0
# failed" or "0 passed, 1 failed". Needs the reference toolchain (scripts/reference.sh installs it).
# Env: QUETZAL_START_TIMEOUT (120 s), REF_FOLLOWER_TIMEOUT (180 s), DIFF_CHECKPOINTS (12),
# KEEP_DIFF_DIR=1 keeps the tmp dir, DIFF_PREFUND_ADDRESSES (default: the BananaFPC) for a negative
# test.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
REF_SCRIPTS="${QUETZAL_REFERENCE_SCRIPTS:-$ROOT/../shared/reference}"
QUETZAL_START_TIMEOUT=${QUETZAL_START_TIMEOUT:-120}
FOLLOWER_TIMEOUT=${REF_FOLLOWER_TIMEOUT:-180}
# Quetzal's BananaFPC (io.quetzal.stdlib.genesis.FundedAccounts.bananaFpc(first test account),
# checked against the official vectors in stdlib's KeysVectorsTest); the official local network's
# REF_BANANA_FPC_ADDRESS is the same value.
# DIFF_PREFUND_ADDRESSES overrides it (to see the FAIL path with a deliberately wrong genesis).
BANANA_FPC=${DIFF_PREFUND_ADDRESSES:-0x099602ed42e355e5338ade3a9e314b3d15b6030b058a0c17c385f4a0f2d2b71a}

T0=$SECONDS
log() { printf '[local-network-diff %3ss] %s\n' "$((SECONDS - T0))" "$*" >&2; }

# shellcheck disable=SC1091
source "$ROOT/scripts/reference.sh" env >/dev/null || {
  echo "FAIL: reference toolchain unavailable (scripts/reference.sh)"
  echo "0 passed, 1 failed"
  exit 1
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/qz-gen.XXXXXX") # short: bb's unix socket path lives under it
QZ_PID="" REF_PID="" RESULT=1

port_in_use() { [ -n "$(ss -Htln "sport = :$1")" ]; }
port_taken() { [ -n "$(ss -Hta "sport = :$1")" ]; } # any state, outgoing connections too
# A free port below the kernel's ephemeral range (its outgoing connections could otherwise take
# the port between this pick and the node's listen: EADDRINUSE).
EPH_LOW=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
free_port() {
  local p low=10000 high=$((EPH_LOW - 1))
  [ "$high" -gt "$low" ] || { low=20000; high=29999; }
  for _ in $(seq 1 200); do
    p=$((low + (RANDOM * 32768 + RANDOM) % (high - low + 1)))
    if ! port_taken "$p" && [ "$p" != "${1:-}" ] && [ "$p" != "${2:-}" ] && [ "$p" != "${3:-}" ]; then
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
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
group_alive() { [ -n "$1" ] && kill -0 -- "-$1" 2>/dev/null; }

# stop_group NAME PGID: SIGTERM the leader, up to 30 s, then SIGKILL what is left of its group.
stop_group() {
  local name=$1 pg=$2
  [ -n "$pg" ] || return 0
  if alive "$pg"; then
    kill -TERM "$pg" 2>/dev/null || true
    for _ in $(seq 1 120); do alive "$pg" || break; sleep 0.25; done
  fi
  if group_alive "$pg"; then
    log "$name: killing what is left of process group $pg"
    kill -KILL -- "-$pg" 2>/dev/null || true
    for _ in $(seq 1 40); do group_alive "$pg" || break; sleep 0.25; done
  fi
}

cleanup() {
  local _rc=$?
  trap - EXIT INT TERM
  stop_group "official node" "$REF_PID"
  stop_group "quetzal" "$QZ_PID"
  # Quetzal's anvil runs under a watchdog that ends with the JVM; give it a moment.
  for _ in $(seq 1 40); do port_in_use "${ANVIL_PORT_SEL:-0}" || break; sleep 0.25; done
  local left=""
  for pg in $REF_PID $QZ_PID; do
    if pgrep -g "$pg" >/dev/null 2>&1; then left="$left $(pgrep -g "$pg" | tr '\n' ' ')"; fi
  done
  if [ -n "$(pgrep -f -- "$WORK" 2>/dev/null)" ]; then left="$left $(pgrep -f -- "$WORK" | tr '\n' ' ')"; fi
  if [ -n "${ANVIL_PORT_SEL:-}" ] && port_in_use "$ANVIL_PORT_SEL"; then left="$left anvil:$ANVIL_PORT_SEL"; fi
  if [ -n "$left" ]; then
    log "processes left behind:$left"
    RESULT=1
  else
    log "all processes stopped (pgrep: none left)"
  fi
  if [ "${KEEP_DIFF_DIR:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
  if [ "$RESULT" = 0 ]; then
    echo "1 passed, 0 failed"
    exit 0
  fi
  echo "0 passed, 1 failed"
  exit 1
}
trap cleanup EXIT
trap 'log "interrupted"; exit 1' INT TERM

fail() {
  echo "FAIL: $1"
  shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    echo "--- $f (relevant lines) ---"
    grep -nEi 'genesis|mismatch|fatal|error|archive root|Error:' "$f" | grep -v 'Uniswap' | tail -n 25 || true
    echo "--- $f (tail) ---"
    tail -n 15 "$f"
  done
  RESULT=1
  exit 1
}

ANVIL_PORT_SEL=$(free_port) || fail "no free port"
QZ_PORT=$(free_port "$ANVIL_PORT_SEL") || fail "no free port"
REF_PORT=$(free_port "$ANVIL_PORT_SEL" "$QZ_PORT") || fail "no free port"
REF_ADMIN_PORT=$(free_port "$ANVIL_PORT_SEL" "$QZ_PORT" "$REF_PORT") || fail "no free port"
mkdir -p "$WORK/qz" "$WORK/ref/data" "$WORK/ref/tmp"
QZ_LOG="$WORK/quetzal.log" REF_LOG="$WORK/official.log"

# 1. Quetzal with its own L1.
log "starting quetzal (anvil :$ANVIL_PORT_SEL, rpc :$QZ_PORT, data $WORK/qz)"
ANVIL_PORT=$ANVIL_PORT_SEL setsid "$ROOT/quetzal" start --local-network --data-directory "$WORK/qz" \
  --port "$QZ_PORT" >"$QZ_LOG" 2>&1 </dev/null &
QZ_PID=$!
QZ_URL="http://127.0.0.1:$QZ_PORT"
deadline=$((SECONDS + QUETZAL_START_TIMEOUT))
QZ_TIPS=""
while [ "$SECONDS" -lt "$deadline" ]; do
  alive "$QZ_PID" || fail "quetzal exited during start-up" "$QZ_LOG"
  QZ_TIPS=$(rpc "$QZ_URL" node_getL2Tips)
  if [[ "$QZ_TIPS" == *'"result"'* ]] && [ -f "$WORK/qz/l1-contracts.json" ]; then break; fi
  QZ_TIPS=""
  sleep 0.5
done
[ -n "$QZ_TIPS" ] || fail "quetzal RPC not up within ${QUETZAL_START_TIMEOUT}s" "$QZ_LOG"
log "quetzal up"

# 2. Registry (and rollup, for the blob store path) from l1-contracts.json.
read -r REGISTRY ROLLUP ROLLUP_VERSION < <("$REF_NODE" -e '
  const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const a = j.l1ContractAddresses || {};
  if (!a.registryAddress) process.exit(1);
  console.log(a.registryAddress, a.rollupAddress || "", j.rollupVersion ?? "");' "$WORK/qz/l1-contracts.json")
[ -n "${REGISTRY:-}" ] || fail "no l1ContractAddresses.registryAddress in $WORK/qz/l1-contracts.json"
L1_URL="http://127.0.0.1:$ANVIL_PORT_SEL"
L1_CHAIN_ID=$(rpc "$L1_URL" eth_chainId | sed -nE 's/.*"result":"(0x[0-9a-fA-F]+)".*/\1/p')
[ -n "$L1_CHAIN_ID" ] || fail "anvil on $L1_URL does not answer" "$QZ_LOG"
L1_CHAIN_ID=$((L1_CHAIN_ID))
log "registry $REGISTRY, rollup $ROLLUP (version $ROLLUP_VERSION), L1 chain id $L1_CHAIN_ID"
# Quetzal's sequencer writes every published blob to <data-directory>/blobs in the official layout
# (aztec-<chainId>-<rollupVersion>-0x<rollup>/blobs/<hash>.data and .healthcheck): the official
# node reads them from there. Make sure the store exists before the first checkpoint.
BLOB_DIR="$WORK/qz/blobs"
if [ -n "$ROLLUP" ] && [ -n "$ROLLUP_VERSION" ]; then
  BLOB_BASE="$BLOB_DIR/aztec-$L1_CHAIN_ID-$ROLLUP_VERSION-0x$(echo "${ROLLUP#0x}" | tr 'A-F' 'a-f')"
  mkdir -p "$BLOB_BASE/blobs"
  [ -f "$BLOB_BASE/.healthcheck" ] || printf ok >"$BLOB_BASE/.healthcheck"
fi

# 3. The official node as a follower (same settings as ../shared/reference/start-follower-node.sh).
# No MAX_ALLOWED_ETH_CLIENT_DRIFT_SECONDS override: Quetzal's slot warper keeps anvil's head within
# one slot of the wall clock (also after loading an old snapshot), as the official local network does.
log "starting official node (rpc :$REF_PORT, log $REF_LOG)"
env TEST_ACCOUNTS=true SPONSORED_FPC=true PREFUND_ADDRESSES="$BANANA_FPC" \
  ETHEREUM_HOSTS="$L1_URL" L1_CHAIN_ID="$L1_CHAIN_ID" REGISTRY_CONTRACT_ADDRESS="$REGISTRY" \
  BLOB_FILE_STORE_URLS="file://$BLOB_DIR" \
  PROVER_REAL_PROOFS=false P2P_ENABLED=false \
  AZTEC_PORT="$REF_PORT" AZTEC_ADMIN_PORT="$REF_ADMIN_PORT" \
  ARCHIVER_POLLING_INTERVAL_MS=500 ARCHIVER_VIEM_POLLING_INTERVAL_MS=500 WS_BLOCK_CHECK_INTERVAL_MS=500 \
  LOG_LEVEL="${LOG_LEVEL:-info}" DATA_DIRECTORY="$WORK/ref/data" TMPDIR="$WORK/ref/tmp" \
  setsid "$REF_NODE" --no-warnings --import "file://$REF_SCRIPTS/lib/loopback-only.mjs" \
  "$REF_AZTEC_CLI" start --node --archiver >"$REF_LOG" 2>&1 </dev/null &
REF_PID=$!
REF_URL="http://127.0.0.1:$REF_PORT"

# 4. Wait for its tips, or a genesis mismatch / fatal error. 4.1.2 reports a mismatch as
#   "Rollup at 0x… is incompatible: genesis archive root (expected 0x…, got 0x…). Entering standby
#   mode. Will poll every 60s for a compatible rollup..." and then serves only a standby status page.
MISMATCH_RE='is incompatible|genesis archive root \(expected|Entering standby mode|genesis.*(mismatch|does not match)|mismatch.*genesis'
deadline=$((SECONDS + FOLLOWER_TIMEOUT))
REF_TIPS=""
while [ "$SECONDS" -lt "$deadline" ]; do
  if grep -qEi "$MISMATCH_RE" "$REF_LOG"; then
    fail "official node reports a genesis mismatch" "$REF_LOG"
  fi
  alive "$REF_PID" || fail "official node exited during start-up" "$REF_LOG"
  REF_TIPS=$(rpc "$REF_URL" node_getL2Tips)
  if [[ "$REF_TIPS" == *'"result"'* ]]; then break; fi
  REF_TIPS=""
  sleep 1
done
[ -n "$REF_TIPS" ] || fail "official node RPC not up within ${FOLLOWER_TIMEOUT}s" "$REF_LOG"
log "official node up"
sleep 2 # let it poll L1 once more; a mismatch found while syncing would show now
grep -qEi "$MISMATCH_RE" "$REF_LOG" &&
  fail "official node reports a genesis mismatch" "$REF_LOG"
alive "$REF_PID" || fail "official node exited after start-up" "$REF_LOG"

# 5. The chain advances: Quetzal sequences; send one L1->L2 message, then let both nodes move on.
INBOX=$("$REF_NODE" -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(j.l1ContractAddresses.inboxAddress)' "$WORK/qz/l1-contracts.json")
ALICE=0x0a60414ee907527880b7a53d4dacdeb9ef768bb98d9d8d1e7200725c13763331
MSG_DATA=$("$REF_NODE" -e '
  const pad = (x) => BigInt(x).toString(16).padStart(64, "0");
  // sendL2Message((bytes32 actor, uint256 version), bytes32 content, bytes32 secretHash)
  console.log(pad(process.argv[1]) + pad(process.argv[2]) + pad("0xabc") + pad("0xdef"));' "$ALICE" "$ROLLUP_VERSION")
SEL=$("$REF_NODE" -e '
  const { createRequire } = require("module");
  const r = createRequire(process.argv[1] + "/");
  const { keccak256, toHex } = r("viem");
  console.log(keccak256(toHex("sendL2Message((bytes32,uint256),bytes32,bytes32)")).slice(0, 10));' "$REF_NODE_MODULES")
ACCOUNT1=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
TXH=$(curl -sS -H 'content-type: application/json' -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendTransaction\",\"params\":[{\"from\":\"$ACCOUNT1\",\"to\":\"$INBOX\",\"data\":\"$SEL$MSG_DATA\"}]}" "$L1_URL" | sed -nE 's/.*"result":"(0x[0-9a-f]+)".*/\1/p')
[ -n "$TXH" ] || fail "could not send the L1->L2 message to the Inbox $INBOX"
sleep 1
RECEIPT=$(rpc "$L1_URL" eth_getTransactionReceipt "[\"$TXH\"]")
MSG_LEAF=$(echo "$RECEIPT" | "$REF_NODE" -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const r = JSON.parse(s).result; const l = (r && r.logs || []).find(l => l.topics.length === 3);
    if (!l || r.status !== "0x1") process.exit(1); console.log(l.topics[2] + " " + BigInt(l.topics[1]));
  });') || fail "the Inbox message tx failed: $RECEIPT"
read -r MSG_LEAF MSG_CHECKPOINT <<<"$MSG_LEAF"
log "L1->L2 message $MSG_LEAF sent (tx $TXH), for checkpoint $MSG_CHECKPOINT"

TARGET=$((MSG_CHECKPOINT + ${DIFF_CHECKPOINTS:-12}))
num() { sed -nE 's/.*"result":([0-9]+).*/\1/p'; }
deadline=$((SECONDS + FOLLOWER_TIMEOUT))
while :; do
  [ "$SECONDS" -lt "$deadline" ] || fail "not both at checkpoint $TARGET within ${FOLLOWER_TIMEOUT}s" "$REF_LOG" "$QZ_LOG"
  alive "$QZ_PID" || fail "quetzal exited" "$QZ_LOG"
  alive "$REF_PID" || fail "official node exited" "$REF_LOG"
  q=$(rpc "$QZ_URL" node_getCheckpointNumber | num)
  r=$(rpc "$REF_URL" node_getCheckpointNumber | num)
  [ "${q:-0}" -ge "$TARGET" ] && [ "${r:-0}" -ge "$TARGET" ] && break
  sleep 1
done
log "quetzal at checkpoint $q, official at $r (target $TARGET)"

# 6. Verdict. The official node must not have found anything wrong with Quetzal's checkpoints.
BAD_RE='nvalid attestation|InvalidAttestations|invalidat|Failed to (retrieve|process) checkpoint|blob.*(mismatch|not found)|Error processing'
if grep -Eqi "$BAD_RE" "$REF_LOG"; then
  grep -Ei "$BAD_RE" "$REF_LOG" | head -5
  fail "the official node reported a problem with a checkpoint" "$REF_LOG"
fi
# Tips at a moment both nodes stand at the same checkpoint (the chain keeps moving).
TIPS_VERDICT="DIFF never at the same checkpoint"
for _ in $(seq 1 120); do
  QT=$(rpc "$QZ_URL" node_getL2Tips)
  RT=$(rpc "$REF_URL" node_getL2Tips)
  TIPS_VERDICT=$("$REF_NODE" -e '
    const [q, r] = process.argv.slice(1, 3).map(s => JSON.parse(s).result);
    const strip = t => { const c = JSON.parse(JSON.stringify(t)); delete c.latest;
      for (const k of ["checkpointed", "proven", "finalized"]) if (c[k]) delete c[k].number; return c; };
    if (q.checkpointed.checkpoint.number !== r.checkpointed.checkpoint.number || q.proven.checkpoint.number !== r.proven.checkpoint.number) { console.log("MOVING"); process.exit(0); }
    const a = JSON.stringify(strip(q)), b = JSON.stringify(strip(r));
    console.log(a === b ? "SAME at checkpoint " + q.checkpointed.checkpoint.number : "DIFF quetzal " + a + " official " + b);' "$QT" "$RT")
  [ "$TIPS_VERDICT" = MOVING ] || break
  sleep 0.2
done
echo "tips: $TIPS_VERDICT"
# Every block, header, checkpoint up to the common tip (moving scalars are checked through the
# tips above), and the message's checkpoint and witness at the target block. Five addresses are
# known only to the node that deployed the contracts (Quetzal here, like the official local
# network), not to a follower, which reads the address book from the Registry: they are not
# compared. Block and checkpoint ranges are compared below up to the target (the tips move).
DEPLOYER_ONLY=slashFactoryAddress,feeAssetHandlerAddress,stakingAssetHandlerAddress,zkPassportVerifierAddress,dateGatedRelayerAddress
"$REF_NODE" "$REF_SCRIPTS/compare-nodes.mjs" "$QZ_URL" "$REF_URL" --quiet --ignore-keys "$DEPLOYER_ONLY" \
  --skip getL2Tips,getBlockNumber,getProvenBlockNumber,getCheckpointedBlockNumber,getCheckpointNumber,getCheckpoints,getCheckpointedBlocks,getBlocks \
  >"$WORK/compare.txt" 2>&1
C1=$?
C2=0
for m in "node_getL1ToL2MessageCheckpoint [\"$MSG_LEAF\"]" "node_isL1ToL2MessageSynced [\"$MSG_LEAF\"]" \
  "node_getL1ToL2MessageMembershipWitness [$TARGET,\"$MSG_LEAF\"]" "node_getBlockHeader [$TARGET]" \
  "node_getCheckpoints [1,$((TARGET < 50 ? TARGET : 50))]" "node_getCheckpointedBlocks [1,$((TARGET < 50 ? TARGET : 50))]" "node_getBlocks [1,$((TARGET < 50 ? TARGET : 50))]"; do
  set -- $m
  A=$(rpc "$QZ_URL" "$1" "$2")
  B=$(rpc "$REF_URL" "$1" "$2")
  if [ "$A" != "$B" ] || [[ "$A" != *'"result"'* ]]; then
    echo "DIFF $1$2: quetzal $A official $B" | cut -c1-400
    C2=1
  fi
done
grep -E '^DIFF' "$WORK/compare.txt" | head -20
tail -n 2 "$WORK/compare.txt"
if [[ "$TIPS_VERDICT" == SAME* ]] && [ "$C1" = 0 ] && [ "$C2" = 0 ]; then
  echo "PASS: the official 4.1.2 node followed Quetzal's sequenced chain to checkpoint $TARGET (its L1->L2 message in checkpoint $MSG_CHECKPOINT) without rejecting a checkpoint; tips $TIPS_VERDICT; every block, header and checkpoint equal"
  RESULT=0
else
  fail "answers differ (see above)" "$REF_LOG"
fi
log "done in $((SECONDS - T0))s"
