/**
 * Activation functions (notes: Activation functions). Expected values:
 * - σ'(0) = 1/4 is σ's largest slope, tanh'(0) = 1, ReLU' is 0 below 0 and 1 above, leaky ReLU' = 0.01 below 0.
 * - Backpropagation multiplies the gradient by σ'(z) ≤ 1/4 at each sigmoid layer (the Xavier weights keep
 *   its norm otherwise): after 9 layers it is below 4^-9 ≈ 4e-6 of its size at the top, so the ratio
 *   layer 1 / layer 10 must be < 1e-4. With He, ReLU keeps it within a factor 3.
 * - After one epoch at learning rate 2, a large share of ReLU units never fire again (dead: exactly zero
 *   gradient); leaky ReLU and PReLU units in the same state still get a gradient (none dead).
 */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { activationsLab } from '../../../src/labs/core/experiments/activations';
import { Maxout } from '../../../src/labs/core/experiments/maxout';
import type { ActivationsResult } from '../../../src/labs/core/labs';
import { labBackend, withoutLeaks } from './support';

let result: ActivationsResult;

before(async () => {
  await labBackend();
  result = await withoutLeaks(() => activationsLab.run({ epochs: 8 }));
});

function valueAt(activation: string, x: number, key: 'y' | 'derivative'): number {
  const curve = result.curves.find((c) => c.activation === activation);
  assert.ok(curve);
  const i = result.grid.findIndex((g) => Math.abs(g - x) < 1e-6);
  assert.ok(i >= 0, `${x} is on the grid`);
  return curve[key][i];
}

test('curves and derivatives, as tfjs differentiates them', () => {
  assert.ok(Math.abs(valueAt('sigmoid', 0, 'derivative') - 0.25) < 1e-6);
  const sigmoid = result.curves.find((c) => c.activation === 'sigmoid');
  assert.ok(sigmoid && Math.max(...sigmoid.derivative) <= 0.25 + 1e-6, "σ' never exceeds 1/4");
  assert.ok(Math.abs(valueAt('tanh', 0, 'derivative') - 1) < 1e-6);
  assert.equal(valueAt('relu', -1, 'derivative'), 0);
  assert.equal(valueAt('relu', 1, 'derivative'), 1);
  assert.ok(Math.abs(valueAt('leaky-relu', -2, 'y') + 0.02) < 1e-6, 'leaky ReLU(−2) = 0.01 × −2');
  assert.ok(Math.abs(valueAt('leaky-relu', -2, 'derivative') - 0.01) < 1e-6);
  for (const x of [-4, -1, 0, 1, 3]) {
    assert.ok(Math.abs(valueAt('maxout', x, 'y') - Math.max(x, -0.5 * x + 0.5)) < 1e-5, `maxout(${x})`);
  }
});

test('the gradient vanishes through 10 sigmoid layers, not through ReLU layers with He', () => {
  const ratio = (activation: string): number => {
    const run = result.depth.find((d) => d.activation === activation);
    assert.ok(run);
    return run.gradientNorms[0] / run.gradientNorms[run.gradientNorms.length - 1];
  };
  assert.ok(ratio('sigmoid') < 1e-4, `sigmoid: layer 1 / layer 10 = ${ratio('sigmoid')}`);
  for (const activation of ['relu', 'leaky-relu', 'prelu', 'maxout']) {
    assert.ok(ratio(activation) > 1 / 3 && ratio(activation) < 3, `${activation}: ${ratio(activation)}`);
  }
  assert.ok(ratio('tanh') > 0.1 && ratio('tanh') < 1.5, `tanh: ${ratio('tanh')}`);
});

test('a high learning rate kills ReLU units for good; leaky ReLU and PReLU units keep a gradient', () => {
  const [calm, relu, leaky, prelu] = result.training;
  const end = (values: Float32Array): number => values[values.length - 1];
  assert.ok(end(calm.dead) < 0.1, `ReLU at the normal rate: ${end(calm.dead)} dead`);
  assert.ok(end(relu.dead) > 0.15, `ReLU after the kick: ${end(relu.dead)} dead`);
  assert.ok(Math.abs(end(relu.dead) - end(relu.inactive)) <= 1 / 128, 'an inactive ReLU unit is a dead one');
  assert.ok(end(leaky.inactive) > 0.1, 'leaky ReLU units are pushed below 0 as well…');
  assert.equal(end(leaky.dead), 0, '…but none of them is dead');
  assert.equal(end(prelu.dead), 0);
  assert.ok(prelu.alpha && Math.abs(prelu.alpha.mean - 0.25) > 0.01, `PReLU's α is learned (from 0.25 to ${prelu.alpha?.mean})`);
  for (const run of result.training) assert.ok(run.losses.every(Number.isFinite));
});

test('Maxout is a registered tfjs layer: a model using it saves and loads', async () => {
  const before = tf.memory().numTensors;
  const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3] }), new Maxout({ units: 4, seed: 7 }), tf.layers.dense({ units: 1 })] });
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (saved) => {
    artifacts = saved;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  assert.ok(artifacts);
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  const x = tf.randomNormal([5, 3], 0, 1, 'float32', 1);
  const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
  assert.deepEqual(Array.from(a.dataSync()), Array.from(b.dataSync()));
  assert.ok(loaded.layers.some((layer) => layer.getClassName() === 'Maxout'), 'rebuilt as a Maxout layer');
  tf.dispose([x, a, b]);
  model.dispose();
  loaded.dispose();
  assert.equal(tf.memory().numTensors, before);
});
