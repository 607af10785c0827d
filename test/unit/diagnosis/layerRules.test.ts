/** The rules that read the probes: gradients, dead ReLUs, saturation, collapse, symmetry, inputs. */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { collapsingActivations } from '../../../src/diagnosis/core/rules/collapsingActivations';
import { deadRelu } from '../../../src/diagnosis/core/rules/deadRelu';
import { explodingGradients } from '../../../src/diagnosis/core/rules/explodingGradients';
import { saturatedActivations } from '../../../src/diagnosis/core/rules/saturatedActivations';
import { symmetricNeurons } from '../../../src/diagnosis/core/rules/symmetricNeurons';
import { uncenteredInputs } from '../../../src/diagnosis/core/rules/uncenteredInputs';
import { vanishingGradients } from '../../../src/diagnosis/core/rules/vanishingGradients';
import type { InputStats, ProbeFrame } from '../../../src/runs/core/trainingData';
import { frame, history, layer, losses, run, start, stats } from './synthetic';

/** A run that does not learn (loss stays at its baseline 1.1) and one that does. */
const stuck = history(losses(1.1, 1.1, 6));
const learning = history(losses(1.1, 0.1, 6));

describe('exploding-gradients', () => {
  const model = start([['first', 'linear'], ['middle', 'linear'], ['last', 'linear']]);
  const grads = (first: number, last: number, weights = 5): ProbeFrame =>
    frame(0, 0, [layer('first', { kernel: { gradient: first, norm: weights } }), layer('middle'), layer('last', { kernel: { gradient: last } })]);

  test("AUTOTRAINER's ratio: the first layer's gradient norm more than 70× the last layer's", () => {
    const [found] = explodingGradients.check(run({ start: model, frames: [grads(80, 1)], history: stuck }));
    assert.equal(found.layer, 'first');
    assert.equal(found.severity, 'warning');
    assert.equal(found.evidence.ratio, 80);
    assert.equal(found.topic, 'batch-norm');
    assert.deepEqual(explodingGradients.check(run({ start: model, frames: [grads(60, 1)], history: stuck })), []);
  });

  test('an overflowed gradient norm, with the norm it had at the probe before', () => {
    const [found] = explodingGradients.check(run({ start: model, frames: [grads(6e4, 4e4), grads(Number.POSITIVE_INFINITY, 1)], history: stuck }));
    assert.equal(found.evidence.previousGradientNorm, 6e4);
    assert.match(found.message.en, /overflowed to Infinity/);
  });

  test('a gradient grown ×100 since the first probe and larger than its weights; not when still smaller', () => {
    const [found] = explodingGradients.check(run({ start: model, frames: [grads(0.1, 0.1), grads(20, 20, 5)], history: stuck }));
    assert.equal(found.evidence.growth, 200);
    assert.deepEqual(explodingGradients.check(run({ start: model, frames: [grads(0.01, 0.01), grads(2, 2, 5)], history: stuck })), []);
  });

  test('information only while the loss still goes well below its baseline (AUTOTRAINER)', () => {
    assert.equal(explodingGradients.check(run({ start: model, frames: [grads(80, 1)], history: learning }))[0].severity, 'information');
  });
});

describe('vanishing-gradients', () => {
  const model = start([['first', 'sigmoid'], ['second', 'sigmoid'], ['output', 'softmax']]);
  const grads = (first: number, last: number): ProbeFrame =>
    frame(0, 0, [layer('first', { kernel: { gradient: first } }), layer('second'), layer('output', { kernel: { gradient: last } })]);

  test("AUTOTRAINER's thresholds: ratio below 1e-3 and a first-layer norm below 1e-4, blamed on sigmoid", () => {
    const [found] = vanishingGradients.check(run({ start: model, frames: [grads(1.5e-6, 0.13)], history: stuck }));
    assert.equal(found.layer, 'first');
    assert.equal(found.topic, 'activation-sigmoid');
    assert.match(found.message.en, /at most 1\/4/);
  });

  test('a small ratio with a first-layer norm above 1e-4, an output gradient of 0, or a problem that went away: nothing', () => {
    assert.deepEqual(vanishingGradients.check(run({ start: model, frames: [grads(2e-4, 0.5)], history: stuck })), []);
    assert.deepEqual(vanishingGradients.check(run({ start: model, frames: [grads(0, 0)], history: stuck })), []);
    assert.deepEqual(vanishingGradients.check(run({ start: model, frames: [grads(1e-6, 0.1), grads(0.05, 0.1)], history: stuck })), []);
  });
});

