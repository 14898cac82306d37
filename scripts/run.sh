#!/usr/bin/env bash
# Builds (when needed) and runs Todo AI: role `all`, embedded PostgreSQL with data in ./data,
# web API on port 8080. Arguments go to the application (e.g. --role=backend).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
ensure_java_and_maven

jar=bootstrap/target/todo-ai.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
  echo "== Building $jar"
  mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true package
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
