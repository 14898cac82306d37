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

# Node and npm build the web app (frontend/, Vite 7 needs Node 20.19+) and run the official MCP
# TypeScript client in McpSystemTest.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "== Installing Node.js and npm (web app build, MCP client test)"
    apt_install nodejs npm
  fi
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    echo "The web app build needs Node.js 20.19 or newer; found $(node --version)" >&2
    exit 1
  fi
}

# Debian's Chromium for the web app's browser tests (frontend-e2e); never a downloaded browser.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "== Installing Chromium (Debian package) for the browser tests"
    apt_install chromium
  fi
}