describe('dead-relu', () => {
  const model = start([['hidden', 'relu'], ['act', 'relu', 'Activation'], ['output', 'softmax']]);
  const probe = (zeros: number, gradientZeros: number, activationZeros = 0.5): ProbeFrame =>
    frame(0, 0, [layer('hidden', { zeros, kernel: { gradientZeros } }), layer('act', { zeros: activationZeros, kernel: null }), layer('output')]);

  test('≥ 70 % zero outputs (DeepDiagnosis) and ≥ 70 % zero weight gradients (AUTOTRAINER)', () => {
    const [found] = deadRelu.check(run({ start: model, frames: [probe(1, 1)], history: stuck }));
    assert.equal(found.layer, 'hidden');
    assert.deepEqual(found.evidence, { zeroFraction: 1, gradientZeroFraction: 1 });
    assert.equal(found.topic, 'activation-relu');
  });

  test('one sign alone is not enough: 69 % zeros, or zeros whose gradients still flow', () => {
    assert.deepEqual(deadRelu.check(run({ start: model, frames: [probe(0.69, 1)], history: stuck })), []);
    assert.deepEqual(deadRelu.check(run({ start: model, frames: [probe(0.9, 0.3)], history: stuck })), []);
  });

  test('an activation layer (no kernel) is judged on its outputs; NaN weights say nothing', () => {
    assert.equal(deadRelu.check(run({ start: model, frames: [probe(0.5, 0, 0.95)], history: stuck }))[0].layer, 'act');
    const nan = frame(1, 0, [layer('hidden', { zeros: 1, kernel: { gradientZeros: 1, norm: Number.NaN } }), layer('act', { kernel: null }), layer('output')]);
    assert.deepEqual(deadRelu.check(run({ start: model, frames: [nan], history: stuck })), []);
  });
});

describe('saturated-activations', () => {
  const model = start([['hidden', 'tanh'], ['sig', 'sigmoid'], ['output', 'sigmoid']]);
  // 30 bins of 4/3 over [-20, 20]: bins 12 to 17 hold [-4, 4]; the others lie (mostly) beyond ±5.
  const spread = (outside: number): number[] => Array.from({ length: 30 }, (_, i) => (i >= 12 && i <= 17 ? 1 : outside));
  const probe = (outside: number): ProbeFrame =>
    frame(0, 0, [1, 2, 3].map((_, i) => layer(['hidden', 'sig', 'output'][i], { pre: { min: -20, max: 20, bins: spread(outside) } })));

  test('more than 50 % of the pre-activations beyond ±5 in a hidden tanh or sigmoid layer; the output layer is left alone', () => {
    const found = saturatedActivations.check(run({ start: model, frames: [probe(10)], history: stuck }));
    assert.deepEqual(found.map((finding) => [finding.layer, finding.topic]), [['hidden', 'init-large-random'], ['sig', 'activation-sigmoid']]);
    assert.ok(found[0].evidence.shareBeyond5 > 0.8);
  });

  test('a well-initialised layer is not saturated', () => {
    assert.deepEqual(saturatedActivations.check(run({ start: model, frames: [probe(0)], history: stuck })), []);
  });
});

