#!/usr/bin/env bash
# The replication benchmark in one command: bench/replicas.sh
# Starts the local cluster of bench/cluster.sh (Kafka, a writer, two replicas, haproxy) over a copy of data/, then
# runs org.cikg.bench.ReplicaBenchmark: lag after a 1M-triple load (generate --triples 1M --seed 7) and after a reload
# that replaces it with another 1M graph (seed 8), lag under a stream of small updates, and read throughput through
# haproxy with one replica and with two at 16 and 64 clients (as a ratio). Writes docs/replication-benchmark.md and
# stops the cluster at the end. Scratch files in $BENCH_WORK (default /tmp/cikg-replicas); the generated graphs are
# reused when present. Knobs: UPDATES (default 100), SECONDS_PER_RUN (15), CLIENTS (16,64), SECOND_RELOAD (yes; no
# leaves out the reload with the seed-8 graph), PARTS (loads,updates,throughput: the parts measured), ports and
# folders as in bench/cluster.sh (KAFKA_PORT, WRITER_HTTP, ..., LB_SPARQL_ONE), ENTITIES (500: the pages read),
# WORKLOADS (pages,sparql), OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${BENCH_WORK:-/tmp/cikg-replicas}
mkdir -p "$WORK"
export CLUSTER_WORK="$WORK/cluster"
export SKIP_BUILD=yes WRITER_XMX=${WRITER_XMX:-4g} SERVICE_XMX=${SERVICE_XMX:-1500m} MAX_LAG=${MAX_LAG:-30m}
# Every request reaches a replica from haproxy's one address: admit as many concurrent SPARQL queries per client as
# the benchmark's clients, as bench/run.sh does for its loopback clients.
export SERVICE_ARGS=${SERVICE_ARGS:---kg.sparql.max-concurrent=512 --kg.sparql.max-concurrent-per-client=512}

timeout 1200 mvn -B -q package -DskipTests
JAR=$(ls target/cikg-*.jar | grep -v original | head -1)
# the benchmark is in the bench source set (src/bench/java), compiled by the bench profile under target/bench
timeout 900 mvn -B -q -Pbench test-compile
CP="target/bench/test-classes:target/bench/classes:$(timeout 300 mvn -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"

for seed in 7 8; do
  f="$WORK/synth-1M-seed$seed.nt.gz"
  [ -s "$f" ] || timeout 3600 java -jar "$JAR" generate --triples 1M --seed "$seed" --out "$f"
done

rm -rf "$WORK/data" "$CLUSTER_WORK"
cp -r data "$WORK/data"
trap 'bench/cluster.sh stop' EXIT
bench/cluster.sh start --data "$WORK/data"

timeout "${SUITE_TIMEOUT:-7200}" java -Xmx1g -cp "$CP" org.cikg.bench.ReplicaBenchmark \
  --writer "http://127.0.0.1:${WRITER_HTTP:-18180}" --writer-sparql "http://127.0.0.1:${WRITER_SPARQL:-13130}" \
  --replicas "http://127.0.0.1:${R1_HTTP:-18181},http://127.0.0.1:${R2_HTTP:-18182}" \
  --replica-sparql "http://127.0.0.1:${R1_SPARQL:-13131},http://127.0.0.1:${R2_SPARQL:-13132}" \
  --lb "http://127.0.0.1:${LB_HTTP:-18080}" --lb-sparql "http://127.0.0.1:${LB_SPARQL:-13030}" \
  --lb-one "http://127.0.0.1:${LB_HTTP_ONE:-18081}" --lb-one-sparql "http://127.0.0.1:${LB_SPARQL_ONE:-13031}" \
  --data "$WORK/data" --synth "$WORK/synth-1M-seed7.nt.gz" \
  --synth2 "$([ "${SECOND_RELOAD:-yes}" = yes ] && echo "$WORK/synth-1M-seed8.nt.gz")" --parts "${PARTS:-loads,updates,throughput}" \
  --password "${CLUSTER_PASSWORD:-cluster-secret}" --updates "${UPDATES:-100}" --seconds "${SECONDS_PER_RUN:-15}" \
  --clients "${CLIENTS:-16,64}" --entities "${ENTITIES:-500}" --workloads "${WORKLOADS:-pages,sparql}" \
  --out "${OUT:-docs/replication-benchmark.md}" --command "${COMMAND_LINE:-bench/replicas.sh}"
