#!/usr/bin/env bash
# Load test under reload: the packaged service on loopback over a scratch store, CONNS concurrent clients of mixed
# traffic (entity pages, named questions, search, raw SPARQL on the embedded Fuseki) for DURATION seconds while forced
# reloads of ontology/ + data/ run back to back (traffic continues until the last reload ends); before that, BASELINE
# seconds of the same traffic without reloads, for ratios measured in the same run. Every answer is spot-checked
# (org.cikg.bench.LoadUnderReload). Not part of `mvn verify`. Run from anywhere:
#
#   bench/load-test.sh                                   # DURATION=60 CONNS=64 BASELINE=30 (docs/reliability.md)
#   DURATION=10 CONNS=16 BASELINE=0 bench/load-test.sh   # short mode, for CI (about 2 minutes with start-up)
#
# Builds the jar if target/ has none (JAR=path to use another). Prints a table per request kind and a SUMMARY line;
# exit status 0 only with 0 errors, 0 wrong answers and at least one completed reload. Scratch folder kept on failure.
set -uo pipefail

DURATION=${DURATION:-60}
CONNS=${CONNS:-64}
BASELINE=${BASELINE:-30}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$(ls "$ROOT"/target/cikg-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && timeout 900 mvn -B -q package -DskipTests) || exit 2
  JAR=$(ls "$ROOT"/target/cikg-*.jar | grep -v original | head -1)
fi
WORK=$(mktemp -d /tmp/cikg-load.XXXXXX)
cp "$JAR" "$WORK/cikg.jar"
PASS=load-secret
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
WEB=$(free_port); SPARQL=$(free_port)
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; true' EXIT

echo "$(date -u '+%Y-%m-%d %H:%M:%S') UTC, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); work folder $WORK, ports $WEB/$SPARQL"
# Request logging at WARN: Fuseki's INFO line per request would cost a quarter of the throughput. All CONNS clients
# come from 127.0.0.1, so the per-address query limit is raised to let them stand for CONNS users.
(cd "$ROOT" && exec java -Xmx1g -XX:+ExitOnOutOfMemoryError -jar "$WORK/cikg.jar" --server.port="$WEB" --kg.fuseki.port="$SPARQL" \
    --kg.store.location="$WORK/store" --kg.store.backups="$WORK/backups" --kg.admin.password="$PASS" \
    --kg.sparql.max-concurrent=$((CONNS + 8)) --kg.sparql.max-concurrent-per-client=$((CONNS + 8)) \
    --logging.level.org.apache.jena.fuseki=WARN --logging.level.org.apache.jena.fuseki.Fuseki=WARN \
    >"$WORK/service.log" 2>&1) &
PID=$!
for _ in $(seq 1 600); do
  if ! kill -0 "$PID" 2>/dev/null; then echo "service did not start (see $WORK/service.log)"; PID=""; exit 2; fi
  curl -sf "http://127.0.0.1:$WEB/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done

java -Xmx512m "$ROOT/src/bench/java/org/cikg/bench/LoadUnderReload.java" --web "http://127.0.0.1:$WEB" \
  --sparql "http://127.0.0.1:$SPARQL/kg/sparql" --password "$PASS" --seconds "$DURATION" --conns "$CONNS" \
  --baseline "$BASELINE"
STATUS=$?
kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; PID=""
if [[ "$STATUS" == 0 ]]; then rm -rf "$WORK"; else echo "kept $WORK (service.log)"; fi
exit "$STATUS"
