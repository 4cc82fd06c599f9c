#!/usr/bin/env bash
# Differential genesis check (issue 4): the official Aztec 4.1.2 node, pointed at the anvil and
# Registry that `./quetzal start --local-network` deployed, must start against those contracts
# without a genesis mismatch, and both nodes must report the same genesis tips.
#
#   1. ./quetzal start --local-network --data-directory <tmp> --port <free> (ANVIL_PORT=<free>)
#   2. read the Registry from <tmp>/l1-contracts.json
#   3. official `aztec start --node --archiver` as a follower (no sequencer, p2p off, fake proofs,
#      genesis = TEST_ACCOUNTS + SPONSORED_FPC + PREFUND_ADDRESSES=<BananaFPC>), loopback only
#   4. wait (bounded) for its node_getL2Tips, or a genesis mismatch / fatal error in its log
#   5. PASS when both answer and their block-0 tips agree; FAIL otherwise (with log lines)
# Both nodes and anvil are always stopped (trap). Exit 0 on pass, 1 on fail.
# Needs the reference toolchain (scripts/reference.sh installs it).
# Env: QUETZAL_START_TIMEOUT (120 s), REF_FOLLOWER_TIMEOUT (180 s), KEEP_DIFF_DIR=1 keeps the tmp dir,
# DIFF_PREFUND_ADDRESSES (default: the BananaFPC) for a negative test.
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
log() { printf '[genesis-diff %3ss] %s\n' "$((SECONDS - T0))" "$*" >&2; }

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
# The official node refuses to start without a reachable blob source. Quetzal has published no
# checkpoint (hence no blob) at genesis, so give it an empty file store in the official layout
# (aztec-<chainId>-<rollupVersion>-0x<rollup>/.healthcheck = "ok").
BLOB_DIR="$WORK/blobs"
if [ -n "$ROLLUP" ] && [ -n "$ROLLUP_VERSION" ]; then
  BLOB_BASE="$BLOB_DIR/aztec-$L1_CHAIN_ID-$ROLLUP_VERSION-0x$(echo "${ROLLUP#0x}" | tr 'A-F' 'a-f')"
  mkdir -p "$BLOB_BASE/blobs"
  printf ok >"$BLOB_BASE/.healthcheck"
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

# 5. Compare the genesis tips (block 0 of both nodes).
QZ_TIPS=$(rpc "$QZ_URL" node_getL2Tips)
REF_TIPS=$(rpc "$REF_URL" node_getL2Tips)
QZ_B0=$(rpc "$QZ_URL" node_getBlockHeader '[0]')
REF_B0=$(rpc "$REF_URL" node_getBlockHeader '[0]')
echo "quetzal  node_getL2Tips: $QZ_TIPS"
echo "official node_getL2Tips: $REF_TIPS"
VERDICT=$("$REF_NODE" -e '
  const [qt, rt] = process.argv.slice(1, 3).map(s => JSON.parse(s).result);
  const problems = [];
  // Genesis tips: every tip that is still at block 0 must name the same block-0 hash.
  const g = t => Object.entries(t).flatMap(([k, v]) => {
    const b = v && v.block ? v.block : v; // 4.1.2: {proposed:{number,hash}, checkpointed:{block:{...},checkpoint:{...}}, ...}
    return b && b.number !== undefined ? [[k, Number(b.number), b.hash]] : [];
  });
  const q = g(qt), r = g(rt);
  const h0 = [...q, ...r].filter(([, n]) => n === 0).map(([, , h]) => h);
  if (h0.length === 0) problems.push("no tip at block 0 on either node");
  if (new Set(h0).size > 1) problems.push("block-0 hashes differ: " + [...new Set(h0)].join(" vs "));
  // Checkpoint 0 hashes (proven/finalized/checkpointed tips) must agree as well.
  const c0 = [qt, rt].flatMap(t => Object.values(t)).filter(v => v && v.checkpoint && Number(v.checkpoint.number) === 0)
    .map(v => v.checkpoint.hash);
  if (new Set(c0).size > 1) problems.push("checkpoint-0 hashes differ: " + [...new Set(c0)].join(" vs "));
  const qn = Object.fromEntries(q.map(([k, n]) => [k, n])), rn = Object.fromEntries(r.map(([k, n]) => [k, n]));
  for (const k of Object.keys(rn)) if (k in qn && qn[k] !== rn[k]) problems.push(`${k}: quetzal ${qn[k]} vs official ${rn[k]}`);
  console.log(problems.length ? "DIFF " + problems.join("; ") : "SAME block-0 hash " + h0[0] + ", checkpoint-0 hash " + (c0[0] || "-") + " (" + q.map(([k, n]) => k + "=" + n).join(", ") + ")");
' "$QZ_TIPS" "$REF_TIPS" 2>&1)
case "$VERDICT" in
  SAME*)
    echo "PASS: official 4.1.2 node started against Quetzal's L1 (registry $REGISTRY) without a genesis mismatch; ${VERDICT#SAME }"
    if [[ "$QZ_B0" == *'"result"'* ]] && [[ "$REF_B0" == *'"result"'* ]] && [ "$QZ_B0" != "$REF_B0" ]; then
      echo "note: node_getBlockHeader(0) answers differ byte-wise (tips agree):"
      echo "  quetzal : $QZ_B0"
      echo "  official: $REF_B0"
    fi
    RESULT=0
    ;;
  *) fail "genesis tips differ: ${VERDICT#DIFF }" "$REF_LOG" ;;
esac
log "done in $((SECONDS - T0))s"
