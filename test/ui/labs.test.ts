import * as assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { selectBackend } from '../../src/engine/backend';
import { attentionLab } from '../../src/labs/core/experiments/attention';
import { optimizersLab } from '../../src/labs/core/experiments/optimizers';
import { weightInitLab } from '../../src/labs/core/experiments/weightInit';
import { SCREENSHOTS_DIR } from '../support/paths';
import { openUiSession, type UiSession } from '../support/uiSession';
import { screenshotWholeView, webviewContent } from '../support/webview';
import { applyColorTheme, reloadWindow, runCommand, waitForQuickInput } from '../support/workbench';

let session: UiSession;
const screenshot = (name: string) => path.join(SCREENSHOTS_DIR, name);
/** A lab runs at a low priority beside the browser and VS Code on two cores: allow for it. */
const RUN_TIMEOUT_MS = 240_000;

before(async () => {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  // The engine's own numbers, computed here as the lab process computes them (same backend choice).
  await selectBackend('auto');
  session = await openUiSession();
});

after(async () => {
  await session?.close();
});

/** "DeepScope: Open Lab…", the lab picked by typing part of its title, as a user does. */
async function openLab(query: string, title: string): Promise<FrameLocator> {
  const { page } = session;
  await runCommand(page, 'DeepScope: Open Lab');
  await waitForQuickInput(page, 'Open Lab');
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 60_000 });
  await page.keyboard.type(query);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: `Lab: ${title}` }).waitFor();
  return webviewContent(page, `Lab: ${title}`);
}

/** Waits until a run newer than `previous` (a body[data-drawn] stamp) is done and all its charts are drawn. */
async function drawnAfter(lab: FrameLocator, previous = '0', what = 'the lab'): Promise<string> {
  const body = lab.locator('body');
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  // Short reads in a loop: a restored panel's webview may take longer to exist than one Playwright wait.
  const read = (name: string) => body.getAttribute(name, { timeout: 5_000 }).catch(() => null);
  for (;;) {
    const [state, drawn] = [await read('data-state'), (await read('data-drawn')) ?? '0'];
    if (state === 'done' && Number(drawn) > Number(previous)) return drawn;
    if (state === 'failed') assert.fail(`${what} failed: ${await lab.locator('.status').innerText()}`);
    if (Date.now() > deadline) {
      await session.page.screenshot({ path: screenshot('labs-failure.png') });
      assert.fail(`${what} was not drawn in time (state ${state})`);
    }
    await session.page.waitForTimeout(250);
  }
}

/** Every chart of the view describes itself and holds points: none is left empty. */
async function assertChartsDrawn(lab: FrameLocator, what: string): Promise<void> {
  const charts = lab.locator('.chart');
  const count = await charts.count();
  assert.ok(count > 0, `${what}: no chart`);
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    const label = await chart.getAttribute('aria-label');
    assert.ok(label, `${what}: chart ${i} has no description`);
    assert.ok(Number(await chart.getAttribute('data-points')) > 0, `${what}: "${label}" is empty`);
    assert.ok((await chart.locator('canvas').count()) > 0, `${what}: "${label}" has no canvas`);
  }
}

async function fact(lab: FrameLocator, key: string): Promise<number> {
  return Number(await lab.locator(`.fact[data-fact="${key}"]`).getAttribute('data-value'));
}

/** The whole lab view, as `lab-<name>.png`. */
async function shoot(lab: FrameLocator, name: string): Promise<void> {
  await screenshotWholeView(session.page, lab, screenshot(`lab-${name}.png`));
}

