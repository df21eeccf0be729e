#!/usr/bin/env bash
# In-process JMH micro-benchmarks: bench/jmh.sh [SIZE] (1M, the default, or 10M).
# Builds a store of the synthetic graph once (the service's `generate`, then `load --file`; a file bench/run.sh already
# generated in $BENCH_WORK for the same size and seed is reused, and so is a store this script built before), runs the
# benchmarks under src/jmh/java (Maven profile -Pjmh) over it with JSON output, and writes the section
# "In-process JMH, SIZE" of docs/benchmarks.md (replaced if present, else appended): each operation's score and error
# and its ratio to the baseline measured in the same run (the entity-exists ASK).
# Knobs (environment): BENCH_WORK (default /tmp/cikg-bench), SEED=42, JMH_STORE (default $BENCH_WORK/jmh-store-SIZE),
# JMH_ARGS (extra JMH options, e.g. "-f 1 -wi 2 -i 3" or a benchmark regexp), JMH_HEAP=2g. Every step is bounded by timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-1M}
SEED=${SEED:-42}
WORK=${BENCH_WORK:-/tmp/cikg-bench}
STORE=${JMH_STORE:-$WORK/jmh-store-$SIZE}
HEAP=${JMH_HEAP:-2g}
mkdir -p "$WORK"
FILE="$WORK/synth-$SIZE-seed$SEED.nt.gz"

if [ ! -f "$STORE/.jmh-loaded" ]; then
  timeout 900 mvn -B -q package -DskipTests
  JAR=$(ls target/cikg-*.jar | grep -v original | head -1)
  if [ ! -s "$FILE" ] || [ ! -s "$FILE.seconds" ]; then
    t0=$(date +%s.%N)
    timeout 3600 java -jar "$JAR" generate --triples "$SIZE" --seed "$SEED" --out "$FILE"
    echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f\n' > "$FILE.seconds"
  fi
  rm -rf "$STORE"
  timeout 3600 java -Xmx3g -jar "$JAR" load --file "$FILE" --kg.store.location="$STORE" | tee "$WORK/jmh-load-$SIZE.log"
  date -u +%FT%TZ > "$STORE/.jmh-loaded"
fi

# The benchmarks compile under target/jmh (the profile's own build folder), away from the normal build's classes.
timeout 900 mvn -B -q -Pjmh test-compile
CP="target/jmh/test-classes:target/jmh/classes:$(timeout 300 mvn -B -q -Pjmh dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
RESULT="$WORK/jmh-$SIZE.json"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
# Every public named question (queries/*.rq, not the internal system/ and reports/ ones), so a new one is measured too.
QUESTIONS=$(find queries -maxdepth 1 -name '*.rq' -printf '%f\n' | sed 's/\.rq$//' | sort | paste -sd, -)
# -rf json: machine-readable results; the properties reach the forked JVMs through -jvmArgsAppend.
# shellcheck disable=SC2086
timeout 1800 java -Xmx256m -cp "$CP" org.openjdk.jmh.Main -p "question=$QUESTIONS" \
  -jvmArgsAppend "-Xmx$HEAP -Djmh.store=$STORE -Djmh.queries=$PWD/queries" \
  -rf json -rff "$RESULT" ${JMH_ARGS:-} | tee "$WORK/jmh-$SIZE.log"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

TRIPLES=$( (grep -ohE '= [0-9]+ triples$' "$WORK/jmh-load-$SIZE.log" 2>/dev/null || true) | tail -1 | tr -dc 0-9)
java -cp "$CP" org.cikg.bench.JmhReport --json "$RESULT" --log "$WORK/jmh-$SIZE.log" --size "$SIZE" --seed "$SEED" \
  --store "$STORE" --triples "${TRIPLES:-?}" \
  --started "$STARTED" --load-before "$LOAD_BEFORE" --load-after "$LOAD_AFTER" \
  --command "bench/jmh.sh $SIZE" --out docs/benchmarks.md
