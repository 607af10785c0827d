/**
 * Learning-rate schedules (notes: Learning rates), exactly the notes' formulas with α₀ = 0.3:
 * step 0.3·0.5^⌊t/10⌋, exponential 0.3·e^(−0.05t), 1/t 0.3/(1 + 0.1t). At α₀ = 0.3 with Nesterov 0.9 a
 * constant rate keeps bouncing (its final loss stays ≈ 0.09 on this seed) while each decay settles
 * below 0.05: the constant run must end at least 1.5× above every decayed one.
 */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { learningRateAt, schedulesLab } from '../../../src/labs/core/experiments/schedules';
import type { SchedulesResult } from '../../../src/labs/core/labs';
import { labBackend, withoutLeaks } from './support';

const settings = { alpha0: 0.3, drop: 0.5, every: 10, expK: 0.05, inverseK: 0.1 };
let result: SchedulesResult;

before(async () => {
  await labBackend();
  result = await withoutLeaks(() => schedulesLab.run());
});

test("each schedule's values are the notes' formulas", () => {
  const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-12;
  assert.ok(close(learningRateAt('step', 9, settings), 0.3));
  assert.ok(close(learningRateAt('step', 10, settings), 0.15));
  assert.ok(close(learningRateAt('step', 25, settings), 0.075));
  assert.ok(close(learningRateAt('exponential', 20, settings), 0.3 / Math.E));
  assert.ok(close(learningRateAt('inverse-time', 10, settings), 0.15));
  assert.ok(close(learningRateAt('inverse-time', 30, settings), 0.075));
  assert.ok(close(learningRateAt('constant', 39, settings), 0.3));
});

test('the training runs used those rates, epoch by epoch', () => {
  for (const run of result.runs) {
    assert.equal(run.learningRates.length, 40);
    run.learningRates.forEach((rate, t) => assert.ok(Math.abs(rate - learningRateAt(run.schedule as 'step', t, settings)) < 1e-7, `${run.schedule} t=${t}`));
  }
});

test('decaying the rate lets the run settle lower than a constant one', () => {
  const constant = result.runs.find((run) => run.schedule === 'constant');
  assert.ok(constant);
  for (const run of result.runs.filter((r) => r.schedule !== 'constant')) {
    assert.ok(Number.isFinite(run.finalLoss) && run.finalLoss < run.losses[0], `${run.schedule} learns`);
    assert.ok(constant.finalLoss > 1.5 * run.finalLoss, `constant ${constant.finalLoss} vs ${run.schedule} ${run.finalLoss}`);
  }
});

test('same seed, same run', async () => {
  const short = { epochs: 2 };
  const [a, b] = [await schedulesLab.run(short), await schedulesLab.run(short)];
  assert.deepEqual(a.runs.map((run) => Array.from(run.losses)), b.runs.map((run) => Array.from(run.losses)));
});
