#!/usr/bin/env bash
# The soak: a season's history, then a long mixed crowd with factory faults and the purge running.
#
#  1. a database (--mode=database) and the shop against it; the shop migrates the schema once;
#  2. SEED_LINES ledger lines (default 20 million) seeded in bulk SQL (scripts/SeedHistory.java),
#     with their sales, delivered replenishments and published outbox events;
#  3. the shop again, with a factory that refuses 20 % of orders and calls back twice, the purge
#     every 10 s; half the catalog with ample stock (always sold), half re-ordered a hundred at a
#     time (sold out most of the time, restocked every few seconds), so the mix of sales and
#     refusals, and with it the cost of a purchase, stays the same from minute to minute;
#  4. a minute of warm-up, then MINUTES (default 10) one-minute crowds over the whole catalog
#     (loadgen --scenario catalog) while health and the dashboard's reads are probed twice a second.
#
# Every minute prints purchases/s, p99, health p99, the slowest other read, table sizes and the RSS
# of the shop and of the database. It passes when the last minute's throughput and p99 are within
# 10 % of the first's (no worse), health p99 stays at or under 50 ms every minute, the audit holds
# and no replenishment is stuck past its deadline. Then (REPLAY=1, the default) an operator's full
# replay of every kept ledger line runs, with its progress. Traffic stays on 127.0.0.1.
#
#   scripts/soak.sh
#   SEED_LINES=2000000 MINUTES=2 scripts/soak.sh     # a short rehearsal
#   SEED_LINES=0 MINUTES=0 scripts/soak.sh            # the reads at rest on a fresh database
set -euo pipefail
cd "$(dirname "$0")/.."

SEED_LINES=${SEED_LINES:-20000000}
MINUTES=${MINUTES:-10}
# 64 buyers keep the shop busy (about 6,500 purchases/s here) without the machine's own queueing
# for its 2 cores dominating every latency; the peak with 200 buyers is scripts/benchmark.sh's.
CONCURRENCY=${CONCURRENCY:-64}
PORT=${PORT:-18080}
FACTORY_PORT=${FACTORY_PORT:-18081}
DB_PORT=${DB_PORT:-13306}
TOKEN=soak-token
OUT=${OUT:-target/soak}
APP_JAVA_HOME=${APP_JAVA_HOME:-$( [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && echo /usr/lib/jvm/temurin-25-jdk-amd64 || echo "${JAVA_HOME:-}" )}
java=${APP_JAVA_HOME:+$APP_JAVA_HOME/bin/}java
API=http://127.0.0.1:$PORT
DB_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/donut_states?createDatabaseIfNotExist=true"

[ -f all-in-one/target/donut-states.jar ] && [ -f loadgen/target/donut-loadgen.jar ] \
  || ./mvnw -q -B package -DskipTests
rm -rf "$OUT"; mkdir -p "$OUT/data" "$OUT/minutes"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr); JVM: $("$java" -version 2>&1 | head -1)"

