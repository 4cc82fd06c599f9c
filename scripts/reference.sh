#!/usr/bin/env bash
# Installs (idempotently) the official Aztec 4.1.2 toolchain used as the test oracle, via the shared
# reference installer, and prints its home. Sourced helpers: `source scripts/reference.sh env`.
#   scripts/reference.sh           install if needed
#   source scripts/reference.sh env   install if needed, then export PATH/REF_* (node 22 first on PATH)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REF_SCRIPTS="${QUETZAL_REFERENCE_SCRIPTS:-$ROOT/../shared/reference}"
if [ ! -f "$REF_SCRIPTS/setup.sh" ]; then
  echo "reference: $REF_SCRIPTS/setup.sh not found; set QUETZAL_REFERENCE_SCRIPTS to the shared reference folder" >&2
  return 1 2>/dev/null || exit 1
fi
export QUETZAL_REFERENCE_HOME="${QUETZAL_REFERENCE_HOME:-$HOME/.cache/quetzal-reference}"
bash "$REF_SCRIPTS/setup.sh" "$QUETZAL_REFERENCE_HOME" >&2 || { return 1 2>/dev/null || exit 1; }
if [ "${1:-}" = env ]; then
  # shellcheck disable=SC1091
  source "$REF_SCRIPTS/env.sh"
fi
