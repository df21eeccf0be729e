#!/usr/bin/env bash
# What the gazetteer costs: [LEVELS=none,counties] [PASSES=3] [OUT=file] bench/gazetteer.sh [ROUNDS] (default 2).
# Loads the curated data alone, with the counties (the default) and with the townships, each into its own scratch
# store, starts the service over each, and measures load time, store and search index size, search latency and entity
# pages at 16 clients (org.cikg.bench.GazetteerBench); writes docs/benchmarks-gazetteer.md. Scratch files in
# $BENCH_WORK (default /tmp/cikg-gazetteer-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
# LEVELS=none,counties leaves the townships out (their load alone takes many minutes on a busy machine).
LEVELS=${LEVELS:-none,counties,townships}
PASSES=${PASSES:-3}
WORK=${BENCH_WORK:-/tmp/cikg-gazetteer-bench}
mkdir -p "$WORK"
timeout 900 mvn -B -q package -DskipTests
JAR=$(ls target/cikg-*.jar | grep -v original | head -1)
# The benchmark is in the bench source set (src/bench/java), compiled by the bench profile under target/bench.
timeout 900 mvn -B -q -Pbench test-compile
CP="target/bench/test-classes:target/bench/classes:$(timeout 300 mvn -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
timeout 7200 java -cp "$CP" org.cikg.bench.GazetteerBench --jar="$JAR" --work="$WORK" --rounds="$ROUNDS" --levels="$LEVELS" --passes="$PASSES" ${OUT:+--out="$OUT"}
