#!/usr/bin/env bash
# AppCDS for faster start-up: bench/cds.sh JAR DIR STORE writes DIR/cikg.jar (the jar extracted, as the JVM's class
# data sharing needs) and DIR/app.jsa (the classes the service loads up to a refreshed context, trained once over the
# store STORE). Then start with: java -XX:SharedArchiveFile=DIR/app.jsa -jar DIR/cikg.jar ...
# Re-run after every build: an archive only serves the jar it was made from.
set -euo pipefail
jar=$(readlink -f "$1") dir=$2 store=$(readlink -f "$3")
rm -rf "$dir" && mkdir -p "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir/extracted" > /dev/null
mv "$dir/extracted/$(basename "$jar")" "$dir/cikg.jar" && mv "$dir/extracted/lib" "$dir/lib" && rmdir "$dir/extracted"
# Training run: start, refresh the context (store open, endpoints started), exit; ports 0 so nothing clashes.
timeout 600 java -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh -jar "$dir/cikg.jar" \
  --kg.store.location="$store" --kg.store.load-on-start=false --server.port=0 --kg.fuseki.port=0 \
  > "$dir/training.log" 2>&1 || true
test -s "$dir/app.jsa" || { echo "cds.sh: no archive written, see $dir/training.log" >&2; exit 1; }
echo "cds.sh: $dir/app.jsa ($(du -h "$dir/app.jsa" | cut -f1))"
