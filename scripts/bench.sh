#!/usr/bin/env bash
# The on-demand benchmark of issue 16 (not part of the test suite): builds the product's jar and
# the harness in bench/, starts the product (role all, embedded PostgreSQL) in a JVM of its own,
# seeds it, and measures every scenario through the API and as raw SQL against the same database,
# in the same run. Prints the table and writes docs/benchmarks.md plus PNG plots in docs/.
#
# Usage: scripts/bench.sh [--quick] [--label=NAME] [--clients=1,16,64] [--scales=10000,100000,1000000]
#                         [--warmup=5] [--measure=10] [--only=list,filter,...] [--docs=DIR]
#                         [--product-jvm="-Xmx256m ..."]
# The full run takes about 40 minutes on 2 cores; --quick about 15. BENCH_MAVEN_ARGS is passed to
# Maven (e.g. -Dmaven.repo.local=...). Stop other load on the machine first: the load average is
# written next to every table.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
ensure_java_and_maven
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}"
# One reactor build (no install): the product's jar, the harness and the harness's classpath.
# shellcheck disable=SC2086
mvn -B -ntp ${BENCH_MAVEN_ARGS:-} -Pbench -pl bench -am -DskipTests -Dspotless.check.skip=true \
  -Dmdep.outputFile=target/classpath.txt package dependency:build-classpath >/tmp/todo-bench-build.log \
  || { tail -50 /tmp/todo-bench-build.log; exit 1; }
# Run from a copy, so that a rebuild during the run does not pull jars from under it.
snapshot=$(mktemp -d /tmp/todo-bench-cp.XXXXXX)
trap 'rm -rf "$snapshot"' EXIT
cp -r bench/target/classes "$snapshot/classes"
cp bootstrap/target/todo-ai.jar "$snapshot/todo-ai.jar"
cp="$snapshot/classes"
IFS=":" read -r -a jars < bench/target/classpath.txt || true
for j in "${jars[@]}"; do
  cp "$j" "$snapshot/"
  cp="$cp:$snapshot/$(basename "$j")"
done
java -Xmx1g -Djava.awt.headless=true -cp "$cp" dev.todoai.bench.ReadPathBench \
  --jar="$snapshot/todo-ai.jar" "$@"
