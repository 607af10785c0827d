/**
 * The diagnosis as a user meets it: open a broken example, "DeepScope: Train Model" from the palette,
 * the finding in the Problems panel on the line at fault, and its quick fix applied from the editor.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { EXAMPLES_DIR, SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { openFile } from '../support/webview';
import { runCommand } from '../support/workbench';

const EXAMPLE = 'sigmoid-everywhere.ts';
/** 1-based line of the first hidden layer: where vanishing gradients are reported. */
const FIRST_LAYER = readFileSync(path.join(EXAMPLES_DIR, 'broken', EXAMPLE), 'utf8').split('\n').findIndex((line) => line.includes('inputShape: [2]')) + 1;

let session: UiSession;
const screenshot = (name: string) => path.join(SCREENSHOTS_DIR, name);

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession();
});

after(async () => {
  await session?.close();
});

test('a broken example trains, its finding shows in the Problems panel on the right line, and its quick fix applies', async () => {
  const { page } = session;
  await openFile(page, EXAMPLE);
  await runCommand(page, 'DeepScope: Train Model');

  await runCommand(page, 'Problems: Focus on Problems View');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'vanishing-gradients' }).first();
  try {
    await row.waitFor({ timeout: 180_000 });
  } catch (error) {
    await page.screenshot({ path: screenshot('diagnosis-failure.png') });
    throw error;
  }
  // The finding shows while the model trains; wait for the run to end ("DeepScope: loss … · backend").
  await page.locator('.statusbar-item', { hasText: /DeepScope: loss/ }).waitFor({ timeout: 180_000 });
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  assert.match(text, /Vanishing gradients: the gradient of dense_Dense\d+ is .* that of the output layer/);
  assert.match(text, new RegExp(`\\[Ln ${FIRST_LAYER}, Col \\d+\\]`), `not on line ${FIRST_LAYER}: ${text}`);
  await page.screenshot({ path: screenshot('diagnosis-problems.png') });

  // Double-clicking the row puts the cursor on the finding in the editor; Ctrl+. lists its quick fixes.
  await row.dblclick();
  await page.locator('.editor-instance .current-line').first().waitFor();
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Use ReLU in every hidden layer' });
  for (let attempt = 0; attempt < 5 && !(await fix.isVisible()); attempt++) {
    await page.keyboard.press('Control+.');
    await fix.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  await page.screenshot({ path: screenshot('diagnosis-quick-fix.png') });
  // The keyboard, as the menu expects (an overlay takes the pointer while it opens): down to the fix, Enter.
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  for (let step = 0; step < 20 && !(await focused.innerText()).includes('Use ReLU in every hidden layer'); step++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');

  // Monaco renders spaces as non-breaking spaces; the fixed lines are on screen around the cursor.
  const lines = page.locator('.editor-instance .view-lines');
  await page.waitForFunction(() => (document.querySelector('.editor-instance .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes("activation: 'relu'"));
  const shown = (await lines.innerText()).replace(/\u00a0/g, ' ');
  assert.equal(shown.match(/units: 32, activation: 'relu'/g)?.length, 8, shown);
  assert.match(shown, /units: 3, activation: 'softmax'/, 'the output layer is untouched');
  assert.doesNotMatch(shown, /activation: 'sigmoid'/);
  // For the picture: no hover over the panel, the lint caught up with the edit, long lines wrapped.
  await page.mouse.move(700, 250);
  await runCommand(page, 'View: Toggle Word Wrap');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'Sigmoid in a hidden layer' }).first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.screenshot({ path: screenshot('diagnosis-fixed.png') });
});
