/** Layer names → the line of the `tf.layers.*(…)` call that creates them, and the lines of the other sites. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapLines } from '../../../src/diagnosis/core';
import type { LayerInfo } from '../../../src/runs/core/trainingData';

const info = (name: string, className = 'Dense'): LayerInfo => ({ name, className, outputShape: [null, 8], paramCount: 1 });
const lines = (...text: string[]): string => text.join('\n');

const MODULE = lines(
  "import * as tf from '@tensorflow/tfjs';", // 1
  '// tf.layers.dense({ name: "commented" }) is not code', // 2
  'export function createModel(): tf.LayersModel {', // 3
  '  const model = tf.sequential();', // 4
  "  model.add(tf.layers.dense({ name: 'hidden1', inputShape: [2], units: 8, activation: 'relu' }));", // 5
  '  model.add(tf.layers.dense({', // 6
  '    units: 8,', // 7
  '  }));', // 8
  '  model.add(tf.layers.batchNormalization());', // 9
  "  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));", // 10
  '  return model;', // 11
  '}', // 12
  'export function loadData() {', // 13
  "  return { x: tf.zeros([4, 2]), y: tf.zeros([4, 3]), name: 'dense' };", // 14
  '}', // 15
  'export const training = {', // 16
  '  epochs: 3,', // 17
  '  optimizer: () => tf.train.momentum(0.1, 0.9, true),', // 18
  '};', // 19
);

test('explicit names first, then tfjs auto names in creation order (their uid, whatever the process counter)', () => {
  const map = mapLines(MODULE, [info('hidden1'), info('dense_Dense12'), info('batch_normalization_BatchNormalization3', 'BatchNormalization'), info('dense_Dense13')]);
  assert.equal(map.layer('hidden1'), 5);
  assert.equal(map.layer('dense_Dense12'), 6, 'a multi-line call: the line of its callee');
  assert.equal(map.layer('batch_normalization_BatchNormalization3'), 9);
  assert.equal(map.layer('dense_Dense13'), 10);
  assert.equal(map.layer('nowhere'), undefined);
});

test('model-wide findings go on createModel, learning-rate findings on the optimizer, input findings on loadData', () => {
  const map = mapLines(MODULE, [info('hidden1')]);
  assert.equal(map.site('model'), 3);
  assert.equal(map.site('optimizer'), 18);
  assert.equal(map.site('data'), 13);
  assert.equal(map.site('layer', 'unknown'), 3, 'a layer without a call falls back to the model');
});

test('the layers a loop creates share the loop line, even when the loop sits between other calls', () => {
  const text = lines(
    'export function createModel() {',
    '  const model = tf.sequential();',
    "  model.add(tf.layers.dense({ inputShape: [2], units: 16, activation: 'tanh' }));",
    "  for (let i = 0; i < 3; i++) model.add(tf.layers.dense({ units: 16, activation: 'tanh' }));",
    "  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));",
    '  return model;',
    '}',
  );
  const names = ['dense_Dense7', 'dense_Dense8', 'dense_Dense9', 'dense_Dense10', 'dense_Dense11'];
  const map = mapLines(text, names.map((name) => info(name)));
  assert.deepEqual(names.map((name) => map.layer(name)), [3, 4, 4, 4, 5]);
});

test('functional models and layers built by a helper outside createModel are found too', () => {
  const text = lines(
    'function block(units: number) {',
    "  return tf.layers.dense({ units, activation: 'relu' });",
    '}',
    'export const createModel = () => {',
    '  const input = tf.input({ shape: [2] });',
    '  const hidden = block(8).apply(input) as tf.SymbolicTensor;',
    "  const output = tf.layers.conv1d({ name: 'out', filters: 1, kernelSize: 1 }).apply(hidden);",
    '  return tf.model({ inputs: input, outputs: output as tf.SymbolicTensor });',
    '};',
    'export const training = { learningRate: (epoch: number) => 0.1 };',
  );
  const map = mapLines(text, [info('dense_Dense1'), info('out', 'Conv1D')]);
  assert.equal(map.layer('dense_Dense1'), 2);
  assert.equal(map.layer('out'), 7);
  assert.equal(map.site('model'), 4);
  assert.equal(map.site('optimizer'), 10, 'no optimizer: the learning-rate schedule');
});
