/**
 * The dashboard part of `npm run bench`: does the dashboard keep up with a big run?
 * Streams a synthetic run of 50 layers × 1,000 probe frames (`BENCH_LAYERS`, `BENCH_FRAMES`) into the
 * built dashboard bundle in Chromium, as the extension does (progress messages of a few frames and
 * their step losses), with every layer ticked in the layer list, so every chart draws all 50 layers.
 * The page is scrolled from section to section while the run streams, so each chart is on screen
 * for part of the run.
 *
 * Prints and adds to bench/results.json:
 * - `dashboardUpdateMs`: p95 of the time from a progress message's arrival in the page to the end of
 *   its drawing (goal ≤ 100 ms), with the median and the worst;
 * - `dashboardScrollInMs`: p95 time to bring the charts that scroll into view up to date;
 * - the JS heap after 100 frames and at the end (it must not grow with the run's length).
 * Screenshots of the whole dashboard in a light and a dark theme go to .test-results/screenshots/.
 */
import * as path from 'node:path';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser';
import { SCREENSHOTS_DIR } from '../test/support/paths';
import { dashboardPage } from '../src/dashboard/core/reportHtml';
import { DISTRIBUTION_PERCENTILES, type EpochRecord, type LayerProbe, type ProbeFrame, type RunStart } from '../src/runs/core/trainingData';
import type { StepLoss } from '../src/runs/core/runSnapshot';
import { percentilesFromHistogram } from '../src/common/core/histogramMath';

const LAYERS = Number(process.env.BENCH_LAYERS ?? 50);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 1000);
const FRAMES_PER_MESSAGE = 4;
const STEPS_PER_EPOCH = 100;
const UPDATE_GOAL_MS = 100;
const RESULTS = path.join(__dirname, 'results.json');
/** Where the page is scrolled while the run streams, in turn: each section's heading. */
const SECTIONS = ['Training', 'Activations', 'Gradients', 'Weights'];

/** Dark-theme values of the VS Code variables the dashboard reads (the page defines light ones). */
const DARK_THEME = `:root, body {
  --vscode-foreground: #cccccc; --vscode-editor-foreground: #cccccc; --vscode-descriptionForeground: #9d9d9d;
  --vscode-editor-background: #1f1f1f; --vscode-panel-border: #2b2b2b; --vscode-editorWidget-border: #454545;
  --vscode-charts-blue: #3794ff; --vscode-charts-orange: #d18616; --vscode-charts-green: #89d185;
  --vscode-charts-purple: #b180d7; --vscode-charts-red: #f14c4c; --vscode-charts-yellow: #cca700;
}`;

function stats(scale: number, step: number) {
  const counts = Float32Array.from({ length: 30 }, (_, i) => Math.round(1000 * Math.exp(-((i - 15) ** 2) / (20 + step / 100))));
  const histogram = { min: -scale, max: scale, counts };
  return { count: 4096, mean: 0, std: scale / 3, min: -scale, max: scale, zeroFraction: 0.1, histogram, percentiles: percentilesFromHistogram(histogram, DISTRIBUTION_PERCENTILES) };
}

function frame(step: number): ProbeFrame {
  const layers: LayerProbe[] = Array.from({ length: LAYERS }, (_, l) => ({
    layer: `dense_${l}`,
    activations: { ...stats(1 + l / 50, step), saturatedFraction: 0.01 },
    preActivations: stats(2, step),
    weights: [{ name: `dense_${l}/kernel`, shape: [64, 64], values: stats(0.2, step), norm: 5, gradient: { norm: 0.01 * (1 + l), meanAbs: 1e-3, stats: stats(0.01, step) }, updateRatio: 1e-3 * (1 + l / LAYERS) }],
  }));
  return { step, epoch: Math.floor(step / STEPS_PER_EPOCH), layers };
}

export function runStart(): RunStart {
  return {
    backend: 'wasm',
    modelFile: '/bench/fifty-layers.ts',
    epochs: Math.ceil(FRAMES / STEPS_PER_EPOCH),
    stepsPerEpoch: STEPS_PER_EPOCH,
    layers: Array.from({ length: LAYERS }, (_, l) => ({ name: `dense_${l}`, className: 'Dense', activation: 'relu', outputShape: [null, 64], paramCount: 4160 })),
    watchedLayers: Array.from({ length: LAYERS }, (_, l) => `dense_${l}`),
  };
}

