import * as assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { openFile, screenshotWholeView, webviewContent } from '../support/webview';
import { applyColorTheme, reloadWindow, runCommand } from '../support/workbench';

let session: UiSession;
const LAYERS = 'hidden1,hidden2,output';

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession();
});

after(async () => {
  await session?.close();
});

test('training an example model opens the dashboard with the loss curve and one activation and gradient chart per layer', async () => {
  const { page } = session;
  await openFile(page, 'spiral-classifier.ts');
  await runCommand(page, 'DeepScope: Train Model');

  const dashboard = await webviewContent(page, 'DeepScope Dashboard');
  await dashboard.locator('.status-finished').waitFor({ timeout: 120_000 });
  // Each chart describes what its view holds: the layers drawn and the number of points.
  const chart = (label: string) => dashboard.locator(`.chart[aria-label^="${label}"]`);
  await chart('Gradient histograms').waitFor();
  assert.equal(await chart('Activation distributions over time').getAttribute('data-layers'), LAYERS);
  assert.equal(await chart('Activation histograms').getAttribute('data-layers'), LAYERS);
  assert.equal(await chart('Gradient norms').getAttribute('data-layers'), LAYERS);
  assert.equal(await chart('Gradient histograms').getAttribute('data-layers'), LAYERS);
  assert.equal(await chart('Update ratios').getAttribute('data-layers'), LAYERS);
  const lossPoints = Number(await chart('Loss, metrics and learning rate').getAttribute('data-points'));
  assert.ok(lossPoints >= 60 * 2, `the loss chart holds ${lossPoints} points for 60 epochs`);
  assert.match(await dashboard.locator('header .facts').innerText(), /epoch 60\/60/);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'dashboard-dark.png') });
  await screenshotWholeView(page, dashboard, path.join(SCREENSHOTS_DIR, 'dashboard-dark-full.png'));
});

test('the charts follow a light theme', async () => {
  const { page } = session;
  await applyColorTheme(page, 'Light Modern', 'vs');
  const dashboard = await webviewContent(page, 'DeepScope Dashboard');
  await dashboard.locator('body.vscode-light').waitFor();
  await dashboard.locator('.chart[aria-label^="Gradient histograms"]').waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'dashboard-light.png') });
  await screenshotWholeView(page, dashboard, path.join(SCREENSHOTS_DIR, 'dashboard-light-full.png'));
});

test('a window reload restores the dashboard with its run', async () => {
  const { page } = session;
  await reloadWindow(page);
  const dashboard = await webviewContent(page, 'DeepScope Dashboard');
  const bands = dashboard.locator('.chart[aria-label^="Activation distributions over time"]');
  await bands.waitFor({ timeout: 90_000 });
  assert.equal(await bands.getAttribute('data-layers'), LAYERS);
  assert.match(await dashboard.locator('header .facts').innerText(), /epoch 60\/60/);
  // The restored run's histograms arrive too (typed arrays in one message used to arrive empty).
  const histograms = dashboard.locator(`.chart[aria-label="Activation histograms: ${LAYERS.replaceAll(',', ', ')}"]`);
  await histograms.waitFor({ timeout: 30_000 });
  assert.ok(Number(await histograms.getAttribute('data-points')) > 0);
});
