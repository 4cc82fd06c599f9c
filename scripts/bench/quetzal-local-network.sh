#!/usr/bin/env bash
# start|stop a detached `quetzal start --local-network` for the shared start-up harness, which needs a
# start command that returns. Ports: REF_NODE_PORT (RPC), REF_L1_PORT (anvil). Log: $QZ_LOG.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pattern="quetzal.jar start --local-network --port $REF_NODE_PORT"
case "${1:-}" in
  start)
    ANVIL_PORT=$REF_L1_PORT setsid "$ROOT/quetzal" start --local-network --port "$REF_NODE_PORT" \
      >"${QZ_LOG:-/dev/null}" 2>&1 </dev/null &
    ;;
  stop)
    p=$(pgrep -f "$pattern" | head -1 || true)
    [ -z "$p" ] && exit 0
    kill -TERM "$p"
    for _ in $(seq 1 150); do kill -0 "$p" 2>/dev/null || exit 0; sleep 0.2; done
    kill -KILL "$p" 2>/dev/null || true
    ;;
  node-pgid) ps -o pgid= -p "$(pgrep -f "$pattern" | head -1)" | tr -d ' ' ;;
  l1-pgid) ps -o pgid= -p "$(pgrep -f "anvil.*--port $REF_L1_PORT" | head -1)" | tr -d ' ' ;;
  *) echo "usage: $0 start|stop|node-pgid|l1-pgid" >&2; exit 2 ;;
esac
