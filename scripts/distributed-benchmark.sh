#!/usr/bin/env bash
# The flash crowd in the distributed shape: one transaction per purchase (plain mode, and the Lambda
# sales function), one hot product, the database a realistic round trip away, K stock slots against
# one. See docs/BENCHMARKS.md ("Distributed shape") and docs/scale-out.md.
#
#   scripts/distributed-benchmark.sh
#
# Build first: ./mvnw -q package -DskipTests   (the jars and the lambda module's test classes)
#
# Settings (environment):
#   DONUT_BENCH_DELAY (250us)          one-way delay the proxy adds between the shop and the database,
#                                      in each direction (a round trip of about twice that)
#   DONUT_BENCH_SLOTS ("1 8 16 32")    the numbers of slots compared, the first is the baseline
#   DONUT_BENCH_DURATION (15)          seconds measured per run (after a 3 s warm-up)
#   DONUT_BENCH_CONCURRENCY (64)       buyers at once (service runs) and containers (Lambda runs)
#   DONUT_BENCH_SHAPES ("service-1 lambda service-3")  which shapes to run
#   DONUT_BENCH_DIR (data/distributed-benchmark)       database, logs and results
# Everything started is stopped at the end, by PID (also on Ctrl-C).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/ports.sh
. "$ROOT/scripts/lib/ports.sh"
JAR="$ROOT/all-in-one/target/donut-states.jar"
LOADGEN_JAR="$ROOT/loadgen/target/donut-loadgen.jar"
LAMBDA_JAR="$ROOT/lambda/target/donut-states-lambda.jar"
LAMBDA_TESTS="$ROOT/lambda/target/test-classes"
DELAY="${DONUT_BENCH_DELAY:-250us}"
read -r -a SLOTS <<< "${DONUT_BENCH_SLOTS:-1 8 16 32}"
DURATION="${DONUT_BENCH_DURATION:-15}"
CONCURRENCY="${DONUT_BENCH_CONCURRENCY:-64}"
read -r -a SHAPES <<< "${DONUT_BENCH_SHAPES:-service-1 lambda service-3}"
DIR="${DONUT_BENCH_DIR:-$ROOT/data/distributed-benchmark}"
SKU=CP-502101
STOCK=1000000
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

say() { printf 'distributed-benchmark: %s\n' "$*"; }
die() { say "$*" >&2; exit 1; }

for f in "$JAR" "$LOADGEN_JAR" "$LAMBDA_JAR" "$LAMBDA_TESTS/io/donutstates/lambda/LambdaCrowdMain.class"; do
  [[ -e "$f" ]] || die "missing $f; build first: ./mvnw -q package -DskipTests"
done
command -v curl >/dev/null && command -v jq >/dev/null || die "curl and jq are needed"

rm -rf "$DIR"
mkdir -p "$DIR/logs" "$DIR/results" "$DIR/tmp"
PIDS=()
SCALE_OUT_DIRS=()
cleanup() {
  local d pid
  for d in "${SCALE_OUT_DIRS[@]}"; do DONUT_RUN_DIR="$d" "$ROOT/scripts/scale-out.sh" stop > /dev/null 2>&1 || true; done
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DB_PORT=$(free_port)
PROXY_PORT=$(free_port)
TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)"
say "starting the database on 127.0.0.1:$DB_PORT ..."
DONUT_DB_PORT="$DB_PORT" DONUT_DATA_DIR="$DIR/db" "$JAVA" -Xmx256m -Djava.io.tmpdir="$DIR/tmp" \
  -jar "$JAR" --mode=database > "$DIR/logs/database.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 180); do grep -q "JDBC URL" "$DIR/logs/database.log" && break; sleep 1; done
grep -q "JDBC URL" "$DIR/logs/database.log" || die "the database did not start (log: $DIR/logs/database.log)"
DB_PASSWORD=$(cat "$DIR/db/mariadb-private/password")

say "starting the latency proxy 127.0.0.1:$PROXY_PORT -> $DB_PORT ($DELAY each way) ..."
"$JAVA" -cp "$LOADGEN_JAR" io.donutstates.loadgen.LatencyProxy "$PROXY_PORT" "127.0.0.1:$DB_PORT" "$DELAY" \
  > "$DIR/logs/proxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 30); do (exec 3<>"/dev/tcp/127.0.0.1/$PROXY_PORT") 2>/dev/null && break; sleep 1; done

DB_URL="jdbc:mariadb://127.0.0.1:$PROXY_PORT/donut_states?createDatabaseIfNotExist=true"
ADMIN_URL=""

# start_service N: N plain-mode instances on the proxied database, through scripts/scale-out.sh
start_service() {
  local n="$1" ports=() i
  for ((i = 0; i < n; i++)); do ports+=("$(free_port)"); done
  local run="$DIR/scale-out-$n"
  SCALE_OUT_DIRS+=("$run")
  say "starting $n service instance(s) in plain mode (one transaction per purchase) ..."
  DONUT_RUN_DIR="$run" DONUT_DETACH=1 DONUT_DB_URL="$DB_URL" DONUT_DB_USER=donut DONUT_DB_PASSWORD="$DB_PASSWORD" \
    DONUT_INSTANCE_PORTS="${ports[*]}" DONUT_SQS_PORT="$(free_port)" DONUT_FACTORY_PORT="$(free_port)" \
    DONUT_ADMIN_TOKEN="$TOKEN" DONUT_SALES_MODE=plain DONUT_FACTORY_DELAY=1h \
    DONUT_JAVA_OPTS="-Xmx384m" "$ROOT/scripts/scale-out.sh" start > "$DIR/logs/scale-out-$n.log" 2>&1 \
    || { tail -20 "$DIR/logs/scale-out-$n.log" >&2; die "the service did not start"; }
  URLS=$(printf 'http://127.0.0.1:%s,' "${ports[@]}"); URLS="${URLS%,}"
  ADMIN_URL="http://127.0.0.1:${ports[0]}"
  SQS_ENDPOINT=$(grep -o 'Queues *http://[0-9.:]*' "$DIR/logs/scale-out-$n.log" | awk '{print $2}')
}

