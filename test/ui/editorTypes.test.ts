/**
 * A fresh workspace of the examples (a copy outside the repository, no node_modules) and a module of every
 * built-in template open with no error in the Problems panel: the editor's TypeScript takes tfjs's and Node's
 * types from DeepScope's own node_modules, through the TypeScript server plugin DeepScope contributes.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT, SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { openFile } from '../support/webview';
import { runCommand } from '../support/workbench';

const TEMPLATES = ['spiral', 'moons', 'blobs', 'sine', 'iris'];
/**
 * Opened last: one error that only tfjs's real types produce (a rank is a number). Once it shows, TypeScript has
 * checked the files opened before it with those types; without them it would say "Cannot find module" instead.
 */
const CONTROL = 'zz-control.ts';

let session: UiSession;

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  // Laid out as the VSIX installs it: the plugin sits in DeepScope's node_modules.
  session = await openUiSession({ asVsix: true });
});

after(async () => {
  await session?.close();
});

test('the examples and a module of every template open with no error in the Problems panel', async () => {
  const { page, workspace } = session;
  for (const template of TEMPLATES) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'deepscope.js'), 'new', template, `models/${template}-model.ts`], { cwd: workspace });
  }
  writeFileSync(path.join(workspace, CONTROL), "import * as tf from '@tensorflow/tfjs';\nexport const rank: string = tf.tensor([1, 2]).rank;\n");
  assert.ok(!existsSync(path.join(workspace, 'node_modules')), 'the workspace has no node_modules');

  const files = [
    ...readdirSync(workspace, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && path.basename(file) !== CONTROL),
    'tsconfig.json',
  ].map((file) => path.basename(file));
  assert.ok(files.length >= 13, files.join(', '));
  for (const file of files) await openFile(page, file);
  await openFile(page, CONTROL);

  await runCommand(page, 'Problems: Focus on Problems View');
  const control = page.locator('.markers-panel .monaco-list-row', { hasText: "Type 'number' is not assignable to type 'string'" });
  try {
    await control.waitFor({ timeout: 180_000 });
  } catch (error) {
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'editor-types-failure.png') });
    throw error;
  }
  const problems = page.locator('[id="status.problems"]');
  await problems.waitFor();
  const label = (await problems.getAttribute('aria-label')) ?? (await problems.innerText());
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'editor-types-problems.png') });
  // The control's error, and no other (DeepScope's lint warnings on the broken examples are warnings).
  assert.match(label, /Errors: 1\b/, label);
  const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  assert.ok(!rows.some((row) => /Cannot find (module|type definition|name)/.test(row)), rows.join('\n'));
});
