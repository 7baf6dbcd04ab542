#!/usr/bin/env bash
# Donut-States scaled out on one machine, no Docker: one database, one queue server, one factory
# simulator and three service instances that share them. See docs/scale-out.md.
#
#   scripts/scale-out.sh [start]     start everything, wait for health, print the URLs; Ctrl-C stops all
#   scripts/scale-out.sh stop        stop what a detached start (DONUT_DETACH=1) or another terminal started
#   scripts/scale-out.sh status      what is running
#   scripts/scale-out.sh load [...]  the load generator across the three instances (extra options passed on)
#
# Settings (environment):
#   DONUT_DB_URL, DONUT_DB_USER, DONUT_DB_PASSWORD  use this MySQL 8 / MariaDB 10.6+ instead of starting one
#   DONUT_DB_PORT (3306), DONUT_SQS_PORT (9324), DONUT_FACTORY_PORT (8081)
#   DONUT_INSTANCE_PORTS ("8080 8082 8083")         one service instance per port
#   DONUT_ADMIN_TOKEN                               shared by all instances (generated and kept in the run dir if unset)
#   DONUT_RUN_DIR (data/scale-out)                  database files, logs, pid files
#   DONUT_DETACH=1                                  return after start instead of waiting for Ctrl-C
#   DONUT_JAVA_OPTS ("-Xmx384m -XX:+UseSerialGC")   JVM options of every process (always with
#                   -XX:+ExitOnOutOfMemoryError: a JVM out of memory exits rather than limps on)
#   DONUT_STARTUP_TIMEOUT (240)                     seconds to wait for each part to become healthy
# Anything else DONUT_* (e.g. DONUT_FACTORY_DELAY, DONUT_REPLENISHMENT_DEADLINE) reaches every process.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/all-in-one/target/donut-states.jar"
FACTORY_JAR="$ROOT/factory-simulator/target/factory-simulator.jar"
LOADGEN_JAR="$ROOT/loadgen/target/donut-loadgen.jar"
RUN_DIR="${DONUT_RUN_DIR:-$ROOT/data/scale-out}"
PID_DIR="$RUN_DIR/pids"
LOG_DIR="$RUN_DIR/logs"
DB_PORT="${DONUT_DB_PORT:-3306}"
SQS_PORT="${DONUT_SQS_PORT:-9324}"
FACTORY_PORT="${DONUT_FACTORY_PORT:-8081}"
read -r -a INSTANCE_PORTS <<< "${DONUT_INSTANCE_PORTS:-8080 8082 8083}"
read -r -a JAVA_OPTS <<< "-XX:+ExitOnOutOfMemoryError ${DONUT_JAVA_OPTS:--Xmx384m -XX:+UseSerialGC}"
STARTUP_TIMEOUT="${DONUT_STARTUP_TIMEOUT:-240}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

say() { printf '%s\n' "$*"; }
die() { printf 'scale-out: %s\n' "$*" >&2; exit 1; }

instance_urls() {
  local urls=() port
  for port in "${INSTANCE_PORTS[@]}"; do urls+=("http://127.0.0.1:$port"); done
  (IFS=,; printf '%s' "${urls[*]}")
}

admin_token() {
  if [[ -n "${DONUT_ADMIN_TOKEN:-}" ]]; then
    printf '%s' "$DONUT_ADMIN_TOKEN"
  elif [[ -s "$RUN_DIR/admin-token" ]]; then
    cat "$RUN_DIR/admin-token"
  else
    mkdir -p "$RUN_DIR"
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$RUN_DIR/admin-token")
    cat "$RUN_DIR/admin-token"
  fi
}

alive() { [[ -f "$PID_DIR/$1.pid" ]] && kill -0 "$(cat "$PID_DIR/$1.pid")" 2>/dev/null; }

port_taken() { ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; }

# start NAME COMMAND... : in the background, output to logs/NAME.log, pid in pids/NAME.pid
start() {
  local name="$1"; shift
  mkdir -p "$PID_DIR" "$LOG_DIR" "$RUN_DIR/tmp/$name"
  "$@" >> "$LOG_DIR/$name.log" 2>&1 &
  echo $! > "$PID_DIR/$name.pid"
}

