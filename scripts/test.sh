#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what is missing, builds the cached tools
# the tests drive (helm, the Dapr runtime), then `mvn verify`; when a JDK 25 is installed, the
# Java modules are built and tested again on it (the product targets Java 17 and must run on 25).
# Usage: scripts/test.sh [extra maven args]
# Env:   TODO_SECOND_JDK (default /usr/lib/jvm/temurin-25-jdk-amd64), TODO_SKIP_SECOND_JDK=1
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
ensure_java_and_maven
ensure_go
ensure_node
ensure_chromium
echo "== helm: $(bash scripts/helm.sh)"
echo "== dapr runtime: $(bash scripts/dapr-runtime.sh)"

# ---- deploy: the local Dapr mode (deploy-tests LocalDaprModeTest runs scripts/run-dapr-local.sh,
# which starts Debian's PostgreSQL server). TODO_SKIP_DEPLOY_E2E=1 skips it.
if [ -z "${TODO_SKIP_DEPLOY_E2E:-}" ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
  export TODO_LOCAL_DAPR_E2E=1
fi

# ---- deploy: the Helm release on a real single-node Kubernetes (deploy-tests ClusterDeploymentTest
# runs scripts/kube-cluster.sh up, which builds or finds the cached binaries and images, and down
# when its JVM ends; it needs root). TODO_SKIP_DEPLOY_E2E=1 skips it.
if [ -z "${TODO_SKIP_DEPLOY_E2E:-}" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    export TODO_DEPLOY_E2E=1
    trap 'bash scripts/kube-cluster.sh down >/dev/null 2>&1 || true' EXIT
  else
    echo "== not root: the Kubernetes cluster test (ClusterDeploymentTest) is skipped"
  fi
fi

echo "== Java: $(java -version 2>&1 | head -1)"
echo "== Maven: $(mvn -v 2>/dev/null | head -1)"
mvn -B -ntp verify "$@"

second_jdk="${TODO_SECOND_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ -z "${TODO_SKIP_SECOND_JDK:-}" ] && [ -x "$second_jdk/bin/javac" ]; then
  echo "== Again on $("$second_jdk/bin/java" -version 2>&1 | head -1)" \
       "(the chart, Dapr and browser end-to-end modules do not depend on the JDK and are not repeated)"
  JAVA_HOME="$second_jdk" mvn -B -ntp clean verify -pl '!e2e-dapr,!deploy-tests,!frontend-e2e' "$@"
fi
