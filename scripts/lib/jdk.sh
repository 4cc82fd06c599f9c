# shellcheck shell=bash
# Chooses a JDK >= 25 and exports JAVA_HOME; sourced by ./quetzal, scripts/test.sh and .ci/run.
# Order: $JAVA_HOME if it is >= 25, else the newest JDK >= 25 under /usr/lib/jvm.
quetzal_java_major() { # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

quetzal_select_jdk() {
  local min=25 best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(quetzal_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    [ -L "$candidate" ] && continue
    major=$(quetzal_java_major "$candidate/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "quetzal: needs a JDK ${min} or newer (javac included); none found in JAVA_HOME or /usr/lib/jvm." >&2
    echo "quetzal: install one, e.g. Eclipse Temurin 25 (package temurin-25-jdk), or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
