# Sourced by ./opal, scripts/test and scripts/bench: finds a JDK 21+ and Maven, installing
# Maven from Debian's packages if the machine has none.

opal_java_version() { # prints the feature version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

opal_find_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  c=$(command -v java 2>/dev/null) && candidates+=("$(dirname "$(dirname "$(readlink -f "$c")")")")
  for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(opal_java_version "$c/bin/java")
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

opal_setup() {
  local jdk
  if ! jdk=$(opal_find_jdk); then
    echo "opal: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
    echo "opal: install one, e.g. 'apt-get install openjdk-21-jdk-headless' or 'temurin-21-jdk', or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
  opal_quiet_maven
  if ! command -v mvn >/dev/null 2>&1; then
    echo "opal: Maven not found; installing it from Debian's packages..." >&2
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven) >&2 || return 1
    else
      echo "opal: please install Maven (apt-get install maven)." >&2
      return 1
    fi
  fi
}

# Maven's own Guava warns about sun.misc.Unsafe on JDK 24+; keep the build output readable.
opal_quiet_maven() {
  local v
  v=$(opal_java_version "$JAVA_HOME/bin/java")
  if [ "${v%%.*}" -ge 24 ] 2>/dev/null; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}
