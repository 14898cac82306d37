#!/usr/bin/env bash
# Runs the on-demand benchmarks of the embedded default and prints measured values with their
# ratio to the targets (ratio < 1 meets the target). Not part of the test suite.
# Usage: scripts/bench.sh [reminders [successors]]   e.g. scripts/bench.sh 10000 50
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
ensure_java_and_maven
mvn -B -ntp -q install -DskipTests -Dspotless.check.skip=true
mvn -B -ntp -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
mvn -B -ntp -q -f bench/pom.xml compile
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
java -Xmx2g -cp "$cp" dev.todoai.bench.SuccessorLatencyBench "${2:-50}"
java -Xmx2g -cp "$cp" dev.todoai.bench.ReminderLatencyBench "${1:-10000}"
