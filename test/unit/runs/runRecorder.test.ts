/** The run recorder keeps a bounded, timing-independent curve of step losses. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { RunRecorder } from '../../../src/runs/core/runRecorder';
import { MAX_STEP_LOSSES } from '../../../src/runs/core/runSnapshot';
import type { BatchLoss, RunStart } from '../../../src/runs/core/trainingData';

const start = (epochs: number, stepsPerEpoch: number): RunStart => ({
  backend: 'cpu',
  modelFile: '/work/model.ts',
  epochs,
  stepsPerEpoch,
  layers: [],
  watchedLayers: [],
});

const losses = (from: number, to: number, loss: (step: number) => number): BatchLoss[] =>
  Array.from({ length: to - from }, (_, i) => ({ step: from + i, epoch: 0, loss: loss(from + i) }));

test('a short run keeps the loss of every step', () => {
  const recorder = new RunRecorder('run');
  recorder.onStart(start(2, 10));
  recorder.onBatches(losses(0, 20, (step) => step / 10));
  assert.deepEqual(
    recorder.snapshot()?.steps.map((s) => [s.step, s.loss]),
    Array.from({ length: 20 }, (_, step) => [step, step / 10]),
  );
});

test('a long run keeps the mean of each stretch of steps, the same however the losses are chunked', () => {
  const steps = 3 * MAX_STEP_LOSSES; // stride 3
  const loss = (step: number) => (step % 3) + 1; // 1, 2, 3: each stretch's mean is 2
  const whole = new RunRecorder('a');
  whole.onStart(start(1, steps));
  whole.onBatches(losses(0, steps, loss));
  const chunked = new RunRecorder('b');
  chunked.onStart(start(1, steps));
  for (let from = 0; from < steps; from += 7) chunked.onBatches(losses(from, Math.min(steps, from + 7), loss));

  const kept = whole.snapshot()?.steps ?? [];
  assert.equal(kept.length, MAX_STEP_LOSSES);
  assert.deepEqual(kept.slice(0, 2), [{ step: 2, loss: 2 }, { step: 5, loss: 2 }]);
  assert.ok(kept.every((s) => s.loss === 2));
  assert.deepEqual(chunked.snapshot()?.steps, kept);
  // What a viewer is sent is what is kept.
  assert.deepEqual(chunked.takeProgress().steps, kept);
});
