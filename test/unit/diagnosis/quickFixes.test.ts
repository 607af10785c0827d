/** The mechanical fixes of runtime findings, applied to model-module text. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, quickFixes } from '../../../src/diagnosis/core/quickFixEdits';
import type { Finding } from '../../../src/diagnosis/core/findings';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;
const model = (...layers: string[]) =>
  lines('export function createModel() {', '  const model = tf.sequential();', ...layers.map((layer) => `  model.add(${layer});`), '  return model;', '}');
const at = (rule: Finding['rule'], line: number, topic: Finding['topic'] = 'batch-norm') => ({ rule, line, topic });
const titles = (text: string, finding: ReturnType<typeof at>) => quickFixes(text, finding).map((fix) => fix.title.en);
const fixed = (text: string, finding: ReturnType<typeof at>, title: string): string => {
  const fix = quickFixes(text, finding).find((candidate) => candidate.title.en === title);
  assert.ok(fix, `no "${title}" fix; got ${titles(text, finding).join(', ')}`);
  return applyEdits(text, fix.edits);
};

const SCHEDULED = lines(
  'const LEARNING_RATE = 0.1;',
  'export const training = {',
  '  optimizer: () => tf.train.momentum(LEARNING_RATE, 0.9, true),',
  '  learningRate: (epoch: number) => LEARNING_RATE * Math.pow(0.5, Math.floor(epoch / 10)),',
  '};',
);

test('learning rate ÷ 10: the constant both the optimiser and the schedule read is divided once', () => {
  assert.equal(fixed(SCHEDULED, at('nan-loss', 3), 'Divide the learning rate by 10'), SCHEDULED.replace('= 0.1;', '= 0.01;'));
  const literal = lines('export const training = { optimizer: () => tf.train.sgd(10), learningRate: (epoch) => { return 10 / (1 + epoch); } };');
  assert.equal(fixed(literal, at('diverging-loss', 1), 'Divide the learning rate by 10'), literal.replace('sgd(10)', 'sgd(1)').replace('return 10', 'return 1'));
});

test('learning rate × 10 for a plateau blamed on tiny steps, in the notation it was written in; none for a saddle point', () => {
  const tiny = lines('export const training = { optimizer: () => tf.train.momentum(1e-7, 0.9, true) };');
  assert.equal(fixed(tiny, at('plateau', 1, 'lr-step-decay'), 'Multiply the learning rate by 10'), tiny.replace('1e-7', '1e-6'));
  assert.deepEqual(titles(tiny, at('plateau', 1, 'optim-saddle-points')), []);
});

test('no learning-rate fix when a schedule sets the rate in a way the fix cannot follow', () => {
  const stepwise = lines('export const training = { optimizer: () => tf.train.sgd(0.1), learningRate: (epoch) => (epoch < 10 ? 0.1 : 0.01) };');
  assert.deepEqual(titles(stepwise, at('nan-loss', 1)), []);
});

test('initialiser: He normal for ReLU (the lint\'s own fix for zeros), Xavier for tanh, inserted when absent', () => {
  const zeros = model("tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: 'zeros' })");
  assert.equal(fixed(zeros, at('symmetric-neurons', 3), 'Use He normal initialisation'), zeros.replace("'zeros'", "'heNormal'"));
  const tiny = model("tf.layers.dense({ units: 8, activation: 'tanh', kernelInitializer: tf.initializers.randomNormal({ stddev: 0.01 }) })");
  assert.equal(
    fixed(tiny, at('collapsing-activations', 3), 'Use Xavier (Glorot normal) initialisation'),
    tiny.replace('tf.initializers.randomNormal({ stddev: 0.01 })', "'glorotNormal'"),
  );
  const linear = model('tf.layers.dense({ units: 8 })');
  assert.equal(fixed(linear, at('exploding-gradients', 3), 'Use Xavier (Glorot normal) initialisation'), linear.replace('units: 8 }', "units: 8, kernelInitializer: 'glorotNormal' }"));
});

test('activation → ReLU on the layer (the lint\'s fix), or in every hidden layer for vanishing gradients', () => {
  const text = model(
    "tf.layers.dense({ inputShape: [2], units: 8, activation: 'sigmoid' })",
    "tf.layers.dense({ units: 8, activation: 'sigmoid' })",
    "tf.layers.dense({ units: 1, activation: 'sigmoid' })",
  );
  const one = fixed(text, at('saturated-activations', 4), 'Use ReLU');
  assert.equal(one, text.replace("({ units: 8, activation: 'sigmoid' })", "({ units: 8, activation: 'relu' })"));
  const every = fixed(text, at('vanishing-gradients', 3), 'Use ReLU in every hidden layer');
  assert.equal(every.match(/'relu'/g)?.length, 2);
  assert.match(every, /units: 1, activation: 'sigmoid'/, 'the output layer keeps its sigmoid');
});

test('batch normalisation inserted before the activation: linear part without bias, batch norm, then the activation', () => {
  const text = model("tf.layers.dense({ units: 8, activation: 'tanh' })", "tf.layers.dense({ units: 3, activation: 'softmax' })");
  const after = fixed(text, at('saturated-activations', 3), 'Insert batch normalisation before the activation');
  assert.equal(
    after,
    model(
      'tf.layers.dense({ units: 8, useBias: false })',
      'tf.layers.batchNormalization()',
      "tf.layers.activation({ activation: 'tanh' })",
      "tf.layers.dense({ units: 3, activation: 'softmax' })",
    ),
  );
});

test('dead ReLUs: the bias back to zeros; no fix for a finding whose line holds no layer', () => {
  const text = model("tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: 'heNormal', biasInitializer: tf.initializers.constant({ value: -3 }) })");
  assert.equal(fixed(text, at('dead-relu', 3), 'Start the biases at 0'), text.replace('tf.initializers.constant({ value: -3 })', "'zeros'"));
  assert.deepEqual(titles(text, at('dead-relu', 1)), []);
  assert.deepEqual(titles(text, at('overfitting', 1)), []);
});
