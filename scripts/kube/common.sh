# Paths and helpers shared by scripts/kube-cluster.sh and scripts/kube/images.sh (sourced).
# Everything slow or large lives outside the repository, under TODO_CACHE_DIR (~/.cache/todo-ai):
#   kube/bin-<hash>   binaries (scripts/kube/build-binaries.sh)
#   kube/podman       podman/buildah storage of the image builds (not the machine's default one)
#   kube/images       saved image archives, named after the hash of what they were built from
#   kube/cluster      the cluster's persistent state: containerd's image store, volumes, logs
# Run-time state (sockets, pids, network namespaces, mounts) lives under /run/todo-ai-kube.

TODO_CACHE="${TODO_CACHE_DIR:-$HOME/.cache/todo-ai}"
KUBE_CACHE="$TODO_CACHE/kube"
KUBE_STATE="$KUBE_CACHE/cluster"
KUBE_RUN=/run/todo-ai-kube
KUBE_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$KUBE_SCRIPTS/../.." && pwd)"

# Versions of what runs in the cluster (the binaries' versions are pinned in build-binaries.sh).
DAPR_TAG=1.18.1
COREDNS_TAG=1.15.0
KAFKA_VERSION=4.3.1
MAVEN_VERSION=3.9.16
# Names of the local images; "todo-ai.local" is no registry, nothing is ever pulled.
IMG_BASE=todo-ai.local/debian:bookworm
IMG_PAUSE=todo-ai.local/pause:1
IMG_COREDNS=todo-ai.local/coredns:$COREDNS_TAG
IMG_DAPR_REGISTRY=todo-ai.local/dapr
IMG_POSTGRESQL=todo-ai.local/postgresql:15
IMG_KAFKA=todo-ai.local/kafka:$KAFKA_VERSION
IMG_PRODUCT=todo-ai.local/todo-ai:dev

# Network: pods on a private bridge, services on a virtual range; nothing is routed off the bridge.
KUBE_BRIDGE=todokube0
KUBE_NODE_IP=10.213.0.1
KUBE_POD_CIDR=10.213.0.0/16
KUBE_SERVICE_CIDR=10.214.0.0/16
KUBE_API_SERVICE_IP=10.214.0.1
KUBE_DNS_IP=10.214.0.10
KUBE_NODE_NAME=todo-ai-node
KUBE_API_PORT=6443
ETCD_CLIENT_PORT=32379
ETCD_PEER_PORT=32380

kube_log() { echo "kube-cluster: $*" >&2; }

# podman with a storage of its own, runc (crun refuses this machine's hybrid cgroups) and
# ulimits root may set here.
kube_podman() {
  mkdir -p "$KUBE_CACHE/podman" "$KUBE_RUN/podman"
  local conf="$KUBE_CACHE/podman/containers.conf"
  if [ ! -f "$conf" ]; then
    cat > "$conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  fi
  CONTAINERS_CONF="$conf" podman --root "$KUBE_CACHE/podman/root" --runroot "$KUBE_RUN/podman" \
    --storage-driver overlay --cgroup-manager cgroupfs --events-backend file "$@"
}

kube_ctr() {
  ctr --address "$KUBE_RUN/containerd.sock" --namespace k8s.io "$@"
}
