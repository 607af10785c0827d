/** The rules that read the loss history: NaN, diverging, oscillating, plateau, overfitting. */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { divergingLoss } from '../../../src/diagnosis/core/rules/divergingLoss';
import { nanLoss } from '../../../src/diagnosis/core/rules/nanLoss';
import { oscillatingLoss } from '../../../src/diagnosis/core/rules/oscillatingLoss';
import { overfitting } from '../../../src/diagnosis/core/rules/overfitting';
import { plateau } from '../../../src/diagnosis/core/rules/plateau';
import { frame, history, kernel, layer, losses, run, start } from './synthetic';

const model = start([['hidden', 'relu'], ['output', 'softmax']]);
const sgd = (rate: number) => start([['hidden', 'relu'], ['output', 'softmax']], { optimizer: { name: 'SGD', learningRate: rate } });

describe('nan-loss', () => {
  test('an error at the first epoch whose loss is not finite, on the optimiser line, with the rate', () => {
    const [found] = nanLoss.check(run({ start: model, history: history([{ loss: 1, lr: 0.5 }, { loss: 3, lr: 0.5 }, { loss: Number.NaN, lr: 0.5 }]) }));
    assert.equal(found.severity, 'error');
    assert.equal(found.epoch, 2);
    assert.equal(found.site, 'optimizer');
    assert.deepEqual(found.evidence, { learningRate: 0.5, lastFiniteLoss: 3 });
    assert.equal(found.topic, 'lr-step-decay');
  });

  test('a non-finite batch loss is caught before its epoch ends, with its step', () => {
    const [found] = nanLoss.check(run({ start: model, history: history([1]), nonFiniteStep: { step: 7, epoch: 1 } }));
    assert.equal(found.epoch, 1);
    assert.equal(found.step, 7);
  });

  test("UMLAUT's check: plain SGD above 0.01 is named as the cause, momentum or a small rate is not", () => {
    const nan = history([{ loss: Number.POSITIVE_INFINITY, lr: 10 }]);
    assert.match(nanLoss.check(run({ start: sgd(10), history: nan }))[0].message.en, /Plain SGD with a learning rate above 0\.01/);
    assert.match(nanLoss.check(run({ start: sgd(10), history: nan }))[0].message.fr, /UMLAUT/);
    assert.doesNotMatch(nanLoss.check(run({ start: model, history: nan }))[0].message.en, /UMLAUT/);
    assert.doesNotMatch(nanLoss.check(run({ start: sgd(0.005), history: history([{ loss: Number.NaN, lr: 0.005 }]) }))[0].message.en, /UMLAUT/);
  });

  test('nothing while the loss is finite', () => {
    assert.deepEqual(nanLoss.check(run({ start: model, history: history([1, 0.5, 0.2]) })), []);
  });
});

describe('diverging-loss', () => {
  test('three rises in a row that double the loss: a warning from the epoch the rise began', () => {
    const [found] = divergingLoss.check(run({ start: sgd(1.2), history: history([8, 24, 79, 281].map((loss) => ({ loss, lr: 1.2 }))) }));
    assert.equal(found.severity, 'warning');
    assert.equal(found.epoch, 0);
    assert.equal(found.evidence.growth, Number((281 / 8).toPrecision(4)));
    assert.match(found.message.en, /UMLAUT/);
  });

  test('a healthy run whose low loss bounces back a little is not diverging (most of its progress is kept)', () => {
    assert.deepEqual(divergingLoss.check(run({ start: model, history: history([0.5, 0.2, 0.05, 0.008, 0.02, 0.04, 0.055]) })), []);
  });

  test('two rises are not yet a trend; the finite part of a run that ends in NaN still counts', () => {
    assert.deepEqual(divergingLoss.check(run({ start: model, history: history([1, 0.5, 1.2, 2.5]) })), []);
    assert.equal(divergingLoss.check(run({ start: model, history: history([1, 2, 4, 8, Number.NaN]) })).length, 1);
  });
});

describe('oscillating-loss', () => {
  test('a loss that zigzags by a large share of its level: a warning naming the rate and the momentum', () => {
    const start = sgd(0.5);
    const zigzag = history([8, 0.3, 9, 4.8, 2.1, 8.3, 2.5, 4.2, 6.6, 1.7].map((loss) => ({ loss, lr: 0.5 })));
    const [found] = oscillatingLoss.check(run({ start: { ...start, optimizer: { name: 'Momentum', learningRate: 0.5, momentum: 0.97 } }, history: zigzag }));
    assert.equal(found.severity, 'warning');
    assert.equal(found.evidence.momentum, 0.97);
    assert.match(found.message.en, /momentum 0\.97/);
  });

  test('mini-batch noise at a low loss (small swings next to the first loss) is not oscillation', () => {
    assert.deepEqual(oscillatingLoss.check(run({ start: model, history: history([1, 0.5, 0.1, 0.12, 0.1, 0.13, 0.1, 0.12, 0.09]) })), []);
  });

  test('a steadily decreasing loss, or fewer than 6 epochs, is not oscillation', () => {
    assert.deepEqual(oscillatingLoss.check(run({ start: model, history: history(losses(1, 0.1, 12)) })), []);
    assert.deepEqual(oscillatingLoss.check(run({ start: model, history: history([8, 0.3, 9, 0.2, 8]) })), []);
  });
});

