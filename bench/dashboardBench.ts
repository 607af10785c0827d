/**
 * The second half of `npm run bench`: does the dashboard stay smooth and bounded on a big run?
 * Streams a synthetic run of 50 layers × 1,000 probe frames into the real dashboard bundle in
 * Chromium, as the extension does (progress messages of a few frames), and prints the time each
 * update takes to draw (median, p95, worst) and the page's JS heap after 100 and after 1,000 frames:
 * the heap must not grow with the run's length (older frames are thinned out).
 */
import * as path from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import { launchBrowser } from '../test/support/browser';
import { dashboardPage } from '../src/dashboard/core/reportHtml';
import { DISTRIBUTION_PERCENTILES, type LayerProbe, type ProbeFrame, type RunStart } from '../src/runs/core/trainingData';
import { percentilesFromHistogram } from '../src/common/core/histogramMath';

const LAYERS = Number(process.env.BENCH_LAYERS ?? 50);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 1000);
const FRAMES_PER_MESSAGE = 4;

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
    weights: [{ name: `dense_${l}/kernel`, shape: [64, 64], values: stats(0.2, step), norm: 5, gradient: { norm: 0.01 * (1 + l), meanAbs: 1e-3, stats: stats(0.01, step) }, updateRatio: 1e-3 }],
  }));
  return { step, epoch: Math.floor(step / 100), layers };
}

async function main(): Promise<void> {
  const webviewDir = path.join(__dirname, '..', 'out', 'webviews');
  const page = path.join(mkdtempSync(path.join(os.tmpdir(), 'deepscope-bench-')), 'dashboard.html');
  writeFileSync(page, dashboardPage(webviewDir, 'DeepScope dashboard benchmark'));
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await tab.goto(`file://${page}`);
    const start: RunStart = {
      backend: 'wasm',
      modelFile: '/bench/fifty-layers.ts',
      epochs: 10,
      stepsPerEpoch: 100,
      layers: Array.from({ length: LAYERS }, (_, l) => ({ name: `dense_${l}`, className: 'Dense', activation: 'relu', outputShape: [null, 64], paramCount: 4160 })),
      watchedLayers: Array.from({ length: LAYERS }, (_, l) => `dense_${l}`),
    };
    const rendered = () => tab.evaluate(() => document.body.dataset.rendered ?? '');
    const send = async (message: unknown): Promise<number> => {
      const before = await rendered();
      const t0 = performance.now();
      await tab.evaluate((m) => window.postMessage(m, '*'), message as object);
      await tab.waitForFunction((previous) => (document.body.dataset.rendered ?? '') !== previous, before, { timeout: 120_000 });
      const inPage = Number(await tab.evaluate(() => document.body.dataset.drawMs ?? 'NaN'));
      if (process.env.BENCH_VERBOSE === '2') console.log(`round trip ${(performance.now() - t0).toFixed(0)} ms, drawing ${inPage} ms`);
      return inPage;
    };
    const heapMb = async (): Promise<number> => {
      const session = await tab.context().newCDPSession(tab);
      await session.send('HeapProfiler.collectGarbage');
      const { usedSize } = await session.send('Runtime.getHeapUsage');
      return usedSize / 2 ** 20;
    };
    const first = await send({ type: 'start', id: 'bench', start });
    console.log(`first draw of ${LAYERS} layers: ${first.toFixed(0)} ms`);
    const times: number[] = [];
    let heapAt100 = 0;
    for (let step = 0; step < FRAMES; step += FRAMES_PER_MESSAGE) {
      const frames = Array.from({ length: FRAMES_PER_MESSAGE }, (_, i) => frame(step + i));
      times.push(await send({ type: 'progress', frames, epochs: [], steps: [] }));
      if (step + FRAMES_PER_MESSAGE === 100) heapAt100 = await heapMb();
      if (process.env.BENCH_VERBOSE && (step + FRAMES_PER_MESSAGE) % 100 === 0) console.log(`${step + FRAMES_PER_MESSAGE} frames: heap ${(await heapMb()).toFixed(1)} MB`);
    }
    const heapAt1000 = await heapMb();
    if (process.env.BENCH_VERBOSE) {
      console.log(await tab.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.chart')).map((c) => `${c.getAttribute('aria-label')?.split(':')[0]}=${c.dataset.points}`).join('; ')));
    }
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    console.log(`${times.length} updates of ${FRAMES_PER_MESSAGE} frames × ${LAYERS} layers: median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, worst ${sorted.at(-1)!.toFixed(0)} ms`);
    console.log(`JS heap after 100 frames: ${heapAt100.toFixed(1)} MB; after ${FRAMES}: ${heapAt1000.toFixed(1)} MB (ratio ${(heapAt1000 / heapAt100).toFixed(2)})`);
  } finally {
    await browser.close();
  }
}

void main();
