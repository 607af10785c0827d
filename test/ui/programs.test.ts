/**
 * Run with DeepScope from the palette on the example program (a plain tfjs program that trains a
 * baseline, then the network it passes to watch(model), in two fit calls): the dashboard draws the
 * network's run and its header says how the fits and the other model are shown.
 */
import * as assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { openFile, screenshotWholeView, webviewContent } from '../support/webview';
import { applyColorTheme, runCommand } from '../support/workbench';

let session: UiSession;

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession();
});

after(async () => {
  await session?.close();
});

test('Run with DeepScope on a plain tfjs program: the watched network\'s two fits as one run, the unwatched baseline named', async () => {
  const { page } = session;
  await openFile(page, 'spiral-baseline-then-mlp.js');
  await runCommand(page, 'DeepScope: Run with DeepScope');

  const dashboard = await webviewContent(page, 'DeepScope Dashboard');
  await dashboard.locator('.status-finished').waitFor({ timeout: 180_000 });
  const chart = (label: string) => dashboard.locator(`.chart[aria-label^="${label}"]`);
  await chart('Gradient histograms').waitFor();
  assert.match(await dashboard.locator('header h1').innerText(), /spiral-baseline-then-mlp\.js/);
  assert.match(await dashboard.locator('header .facts').innerText(), /epoch 60\/60/);
  const notes = await dashboard.locator('header .program-note').allInnerTexts();
  assert.match(notes[0] ?? '', /Trained by 2 calls of fit\(\).*call 1: epochs 1–40, call 2: epochs 41–60/);
  assert.match(notes[1] ?? '', /"linear_baseline", not shown/);
  assert.equal(await chart('Activation distributions over time').getAttribute('data-layers'), 'dense_Dense1,dense_Dense2,dense_Dense3');
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'program-dashboard-dark.png') });
  await applyColorTheme(page, 'Light Modern', 'vs');
  await dashboard.locator('body.vscode-light').waitFor();
  await screenshotWholeView(page, dashboard, path.join(SCREENSHOTS_DIR, 'program-dashboard-light-full.png'));
});
