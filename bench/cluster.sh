#!/usr/bin/env bash
# A local replicated cluster in one command, on loopback: a KRaft Kafka broker (Kafka's jars from Maven Central, via
# bench/cluster/kafka-pom.xml), one writer, two read replicas and haproxy in front of the replicas
# (bench/cluster/haproxy.cfg). See docs/replication.md.
#
#   bench/cluster.sh start [--data DIR]   start everything (the writer loads ontology/ and DIR, default data/)
#   bench/cluster.sh status               health of each service
#   bench/cluster.sh stop                 stop what `start` started (the processes it recorded), nothing else
#
# Readers: facade http://127.0.0.1:18080, SPARQL http://127.0.0.1:13030/kg/sparql (haproxy, replicas only).
# Writes: the writer, facade http://127.0.0.1:18180 (POST /admin/reload), SPARQL update
# http://127.0.0.1:13130/kg/update, admin user "admin", password $CLUSTER_PASSWORD (default cluster-secret).
# Scratch folder: $CLUSTER_WORK (default /tmp/cikg-cluster). Ports can be moved with the variables below;
# SERVICE_ARGS adds properties to every service (the benchmark raises the SPARQL admission limits: haproxy is one
# client address to the replicas).
set -euo pipefail
cd "$(dirname "$0")/.."

export CLUSTER_WORK=${CLUSTER_WORK:-/tmp/cikg-cluster}
export KAFKA_PORT=${KAFKA_PORT:-19092} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-19093}
export WRITER_HTTP=${WRITER_HTTP:-18180} WRITER_SPARQL=${WRITER_SPARQL:-13130}
export R1_HTTP=${R1_HTTP:-18181} R1_SPARQL=${R1_SPARQL:-13131}
export R2_HTTP=${R2_HTTP:-18182} R2_SPARQL=${R2_SPARQL:-13132}
export LB_HTTP=${LB_HTTP:-18080} LB_SPARQL=${LB_SPARQL:-13030}
export LB_HTTP_ONE=${LB_HTTP_ONE:-18081} LB_SPARQL_ONE=${LB_SPARQL_ONE:-13031}
PASSWORD=${CLUSTER_PASSWORD:-cluster-secret}
TOPIC=${CLUSTER_TOPIC:-cikg-changes}
SERVICE_XMX=${SERVICE_XMX:-1g}
WRITER_XMX=${WRITER_XMX:-$SERVICE_XMX}
MAX_LAG=${MAX_LAG:-5m}
PIDS="$CLUSTER_WORK/pids"

log() { echo "[cluster] $*" >&2; }

# Waits (up to $2 seconds) until the URL $1 answers 200.
wait_http() {
  local url=$1 limit=$2 t=0
  until curl -fs -o /dev/null --max-time 5 "$url"; do
    t=$((t + 1))
    if [ "$t" -ge "$limit" ]; then log "no answer from $url after ${limit}s"; return 1; fi
    sleep 1
  done
}

# Starts a background process, records its pid with a name; output to $CLUSTER_WORK/NAME.log.
spawn() {
  local name=$1; shift
  nohup "$@" > "$CLUSTER_WORK/$name.log" 2>&1 &
  echo "$! $name" >> "$PIDS"
}

ensure_haproxy() {
  if command -v haproxy > /dev/null; then return; fi
  log "installing Debian's haproxy"
  local sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends haproxy > /dev/null \
    || { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends haproxy > /dev/null; }
}

ensure_jars() {
  if [ "${SKIP_BUILD:-no}" != yes ] || ! ls target/cikg-*.jar > /dev/null 2>&1; then
    log "building the service jar (SKIP_BUILD=yes to use the one in target/)"
    timeout 1200 mvn -B -q package -DskipTests
  fi
  JAR=$(ls target/cikg-*.jar | grep -v original | head -1)
  local kv
  kv=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' pom.xml | head -1)
  if ! ls target/kafka/libs/kafka_2.13-"$kv".jar > /dev/null 2>&1; then
    rm -rf target/kafka/libs
    log "fetching Kafka $kv's jars with Maven"
    timeout 1200 mvn -B -q -f bench/cluster/kafka-pom.xml dependency:copy-dependencies -Dkafka.version="$kv"
  fi
}

