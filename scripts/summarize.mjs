// Sums every tier's counts and prints the suite's last line, "N passed, N failed".
// A tier or check with no result file (it never ran) counts as one failure.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const parts = ['typecheck', 'lint', 'unit', 'python', 'host', 'ui'];
let passed = 0;
let failed = 0;
for (const part of parts) {
  const file = `.test-results/${part}.json`;
  const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 1 };
  console.log(`  ${part.padEnd(10)} ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failed += counts.failed;
}
const line = `${passed} passed, ${failed} failed`;
writeFileSync('.test-results/summary.txt', `${line}\n`);
console.log(line);
process.exit(failed > 0 ? 1 : 0);
