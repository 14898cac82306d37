#!/usr/bin/env bash
# Builds, once, the binaries of the single-node test cluster (scripts/kube-cluster.sh) from the Go
# module proxy and caches them outside the repository, under a directory named after a hash of
# this file: changing a version or a step here builds a new set. Prints that bin directory.
#   etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubelet, kube-proxy, kubectl,
#   coredns, the Dapr control plane (operator, injector, sentry, placement; daprd and scheduler
#   come from scripts/dapr-runtime.sh) and a pause program for the pod sandbox image.
# Builds run one after another (two cores): ~15-30 min cold, nothing when cached.
# Env: TODO_CACHE_DIR (default ~/.cache/todo-ai)
set -euo pipefail

KUBE_VERSION=v1.37.2
KUBE_STAGING_VERSION=v0.37.2
ETCD_VERSION=v3.7.3
COREDNS_VERSION=v1.15.0
DAPR_VERSION=v1.18.1

here="$(cd "$(dirname "$0")" && pwd)"
cache="${TODO_CACHE_DIR:-$HOME/.cache/todo-ai}"
key=$(cat "$0" "$here/pause/main.go" | sha256sum | cut -c1-12)
bin="$cache/kube/bin-$key"
work="$cache/kube/work"
all=(etcd kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl coredns
     operator injector sentry placement pause)

complete() {
  for b in "${all[@]}"; do [ -x "$bin/$b" ] || return 1; done
}
if complete; then echo "$bin"; exit 0; fi

command -v go >/dev/null 2>&1 || { echo "kube-build: Go is needed" >&2; exit 1; }
mkdir -p "$bin" "$work"
log() { echo "kube-build: $*" >&2; }
export GOWORK=off CGO_ENABLED=0 GOFLAGS=-buildvcs=false

# `go mod download` of one module version; prints its (read-only) directory in the module cache.
module_dir() {
  local tmp dir
  tmp=$(mktemp -d)
  dir=$(cd "$tmp" && go mod init fetch >/dev/null 2>&1 && go mod download -json "$1" \
          | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  rm -rf "$tmp"
  [ -n "$dir" ] && [ -d "$dir" ] || { log "download of $1 failed"; exit 1; }
  echo "$dir"
}

# etcd: its main package is go.etcd.io/etcd/server/v3; building it from a small wrapper module
# avoids the replace lines of etcd's own main module.
if [ ! -x "$bin/etcd" ]; then
  log "building etcd $ETCD_VERSION"
  rm -rf "$work/etcd" && mkdir -p "$work/etcd"
  (cd "$work/etcd" && go mod init todo-ai-etcd >/dev/null 2>&1 \
     && go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" >&2 \
     && go build -trimpath -o "$bin/etcd.partial" go.etcd.io/etcd/server/v3 \
     && mv "$bin/etcd.partial" "$bin/etcd")
fi

# Kubernetes: the module zip has no staging/ tree, so drop the replace lines that point there and
# require the published k8s.io/* modules of the same release instead.
kube=(kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy kubectl)
need_kube=0
for b in "${kube[@]}"; do [ -x "$bin/$b" ] || need_kube=1; done
if [ "$need_kube" = 1 ]; then
  log "building Kubernetes $KUBE_VERSION (${kube[*]}); the longest step"
  src=$(module_dir "k8s.io/kubernetes@$KUBE_VERSION")
  k="$work/kubernetes-$KUBE_VERSION"
  if [ ! -f "$k/.prepared" ]; then
    rm -rf "$k" && mkdir -p "$k"
    cp -r "$src/go.mod" "$src/go.sum" "$src/cmd" "$src/pkg" "$src/plugin" "$src/third_party" "$k/"
    chmod -R u+w "$k"
    sed -i -e '/=> \.\/staging\//d' \
           -e "s#^\(\s*k8s\.io/[a-z0-9-]*\) v0\.0\.0\$#\1 $KUBE_STAGING_VERSION#" "$k/go.mod"
    touch "$k/.prepared"
  fi
  major=${KUBE_VERSION#v}; major=${major%%.*}
  minor=${KUBE_VERSION#v*.}; minor=${minor%%.*}
  ld=""
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld="$ld -X $p.gitVersion=$KUBE_VERSION -X $p.gitMajor=$major -X $p.gitMinor=$minor"
    ld="$ld -X $p.gitTreeState=clean -X $p.buildDate=1970-01-01T00:00:00Z"
  done
  mkdir -p "$k/out"
  pkgs=()
  for b in "${kube[@]}"; do pkgs+=("./cmd/$b"); done
  (cd "$k" && go build -mod=mod -trimpath -ldflags "-s -w $ld" -o out/ "${pkgs[@]}")
  for b in "${kube[@]}"; do mv "$k/out/$b" "$bin/$b"; done
fi

if [ ! -x "$bin/coredns" ]; then
  log "building CoreDNS $COREDNS_VERSION"
  src=$(module_dir "github.com/coredns/coredns@$COREDNS_VERSION")
  rm -rf "$work/coredns" && cp -r "$src" "$work/coredns" && chmod -R u+w "$work/coredns"
  (cd "$work/coredns" && go build -mod=mod -trimpath -ldflags "-s -w" -o "$bin/coredns.partial" . \
     && mv "$bin/coredns.partial" "$bin/coredns")
fi

dapr=(operator injector sentry placement)
need_dapr=0
for b in "${dapr[@]}"; do [ -x "$bin/$b" ] || need_dapr=1; done
if [ "$need_dapr" = 1 ]; then
  log "building the Dapr $DAPR_VERSION control plane (${dapr[*]})"
  src=$(module_dir "github.com/dapr/dapr@$DAPR_VERSION")
  d="$work/dapr-$DAPR_VERSION"
  if [ ! -f "$d/go.mod" ]; then
    rm -rf "$d.partial" && cp -r "$src" "$d.partial" && chmod -R u+w "$d.partial" && mv "$d.partial" "$d"
  fi
  ld="-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=${DAPR_VERSION#v}"
  ld="$ld -X github.com/dapr/dapr/pkg/buildinfo.gitversion=$DAPR_VERSION"
  mkdir -p "$d/out"
  pkgs=()
  for b in "${dapr[@]}"; do pkgs+=("./cmd/$b"); done
  (cd "$d" && go build -trimpath -ldflags "$ld" -o out/ "${pkgs[@]}")
  for b in "${dapr[@]}"; do mv "$d/out/$b" "$bin/$b"; done
fi

if [ ! -x "$bin/pause" ]; then
  log "building the pause program"
  rm -rf "$work/pause" && mkdir -p "$work/pause" && cp "$here/pause/main.go" "$work/pause/"
  (cd "$work/pause" && go mod init todo-ai-pause >/dev/null 2>&1 \
     && go build -trimpath -ldflags "-s -w" -o "$bin/pause" .)
fi

complete || { log "some binaries are missing in $bin"; exit 1; }
echo "$bin"
