/**
 * The walkthrough as a student meets it: "Welcome: Open Walkthrough…" from the palette, DeepScope's walkthrough,
 * its first step's one action (New Model…) run to the end, and the step marked done. Its images follow the theme.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { openFile } from '../support/webview';
import { acceptOverWalkthrough, applyColorTheme, runCommand } from '../support/workbench';

const TITLE = 'Get started with DeepScope';

let session: UiSession;

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession();
});

after(async () => {
  await session?.close();
});

test('the walkthrough opens from the palette, and its first step completes once its action has run', async () => {
  const { page, workspace } = session;
  await runCommand(page, 'Welcome: Open Walkthrough');
  const choice = page.locator('.quick-input-widget .monaco-list-row', { hasText: TITLE }).first();
  await choice.waitFor({ timeout: 30_000 });
  await choice.click();

  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.locator('.getting-started-category .category-title, h2', { hasText: TITLE }).first().waitFor({ timeout: 30_000 });
  const steps = walkthrough.locator('.getting-started-step');
  for (const title of ['Scaffold a model', 'Train it and read the dashboard', 'Diagnose a broken model and apply the fix', 'Run a lab', 'Read a lecture note']) {
    await steps.filter({ hasText: title }).first().waitFor();
  }
  const first = steps.filter({ hasText: 'Scaffold a model' }).first();
  // Its checkbox says whether a step is done.
  assert.equal(await first.locator('[role="checkbox"]').getAttribute('aria-checked'), 'false', 'the first step starts undone');
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'walkthrough-dark.png') });

  // The step's one action: its button runs New Model…; Enter at every step keeps the notes' defaults.
  await first.locator('.monaco-button, a.button-link', { hasText: 'New Model…' }).first().click();
  for (const step of ['data', 'hidden layers', 'activation', 'weight initialisation', 'optimiser', 'learning-rate schedule', 'extras', 'file']) {
    await acceptOverWalkthrough(page, step);
  }
  await page.locator('.tabs-container .tab', { hasText: 'spiral-classifier.ts' }).waitFor({ timeout: 30_000 });
  assert.ok(existsSync(path.join(workspace, 'models', 'spiral-classifier.ts')));

  // Back on the walkthrough, the step is checked off.
  await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).first().click();
  await first.locator('[role="checkbox"][aria-checked="true"]').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'walkthrough-step-done.png') });
  await applyColorTheme(page, 'Light Modern', 'vs');
  await page.locator('.gettingStartedContainer .getting-started-step', { hasText: 'Train it and read the dashboard' }).first().click();
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'walkthrough-light.png') });
});

test('the walkthrough opens by itself the first time DeepScope starts', async () => {
  // A fresh user, with the defaults for walkthroughs (the other tests turn them off).
  const fresh = await openUiSession({
    userSettings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true, 'deepscope.walkthrough.openOnFirstStart': true },
  });
  try {
    await openFile(fresh.page, 'spiral-classifier.ts'); // a TypeScript file starts DeepScope
    await fresh.page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).first().waitFor({ timeout: 90_000 });
    await fresh.page.locator('.gettingStartedContainer', { hasText: TITLE }).first().waitFor();
  } finally {
    await fresh.close();
  }
});
