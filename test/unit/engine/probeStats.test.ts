/**
 * The probes' statistics, each against a direct computation: the one-pass summary of a tensor's
 * values (src/engine/probes/distribution.ts), the update ratio and unit spread of a kernel
 * (weightMath.ts), and a whole probe frame of a small model (modelProbe.ts), whose pre-activations
 * are recorded inside the probe's forward pass instead of being computed again.
 */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../../../src/engine/backend';
import { HISTOGRAM_BINS, summarizeValues } from '../../../src/engine/probes/distribution';
import { ModelProbe } from '../../../src/engine/probes/modelProbe';
import { unitSpread, updateNormRatio } from '../../../src/engine/probes/weightMath';
import { gaussian, seededRandom } from '../../../src/labs/core/experiments/random';

before(async () => {
  await selectBackend('wasm');
});

function close(got: number, expected: number, what: string, tolerance = 1e-6): void {
  assert.ok(Math.abs(got - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: ${got} vs ${expected}`);
}

/** The statistics as their definitions say, one at a time, in float64. */
function direct(values: readonly number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const value of values) counts[Math.min(HISTOGRAM_BINS - 1, Math.floor(((value - min) / (max - min)) * HISTOGRAM_BINS))]++;
  const norm = Math.sqrt(values.reduce((a, b) => a + b * b, 0));
  const meanAbs = values.reduce((a, b) => a + Math.abs(b), 0) / n;
  return { mean, std, min, max, counts, norm, meanAbs, zeros: values.filter((value) => value === 0).length / n };
}

test('a tensor summary matches the direct computation of each statistic', () => {
  const random = seededRandom(3);
  for (const size of [1, 7, 1000, 40_001]) {
    // ReLU-like values: a third exact zeros; float32 like a tensor's data.
    const values = Float32Array.from({ length: size }, () => (random() < 0.33 ? 0 : gaussian(random) * 2 + 0.5));
    const { stats, norm, meanAbs } = summarizeValues(values);
    const expected = direct(Array.from(values));
    close(stats.mean, expected.mean, `mean of ${size}`);
    close(stats.std, expected.std, `std of ${size}`);
    assert.equal(stats.min, expected.min);
    assert.equal(stats.max, expected.max);
    close(stats.zeroFraction, expected.zeros, 'zero fraction', 0);
    close(norm, expected.norm, 'norm');
    close(meanAbs, expected.meanAbs, 'mean |x|');
    if (size > 1) assert.deepEqual(Array.from(stats.histogram.counts), expected.counts, `histogram of ${size}`);
    assert.equal(stats.count, size);
  }
});

test('saturation counts |tanh| > 0.99 and sigmoid outside [0.01, 0.99]', () => {
  const values = Float32Array.from([-1, -0.995, -0.5, 0, 0.005, 0.5, 0.98, 0.995, 1]);
  assert.equal(summarizeValues(values, 'tanh').stats.saturatedFraction, 4 / 9);
  assert.equal(summarizeValues(values, 'sigmoid').stats.saturatedFraction, 7 / 9);
  assert.equal(summarizeValues(values, 'none').stats.saturatedFraction, 0);
});

test('a NaN makes mean, std, min and max NaN; equal values fall in the first bin; the norm overflows like float32', () => {
  const poisoned = summarizeValues(Float32Array.from([1, Number.NaN, 3])).stats;
  assert.ok([poisoned.mean, poisoned.std, poisoned.min, poisoned.max].every(Number.isNaN));
  assert.equal(poisoned.histogram.counts.reduce((a, b) => a + b, 0), 3, 'every value is still counted');
  const flat = summarizeValues(Float32Array.from([2, 2, 2])).stats;
  assert.equal(flat.histogram.counts[0], 3);
  assert.equal(flat.std, 0);
  assert.equal(summarizeValues(Float32Array.from([3e19, 3e19])).norm, Infinity, 'the sum of squares passes float32 max');
});

test('update ratio and unit spread match their direct computation', () => {
  const random = seededRandom(5);
  const [rows, units] = [13, 6];
  const before = Float32Array.from({ length: rows * units }, () => gaussian(random));
  const after = before.map((value) => value + 0.01 * gaussian(random));
  const step = Math.sqrt(after.reduce((sum, value, i) => sum + (value - before[i]) ** 2, 0));
  close(updateNormRatio(after, before), step / Math.sqrt(before.reduce((sum, value) => sum + value * value, 0)), 'update ratio');
  let varianceSum = 0;
  for (let row = 0; row < rows; row++) {
    const unitsOfRow = Array.from(after.subarray(row * units, (row + 1) * units));
    varianceSum += direct(unitsOfRow).std ** 2;
  }
  close(unitSpread(after, units), Math.sqrt(varianceSum / rows), 'unit spread');
  assert.equal(unitSpread(Float32Array.from([1, 1, 1, 2, 2, 2]), 3), 0, 'identical units do not spread');
});

test('a probe frame: pre-activations recorded in the forward pass, gradients and norms as computed directly', () => {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ name: 'hidden', inputShape: [5], units: 8, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 1 }), biasInitializer: 'ones' }),
      tf.layers.dense({ name: 'output', units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotNormal({ seed: 2 }) }),
    ],
  });
  model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
  const x = tf.randomNormal([16, 5], 0, 1, 'float32', 3);
  const y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0], 'int32'), 3).toFloat();
  const probe = new ModelProbe(model, ['hidden', 'output'], x, y);
  const activationOfLayer = (layer: tf.layers.Layer): unknown => (layer as unknown as { activation: unknown }).activation;
  const ownActivation = activationOfLayer(model.layers[0]);
  const baseline = tf.memory().numTensors;
  const frame = probe.measure(0, 0);
  assert.equal(tf.memory().numTensors, baseline, 'the probe frees what it made');

  const [kernel, bias] = model.layers[0].getWeights();
  const pre = tf.tidy(() => tf.matMul(x, kernel as tf.Tensor2D).add(bias));
  const expectedPre = direct(Array.from(pre.dataSync()));
  const expectedAct = direct(Array.from(pre.relu().dataSync()));
  const hidden = frame.layers[0];
  close(hidden.preActivations!.mean, expectedPre.mean, 'pre-activation mean', 1e-5);
  close(hidden.preActivations!.std, expectedPre.std, 'pre-activation std', 1e-5);
  close(hidden.preActivations!.min, expectedPre.min, 'pre-activation min', 1e-5);
  close(hidden.activations.mean, expectedAct.mean, 'activation mean', 1e-5);
  close(hidden.activations.zeroFraction, expectedAct.zeros, 'dead fraction', 0);

  const [kernelVariable] = model.layers[0].trainableWeights.map((weight) => weight.read() as tf.Variable);
  const gradient = tf.tidy(() => {
    const loss = () => tf.mean(tf.metrics.categoricalCrossentropy(y, model.predict(x) as tf.Tensor)) as tf.Scalar;
    return tf.variableGrads(loss, [kernelVariable]).grads[kernelVariable.name];
  });
  const expectedGradient = direct(Array.from(gradient.dataSync()));
  const expectedKernel = direct(Array.from(kernel.dataSync()));
  const weight = hidden.weights[0];
  close(weight.norm, expectedKernel.norm, 'kernel norm', 1e-5);
  close(weight.values.std, expectedKernel.std, 'kernel std', 1e-5);
  close(weight.gradient!.norm, expectedGradient.norm, 'kernel gradient norm', 1e-5);
  close(weight.gradient!.meanAbs, expectedGradient.meanAbs, 'kernel gradient mean |g|', 1e-5);
  assert.equal(activationOfLayer(model.layers[0]), ownActivation, 'the layer has its own activation back');
  const drift = tf.tidy(() => (model.predict(x) as tf.Tensor).sub(model.layers[1].apply(pre.relu()) as tf.Tensor).abs().max().dataSync()[0]);
  assert.ok(drift < 1e-6, 'the model still computes what it did');
  tf.dispose([pre, gradient, x, y]);
  probe.dispose();
  model.dispose();
});
