/**
 * A Python notebook in the real workbench (VS Code's built-in .ipynb support): DeepScope's lint reads the
 * code cells as one program and flags a hidden tanh in the model's cell, on that cell's line.
 */
import * as assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { openFile } from '../support/webview';
import { runCommand } from '../support/workbench';

let session: UiSession;

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession();
});

after(async () => {
  await session?.close();
});

test('a notebook: the lint finding in a code cell, on its line', async () => {
  const { page } = session;
  await openFile(page, 'spirals_notebook.ipynb');
  await page.locator('.notebook-editor .code-cell-row .view-lines').first().waitFor({ timeout: 60_000 });

  await runCommand(page, 'Problems: Focus on Problems View');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'hidden-saturating-activation' }).first();
  await row.waitFor({ timeout: 60_000 });
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  // The model cell's third line: `    nn.Tanh(),`.
  assert.match(text, /\[Ln 3, Col 5\]/, text);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'notebook-problems.png') });
});
