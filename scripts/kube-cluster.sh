#!/usr/bin/env bash
# A real single-node Kubernetes on this machine, for the deploy tests and for trying the chart
# without Minikube: etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubelet and
# kube-proxy (v1.37.2, built from Go modules), Debian's containerd + runc + CNI plugins, CoreDNS,
# and the images of scripts/kube/images.sh. The Dapr control plane is installed into it from the
# Dapr Helm chart (see docs/deploy.md, "The test cluster").
#
#   scripts/kube-cluster.sh prepare   install packages, build (or find cached) binaries and images
#   scripts/kube-cluster.sh up        start the cluster (prepares first); prints the kubeconfig
#   scripts/kube-cluster.sh down      stop everything it started, remove its network rules, unmount
#   scripts/kube-cluster.sh status    running or not
#   scripts/kube-cluster.sh kubectl … kubectl v1.37.2 against the cluster
#   scripts/kube-cluster.sh recycle-volumes   make Released volumes available again (wiped)
#   scripts/kube-cluster.sh dapr-chart        the Dapr Helm chart of the dapr module (same version)
#   scripts/kube-cluster.sh memory            memory of the cluster's processes and of its pods
#
# Network: the control plane listens on loopback and on the pods' bridge (todokube0, 10.213.0.1);
# pods get addresses on that private bridge, services on 10.214.0.0/16. A firewall chain drops
# every packet that would be forwarded between the bridge and any other interface, nothing is
# masqueraded and CoreDNS answers only cluster names, so no pod traffic leaves the machine.
# Needs root (it runs containers and changes the firewall).
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/kube/common.sh"

PKI="$KUBE_RUN/pki"
LOGS="$KUBE_STATE/logs"
FW_CHAIN=TODOKUBE-FWD
ADMIN_KUBECONFIG="$KUBE_RUN/admin.kubeconfig"
PROCS=(kube-proxy kubelet kube-scheduler kube-controller-manager containerd kube-apiserver etcd)

need_root() {
  [ "$(id -u)" -eq 0 ] || { kube_log "needs root"; exit 1; }
}

