#!/usr/bin/env bash
# Crash/durability suite: kill -9 the packaged service during a load, a stream of admin updates, a compaction and a
# backup; restart it; check that it starts cleanly, that no acknowledged write is lost and that no transaction is
# visible in part. Not part of `mvn verify` (it takes minutes); run from the project root:
#
#   bench/crash-test.sh [ROUNDS]        (default 3 rounds per scenario; builds the jar if missing)
#
# Everything runs on loopback, in a temporary folder (kept on failure). Prints one line per round and a summary;
# exit status 0 only when every check passed.
set -uo pipefail

ROUNDS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$(ls "$ROOT"/target/cikg-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && mvn -B -q package -DskipTests)
  JAR=$(ls "$ROOT"/target/cikg-*.jar | grep -v original | head -1)
fi
WORK=$(mktemp -d /tmp/cikg-crash.XXXXXX)
cp "$JAR" "$WORK/cikg.jar"; JAR="$WORK/cikg.jar"   # a rebuild of target/ must not pull the jar from under us
PASS=crash-secret
AUTH="admin:$PASS"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
WEB=$(free_port); SPARQL=$(free_port)
PID=""
STARTS=0; CLEAN_STARTS=0; KILLS=0; ACKED=0; LOST=0; PARTIAL=0; FAILURES=0

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { log "FAIL: $*"; FAILURES=$((FAILURES + 1)); }

start() { # start [extra args...]; waits for health, fails if the process dies first
  STARTS=$((STARTS + 1))
  (cd "$ROOT" && exec java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$JAR" --server.port="$WEB" --kg.fuseki.port="$SPARQL" \
      --kg.store.location="$WORK/store" --kg.store.backups="$WORK/backups" --kg.admin.password="$PASS" \
      --logging.level.org.apache.jena.fuseki=WARN "$@" >>"$WORK/service.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 600); do
    if ! kill -0 "$PID" 2>/dev/null; then fail "service did not start (see $WORK/service.log)"; PID=""; return 1; fi
    if curl -sf "http://127.0.0.1:$WEB/actuator/health" >/dev/null 2>&1; then CLEAN_STARTS=$((CLEAN_STARTS + 1)); return 0; fi
    sleep 0.5
  done
  fail "service not healthy after 300 s: $(curl -s "http://127.0.0.1:$WEB/actuator/health")"; crash; return 1
}
crash() { KILLS=$((KILLS + 1)); kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; }
stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; }
trap '[[ -n "$PID" ]] && kill -9 "$PID" 2>/dev/null; true' EXIT

sparql_csv() { curl -sf -H 'Accept: text/csv' --data-urlencode "query=$1" "http://127.0.0.1:$SPARQL/kg/sparql" | tail -n +2 | tr -d '\r'; }
count() { sparql_csv "SELECT (COUNT(*) AS ?n) WHERE { $1 }"; }
update() { curl -sf -o /dev/null -u "$AUTH" -H 'Content-Type: application/sparql-update' --data-binary "$1" "http://127.0.0.1:$SPARQL/kg/update"; }
rand_ms() { python3 -c "import random; print(random.randint($1, $2))"; }
sleep_ms() { python3 -c "import time; time.sleep($1/1000)"; }
leftovers() { find "$WORK/store" -maxdepth 1 -name 'Data-*-tmp' | wc -l; }

log "jar $JAR, work folder $WORK, ports $WEB/$SPARQL, $ROUNDS rounds per scenario"

# Reference: a clean load gives the expected contents.
start
EXPECTED=$(count "?s ?p ?o")
EXPECTED_DATA=$(count "GRAPH <https://w3id.org/cikg/graph/data> { ?s ?p ?o }")
log "reference load: $EXPECTED triples in the union ($EXPECTED_DATA asserted data)"
stop

# 1. kill -9 during a (forced) reload: after restart the store holds the old or the new load, never a mix.
for r in $(seq 1 "$ROUNDS"); do
  start
  curl -s -o /dev/null -u "$AUTH" -X POST "http://127.0.0.1:$WEB/admin/reload?force=true" &
  CURL=$!
  sleep_ms "$(rand_ms 50 1500)"
  crash; wait "$CURL" 2>/dev/null || true
  start --kg.store.load-on-start=false || continue
  got=$(count "?s ?p ?o"); data=$(count "GRAPH <https://w3id.org/cikg/graph/data> { ?s ?p ?o }")
  if [[ "$got" != "$EXPECTED" || "$data" != "$EXPECTED_DATA" ]]; then PARTIAL=$((PARTIAL + 1)); fail "load round $r: $got triples ($data data), expected $EXPECTED ($EXPECTED_DATA)"; fi
  log "load round $r: killed mid-reload; restart clean, $got triples (expected $EXPECTED)"
  stop
done

