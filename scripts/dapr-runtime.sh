#!/usr/bin/env bash
# Builds the Dapr runtime (daprd + scheduler) from the Go module proxy, once, and caches the
# binaries outside the repository. Prints the directory that holds them.
# `dapr init` cannot download here and `go install` refuses the module (replace directives), so
# the module source is downloaded with `go mod download` and built in a writable copy.
# Usage: scripts/dapr-runtime.sh            -> prints the bin directory
# Env:   DAPR_VERSION (default v1.18.1; the 1.17 line cannot be built here: its components-contrib v1.17.0 is not served by the module proxy), TODO_CACHE_DIR (default ~/.cache/todo-ai)
set -euo pipefail

version="${DAPR_VERSION:-v1.18.1}"
cache="${TODO_CACHE_DIR:-$HOME/.cache/todo-ai}"
bin="$cache/dapr/$version/bin"

if [ -x "$bin/daprd" ] && [ -x "$bin/scheduler" ]; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null 2>&1 || { echo "dapr-runtime: Go is needed to build daprd" >&2; exit 1; }

work="$cache/dapr/$version/src"
mkdir -p "$bin" "$cache/dapr/$version"
if [ ! -f "$work/go.mod" ]; then
  tmpmod=$(mktemp -d)
  (cd "$tmpmod" && go mod init dapr-runtime-fetch >/dev/null 2>&1 \
     && go mod download -json "github.com/dapr/dapr@$version") > "$cache/dapr/$version/download.json"
  dir=$(sed -n 's/.*"Dir": "\(.*\)".*/\1/p' "$cache/dapr/$version/download.json")
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "dapr-runtime: download of dapr $version failed" >&2; cat "$cache/dapr/$version/download.json" >&2; exit 1; }
  rm -rf "$work.partial"
  cp -r "$dir" "$work.partial"
  chmod -R u+w "$work.partial"
  mv "$work.partial" "$work"
  rm -rf "$tmpmod"
fi

echo "dapr-runtime: building daprd and scheduler $version (this takes a while once)" >&2
(cd "$work" && CGO_ENABLED=0 go build -trimpath -tags stablecomponents -o "$bin/daprd.partial" ./cmd/daprd \
   && mv "$bin/daprd.partial" "$bin/daprd")
# The scheduler's go-etcd-cron v0.12.5 is not served by the module proxy; v0.12.0 is and builds.
if ! (cd "$work" && CGO_ENABLED=0 go build -trimpath -o "$bin/scheduler.partial" ./cmd/scheduler); then
  echo "dapr-runtime: retrying the scheduler with go-etcd-cron ${DAPR_ETCD_CRON_FALLBACK:-v0.12.0}" >&2
  (cd "$work" && go mod edit -replace "github.com/diagridio/go-etcd-cron=github.com/diagridio/go-etcd-cron@${DAPR_ETCD_CRON_FALLBACK:-v0.12.0}" \
     && CGO_ENABLED=0 go build -mod=mod -trimpath -o "$bin/scheduler.partial" ./cmd/scheduler)
fi
mv "$bin/scheduler.partial" "$bin/scheduler"
echo "$bin"
