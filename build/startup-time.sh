#!/usr/bin/env bash
# Warm start of `./outpost run` (issue 19): the app built, its data folder present.
#   build/startup-time.sh [runs]                 (default 5)
#   build/startup-time.sh [runs] baseline.jar    A/B: alternates that jar and the built one
#   build/startup-time.sh [runs] no-aot          A/B: ./outpost run without its AOT cache, then with it
# Starts `./outpost run` that many times, each time from process start to /actuator/health UP
# and to the login page answering, stops the app (and its Elasticsearch node) after each run,
# and prints every run, the median and the max, and where the time went (read from the log).
# With a baseline jar (an earlier build), each run starts it and then the built jar, both as
# `java -jar` with the JDK ./outpost finds, and the ratio built/baseline is printed per pair:
# on a shared machine the load moves the absolute figures more than any change does.
# A data folder that does not exist yet is created by one unmeasured first start.
# Environment: OUTPOST_DATA_DIR (default /tmp/outpost-startup-data), PORT (default: a free port).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-5}"
BASELINE_JAR="${2:-}"
JAVA="$(bash build/find-jdk.sh)/bin/java"
export OUTPOST_DATA_DIR="${OUTPOST_DATA_DIR:-/tmp/outpost-startup-data}"
export OUTPOST_ADMIN_PASSWORD="${OUTPOST_ADMIN_PASSWORD:-startup-time-$RANDOM$RANDOM}"
LOGS="$(mktemp -d /tmp/outpost-startup-logs.XXXXXX)"

free_port() {
  local port
  for port in $(seq 18080 18180); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "startup-time: no free port in 18080-18180" >&2
  exit 1
}
export PORT="${PORT:-$(free_port)}"
BASE="http://127.0.0.1:$PORT"

now_ms() { date +%s%3N; }

APP_PID=""
stop_app() {
  [[ -z "$APP_PID" ]] && return
  kill -TERM "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 240); do
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL "$APP_PID" 2>/dev/null || true
  # the app stops its node; a node left behind (the app killed) is ours to stop, by its pid file
  local node_pid
  node_pid="$(cat "$OUTPOST_DATA_DIR/elasticsearch/node.pid" 2>/dev/null || true)"
  if [[ -n "$node_pid" ]] && kill -0 "$node_pid" 2>/dev/null; then kill -TERM "$node_pid" || true; fi
  APP_PID=""
}
trap stop_app EXIT
trap "exit 130" INT TERM

# one start: sets T0 (launch, epoch ms), HEALTH and LOGIN (ms after launch); the log goes to $1
# $2: a jar to start with `java -jar` instead of `./outpost run`, or no-aot: `./outpost run` without its AOT cache
start_once() {
  local log="$1" jar="${2:-}" t0 health="" login="" code
  t0="$(now_ms)"
  if [[ "$jar" == no-aot ]]; then
    OUTPOST_AOT_CACHE=false ./outpost run >"$log" 2>&1 </dev/null &
  elif [[ -n "$jar" ]]; then
    "$JAVA" -jar "$jar" >"$log" 2>&1 </dev/null &
  else
    ./outpost run >"$log" 2>&1 </dev/null &
  fi
  APP_PID=$!
  while [[ -z "$health" ]]; do
    if ! kill -0 "$APP_PID" 2>/dev/null || (($(now_ms) - t0 > 600000)); then
      echo "startup-time: the app exited or was not healthy within 10 minutes; last lines of $log:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    if curl -s --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      health=$(($(now_ms) - t0))
    else
      sleep 0.1
    fi
  done
  while [[ -z "$login" ]]; do
    code="$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$BASE/login" || true)"
    if [[ "$code" == 200 ]]; then login=$(($(now_ms) - t0)); else sleep 0.1; fi
  done
  T0="$t0" HEALTH="$health" LOGIN="$login"
}

# milliseconds from launch to the first log line matching $2, or "-"
mark() {
  local log="$1" pattern="$2" t0="$3" stamp
  stamp="$(grep -m1 -E "$pattern" "$log" | cut -d' ' -f1 || true)"
  if [[ -z "$stamp" ]]; then echo "-"; else echo $(($(date -d "$stamp" +%s%3N) - t0)); fi
}

