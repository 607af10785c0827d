import * as assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { FrameLocator, Locator } from 'playwright-core';
import { SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { openFile, webviewContent } from '../support/webview';
import { applyColorTheme, hoverOnText, reloadWindow, runCommand, waitForQuickInput } from '../support/workbench';

let session: UiSession;
const screenshot = (name: string) => path.join(SCREENSHOTS_DIR, name);

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession();
});

after(async () => {
  await session?.close();
});

/** The notes viewer's content, once it shows the note titled `title`. */
async function noteTitled(title: string): Promise<FrameLocator> {
  const notes = await webviewContent(session.page, title);
  try {
    await notes.locator('h1', { hasText: title }).waitFor({ timeout: 60_000 });
  } catch (error) {
    // What the workbench showed instead, to read along with the error.
    await session.page.screenshot({ path: screenshot('notes-failure.png') });
    throw error;
  }
  return notes;
}

/** The editor at `line` (1-based) of `file`, once the line showing `text` is drawn. */
async function editorLine(file: string, line: number, text: string): Promise<Locator> {
  const { page } = session;
  await openFile(page, file);
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input.input').fill(`:${line}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: `line ${line}` }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  const shown = page.locator('.editor-instance .view-line', { hasText: text }).first();
  await shown.waitFor();
  return shown;
}

test('"Open Lecture Note…" finds Nesterov; the note is typeset with KaTeX; related topics and EN/FR switch the note', async () => {
  const { page } = session;
  await runCommand(page, 'DeepScope: Open Lecture Note');
  await waitForQuickInput(page, 'Open Lecture Note');
  await page.keyboard.type('Nesterov');
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Nesterov momentum' }).waitFor();
  await page.keyboard.press('Enter');

  const notes = await noteTitled('Nesterov momentum');
  await page.locator('.tabs-container .tab', { hasText: 'Nesterov momentum' }).waitFor();
  assert.ok((await notes.locator('.note-text .katex').count()) >= 6, 'the formulas are not typeset');
  assert.ok((await notes.locator('.note-text .katex-display').count()) >= 4, 'the display formulas are not typeset');
  const text = await notes.locator('.note-text').innerText();
  assert.ok(!text.includes('$$') && !text.includes('$'), `raw LaTeX left in the note:\n${text}`);
  // KaTeX's fonts come from out/webviews/fonts through the webview's CSP and localResourceRoots.
  const katexFonts = await notes.locator('body').evaluate(async () => {
    await document.fonts.ready;
    let loaded = 0;
    document.fonts.forEach((font) => {
      if (font.family.includes('KaTeX') && font.status === 'loaded') loaded += 1;
    });
    return loaded;
  });
  assert.ok(katexFonts > 0, 'no KaTeX font loaded');
  assert.match(await notes.locator('.in-short').innerText(), /Recommended: SGD with Nesterov momentum/);
  assert.match(await notes.locator('.symbols').innerText(), /tf\.train\.momentum\(learningRate, momentum, true\)/);
  await page.screenshot({ path: screenshot('notes-dark.png') });
  await notes.locator('.related').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('notes-dark-end.png') });

  await notes.locator('.related .topic-link', { hasText: 'SGD with momentum' }).click();
  const momentum = await noteTitled('SGD with momentum');
  await page.locator('.tabs-container .tab', { hasText: 'SGD with momentum' }).waitFor();

  await momentum.locator('.language-toggle button', { hasText: 'FR' }).click();
  const french = await noteTitled('SGD avec inertie (momentum)');
  assert.match(await french.locator('.related').innerText(), /Momentum de Nesterov/);
  await page.screenshot({ path: screenshot('notes-french.png') });
  await french.locator('.language-toggle button', { hasText: 'EN' }).click();
  await noteTitled('SGD with momentum');
});

test('hovering \'relu\' in a model shows the note\'s summary, and "Read the full note" opens it in the viewer', async () => {
  const { page } = session;
  const line = await editorLine('spiral-classifier.ts', 139, "activation: 'relu',");
  const hover = page.locator('.monaco-hover:visible', { hasText: 'ReLU (Rectified Linear Unit)' });
  await hoverOnText(page, line, 'relu', hover);
  await page.waitForTimeout(500); // the hover fades in: let it finish before the screenshot
  const hoverText = await hover.innerText();
  assert.match(hoverText, /DeepScope/);
  assert.match(hoverText, /Recommended:/);
  assert.match(hoverText, /Read the full note/);
  await page.screenshot({ path: screenshot('notes-hover.png') });

  await hover.locator('a', { hasText: 'Read the full note' }).click();
  await noteTitled('ReLU (Rectified Linear Unit)');
  await page.locator('.tabs-container .tab', { hasText: 'ReLU (Rectified Linear Unit)' }).waitFor();
  // The note opens beside the code, which stays in sight, as a normal tab (not a preview that the next file replaces).
  await page.locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: 'spiral-classifier.ts' }) }).waitFor();
  assert.equal(await page.locator('.tab.preview', { hasText: 'ReLU (Rectified Linear Unit)' }).count(), 0);
  await page.mouse.move(150, 600); // off the hover, onto the empty explorer
  await hover.waitFor({ state: 'hidden' });
  await page.screenshot({ path: screenshot('notes-beside-code.png') });
});

test('hovering a layer the notes do not cover shows a topic marked beyond the notes, with its closest notes and d2l.ai', async () => {
  const { page } = session;
  // The previous test left the code at line 139, beside the note: its dense layers are in sight. Quick Open would
  // open the file again in whichever group has the focus, possibly over the note that the next tests read.
  await page.locator('.tabs-container .tab', { hasText: 'spiral-classifier.ts' }).first().click();
  const line = page.locator('.editor-instance .view-line', { hasText: 'model.add(tf.layers.dense({' }).first();
  await line.waitFor();
  const hover = page.locator('.monaco-hover:visible', { hasText: 'Dense (fully connected) layer' });
  await hoverOnText(page, line, 'dense', hover);
  const hoverText = await hover.innerText();
  assert.match(hoverText, /DeepScope · beyond the notes/);
  assert.match(hoverText, /Closest notes: Choosing an activation function in practice · Xavier \(Glorot\) initialisation · He initialisation/);
  assert.match(hoverText, /Multilayer Perceptrons › Multilayer Perceptrons/);
  await page.screenshot({ path: screenshot('notes-hover-beyond.png') });
  await page.mouse.move(150, 600);
  await hover.waitFor({ state: 'hidden' });
});

test('the note follows light and high-contrast themes', async () => {
  const { page } = session;
  await applyColorTheme(session.page, 'Light Modern', 'vs');
  let notes = await noteTitled('ReLU (Rectified Linear Unit)');
  await notes.locator('body.vscode-light').waitFor();
  await page.screenshot({ path: screenshot('notes-light.png') });
  await notes.locator('.related').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('notes-light-end.png') });

  await applyColorTheme(session.page, 'Dark High Contrast', 'hc-black');
  notes = await noteTitled('ReLU (Rectified Linear Unit)');
  await notes.locator('body.vscode-high-contrast').waitFor();
  await page.screenshot({ path: screenshot('notes-high-contrast-end.png') });
  await notes.locator('h1').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('notes-high-contrast.png') });
});

test('a window reload restores the notes viewer on its topic', async () => {
  const { page } = session;
  await reloadWindow(page);
  const notes = await noteTitled('ReLU (Rectified Linear Unit)');
  assert.ok((await notes.locator('.note-text .katex').count()) > 0);
});
