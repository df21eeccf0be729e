#!/usr/bin/env bash
# One command for the whole benchmark: bench/run.sh [SIZE] (default 1M; 10M works the same, only slower).
# Builds the jar, generates the synthetic graph (seed 42), starts Virtuoso on loopback if it is installed and loads
# the same file into it, then runs org.cikg.bench.BenchmarkSuite, which writes docs/benchmarks.md.
# Scratch files go to $BENCH_WORK (default /tmp/cikg-bench). Every step is bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-1M}
SEED=${SEED:-42}
WORK=${BENCH_WORK:-/tmp/cikg-bench}
mkdir -p "$WORK"
timeout 900 mvn -B -q package -DskipTests
JAR=$(ls target/cikg-*.jar | grep -v original | head -1)
# The suite is its own source set (src/bench/java), compiled by the bench profile under target/bench.
timeout 900 mvn -B -q -Pbench test-compile
CP="target/bench/test-classes:target/bench/classes:$(timeout 300 mvn -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
FILE="$WORK/synth-$SIZE-seed$SEED.nt.gz"
# The generator is deterministic for a size and seed: a file already generated is reused (REGENERATE=yes to redo it).
if [ -s "$FILE" ] && [ -s "$FILE.seconds" ] && [ "${REGENERATE:-no}" != yes ]; then
  GEN=$(cat "$FILE.seconds")
else
  t0=$(date +%s.%N)
  timeout 3600 java -jar "$JAR" generate --triples "$SIZE" --seed "$SEED" --out "$FILE"
  GEN=$(echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f')
  echo "$GEN" > "$FILE.seconds"
fi

VIRT_ARGS=()
if command -v virtuoso-t > /dev/null && [ "${VIRTUOSO:-yes}" != no ]; then
  trap 'bench/virtuoso.sh stop "$WORK/virtuoso" 11111' EXIT
  timeout 2000 bench/virtuoso.sh start "$WORK/virtuoso" "$FILE" 11111 18890 > "$WORK/virtuoso-start.out"
  VLOAD=$(awk '/load-seconds/ {print $2}' "$WORK/virtuoso-start.out")
  VVER=$( (virtuoso-t -? 2>&1 || true) | sed -n 's/^Version \([^ ]*\).*/\1/p' | head -1)
  VIRT_ARGS=(--virtuoso-sparql http://127.0.0.1:18890/sparql --virtuoso-isql 11111 --virtuoso-load-seconds "$VLOAD"
             --virtuoso-version "$VVER")
fi

# AppCDS archive for the start-up figures (trained over a small scratch store: the classes loaded do not depend on it).
CDS_ARGS=()
if [ "${CDS:-yes}" != no ]; then
  rm -rf "$WORK/cds-store" && mkdir -p "$WORK/cds-store"
  timeout 900 bench/cds.sh "$JAR" "$WORK/cds" "$WORK/cds-store" && CDS_ARGS=(--cds-dir "$WORK/cds")
fi

timeout "${SUITE_TIMEOUT:-5400}" java -Xmx3g -cp "$CP" org.cikg.bench.BenchmarkSuite --file "$FILE" --size "$SIZE" --seed "$SEED" \
  --work "$WORK" --jar "$JAR" --generate-seconds "$GEN" --out docs/benchmarks.md \
  --command "bench/run.sh $SIZE" --loaders "${LOADERS:-parallel}" --seconds "${OP_SECONDS:-8}" \
  --load-seconds "${LOAD_SECONDS:-10}" --clients "${CLIENTS:-1,16,64}" "${VIRT_ARGS[@]}" "${CDS_ARGS[@]}"

# Random-entity passes (cold, then warm) over a store of the same file, with Virtuoso's describe throughput for the
# same random entities at the same concurrency as the baseline row: the section "Random entities, SIZE".
if [ "${RANDOM_PASSES:-yes}" != no ]; then
  rm -rf "$WORK/random-store"
  JAR="$JAR" BENCH_WORK="$WORK" timeout 5400 bench/random-entities.sh "$FILE" "$WORK/random-store" "$SIZE"
fi
