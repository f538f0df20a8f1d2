# shellcheck shell=bash
# What bench/run.sh and bench/import-100k.sh share: the application jar with the benchmark's jar beside it,
# started on a throwaway database with the `bench` profile, its readiness, its memory sampled each second,
# and the clean-up. Sourced, not run. Uses PORT, HEAP, PG_HOST, KEEP and APP_JAVA_OPTS; sets JAR, BENCH_JAR,
# LAUNCH, WORK, APP_PID, PG_DB.

PG_HOST=${PG_HOST:-127.0.0.1}
APP_PID=
SAMPLER_PID=
PG_DB=
WORK=

build_jar() {
  echo "== building the application jar and the benchmark's"
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/car-loan-overdue-*.jar | grep -v plain | head -1)
  BENCH_JAR=$(ls target/bench/car-loan-overdue-*-bench.jar | head -1)
  # The product jar holds no benchmark code: PropertiesLauncher (`java -jar`'s launcher ignores loader.path)
  # adds the benchmark's jar to its classpath. `java [options] "${LAUNCH[@]}" [arguments]` starts the
  # application; with -Dloader.main=… among the options, one of the benchmark's classes.
  LAUNCH=(-Dloader.path="$BENCH_JAR" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher)
}

# start_app DB [application arguments…]: a new work directory, a new database (an H2 file in it, or a
# PostgreSQL database bench_<time>_<random>), then the jar under -Xmx$HEAP with its GC log, log and memory
# samples ("heap-MB rss-kB" each second) in the work directory. Returns 1 if it cannot start; 2 when
# PostgreSQL does not answer.
start_app() {
  local db=$1 where
  shift
  WORK=$(mktemp -d /tmp/bench-run.XXXXXX)
  # bench: the /bench endpoints, and AutovacuumStandIn, which analyzes the growing tables where the server's
  # autovacuum is off (this machine's is): without statistics the planner takes a table filled a minute ago
  # for empty (the 100k import fell from 60 to 18 cases/s after 80,000 rows until an ANALYZE).
  local args=(--server.port="$PORT" --logging.level.com.carloan.overdue.intake.CaseIntakeService=warn)
  case "$db" in
    h2)
      # The embedded default as it ships (application.yaml), its file in the work directory.
      args+=(--spring.profiles.active=bench --collections.h2-file="$WORK/db")
      where="H2 file in $WORK"
      ;;
    postgres)
      if ! pg_isready -q -h "$PG_HOST" -p 5432; then
        echo "PostgreSQL is not answering on $PG_HOST:5432"; return 2
      fi
      PG_DB="bench_$(date +%Y%m%d%H%M%S)_$RANDOM"
      psql -q -h "$PG_HOST" -U postgres -d postgres -c "create database $PG_DB"
      args+=(--spring.profiles.active=postgres,bench
        --spring.datasource.url="jdbc:postgresql://$PG_HOST:5432/$PG_DB"
        --spring.datasource.username=postgres --spring.datasource.password=)
      where="PostgreSQL database $PG_DB"
      ;;
    *) echo "unknown database $db (h2 or postgres)"; return 1 ;;
  esac

  # Never measure someone else's application: the port must be free, and ready means our own log says so.
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "port $PORT is in use by another process; choose another with PORT=…"; return 1
  fi
  echo "== $db: starting the application, -Xmx$HEAP, $where, port $PORT"
  # shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of options
  java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" ${APP_JAVA_OPTS:-} "${LAUNCH[@]}" "${args[@]}" "$@" \
    > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 300); do
    grep -q "Tomcat started on port $PORT" "$WORK/app.log" \
      && curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the application did not start:"; tail -50 "$WORK/app.log"; return 1; }
    sleep 1
  done

  # Heap in use (eden + survivors + old, MB) and resident set size (kB), every second, for the whole run.
  ( while kill -0 "$APP_PID" 2>/dev/null; do
      heap=$(jstat -gc "$APP_PID" 2>/dev/null | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }')
      rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null)
      echo "${heap:-0} ${rss:-0}"
      sleep 1
    done > "$WORK/memory.txt" ) &
  SAMPLER_PID=$!
}

# The largest heap in MB: before a collection (GC log) or sampled.
peak_heap() {
  { grep -o '[0-9]*M->' "$WORK/gc.log" | tr -d 'M>-'; awk '{ print $1 }' "$WORK/memory.txt"; } | sort -n | tail -1
}

# Stops the application, drops its database and removes the work directory (unless KEEP is set).
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
