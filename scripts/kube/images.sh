#!/usr/bin/env bash
# Builds the test cluster's images with podman/buildah (Debian's packages) and, with "import",
# loads them into the cluster's containerd. No registry is reachable, so every image is made here:
#   base      debootstrap --variant=minbase bookworm, with the host's CA certificates
#   stand-ins the Dockerfile's FROM images, under their exact names: eclipse-temurin:17-jre,
#             maven:3.9-eclipse-temurin-17 (Debian's OpenJDK 17; Maven from Maven Central) and
#             node:20-bookworm-slim (the host's Node.js 20 and npm)
#   cluster   pause, CoreDNS, the Dapr control plane (one image, tagged once per chart image name),
#             PostgreSQL (Debian's 15) and Kafka (KRaft; jars from Maven Central)
#   product   the Dockerfile, built with --pull=never (the host's ~/.m2 is mounted, so a warm
#             build downloads nothing)
# Usage: scripts/kube/images.sh build|standins|product|import|list
set -euo pipefail
source "$(dirname "$0")/common.sh"

command -v podman >/dev/null 2>&1 || { kube_log "podman is missing (scripts/kube-cluster.sh prepare installs it)"; exit 1; }
work="$KUBE_CACHE/images"
mkdir -p "$work"

# The apt source the host uses (first URI of the first "deb" entry), for debootstrap.
debian_mirror() {
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources | head -1)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { print $i; exit } }' /etc/apt/sources.list)
  fi
  [ -n "$uri" ] || { kube_log "no Debian mirror found in the apt sources"; exit 1; }
  echo "$uri"
}

build_base() {
  local key stamp
  key=$(printf '%s\n' "$(declare -f build_base)" "$(cat /usr/local/share/ca-certificates/*.crt 2>/dev/null)" | sha256sum | cut -c1-12)
  stamp="$work/base-$key.done"
  if [ -f "$stamp" ] && kube_podman image exists "$IMG_BASE"; then return; fi
  kube_log "building the base image (debootstrap minbase bookworm)"
  local rootfs="$work/rootfs"
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "$(debian_mirror)" > "$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  mkdir -p "$rootfs/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/" 2>/dev/null || true
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' > "$rootfs/etc/apt/apt.conf.d/90todo-ai"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | kube_podman import --change 'CMD ["/bin/bash"]' - "$IMG_BASE" >/dev/null
  rm -rf "$rootfs"
  touch "$stamp"
}

# podman build with the host network (podman's default network would overlap nothing here, but
# the host's is what reaches the package mirrors) and never a pull.
build() {
  local tag=$1 dir=$2; shift 2
  kube_log "building $tag"
  kube_podman build --pull=never --network=host --layers -q -t "$tag" "$@" "$dir" >/dev/null
}

build_standins() {
  local ctx="$work/ctx/maven"
  mkdir -p "$ctx"
  cp "$KUBE_SCRIPTS/images/maven/Containerfile" "$ctx/"
  local tgz="apache-maven-$MAVEN_VERSION-bin.tar.gz"
  if [ ! -f "$ctx/$tgz" ]; then
    mvn -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=org.apache.maven:apache-maven:$MAVEN_VERSION:tar.gz:bin" "-DoutputDirectory=$ctx" >&2
  fi
  build eclipse-temurin:17-jre "$KUBE_SCRIPTS/images/jre"
  build maven:3.9-eclipse-temurin-17 "$ctx" --build-arg "MAVEN_VERSION=$MAVEN_VERSION"

  # node:20-bookworm-slim: the host's Node.js 20 (the test script installs it) and its npm
  local node_bin node_major
  node_bin=$(readlink -f "$(command -v node)")
  node_major=$("$node_bin" -p 'process.versions.node.split(".")[0]')
  [ "$node_major" = 20 ] || { kube_log "node:20 stand-in needs the host's Node.js 20, found $("$node_bin" --version)"; exit 1; }
  ctx="$work/ctx/node"; rm -rf "$ctx"; mkdir -p "$ctx"
  cp "$KUBE_SCRIPTS/images/node/Containerfile" "$node_bin" "$ctx/"
  cp -r "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$ctx/npm"
  build node:20-bookworm-slim "$ctx"
}

