#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: JAVA_HOME if it is one, else the newest under the usual
# install folders. Fails with one line saying what to install.
set -uo pipefail

major_of() {
  local v
  v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  echo "${v%%.*}"
}

is_jdk21() {
  [[ -x "$1/bin/java" && -x "$1/bin/javac" ]] && [[ "$(major_of "$1")" -ge 21 ]] 2>/dev/null
}

if [[ -n "${JAVA_HOME:-}" ]] && is_jdk21 "$JAVA_HOME"; then
  echo "$JAVA_HOME"; exit 0
fi
best=""; best_major=0
for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /usr/local/*jdk*; do
  [[ -d "$candidate" ]] || continue
  if is_jdk21 "$candidate"; then
    m="$(major_of "$candidate")"
    if (( m > best_major )); then best="$candidate"; best_major=$m; fi
  fi
done
if [[ -n "$best" ]]; then
  echo "$(cd "$best" && pwd -P)"; exit 0
fi
echo "outpost: no JDK 21 or newer found (JAVA_HOME, /usr/lib/jvm, /opt); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME" >&2
exit 1
