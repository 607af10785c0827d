import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { REPO_ROOT, SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { screenshotWholeView, webviewContent } from '../support/webview';
import { applyColorTheme, reloadWindow, runCommand, waitForQuickInput } from '../support/workbench';

let session: UiSession;
const MOONS_LAYERS = 'hidden1,hidden1_bn,hidden1_relu,hidden1_dropout,hidden2,hidden2_bn,hidden2_relu,hidden2_dropout,output';

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession();
  // Two saved runs in the workspace's runs folder, trained from a shell as a user would.
  for (const model of ['spiral-classifier.ts', 'moons-classifier.ts']) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'deepscope.js'), 'train', model, '--epochs', '3'], { cwd: session.workspace, stdio: 'pipe' });
  }
});

after(async () => {
  await session?.close();
});

async function pickRun(page: Page, title: string, label: string): Promise<void> {
  await waitForQuickInput(page, title);
  await page.keyboard.type(label);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
}

test('the dashboard compares the shown run with another: curves overlaid, each layer beside the layer of the same name', async () => {
  const { page } = session;
  await runCommand(page, 'DeepScope: Open Training Run');
  await pickRun(page, 'Open Training Run', 'moons-classifier.ts');
  let dashboard = await webviewContent(page, 'DeepScope Dashboard');
  await dashboard.locator('header h1', { hasText: 'moons-classifier.ts' }).waitFor({ timeout: 60_000 });
  const chart = (label: string) => dashboard.locator(`.chart[aria-label^="${label}"]`);
  await chart('Weight histograms').waitFor();
  const points = async (label: string) => Number(await chart(label).getAttribute('data-points'));
  const alone = { loss: await points('Loss, metrics and learning rate'), histograms: await points('Activation histograms') };
  assert.ok(alone.histograms > 0, 'the reopened run draws its histograms');

  await dashboard.locator('header button', { hasText: 'Compare with another run' }).click();
  await pickRun(page, 'Compare with Another Run', 'spiral-classifier.ts');
  dashboard = await webviewContent(page, 'DeepScope Dashboard');
  const compared = dashboard.locator('header .compared');
  await compared.waitFor({ timeout: 60_000 });
  assert.match(await compared.innerText(), /Compared with spiral-classifier\.ts .*epoch 3\/3 · finished/);
  await dashboard.locator('.step-label', { hasText: 'compared run at step' }).waitFor();
  // Both runs are drawn: more points than the shown run alone, in cells for the same layers.
  await dashboard.locator('.chart[aria-label^="Activation histograms"][data-points]').waitFor();
  assert.ok((await points('Loss, metrics and learning rate')) > alone.loss, 'the compared run\'s curves are overlaid');
  assert.ok((await points('Activation histograms')) > alone.histograms, 'each layer\'s histogram beside the other run\'s');
  // moons has batch-norm, ReLU and dropout layers that spiral lacks: their cells for spiral stay empty.
  assert.equal(await chart('Activation distributions over time').getAttribute('data-layers'), MOONS_LAYERS);
  assert.equal(await chart('Activation histograms').getAttribute('data-layers'), MOONS_LAYERS);
  assert.match(await dashboard.locator('.layer-choice', { hasText: 'hidden1_bn' }).innerText(), /this run only/);
  assert.doesNotMatch(await dashboard.locator('.layer-choice', { hasText: 'hidden2' }).first().innerText(), /this run only/);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'compare-dark.png') });
  await screenshotWholeView(page, dashboard, path.join(SCREENSHOTS_DIR, 'compare-dark-full.png'));

  await applyColorTheme(page, 'Light Modern', 'vs');
  dashboard = await webviewContent(page, 'DeepScope Dashboard');
  await dashboard.locator('body.vscode-light').waitFor();
  await dashboard.locator('header .compared').waitFor();
  await dashboard.locator('.chart[aria-label^="Weight histograms"]').waitFor();
  await screenshotWholeView(page, dashboard, path.join(SCREENSHOTS_DIR, 'compare-light-full.png'));
});

test('a reload keeps the comparison; "Stop comparing" shows the run alone again', async () => {
  const { page } = session;
  await reloadWindow(page);
  let dashboard;
  try {
    dashboard = await webviewContent(page, 'DeepScope Dashboard');
    await dashboard.locator('header .compared', { hasText: 'spiral-classifier.ts' }).waitFor({ timeout: 90_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'compare-reload-failure.png') });
    throw error;
  }
  await dashboard.locator('header .compared button', { hasText: 'Stop comparing' }).click();
  dashboard = await webviewContent(page, 'DeepScope Dashboard');
  await dashboard.locator('header button', { hasText: 'Compare with another run' }).waitFor();
  assert.equal(await dashboard.locator('header .compared').count(), 0);
  assert.match(await dashboard.locator('header h1').innerText(), /moons-classifier\.ts/);
});
