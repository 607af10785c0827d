/**
 * Regularisation (notes: Régularisation; Batch normalization).
 * - Inverted dropout at rate 0.5 on 100,000 activations: half are zeroed (±1%), the rest doubled, so the
 *   training mean matches the input mean within 2% (4 standard errors); at test time nothing changes.
 * - A 2-128-128-3 net on 60 noisy spiral points overfits: dropout narrows the train/validation gap.
 * - Batch norm: the running estimates start at mean 0 / variance 1 and move 1% per step toward the batch
 *   statistics (tfjs momentum 0.99), so the gap between training-mode and test-mode outputs after 200
 *   steps is well under 0.6× the gap after the first step.
 */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { regularizationLab } from '../../../src/labs/core/experiments/regularization';
import type { RegularizationResult } from '../../../src/labs/core/labs';
import { labBackend, withoutLeaks } from './support';

let result: RegularizationResult;

before(async () => {
  await labBackend();
  result = await withoutLeaks(() => regularizationLab.run());
});

test('inverted dropout keeps the expected activation in training and is the identity at test time', () => {
  const d = result.dropout;
  assert.ok(Math.abs(d.trainingMean / d.inputMean - 1) < 0.02, `training mean ${d.trainingMean} vs ${d.inputMean}`);
  assert.ok(Math.abs(d.zeroFraction - 0.5) < 0.01);
  assert.ok(Math.abs(d.keptScale - 2) < 1e-5, 'kept values × 1/(1 − rate)');
  assert.equal(d.testMaxChange, 0);
  assert.equal(d.testMean, d.inputMean);
  assert.equal(d.seededMaskRepeat, 1, 'a seeded tf.layers.dropout draws the same mask at every call');
});

test('dropout narrows the gap between training and validation loss', () => {
  const [none, dropout] = result.runs;
  assert.equal(none.variant, 'none');
  assert.ok(none.trainLoss < 0.1 && none.valLoss > 3 * none.trainLoss, `no regularisation overfits: ${none.trainLoss} vs ${none.valLoss}`);
  assert.ok(dropout.valLoss - dropout.trainLoss < none.valLoss - none.trainLoss, 'smaller gap with dropout');
  assert.ok(dropout.valLoss < none.valLoss, 'and a lower validation loss');
});

test("batch norm's running estimates catch up with the batch statistics", () => {
  const probes = result.runs.find((run) => run.variant === 'batch-norm')?.batchNorm ?? [];
  const [first, last] = [probes[0], probes[probes.length - 1]];
  assert.equal(first.step, 1);
  assert.equal(last.step, 200);
  assert.ok(first.outputGap > 0.1, `early, test mode differs from training mode (${first.outputGap})`);
  assert.ok(last.outputGap < 0.6 * first.outputGap, `the gap shrinks: ${first.outputGap} → ${last.outputGap}`);
  assert.ok(last.logVarianceGap < first.logVarianceGap);
});
