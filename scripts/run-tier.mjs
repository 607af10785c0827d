// Runs one test tier and records its counts in .test-results/<tier>.json as { passed, failed }.
// unit and ui run under `node --test` (TAP is parsed for the counts); host has its own driver;
// python runs python/tests with /usr/bin/python3's unittest (its "Ran N tests" / "FAILED (…)" lines are parsed).
// A tier that crashes before reporting counts as one failure, so a broken tier is never silent.
// Usage: node scripts/run-tier.mjs unit|host|ui|python [extra files…]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const tier = process.argv[2];
const resultsDir = path.resolve('.test-results');
mkdirSync(resultsDir, { recursive: true });
const summaryFile = path.join(resultsDir, `${tier}.json`);

/** Test files of a tier: every *.test.ts below its folder. */
function testFiles(folder) {
  const files = [];
  for (const entry of readdirSync(folder)) {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) files.push(...testFiles(full));
    else if (entry.endsWith('.test.ts')) files.push(full);
  }
  return files.sort();
}

function runNodeTests(folder, extraArgs) {
  const tap = path.join(resultsDir, `${tier}.tap`);
  rmSync(tap, { force: true });
  const files = process.argv.slice(3).length > 0 ? process.argv.slice(3) : testFiles(folder);
  const result = spawnSync(
    process.execPath,
    [
      '--import', 'tsx', '--test', ...extraArgs,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { stdio: 'inherit' },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number((text.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? NaN);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  if (!Number.isFinite(passed) || !Number.isFinite(failed)) {
    return { passed: 0, failed: 1 };
  }
  // A non-zero exit with no failing test (e.g. a file that does not load) still fails the tier.
  return { passed, failed: failed === 0 && result.status !== 0 ? 1 : failed };
}

const PYTHON = process.env.DEEPSCOPE_TEST_PYTHON ?? '/usr/bin/python3';

/** The Python package's tests, with the interpreter that has Debian's torch (the first python3 on PATH may not). */
function runPythonTests() {
  const result = spawnSync(PYTHON, ['-m', 'unittest', 'discover', '-s', 'python/tests'], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  const text = result.stderr ?? '';
  process.stderr.write(text);
  const ran = Number((text.match(/^Ran (\d+) tests? in /m) ?? [])[1] ?? NaN);
  if (!Number.isFinite(ran)) return { passed: 0, failed: 1 };
  const summary = text.match(/^FAILED \((.*)\)$/m)?.[1] ?? '';
  const count = (name) => Number((summary.match(new RegExp(`${name}=(\\d+)`)) ?? [])[1] ?? 0);
  const failed = count('failures') + count('errors') + count('unexpected successes');
  const skipped = count('skipped') + Number((text.match(/^OK \(.*skipped=(\d+)/m) ?? [])[1] ?? 0);
  return { passed: ran - failed - skipped, failed: failed === 0 && result.status !== 0 ? 1 : failed };
}

let counts;
switch (tier) {
  case 'unit':
    // --expose-gc lets the memory tests measure the heap after a real collection.
    counts = runNodeTests('test/unit', ['--expose-gc']);
    break;
  case 'ui':
    // One workbench at a time: two cores cannot drive several VS Code windows well.
    counts = runNodeTests('test/ui', ['--test-concurrency=1']);
    break;
  case 'host': {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/host/runHostTier.ts', summaryFile], { stdio: 'inherit' });
    counts = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : { passed: 0, failed: 1 };
    if (result.status !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
    break;
  }
  case 'python':
    counts = runPythonTests();
    break;
  default:
    console.error(`run-tier: unknown tier "${tier}" (unit, host, ui or python)`);
    process.exit(2);
}
writeFileSync(summaryFile, JSON.stringify(counts));
console.log(`${tier} tier: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed > 0 ? 1 : 0);
