#!/usr/bin/env bash
# Installs a real VS Code (1.100.3, from the code-server npm package) into .vscode-test/,
# plus the Debian packages it and the UI tests need. Idempotent: reuses what is there.
# Why by hand: code-server's own post-install downloads binaries and refuses root.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.vscode-test"
cs_version="4.100.3"
cs_dir="$cache/code-server-$cs_version"
vscode_dir="$cs_dir/node_modules/code-server/lib/vscode"
stamp="$cs_dir/.installed"

need_debs=()
command -v chromium >/dev/null 2>&1 || need_debs+=(chromium)
command -v rg >/dev/null 2>&1 || need_debs+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_debs+=(libkrb5-dev)
if [ "${#need_debs[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup-vscode: please install these Debian packages as root: ${need_debs[*]}" >&2
    exit 1
  fi
  echo "setup-vscode: installing Debian packages: ${need_debs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_debs[@]}" >/dev/null
fi

if [ -f "$stamp" ]; then
  exit 0
fi

echo "setup-vscode: installing code-server $cs_version into $cs_dir (a few minutes, once)"
mkdir -p "$cs_dir"
cd "$cs_dir"
[ -f package.json ] || echo '{ "private": true }' > package.json
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$cs_version"
npm rebuild --loglevel=error argon2

cd "$vscode_dir"
npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts
# node-pty's extra post-install step fails after pty.node is built: check the .node files instead.
npm rebuild --loglevel=error @parcel/watcher @vscode/spdlog native-watchdog node-pty kerberos || true
for addon in \
  node_modules/@vscode/spdlog/build/Release/spdlog.node \
  node_modules/node-pty/build/Release/pty.node \
  node_modules/kerberos/build/Release/kerberos.node; do
  [ -f "$addon" ] || { echo "setup-vscode: native module missing after rebuild: $addon" >&2; exit 1; }
done
# @parcel/watcher ships prebuilt binaries in a per-platform package: check that it loads.
node -e "require('@parcel/watcher')" || { echo "setup-vscode: @parcel/watcher does not load" >&2; exit 1; }
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
[ -e node_modules.asar ] || ln -s node_modules node_modules.asar
# Built-in extensions' own dependencies (TypeScript language features for the example workspace).
(cd extensions && npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts) || \
  echo "setup-vscode: built-in extensions' dependencies not installed (TypeScript features may be missing)" >&2

touch "$stamp"
echo "setup-vscode: done"