build_cluster_images() {
  local bin dapr_bin ctx
  bin=$(bash "$KUBE_SCRIPTS/build-binaries.sh")
  dapr_bin=$(bash "$REPO_ROOT/scripts/dapr-runtime.sh")

  ctx="$work/ctx/pause"; rm -rf "$ctx"; mkdir -p "$ctx"
  cp "$KUBE_SCRIPTS/images/pause/Containerfile" "$bin/pause" "$ctx/"
  build "$IMG_PAUSE" "$ctx"

  ctx="$work/ctx/coredns"; rm -rf "$ctx"; mkdir -p "$ctx"
  cp "$KUBE_SCRIPTS/images/coredns/Containerfile" "$bin/coredns" "$ctx/"
  build "$IMG_COREDNS" "$ctx"

  ctx="$work/ctx/dapr"; rm -rf "$ctx"; mkdir -p "$ctx/tmp"; chmod 1777 "$ctx/tmp"
  cp "$KUBE_SCRIPTS/images/dapr/Containerfile" "$ctx/"
  cp "$bin/operator" "$bin/injector" "$bin/sentry" "$bin/placement" "$ctx/"
  cp "$dapr_bin/scheduler" "$dapr_bin/daprd" "$ctx/"
  build "$IMG_DAPR_REGISTRY/dapr:$DAPR_TAG" "$ctx"
  local name
  for name in operator injector sentry placement scheduler daprd; do
    kube_podman tag "$IMG_DAPR_REGISTRY/dapr:$DAPR_TAG" "$IMG_DAPR_REGISTRY/$name:$DAPR_TAG"
  done

  build "$IMG_POSTGRESQL" "$KUBE_SCRIPTS/images/postgresql"

  ctx="$work/ctx/kafka"; mkdir -p "$ctx"
  cp "$KUBE_SCRIPTS/images/kafka/Containerfile" "$KUBE_SCRIPTS/images/kafka/run.sh" \
     "$KUBE_SCRIPTS/images/kafka/log4j2.properties" "$ctx/"
  local libs
  libs=$(bash "$REPO_ROOT/scripts/kafka-jars.sh")
  rm -rf "$ctx/libs" && cp -r "$libs" "$ctx/libs" && rm -f "$ctx/libs/.complete"
  build "$IMG_KAFKA" "$ctx"
}

build_product() {
  local started=$SECONDS
  kube_log "building the product image from the Dockerfile ($IMG_PRODUCT)"
  mkdir -p "$HOME/.m2" "$HOME/.npm"
  # the host's Maven repository and npm cache (a warm build downloads nothing) and its global npm
  # settings (e.g. the CA file of the machine's TLS proxy) when it has any
  local npm_settings=()
  [ -f /etc/npmrc ] && npm_settings=(--volume /etc/npmrc:/usr/local/etc/npmrc:ro)
  kube_podman build --pull=never --network=host --layers -t "$IMG_PRODUCT" \
    --volume "$HOME/.m2:/root/.m2" --volume "$HOME/.npm:/root/.npm" "${npm_settings[@]}" \
    -f "$REPO_ROOT/Dockerfile" "$REPO_ROOT" > "$work/product-build.log" 2>&1 \
    || { tail -40 "$work/product-build.log" >&2; exit 1; }
  echo "$((SECONDS - started))" > "$work/product-build.seconds"
  kube_log "product image built in $((SECONDS - started)) s"
}

cluster_images() {
  local name
  echo "$IMG_PAUSE" "$IMG_COREDNS" "$IMG_POSTGRESQL" "$IMG_KAFKA" "$IMG_PRODUCT"
  for name in operator injector sentry placement scheduler daprd; do
    echo "$IMG_DAPR_REGISTRY/$name:$DAPR_TAG"
  done
}

# Loads every cluster image whose id differs from what containerd got last time.
import_images() {
  [ -S "$KUBE_RUN/containerd.sock" ] || { kube_log "containerd is not running"; exit 1; }
  mkdir -p "$KUBE_STATE/imported"
  local todo=() img id stamp
  for img in $(cluster_images); do
    id=$(kube_podman image inspect --format '{{.Id}}' "$img")
    stamp="$KUBE_STATE/imported/$(echo "$img" | tr '/:' '__')"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$id" ] || ! kube_ctr images ls -q | grep -qx "$img"; then
      todo+=("$img")
    fi
  done
  [ ${#todo[@]} -gt 0 ] || return 0
  kube_log "importing into containerd: ${todo[*]}"
  local archive="$work/import.tar"
  kube_podman save -q -m --format docker-archive -o "$archive" "${todo[@]}" >/dev/null
  kube_ctr images import "$archive" >/dev/null
  rm -f "$archive"
  for img in "${todo[@]}"; do
    kube_podman image inspect --format '{{.Id}}' "$img" > "$KUBE_STATE/imported/$(echo "$img" | tr '/:' '__')"
  done
}

case "${1:-build}" in
  build)
    build_base; build_standins; build_cluster_images
    # TODO_KUBE_REBUILD_PRODUCT=0 keeps an existing product image (quicker runs by hand)
    if [ "${TODO_KUBE_REBUILD_PRODUCT:-1}" = 0 ] && kube_podman image exists "$IMG_PRODUCT"; then
      kube_log "keeping the existing product image (TODO_KUBE_REBUILD_PRODUCT=0)"
    else
      build_product
    fi ;;
  standins) build_base; build_standins ;;
  product) build_base; build_standins; build_product ;;
  import) import_images ;;
  list) cluster_images | tr ' ' '\n' ;;
  *) echo "usage: $0 build|product|import|list" >&2; exit 2 ;;
esac
