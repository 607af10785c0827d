#!/usr/bin/env node
// The CLI is bundled from src/cli/main.ts to out/cli.js by scripts/build.mjs; loading it runs it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../out/cli.js');
