import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT, SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { acceptQuickInput, runCommand, waitForQuickInput } from '../support/workbench';

let session: UiSession;

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession();
});

after(async () => {
  await session?.close();
});

test('"DeepScope: New Model…" walks through the quick picks and opens a model with the notes\' defaults', async () => {
  const { page, workspace } = session;
  await runCommand(page, 'DeepScope: New Model');
  // Enter at every step keeps the recommended default, as a hurried user would.
  for (const step of ['data', 'hidden layers', 'activation', 'weight initialisation', 'optimiser', 'learning-rate schedule', 'extras']) {
    await acceptQuickInput(page, step);
  }
  await acceptQuickInput(page, 'file');

  const tab = page.locator('.tabs-container .tab', { hasText: 'spiral-classifier.ts' });
  await tab.waitFor({ timeout: 30_000 });
  const file = path.join(workspace, 'models', 'spiral-classifier.ts');
  assert.ok(existsSync(file), `${file} was not written`);
  const source = readFileSync(file, 'utf8');
  assert.match(source, /kernelInitializer: tf\.initializers\.heNormal\(/);
  assert.match(source, /activation: 'relu'/);
  assert.match(source, /tf\.train\.momentum\([^)]*0\.9, true\)/);
  assert.match(source, /Math\.pow\(0\.5, Math\.floor\(epoch \/ DROP_EVERY\)\)/, 'step decay schedule');
  assert.match(source, /export function createModel\(\)/);

  // The written model trains (one epoch, through the CLI on the same engine).
  const run = JSON.parse(
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'deepscope.js'), 'train', file, '--epochs', '1', '--json'], { encoding: 'utf8' }),
  ) as { history: { loss: number }[] };
  assert.equal(run.history.length, 1);
  assert.ok(Number.isFinite(run.history[0].loss));

  // The editor shows the file a user would read: the He-initialisation comment is on screen.
  const editorText = page.locator('.editor-instance .view-lines');
  await editorText.waitFor();
  // Monaco renders spaces as non-breaking spaces.
  const shown = (await editorText.innerText()).replace(/\u00a0/g, ' ');
  assert.match(shown, /import \* as tf from '@tensorflow\/tfjs'/);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'new-model.png') });

  // The workspace (a copy of examples/) has no node_modules: the editor takes tfjs's types from DeepScope, and the
  // notification that the model was written still offers the package itself, without installing it.
  const offer = page.locator('.notifications-toasts .notification-list-item', { hasText: 'This workspace has no @tensorflow/tfjs' });
  await offer.waitFor({ timeout: 30_000 });
  assert.equal(await offer.locator('.monaco-button', { hasText: 'Install with npm' }).count(), 1);
  assert.ok(!existsSync(path.join(workspace, 'node_modules')) && !existsSync(path.join(workspace, 'package.json')), 'nothing installed unasked');
});

test('pressing Escape in the middle of "New Model…" writes nothing', async () => {
  const { page, workspace } = session;
  const before = listFiles(workspace);
  await runCommand(page, 'DeepScope: New Model');
  await acceptQuickInput(page, 'data');
  await acceptQuickInput(page, 'hidden layers');
  // Escape must reach the next step's picker: pressed between two pickers it would go to the editor.
  await waitForQuickInput(page, 'activation');
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  assert.deepEqual(listFiles(workspace), before);
});

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
}
