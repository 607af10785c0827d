import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunSnapshot } from '../../../src/runs/core/runSnapshot';
import type { LayerInfo, LayerProbe, ProbeFrame, RunStart } from '../../../src/runs/core/trainingData';
import { withPlainArrays } from '../../../src/common/core/plainJson';
import { cellFillers, frameAtStep, missingCellFillers, runLabels, tagRows, type CellFields } from '../../../webviews/dashboard/compare';
import { DashboardStore } from '../../../webviews/dashboard/store';

function start(modelFile: string, layers: string[]): RunStart {
  return {
    backend: 'cpu',
    modelFile,
    epochs: 2,
    stepsPerEpoch: 4,
    layers: layers.map((name): LayerInfo => ({ name, className: 'Dense', outputShape: [null, 4], parameters: 8 }) as unknown as LayerInfo),
    watchedLayers: layers,
  };
}

const frame = (step: number): ProbeFrame => ({ step, epoch: Math.floor(step / 4), layers: [] as LayerProbe[] }) as ProbeFrame;

function snapshot(id: string, modelFile: string, layers: string[], startedAt = Date.UTC(2026, 11, 3, 6, 0, 0)): RunSnapshot {
  return { id, startedAt, status: 'finished', start: start(modelFile, layers), history: [], steps: [], frames: [frame(0), frame(4), frame(8)] };
}

test('two runs are named by their files; two runs of one file by their start time, then by id', () => {
  const a = snapshot('a', '/w/spiral.ts', []);
  assert.deepEqual(runLabels(a, snapshot('b', '/w/models/moons.ts', [])), ['spiral.ts', 'moons.ts']);
  const [first, second] = runLabels(a, snapshot('b', '/w/spiral.ts', [], a.startedAt + 65_000));
  assert.notEqual(first, second);
  assert.match(first, /^spiral\.ts \(.+\)$/);
  assert.deepEqual(runLabels(a, snapshot('b', '/w/spiral.ts', [], a.startedAt)), ['spiral.ts (a)', 'spiral.ts (b)']);
});

test('the compared run is shown at its last frame at or before the step shown (its first when all are later)', () => {
  const frames = [frame(2), frame(6), frame(10)];
  assert.equal(frameAtStep(frames, 7)?.step, 6);
  assert.equal(frameAtStep(frames, 6)?.step, 6);
  assert.equal(frameAtStep(frames, 0)?.step, 2);
  assert.equal(frameAtStep(frames, 99)?.step, 10);
  assert.equal(frameAtStep(frames, undefined)?.step, 10, 'following the latest frame');
  assert.equal(frameAtStep([], 3), undefined);
});

test('compared rows carry their run and a cell per layer and run, this run\'s before the other\'s, in network order', () => {
  const comparison = { other: snapshot('b', '/w/moons.ts', ['dense']), labels: ['spiral.ts', 'moons.ts'] as const };
  assert.deepEqual(tagRows([{ layer: 'dense', order: 1, value: 3 }], 0, undefined), [{ layer: 'dense', order: 1, value: 3 }], 'one run: rows unchanged');
  const [mine] = tagRows([{ layer: 'dense', order: 1, value: 3 }], 0, comparison) as unknown as CellFields[];
  const [theirs] = tagRows([{ layer: 'dense', order: 1, value: 4 }], 1, comparison) as unknown as CellFields[];
  assert.deepEqual([mine.run, mine.cell, mine.slot], ['spiral.ts', 'dense · spiral.ts', 2]);
  assert.deepEqual([theirs.run, theirs.cell, theirs.slot], ['moons.ts', 'dense · moons.ts', 3]);
  const [series] = tagRows([{ x: 1, series: 'loss', value: 0.5 }], 1, comparison);
  assert.deepEqual(series, { x: 1, series: 'loss', value: 0.5, run: 'moons.ts' }, 'rows without a layer get the run only');
});

test('every layer gets both of its cells, so a layer the other run lacks leaves its cell empty instead of shifting the grid', () => {
  const comparison = { other: snapshot('b', '/w/moons.ts', ['hidden']), labels: ['spiral.ts', 'moons.ts'] as const };
  const layers: [string, number][] = [['hidden', 0], ['extra', 1]];
  const fillers = cellFillers(layers, comparison) as unknown as CellFields[];
  assert.deepEqual(fillers.map((row) => row.cell), ['hidden · spiral.ts', 'hidden · moons.ts', 'extra · spiral.ts', 'extra · not in moons.ts']);
  assert.ok(fillers.every((row) => !('p50' in row)), 'fillers hold no value: nothing is drawn from them');
  const drawn = [...tagRows([{ layer: 'hidden', order: 0, x0: 0, x1: 1, count: 2 }, { layer: 'extra', order: 1, x0: 0, x1: 1, count: 2 }], 0, comparison), ...tagRows([{ layer: 'hidden', order: 0, x0: 0, x1: 1, count: 5 }], 1, comparison)];
  const missing = missingCellFillers(drawn as unknown as CellFields[], layers, comparison, { x0: 0, x1: 0, count: 0 });
  assert.deepEqual(missing, [{ layer: 'extra', order: 1, x0: 0, x1: 0, count: 0, run: 'moons.ts', cell: 'extra · not in moons.ts', slot: 3 }]);
  assert.deepEqual(cellFillers(layers, undefined), [], 'one run: no filler');
});

test('the store keeps the compared run across runs, drops it when it is the run shown, and the compared frame follows the cursor', () => {
  const store = new DashboardStore();
  store.apply({ type: 'snapshot', run: snapshot('a', '/w/spiral.ts', ['hidden', 'out']) });
  assert.equal(store.comparison(), undefined);
  assert.equal(store.apply({ type: 'compare', run: snapshot('b', '/w/moons.ts', ['hidden']) }).kind, 'reset');
  assert.deepEqual(store.comparison()?.labels, ['spiral.ts', 'moons.ts']);
  store.cursor = 1;
  assert.equal(store.comparedFrame()?.step, 4);
  store.apply({ type: 'start', id: 'c', start: start('/w/spiral.ts', ['hidden', 'out']) });
  assert.equal(store.comparison()?.other.id, 'b', 'a new run is compared with the same run');
  store.apply({ type: 'snapshot', run: snapshot('b', '/w/moons.ts', ['hidden']) });
  assert.equal(store.comparison(), undefined, 'a run is not compared with itself');
  store.apply({ type: 'compare' });
  assert.equal(store.compared, undefined);
});

test('messages to a webview carry typed arrays as plain arrays', () => {
  const message = withPlainArrays({ type: 'snapshot', counts: Float32Array.from([1, 2.5]), nested: [{ p: Float64Array.from([3]) }] });
  assert.deepEqual(message, { type: 'snapshot', counts: [1, 2.5], nested: [{ p: [3] }] });
});