# the split of one run, each step as the launch-relative time its log line appeared
split() {
  local log="$1" t0="$2"
  printf '  %-58s %6s ms\n' \
    "JVM started, Spring Boot starting (script, JVM, logging)" "$(mark "$log" 'Starting OutpostApplication' "$t0")" \
    "web server initialized (bean definitions, Tomcat)" "$(mark "$log" 'Root WebApplicationContext: initialization completed' "$t0")" \
    "Elasticsearch node launched" "$(mark "$log" 'Starting Elasticsearch' "$t0")" \
    "database pool open" "$(mark "$log" 'HikariPool-1 - Start completed' "$t0")" \
    "Flyway done (validate, nothing to migrate)" "$(mark "$log" 'Schema .* is up to date|Successfully applied' "$t0")" \
    "Elasticsearch healthy" "$(mark "$log" 'Elasticsearch is up' "$t0")" \
    "Quartz scheduler created" "$(mark "$log" 'Quartz Scheduler v.* created' "$t0")" \
    "Vaadin in production mode" "$(mark "$log" 'Vaadin is running in production mode' "$t0")" \
    "Tomcat serving" "$(mark "$log" 'Tomcat started on port' "$t0")" \
    "context started (Started OutpostApplication)" "$(mark "$log" 'Started OutpostApplication' "$t0")" \
    "sample corpus checked (startup runners done)" "$(mark "$log" 'Sample corpus:' "$t0")"
  grep -m1 -o 'Started OutpostApplication in .*' "$log" | sed 's/^/  /' || true
}

stats() { # median and max of the numbers on stdin
  sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "median %d ms, max %d ms", m, a[NR] }'
}

if [[ ! -d "$OUTPOST_DATA_DIR/db" ]]; then
  echo "startup-time: no data in $OUTPOST_DATA_DIR yet; a first, unmeasured start creates it" >&2
  start_once "$LOGS/first.log"
  stop_app
fi

BUILT_JAR=dashboard/target/outpost.jar
if [[ "$BASELINE_JAR" == no-aot ]]; then
  BUILT_JAR="" # ./outpost run, with its AOT cache
  # the first start of a build records the cache (written when it stops): unmeasured, like the data folder's
  if [[ ! -s dashboard/target/aot/outpost.aot ]]; then
    start_once "$LOGS/aot-training.log"
    stop_app
  fi
fi
if [[ -n "$BASELINE_JAR" ]]; then
  echo "A/B warm starts, $BASELINE_JAR (baseline) then dashboard/target/outpost.jar: data $OUTPOST_DATA_DIR, port $PORT, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  base=()
  built=()
  ratios=()
  for run in $(seq 1 "$RUNS"); do
    start_once "$LOGS/baseline-$run.log" "$BASELINE_JAR"
    stop_app
    base+=("$HEALTH")
    echo "run $run baseline: healthy after $HEALTH ms, login page after $LOGIN ms (load $(cut -d' ' -f1 /proc/loadavg))"
    split "$LOGS/baseline-$run.log" "$T0"
    start_once "$LOGS/built-$run.log" "$BUILT_JAR"
    stop_app
    built+=("$HEALTH")
    ratios+=("$(awk -v a="$HEALTH" -v b="${base[-1]}" 'BEGIN { printf "%d", 1000 * a / b }')")
    echo "run $run built:    healthy after $HEALTH ms, login page after $LOGIN ms (load $(cut -d' ' -f1 /proc/loadavg))"
    split "$LOGS/built-$run.log" "$T0"
  done
  echo "baseline healthy: $(printf '%s\n' "${base[@]}" | stats)"
  echo "built healthy:    $(printf '%s\n' "${built[@]}" | stats)"
  echo "built/baseline per pair, in thousandths: ${ratios[*]}; $(printf '%s\n' "${ratios[@]}" | stats | sed 's/ ms//g')"
  exit 0
fi

echo "Warm starts of ./outpost run: data $OUTPOST_DATA_DIR, port $PORT, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
healths=()
logins=()
for run in $(seq 1 "$RUNS"); do
  start_once "$LOGS/run-$run.log"
  stop_app
  healths+=("$HEALTH")
  logins+=("$LOGIN")
  echo "run $run: healthy after $HEALTH ms, login page after $LOGIN ms (load $(cut -d' ' -f1 /proc/loadavg); log $LOGS/run-$run.log)"
  split "$LOGS/run-$run.log" "$T0"
done
echo "healthy (/actuator/health UP):  $(printf '%s\n' "${healths[@]}" | stats)"
echo "login page answering (200):     $(printf '%s\n' "${logins[@]}" | stats)"
