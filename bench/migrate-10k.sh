#!/usr/bin/env bash
# Opens 10,000 cases (a generated CSV, as the loan system sends it), lets them reach their first wait states,
# deploys a next version of car-loan-overdue.bpmn (one element renamed) as Modeler would, and times the
# process owner's dry run and the migration of every case (CONTRACT §6) until it reports COMPLETED. Prints the
# peak heap. Not part of `./mvnw verify`: run it by hand.
#
#   bench/migrate-10k.sh                 # H2 file, port 18090
#   DB=postgres bench/migrate-10k.sh     # a throwaway database on 127.0.0.1:5432, dropped at the end
#   ROWS=2000 PORT=18191 bench/migrate-10k.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-10000}
PORT=${PORT:-18090}
HEAP=${HEAP:-512m}
DB=${DB:-h2}
B="http://localhost:$PORT"

# shellcheck source=bench/app.sh
. bench/app.sh
CSV=$(mktemp /tmp/migrate-cases.XXXXXX.csv)
BPMN=$(mktemp /tmp/car-loan-overdue-next.XXXXXX.bpmn)
trap 'stop_app; rm -f "$CSV" "$BPMN"' EXIT
build_jar
java -Dloader.main=com.carloan.overdue.bench.BenchBorrowers "${LAUNCH[@]}" "$ROWS" "G$(date +%s)-" > "$CSV"
sed 's/name="Call the borrower /name="Call the borrower (next) /' processes/car-loan-overdue.bpmn > "$BPMN"

start_app "$DB" --collections.demo-users=true --collections.allocation.capacity=1000000 || exit 1
now() { date +%s.%N; }
since() { echo "scale=1; ($(now) - $1) / 1" | bc; }

echo "== importing $ROWS cases"
T=$(now)
curl -fsS -m 3600 -u loansys:loansys -H 'Content-Type: text/csv' --data-binary @"$CSV" "$B/api/cases/import" \
  | grep -o '"imported":[0-9]*'
echo "   in $(since "$T") s; waiting for their first steps to run"
until [ "$(curl -fsS -u admin:admin "$B/engine-rest/job/count?executable=true" | grep -o '[0-9]*')" = 0 ]; do sleep 2; done
echo "   all cases waiting after $(since "$T") s"

curl -fsS -o /dev/null -u owner1:owner1 -F deployment-name=car-loan-overdue-next -F data=@"$BPMN" \
  "$B/engine-rest/deployment/create"
VERSIONS=$(curl -fsS -u owner1:owner1 "$B/api/process-versions")
FROM=$(echo "$VERSIONS" | grep -o '"version":[0-9]*' | head -1 | cut -d: -f2)
TO=$(echo "$VERSIONS" | grep -o '"version":[0-9]*' | tail -1 | cut -d: -f2)
echo "== version $FROM → $TO: $(echo "$VERSIONS" | grep -o '"runningCases":[0-9]*' | head -1)"

for run in 1 2 3; do
  T=$(now)
  DRY=$(curl -fsS -u owner1:owner1 -H 'Content-Type: application/json' "$B/api/process-versions/migrations" \
    -d "{\"fromVersion\": $FROM, \"toVersion\": $TO, \"dryRun\": true}")
  echo "   dry run $run: $(since "$T") s $DRY"
done

T=$(now)
ID=$(curl -fsS -u owner1:owner1 -H 'Content-Type: application/json' "$B/api/process-versions/migrations" \
  -d "{\"fromVersion\": $FROM, \"toVersion\": $TO, \"dryRun\": false}" | grep -o '"migrationId":"[^"]*"' | cut -d'"' -f4)
echo "== migration $ID accepted after $(since "$T") s"
while :; do
  STATUS=$(curl -fsS -u owner1:owner1 "$B/api/process-versions/migrations/$ID")
  echo "$STATUS" | grep -q '"status":"RUNNING"' || break
  sleep 1
done
echo "   finished after $(since "$T") s: $(echo "$STATUS" | grep -o '"status":"[A-Z]*","migrated":[0-9]*') failed $(echo "$STATUS" | grep -o '"failed":\[[^]]*\]' | cut -c1-200)"
echo "   heap in use: peak $(peak_heap) MB of $HEAP; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
grep -q OutOfMemoryError "$WORK/app.log" && echo "   OutOfMemoryError in the log!" || echo "   no OutOfMemoryError"
