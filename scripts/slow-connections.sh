#!/usr/bin/env bash
# The connection-flood check: starts the all-in-one shop (./donut-states, as users run it) on free
# ports, then scripts/SlowConnections.java measures its memory (RSS) with 2,000 ordinary keep-alive
# connections, holds 3,000 slow connections open for a minute (a header line every 5 s each, never
# finishing a request) while a buyer purchases every 2 s, and checks the shop still sells afterwards
# and stops on SIGTERM. Prints progress every few seconds and PASS or FAIL; stops what it started.
# Bounded: about 2 minutes plus the shop's start. Traffic stays on 127.0.0.1.
#
#   scripts/slow-connections.sh
#   SLOW_CONNECTIONS=6750 SLOW_SECONDS=120 scripts/slow-connections.sh
#   ORDINARY_CONNECTIONS=0 scripts/slow-connections.sh          # the slow connections only
#
# Settings (environment): SLOW_CONNECTIONS (3000), SLOW_SECONDS (60), LINE_EVERY_SECONDS (5),
# BUY_EVERY_SECONDS (2), ORDINARY_CONNECTIONS (2000), ORDINARY_SECONDS (20), RSS_LIMIT_MB (900, the
# shop's resident memory may not pass it in any phase), APP_JAVA_HOME (a JDK 21+
# if there is one, so the shop runs on virtual threads), APP_OPTS (extra JVM options of the shop),
# OUT (target/slow-connections).
set -euo pipefail
cd "$(dirname "$0")/.."

TOKEN=flood-token
OUT=${OUT:-target/slow-connections}
APP_JAVA_HOME=${APP_JAVA_HOME:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64 || echo "${JAVA_HOME:-}" )}
APP_OPTS=${APP_OPTS:-}
java=${APP_JAVA_HOME:+$APP_JAVA_HOME/bin/}java
slow=${SLOW_CONNECTIONS:-3000}
ordinary=${ORDINARY_CONNECTIONS:-2000}

# Every connection is a file descriptor on both sides (the shop and the check run under this shell).
need=$(( (slow > ordinary ? slow : ordinary) + 1000 ))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
  hard=$(ulimit -Hn)
  if [ "$hard" != unlimited ] && [ "$hard" -lt "$need" ]; then
    echo "slow-connections: needs $need open files, the hard limit is $hard (raise it, e.g. in limits.conf)" >&2
    exit 1
  fi
  ulimit -n "$need"
fi

[ -f all-in-one/target/donut-states.jar ] || ./mvnw -q -B package -DskipTests
rm -rf "$OUT"; mkdir -p "$OUT"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr); shop JVM: $("$java" -version 2>&1 | head -1); open files: $(ulimit -n)"

# shellcheck source=lib/ports.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/ports.sh"
PORT=$(free_port)
FACTORY_PORT=$(free_port)
API=http://127.0.0.1:$PORT

app_pid=""
stop_app() { [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; app_pid=""; }
trap stop_app EXIT

# Temporary files of its own (the embedded MariaDB's too), so a run beside others does not trip over theirs.
mkdir -p "$OUT/tmp"
started=$(date +%s)
TMPDIR="$PWD/$OUT/tmp" JAVA_HOME=$APP_JAVA_HOME JAVA_OPTS="-Djava.io.tmpdir=$PWD/$OUT/tmp $APP_OPTS" SERVER_PORT=$PORT DONUT_FACTORY_PORT=$FACTORY_PORT \
  DONUT_DATA_DIR="$OUT/data" DONUT_ADMIN_TOKEN=$TOKEN LOGGING_LEVEL_ROOT=WARN \
  ./donut-states > "$OUT/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do curl -sf "$API/api/products" > /dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$API/api/products" > /dev/null || { echo "the shop did not start; see $OUT/app.log" >&2; exit 1; }
echo "shop up in $(( $(date +%s) - started )) s (pid $app_pid, port $PORT)"
curl -sf -XPUT "$API/api/admin/products/CP-502101/stock" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"stock":1000000}' > /dev/null

result=0
SLOW_CONNECTIONS=$slow ORDINARY_CONNECTIONS=$ordinary \
  "$java" -Xss256k scripts/SlowConnections.java "$PORT" "$app_pid" 2>&1 | tee "$OUT/check.log" || result=1

# A shop that survived must also stop when asked (SIGTERM), not need kill -9. The first run after a
# build also writes the class-data-sharing archive as it stops (./donut-states), which can take a while.
if kill -0 "$app_pid" 2>/dev/null; then
  stopping=$(date +%s)
  kill -TERM "$app_pid"
  for _ in $(seq 1 180); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$app_pid" 2>/dev/null; then
    echo "FAIL: the shop did not stop within 90 s of SIGTERM" | tee -a "$OUT/check.log"; result=1
  else
    wait "$app_pid" 2>/dev/null || true
    echo "the shop stopped on SIGTERM in $(( $(date +%s) - stopping )) s" | tee -a "$OUT/check.log"
    app_pid=""
  fi
fi
grep -q "OutOfMemoryError" "$OUT/app.log" && { echo "FAIL: OutOfMemoryError in $OUT/app.log" | tee -a "$OUT/check.log"; result=1; }
echo "slow-connections: $([ $result = 0 ] && echo PASS || echo FAIL) in $(( $(date +%s) - started )) s (logs in $OUT/)"
exit $result
