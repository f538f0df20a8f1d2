#!/usr/bin/env bash
# The dashboard's data call and the metrics at 100,000 closed and 20,000 open cases, on a
# throwaway H2 file database and, when PostgreSQL answers on 127.0.0.1:5432, on a throwaway PostgreSQL
# database (random name, dropped afterwards). Not part of ./mvnw verify.
#   bench/dashboard-kpi.sh            # both databases
#   bench/dashboard-kpi.sh h2         # one of them
set -euo pipefail
cd "$(dirname "$0")/.."
dbs=("${@:-h2 postgres}")
for db in ${dbs[@]}; do
  if [ "$db" = postgres ] && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "PostgreSQL is not answering on 127.0.0.1:5432; skipped"; continue
  fi
  ./mvnw -q test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.db="$db" \
    | grep '^BENCH' || true
  rm -rf target/kpi-bench
done