# await NAME DESCRIPTION CHECK... : until CHECK succeeds, the process dies, or the timeout passes
await() {
  local name="$1" what="$2"; shift 2
  local deadline=$((SECONDS + STARTUP_TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if ! alive "$name"; then
      tail -n 30 "$LOG_DIR/$name.log" >&2 || true
      die "$name exited before $what (log: $LOG_DIR/$name.log)"
    fi
    if (( SECONDS >= deadline )); then
      tail -n 30 "$LOG_DIR/$name.log" >&2 || true
      die "$name: no $what within ${STARTUP_TIMEOUT}s (log: $LOG_DIR/$name.log)"
    fi
    sleep 1
  done
}

healthy() { curl -fsS --max-time 3 "$1" | grep -q '"UP"'; }
log_says() { grep -q -- "$2" "$LOG_DIR/$1.log"; }

# Stops one part: SIGTERM (the database stops its mariadbd on the way out), SIGKILL after 30 s.
stop_one() {
  local name="$1" pid children i
  [[ -f "$PID_DIR/$name.pid" ]] || return 0
  pid="$(cat "$PID_DIR/$name.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    children="$(ps -o pid= --ppid "$pid" 2>/dev/null | tr -d ' ' || true)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 30; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "  $name did not stop within 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    for child in $children; do kill -KILL "$child" 2>/dev/null || true; done
    say "  stopped $name (pid $pid)"
  fi
  rm -f "$PID_DIR/$name.pid"
}

stop_all() {
  local f instances=()
  say "stopping Donut-States (scale-out) ..."
  shopt -s nullglob
  for f in "$PID_DIR"/instance-*.pid; do instances=("$(basename "$f" .pid)" "${instances[@]}"); done
  for f in "${instances[@]}"; do stop_one "$f"; done
  stop_one factory
  stop_one queues
  stop_one database
}

status() {
  local f name
  shopt -s nullglob
  for f in "$PID_DIR"/*.pid; do
    name="$(basename "$f" .pid)"
    if alive "$name"; then say "  $name running (pid $(cat "$f"))"; else say "  $name not running (stale pid file)"; fi
  done
}

start_all() {
  [[ -f "$JAR" ]] || die "no $JAR; build first: ./mvnw -q package -DskipTests"
  [[ -f "$FACTORY_JAR" ]] || die "no $FACTORY_JAR; build first: ./mvnw -q package -DskipTests"
  command -v curl >/dev/null || die "curl is needed to check health"
  local name
  for name in database queues factory instance-1; do
    alive "$name" && die "already running ($name); scripts/scale-out.sh stop first"
  done
  local wanted=("$SQS_PORT" "$FACTORY_PORT" "${INSTANCE_PORTS[@]}") port
  [[ -z "${DONUT_DB_URL:-}" ]] && wanted+=("$DB_PORT")
  for port in "${wanted[@]}"; do
    port_taken "$port" && die "port $port is in use; choose others (DONUT_DB_PORT, DONUT_SQS_PORT, DONUT_FACTORY_PORT, DONUT_INSTANCE_PORTS)"
  done
  local token db_url db_user db_password
  token="$(admin_token)"
  mkdir -p "$RUN_DIR"
  [[ "${DONUT_DETACH:-0}" == 1 ]] || trap 'stop_all; exit 0' INT TERM
  trap 'rc=$?; if ((rc != 0)); then stop_all; fi' EXIT

  # 1. The database: the one given, or the jar's embedded MariaDB on its own.
  if [[ -n "${DONUT_DB_URL:-}" ]]; then
    db_url="$DONUT_DB_URL"; db_user="${DONUT_DB_USER:-donut}"; db_password="${DONUT_DB_PASSWORD:-}"
    say "database: $db_url (given)"
  else
    db_url="jdbc:mariadb://127.0.0.1:$DB_PORT/donut_states?createDatabaseIfNotExist=true"; db_user=donut; db_password=
    say "database: starting MariaDB on 127.0.0.1:$DB_PORT (data in $RUN_DIR/mariadb) ..."
    start database env -u DONUT_MODE DONUT_DB_PORT="$DB_PORT" DONUT_DATA_DIR="$RUN_DIR" \
      "$JAVA" "${JAVA_OPTS[@]}" -Djava.io.tmpdir="$RUN_DIR/tmp/database" -jar "$JAR" --mode=database
  fi

  # 2. The queue server and 3. the factory simulator, meanwhile.
  say "queues:   starting ElasticMQ on 127.0.0.1:$SQS_PORT ..."
  start queues env -u DONUT_MODE DONUT_SQS_PORT="$SQS_PORT" DONUT_DATA_DIR="$RUN_DIR" \
    "$JAVA" "${JAVA_OPTS[@]}" -Djava.io.tmpdir="$RUN_DIR/tmp/queues" -jar "$JAR" --mode=queues
  say "factory:  starting the simulator on 127.0.0.1:$FACTORY_PORT ..."
  start factory env DONUT_FACTORY_PORT="$FACTORY_PORT" \
    "$JAVA" "${JAVA_OPTS[@]}" -Djava.io.tmpdir="$RUN_DIR/tmp/factory" -jar "$FACTORY_JAR"

  if [[ -z "${DONUT_DB_URL:-}" ]]; then
    await database "the JDBC URL" log_says database "JDBC URL"
    # The database requires the shop user's password, which it keeps under its data directory.
    db_password=$(cat "$RUN_DIR/mariadb-private/password")
  fi
  await queues "its endpoint" log_says queues "Endpoint"
  await factory "health" curl -fsS --max-time 3 "http://127.0.0.1:$FACTORY_PORT/health"

  # 4. The service instances: nothing embedded, the same database, queues, factory and admin token.
  local i=0
  for port in "${INSTANCE_PORTS[@]}"; do
    i=$((i + 1))
    say "instance-$i: starting the service on 127.0.0.1:$port ..."
    start "instance-$i" env -u DONUT_MODE SERVER_PORT="$port" DONUT_PUBLIC_URL="http://127.0.0.1:$port" \
      DONUT_DB_URL="$db_url" DONUT_DB_USER="$db_user" DONUT_DB_PASSWORD="$db_password" \
      DONUT_SQS_ENDPOINT="http://127.0.0.1:$SQS_PORT" DONUT_FACTORY_URL="http://127.0.0.1:$FACTORY_PORT" \
      DONUT_ADMIN_TOKEN="$token" DONUT_DEMO_CATALOG="${DONUT_DEMO_CATALOG:-true}" \
      "$JAVA" "${JAVA_OPTS[@]}" -Djava.io.tmpdir="$RUN_DIR/tmp/instance-$i" -jar "$JAR"
  done
  i=0
  for port in "${INSTANCE_PORTS[@]}"; do
    i=$((i + 1))
    await "instance-$i" "health" healthy "http://127.0.0.1:$port/actuator/health"
  done

  say ""
  say "=== Donut-States is open (scale-out: ${#INSTANCE_PORTS[@]} instances) ==="
  i=0
  for port in "${INSTANCE_PORTS[@]}"; do
    i=$((i + 1))
    say "  instance-$i         http://127.0.0.1:$port/api/products   (health: /actuator/health)"
  done
  say "  Factory simulator  http://127.0.0.1:$FACTORY_PORT   (orders: GET /api/orders, faults: PUT /api/admin/faults)"
  say "  Queues             http://127.0.0.1:$SQS_PORT   (stock_queue -> dead_letter_queue)"
  say "  Database           $db_url"
  if [[ -n "${DONUT_ADMIN_TOKEN:-}" ]]; then
    say "  Admin token        from DONUT_ADMIN_TOKEN"
  else
    say "  Admin token        $token   (kept in $RUN_DIR/admin-token)"
  fi
  say "  Logs               $LOG_DIR"
  say "  Load               scripts/scale-out.sh load"
  trap - EXIT
  if [[ "${DONUT_DETACH:-0}" == 1 ]]; then
    say "  Stop               scripts/scale-out.sh stop"
    return 0
  fi
  say "  Stop               Ctrl-C"
  # Until Ctrl-C (the trap stops everything) or until every part has exited by itself.
  wait
}

load() {
  [[ -f "$LOADGEN_JAR" ]] || die "no $LOADGEN_JAR; build first: ./mvnw -q package -DskipTests"
  local token
  token="$(admin_token)"
  exec "$JAVA" -jar "$LOADGEN_JAR" --url "$(instance_urls)" --admin-token "$token" \
    --set-stock 100 --duration 30s --concurrency 200 --label "scale-out x${#INSTANCE_PORTS[@]}" "$@"
}

case "${1:-start}" in
  start) start_all ;;
  stop) stop_all ;;
  status) status ;;
  load) shift; load "$@" ;;
  -h|--help|help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (start, stop, status, load)" ;;
esac
