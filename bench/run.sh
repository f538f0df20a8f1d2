#!/usr/bin/env bash
# The performance benchmark of issue 8: the application jar under -Xmx512m on a throwaway H2 file and a
# throwaway PostgreSQL database, measured over HTTP by com.carloan.overdue.bench.BenchmarkDriver; one table
# per database: figure | measured | target | met?. Not part of ./mvnw verify (BenchmarkSmokeTest is).
#
#   bench/run.sh                       # both databases, full size (issue 8)
#   bench/run.sh h2                    # one of them
#   CASES=2000 TASKS=5000 CLOSED=10000 bench/run.sh     # a reduced run
#
# Sizes: CASES (20000: imported, and as many floor instances), TASKS (50000 open tasks for Tasklist),
# SAMPLES (200 per Tasklist call), AGENTS (20), COMPLETIONS (1000 calls completed), CLOSED (100000 closed
# cases behind the dashboard). HEAP (512m), PORT (18100), KEEP=1 keeps the work directory (logs, H2 file)
# and the PostgreSQL database (drop it yourself). APP_JAVA_OPTS: more JVM options for the application, e.g.
# APP_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile" KEEP=1 to profile a run.
set -euo pipefail
cd "$(dirname "$0")/.."

CASES=${CASES:-20000}
TASKS=${TASKS:-50000}
SAMPLES=${SAMPLES:-200}
AGENTS=${AGENTS:-20}
COMPLETIONS=${COMPLETIONS:-1000}
CLOSED=${CLOSED:-100000}
HEAP=${HEAP:-512m}
PORT=${PORT:-18100}
PG_HOST=${PG_HOST:-127.0.0.1}
dbs=("$@")
[ ${#dbs[@]} -eq 0 ] && dbs=(h2 postgres)

APP_PID=
SAMPLER_PID=
PG_DB=
WORK=

stop_app() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null && wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=
  if [ -n "$APP_PID" ]; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
  if [ -n "$PG_DB" ] && [ -z "${KEEP:-}" ]; then
    psql -q -h "$PG_HOST" -U postgres -d postgres -c "drop database if exists $PG_DB with (force)" || true
  fi
  PG_DB=
  if [ -n "$WORK" ] && [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; fi
  WORK=
}
trap stop_app EXIT

echo "== building the application jar"
./mvnw -q -B -DskipTests package
JAR=$(ls target/car-loan-overdue-*.jar | grep -v plain | head -1)

run_one() {
  local db=$1 started
  started=$(date +%s)
  WORK=$(mktemp -d /tmp/bench-run.XXXXXX)
  local args=(--server.port="$PORT" --logging.level.com.carloan.overdue.intake.CaseIntakeService=warn)
  case "$db" in
    h2)
      # The embedded default as it ships (application.yaml), its file in the work directory.
      args+=(--spring.profiles.active=bench --collections.h2-file="$WORK/db")
      ;;
    postgres)
      if ! pg_isready -q -h "$PG_HOST" -p 5432; then
        echo "PostgreSQL is not answering on $PG_HOST:5432; skipped"; return 0
      fi
      PG_DB="bench_$(date +%Y%m%d%H%M%S)_$RANDOM"
      psql -q -h "$PG_HOST" -U postgres -d postgres -c "create database $PG_DB"
      args+=(--spring.profiles.active=postgres,bench
        --spring.datasource.url="jdbc:postgresql://$PG_HOST:5432/$PG_DB"
        --spring.datasource.username=postgres --spring.datasource.password=)
      ;;
    *) echo "unknown database $db (h2 or postgres)"; return 1 ;;
  esac

  # Never measure someone else's application: the port must be free, and ready means our own log says so.
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "port $PORT is in use by another process; choose another with PORT=…"; return 1
  fi
  echo "== $db: starting the application, -Xmx$HEAP, port $PORT, work directory $WORK"
  # shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of options
  java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" ${APP_JAVA_OPTS:-} -jar "$JAR" "${args[@]}" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 300); do
    grep -q "Tomcat started on port $PORT" "$WORK/app.log" \
      && curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application did not start:"; tail -50 "$WORK/app.log"; return 1; }
    sleep 1
  done
  echo "   started after $(( $(date +%s) - started )) s"

  # Heap in use (eden + survivors + old, MB) and resident set size (kB), every second, for the whole run.
  ( while kill -0 "$APP_PID" 2>/dev/null; do
      heap=$(jstat -gc "$APP_PID" 2>/dev/null | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }')
      rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null)
      echo "${heap:-0} ${rss:-0}"
      sleep 1
    done > "$WORK/memory.txt" ) &
  SAMPLER_PID=$!

  local driver_ok=true
  java -cp "$JAR" -Dloader.main=com.carloan.overdue.bench.BenchmarkDriver \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    url="http://localhost:$PORT" cases="$CASES" openTasks="$TASKS" samples="$SAMPLES" agents="$AGENTS" \
    completions="$COMPLETIONS" closed="$CLOSED" appPid="$APP_PID" out="$WORK/figures.tsv" 2>&1 | tee "$WORK/driver.log" \
    | grep --line-buffered ' bench ' || true
  [ -s "$WORK/figures.tsv" ] || driver_ok=false

  # Memory: the largest heap before a collection (GC log) or sampled, the kernel's high-water mark of RSS.
  local peak_heap peak_rss hwm oom alive
  peak_heap=$( { grep -o '[0-9]*M->' "$WORK/gc.log" | tr -d 'M>-'; awk '{ print $1 }' "$WORK/memory.txt"; } \
    | sort -n | tail -1)
  hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
  peak_rss=$( { echo "${hwm:-0}"; awk '{ print $2 }' "$WORK/memory.txt"; } | sort -n | tail -1)
  oom=no; grep -q OutOfMemoryError "$WORK/app.log" && oom=yes
  alive=yes; kill -0 "$APP_PID" 2>/dev/null || alive=no
  local settings
  settings=$(grep -o 'settings {.*}' "$WORK/driver.log" | head -1 | sed 's/^settings //')

  echo
  echo "== $db: $CASES cases, $TASKS open tasks, $AGENTS agents, $CLOSED closed cases; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "   $settings"
  {
    printf 'figure\tmeasured\ttarget\tmet?\n'
    if $driver_ok; then cat "$WORK/figures.tsv"; else printf 'the driver stopped\tsee driver.log\t\tNO\n'; fi
    printf '5 memory, the whole run under -Xmx%s: peak heap / peak RSS\t%s MB / %s MB\tno OOM\t%s\n' \
      "$HEAP" "${peak_heap:-?}" "$(( ${peak_rss:-0} / 1024 ))" "$( [ $oom = no ] && [ $alive = yes ] && echo yes || echo NO)"
  } | awk -F'\t' '{ printf "%-74s | %-64s | %-14s | %s\n", $1, $2, $3, $4 }'
  [ $oom = yes ] && echo "   OutOfMemoryError in the application log"
  [ $alive = no ] && echo "   the application died; tail of its log:" && tail -20 "$WORK/app.log"
  grep -q ' error: ' "$WORK/driver.log" && grep ' error: ' "$WORK/driver.log"
  tail -30 "$WORK/driver.log" | grep -v ' bench ' | grep -iE 'exception|failed' | head -5 || true
  echo "   $db took $(( $(date +%s) - started )) s"
  [ -n "${KEEP:-}" ] && echo "   kept $WORK ${PG_DB:+and database $PG_DB}"
  stop_app
}

for db in "${dbs[@]}"; do
  run_one "$db" || { stop_app; exit 1; }
done
