/** The incremental Diagnoser: events in, findings out, on their lines, one cause reported once. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnoser, diagnose } from '../../../src/diagnosis/core';
import { bilingual } from '../../../src/diagnosis/core/format';
import { shareBeyond } from '../../../src/diagnosis/core/rules/histogram';
import { frame, history, layer, run, start } from './synthetic';

const SOURCE = [
  'export function createModel() {',
  '  const model = tf.sequential();',
  "  model.add(tf.layers.dense({ inputShape: [2], units: 16, activation: 'relu' }));",
  "  for (let i = 0; i < 2; i++) model.add(tf.layers.dense({ units: 16, activation: 'relu' }));",
  "  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));",
  '  return model;',
  '}',
  'export const training = { optimizer: () => tf.train.sgd(10) };',
].join('\n');
const model = start([['dense_Dense1', 'relu'], ['dense_Dense2', 'relu'], ['dense_Dense3', 'relu'], ['dense_Dense4', 'softmax']]);
const dead = (step: number) =>
  frame(step, Math.floor(step / 5), [
    layer('dense_Dense1'),
    layer('dense_Dense2', { zeros: 1, kernel: { gradientZeros: 1 } }),
    layer('dense_Dense3', { zeros: 1, kernel: { gradientZeros: 1 } }),
    layer('dense_Dense4'),
  ]);

test('findings follow the events: nothing before the start, then each on its line, updated as the run goes', () => {
  const diagnoser = new Diagnoser(SOURCE);
  assert.deepEqual(diagnoser.findings(), []);
  diagnoser.onStart(model);
  diagnoser.onProbe(dead(0));
  history([1.1, 1.1, 1.1]).forEach((record) => diagnoser.onEpoch(record));
  const [found] = diagnoser.findings();
  assert.equal(found.rule, 'dead-relu');
  assert.equal(found.severity, 'warning');
  assert.equal(found.line, 4);
  assert.match(found.message.en, /The same holds for dense_Dense3, created by the same line\.$/, 'one finding for the loop line');
  assert.equal(diagnoser.findings().length, 1);

  diagnoser.onBatches([{ step: 16, epoch: 3, loss: 0.5 }, { step: 17, epoch: 3, loss: Number.NaN }, { step: 18, epoch: 3, loss: Number.NaN }]);
  const nan = diagnoser.findings().find((finding) => finding.rule === 'nan-loss');
  assert.deepEqual([nan?.line, nan?.step, nan?.severity], [8, 17, 'error']);
});

test('a program run places findings where it logged them: a layer on the line that constructed it, in its own module', () => {
  const helper = '/work/app/layers.js';
  const program = start([['dense_Dense1', 'relu'], ['dense_Dense2', 'relu'], ['dense_Dense3', 'softmax']]);
  const placed = {
    ...program,
    layers: program.layers.map((info, i) => ({ ...info, source: { file: helper, line: i < 2 ? 7 : 12, column: 5 } })),
    sites: { model: { file: '/work/app/train.js', line: 3, column: 1 }, optimizer: { file: '/work/app/train.js', line: 20, column: 9 } },
  };
  const diagnoser = new Diagnoser('const model = build();\n'.repeat(30));
  diagnoser.onStart(placed);
  diagnoser.onProbe(frame(0, 0, [layer('dense_Dense1', { zeros: 1, kernel: { gradientZeros: 1 } }), layer('dense_Dense2', { zeros: 1, kernel: { gradientZeros: 1 } }), layer('dense_Dense3')]));
  history([1.1, 1.1, 1.1]).forEach((record) => diagnoser.onEpoch(record));
  diagnoser.onBatches([{ step: 5, epoch: 1, loss: Number.NaN }]);
  const dead = diagnoser.findings().find((finding) => finding.rule === 'dead-relu');
  assert.deepEqual([dead?.file, dead?.line, dead?.layer], [helper, 7, 'dense_Dense1']);
  assert.match(dead?.message.en ?? '', /The same holds for dense_Dense2, created by the same line\.$/);
  const nan = diagnoser.findings().find((finding) => finding.rule === 'nan-loss');
  assert.deepEqual([nan?.file, nan?.line], ['/work/app/train.js', 20], 'the learning rate is where the model was compiled');
});

test('the first frame is kept however long the run (growth is measured from it), the rest is a recent window', () => {
  const diagnoser = new Diagnoser();
  diagnoser.onStart(start([['a', 'linear'], ['b', 'linear']]));
  const grads = (step: number, gradient: number) => frame(step, 0, [layer('a', { kernel: { gradient } }), layer('b', { kernel: { gradient } })]);
  diagnoser.onProbe(grads(0, 0.01));
  for (let step = 1; step < 500; step++) diagnoser.onProbe(grads(step, step === 499 ? 50 : 0.01));
  const [found] = diagnoser.findings();
  assert.equal(found.rule, 'exploding-gradients');
  assert.equal(found.evidence.growth, 5000);
  assert.equal(found.line, undefined, 'no source, no lines');
});

test('one cause, one finding: identical units hide "dead" on their layer, a warning hides the plateau it explains', () => {
  const zero = frame(0, 0, [layer('hidden', { zeros: 1, kernel: { gradientZeros: 1, norm: 0, unitSpread: 0 } }), layer('output')]);
  const flat = history(Array.from({ length: 8 }, () => 1.0986));
  const rules = diagnose(run({ start: start([['hidden', 'relu'], ['output', 'softmax']]), frames: [zero], history: flat })).map((draft) => draft.rule);
  assert.deepEqual(rules, ['symmetric-neurons']);
});

test('shareBeyond reads a histogram as evenly spread within each bin', () => {
  const histogram = { min: -10, max: 10, counts: Float32Array.from([1, 1, 1, 1]) };
  assert.equal(shareBeyond(histogram, 5), 0.5);
  assert.equal(shareBeyond({ ...histogram, min: -2, max: 2 }, 5), 0);
  assert.equal(shareBeyond(histogram, 7.5), 0.25);
});

test('numbers in messages are written the way each language writes them', () => {
  const text = bilingual((f) => `${f.num(0.125)} ${f.pct(0.934)} ${f.num(5.23e-8)} ${f.num(2e6)}`, (f) => `${f.num(0.125)} ${f.pct(0.934)} ${f.num(5.23e-8)}`);
  assert.equal(text.en, '0.125 93% 5.23e-8 2e6');
  assert.equal(text.fr, '0,125 93\u202f% 5,23e-8');
});
