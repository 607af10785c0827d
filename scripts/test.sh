#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs, builds, then runs
# static checks and the tiers (unit, Python package, extension host, UI). Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf .test-results && mkdir -p .test-results

bash scripts/ensure-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
bash scripts/setup-vscode.sh || { echo "0 passed, 1 failed"; exit 1; }
node scripts/build.mjs || { echo "0 passed, 1 failed"; exit 1; }

# Static checks count as one test each: a type error or a lint error fails the suite.
node scripts/run-check.mjs typecheck npm run --silent typecheck
node scripts/run-check.mjs lint npx eslint --max-warnings 0 .

# PyTorch for /usr/bin/python3 first: the unit tier's PyTorch runs and the UI tests use it too.
# No Python tier result (python.json) when its packages cannot be installed: summarize counts that as a failure.
bash scripts/ensure-python.sh && python_ready=1
node scripts/run-tier.mjs unit
[ -n "${python_ready:-}" ] && node scripts/run-tier.mjs python
node scripts/run-tier.mjs host
node scripts/run-tier.mjs ui

node scripts/summarize.mjs