describe('collapsing-activations', () => {
  const model = start([['a', 'tanh'], ['b', 'tanh'], ['c', 'tanh'], ['output', 'softmax']], { inputs: inputs(0.4, 0, 0.4, -1, 1) });
  const probe = (...stds: number[]): ProbeFrame => frame(0, 0, [...stds.map((std, i) => layer('abc'[i], { std })), layer('output')]);

  test('under 1 % of the inputs\' spread deeper in: reported at the first layer that shrinks it', () => {
    const [found] = collapsingActivations.check(run({ start: model, frames: [probe(0.3, 0.004, 3e-5)], history: stuck }));
    assert.equal(found.layer, 'b');
    assert.equal(found.evidence.smallestStd, 3e-5);
    assert.equal(found.topic, 'init-small-random');
  });

  test('healthy spreads (ReLU with Xavier loses ~30 % per layer) do not collapse', () => {
    assert.deepEqual(collapsingActivations.check(run({ start: model, frames: [probe(0.35, 0.25, 0.18)], history: stuck })), []);
  });
});

describe('symmetric-neurons', () => {
  const model = start([['hidden', 'relu'], ['output', 'softmax']]);
  const probe = (unitSpread: number, norm: number): ProbeFrame => frame(0, 0, [layer('hidden', { kernel: { unitSpread, norm } }), layer('output')]);

  test('an all-zero kernel, or units that differ by less than 0.1 % of the weights, are identical units', () => {
    const [zeros] = symmetricNeurons.check(run({ start: model, frames: [probe(0, 0)], history: stuck }));
    assert.equal(zeros.layer, 'hidden');
    assert.match(zeros.message.en, /all 0/);
    assert.equal(zeros.topic, 'init-homogeneous');
    const rms = 4 / 16;
    assert.equal(symmetricNeurons.check(run({ start: model, frames: [probe(rms * 5e-4, 4)], history: stuck })).length, 1);
  });

  test('random weights, or a layer with a single unit, are not symmetric', () => {
    assert.deepEqual(symmetricNeurons.check(run({ start: model, frames: [probe(0.24, 4)], history: stuck })), []);
    const single = frame(0, 0, [{ ...layer('hidden'), weights: [{ ...layer('hidden').weights[0], unitSpread: undefined }] }, layer('output')]);
    assert.deepEqual(symmetricNeurons.check(run({ start: model, frames: [single], history: stuck })), []);
  });
});

describe('uncentered-inputs', () => {
  const model = (stats: InputStats) => start([['hidden', 'relu'], ['output', 'softmax']], { inputs: stats });

  test('raw 0–255 pixels while training suffers: a warning on the data, citing UMLAUT', () => {
    const [found] = uncenteredInputs.check(run({ start: model(inputs(80, 125, 72, 0, 255)), history: stuck }));
    assert.equal(found.severity, 'warning');
    assert.equal(found.site, 'data');
    assert.match(found.message.en, /UMLAUT/);
    assert.equal(found.topic, 'preprocessing-centering');
  });

  test('information when training goes well anyway, or when the values stay within [-1, 1]', () => {
    assert.equal(uncenteredInputs.check(run({ start: model(inputs(80, 125, 72, 0, 255)), history: learning }))[0].severity, 'information');
    assert.equal(uncenteredInputs.check(run({ start: model(inputs(0.3, 0.5, 0.3, 0, 1)), history: stuck }))[0].severity, 'information');
  });

  test('centred inputs (means well within one standard deviation) say nothing', () => {
    assert.deepEqual(uncenteredInputs.check(run({ start: model(inputs(0.4, 1e-7, 0.4, -1, 1)), history: stuck })), []);
  });

  test('token ids looked up by a first Embedding layer are not features: nothing to centre', () => {
    const embedded = start([['embedding', undefined, 'Embedding'], ['lstm', 'tanh', 'LSTM'], ['output', 'softmax']], { inputs: inputs(5.4, 6.1, 5.4, 0, 34) });
    assert.deepEqual(uncenteredInputs.check(run({ start: embedded, history: stuck })), []);
  });
});

function inputs(std: number, meanAbs: number, featureStd: number, min: number, max: number): InputStats {
  return { values: stats({ std, min, max }), meanAbsFeatureMean: meanAbs, meanFeatureStd: featureStd };
}
