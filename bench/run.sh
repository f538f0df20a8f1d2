#!/usr/bin/env bash
# The performance benchmark: the application jar, with the benchmark's jar (target/bench/) added to
# its classpath, under -Xmx512m on a throwaway H2 file and a throwaway PostgreSQL database, measured over HTTP
# by com.carloan.overdue.bench.BenchmarkDriver; one table per database: figure | measured | target | met?.
# Not part of ./mvnw verify (BenchmarkSmokeTest is).
#
#   bench/run.sh                       # both databases, full size
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
dbs=("$@")
[ ${#dbs[@]} -eq 0 ] && dbs=(h2 postgres)

# shellcheck source=bench/app.sh
. bench/app.sh
trap stop_app EXIT
build_jar

run_one() {
  local db=$1 started
  started=$(date +%s)
  start_app "$db"
  case $? in
    0) echo "   started after $(( $(date +%s) - started )) s" ;;
    2) echo "   skipped"; return 0 ;;
    *) return 1 ;;
  esac

  local driver_ok=true
  java -Dloader.main=com.carloan.overdue.bench.BenchmarkDriver "${LAUNCH[@]}" \
    url="http://localhost:$PORT" cases="$CASES" openTasks="$TASKS" samples="$SAMPLES" agents="$AGENTS" \
    completions="$COMPLETIONS" closed="$CLOSED" appPid="$APP_PID" out="$WORK/figures.tsv" 2>&1 | tee "$WORK/driver.log" \
    | grep --line-buffered ' bench ' || true
  [ -s "$WORK/figures.tsv" ] || driver_ok=false

  # Memory: the largest heap before a collection (GC log) or sampled, the kernel's high-water mark of RSS.
  local peak_heap peak_rss hwm oom alive
  peak_heap=$(peak_heap)
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
