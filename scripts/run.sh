#!/usr/bin/env bash
# Builds (when needed) and runs Todo AI: role `all`, embedded PostgreSQL with data in ./data,
# the web app and the API on http://localhost:8080/. Arguments go to the application (e.g.
# --role=backend).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
ensure_java_and_maven
ensure_node

jar=bootstrap/target/todo-ai.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./data -prune -o -path '*/node_modules' -prune -o -path '*/target' -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name 'pom.xml' -o -name '*.ts' -o -name '*.tsx' -o -name '*.css' -o -name 'package-lock.json' -o -name 'index.html' \) -newer "$jar" -print -quit)" ]; then
  echo "== Building $jar"
  mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true package
fi
# JVM defaults for a small server (2 cores, RSS well under 400 MB for role all under load; a young
# generation of 48 MB collects every ~0.1-0.2 s under load instead of every 45 ms; see
# docs/benchmarks.md). JAVA_OPTS replaces them.
read -r -a jvm <<< "${JAVA_OPTS:--XX:+UseSerialGC -Xms96m -Xmn48m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m}"

# Class-data sharing (ADR 0021): about a second less per start; TODO_CDS=0 skips it.
source scripts/lib/cds.sh
cds_jvm_options "$jar" "${jvm[@]}"
exec java "${jvm[@]}" "${CDS_OPTIONS[@]}" -jar "$jar" "$@"
