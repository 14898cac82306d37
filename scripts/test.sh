#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what is missing, then `mvn verify`.
# Usage: scripts/test.sh [extra maven args]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
ensure_java_and_maven
ensure_go
ensure_node
echo "== helm: $(bash scripts/helm.sh)"
echo "== dapr runtime: $(bash scripts/dapr-runtime.sh)"

echo "== Java: $(java -version 2>&1 | head -1)"
echo "== Maven: $(mvn -v 2>/dev/null | head -1)"
mvn -B -ntp verify "$@"
