#!/usr/bin/env bash
# Random-entity passes (org.cikg.bench.RandomEntityBench): cold then warm pages, RDF documents, depth-2 exports and
# named questions over random companies, the single-entity figure beside them, raw SPARQL (describe, ASK probe,
# label lookup) against Virtuoso on the same file and the same entities at the same concurrency (the baseline row).
#
#   bench/random-entities.sh FILE STORE [SIZE]
#
# FILE is the generated graph (generate --triples 1M --seed 7 --out FILE); STORE a store `load --file FILE` filled
# (loaded here when the folder does not exist). Writes the section "Random entities, SIZE" of docs/benchmarks.md.
# Knobs: PASSES=pages,documents,exports,questions,sparql (groups to run), SECONDS_PER_PASS=10, CLIENTS=16, MANY_CLIENTS=64, SLICE=20000, SEED=7, VIRTUOSO=no, HEAP=2g,
# JFR=FILE (records the service with Java Flight Recorder, profile "profile", into FILE), JAVA=java (the service's).
# bench/run.sh calls it after the suite with the file it generated. Every step is bounded by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=$(readlink -f "$1") STORE=$(readlink -f "$2") SIZE=${3:-1M}
WORK=${BENCH_WORK:-/tmp/cikg-bench}
mkdir -p "$WORK"
JAR=${JAR:-$(ls target/cikg-*.jar 2>/dev/null | grep -v original | head -1 || true)}
[ -n "$JAR" ] || { timeout 900 mvn -B -q package -DskipTests; JAR=$(ls target/cikg-*.jar | grep -v original | head -1); }
[ -d target/bench/test-classes ] || timeout 900 mvn -B -q -Pbench test-compile
CP="target/bench/test-classes:target/bench/classes:$(timeout 300 mvn -B -q -o -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
JAVA=${JAVA:-java}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
if [ ! -d "$STORE" ]; then
  timeout 3600 java -Xmx${HEAP:-2g} -jar "$JAR" load --file "$FILE" --kg.store.location="$STORE" --kg.store.backups="$WORK/backups"
fi

VIRT=()
if command -v virtuoso-t > /dev/null && [ "${VIRTUOSO:-yes}" != no ]; then
  VPORT=$(free_port) VHTTP=$(free_port)
  trap 'bench/virtuoso.sh stop "$WORK/virtuoso-random" '"$VPORT"'; [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; true' EXIT
  timeout 2000 bench/virtuoso.sh start "$WORK/virtuoso-random" "$FILE" "$VPORT" "$VHTTP"
  VIRT=(--virtuoso "http://127.0.0.1:$VHTTP/sparql")
else
  trap '[ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; true' EXIT
fi

WEB=$(free_port) SPARQL=$(free_port)
JFR_ARGS=()
[ -n "${JFR:-}" ] && JFR_ARGS=("-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true")
# Fuseki's request log at WARN, every client from 127.0.0.1 allowed the whole concurrency.
timeout 3600 "$JAVA" -Xmx${HEAP:-2g} -XX:+ExitOnOutOfMemoryError "${JFR_ARGS[@]}" -jar "$JAR" \
  --kg.store.location="$STORE" --kg.store.load-on-start=false --server.port="$WEB" --kg.fuseki.port="$SPARQL" \
  --kg.sparql.timeout=60s --kg.sparql.max-concurrent=512 --kg.sparql.max-concurrent-per-client=512 \
  --logging.level.org.apache.jena.fuseki=WARN --logging.level.org.apache.jena.fuseki.Fuseki=WARN \
  > "$WORK/random-service.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
  kill -0 "$PID" 2>/dev/null || { echo "service exited (see $WORK/random-service.log)"; exit 2; }
  curl -sf "http://127.0.0.1:$WEB/actuator/health" > /dev/null 2>&1 && break
  sleep 0.5
done
timeout 3600 java -Xmx1g -cp "$CP" org.cikg.bench.RandomEntityBench --web "http://127.0.0.1:$WEB" \
  --sparql "http://127.0.0.1:$SPARQL/kg/sparql" "${VIRT[@]}" --size "$SIZE" --seed "${SEED:-7}" \
  --seconds "${SECONDS_PER_PASS:-10}" --clients "${CLIENTS:-16}" --many-clients "${MANY_CLIENTS:-64}" \
  --slice "${SLICE:-20000}" --passes "${PASSES:-pages,documents,exports,questions,sparql}" --loadavg "$(cut -d' ' -f1-3 /proc/loadavg)" --out "${OUT:-docs/benchmarks.md}" \
  --command "bench/random-entities.sh FILE STORE $SIZE (FILE: generate --triples $SIZE --seed ${SEED:-7}; JDK $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2))"
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
