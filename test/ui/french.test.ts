/** VS Code's display language set to French: DeepScope's commands and settings read in French. */
import * as assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { runCommand } from '../support/workbench';

let session: UiSession;

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession({ locale: 'fr' });
});

after(async () => {
  await session?.close();
});

test('with --locale fr, DeepScope’s commands, messages and settings are in French', async () => {
  const { page } = session;
  // "Ouvrir un labo…" opens the lab quick pick, whose texts follow the same language.
  await runCommand(page, 'DeepScope: Ouvrir un labo');
  const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Initialisation des poids' }).first();
  await pick.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'french-open-lab.png') });
  await page.keyboard.press('Escape');

  // A message of the extension's own code (vscode.l10n), not of the manifest.
  await runCommand(page, "DeepScope: Arrêter l'entraînement");
  await page.locator('.notifications-toasts .notification-list-item', { hasText: "DeepScope : aucun modèle n'est en cours d'entraînement." }).waitFor({ timeout: 30_000 });

  // VS Code's own texts stay English (the test's language pack translates none of them: see languagePack.ts).
  await runCommand(page, 'Preferences: Open User Settings');
  const search = page.locator('.settings-editor .suggest-input-container textarea, .settings-editor .settings-header input').first();
  await search.waitFor({ timeout: 30_000 });
  await search.fill('deepscope.backend');
  const description = page.locator('.settings-editor .setting-item-description', { hasText: "Backend TensorFlow.js utilisé pour l'entraînement" });
  await description.first().waitFor({ timeout: 30_000 });
  assert.ok(await description.count() >= 1);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'french-settings.png') });
});

test('the walkthrough reads in French: its title, its five steps and their actions', async () => {
  const { page } = session;
  await runCommand(page, 'Welcome: Open Walkthrough');
  const choice = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Premiers pas avec DeepScope' }).first();
  await choice.waitFor({ timeout: 30_000 });
  await choice.click();
  const steps = page.locator('.gettingStartedContainer .getting-started-step');
  for (const title of ['Créer un modèle', "L'entraîner et lire le tableau de bord", 'Diagnostiquer un modèle défectueux et appliquer le correctif', 'Lancer un labo', 'Lire une note de cours']) {
    await steps.filter({ hasText: title }).first().waitFor({ timeout: 30_000 });
  }
  await steps.filter({ hasText: 'Créer un modèle' }).first().locator('.monaco-button, a.button-link', { hasText: 'Nouveau modèle…' }).first().waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'french-walkthrough.png') });
});
