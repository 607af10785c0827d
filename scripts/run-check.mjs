// Runs one static check (a command) and records it as one test: .test-results/<name>.json.
// Usage: node scripts/run-check.mjs <name> <command> [args…]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const [name, command, ...args] = process.argv.slice(2);
mkdirSync('.test-results', { recursive: true });
const result = spawnSync(command, args, { stdio: 'inherit' });
const ok = result.status === 0;
writeFileSync(`.test-results/${name}.json`, JSON.stringify({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 }));
console.log(`${name}: ${ok ? 'passed' : 'FAILED'}`);
process.exit(ok ? 0 : 1);
