#!/usr/bin/env bash
# The flash-crowd benchmark: the all-in-one jar and the load generator on this machine, plain and
# combined sales modes side by side, on POST /api/sales, the legacy POST /send and a sell-out.
# Bounded: each scenario runs DURATION (default 20s) after WARMUP (30s). Traffic stays on 127.0.0.1.
#
#   scripts/benchmark.sh                 # both modes, all scenarios, then combined / plain per scenario
#   DURATION=10s CONCURRENCY=200 MODES="combined" scripts/benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}   # on 2 cores the JIT compilers compete with the load for about this long
CONCURRENCY=${CONCURRENCY:-200}
MODES=${MODES:-"plain combined"}
PORT=${PORT:-18080}
FACTORY_PORT=${FACTORY_PORT:-18081}
TOKEN=bench-token
OUT=${OUT:-target/benchmark}
# The app runs as users run it, through ./donut-states, on APP_JAVA_HOME (a JDK 21+ if there is one);
# the load generator runs on the same JDK, so its buyers are virtual threads there too.
APP_JAVA_HOME=${APP_JAVA_HOME:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64 || echo "${JAVA_HOME:-}" )}
APP_OPTS=${APP_OPTS:-}

[ -f all-in-one/target/donut-states.jar ] && [ -f loadgen/target/donut-loadgen.jar ] \
  || ./mvnw -q -B package -DskipTests
mkdir -p "$OUT"
app_java=${APP_JAVA_HOME:+$APP_JAVA_HOME/bin/}java
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr); app JVM: $("$app_java" -version 2>&1 | head -1)"

app_pid=""
stop_app() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; app_pid=""; }
trap stop_app EXIT

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_app() {
  local mode=$1 data
  for _ in $(seq 1 60); do port_free "$PORT" && port_free "$FACTORY_PORT" && break; sleep 0.5; done
  data=$(mktemp -d)
  local started=$(date +%s%N)
  JAVA_HOME=$APP_JAVA_HOME JAVA_OPTS=$APP_OPTS \
  SERVER_PORT=$PORT DONUT_FACTORY_PORT=$FACTORY_PORT DONUT_DATA_DIR=$data DONUT_ADMIN_TOKEN=$TOKEN \
  DONUT_SALES_MODE=$mode DONUT_FACTORY_DELAY=2s LOGGING_LEVEL_ROOT=WARN \
    ./donut-states > "$OUT/app-$mode.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$PORT/actuator/health/ping" > /dev/null 2>&1 \
       || curl -sf "http://127.0.0.1:$PORT/api/products" > /dev/null 2>&1; then
      echo "[$mode] up in $(( ($(date +%s%N) - started) / 1000000 )) ms ($(grep -o 'started in [0-9]* ms' "$OUT/app-$mode.log" || true))"
      return
    fi
    sleep 0.5
  done
  echo "app did not start; see $OUT/app-$mode.log" >&2; exit 1
}

rss_mb() { echo $(( $(ps -o rss= -p "$app_pid" | tr -d ' ') / 1024 )); }

load() {
  local mode=$1 name=$2; shift 2
  "$app_java" -jar loadgen/target/donut-loadgen.jar --url "http://127.0.0.1:$PORT" --concurrency "$CONCURRENCY" \
    --admin-token "$TOKEN" --label "$mode/$name" --json "$OUT/$mode-$name.json" --quiet "$@" \
    > "$OUT/$mode-$name.txt" 2>&1 || true
  echo "[$mode] $name: $(grep -E '^(requests|latency|outcomes) ' "$OUT/$mode-$name.txt" | grep -v closed | tr -s ' ' | paste -sd ';' -); $(grep -c 'consistency *PASS' "$OUT/$mode-$name.txt") consistency PASS; rss $(rss_mb) MB"
}

for mode in $MODES; do
  start_app "$mode"
  load "$mode" sales     --scenario flash-crowd --set-stock 1000000 --warmup "$WARMUP" --duration "$DURATION"
  load "$mode" send      --scenario legacy-send --set-stock 1000000 --warmup "$WARMUP" --duration "$DURATION"
  load "$mode" sell-out  --scenario flash-crowd --set-stock 5000 --warmup 0s --duration "$DURATION"
  stop_app
done
rate() { grep -o '"requestsPerSecond" : [0-9.]*' "$OUT/$1.json" 2>/dev/null | awk '{print $3}'; }
if [[ " $MODES " == *" plain "* && " $MODES " == *" combined "* ]]; then
  for name in sales send sell-out; do
    plain=$(rate "plain-$name"); combined=$(rate "combined-$name")
    if [ -n "$plain" ] && [ -n "$combined" ]; then
      awk -v n="$name" -v p="$plain" -v c="$combined" \
        'BEGIN { printf "combined / plain, %s: %.1fx (%.0f against %.0f requests/s)\n", n, c / p, c, p }'
    fi
  done
fi
echo "JSON summaries in $OUT/"
