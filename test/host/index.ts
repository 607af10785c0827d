/**
 * Entry of the tests that run inside a real extension host (the `extensionTestsPath` module).
 * VS Code calls `run()`; results go to the JSON file named by DEEPSCOPE_HOST_TEST_RESULTS,
 * which the driver (runHostTier.ts) waits for, since code-server has no other channel back.
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export interface HostTestResult {
  readonly title: string;
  readonly passed: boolean;
  readonly error?: string;
}

export async function run(): Promise<void> {
  const resultsFile = process.env.DEEPSCOPE_HOST_TEST_RESULTS;
  const results: HostTestResult[] = [];
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // For working on one suite: DEEPSCOPE_HOST_GREP='run with DeepScope' npm run test:host
  if (process.env.DEEPSCOPE_HOST_GREP) mocha.grep(process.env.DEEPSCOPE_HOST_GREP);
  // The suites are bundled into this file: install mocha's globals, then load them.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  require('./suites');
  let failures = 0;
  try {
    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run((count) => resolve(count));
      runner.on('pass', (test) => results.push({ title: test.fullTitle(), passed: true }));
      runner.on('fail', (test, error: Error) =>
        results.push({ title: test.fullTitle(), passed: false, error: error.stack ?? String(error) }),
      );
    });
  } catch (error) {
    results.push({ title: 'host test runner', passed: false, error: String(error) });
    failures += 1;
  }
  if (resultsFile) {
    writeFileSync(resultsFile, JSON.stringify({ results }, null, 2));
  }
  if (failures > 0) {
    throw new Error(`${failures} host test(s) failed`);
  }
}
