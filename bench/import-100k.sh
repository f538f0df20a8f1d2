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

# shellcheck source=bench/app.sh
. bench/app.sh
CSV=$(mktemp /tmp/import-cases.XXXXXX.csv)
trap 'stop_app; rm -f "$CSV"' EXIT
build_jar

echo "== generating $ROWS rows"
java -Dloader.main=com.carloan.overdue.bench.BenchBorrowers "${LAUNCH[@]}" "$ROWS" "B$(date +%s)-" > "$CSV"
ls -l "$CSV" | awk '{printf "   %.1f MB\n", $5 / 1048576}'

start_app "$DB" --camunda.bpm.job-execution.enabled="$JOBS" --collections.demo-users=true \
  --collections.import.batch-size="$BATCH" || exit 1
echo "   job executor $JOBS"

cpu_seconds() { awk '{ printf "%.1f\n", ($14 + $15) / 100 }' "/proc/$APP_PID/stat"; }

echo "== importing (batch size $BATCH)"
CPU_BEFORE=$(cpu_seconds)
START=$(date +%s.%N)
HTTP=$(curl -s -o "$WORK/result.json" -w '%{http_code}' -m "$MAX_SECONDS" -u loansys:loansys -H 'Content-Type: text/csv' \
  --data-binary @"$CSV" "http://localhost:$PORT/api/cases/import" || true)
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
PEAK=$(peak_heap)
jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
LIVE=$(jstat -gc "$APP_PID" 2>/dev/null | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }')
echo "   HTTP $HTTP: ${IMPORTED:-0} of $ROWS rows in ${SECONDS_TAKEN} s = $(echo "scale=1; ${IMPORTED:-0} / $SECONDS_TAKEN" | bc) rows/s"
echo "   application CPU time: $(echo "$CPU_AFTER - $CPU_BEFORE" | bc) s = $(echo "scale=1; ${IMPORTED:-0} / ($CPU_AFTER - $CPU_BEFORE)" | bc) rows per CPU-second"
echo "   heap in use: peak ${PEAK} MB of $HEAP (sampled each second, or before a collection); live after a full GC: ${LIVE} MB"
echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
grep -q OutOfMemoryError "$WORK/app.log" && echo "   OutOfMemoryError in the log!" || echo "   no OutOfMemoryError"
[ "$HTTP" = 200 ] || exit 1
