#!/usr/bin/env bash
# Runs the Postman collection (examples/donut-states.postman_collection.json) with newman against a
# fresh all-in-one shop: starts ./donut-states on free ports with its own data directory and a
# factory that is given up after 3 s (so the collection's outage folder sees dead letters within
# seconds), runs every request of the collection top to bottom, and stops the shop by its PID.
# Exits non-zero when any request's test fails or the shop does not start. About a minute plus the
# shop's start. newman (npm, pinned below) is installed once into target/npm-newman-<version>.
#
#   scripts/postman.sh
#   NEWMAN_ARGS="--folder Sales" scripts/postman.sh        # one folder only
#
# Settings (environment): OUT (target/postman), NEWMAN_ARGS (extra newman options).
set -euo pipefail
cd "$(dirname "$0")/.."

NEWMAN_VERSION=6.2.2
OUT=${OUT:-target/postman}
TOOLS=target/npm-newman-$NEWMAN_VERSION
TOKEN=postman-$RANDOM$RANDOM

command -v node > /dev/null && command -v npm > /dev/null || { echo "postman: needs node and npm" >&2; exit 1; }
if [ ! -x "$TOOLS/node_modules/.bin/newman" ]; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --no-save "newman@$NEWMAN_VERSION" > "$TOOLS/npm-install.log" 2>&1 \
    || { echo "postman: npm install newman@$NEWMAN_VERSION failed; see $TOOLS/npm-install.log" >&2; exit 1; }
fi
[ -f all-in-one/target/donut-states.jar ] || ./mvnw -q -B package -DskipTests
rm -rf "$OUT"; mkdir -p "$OUT/tmp"

# shellcheck source=lib/ports.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/ports.sh"
PORT=$(free_port)
FACTORY_PORT=$(free_port)
while [ "$FACTORY_PORT" = "$PORT" ]; do FACTORY_PORT=$(free_port); done
API=http://127.0.0.1:$PORT

app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid"
    for _ in $(seq 1 60); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
trap stop_app EXIT

started=$(date +%s)
TMPDIR="$PWD/$OUT/tmp" JAVA_OPTS="-Djava.io.tmpdir=$PWD/$OUT/tmp" DONUT_CDS=off \
  SERVER_PORT=$PORT DONUT_FACTORY_PORT=$FACTORY_PORT DONUT_DATA_DIR="$OUT/data" DONUT_ADMIN_TOKEN=$TOKEN \
  DONUT_FACTORY_DELAY=300ms DONUT_FACTORY_GIVE_UP_AFTER=3s DONUT_FACTORY_CIRCUIT_OPEN_FOR=1s \
  DONUT_QUEUE_DEAD_LETTER_WATCH_INTERVAL=1s DONUT_QUEUE_FIRST_RETRY_DELAY=200ms DONUT_QUEUE_MAX_RETRY_DELAY=1s \
  DONUT_QUEUE_POLL_WAIT=1s LOGGING_LEVEL_ROOT=WARN \
  ./donut-states > "$OUT/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 360); do
  curl -sf "$API/actuator/health" > /dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { echo "postman: the shop stopped while starting; see $OUT/app.log" >&2; tail -20 "$OUT/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "$API/actuator/health" > /dev/null || { echo "postman: the shop did not start; see $OUT/app.log" >&2; exit 1; }
echo "postman: shop up in $(( $(date +%s) - started )) s (pid $app_pid, port $PORT, factory $FACTORY_PORT)"

result=0
# shellcheck disable=SC2086
"$TOOLS/node_modules/.bin/newman" run examples/donut-states.postman_collection.json \
  --env-var "baseUrl=$API" --env-var "factoryUrl=http://127.0.0.1:$FACTORY_PORT" --env-var "adminToken=$TOKEN" \
  --timeout-request 30000 --reporters cli,json --reporter-json-export "$OUT/newman.json" --color off \
  ${NEWMAN_ARGS:-} || result=1

stop_app
echo "postman: $([ $result = 0 ] && echo PASS || echo FAIL) in $(( $(date +%s) - started )) s (shop log in $OUT/app.log)"
exit $result
