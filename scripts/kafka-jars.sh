#!/usr/bin/env bash
# Copies, once, Apache Kafka's jars (broker, tools, Log4j 2) from Maven Central into a cache
# outside the repository, for the local broker of scripts/run-dapr-local.sh and the test cluster's
# Kafka image. The cache key is the hash of the pom, so a version change fetches a new set.
# Prints the directory holding the jars.
set -euo pipefail
pom="$(cd "$(dirname "$0")" && pwd)/kube/images/kafka/pom.xml"
cache="${TODO_CACHE_DIR:-$HOME/.cache/todo-ai}"
key=$(sha256sum "$pom" | cut -c1-12)
libs="$cache/kafka/libs-$key"
if [ -f "$libs/.complete" ]; then echo "$libs"; exit 0; fi
rm -rf "$libs.partial"
echo "kafka-jars: fetching Kafka's jars (once)" >&2
mvn -B -ntp -q -f "$pom" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
  -DincludeScope=runtime "-DoutputDirectory=$libs.partial" >&2
touch "$libs.partial/.complete"
rm -rf "$libs" && mv "$libs.partial" "$libs"
echo "$libs"