const loss = (step: number): number => 2 * Math.exp(-step / 300) + 0.1;

/** One progress message: frames at `from`… and their steps' losses, and the epoch that ends among them. */
export function progress(from: number): { type: 'progress'; frames: ProbeFrame[]; epochs: EpochRecord[]; steps: StepLoss[] } {
  const stepNumbers = Array.from({ length: FRAMES_PER_MESSAGE }, (_, i) => from + i);
  const ended = stepNumbers.filter((step) => (step + 1) % STEPS_PER_EPOCH === 0);
  return {
    type: 'progress',
    frames: stepNumbers.map(frame),
    steps: stepNumbers.map((step) => ({ step, loss: loss(step) })),
    epochs: ended.map((step) => ({ epoch: Math.floor(step / STEPS_PER_EPOCH), loss: loss(step), metrics: { acc: 1 - loss(step) / 3 }, lr: 0.01 })),
  };
}

const percentile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

/** Posts a message as the webview host does and waits for the page to say it drew it; returns the page's own timing. */
export async function send(tab: Page, message: object): Promise<number> {
  const before = await tab.evaluate(() => document.body.dataset.rendered ?? '');
  await tab.evaluate((m) => window.postMessage(m, '*'), message);
  await tab.waitForFunction((previous) => (document.body.dataset.rendered ?? '') !== previous, before, { timeout: 120_000 });
  return Number(await tab.evaluate(() => document.body.dataset.drawMs ?? 'NaN'));
}

/** Waits until no chart has updates left to draw (the page says how many are waiting in `data-stale`). */
export async function settled(tab: Page): Promise<void> {
  await tab.waitForFunction(() => (document.body.dataset.stale ?? '0') === '0', undefined, { timeout: 120_000 });
}

/** Scrolls a section's heading to the top and returns how long the charts coming into view took to catch up. */
export async function scrollTo(tab: Page, heading: string): Promise<number> {
  const t0 = performance.now();
  await tab.evaluate((text) => {
    const target = Array.from(document.querySelectorAll('h2')).find((h) => h.textContent === text);
    target?.scrollIntoView({ block: 'start' });
  }, heading);
  await settled(tab);
  return performance.now() - t0;
}

async function heapMb(tab: Page): Promise<number> {
  const session = await tab.context().newCDPSession(tab);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize / 2 ** 20;
}

/** Ticks every layer in the dashboard's layer list (by default it draws a spread of them). */
export async function showAllLayers(tab: Page): Promise<void> {
  // One at a time, as a user would: each tick draws the charts again.
  for (let layer = 0; layer < LAYERS; layer++) {
    const box = tab.locator(`input[data-layer="dense_${layer}"]`);
    if (await box.isChecked()) continue;
    const before = await tab.evaluate(() => document.body.dataset.rendered ?? '');
    await box.check();
    await tab.waitForFunction((previous) => (document.body.dataset.rendered ?? '') !== previous, before);
  }
}

async function screenshots(tab: Page): Promise<string[]> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const files = [path.join(SCREENSHOTS_DIR, 'bench-dashboard-light.png'), path.join(SCREENSHOTS_DIR, 'bench-dashboard-dark.png')];
  await tab.evaluate(() => window.scrollTo(0, 0));
  await settled(tab);
  await tab.screenshot({ path: files[0], fullPage: true });
  const before = await tab.evaluate(() => document.body.dataset.rendered ?? '');
  // As VS Code does: new colour variables, then the body's theme class (the dashboard redraws on the class change).
  await tab.addStyleTag({ content: DARK_THEME });
  await tab.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark'));
  await tab.waitForFunction((previous) => (document.body.dataset.rendered ?? '') !== previous, before);
  await settled(tab);
  await tab.screenshot({ path: files[1], fullPage: true });
  return files;
}

