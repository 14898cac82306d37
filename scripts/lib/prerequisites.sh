# Shared install steps for scripts/run.sh and scripts/test.sh (sourced, not executed).

apt_install() {
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  fi
}

# A JDK 17+ and Maven 3.8+; installs Debian's packages when they are missing.
ensure_java_and_maven() {
  if ! command -v javac >/dev/null 2>&1; then
    echo "== Installing a JDK (openjdk-17-jdk-headless)"
    apt_install openjdk-17-jdk-headless
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    echo "== Installing Maven"
    apt_install maven
  fi
  local major
  major=$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
  if [ "${major:-0}" -lt 17 ]; then
    echo "Todo AI needs JDK 17 or newer; found javac $major" >&2
    exit 1
  fi
}

# Go builds the real helm binary for the chart tests (scripts/helm.sh); the product needs no Go.
ensure_go() {
  if ! command -v go >/dev/null 2>&1; then
    echo "== Installing Go (golang-go) to build helm for the chart tests"
    apt_install golang-go
  fi
}

# Node 18+ and npm run the official MCP TypeScript client in McpSystemTest.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "== Installing Node.js and npm for the MCP client test"
    apt_install nodejs npm
  fi
}
