import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DISTRIBUTION_PERCENTILES, type DistributionStats, type LayerProbe, type ProbeFrame } from '../../../src/runs/core/trainingData';
import { appendBounded } from '../../../src/runs/core/runSnapshot';
import { percentileFromHistogram } from '../../../src/common/core/histogramMath';
import { bandRows, gradientRatioRows, histogramRows, layerGradientNorm, learningRateRows, lossRows, updateRatioRows } from '../../../webviews/dashboard/rows';

function stats(min: number, max: number, counts: number[]): DistributionStats {
  const histogram = { min, max, counts: Float32Array.from(counts) };
  return {
    count: counts.reduce((a, b) => a + b, 0),
    mean: (min + max) / 2,
    std: 1,
    min,
    max,
    zeroFraction: 0,
    histogram,
    percentiles: Float32Array.from(DISTRIBUTION_PERCENTILES, (p) => percentileFromHistogram(histogram, p)),
  };
}

function layer(name: string, gradientNorm: number, updateRatio?: number): LayerProbe {
  return {
    layer: name,
    activations: { ...stats(0, 4, [1, 1, 1, 1]), saturatedFraction: 0 },
    weights: [{ name: `${name}/kernel`, shape: [2, 2], values: stats(-1, 1, [2, 2]), norm: 1, gradient: { norm: gradientNorm, meanAbs: 0.1, stats: stats(-0.1, 0.1, [1, 3]) }, updateRatio }],
  };
}

const order = new Map([['a', 0], ['b', 1]]);

test('percentiles from a histogram interpolate inside bins and hit the extremes exactly', () => {
  const histogram = { min: 0, max: 4, counts: Float32Array.from([1, 1, 1, 1]) };
  assert.equal(percentileFromHistogram(histogram, 0), 0);
  assert.equal(percentileFromHistogram(histogram, 50), 2);
  assert.equal(percentileFromHistogram(histogram, 25), 1);
  assert.equal(percentileFromHistogram(histogram, 100), 4);
});

test('band rows carry the nine TensorBoard percentiles of the selected layers only', () => {
  const frames: ProbeFrame[] = [{ step: 10, epoch: 0, layers: [layer('a', 1), layer('b', 2)] }];
  const rows = bandRows(frames, new Set(['b']), order);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].layer, 'b');
  assert.equal(rows[0].order, 1);
  assert.equal(rows[0].p0, 0);
  assert.equal(rows[0].p50, 2);
  assert.equal(rows[0].p100, 4);
});

test('gradient ratio is first over last layer norm, and log-scale rows skip non-positive values', () => {
  const frames: ProbeFrame[] = [
    { step: 0, epoch: 0, layers: [layer('a', 1e-6), layer('b', 1e-2)] },
    { step: 5, epoch: 0, layers: [layer('a', 0), layer('b', 1)] },
  ];
  const ratios = gradientRatioRows(frames);
  assert.equal(ratios.length, 1, 'a zero norm has no place on a log scale');
  assert.ok(Math.abs(ratios[0].value - 1e-4) < 1e-12);
  assert.deepEqual(updateRatioRows([{ step: 1, epoch: 0, layers: [layer('a', 1, 1e-3), layer('b', 1)] }], new Set(['a', 'b']), order).map((r) => r.layer), ['a']);
});

test('a layer gradient norm combines all of its weights', () => {
  const probe = layer('a', 3);
  const withBias: LayerProbe = { ...probe, weights: [...probe.weights, { ...probe.weights[0], gradient: { ...probe.weights[0].gradient!, norm: 4 } }] };
  assert.equal(layerGradientNorm(withBias), 5);
});

test('histogram rows give one bar per bin with its edges', () => {
  const frame: ProbeFrame = { step: 3, epoch: 0, layers: [layer('a', 1)] };
  const bins = histogramRows(frame, 'weights', new Set(['a']), order);
  assert.deepEqual(bins.map((bin) => [bin.x0, bin.x1, bin.count]), [[-1, 0, 2], [0, 1, 2]]);
  assert.deepEqual(histogramRows(undefined, 'weights', new Set(['a']), order), []);
});

test('loss rows put steps on the epoch axis; the learning rate is drawn per epoch', () => {
  const history = [{ epoch: 0, loss: 1, lr: 0.1, metrics: {}, valLoss: 1.5 }];
  const rows = lossRows(history, [{ step: 1, loss: 2 }, { step: 3, loss: Number.NaN }], 4);
  assert.deepEqual(rows, [
    { x: 0.5, series: 'loss (step)', value: 2 },
    { x: 1, series: 'loss', value: 1 },
    { x: 1, series: 'val_loss', value: 1.5 },
  ]);
  assert.deepEqual(learningRateRows(history), [{ x: 0, series: 'learning rate', value: 0.1 }]);
});

test('a bounded list thins its older half and never grows past its bound', () => {
  const list: number[] = [];
  for (let i = 0; i < 10_000; i++) appendBounded(list, [i], 240);
  assert.ok(list.length <= 240);
  assert.equal(list.at(-1), 9_999, 'the newest item is kept');
  assert.equal(list[0], 0, 'the oldest item is kept too (coarser)');
  assert.ok(list.every((value, i) => i === 0 || value > list[i - 1]), 'order is kept');
});
