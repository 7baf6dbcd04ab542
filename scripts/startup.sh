#!/usr/bin/env bash
# Start-up benchmark: starts the all-in-one shop RUNS times (default 4) on one data directory, each
# time until GET /api/products answers, then stops it. The first run unpacks MariaDB and, on Java 19+,
# leaves the class-data-sharing archive that later runs load. Prints the time to the first answer.
#
#   scripts/startup.sh                          # ./donut-states on $JAVA_HOME (or java on the PATH)
#   RUNS=6 JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/startup.sh
#   LAUNCH="java -jar all-in-one/target/donut-states.jar" scripts/startup.sh   # without the launcher
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-4}
PORT=${PORT:-18080}
LAUNCH=${LAUNCH:-./donut-states}
[ -f all-in-one/target/donut-states.jar ] || ./mvnw -q -B package -DskipTests
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
echo "machine: $(nproc) cores; launch: $LAUNCH; java: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
for run in $(seq 1 "$RUNS"); do
  started=$(date +%s%N)
  # shellcheck disable=SC2086  # LAUNCH is a command line
  SERVER_PORT=$PORT DONUT_FACTORY_PORT=0 DONUT_DATA_DIR=$data DONUT_ADMIN_TOKEN=startup LOGGING_LEVEL_ROOT=WARN \
    $LAUNCH > "$data/run-$run.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$PORT/api/products" > /dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "run $run: the shop exited; see below" >&2; tail -20 "$data/run-$run.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "run $run: first answer after $(( ($(date +%s%N) - started) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
