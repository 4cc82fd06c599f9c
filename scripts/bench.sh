#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them. Arguments go to JMH (a benchmark regex, -f, -wi, -i, ...).
#   scripts/bench.sh                                 everything, JMH defaults of each benchmark class
#   scripts/bench.sh Poseidon2Bench -f 1 -wi 3 -i 5  one class, short run
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/jdk.sh
source "$ROOT/scripts/lib/jdk.sh"
quetzal_select_jdk || exit 1
cd "$ROOT"
./mvnw -B -q -pl benchmarks -am package -DskipTests -Dspotless.check.skip=true
exec "$JAVA_HOME/bin/java" -jar benchmarks/target/benchmarks.jar "$@"
