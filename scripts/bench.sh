#!/usr/bin/env bash
# `npm run bench` from a fresh clone: installs what the benches need with the test command's own
# scripts (npm packages; Chromium and code-server for the dashboard's; Debian's PyTorch for the
# comparison with PyTorch, when it can be installed), builds, then runs each bench. Each adds its
# figures to bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/setup-vscode.sh
bash scripts/ensure-python.sh || echo "bench: /usr/bin/python3 has no PyTorch: the PyTorch comparison is left out" >&2
node scripts/build.mjs

for bench in trainingBench programBench diagnosisBench dashboardBench firstChartBench pytorchBench; do
  node --import tsx "bench/$bench.ts"
done