ensure_packages() {
  local missing=()
  command -v containerd >/dev/null 2>&1 || missing+=(containerd)
  command -v runc >/dev/null 2>&1 || missing+=(runc)
  [ -x /usr/lib/cni/bridge ] || missing+=(containernetworking-plugins)
  command -v podman >/dev/null 2>&1 || missing+=(podman)
  command -v buildah >/dev/null 2>&1 || missing+=(buildah)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  command -v iptables >/dev/null 2>&1 || missing+=(iptables)
  command -v nft >/dev/null 2>&1 || missing+=(nftables)
  command -v conntrack >/dev/null 2>&1 || missing+=(conntrack)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ ${#missing[@]} -gt 0 ]; then
    kube_log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  fi
}

bin_dir() { bash "$KUBE_SCRIPTS/build-binaries.sh"; }

prepare() {
  need_root
  ensure_packages
  local started=$SECONDS
  BIN=$(bin_dir)
  kube_log "binaries: $BIN ($((SECONDS - started)) s)"
  started=$SECONDS
  bash "$KUBE_SCRIPTS/images.sh" build
  kube_log "images ready ($((SECONDS - started)) s)"
}

running() { [ -f "$KUBE_RUN/pids/kube-apiserver" ] && kill -0 "$(cat "$KUBE_RUN/pids/kube-apiserver")" 2>/dev/null; }

# ---- certificates ----------------------------------------------------------------------------
pki() {
  mkdir -p "$PKI"
  cd "$PKI"
  openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=todo-ai-test-cluster-ca" \
    -keyout ca.key -out ca.crt 2>/dev/null
  openssl genrsa -out sa.key 2048 2>/dev/null
  openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
  # name, subject, extensions
  cert apiserver "/CN=kube-apiserver" "subjectAltName=IP:$KUBE_NODE_IP,IP:127.0.0.1,IP:$KUBE_API_SERVICE_IP,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,DNS:localhost
extendedKeyUsage=serverAuth"
  cert kubelet-serving "/CN=$KUBE_NODE_NAME" "subjectAltName=IP:$KUBE_NODE_IP,DNS:$KUBE_NODE_NAME
extendedKeyUsage=serverAuth"
  cert admin "/O=system:masters/CN=todo-ai-admin" "extendedKeyUsage=clientAuth"
  cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client" "extendedKeyUsage=clientAuth"
  cert controller-manager "/CN=system:kube-controller-manager" "extendedKeyUsage=clientAuth"
  cert scheduler "/CN=system:kube-scheduler" "extendedKeyUsage=clientAuth"
  cert kube-proxy "/CN=system:kube-proxy" "extendedKeyUsage=clientAuth"
  cert kubelet "/O=system:nodes/CN=system:node:$KUBE_NODE_NAME" "extendedKeyUsage=clientAuth"
  for who in admin controller-manager scheduler kube-proxy kubelet; do
    kubeconfig "$who" > "$KUBE_RUN/$who.kubeconfig"
  done
  cd - >/dev/null
}

cert() {
  local name=$1 subject=$2 ext=$3
  openssl req -newkey rsa:2048 -nodes -subj "$subject" -keyout "$name.key" -out "$name.csr" 2>/dev/null
  printf '%s\n' "$ext" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 7 \
    -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
}

kubeconfig() {
  cat <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: todo-ai-test
    cluster:
      server: https://$KUBE_NODE_IP:$KUBE_API_PORT
      certificate-authority: $PKI/ca.crt
users:
  - name: $1
    user:
      client-certificate: $PKI/$1.crt
      client-key: $PKI/$1.key
contexts:
  - name: todo-ai-test
    context: {cluster: todo-ai-test, user: $1}
current-context: todo-ai-test
EOF
}

# ---- network ---------------------------------------------------------------------------------
network_up() {
  sysctl -n net.ipv4.ip_forward > "$KUBE_RUN/saved-ip-forward"
  if ! ip link show "$KUBE_BRIDGE" >/dev/null 2>&1; then
    ip link add "$KUBE_BRIDGE" type bridge
  fi
  ip addr replace "$KUBE_NODE_IP/16" dev "$KUBE_BRIDGE"
  ip link set "$KUBE_BRIDGE" up
  # Pods reach services (DNAT back onto the bridge) only with forwarding on; the chain below keeps
  # that forwarding on the bridge.
  iptables -N "$FW_CHAIN" 2>/dev/null || iptables -F "$FW_CHAIN"
  iptables -A "$FW_CHAIN" -i "$KUBE_BRIDGE" -o "$KUBE_BRIDGE" -j ACCEPT
  iptables -A "$FW_CHAIN" -i "$KUBE_BRIDGE" -j DROP
  iptables -A "$FW_CHAIN" -o "$KUBE_BRIDGE" -j DROP
  iptables -C FORWARD -j "$FW_CHAIN" 2>/dev/null || iptables -I FORWARD 1 -j "$FW_CHAIN"
  sysctl -qw net.ipv4.ip_forward=1
  [ -f /proc/sys/net/bridge/bridge-nf-call-iptables ] || modprobe br_netfilter 2>/dev/null || true
  mkdir -p "$KUBE_RUN/cni/net.d" "$KUBE_RUN/cni/ipam"
  cat > "$KUBE_RUN/cni/net.d/10-todo-kube.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "todo-kube",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$KUBE_BRIDGE",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "$KUBE_POD_CIDR", "rangeStart": "10.213.1.1", "gateway": "$KUBE_NODE_IP"}]],
        "routes": [{"dst": "0.0.0.0/0"}],
        "dataDir": "$KUBE_RUN/cni/ipam"
      }
    }
  ]
}
EOF
}

network_down() {
  local kp="${BIN:-}/kube-proxy"
  if [ -x "$kp" ]; then "$kp" --cleanup >/dev/null 2>&1 || true; fi
  # the kubelet's own chains, IPv4 and IPv6 (kube-proxy --cleanup leaves them)
  local ipt table chain
  for ipt in iptables ip6tables; do
    command -v "$ipt" >/dev/null 2>&1 || continue
    while "$ipt" -D INPUT -j KUBE-FIREWALL 2>/dev/null; do :; done
    while "$ipt" -D OUTPUT -j KUBE-FIREWALL 2>/dev/null; do :; done
    for table in filter nat mangle; do
      for chain in KUBE-FIREWALL KUBE-KUBELET-CANARY KUBE-IPTABLES-HINT; do
        "$ipt" -t "$table" -F "$chain" 2>/dev/null || true
        "$ipt" -t "$table" -X "$chain" 2>/dev/null || true
      done
    done
  done
  while iptables -D FORWARD -j "$FW_CHAIN" 2>/dev/null; do :; done
  iptables -F "$FW_CHAIN" 2>/dev/null || true
  iptables -X "$FW_CHAIN" 2>/dev/null || true
  ip link del "$KUBE_BRIDGE" 2>/dev/null || true
  if [ -f "$KUBE_RUN/saved-ip-forward" ]; then
    sysctl -qw "net.ipv4.ip_forward=$(cat "$KUBE_RUN/saved-ip-forward")"
  fi
}

# ---- processes -------------------------------------------------------------------------------
start() {
  local name=$1; shift
  mkdir -p "$KUBE_RUN/pids" "$LOGS"
  setsid "$@" > "$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$KUBE_RUN/pids/$name"
}

wait_for() {
  local what=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      kube_log "$what did not come up within $seconds s; last log lines:"
      tail -20 "$LOGS/$what.log" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.5
  done
}

kctl() { "$BIN/kubectl" --kubeconfig "$ADMIN_KUBECONFIG" "$@"; }

