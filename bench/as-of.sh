#!/usr/bin/env bash
# What the year views and the explanations cost: bench/as-of.sh [SIZE] (default 1M).
# Generates the synthetic graph (seed 7; reused when present), then runs org.cikg.bench.AsOfBench, which
#  1. loads it into fresh TDB2 stores and materialises it three ways (the load's Materializer, the recording
#     prototype's engine without recording, and recording one derivation node per inferred triple): the cost the
#     on-demand explanations avoid, as ratios to the plain load of the same run (also at RECORD_SIZES, e.g. 250K,1M);
#  2. starts the service over the graph (load --file) and measures, at 16 clients over random companies, current
#     pages cold and warm, pages as of random years, the current pages again after them, and /api/explain.
# Writes docs/benchmarks-as-of.md. Knobs: RECORD_SIZES (default SIZE), ROUNDS (1), VARIANTS (update,select,record),
# PARTS (record,http), ENTITIES (1000), ASOF_REQUESTS (6000), ASOF_CACHE (the as-of page cache bound,
# 5000), EXPLAIN (400), OUT. Scratch: $BENCH_WORK
# (default /tmp/cikg-asof-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-1M}
WORK=${BENCH_WORK:-/tmp/cikg-asof-bench}
mkdir -p "$WORK"
timeout 1200 mvn -B -q package -DskipTests
JAR=$(ls target/cikg-*.jar | grep -v original | head -1)
# The benchmark is in the bench source set (src/bench/java), compiled by the bench profile under target/bench.
timeout 900 mvn -B -q -Pbench test-compile
CP="target/bench/test-classes:target/bench/classes:$(timeout 300 mvn -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
RECORD_FILES=()
for s in $(echo "${RECORD_SIZES:-$SIZE}" | tr ',' ' ') "$SIZE"; do
  f="$WORK/synth-$s-seed7.nt.gz"
  [ -s "$f" ] || timeout 3600 java -jar "$JAR" generate --triples "$s" --seed 7 --out "$f"
done
for s in $(echo "${RECORD_SIZES:-$SIZE}" | tr ',' ' '); do RECORD_FILES+=("$WORK/synth-$s-seed7.nt.gz"); done
timeout "${SUITE_TIMEOUT:-7200}" java -Xmx3g -cp "$CP" org.cikg.bench.AsOfBench --jar="$JAR" --work="$WORK" \
  --file="$WORK/synth-$SIZE-seed7.nt.gz" --record-files="$(IFS=,; echo "${RECORD_FILES[*]}")" \
  --rounds="${ROUNDS:-1}" --variants="${VARIANTS:-update,select,record}" --parts="${PARTS:-record,http}" \
  --entities="${ENTITIES:-1000}" --asof-requests="${ASOF_REQUESTS:-6000}" --asof-cache="${ASOF_CACHE:-5000}" --explain="${EXPLAIN:-400}" \
  --out="${OUT:-docs/benchmarks-as-of.md}" --command="${COMMAND_LINE:-bench/as-of.sh $SIZE}"
