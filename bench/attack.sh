#!/usr/bin/env bash
# Attack run: the packaged service on loopback over a scratch store, started as the README says to start it
# (-Xmx2g -XX:+ExitOnOutOfMemoryError, default settings, admin password set), then the two requests that took it down
# (org.cikg.bench.AttackRun): the ORDER BY over the cross product of every triple with every triple with
# timeout=120,120, and 32 clients looping queries that run to the limit; a cheap ASK from another client address
# measures what a bystander gets. Prints probe latencies (p50/p90/max), the attackers' answers and connection errors,
# RSS, and ratios to a baseline measured first in the same run. Not part of `mvn verify`. Loopback only; bounded:
# everything from the service's start to its stop is cut after LIMIT seconds (default 180; ~2 min here). Run from
# anywhere, after `mvn -B -q package -DskipTests`:
#
#   bench/attack.sh                          # SECONDS_FLOOD=30 OUTAGE=2 HEAP=2g (docs/reliability.md)
#   JAR=path/to/other.jar bench/attack.sh    # the same run against another build (e.g. one without the fixes)
#
# Builds the jar if target/ has none. Exit status 0 only when the service kept answering every probe and every
# attacker connection got an answer. Scratch folder kept on failure.
set -uo pipefail

SECONDS_FLOOD=${SECONDS_FLOOD:-30}
OUTAGE=${OUTAGE:-2}
HEAP=${HEAP:-2g}
LIMIT=${LIMIT:-180}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$(ls "$ROOT"/target/cikg-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && timeout 900 mvn -B -q package -DskipTests) || exit 2
  JAR=$(ls "$ROOT"/target/cikg-*.jar | grep -v original | head -1)
fi
WORK=$(mktemp -d /tmp/cikg-attack.XXXXXX)
START=$SECONDS
cp "$JAR" "$WORK/cikg.jar"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
WEB=$(free_port); SPARQL=$(free_port)
PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; true' EXIT

echo "$(date -u '+%Y-%m-%d %H:%M:%S') UTC, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); jar $JAR; work folder $WORK"
(cd "$ROOT" && exec java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$WORK/cikg.jar" --server.port="$WEB" \
    --server.address=127.0.0.1 --kg.fuseki.address=127.0.0.1 --kg.fuseki.port="$SPARQL" --kg.store.location="$WORK/store" \
    --kg.store.backups="$WORK/backups" --kg.admin.password="attack-$RANDOM$RANDOM" \
    --logging.level.org.apache.jena.fuseki=WARN --logging.level.org.apache.jena.fuseki.Fuseki=WARN \
    >"$WORK/service.log" 2>&1) &
PID=$!
while :; do
  if (( SECONDS - START >= LIMIT )); then echo "service not ready after $LIMIT s (see $WORK/service.log)"; exit 2; fi
  if ! kill -0 "$PID" 2>/dev/null; then echo "service did not start (see $WORK/service.log)"; PID=""; exit 2; fi
  curl -sf "http://127.0.0.1:$SPARQL/\$/ping" >/dev/null 2>&1 && curl -sf "http://127.0.0.1:$WEB/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
JPID=$(pgrep -P "$PID" java || echo "$PID")

echo "service ready after $((SECONDS - START)) s"
REMAINING=$((LIMIT - (SECONDS - START))); (( REMAINING < 1 )) && REMAINING=1
timeout "$REMAINING" java -Xmx256m "$ROOT/src/test/java/org/cikg/bench/AttackRun.java" \
  --sparql "http://127.0.0.1:$SPARQL/kg/sparql" --pid "$JPID" --seconds "$SECONDS_FLOOD" --outage "$OUTAGE"
STATUS=$?
if kill -0 "$PID" 2>/dev/null; then echo "service still running after the run"; else echo "service EXITED during the run (see $WORK/service.log)"; STATUS=1; PID=""; fi
grep -c "OutOfMemoryError" "$WORK/service.log" | sed 's/^/OutOfMemoryError lines in the log: /'
kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; PID=""
if [[ "$STATUS" == 0 ]]; then rm -rf "$WORK"; else echo "kept $WORK (service.log)"; fi
exit "$STATUS"
