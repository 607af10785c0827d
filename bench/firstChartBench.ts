/**
 * `firstChartMs` for `npm run bench`: in a real VS Code (code-server, as the UI tests drive it), the
 * time from the Train Model command on an example model to the first chart of the dashboard that
 * holds data. It covers what a user waits for: bundling the model module, starting the training
 * process and tfjs, the first steps, the dashboard panel and its first draw. Adds it to bench/results.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openUiSession } from '../test/support/uiSession';
import { openFile, webviewContent } from '../test/support/webview';
import { runCommand } from '../test/support/workbench';

const RESULTS = path.join(__dirname, 'results.json');
const MODEL = 'spiral-classifier.ts';

async function main(): Promise<void> {
  const session = await openUiSession();
  try {
    const { page } = session;
    await openFile(page, MODEL);
    await runCommand(page, 'DeepScope: Train Model');
    // runCommand returns once the command's row is clicked: the command starts there.
    const t0 = performance.now();
    const dashboard = await webviewContent(page, 'DeepScope Dashboard');
    await dashboard.locator('.chart[data-points]:not([data-points="0"])').first().waitFor({ timeout: 120_000 });
    const firstChartMs = Math.round(performance.now() - t0);
    const chart = await dashboard.locator('.chart[data-points]:not([data-points="0"])').first().getAttribute('aria-label');
    console.log(`firstChartMs ${firstChartMs} (Train Model on examples/${MODEL} in code-server to the first chart with data: ${chart?.split(':')[0]})`);
    const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
    writeFileSync(RESULTS, `${JSON.stringify({ ...results, firstChartMs }, null, 2)}\n`);
  } finally {
    await session.close();
  }
}

void main();