async function closeEditors(): Promise<void> {
  await runCommand(session.page, 'View: Close All Editors');
  await session.page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

test('weight init from the palette: He with ReLU, run; the histograms are drawn and the last layer’s std is the engine’s', async () => {
  const engine = weightInitLab.run({ activation: 'relu' });
  const lab = await openLab('Weight init', 'Weight initialisation');
  const first = await drawnAfter(lab, '0', 'weight-init with its defaults');
  await lab.locator('#param-activation').selectOption('relu');
  await lab.locator('button[data-action="run"]').click();
  await drawnAfter(lab, first, 'weight-init with ReLU');
  await lab.locator('#view-scheme').selectOption('he');
  const histograms = lab.locator('.chart[aria-label^="Activation histograms, he · relu"]');
  await histograms.waitFor();
  assert.equal(await histograms.getAttribute('data-layers'), Array.from({ length: 10 }, (_, l) => `layer ${l + 1}`).join(','));
  await assertChartsDrawn(lab, 'weight-init');
  const he = (await engine).runs.find((run) => run.scheme === 'he' && run.activation === 'relu');
  assert.ok(he);
  const expected = he.layers[9].stats.std;
  const shown = await fact(lab, 'lastStd');
  assert.ok(Math.abs(shown - expected) <= 1e-4 * expected, `std at layer 10: shown ${shown}, engine ${expected}`);
  assert.equal(await lab.locator('.fact[data-fact="lastStd"] .fact-value').innerText(), String(Number(expected.toPrecision(4))));
  await session.page.screenshot({ path: screenshot('lab-weight-init-window.png') });
  await shoot(lab, 'weight-init');
  await closeEditors();
});

test('attention from the palette: the heatmap per output step is drawn and its mirrored weight is the engine’s', async () => {
  const engine = attentionLab.run({});
  const lab = await openLab('Attention', 'Attention in an encoder–decoder');
  await drawnAfter(lab, '0', 'attention');
  const heatmap = lab.locator('.chart[aria-label="Mean attention weights per output step"]');
  assert.equal(await heatmap.getAttribute('data-points'), String(6 * 6));
  await assertChartsDrawn(lab, 'attention');
  const expected = (await engine).mirroredWeight;
  const shown = await fact(lab, 'mirroredWeight');
  assert.ok(Math.abs(shown - expected) < 1e-3, `mirrored weight: shown ${shown}, engine ${expected}`);
  assert.ok(shown > 0.9, 'the weights concentrate on the mirrored position');
  await shoot(lab, 'attention');
  // The charts take their colours when drawn: a theme change draws them again, in the new colours.
  const drawn = (await lab.locator('body').getAttribute('data-drawn')) ?? '0';
  await applyColorTheme(session.page, 'Light Modern', 'vs');
  await lab.locator('body.vscode-light').waitFor();
  await drawnAfter(lab, drawn, 'attention in a light theme');
  await shoot(lab, 'attention-light');
  await applyColorTheme(session.page, 'Dark Modern', 'vs-dark');
  await closeEditors();
});

for (const [name, query, title] of [
  ['activations', 'Activation functions', 'Activation functions'],
  ['schedules', 'Learning-rate', 'Learning-rate schedules'],
  ['regularization', 'Regularisation', 'Regularisation: dropout and batch normalisation'],
  ['preprocessing', 'centering', 'Preprocessing: centering the inputs'],
  ['text', 'Text preprocessing', 'Text preprocessing'],
] as const) {
  test(`${name} from the palette: every chart drawn`, async () => {
    const lab = await openLab(query, title);
    await drawnAfter(lab, '0', name);
    await assertChartsDrawn(lab, name);
    await shoot(lab, name);
    await closeEditors();
  });
}

test('optimisers from the palette: changing κ re-runs at once (cheap lab); paths over contours; counts are the engine’s; restored after a reload', async () => {
  const { page } = session;
  const engine = optimizersLab.run({ kappa: 1000 });
  let lab = await openLab('Optimisers', 'Optimisers: SGD, momentum, Nesterov');
  const first = await drawnAfter(lab, '0', 'optimizers');
  await lab.locator('#param-kappa').fill('1000');
  await lab.locator('#param-kappa').press('Tab');
  await drawnAfter(lab, first, 'optimizers with κ = 1000');
  const paths = lab.locator('.chart[aria-label="Optimiser paths on the quadratic"]');
  assert.ok(Number(await paths.getAttribute('data-points')) > 3 * 101, 'the paths and their contour lines');
  await assertChartsDrawn(lab, 'optimizers');
  for (const run of (await engine).runs) assert.equal(await fact(lab, `steps-${run.method}`), run.steps, run.method);
  await shoot(lab, 'optimizers');

  await reloadWindow(page);
  lab = await webviewContent(page, 'Lab: Optimisers: SGD, momentum, Nesterov');
  await drawnAfter(lab, '0', 'the restored optimizers lab');
  assert.equal(await lab.locator('#param-kappa').inputValue(), '1000', 'the restored panel keeps its parameters');
  assert.equal(await fact(lab, 'steps-nesterov'), (await engine).runs[2].steps);
});
