#!/usr/bin/env bash
# Builds the Dapr runtime (daprd, scheduler, and sentry for mTLS) from the Go module proxy, once, and caches the
# binaries outside the repository. Prints the directory that holds them.
# `dapr init` cannot download here and `go install` refuses the module (replace directives), so
# the module source is downloaded with `go mod download` and built in a writable copy.
# The binaries are stamped like Dapr's own release build (the -ldflags of its Makefile: version,
# git version and commit in pkg/buildinfo, the logger's DaprVersion), so that `daprd --version`,
# the logs, the metadata API and the scheduler report the real version instead of "edge".
# Usage: scripts/dapr-runtime.sh            -> prints the bin directory
# Env:   DAPR_VERSION (default v1.18.1; the 1.17 line cannot be built here: its components-contrib v1.17.0 is not served by the module proxy), TODO_CACHE_DIR (default ~/.cache/todo-ai)
set -euo pipefail

version="${DAPR_VERSION:-v1.18.1}"
cache="${TODO_CACHE_DIR:-$HOME/.cache/todo-ai}"
# "release-bin": stamped binaries; the unstamped ones of earlier versions of this script lived in
# bin/ and are not reused.
bin="$cache/dapr/$version/release-bin"

if [ -x "$bin/daprd" ] && [ -x "$bin/scheduler" ] && [ -x "$bin/sentry" ]; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null 2>&1 || { echo "dapr-runtime: Go is needed to build daprd" >&2; exit 1; }

work="$cache/dapr/$version/src"
meta="$cache/dapr/$version/download.json"
mkdir -p "$bin" "$cache/dapr/$version"
if [ ! -f "$work/go.mod" ] || [ ! -s "$meta" ]; then
  tmpmod=$(mktemp -d)
  (cd "$tmpmod" && go mod init dapr-runtime-fetch >/dev/null 2>&1 \
     && go mod download -json "github.com/dapr/dapr@$version") > "$meta"
  rm -rf "$tmpmod"
fi
if [ ! -f "$work/go.mod" ]; then
  dir=$(sed -n 's/.*"Dir": "\(.*\)".*/\1/p' "$meta")
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "dapr-runtime: download of dapr $version failed" >&2; cat "$meta" >&2; exit 1; }
  rm -rf "$work.partial"
  cp -r "$dir" "$work.partial"
  chmod -R u+w "$work.partial"
  mv "$work.partial" "$work"
fi

# The release build's stamp: version without the "v", git version = the tag, commit from the
# module proxy's origin record of the tag.
commit=$(sed -n 's/.*"Hash": "\([0-9a-f]*\)".*/\1/p' "$meta" | head -n 1)
plain="${version#v}"
ldflags="-X github.com/dapr/dapr/pkg/buildinfo.gitcommit=${commit:-unknown}"
ldflags+=" -X github.com/dapr/dapr/pkg/buildinfo.gitversion=$version"
ldflags+=" -X github.com/dapr/dapr/pkg/buildinfo.version=$plain"
ldflags+=" -X github.com/dapr/kit/logger.DaprVersion=$plain"
ldflags+=" -s -w"

echo "dapr-runtime: building daprd, scheduler and sentry $version (this takes a while once)" >&2
if [ ! -x "$bin/daprd" ]; then
  (cd "$work" && CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -tags stablecomponents \
     -o "$bin/daprd.partial" ./cmd/daprd && mv "$bin/daprd.partial" "$bin/daprd")
fi
# sentry: the certificate authority behind mTLS, which access-control policies need to know callers
if [ ! -x "$bin/sentry" ]; then
  (cd "$work" && CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" \
     -o "$bin/sentry.partial" ./cmd/sentry && mv "$bin/sentry.partial" "$bin/sentry")
fi
# The scheduler's go-etcd-cron v0.12.5 is not served by the module proxy; v0.12.0 is and builds.
if [ -x "$bin/scheduler" ]; then
  :
elif ! (cd "$work" && CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" \
        -o "$bin/scheduler.partial" ./cmd/scheduler); then
  echo "dapr-runtime: retrying the scheduler with go-etcd-cron ${DAPR_ETCD_CRON_FALLBACK:-v0.12.0}" >&2
  (cd "$work" && go mod edit -replace "github.com/diagridio/go-etcd-cron=github.com/diagridio/go-etcd-cron@${DAPR_ETCD_CRON_FALLBACK:-v0.12.0}" \
     && CGO_ENABLED=0 go build -mod=mod -trimpath -ldflags "$ldflags" \
          -o "$bin/scheduler.partial" ./cmd/scheduler)
fi
[ -x "$bin/scheduler" ] || mv "$bin/scheduler.partial" "$bin/scheduler"
# The stamp is part of the contract of this script: fail rather than hand out an "edge" runtime.
reported=$("$bin/daprd" --version 2>/dev/null | head -n 1)
if [ "$reported" != "$plain" ]; then
  echo "dapr-runtime: daprd reports '$reported', expected '$plain'" >&2
  rm -f "$bin/daprd"
  exit 1
fi
echo "$bin"
