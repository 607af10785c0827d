/**
 * The model–data rules on run starts of shapes the zoo does not train (PyTorch's losses, integer
 * labels, pass-through layers), and their edges: what must stay quiet.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose } from '../../../src/diagnosis/core';
import type { RuleId } from '../../../src/diagnosis/core/findings';
import type { LayerInfo, RunStart, TargetStats } from '../../../src/runs/core/trainingData';
import { history, losses, run, start } from './synthetic';

const targets = (values: Partial<TargetStats>): TargetStats => ({ min: 0, max: 1, integers: false, oneHot: false, width: 1, ...values });
const layers = (...specs: [string, string | undefined][]): LayerInfo[] => specs.map(([className, activation], i) => ({ name: `l${i}`, className, activation, outputShape: [null, 8], paramCount: 72 }));
const rules = (runStart: RunStart, epochs: readonly number[] = losses(1, 0.2, 10)): RuleId[] => diagnose(run({ start: runStart, history: history(epochs) })).map((draft) => draft.rule);
const withLayers = (infos: LayerInfo[], extra: Partial<RunStart>): RunStart => ({ ...start([]), layers: infos, watchedLayers: [], ...extra });

test('output-range-mismatch: ReLU against negative targets, tanh against targets up to 3; quiet inside the range or within 5 %', () => {
  const dense = (activation: string): LayerInfo[] => layers(['Dense', 'relu'], ['Dense', activation]);
  assert.ok(rules(withLayers(dense('relu'), { loss: 'meanSquaredError', targets: targets({ min: -2, max: 2 }) })).includes('output-range-mismatch'));
  assert.ok(rules(withLayers(dense('tanh'), { loss: 'mse_loss', framework: 'pytorch', targets: targets({ min: -1, max: 3 }) })).includes('output-range-mismatch'));
  assert.ok(!rules(withLayers(dense('sigmoid'), { loss: 'meanSquaredError', targets: targets({ min: 0, max: 1.04 }) })).includes('output-range-mismatch'));
  assert.ok(!rules(withLayers(dense('linear'), { loss: 'meanSquaredError', targets: targets({ min: -50, max: 103 }) })).includes('output-range-mismatch'));
  // Class labels are indices, not values to reach: no range to compare with.
  assert.ok(!rules(withLayers(dense('softmax'), { loss: 'sparseCategoricalCrossentropy', targets: targets({ min: 0, max: 9, integers: true }) })).includes('output-range-mismatch'));
});

test('output-range-mismatch: a small excess while the model learns well is information, a large one a warning', () => {
  const infos = layers(['Dense', 'relu'], ['Dense', 'sigmoid']);
  const severity = (max: number): string | undefined =>
    diagnose(run({ start: withLayers(infos, { loss: 'meanSquaredError', targets: targets({ max }) }), history: history(losses(1, 0.1, 10)) })).find((draft) => draft.rule === 'output-range-mismatch')?.severity;
  assert.equal(severity(1.1), 'information');
  assert.equal(severity(2), 'warning');
});

test('missing-nonlinearity: dropout and batch norm keep a chain linear, an activation layer or max pooling breaks it', () => {
  assert.deepEqual(rules(withLayers(layers(['Dense', 'linear'], ['Dropout', undefined], ['Dense', 'softmax']), {})).filter((rule) => rule === 'missing-nonlinearity'), ['missing-nonlinearity']);
  assert.ok(rules(withLayers(layers(['Linear', 'linear'], ['BatchNorm1d', undefined], ['Linear', 'linear']), { framework: 'pytorch' })).includes('missing-nonlinearity'));
  assert.ok(!rules(withLayers(layers(['Dense', 'linear'], ['BatchNormalization', undefined], ['Activation', 'relu'], ['Dense', 'softmax']), {})).includes('missing-nonlinearity'));
  assert.ok(!rules(withLayers(layers(['Conv2D', 'linear'], ['MaxPooling2D', undefined], ['Conv2D', 'relu']), {})).includes('missing-nonlinearity'));
  assert.ok(!rules(withLayers(layers(['Dense', 'relu'], ['Dense', 'linear']), {})).includes('missing-nonlinearity'), 'a linear output after an activation is a regression head');
});

test("loss-output-mismatch: PyTorch's cross_entropy behind a softmax, nll_loss without log-softmax, tfjs' categorical cross-entropy on integer labels", () => {
  const softmaxOut = layers(['Linear', 'relu'], ['Linear', 'softmax']);
  const classes = targets({ min: 0, max: 4, integers: true });
  assert.ok(rules(withLayers(softmaxOut, { framework: 'pytorch', loss: 'cross_entropy', targets: classes }), losses(1.6, 1.5, 10)).includes('loss-output-mismatch'));
  assert.ok(!rules(withLayers(layers(['Linear', 'relu'], ['Linear', 'linear']), { framework: 'pytorch', loss: 'cross_entropy', targets: classes })).includes('loss-output-mismatch'));
  assert.ok(rules(withLayers(softmaxOut, { framework: 'pytorch', loss: 'nll_loss', targets: classes })).includes('loss-output-mismatch'));
  assert.ok(!rules(withLayers(layers(['Linear', 'relu'], ['Linear', 'logsoftmax']), { framework: 'pytorch', loss: 'nll_loss', targets: classes })).includes('loss-output-mismatch'));
  const [found] = diagnose(run({ start: withLayers(layers(['Dense', 'relu'], ['Dense', 'softmax']), { loss: 'categoricalCrossentropy', targets: classes }), history: history(losses(1, 0.9, 10)) })).filter((draft) => draft.rule === 'loss-output-mismatch');
  assert.ok(found);
  assert.equal(found.site, 'loss');
  assert.match(found.message.en, /integer labels \(from 0 to 4\)/);
  assert.match(found.fix.en, /sparseCategoricalCrossentropy/);
  // One-hot rows are what it expects.
  assert.ok(!rules(withLayers(layers(['Dense', 'relu'], ['Dense', 'softmax']), { loss: 'categoricalCrossentropy', targets: targets({ integers: true, oneHot: true, width: 5 }) })).includes('loss-output-mismatch'));
});