up() {
  need_root
  if running; then kube_log "already running"; echo "$ADMIN_KUBECONFIG"; return 0; fi
  prepare
  local t0=$SECONDS
  # leftovers of a run that was killed
  down_quiet
  mkdir -p "$KUBE_RUN" "$LOGS"
  rm -f "$LOGS"/*.log
  pki
  network_up

  start etcd "$BIN/etcd" --name todo-kube --data-dir "$KUBE_RUN/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "todo-kube=http://127.0.0.1:$ETCD_PEER_PORT" \
    --listen-metrics-urls "" --unsafe-no-fsync --log-level warn
  wait_for etcd 30 curl -sf "http://127.0.0.1:$ETCD_CLIENT_PORT/health"

  start kube-apiserver "$BIN/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --bind-address "$KUBE_NODE_IP" --advertise-address "$KUBE_NODE_IP" --secure-port "$KUBE_API_PORT" \
    --service-cluster-ip-range "$KUBE_SERVICE_CIDR" \
    --client-ca-file "$PKI/ca.crt" --tls-cert-file "$PKI/apiserver.crt" --tls-private-key-file "$PKI/apiserver.key" \
    --kubelet-client-certificate "$PKI/apiserver-kubelet-client.crt" --kubelet-client-key "$PKI/apiserver-kubelet-client.key" \
    --kubelet-preferred-address-types InternalIP \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$PKI/sa.pub" --service-account-signing-key-file "$PKI/sa.key" \
    --authorization-mode Node,RBAC --enable-priority-and-fairness=false --profiling=false \
    --event-ttl 30m --v 1
  wait_for kube-apiserver 120 curl -sf --cacert "$PKI/ca.crt" "https://$KUBE_NODE_IP:$KUBE_API_PORT/readyz"
  kube_log "API server ready after $((SECONDS - t0)) s"

  containerd_config > "$KUBE_RUN/containerd.toml"
  start containerd containerd --config "$KUBE_RUN/containerd.toml"
  wait_for containerd 30 test -S "$KUBE_RUN/containerd.sock"
  bash "$KUBE_SCRIPTS/images.sh" import

  start kube-controller-manager "$BIN/kube-controller-manager" \
    --kubeconfig "$KUBE_RUN/controller-manager.kubeconfig" \
    --authentication-kubeconfig "$KUBE_RUN/controller-manager.kubeconfig" \
    --authorization-kubeconfig "$KUBE_RUN/controller-manager.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port 10257 --leader-elect=false --controllers '*' \
    --service-account-private-key-file "$PKI/sa.key" --root-ca-file "$PKI/ca.crt" \
    --use-service-account-credentials=true --cluster-name todo-ai-test --v 1
  start kube-scheduler "$BIN/kube-scheduler" --kubeconfig "$KUBE_RUN/scheduler.kubeconfig" \
    --authentication-kubeconfig "$KUBE_RUN/scheduler.kubeconfig" \
    --authorization-kubeconfig "$KUBE_RUN/scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port 10259 --leader-elect=false --v 1

  kubelet_config > "$KUBE_RUN/kubelet.yaml"
  : > "$KUBE_RUN/resolv.conf"
  mkdir -p "$KUBE_STATE/kubelet"
  start kubelet "$BIN/kubelet" --config "$KUBE_RUN/kubelet.yaml" \
    --kubeconfig "$KUBE_RUN/kubelet.kubeconfig" --root-dir "$KUBE_STATE/kubelet" \
    --hostname-override "$KUBE_NODE_NAME" --node-ip "$KUBE_NODE_IP" --v 1
  kube_proxy_config > "$KUBE_RUN/kube-proxy.yaml"
  start kube-proxy "$BIN/kube-proxy" --config "$KUBE_RUN/kube-proxy.yaml" --v 1

  wait_for kubelet 120 kctl wait --for=condition=Ready "node/$KUBE_NODE_NAME" --timeout 2s
  kube_log "node Ready after $((SECONDS - t0)) s"
  addons
  wait_for kube-apiserver 180 kctl -n kube-system rollout status deploy/coredns --timeout 5s
  echo $((SECONDS - t0)) > "$KUBE_RUN/startup-seconds"
  kube_log "cluster up in $((SECONDS - t0)) s; export KUBECONFIG=$ADMIN_KUBECONFIG"
  echo "$ADMIN_KUBECONFIG"
}

containerd_config() {
  cat <<EOF
version = 2
root = "$KUBE_STATE/containerd"
state = "$KUBE_RUN/containerd"
[grpc]
  address = "$KUBE_RUN/containerd.sock"
[ttrpc]
  address = "$KUBE_RUN/containerd.sock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$IMG_PAUSE"
  # root may not lower a process's OOM score here
  restrict_oom_score_adj = true
  netns_mounts_under_state_dir = true
  enable_selinux = false
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$KUBE_RUN/cni/net.d"
  [plugins."io.containerd.grpc.v1.cri".registry]
    config_path = ""
EOF
}

kubelet_config() {
  cat <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $KUBE_NODE_IP
port: 10250
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
tlsCertFile: $PKI/kubelet-serving.crt
tlsPrivateKeyFile: $PKI/kubelet-serving.key
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: false}
  x509: {clientCAFile: $PKI/ca.crt}
authorization: {mode: AlwaysAllow}
cgroupDriver: cgroupfs
failCgroupV1: false
containerRuntimeEndpoint: unix://$KUBE_RUN/containerd.sock
clusterDNS: [$KUBE_DNS_IP]
clusterDomain: cluster.local
resolvConf: $KUBE_RUN/resolv.conf
evictionHard: {memory.available: "100Mi", nodefs.available: "1%", imagefs.available: "1%", nodefs.inodesFree: "1%"}
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
serializeImagePulls: false
maxPods: 80
containerLogMaxSize: 10Mi
podLogsDir: $KUBE_STATE/pod-logs
shutdownGracePeriod: 0s
EOF
}

kube_proxy_config() {
  cat <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection: {kubeconfig: $KUBE_RUN/kube-proxy.kubeconfig}
mode: iptables
clusterCIDR: $KUBE_POD_CIDR
hostnameOverride: $KUBE_NODE_NAME
healthzBindAddress: 127.0.0.1:10256
metricsBindAddress: 127.0.0.1:10249
nodePortAddresses: ["127.0.0.1/32"]
conntrack: {maxPerCore: 0, min: 0, tcpEstablishedTimeout: 0s, tcpCloseWaitTimeout: 0s}
iptables: {localhostNodePorts: false, masqueradeAll: false}
EOF
}

# CoreDNS for cluster names only (no forwarding), and hostPath volumes for the claims of the
# chart's and Dapr's StatefulSets (there is no storage provisioner).
addons() {
  local i
  mkdir -p "$KUBE_STATE/volumes"
  {
    cat <<EOF
apiVersion: v1
kind: ServiceAccount
metadata: {name: coredns, namespace: kube-system}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: "system:coredns"}
rules:
  - apiGroups: [""]
    resources: [endpoints, services, pods, namespaces]
    verbs: [list, watch]
  - apiGroups: [discovery.k8s.io]
    resources: [endpointslices]
    verbs: [list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: "system:coredns"}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:coredns"}
subjects: [{kind: ServiceAccount, name: coredns, namespace: kube-system}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: coredns, namespace: kube-system}
data:
  Corefile: |
    .:53 {
        errors
        health {
            lameduck 2s
        }
        ready
        kubernetes cluster.local in-addr.arpa ip6.arpa {
            pods insecure
            fallthrough in-addr.arpa ip6.arpa
            ttl 30
        }
        cache 30
    }
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: coredns, namespace: kube-system, labels: {k8s-app: kube-dns}}
spec:
  replicas: 1
  selector: {matchLabels: {k8s-app: kube-dns}}
  template:
    metadata: {labels: {k8s-app: kube-dns}}
    spec:
      serviceAccountName: coredns
      dnsPolicy: Default
      containers:
        - name: coredns
          image: $IMG_COREDNS
          imagePullPolicy: Never
          args: ["-conf", "/etc/coredns/Corefile"]
          ports:
            - {name: dns, containerPort: 53, protocol: UDP}
            - {name: dns-tcp, containerPort: 53, protocol: TCP}
          readinessProbe:
            httpGet: {path: /ready, port: 8181}
            periodSeconds: 2
          livenessProbe:
            httpGet: {path: /health, port: 8080}
            periodSeconds: 10
          resources:
            requests: {cpu: 50m, memory: 32Mi}
            limits: {memory: 128Mi}
          volumeMounts:
            - {name: config, mountPath: /etc/coredns, readOnly: true}
      volumes:
        - name: config
          configMap: {name: coredns}
---
apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system, labels: {k8s-app: kube-dns}}
spec:
  clusterIP: $KUBE_DNS_IP
  selector: {k8s-app: kube-dns}
  ports:
    - {name: dns, port: 53, protocol: UDP, targetPort: 53}
    - {name: dns-tcp, port: 53, protocol: TCP, targetPort: 53}
EOF
    for i in $(seq -w 1 12); do
      mkdir -p "$KUBE_STATE/volumes/pv-$i"
      chmod 1777 "$KUBE_STATE/volumes/pv-$i"
      cat <<EOF
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: todo-kube-pv-$i, labels: {todo-ai.dev/test-cluster: "true"}}
spec:
  capacity: {storage: 20Gi}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  hostPath: {path: $KUBE_STATE/volumes/pv-$i, type: Directory}
EOF
    done
  } | kctl apply --server-side -f - >/dev/null
}

# Released volumes (their claim was deleted) are wiped and offered again.
recycle_volumes() {
  BIN=$(bin_dir)
  local pv path
  for pv in $(kctl get pv -l todo-ai.dev/test-cluster=true \
                -o jsonpath='{range .items[?(@.status.phase=="Released")]}{.metadata.name}{"\n"}{end}'); do
    path=$(kctl get pv "$pv" -o jsonpath='{.spec.hostPath.path}')
    case "$path" in "$KUBE_STATE/volumes/"*) find "$path" -mindepth 1 -delete ;; *) continue ;; esac
    kctl patch pv "$pv" --type json -p '[{"op":"remove","path":"/spec/claimRef"}]' >/dev/null
  done
}

# Resident memory of the cluster's own processes and, from the pods' cgroup, of everything in pods.
memory() {
  local name pid rss total=0 parts=""
  for name in "${PROCS[@]}"; do
    [ -f "$KUBE_RUN/pids/$name" ] || continue
    pid=$(cat "$KUBE_RUN/pids/$name")
    rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$((total + rss)); parts="$parts $name=${rss}M"
  done
  local shims=0 p
  for p in $(our_shims); do
    shims=$((shims + $(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$p/status" 2>/dev/null || echo 0)))
  done
  local pods=0 cg=/sys/fs/cgroup/memory/kubepods
  if [ -f "$cg/memory.stat" ]; then
    pods=$(awk '$1 == "total_rss" || $1 == "total_mapped_file" {s += $2} END {print int(s / 1048576)}' "$cg/memory.stat")
  fi
  echo "cluster processes ${total} MiB RSS ($parts), shims ${shims} MiB, pods ${pods} MiB (rss+mapped), total $((total + shims + pods)) MiB"
}

# ---- down ------------------------------------------------------------------------------------
stop_pid() {
  local name=$1 pidfile="$KUBE_RUN/pids/$1" pid i
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# containerd-shim processes of this cluster's containerd (they outlive containerd by design).
our_shims() {
  local p
  for p in /proc/[0-9]*; do
    { tr '\0' ' ' < "$p/cmdline"; } 2>/dev/null | grep -q -- "-address $KUBE_RUN/containerd.sock " \
      && echo "${p#/proc/}"
  done
  return 0
}

down_quiet() {
  local name pid
  BIN="${BIN:-$(ls -d "$KUBE_CACHE"/bin-* 2>/dev/null | tail -1)}"
  # kubelet first, so that it restarts nothing; then every container, then the rest
  stop_pid kube-proxy
  stop_pid kubelet
  if [ -S "$KUBE_RUN/containerd.sock" ]; then
    for name in $(kube_ctr tasks ls -q 2>/dev/null); do
      kube_ctr tasks kill -s SIGKILL "$name" >/dev/null 2>&1 || true
    done
    sleep 1
    for name in $(kube_ctr tasks ls -q 2>/dev/null); do
      kube_ctr tasks delete -f "$name" >/dev/null 2>&1 || true
    done
  fi
  for pid in $(our_shims); do kill -KILL "$pid" 2>/dev/null || true; done
  for name in kube-scheduler kube-controller-manager containerd kube-apiserver etcd; do
    stop_pid "$name"
  done
  for pid in $(our_shims); do kill -KILL "$pid" 2>/dev/null || true; done
  # mounts: container root file systems, network namespaces, pod volumes
  local target
  for target in $(findmnt -rn -o TARGET | grep -E "^($KUBE_RUN|$KUBE_STATE)/" | sort -r); do
    umount -l "$target" 2>/dev/null || true
  done
  network_down
  # the pods' cgroups (empty now)
  local hier
  for hier in /sys/fs/cgroup/*/kubepods /sys/fs/cgroup/unified/kubepods; do
    [ -d "$hier" ] && find "$hier" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
  # the volumes' data goes with the cluster state (etcd lives in $KUBE_RUN): a new cluster must not
  # hand a claim the files of another one (e.g. Kafka refusing the Dapr scheduler's directories)
  rm -rf "$KUBE_RUN" "$KUBE_STATE/kubelet" "$KUBE_STATE/pod-logs" "$KUBE_STATE/volumes"
  rm -f /var/lib/cni/results/todo-kube-* 2>/dev/null || true
  [ -d /var/log/containers ] && find /var/log/containers -maxdepth 1 -lname "$KUBE_STATE/pod-logs/*" -delete 2>/dev/null || true
}

down() {
  need_root
  local t0=$SECONDS
  down_quiet
  local left
  left=$(findmnt -rn -o TARGET | grep -cE "^($KUBE_RUN|$KUBE_STATE)/" || true)
  kube_log "down in $((SECONDS - t0)) s (mounts left: $left)"
}

case "${1:-}" in
  prepare) prepare ;;
  up) up ;;
  down) down ;;
  status) if running; then echo "running: export KUBECONFIG=$ADMIN_KUBECONFIG"; else echo "stopped"; exit 3; fi ;;
  kubectl) shift; BIN=$(bin_dir); kctl "$@" ;;
  recycle-volumes) recycle_volumes ;;
  kubeconfig) echo "$ADMIN_KUBECONFIG" ;;
  dapr-chart) bin_dir >/dev/null; echo "$KUBE_CACHE/work/dapr-v$DAPR_TAG/charts/dapr" ;;
  memory) memory ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
