/**
 * The initialisation table (CS231n lecture 6; the notes' "Initialisation des poids"): 1,000 N(0, 1) inputs,
 * 10 layers of 500 units, no bias. Expected values come from the width-limit recursion
 * q_l = n·σ_w²·E[h_{l−1}²], E[h_0²] = 1, worked out by hand below:
 * - tanh, 0.01: q_1 = 500·1e-4 = 0.05 and tanh is nearly linear there, so the std shrinks by √0.05 ≈ 0.224
 *   per layer: std_10 ≈ 0.05^5 × 0.95 ≈ 3.0e-7.
 * - tanh, 1.0: q ≈ 500, |z| ≈ 22: |tanh| > 0.99 unless |z| < atanh(0.99) = 2.65, i.e. saturated with
 *   probability 1 − 2·2.65/(22·√(2π)) ≈ 0.90 in every layer.
 * - tanh, Xavier: q_1 = 1, std_1 = √E[tanh²(Z)] = 0.628, then a slow decay to 0.229 at layer 10.
 * - ReLU: E[h²] = q/2, so Xavier halves q per layer (std × 1/√2: std_10 = 0.584·2^−4.5 = 0.026) and He keeps
 *   q = 2 (std 0.826 in every layer); finite width (500) adds a random drift of about ±20% over 10 layers.
 */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { predictLayers } from '../../../src/labs/core/experiments/initTheory';
import { weightInitLab } from '../../../src/labs/core/experiments/weightInit';
import type { InitRun, WeightInitResult } from '../../../src/labs/core/labs';
import { assertRelative, labBackend, withoutLeaks } from './support';

let result: WeightInitResult;
const run = (activation: string, scheme: string): InitRun => {
  const found = result.runs.find((r) => r.activation === activation && r.scheme === scheme);
  assert.ok(found, `${activation}/${scheme} was run`);
  return found;
};
const stds = (r: InitRun): number[] => r.layers.map((layer) => layer.stats.std);

before(async () => {
  await labBackend();
  result = await withoutLeaks(() => weightInitLab.run());
});

test('the hand-derived values above are what the width-limit recursion computes', () => {
  assertRelative(predictLayers('tanh', 500, 0.01, 10)[9].std, 2.98e-7, 0.02, 'tanh/0.01 layer 10');
  assertRelative(predictLayers('tanh', 500, 1, 1)[0].fraction, 0.905, 0.01, 'tanh/1.0 saturated');
  assertRelative(predictLayers('tanh', 500, 1 / Math.sqrt(500), 10)[9].std, 0.2285, 0.01, 'Xavier/tanh layer 10');
  assertRelative(predictLayers('relu', 500, 1 / Math.sqrt(500), 10)[9].std, 0.584 * 2 ** -4.5, 0.01, 'Xavier/ReLU layer 10');
  assertRelative(predictLayers('relu', 500, Math.sqrt(2 / 500), 10)[9].std, 0.8256, 0.01, 'He/ReLU');
});

test('tanh with 0.01·N(0,1): the activations collapse geometrically toward 0', () => {
  const s = stds(run('tanh', 'small'));
  assert.ok(s[9] > 1.5e-7 && s[9] < 6e-7, `std at layer 10 is ${s[9]}, expected ≈ 3.0e-7`);
  for (let l = 2; l < 10; l++) assertRelative(s[l] / s[l - 1], Math.sqrt(0.05), 0.05, `std ratio layer ${l + 1}/${l}`);
});

test('tanh with 1.0·N(0,1): about 90% of the units saturate at ±1 in every layer', () => {
  for (const layer of run('tanh', 'large').layers) {
    assert.ok(layer.stats.saturatedFraction > 0.88 && layer.stats.saturatedFraction < 0.93, `layer ${layer.layer}: ${layer.stats.saturatedFraction}`);
    assert.ok(layer.stats.std > 0.97, 'bimodal at ±1: std close to 1');
  }
});

test('Xavier keeps tanh alive: every layer within 5% of the prediction, layer 10 at 0.23', () => {
  for (const layer of run('tanh', 'xavier').layers) assertRelative(layer.stats.std, layer.predictedStd, 0.05, `layer ${layer.layer}`);
  const s = stds(run('tanh', 'xavier'));
  assert.ok(s[9] > 0.2 && s[9] < 0.26, `std at layer 10: ${s[9]}`);
});

test('Xavier with ReLU decays layer after layer, by about 1/√2 each', () => {
  const s = stds(run('relu', 'xavier'));
  for (let l = 1; l < 10; l++) assert.ok(s[l] < s[l - 1], `std grows at layer ${l + 1}`);
  const ratio = s[9] / s[0];
  assert.ok(ratio > 0.5 * 2 ** -4.5 && ratio < 2 * 2 ** -4.5, `layer 10 / layer 1 = ${ratio}, expected ≈ 2^-4.5 = 0.044`);
});

test('He keeps ReLU stable; half of the ReLU outputs are exactly 0', () => {
  const he = run('relu', 'he');
  const s = stds(he);
  assert.ok(s[9] / s[0] >= 0.5 && s[9] / s[0] <= 2, `layer 10 / layer 1 = ${s[9] / s[0]}`);
  assertRelative(s[0], 0.8256, 0.05, 'He/ReLU layer 1');
  for (const layer of he.layers) assert.ok(Math.abs(layer.stats.zeroFraction - 0.5) < 0.05, `zeros at layer ${layer.layer}: ${layer.stats.zeroFraction}`);
});

test('every layer carries a histogram of all 500,000 activations', () => {
  for (const r of result.runs) {
    for (const layer of r.layers) {
      const counted = layer.stats.histogram.counts.reduce((sum, count) => sum + count, 0);
      assert.equal(counted, 500_000);
    }
  }
});

test('a homogeneous initialisation keeps every unit of a layer identical; a random one does not', () => {
  const byInit = Object.fromEntries(result.symmetry.map((r) => [r.init, r]));
  for (const init of ['zeros', 'constant']) {
    for (const layer of byInit[init].layers) assert.equal(layer.maxUnitDifference, 0, `${init}, layer ${layer.layer}`);
  }
  assert.ok(byInit.constant.layers.every((layer) => layer.weightChange > 0), 'constant init: the weights did move, in lockstep');
  assert.ok(byInit.constant.lossAfter < byInit.constant.lossBefore);
  assert.ok(Math.abs(byInit.zeros.lossAfter - Math.log(3)) < 1e-4, 'all zeros: no gradient reaches the hidden layers, the loss stays ln 3');
  assert.ok(byInit.random.layers.every((layer) => layer.maxUnitDifference > 0.1));
  assert.ok(byInit.random.lossAfter < byInit.constant.lossAfter, 'distinct units learn more');
});

test('same seed, same numbers', async () => {
  const small = { layers: 3, units: 50, samples: 100, symmetrySteps: 2 };
  const [a, b] = [await weightInitLab.run(small), await weightInitLab.run(small)];
  assert.deepEqual(a.runs.map(stds), b.runs.map(stds));
  assert.deepEqual(a.symmetry, b.symmetry);
});
