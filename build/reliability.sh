#!/usr/bin/env bash
# Fault drills against the real app (see docs/reliability.md). Not part of ./outpost test.
#   build/reliability.sh              build, then run every drill
#   build/reliability.sh kill-crawl   build, then run the named drills
#   build/reliability.sh hostile-tenant   abuse by two tenants while a third's alerts are timed
#                                     (OUTPOST_HOSTILE_MINUTES, default 3; about 6 min in all)
#   build/reliability.sh scale-out    two app instances on PostgreSQL and a 3-node Elasticsearch cluster,
#                                     an Elasticsearch node and then instance A killed (about 8 min)
# Work folders under $OUTPOST_DRILL_DIR (default /tmp/outpost-drills); report in target/reliability/.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="$(bash build/find-jdk.sh)" || exit 1
export JAVA_HOME
NODE_BIN="$(bash build/ensure-node.sh)" || exit 1
[[ -n "$NODE_BIN" ]] && export PATH="$NODE_BIN:$PATH"
if [[ "${OUTPOST_DRILL_SKIP_BUILD:-}" != "true" ]]; then
  ./mvnw -B -q -DskipTests package </dev/null
fi
exec "$JAVA_HOME/bin/java" -Xmx1g -cp benchmarks/target/benchmarks.jar org.outpost.benchmarks.reliability.Drills "$@"
