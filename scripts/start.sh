#!/usr/bin/env bash
# Starts DeepScope in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) in the browser, on
# examples/. Installs what it needs first (npm packages, Debian packages, code-server) and reuses
# what is already there. Environment: PORT (default 8080), HOST (default 127.0.0.1).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/ensure-deps.sh
bash scripts/setup-vscode.sh
node scripts/build.mjs

port="${PORT:-8080}"
host="${HOST:-127.0.0.1}"
state="$root/.vscode-test/start"
extensions="$state/extensions"
mkdir -p "$extensions" "$state/user-data"
# DeepScope as an unpacked extension, linked so a rebuild is picked up by a window reload.
folder_name="$(node -p "const p=require('./package.json'); p.publisher + '.' + p.name + '-' + p.version")"
ln -sfn "$root" "$extensions/$folder_name"

echo "DeepScope: open http://$host:$port/?folder=$root/examples"
exec node "$root/.vscode-test/code-server-4.100.3/node_modules/code-server/out/node/entry.js" \
  --auth none --bind-addr "$host:$port" \
  --user-data-dir "$state/user-data" --extensions-dir "$extensions" \
  --disable-telemetry --disable-update-check --disable-getting-started-override \
  "$root/examples"
