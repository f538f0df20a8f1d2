#!/usr/bin/env bash
# What makes H2's MVStore answer "Chunk … not found" (com.carloan.overdue.bench.H2ChunkRace): long reads beside
# many small commits on throwaway H2 files (a read inside its statement, a lazy cursor, H2's automatic ANALYZE at
# commit, an ANALYZE statement), SECONDS each (60) over ROWS rows (300,000). About six minutes. Not part of `./mvnw verify`.
#
#   bench/h2-chunk-race.sh
#   SECONDS_PER_KIND=180 ROWS=500000 bench/h2-chunk-race.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/app.sh
. bench/app.sh
build_jar
java -Xmx1g -Dloader.main=com.carloan.overdue.bench.H2ChunkRace "${LAUNCH[@]}" "${SECONDS_PER_KIND:-60}" "${ROWS:-300000}"