describe('plateau', () => {
  const flat = history(Array.from({ length: 12 }, () => ({ loss: 1.0986, lr: 1e-7 })));
  const tinySteps = frame(59, 11, [layer('hidden', { kernel: { updateRatio: 5e-8 } }), layer('output', { kernel: { updateRatio: 2e-7 } })]);
  const normalSteps = frame(59, 11, [layer('hidden'), layer('output')]);

  test('a flat loss near the baseline with tiny weight updates: the learning rate is too small', () => {
    const [found] = plateau.check(run({ start: model, history: flat, frames: [tinySteps] }));
    assert.equal(found.severity, 'warning');
    assert.equal(found.topic, 'lr-step-decay');
    assert.equal(found.epoch, 7, 'the window is the last 5 epochs');
    assert.match(found.fix.en, /Multiply the learning rate by 10/);
  });

  test('a flat loss with normal updates points at saddle points and momentum', () => {
    const [found] = plateau.check(run({ start: model, history: flat, frames: [normalSteps] }));
    assert.equal(found.topic, 'optim-saddle-points');
  });

  test('a model that converged well below its baseline is not on a plateau; too few epochs say nothing', () => {
    assert.deepEqual(plateau.check(run({ start: model, history: history([...losses(1, 0.05, 6), 0.05, 0.05, 0.05, 0.05, 0.05]), frames: [tinySteps] })), []);
    assert.deepEqual(plateau.check(run({ start: model, history: history([1.1, 1.1, 1.1, 1.1]), frames: [tinySteps] })), []);
  });
});

describe('overfitting', () => {
  const epochs = (train: readonly number[], validation: readonly number[], acc: number, valAcc: (i: number) => number) =>
    history(train.map((loss, i) => ({ loss, valLoss: validation[i], acc, valAcc: valAcc(i) })));

  test('validation loss up while training loss falls, validation accuracy far behind: a warning from the best epoch', () => {
    const train = losses(0.6, 1e-6, 10);
    const validation = losses(1.1, 4.9, 10);
    const [found] = overfitting.check(run({ start: model, history: epochs(train, validation, 1, () => 0.55) }));
    assert.equal(found.severity, 'warning');
    assert.equal(found.epoch, 1);
    assert.equal(found.evidence.bestEpoch, 0);
    assert.equal(found.topic, 'reg-dropout');
  });

  test('validation accuracy holding at its best (over-confidence on a few examples) is information', () => {
    const train = losses(0.6, 0.01, 12);
    const validation = [0.46, 0.39, 0.3, 0.22, 0.19, 0.22, 0.25, 0.27, 0.29, 0.3, 0.31, 0.31];
    const [found] = overfitting.check(run({ start: model, history: epochs(train, validation, 1, (i) => (i < 2 ? 0.7 : 0.9)) }));
    assert.equal(found.severity, 'information');
  });

  test('a validation accuracy 5 points below its best is a warning', () => {
    const train = losses(0.6, 0.01, 12);
    const validation = [0.46, 0.39, 0.3, 0.22, 0.19, 0.22, 0.25, 0.27, 0.29, 0.3, 0.31, 0.31];
    const [found] = overfitting.check(run({ start: model, history: epochs(train, validation, 1, (i) => (i === 4 ? 0.95 : 0.88)) }));
    assert.equal(found.severity, 'warning');
  });

  test('no finding without a fit, for a rise that is noise at a tiny loss, or without validation data', () => {
    const stuck = losses(1.1, 1.05, 10);
    assert.deepEqual(overfitting.check(run({ start: model, history: epochs(stuck, losses(0.7, 1.2, 10), 0.4, () => 0.3) })), []);
    const small = [0.2, 0.1, 0.05, 0.035, 0.04, 0.045, 0.047, 0.047];
    assert.deepEqual(overfitting.check(run({ start: model, history: epochs(losses(0.5, 0.03, 8), small, 1, () => 0.98) })), []);
    assert.deepEqual(overfitting.check(run({ start: model, history: history(losses(1, 0.01, 10)) })), []);
  });
});

test('every synthetic frame helper gives a kernel named like tfjs does', () => {
  assert.equal(kernel('dense_Dense1').name, 'dense_Dense1/kernel');
});