stop_service() {
  local n="$1"
  DONUT_RUN_DIR="$DIR/scale-out-$n" "$ROOT/scripts/scale-out.sh" stop > /dev/null 2>&1 || true
}

admin() { curl -sS --fail-with-body -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }

use_slots() {
  local out
  out=$(admin -X PUT "$ADMIN_URL/api/admin/products/$SKU/policy" \
    -d "{\"reorderQuantity\":10,\"reorderPoint\":0,\"slots\":$1}") || die "setting $1 slots: $out"
  out=$(admin -X PUT "$ADMIN_URL/api/admin/products/$SKU/stock" -d "{\"stock\":$STOCK}") \
    || die "setting the stock: $out"
}

stock_now() { curl -fsS "$ADMIN_URL/api/products/$SKU" | jq '.stock'; }
books_hold() { admin "$ADMIN_URL/api/admin/invariants" | jq -r '.holds'; }

# One line per run in results.tsv: shape, slots, sold/s, sold, failed, consistent
RESULTS="$DIR/results/results.tsv"
printf 'shape\tslots\tsold_per_s\tsold\terrors\tconsistent\n' > "$RESULTS"

run_service() {
  local shape="$1" k="$2" json="$DIR/results/$1-k$2.json"
  use_slots "$k"
  say "$shape, $k slot(s): $CONCURRENCY buyers for ${DURATION}s ..."
  "$JAVA" -jar "$LOADGEN_JAR" --url "$URLS" --sku "$SKU" --concurrency "$CONCURRENCY" --duration "${DURATION}s" \
    --warmup 3s --label "$shape k=$k" --json "$json" | sed 's/^/    /'
  local rate sold errors consistent
  rate=$(jq '(.sold / .measuredSeconds) | floor' "$json")
  sold=$(jq '.sold' "$json"); errors=$(jq '.errors' "$json")
  consistent=$(jq -r '.consistency.passed' "$json")
  [[ "$(books_hold)" == true ]] || consistent=false
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$shape" "$k" "$rate" "$sold" "$errors" "$consistent" >> "$RESULTS"
}

run_lambda() {
  local k="$1" log="$DIR/results/lambda-k$1.log" before after
  use_slots "$k"
  before=$(stock_now)
  say "lambda, $k slot(s): $CONCURRENCY containers for ${DURATION}s ..."
  DONUT_DB_URL="$DB_URL" DONUT_DB_USER=donut DONUT_DB_PASSWORD="$DB_PASSWORD" \
    DONUT_SQS_ENDPOINT="$SQS_ENDPOINT" DONUT_SQS_REGION=us-east-1 DONUT_FACTORY_URL=http://127.0.0.1:9 \
    DONUT_PUBLIC_URL=http://127.0.0.1:9 DONUT_RELAY_ON_SHORTAGE=false \
    "$JAVA" -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$LAMBDA_JAR:$LAMBDA_TESTS" \
    io.donutstates.lambda.LambdaCrowdMain "$CONCURRENCY" "$DURATION" "$SKU" 3 2>&1 | tee "$log" | sed 's/^/    /'
  after=$(stock_now)
  local line rate sold failed all consistent=true
  line=$(grep '^RESULT' "$log") || die "the Lambda crowd did not finish (log: $log)"
  rate=$(sed 's/.* rate=\([0-9]*\).*/\1/' <<< "$line"); sold=$(sed 's/.* sold=\([0-9]*\).*/\1/' <<< "$line")
  failed=$(sed 's/.* failed=\([0-9]*\).*/\1/' <<< "$line"); all=$(sed 's/.* soldInAll=\([0-9]*\).*/\1/' <<< "$line")
  (( before - after == all )) || { say "  stock fell by $((before - after)) but $all were sold"; consistent=false; }
  [[ "$(books_hold)" == true ]] || consistent=false
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "lambda x$CONCURRENCY" "$k" "$rate" "$sold" "$failed" "$consistent" >> "$RESULTS"
}

started=""
for shape in "${SHAPES[@]}"; do
  case "$shape" in
    service-1|lambda)
      if [[ "$started" != 1 ]]; then
        [[ -n "$started" ]] && stop_service "$started"
        start_service 1; started=1
      fi
      for k in "${SLOTS[@]}"; do
        if [[ "$shape" == lambda ]]; then run_lambda "$k"; else run_service "service x1" "$k"; fi
      done ;;
    service-3)
      [[ -n "$started" ]] && stop_service "$started"
      start_service 3; started=3
      for k in "${SLOTS[@]}"; do run_service "service x3" "$k"; done ;;
    *) die "unknown shape $shape (service-1, lambda, service-3)" ;;
  esac
done

say "results ($DELAY each way between the shop and the database; ${DURATION}s per run):"
awk -F'\t' 'NR == 1 { printf "%-14s %6s %10s %10s %7s %s\n", $1, $2, $3, "vs first", $5, $6; next }
  { if (!($1 in base)) base[$1] = $3;
    printf "%-14s %6s %10s %9.1fx %7s %s\n", $1, $2, $3, (base[$1] > 0 ? $3 / base[$1] : 0), $5, $6 }' "$RESULTS" \
  | tee "$DIR/results/summary.txt"
