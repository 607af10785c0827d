#!/usr/bin/env bash
# Installs the npm packages when node_modules is missing or older than package-lock.json.
# tfjs-node is optional: its install needs the internet for libtensorflow, and npm tolerates its failure.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "deps: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi
