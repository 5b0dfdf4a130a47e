#!/usr/bin/env bash
# Prints, one per line, the java arguments `./outpost run` starts the app with (issue 19, startup).
#   build/aot-args.sh JAVA_HOME JAR
# On a JDK 25 or newer: the fat jar extracted once per build into target/aot/app (class data
# sharing cannot read classes from the jars nested in a fat jar) and an ahead-of-time cache
# (JEP 483/514: the classes an earlier run loaded and linked, read at start instead of parsed and
# verified again). The first run of a build records the cache and writes it when the app stops
# (a few seconds more at Ctrl-C); later runs load it. A cache made for another JDK or a changed
# class path is refused by the JVM itself, which then starts as without one; a new build or
# another JDK here also records a new one. OUTPOST_AOT_CACHE=false, or a JDK before 25: the fat
# jar as before.
set -euo pipefail
JAVA_HOME="$1"
JAR="$2"
DIR="$(dirname "$JAR")/aot"
APP="$DIR/app/$(basename "$JAR")"
CACHE="$DIR/outpost.aot"
JDK_MARK="$DIR/jdk"

plain() {
  printf '%s\n' -jar "$JAR"
  exit 0
}

major="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [[ "${OUTPOST_AOT_CACHE:-true}" != true ]] || ! [[ "${major%%.*}" -ge 25 ]] 2>/dev/null; then
  plain
fi
jdk="$JAVA_HOME $(cksum <"$JAVA_HOME/release" 2>/dev/null || true)"
if [[ ! -f "$APP" || "$JAR" -nt "$APP" || "$(cat "$JDK_MARK" 2>/dev/null || true)" != "$jdk" ]]; then
  rm -rf "$DIR"
  if ! "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$JAR" extract --destination "$DIR/app" >/dev/null 2>&1; then
    rm -rf "$DIR"
    plain
  fi
  printf '%s\n' "$jdk" >"$JDK_MARK"
fi
if [[ -s "$CACHE" ]]; then
  printf '%s\n' "-XX:AOTCache=$CACHE"
else
  echo "outpost: this first start of the build records an ahead-of-time cache, written when the app stops; later starts load it (OUTPOST_AOT_CACHE=false: none)" >&2
  printf '%s\n' "-XX:AOTCacheOutput=$CACHE"
fi
printf '%s\n' -jar "$APP"
