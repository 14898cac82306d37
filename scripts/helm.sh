#!/usr/bin/env bash
# Builds the real helm v3 binary from the Go module proxy, once, and caches it outside the
# repository. Prints the path of the binary.
# Env: HELM_VERSION (default v3.22.0), TODO_CACHE_DIR (default ~/.cache/todo-ai)
set -euo pipefail

version="${HELM_VERSION:-v3.22.0}"
cache="${TODO_CACHE_DIR:-$HOME/.cache/todo-ai}"
bin="$cache/helm/$version/bin/helm"

if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "helm: Go is needed to build helm" >&2; exit 1; }

mkdir -p "$(dirname "$bin")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "helm: building helm $version (once)" >&2
(cd "$work" && go mod init helm-build >/dev/null 2>&1 \
   && go get "helm.sh/helm/v3/cmd/helm@$version" >&2 \
   && CGO_ENABLED=0 go build -trimpath \
        -ldflags "-X helm.sh/helm/v3/internal/version.version=$version" \
        -o "$bin.partial" helm.sh/helm/v3/cmd/helm)
mv "$bin.partial" "$bin"
echo "$bin"
