#!/usr/bin/env bash
# The performance benchmark: the application jar, with the benchmark's jar (target/bench/) added to
# its classpath, under -Xmx512m on a throwaway H2 file and a throwaway PostgreSQL database, measured over HTTP
# by com.carloan.overdue.bench.BenchmarkDriver; one table per database: figure | measured | target | met?.
# Not part of ./mvnw verify (BenchmarkSmokeTest is).
#
#   bench/run.sh                       # both databases, full size, both scenarios
#   bench/run.sh h2                    # one of them
#   SCENARIO=ownership bench/run.sh postgres     # only the ownership scenario (rows 7–9)
#   SCENARIO=intake bench/run.sh                 # only the intake scenario (rows 10–13), on both databases
#   CASES=2000 TASKS=5000 CLOSED=10000 bench/run.sh     # a reduced run
#
# SCENARIO: all (default: classic, ownership, then intake, each in an application and database of its own),
# classic (rows 1–6), ownership (rows 7–9 and memory: TASKS open calls owned by OWNERS agents (100) in three
# teams, POOL (300) unowned per team, as many plain engine tasks of the same shape; the application starts with
# collections.allocation.capacity=CAPACITY, by default TASKS / OWNERS) or intake (rows 10–13 and memory: INTAKE
# (2000) one-task starts through /engine-rest by 4 clients, as many cases by POST /api/cases by 4 clients, a CSV of
# as many rows, as many one-task starts in the application; rate, CPU and rows per case of each).
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
SCENARIO=${SCENARIO:-all}
OWNERS=${OWNERS:-100}
POOL=${POOL:-300}
CAPACITY=${CAPACITY:-$(( TASKS / OWNERS ))}
INTAKE=${INTAKE:-2000}
case "$SCENARIO" in
  all) scenarios=(classic ownership intake) ;;
  classic | ownership | intake) scenarios=("$SCENARIO") ;;
  *) echo "SCENARIO=$SCENARIO: all, classic, ownership or intake"; exit 1 ;;
esac
dbs=("$@")
[ ${#dbs[@]} -eq 0 ] && dbs=(h2 postgres)

# shellcheck source=bench/app.sh
. bench/app.sh
trap stop_app EXIT
build_jar

run_one() {
  local db=$1 scenario=$2 started
  local app_args=() driver_args=()
  if [ "$scenario" = ownership ]; then
    # The ownership scenario needs each agent to own about TASKS / OWNERS cases; the classic rows 3–4 a pool as
    # large as the queue (the bench profile's capacity 1). A setting of its own start, not a switch at run time.
    app_args=(--collections.allocation.capacity="$CAPACITY")
    driver_args=(scenario=ownership owners="$OWNERS" pool="$POOL" samples="$SAMPLES" agents="$AGENTS"
      completions="$COMPLETIONS")
  elif [ "$scenario" = intake ]; then
    driver_args=(scenario=intake cases="$INTAKE")
  else
    driver_args=(scenario=classic cases="$CASES" openTasks="$TASKS" samples="$SAMPLES" agents="$AGENTS"
      completions="$COMPLETIONS" closed="$CLOSED")
  fi
  started=$(date +%s)
  start_app "$db" "${app_args[@]}"
  case $? in
    0) echo "   started after $(( $(date +%s) - started )) s" ;;
    2) echo "   skipped"; return 0 ;;
    *) return 1 ;;
  esac

  local driver_ok=true
  java -Dloader.main=com.carloan.overdue.bench.BenchmarkDriver "${LAUNCH[@]}" \
    url="http://localhost:$PORT" "${driver_args[@]}" appPid="$APP_PID" out="$WORK/figures.tsv" 2>&1 | tee "$WORK/driver.log" \
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
  if [ "$scenario" = intake ]; then
    echo "== $db, intake: $INTAKE cases or instances each way; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  elif [ "$scenario" = ownership ]; then
    echo "== $db, ownership: $TASKS owned calls over $OWNERS agents (capacity $CAPACITY), $POOL unowned per team, $AGENTS agents completing; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  else
    echo "== $db: $CASES cases, $TASKS open tasks, $AGENTS agents, $CLOSED closed cases; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  fi
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
  echo "   $db ($scenario) took $(( $(date +%s) - started )) s"
  [ -n "${KEEP:-}" ] && echo "   kept $WORK ${PG_DB:+and database $PG_DB}"
  stop_app
}

for db in "${dbs[@]}"; do
  for scenario in "${scenarios[@]}"; do
    run_one "$db" "$scenario" || { stop_app; exit 1; }
  done
done
