/**
 * Centering (notes: Preprocessing; Sigmoid). On one example a unit's weight gradient is x·δ: with 20
 * inputs in [0, 1] all its components share δ's sign (fraction 1, exactly); centred, all 20 share a sign
 * with probability 2·2^−20 ≈ 2e-6, so the fraction is ≈ 0. The second layer reads sigmoid outputs, positive
 * whatever the data: fraction 1 there in both cases. Convergence: same seeds, same learning rate; the
 * centred run must reach the loss threshold in at most 60% of the raw run's epochs (≈ 43 vs 118 here).
 */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { preprocessingLab } from '../../../src/labs/core/experiments/preprocessing';
import type { PreprocessingResult } from '../../../src/labs/core/labs';
import { labBackend, withoutLeaks } from './support';

let result: PreprocessingResult;

before(async () => {
  await labBackend();
  result = await withoutLeaks(() => preprocessingLab.run());
});

test('all-positive inputs: every per-example weight gradient of a unit has one sign; centred: almost never', () => {
  const [raw, centred] = result.runs;
  assert.equal(raw.sameSignPerExample, 1);
  assert.ok(centred.sameSignPerExample < 0.01, `centred: ${centred.sameSignPerExample}`);
  assert.equal(raw.sameSignNextLayer, 1, 'sigmoid outputs are positive…');
  assert.equal(centred.sameSignNextLayer, 1, '…so centering the data does not help the next layer');
});

test('centred inputs reach the loss threshold much sooner', () => {
  const [raw, centred] = result.runs;
  assert.ok(raw.epochsToThreshold !== null && centred.epochsToThreshold !== null);
  assert.ok(centred.epochsToThreshold <= 0.6 * raw.epochsToThreshold, `centred ${centred.epochsToThreshold} vs raw ${raw.epochsToThreshold}`);
});

test('in 2-D, positive inputs only allow updates that move both weights the same way', () => {
  const [raw, centred] = result.paths;
  assert.equal(raw.sameSignSteps, 1);
  assert.ok(centred.sameSignSteps > 0.3 && centred.sameSignSteps < 0.7);
  assert.ok(raw.pathLengthRatio > 1.5 * centred.pathLengthRatio, 'the raw path zig-zags toward w* = (1, −1)');
});