db_pid=""; app_pid=""; probe_pid=""
stop() { local pid=$1; [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; }
cleanup() { stop "$probe_pid"; stop "$app_pid"; stop "$db_pid"; }
trap cleanup EXIT
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
admin() { curl -sf -H "Authorization: Bearer $TOKEN" "$@"; }

# ---------------------------------------------------------------- the database and the schema
DONUT_DB_PORT=$DB_PORT DONUT_DATA_DIR=$OUT/data "$java" -jar all-in-one/target/donut-states.jar --mode=database \
  > "$OUT/database.log" 2>&1 &
db_pid=$!
for _ in $(seq 1 120); do listening "$DB_PORT" && break; sleep 0.5; done
listening "$DB_PORT" || { echo "the database did not start; see $OUT/database.log" >&2; exit 1; }
mariadbd_pid() { pgrep -f "mariadbd.*--port=$DB_PORT" | head -1; }
# The database requires the shop user's password, which it keeps under its data directory.
DB_PASSWORD=$(cat "$OUT/data/mariadb-private/password")

start_app() {
  env SERVER_PORT=$PORT DONUT_FACTORY_PORT=$FACTORY_PORT DONUT_DATA_DIR=$OUT/data DONUT_ADMIN_TOKEN=$TOKEN \
    DONUT_DB_URL="$DB_URL" DONUT_DB_USER=donut DONUT_DB_PASSWORD="$DB_PASSWORD" DONUT_DEMO_CATALOG=true \
    DONUT_FACTORY_DELAY=2s DONUT_FACTORY_FAILURE_RATE=0.2 DONUT_FACTORY_DUPLICATE_CALLBACKS=true \
    DONUT_PURGE_INTERVAL=10s LOGGING_LEVEL_ROOT=WARN LOGGING_LEVEL_IO_DONUTSTATES=INFO \
    JAVA_HOME=$APP_JAVA_HOME ./donut-states > "$OUT/app-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do curl -sf "$API/api/products" > /dev/null 2>&1 && return; sleep 0.5; done
  echo "the shop did not start; see $OUT/app-$1.log" >&2; exit 1
}

start_app schema
stop "$app_pid"; app_pid=""

# ---------------------------------------------------------------- a season's history
"$java" -cp 'all-in-one/target/lib/*' scripts/SeedHistory.java "$DB_URL" donut "$DB_PASSWORD" "$SEED_LINES" | tee "$OUT/seed.log"

start_app soak
n=0
for sku in $(curl -sf "$API/api/products" | grep -o '"sku":"[^"]*"' | cut -d'"' -f4); do
  if [ $((n++ % 2)) = 0 ]; then
    admin -XPUT "$API/api/admin/products/$sku/stock" -H 'Content-Type: application/json' -d '{"stock":1000000}' > /dev/null
    admin -XPUT "$API/api/admin/products/$sku/policy" -H 'Content-Type: application/json' \
      -d '{"reorderQuantity":1000000,"reorderPoint":500000}' > /dev/null
  else
    admin -XPUT "$API/api/admin/products/$sku/stock" -H 'Content-Type: application/json' -d '{"stock":0}' > /dev/null
    admin -XPUT "$API/api/admin/products/$sku/policy" -H 'Content-Type: application/json' \
      -d '{"reorderQuantity":100,"reorderPoint":0}' > /dev/null
  fi
done
echo "history: $(admin "$API/api/admin/invariants" | grep -o '"newestLine":[0-9]*' | cut -d: -f2 | sort -n | tail -1) is the newest ledger line"

# ---------------------------------------------------------------- probes: health and the dashboard's reads
probe() {
  local minute_file=$OUT/minute
  echo 0 > "$minute_file"
  while true; do
    local m; m=$(cat "$minute_file")
    curl -s -o /dev/null -w '%{time_total}\n' "$API/actuator/health" >> "$OUT/minutes/health-$m" || true
    for path in /api/admin/invariants /api/ops/summary "/api/replenishments?limit=20" \
                "/api/products/CP-502101/ledger?limit=50" /api/products /actuator/prometheus; do
      curl -s -o /dev/null -w "%{time_total} $path\n" -H "Authorization: Bearer $TOKEN" "$API$path" \
        >> "$OUT/minutes/reads-$m" || true
    done
    sleep 0.5
  done
}
probe & probe_pid=$!

p99_ms() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f", v[i] * 1000 }'; }
rss_mb() { [ -n "$1" ] && echo $(( $(ps -o rss= -p "$1" | tr -d ' ') / 1024 )) || echo "-"; }
tables() {
  admin "$API/actuator/prometheus" | awk -F'[{}"]' '/^donut_table_rows\{/ { split($0, parts, " "); printf "%s=%d ", $3, parts[length(parts)] }'
}
crowd() {
  "$java" -jar loadgen/target/donut-loadgen.jar --url "$API" --scenario catalog --quantity 1-3 \
    --concurrency "$CONCURRENCY" --admin-token "$TOKEN" --quiet "$@"
}

crowd --label warm-up --warmup 0s --duration 60s > "$OUT/warm-up.txt" 2>&1 || true
printf '%-6s %12s %9s %7s %11s %12s %9s %8s  %s\n' minute purchases/s p99_ms sold_% health_p99 slowest_read app_rss db_rss tables
for minute in $(seq 1 "$MINUTES"); do
  echo "$minute" > "$OUT/minute"
  crowd --label "minute $minute" --warmup 0s --duration 60s --json "$OUT/minutes/load-$minute.json" \
    > "$OUT/minutes/load-$minute.txt" 2>&1 || true
  rate=$(grep -o '"requestsPerSecond" : [0-9.]*' "$OUT/minutes/load-$minute.json" | awk '{printf "%.0f", $3}')
  p99=$(grep -o '"p99" : [0-9.]*' "$OUT/minutes/load-$minute.json" | head -1 | awk '{printf "%.1f", $3}')
  sold=$(awk '/^outcomes/ { printf "%.0f", 100 * $3 / ($3 + $5) }' "$OUT/minutes/load-$minute.txt")
  health=$(p99_ms < "$OUT/minutes/health-$minute")
  slowest=$(awk '{print $1}' "$OUT/minutes/reads-$minute" | p99_ms)
  printf '%-6s %12s %9s %7s %11s %12s %9s %8s  %s\n' "$minute" "$rate" "$p99" "$sold" "$health" "$slowest" \
    "$(rss_mb "$(pgrep -f "donut-states.jar" | grep -v "$db_pid" | head -1)")" "$(rss_mb "$(mariadbd_pid)")" "$(tables)"
  echo "$minute $rate $p99 $health $slowest" >> "$OUT/minutes.txt"
done
stop "$probe_pid"; probe_pid=""

# ---------------------------------------------------------------- verdict
verdict=PASS
first_rate=-; first_p99=-; last_rate=-; last_p99=-
if [ -s "$OUT/minutes.txt" ]; then
  read -r _ first_rate first_p99 _ _ < <(head -1 "$OUT/minutes.txt")
  read -r _ last_rate last_p99 _ _ < <(tail -1 "$OUT/minutes.txt")
  awk -v f="$first_rate" -v l="$last_rate" 'BEGIN { exit !(l >= 0.9 * f) }' \
    || { echo "FAIL: last minute $last_rate purchases/s against $first_rate in the first"; verdict=FAIL; }
  awk -v f="$first_p99" -v l="$last_p99" 'BEGIN { exit !(l <= 1.1 * f) }' \
    || { echo "FAIL: last minute p99 $last_p99 ms against $first_p99 ms in the first"; verdict=FAIL; }
  awk '$4 == "-" || $4 > 50 { bad = 1 } END { exit bad }' "$OUT/minutes.txt" \
    || { echo "FAIL: health p99 above 50 ms in some minute"; verdict=FAIL; }
fi
# The background audit follows every line written during the crowd, then the audit must hold.
for _ in $(seq 1 120); do
  admin "$API/actuator/health" 2>/dev/null | grep -q '"auditCaughtUp":true' && break || true
  sleep 1
done
holds=$(admin "$API/api/admin/invariants" | grep -o '"holds":[a-z]*' | cut -d: -f2 || true)
[ "$holds" = true ] || { echo "FAIL: the ledger audit does not hold (${holds:-no answer})"; verdict=FAIL; }
# Stuck: still open longer than the replenishment deadline (3 min) after the crowd has gone.
now=$(date +%s)
stuck=0
while read -r at; do
  [ -n "$at" ] && [ $(( now - $(date -d "$at" +%s) )) -gt 180 ] && stuck=$((stuck + 1))
done < <(admin "$API/api/replenishments?limit=200" | tr '{' '\n' | grep -E '"status":"(REQUESTED|ORDERED)"' \
           | grep -o '"requestedAt":"[^"]*"' | cut -d'"' -f4 || true)
[ "$stuck" -eq 0 ] || { echo "FAIL: $stuck replenishment(s) open for more than 3 minutes"; verdict=FAIL; }
echo "purged: $(admin "$API/actuator/prometheus" | grep '^donut_purged_rows_total' | awk '{printf "%s ", $0}' || true)"

# The full replay of every kept line, as an operator would start it, with its progress.
if [ "${REPLAY:-1}" = 1 ]; then
  started=$(date +%s)
  admin -XPOST "$API/api/admin/ledger/replay" > /dev/null
  while true; do
    progress=$(admin "$API/api/admin/ledger/replay" || true)
    echo "replay: $(echo "$progress" | grep -o '"status":"[A-Z]*"\|"checked":[0-9]*\|"aboutTotal":[0-9]*' | paste -sd ' ' -), $(( $(date +%s) - started )) s"
    echo "$progress" | grep -q '"status":"DONE"' && break
    sleep 10
  done
  replay_holds=$(admin "$API/api/admin/invariants" | grep -o '"holds":[a-z]*' | cut -d: -f2 || true)
  [ "$replay_holds" = true ] || { echo "FAIL: the audit does not hold after the full replay"; verdict=FAIL; }
fi
# The same reads at rest, 200 calls each, one after another (compare with SEED_LINES=0 MINUTES=0).
for path in /actuator/health /api/admin/invariants /api/ops/summary "/api/replenishments?limit=20" \
            "/api/products/CP-502101/ledger?limit=50" /api/products /actuator/prometheus; do
  for _ in $(seq 1 200); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$API$path" || true
  done | sort -n | awk -v p="$path" '{ v[NR] = $1 } END { printf "at rest: %-42s p50 %5.1f ms  p99 %5.1f ms\n", p, v[int(NR * 0.5)] * 1000, v[int(NR * 0.99)] * 1000 }'
done
echo "soak: $verdict (first minute $first_rate/s p99 $first_p99 ms; last $last_rate/s p99 $last_p99 ms; audit holds: $holds)"
[ "$verdict" = PASS ]
