#!/usr/bin/env bash
# Opal launcher: finds a JDK 21+, builds the project when its sources changed, runs the CLI.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
. "$ROOT/scripts/env.sh"
opal_setup

JAR="$ROOT/app/target/opal.jar"
needs_build() {
  [ -f "$JAR" ] || return 0
  [ -n "$(find "$ROOT" -path "$ROOT/.git" -prune -o -path '*/target' -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$JAR" -print -quit)" ]
}
if needs_build; then
  echo "opal: building (first run or sources changed)..." >&2
  (cd "$ROOT" && mvn -q -B -DskipTests -pl app -am package) >&2
  touch "$JAR"
fi

# The heap on transparent huge pages where the kernel offers them: on the small VMs this project
# runs on, the first touch of a fresh 4 kB page is slow (64 MB of new heap took 200 ms, against
# 8 ms in 2 MB pages), and a node keeps touching fresh heap as its state grows.
JVM_DEFAULTS="-Xss16m"
if grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  JVM_DEFAULTS="$JVM_DEFAULTS -XX:+UseTransparentHugePages"
fi

exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${OPAL_JAVA_OPTS:-$JVM_DEFAULTS} -cp "$JAR:$ROOT/app/target/lib/*" dev.opal.app.Opal "$@"
