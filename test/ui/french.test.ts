/**
 * VS Code's display language set to French: DeepScope's commands, settings, walkthrough, pickers and dashboard read
 * in French, and the walkthrough runs end to end in French (a step's action to its completion, then training).
 */
import * as assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { screenshotWholeView, webviewContent } from '../support/webview';
import { acceptOverWalkthrough, applyColorTheme, runCommand } from '../support/workbench';

let session: UiSession;

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  session = await openUiSession({ locale: 'fr' });
});

after(async () => {
  await session?.close();
});

test('with --locale fr, DeepScope’s commands, pickers, messages and settings are in French', async () => {
  const { page } = session;
  // "Ouvrir un labo…" opens the lab quick pick, whose texts follow the same language.
  await runCommand(page, 'DeepScope: Ouvrir un labo');
  const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Initialisation des poids' }).first();
  await pick.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'french-open-lab.png') });
  await page.keyboard.press('Escape');

  // The broken examples' picker: what each one's diagnosis finds and its quick fix, in French.
  await runCommand(page, 'DeepScope: Ouvrir un exemple défectueux');
  const broken = page.locator('.quick-input-widget:visible .monaco-list-row', { hasText: 'sigmoid-everywhere.ts' }).first();
  await broken.waitFor({ timeout: 30_000 });
  assert.match(await broken.innerText(), /trouve vanishing-gradients sur la première couche[\s\S]*Correctif rapide : ReLU dans chaque couche cachée/);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'french-broken-examples.png') });
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

test('in French, the walkthrough’s first step runs its action (New Model, its pickers in French) and is checked off; the model trains and the dashboard speaks French', async () => {
  const { page, workspace } = session;
  const steps = page.locator('.gettingStartedContainer .getting-started-step');
  const first = steps.filter({ hasText: 'Créer un modèle' }).first();
  assert.equal(await first.locator('[role="checkbox"]').getAttribute('aria-checked'), 'false', 'the first step starts undone');
  await first.locator('.monaco-button, a.button-link', { hasText: 'Nouveau modèle…' }).first().click();
  // The pickers' own texts: the template list and its details come from the shared menus.
  await page.locator('.quick-input-widget:visible .monaco-list-row', { hasText: 'Spirale (3 classes)' }).first().waitFor({ timeout: 60_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'french-new-model-data.png') });
  for (const step of ['données', 'couches cachées', 'activation', 'initialisation des poids']) await acceptOverWalkthrough(page, step);
  await page.locator('.quick-input-widget:visible .monaco-list-row', { hasText: 'SGD + inertie de Nesterov (0.9)' }).first().waitFor();
  await page.locator('.quick-input-widget:visible .monaco-list-row', { hasText: 'recommandé' }).first().waitFor();
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'french-new-model-optimiser.png') });
  for (const step of ['optimiseur', "évolution du taux d'apprentissage", 'options', 'fichier']) await acceptOverWalkthrough(page, step);
  await page.locator('.tabs-container .tab', { hasText: 'spiral-classifier.ts' }).waitFor({ timeout: 30_000 });
  assert.ok(existsSync(path.join(workspace, 'models', 'spiral-classifier.ts')));
  await page.locator('.notifications-toasts .notification-list-item', { hasText: 'DeepScope a écrit spiral-classifier.ts' }).first().waitFor({ timeout: 30_000 });

  await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).first().click();
  await first.locator('[role="checkbox"][aria-checked="true"]').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'french-walkthrough-step-done.png') });

  // The next step: train the model just written and read the dashboard, in French.
  await page.locator('.tabs-container .tab', { hasText: 'spiral-classifier.ts' }).first().click();
  await runCommand(page, 'DeepScope: Entraîner le modèle');
  const dashboard = await webviewContent(page, 'Tableau de bord DeepScope');
  await dashboard.locator('.status-finished', { hasText: 'terminé' }).waitFor({ timeout: 180_000 });
  await dashboard.locator('section h2', { hasText: 'Entraînement' }).waitFor();
  await dashboard.locator('.chart[aria-label^="Histogrammes des gradients"]').waitFor();
  assert.match(await dashboard.locator('header .facts').innerText(), /époque 60\/60/);
  assert.equal(await dashboard.locator('header button', { hasText: 'Comparer avec un autre entraînement' }).count(), 1);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'french-dashboard-dark.png') });
  await screenshotWholeView(page, dashboard, path.join(SCREENSHOTS_DIR, 'french-dashboard-dark-full.png'));
  await applyColorTheme(page, 'Light Modern', 'vs');
  await dashboard.locator('body.vscode-light').waitFor();
  await screenshotWholeView(page, dashboard, path.join(SCREENSHOTS_DIR, 'french-dashboard-light-full.png'));
});
