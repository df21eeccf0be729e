#!/usr/bin/env bash
# Virtuoso Open Source on loopback, in a scratch folder, for the benchmark.
#   bench/virtuoso.sh start DIR FILE PORT HTTPPORT   start, bulk-load FILE into the data graph, print "load-seconds N"
#   bench/virtuoso.sh stop DIR PORT                  checkpoint and shut down (only the server this script started)
set -euo pipefail
cmd=$1 dir=$2
case "$cmd" in
start)
  file=$(readlink -f "$3") port=$4 httpport=$5
  rm -rf "$dir" && mkdir -p "$dir"
  sed -e "s#/var/lib/virtuoso-opensource-7/db#$dir#g" \
      -e "s#^ServerPort\s*=\s*1111#ServerPort = 127.0.0.1:$port#" \
      -e "s#^ServerPort\s*=\s*8890#ServerPort = 127.0.0.1:$httpport#" \
      -e "s#^DirsAllowed\s*=.*#DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, $(dirname "$file")#" \
      -e "s#^NumberOfBuffers\s*=\s*10000#NumberOfBuffers = 170000#" \
      -e "s#^MaxDirtyBuffers\s*=\s*6000#MaxDirtyBuffers = 130000#" \
      /etc/virtuoso-opensource-7/virtuoso.ini > "$dir/virtuoso.ini"
  # A server already answering on the port (a leftover of an interrupted run) would take the load and the queries
  # in place of the one started here, with stale data and a meaningless load time: refuse to go on.
  if isql-vt 127.0.0.1:"$port" dba dba exec="status();" > /dev/null 2>&1; then
    echo "virtuoso.sh: something already answers on 127.0.0.1:$port; stop it first (bench/virtuoso.sh stop DIR $port)" >&2
    exit 1
  fi
  # Started directly (no subshell in between), so $! is the server's own pid and nothing waits on it.
  cd "$dir"
  setsid virtuoso-t -f -c "$dir/virtuoso.ini" < /dev/null > "$dir/server.out" 2>&1 &
  echo $! > "$dir/pid"
  cd - > /dev/null
  for _ in $(seq 1 120); do
    kill -0 "$(cat "$dir/pid")" 2>/dev/null || { echo "virtuoso.sh: the server exited: $(tail -2 "$dir/server.out")" >&2; exit 1; }
    isql-vt 127.0.0.1:"$port" dba dba exec="status();" > /dev/null 2>&1 && break
    sleep 1
  done
  t0=$(date +%s.%N)
  timeout 1800 isql-vt 127.0.0.1:"$port" dba dba \
    exec="ld_dir('$(dirname "$file")', '$(basename "$file")', 'https://w3id.org/cikg/graph/data'); rdf_loader_run(); checkpoint; select count(*) from DB.DBA.load_list where ll_error is not null;" \
    > "$dir/load.out" 2>&1
  t1=$(date +%s.%N)
  echo "load-seconds $(echo "$t1 - $t0" | bc)"
  ;;
stop)
  port=$3
  isql-vt 127.0.0.1:"$port" dba dba exec="shutdown();" > /dev/null 2>&1 || true
  if [ -f "$dir/pid" ]; then
    pid=$(cat "$dir/pid")
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill "$pid" 2>/dev/null || true
  fi
  ;;
esac