start_kafka() {
  local dir="$CLUSTER_WORK/kafka"
  mkdir -p "$dir/data"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  local cp="target/kafka/libs/*"
  if [ ! -f "$dir/data/meta.properties" ]; then
    timeout 120 java -cp "$cp" kafka.tools.StorageTool format -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid)" \
      -c "$dir/server.properties" > "$CLUSTER_WORK/kafka-format.log" 2>&1
  fi
  spawn kafka java -Xmx512m -Dcikg.cluster="$CLUSTER_WORK" -cp "$cp" kafka.Kafka "$dir/server.properties"
  local t=0
  until (exec 3<>/dev/tcp/127.0.0.1/"$KAFKA_PORT") 2> /dev/null; do
    t=$((t + 1)); [ "$t" -lt 120 ] || { log "Kafka did not start: $CLUSTER_WORK/kafka.log"; return 1; }; sleep 1
  done
  log "Kafka broker on 127.0.0.1:$KAFKA_PORT"
}

# start_service NAME HTTP SPARQL XMX ARGS...
start_service() {
  local name=$1 http=$2 sparql=$3 xmx=$4; shift 4
  mkdir -p "$CLUSTER_WORK/$name"
  spawn "$name" java -Xmx"$xmx" -Dcikg.cluster="$CLUSTER_WORK" -jar "$JAR" \
    --server.address=127.0.0.1 --server.port="$http" --kg.fuseki.port="$sparql" \
    --kg.store.location="$CLUSTER_WORK/$name/store" --kg.store.backups="$CLUSTER_WORK/$name/backups" \
    --kg.admin.password="$PASSWORD" --kg.replication.bootstrap-servers=127.0.0.1:"$KAFKA_PORT" \
    --kg.replication.topic="$TOPIC" --kg.replication.max-lag="$MAX_LAG" \
    --logging.level.org.apache.kafka=WARN --logging.level.org.apache.jena.fuseki=WARN "$@" ${SERVICE_ARGS:-}
}

start() {
  local data=data
  while [ $# -gt 0 ]; do
    case $1 in
      --data) data=$2; shift 2 ;;
      *) log "unknown option $1"; exit 2 ;;
    esac
  done
  if [ -s "$PIDS" ]; then log "already started ($PIDS); bench/cluster.sh stop first"; exit 1; fi
  mkdir -p "$CLUSTER_WORK"
  : > "$PIDS"
  ensure_haproxy
  ensure_jars
  start_kafka
  start_service writer "$WRITER_HTTP" "$WRITER_SPARQL" "$WRITER_XMX" --kg.replication.role=writer \
    --kg.store.data="$(cd "$data" && pwd)"
  wait_http "http://127.0.0.1:$WRITER_HTTP/actuator/health/readiness" 900
  log "writer on http://127.0.0.1:$WRITER_HTTP (SPARQL :$WRITER_SPARQL)"
  for r in 1 2; do
    local http_var="R${r}_HTTP" sparql_var="R${r}_SPARQL"
    start_service "replica$r" "${!http_var}" "${!sparql_var}" "$SERVICE_XMX" --kg.replication.role=replica \
      --kg.replication.writer-url="http://127.0.0.1:$WRITER_HTTP"
  done
  for r in 1 2; do
    local http_var="R${r}_HTTP"
    wait_http "http://127.0.0.1:${!http_var}/actuator/health/readiness" 900
    log "replica$r ready on http://127.0.0.1:${!http_var}"
  done
  haproxy -f bench/cluster/haproxy.cfg -D -p "$CLUSTER_WORK/haproxy.pid"
  echo "$(cat "$CLUSTER_WORK/haproxy.pid") haproxy" >> "$PIDS"
  wait_http "http://127.0.0.1:$LB_HTTP/actuator/health/readiness" 30
  log "haproxy: facade http://127.0.0.1:$LB_HTTP, SPARQL http://127.0.0.1:$LB_SPARQL/kg/sparql"
}

# Stops the recorded processes, newest first: SIGTERM, up to 30 s, then SIGKILL. A pid is signalled only while its
# command line still names this cluster's folder or config (a recycled pid is left alone).
stop() {
  [ -f "$PIDS" ] || { log "nothing recorded in $PIDS"; return 0; }
  tac "$PIDS" | while read -r pid name; do
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" \
         | grep -qF -e "$CLUSTER_WORK" -e bench/cluster/haproxy.cfg; then
      kill "$pid" 2> /dev/null || true
      for _ in $(seq 30); do kill -0 "$pid" 2> /dev/null || break; sleep 1; done
      kill -0 "$pid" 2> /dev/null && kill -9 "$pid" 2> /dev/null || true
      log "stopped $name ($pid)"
    fi
  done
  rm -f "$PIDS"
}

status() {
  for s in "writer $WRITER_HTTP" "replica1 $R1_HTTP" "replica2 $R2_HTTP" "haproxy $LB_HTTP"; do
    set -- $s
    printf '%-9s ' "$1"
    curl -sS --max-time 5 "http://127.0.0.1:$2/actuator/health/readiness" || printf 'not answering'
    echo
  done
}

case ${1:-} in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