async function main(): Promise<void> {
  const webviewDir = path.join(__dirname, '..', 'out', 'webviews');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'deepscope-bench-'));
  const page = path.join(scratch, 'dashboard.html');
  writeFileSync(page, dashboardPage(webviewDir, 'DeepScope dashboard benchmark'));
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await tab.goto(`file://${page}`);
    const first = await send(tab, { type: 'start', id: 'bench', start: runStart() });
    await showAllLayers(tab);
    await settled(tab);
    const times: number[] = [];
    const bySection = new Map<string, number[]>(SECTIONS.map((name) => [name, []]));
    const scrollIns: number[] = [];
    let heapAt100 = 0;
    const updatesPerSection = Math.max(1, Math.ceil(FRAMES / FRAMES_PER_MESSAGE / (2 * SECTIONS.length)));
    for (let step = 0, update = 0; step < FRAMES; step += FRAMES_PER_MESSAGE, update++) {
      const section = SECTIONS[Math.floor(update / updatesPerSection) % SECTIONS.length];
      if (update % updatesPerSection === 0) scrollIns.push(await scrollTo(tab, section));
      times.push(await send(tab, progress(step)));
      bySection.get(section)?.push(times[times.length - 1]);
      if (step + FRAMES_PER_MESSAGE === 100) heapAt100 = await heapMb(tab);
      if (process.env.BENCH_VERBOSE && (step + FRAMES_PER_MESSAGE) % 100 === 0) console.log(`${step + FRAMES_PER_MESSAGE} frames: last update ${times.at(-1)} ms, heap ${(await heapMb(tab)).toFixed(1)} MB`);
    }
    const heapAtEnd = await heapMb(tab);
    // The run ends, as the host says it: every chart is drawn, on screen or not, for the screenshots.
    await send(tab, { type: 'status', status: 'finished' });
    const drawnLayers = await tab.evaluate(() => document.querySelector<HTMLElement>('.chart[aria-label^="Activation distributions"]')?.dataset.layers?.split(',').length ?? 0);
    const shots = await screenshots(tab);

    const dashboardUpdateMs = Math.round(percentile(times, 0.95));
    const dashboardScrollInMs = Math.round(percentile(scrollIns, 0.95));
    console.log(`dashboard: first draw of ${LAYERS} layers ${first} ms; ${drawnLayers} layers drawn in each per-layer chart`);
    console.log(
      `dashboardUpdateMs ${dashboardUpdateMs} (p95 of ${times.length} updates of ${FRAMES_PER_MESSAGE} frames × ${LAYERS} layers; median ${Math.round(percentile(times, 0.5))}, worst ${Math.round(Math.max(...times))}; goal ≤ ${UPDATE_GOAL_MS}: ${dashboardUpdateMs <= UPDATE_GOAL_MS ? 'met' : 'NOT met'})`,
    );
    console.log(`  p95 by section on screen: ${[...bySection].map(([name, ms]) => `${name} ${Math.round(percentile(ms, 0.95))}`).join(', ')}`);
    if (dashboardUpdateMs > UPDATE_GOAL_MS) console.log(`  why: ${slowUpdates(times, bySection)}`);
    console.log(`dashboardScrollInMs ${dashboardScrollInMs} (p95 of ${scrollIns.length} scrolls to another section, until its charts are up to date)`);
    console.log(`JS heap after 100 frames: ${heapAt100.toFixed(1)} MB; after ${FRAMES}: ${heapAtEnd.toFixed(1)} MB (ratio ${(heapAtEnd / heapAt100).toFixed(2)})`);
    console.log(`screenshots: ${shots.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
    const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
    writeFileSync(RESULTS, `${JSON.stringify({ ...results, dashboardUpdateMs, dashboardScrollInMs }, null, 2)}\n`);
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Which updates miss the goal and where the page was, from this run's own times, with the machine's load. */
function slowUpdates(times: readonly number[], bySection: ReadonlyMap<string, readonly number[]>): string {
  const slow = (ms: readonly number[]): number => ms.filter((time) => time > UPDATE_GOAL_MS).length;
  const [worst] = [...bySection].sort(([, a], [, b]) => slow(b) - slow(a));
  const [load] = os.loadavg();
  return `${slow(times)} of ${times.length} updates took longer than ${UPDATE_GOAL_MS} ms, ${worst ? `${slow(worst[1])} of them with ${worst[0]} on screen; ` : ''}the median update took ${Math.round(percentile(times, 0.5))} ms; load average ${load.toFixed(1)} on ${os.cpus().length} cores`;
}

// The helpers above are exported for one-off profiling scripts.
if (require.main === module) void main();
