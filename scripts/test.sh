#!/usr/bin/env bash
# Sets up what the tests need and runs the whole suite: unit, property, reference-vector tests and
# the format check. This is exactly what .ci/run runs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"
quetzal_select_jdk || exit 1
echo "test: JDK $JAVA_HOME" >&2
cd "$ROOT"
exec ./mvnw -B -ntp verify "$@"
