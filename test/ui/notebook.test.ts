/**
 * A Python notebook in the real workbench (VS Code's built-in .ipynb support): DeepScope's lint reads the
 * code cells as one program and flags a hidden tanh in the model's cell, on that cell's line; hovering a DL
 * symbol in a cell shows its lecture note.
 */
import * as assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { openFile } from '../support/webview';
import { hoverOnText, runCommand } from '../support/workbench';

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

test('a notebook: hovering nn.Tanh in a code cell shows the note on tanh', async () => {
  const { page } = session;
  const line = page.locator('.notebook-editor .code-cell-row .view-line', { hasText: 'nn.Tanh(),' }).first();
  await line.waitFor({ timeout: 60_000 });
  const hover = page.locator('.monaco-hover:visible', { hasText: 'Read the full note' });
  await hoverOnText(page, line, 'Tanh', hover);
  await page.waitForTimeout(500); // the hover fades in: let it finish before the screenshot
  const text = await hover.innerText();
  // The note's title line and summary, next to the lint finding on the same symbol.
  assert.match(text, /tanh · DeepScope/, text);
  assert.match(text, /tanh maps its inputs to \[-1, 1\]/, text);
  assert.match(text, /hidden-saturating-activation/, text);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'notebook-hover.png') });
});
