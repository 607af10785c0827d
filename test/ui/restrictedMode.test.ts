import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openUiSession, type UiSession } from '../support/uiSession';
import { runCommand } from '../support/workbench';

let session: UiSession;

before(async () => {
  // Workspace Trust on: VS Code asks, and the user says no.
  session = await openUiSession({ disableWorkspaceTrust: false });
  await session.page.getByRole('button', { name: /No, I don't trust/ }).click({ timeout: 60_000 });
  await session.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ timeout: 30_000 });
});

after(async () => {
  await session?.close();
});

test('in Restricted Mode, training is not offered but scaffolding is', async () => {
  const { page } = session;
  // Scaffolding works: its first quick pick opens.
  await runCommand(page, 'DeepScope: New Model');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'data' }).waitFor();
  await page.keyboard.press('Escape');

  // Training runs workspace code: the palette does not offer it.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.fill('>DeepScope: Train Model');
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
  const labels = await page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts();
  assert.ok(!labels.some((label) => label.replace(/\s+/g, ' ').startsWith('DeepScope: Train Model')), `offered: ${labels.join(' | ')}`);
  await page.keyboard.press('Escape');
});
