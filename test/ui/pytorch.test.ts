/**
 * A plain PyTorch script from the palette: *Run with DeepScope* on the sigmoid example runs it under
 * the watcher with the interpreter of `deepscope.python.interpreter`; the dashboard draws its layers
 * and the vanishing-gradients finding shows in the Problems panel on the line that built the hidden
 * layers. Then the healthy CNN: its dashboard, and no warning.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { EXAMPLES_DIR, SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { openFile, screenshotWholeView, webviewContent } from '../support/webview';
import { applyColorTheme, runCommand } from '../support/workbench';

/** Debian's torch is for /usr/bin/python3; the python3 first on PATH may have none. */
const PYTHON = '/usr/bin/python3';
const SIGMOID = readFileSync(path.join(EXAMPLES_DIR, 'pytorch', 'sigmoid_everywhere.py'), 'utf8').split('\n');
/** The hidden layers are built in the loop: `layers += [nn.Linear(32, 32), nn.Sigmoid()]`, or the first one before it. */
const HIDDEN_LINES = SIGMOID.flatMap((line, index) => (/nn\.Linear\((2|32), 32\)/.test(line) ? [index + 1] : []));

let session: UiSession;
const screenshot = (name: string) => path.join(SCREENSHOTS_DIR, name);

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession({ workspaceSettings: { 'deepscope.python.interpreter': PYTHON } });
});

after(async () => {
  await session?.close();
});

test('Run with DeepScope on a sigmoid PyTorch script: dashboard of its layers, vanishing gradients on the line that built them', async () => {
  const { page } = session;
  await openFile(page, 'sigmoid_everywhere.py');
  await runCommand(page, 'DeepScope: Run with DeepScope');

  const dashboard = await webviewContent(page, 'DeepScope Dashboard');
  try {
    await dashboard.locator('.status-finished').waitFor({ timeout: 240_000 });
  } catch (error) {
    await page.screenshot({ path: screenshot('pytorch-failure.png') });
    throw error;
  }
  assert.match(await dashboard.locator('header h1').innerText(), /sigmoid_everywhere\.py/);
  assert.match(await dashboard.locator('header .facts').innerText(), /torch-cpu/);
  const chart = (label: string) => dashboard.locator(`.chart[aria-label^="${label}"]`);
  await chart('Gradient histograms').waitFor();
  assert.equal(await chart('Activation distributions over time').getAttribute('data-layers'), '0,2,4,6,8,10,12,14,16');
  // The layer picker names a layer as the findings do: its class, then its module path.
  assert.match(await dashboard.locator('.layer-choice').first().innerText(), /^\s*Linear \(0\) sigmoid/);

  await runCommand(page, 'Problems: Focus on Problems View');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'vanishing-gradients' }).first();
  await row.waitFor({ timeout: 30_000 });
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /Vanishing gradients: the gradient of Linear \(0\) is .* that of the output layer/);
  const line = Number(/\[Ln (\d+), Col \d+\]/.exec(text)?.[1]);
  assert.ok(HIDDEN_LINES.includes(line), `on line ${line}, not on a line that builds a hidden layer (${HIDDEN_LINES.join(', ')}): ${text}`);
  await page.screenshot({ path: screenshot('pytorch-problems-dark.png') });
  await applyColorTheme(page, 'Light Modern', 'vs');
  await dashboard.locator('body.vscode-light').waitFor();
  await screenshotWholeView(page, dashboard, screenshot('pytorch-dashboard-light-full.png'));
  await applyColorTheme(page, 'Dark Modern', 'vs-dark');
});

test('Run with DeepScope on a healthy PyTorch CNN: its conv layers in the dashboard, no warning', async () => {
  const { page } = session;
  await openFile(page, 'bars_cnn.py');
  await runCommand(page, 'DeepScope: Run with DeepScope');
  const dashboard = await webviewContent(page, 'DeepScope Dashboard');
  await dashboard.locator('header h1', { hasText: 'bars_cnn.py' }).waitFor({ timeout: 120_000 });
  await dashboard.locator('.status-finished').waitFor({ timeout: 300_000 });
  const layers = await dashboard.locator('.chart[aria-label^="Activation distributions over time"]').getAttribute('data-layers');
  // The two convolutions (their ReLU joined) and the output layer are among the layers drawn.
  for (const name of ['0', '3', '7']) assert.ok(layers?.split(',').includes(name), `layer ${name} not drawn: ${layers}`);
  const warnings = await dashboard.locator('.finding.severity-warning, .finding.severity-error').count();
  assert.equal(warnings, 0, (await dashboard.locator('.finding').allInnerTexts()).join('\n'));
  await screenshotWholeView(page, dashboard, screenshot('pytorch-cnn-dashboard-dark-full.png'));
});

