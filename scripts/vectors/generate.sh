#!/usr/bin/env bash
# Regenerates the reference vectors with the official npm packages (@aztec/*@4.1.2, bb native).
# Every scripts/vectors/*.mjs writes its JSON under foundation/src/test/resources/vectors/ (or the
# resources folder it names). The vectors are committed; tests never run this script.
#   scripts/vectors/generate.sh            all generators
#   scripts/vectors/generate.sh poseidon2  only poseidon2.mjs
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../reference.sh
source "$ROOT/scripts/reference.sh" env
export LOG_LEVEL=${LOG_LEVEL:-warn}
cd "$ROOT"
if [ $# -gt 0 ]; then
  gens=()
  for n in "$@"; do gens+=("scripts/vectors/$n.mjs"); done
else
  gens=(scripts/vectors/*.mjs)
fi
for g in "${gens[@]}"; do
  [ "$(basename "$g")" = lib.mjs ] && continue
  echo "vectors: $g" >&2
  "$REF_NODE" "$g"
done
