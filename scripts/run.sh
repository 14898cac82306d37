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
# JVM defaults for a small server (2 cores, RSS well under 400 MB for role all under load; see
# docs/benchmarks.md). JAVA_OPTS replaces them.
read -r -a jvm <<< "${JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m}"

# Class-data sharing (ADR 0021): the classes a start loads, parsed and verified once into an
# archive beside the jar, so later starts map them instead of loading them (about a second less).
# Made by one training run (a start and a stop on an empty scratch data directory) when the jar
# is newer than the archive; TODO_CDS=0 skips it.
cds="${jar%.jar}.jsa"
if [ "${TODO_CDS:-1}" != 0 ]; then
  if [ ! -f "$cds" ] || [ "$jar" -nt "$cds" ]; then
    echo "== Recording the class-data sharing archive $cds (once per build)"
    scratch=$(mktemp -d)
    rm -f "$cds"
    if ! TODO_EXIT_AFTER_START=1 TODO_DATA_DIR="$scratch/data" TODO_PORT=-1 \
         java "${jvm[@]}" -XX:ArchiveClassesAtExit="$cds" -jar "$jar" > "$scratch/training.log" 2>&1; then
      echo "   (no archive: the training run failed, see $scratch/training.log; starting without it)"
      rm -f "$cds"
    else
      rm -rf "$scratch"
    fi
  fi
  [ -f "$cds" ] && jvm+=("-XX:SharedArchiveFile=$cds" -Xshare:auto)
fi
exec java "${jvm[@]}" -jar "$jar" "$@"