# 2. kill -9 during a stream of admin updates: every acknowledged INSERT is there, each with both its triples.
for r in $(seq 1 "$ROUNDS"); do
  start --kg.store.load-on-start=false
  update "DROP SILENT GRAPH <urn:crash:updates>"
  ACKFILE="$WORK/acked-$r"; : >"$ACKFILE"
  (i=0; while true; do i=$((i + 1));
     if update "INSERT DATA { GRAPH <urn:crash:updates> { <urn:crash:s$i> <urn:crash:a> $i . <urn:crash:s$i> <urn:crash:b> $i } }"; then echo "$i" >>"$ACKFILE"; fi
   done) &
  WRITER=$!
  sleep_ms "$(rand_ms 2000 5000)"
  crash; kill "$WRITER" 2>/dev/null; wait "$WRITER" 2>/dev/null || true
  acked=$(wc -l <"$ACKFILE"); ACKED=$((ACKED + acked))
  start --kg.store.load-on-start=false || continue
  present=$(sparql_csv "SELECT ?s (COUNT(*) AS ?n) WHERE { GRAPH <urn:crash:updates> { ?s ?p ?o } } GROUP BY ?s" | sed 's/^urn:crash:s//')
  halves=$(echo "$present" | awk -F, 'NF==2 && $2!=2' | wc -l)
  lost=$(comm -23 <(sort -u "$ACKFILE") <(echo "$present" | cut -d, -f1 | sort -u) | wc -l)
  LOST=$((LOST + lost)); PARTIAL=$((PARTIAL + halves))
  [[ "$lost" == 0 && "$halves" == 0 ]] || fail "updates round $r: $lost acknowledged writes lost, $halves partial"
  log "updates round $r: $acked acknowledged, $(echo "$present" | grep -c , || true) present after restart, $lost lost, $halves partial"
  stop
done

# 3. kill -9 during compaction (with extra data so it takes a moment): clean start, the -tmp folder removed, same data.
start --kg.store.load-on-start=false
python3 - "$WORK/bulk.nt" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(120000):
        f.write(f"<urn:crash:bulk{i}> <urn:crash:v> \"value {i}\" .\n")
EOF
curl -sf -o /dev/null -u "$AUTH" -H 'Content-Type: application/n-triples' --data-binary @"$WORK/bulk.nt" \
  "http://127.0.0.1:$SPARQL/kg/data?graph=urn:crash:bulk"
BEFORE=$(count "?s ?p ?o")
stop
for r in $(seq 1 "$ROUNDS"); do
  start --kg.store.load-on-start=false
  curl -s -o /dev/null -u "$AUTH" -X POST "http://127.0.0.1:$WEB/admin/compact" &
  CURL=$!
  sleep_ms "$(rand_ms 100 1500)"
  tmp_seen=$(leftovers)
  crash; wait "$CURL" 2>/dev/null || true
  tmp_after_kill=$(leftovers)
  start --kg.store.load-on-start=false || continue
  got=$(count "?s ?p ?o")
  [[ "$got" == "$BEFORE" ]] || { PARTIAL=$((PARTIAL + 1)); fail "compaction round $r: $got triples, expected $BEFORE"; }
  [[ "$(leftovers)" == 0 ]] || fail "compaction round $r: Data-*-tmp left after restart"
  log "compaction round $r: killed with $tmp_after_kill -tmp folder(s) on disk; restart clean, $(leftovers) left, $got triples (expected $BEFORE)"
  stop
done

# 4. kill -9 during a backup: clean start, no *.tmp left, every backup there verifies, the store unchanged;
#    then restore the last good backup offline and compare.
for r in $(seq 1 "$ROUNDS"); do
  start --kg.store.load-on-start=false
  curl -s -o /dev/null -u "$AUTH" -X POST "http://127.0.0.1:$WEB/admin/backup" &
  CURL=$!
  sleep_ms "$(rand_ms 100 2000)"
  crash; wait "$CURL" 2>/dev/null || true
  tmp_after_kill=$(find "$WORK/backups" -name '*.tmp' 2>/dev/null | wc -l)
  start --kg.store.load-on-start=false || continue
  tmp_left=$(find "$WORK/backups" -name '*.tmp' 2>/dev/null | wc -l)
  bad=0
  for sum in "$WORK"/backups/*.sha256; do
    [[ -e "$sum" ]] || continue
    (cd "$WORK/backups" && sha256sum -c --quiet "$(basename "$sum")") || bad=$((bad + 1))
  done
  got=$(count "?s ?p ?o")
  [[ "$tmp_left" == 0 && "$bad" == 0 && "$got" == "$BEFORE" ]] || fail "backup round $r: $tmp_left .tmp left, $bad bad checksums, $got triples"
  log "backup round $r: killed with $tmp_after_kill .tmp file(s); restart clean, $tmp_left left, $(ls "$WORK"/backups/*.nq.gz 2>/dev/null | wc -l) complete backup(s) verify, $got triples"
  stop
done
start --kg.store.load-on-start=false
curl -sf -o /dev/null -u "$AUTH" -X POST "http://127.0.0.1:$WEB/admin/backup"
update "DROP GRAPH <urn:crash:bulk>"
stop
LAST=$(ls -t "$WORK"/backups/*.nq.gz | head -1)
(cd "$ROOT" && java -jar "$JAR" restore "$LAST" --kg.store.location="$WORK/store" --kg.store.backups="$WORK/backups" \
  >>"$WORK/service.log" 2>&1) || fail "restore of $LAST failed"
start --kg.store.load-on-start=false
got=$(count "?s ?p ?o")
[[ "$got" == "$BEFORE" ]] || fail "restore: $got triples, expected $BEFORE"
log "restore of $(basename "$LAST"): $got triples (expected $BEFORE)"
stop

log "SUMMARY kills=$KILLS starts=$STARTS clean_starts=$CLEAN_STARTS acknowledged_writes=$ACKED lost=$LOST partial=$PARTIAL failures=$FAILURES"
if [[ "$FAILURES" == 0 ]]; then rm -rf "$WORK"; exit 0; else log "kept $WORK"; exit 1; fi
