#!/usr/bin/env bash
# Imports a generated 100,000-row CSV into the application running with a 512 MB heap on a throwaway
# H2 file (or PostgreSQL database), and prints rows/s and the peak heap. Not part of `./mvnw verify`: run
# it by hand.
#
#   bench/import-100k.sh            # 100,000 rows on port 18080, H2
#   DB=postgres bench/import-100k.sh  # on a throwaway database on 127.0.0.1:5432, dropped at the end
#   ROWS=20000 PORT=18181 bench/import-100k.sh
#   JOBS=false bench/import-100k.sh # without the job executor working off the new cases meanwhile
#   MAX_SECONDS=1800 bench/import-100k.sh  # stop waiting after that long and report the progress so far
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-100000}
PORT=${PORT:-18080}
HEAP=${HEAP:-512m}
JOBS=${JOBS:-true}
BATCH=${BATCH:-200}
MAX_SECONDS=${MAX_SECONDS:-0}
DB=${DB:-h2}
PG_HOST=${PG_HOST:-127.0.0.1}
WORK=$(mktemp -d /tmp/import-bench.XXXXXX)
APP_PID=
SAMPLER_PID=
PG_DB=

cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  if [ -n "$PG_DB" ] && [ -z "${KEEP:-}" ]; then
    psql -q -h "$PG_HOST" -U postgres -d postgres -c "drop database if exists $PG_DB with (force)" || true
  fi
  [ -z "${KEEP:-}" ] && rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building the application jar"
./mvnw -q -B -DskipTests package
JAR=$(ls target/car-loan-overdue-*.jar | grep -v plain | head -1)

echo "== generating $ROWS rows"
java -cp "$JAR" -Dloader.main=com.carloan.overdue.bench.BenchBorrowers \
  org.springframework.boot.loader.launch.PropertiesLauncher "$ROWS" "B$(date +%s)-" > "$WORK/cases.csv"
ls -l "$WORK/cases.csv" | awk '{printf "   %.1f MB\n", $5 / 1048576}'

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "port $PORT is in use by another process; choose another with PORT=…"; exit 1
fi
case "$DB" in
  h2) DB_ARGS=(--collections.h2-file="$WORK/db"); WHERE="H2 file in $WORK" ;;
  postgres)
    PG_DB="import_$(date +%Y%m%d%H%M%S)_$RANDOM"
    psql -q -h "$PG_HOST" -U postgres -d postgres -c "create database $PG_DB"
    # bench: AutovacuumStandIn analyzes the growing tables where the server's autovacuum is off (this
    # machine's is): without statistics the planner takes the variable table for empty, and the import
    # slowed from 60 to 18 cases/s after 80,000 rows until an ANALYZE.
    DB_ARGS=(--spring.profiles.active=postgres,bench --spring.datasource.url="jdbc:postgresql://$PG_HOST:5432/$PG_DB"
      --spring.datasource.username=postgres --spring.datasource.password=)
    WHERE="PostgreSQL database $PG_DB" ;;
  *) echo "unknown DB $DB (h2 or postgres)"; exit 1 ;;
esac
echo "== starting the application: -Xmx$HEAP, $WHERE, port $PORT, job executor $JOBS"
java -Xmx"$HEAP" -jar "$JAR" --server.port="$PORT" "${DB_ARGS[@]}" \
  --camunda.bpm.job-execution.enabled="$JOBS" --collections.demo-users=true --collections.import.batch-size="$BATCH" \
  --logging.level.com.carloan.overdue.intake.CaseIntakeService=warn > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  grep -q "Tomcat started on port $PORT" "$WORK/app.log" \
    && curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "the application did not start:"; tail -50 "$WORK/app.log"; exit 1; }
  sleep 1
done

# Heap in use (eden + survivors + old), sampled every second.
( while kill -0 "$APP_PID" 2>/dev/null; do
    jstat -gc "$APP_PID" 2>/dev/null | awk 'NR == 2 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024 }'
    sleep 1
  done > "$WORK/heap.txt" ) &
SAMPLER_PID=$!

cpu_seconds() { awk '{ printf "%.1f\n", ($14 + $15) / 100 }' "/proc/$APP_PID/stat"; }

echo "== importing (batch size $BATCH)"
CPU_BEFORE=$(cpu_seconds)
START=$(date +%s.%N)
HTTP=$(curl -s -o "$WORK/result.json" -w '%{http_code}' -m "$MAX_SECONDS" -u loansys:loansys -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/cases.csv" "http://localhost:$PORT/api/cases/import" || true)
END=$(date +%s.%N)
CPU_AFTER=$(cpu_seconds)

SECONDS_TAKEN=$(echo "$END - $START" | bc)
if [ "$HTTP" = 200 ]; then
  IMPORTED=$(grep -o '"imported":[0-9]*' "$WORK/result.json" | cut -d: -f2)
else
  # stopped by MAX_SECONDS: the progress the import logged so far
  IMPORTED=$(grep -o 'Import: [0-9]* of' "$WORK/app.log" | tail -1 | awk '{ print $2 }')
  echo "   no answer yet (HTTP $HTTP): stopped waiting; the progress the import logged so far:"
fi
PEAK=$(sort -n "$WORK/heap.txt" | tail -1)
jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
LIVE=$(jstat -gc "$APP_PID" 2>/dev/null | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }')
echo "   HTTP $HTTP: ${IMPORTED:-0} of $ROWS rows in ${SECONDS_TAKEN} s = $(echo "scale=1; ${IMPORTED:-0} / $SECONDS_TAKEN" | bc) rows/s"
echo "   application CPU time: $(echo "$CPU_AFTER - $CPU_BEFORE" | bc) s = $(echo "scale=1; ${IMPORTED:-0} / ($CPU_AFTER - $CPU_BEFORE)" | bc) rows per CPU-second"
echo "   heap in use, sampled each second: peak ${PEAK} MB of $HEAP; live after a full GC: ${LIVE} MB"
echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
grep -q OutOfMemoryError "$WORK/app.log" && echo "   OutOfMemoryError in the log!" || echo "   no OutOfMemoryError"
[ "$HTTP" = 200 ] || exit 1
