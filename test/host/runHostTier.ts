/**
 * Driver of the host tier: starts a real VS Code (code-server), opens an Extension Development
 * Host window whose extensionTestsPath is out/test/host, and waits for the results file that
 * test/host/index.ts writes from inside the extension host. Prints one line per test.
 * Usage: node --import tsx test/host/runHostTier.ts <results.json>
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { launchBrowser } from '../support/browser';
import { startCodeServer } from '../support/codeServer';
import { EXAMPLES_DIR, REPO_ROOT, RESULTS_DIR, SCREENSHOTS_DIR } from '../support/paths';
import type { HostTestResult } from './index';

const TIMEOUT_MS = 10 * 60_000;

async function main(): Promise<void> {
  const summaryFile = process.argv[2] ?? path.join(RESULTS_DIR, 'host.json');
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const rawResults = path.join(RESULTS_DIR, 'host-raw.json');
  await rm(rawResults, { force: true });
  const server = await startCodeServer({
    installExtension: false,
    // Trusted, so trust-gated commands can be tested; Restricted Mode is covered by UI tests.
    disableWorkspaceTrust: true,
    env: { DEEPSCOPE_HOST_TEST_RESULTS: rawResults, DEEPSCOPE_HOST_GREP: process.env.DEEPSCOPE_HOST_GREP ?? '' },
  });
  const browser = await launchBrowser();
  let results: HostTestResult[];
  try {
    const page = await browser.newPage();
    const remote = (folder: string) => `vscode-remote://127.0.0.1:${server.port}${folder}`;
    await page.goto(
      server.workbenchUrl(EXAMPLES_DIR, [
        ['extensionDevelopmentPath', remote(REPO_ROOT)],
        ['extensionTestsPath', remote(path.join(REPO_ROOT, 'out/test/host'))],
      ]),
    );
    results = await waitForResults(rawResults);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'host-tier.png') }).catch(() => undefined);
  } catch (error) {
    results = [{ title: 'host tier', passed: false, error: (error as Error).message }];
  } finally {
    await browser.close();
    await server.stop();
  }
  for (const result of results) {
    console.log(`${result.passed ? '✔' : '✖'} ${result.title}`);
    if (result.error) {
      console.log(indent(result.error));
    }
  }
  const passed = results.filter((result) => result.passed).length;
  const failed = results.length - passed;
  await writeFile(summaryFile, JSON.stringify({ passed, failed }));
  console.log(`host tier: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

async function waitForResults(file: string): Promise<HostTestResult[]> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      // Give the writer a moment to finish.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { results: HostTestResult[] };
      return parsed.results.length > 0 ? parsed.results : [{ title: 'host tier ran no test', passed: false }];
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no host test results after ${TIMEOUT_MS / 1000} s (did the extension host start? see ${REPO_ROOT}/.test-results)`);
}

function indent(text: string): string {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}

void main();
