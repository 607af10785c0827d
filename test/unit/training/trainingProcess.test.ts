import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { EngineError } from '../../../src/engine/engineError';
import { train } from '../../../src/engine/train';
import { trainInProcess } from '../../../src/training/core/trainInProcess';
import type { ProbeFrame } from '../../../src/runs/core/trainingData';
import { fixture } from '../engine/fixtures';

/** Training processes started by this test process (others on the machine are not ours to count). */
function workerProcessCount(): number {
  const lines = execFileSync('ps', ['-eo', 'ppid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.trim().startsWith(`${process.pid} `) && line.includes('trainingWorker')).length;
}

test('trains in a separate process and relays its events, typed arrays included', async () => {
  const before = workerProcessCount();
  const frames: ProbeFrame[] = [];
  const epochs: number[] = [];
  let during = -1;
  const summary = await trainInProcess(
    { file: fixture('tiny-classifier'), backend: 'auto', probeEverySteps: 5 },
    (record) => {
      if (record.type === 'probe') frames.push(record);
      if (record.type !== 'epoch') return;
      if (epochs.length === 0) during = workerProcessCount();
      epochs.push(record.epoch);
    },
  );
  assert.equal(during, before + 1, 'one training process ran the model');
  assert.deepEqual(epochs, [0, 1, 2, 3]);
  assert.equal(summary.history.length, 4);
  assert.equal(summary.leakedTensors, 0, 'the training process freed every tensor');
  assert.ok(frames.length > 0);
  assert.ok(frames[0].layers[0].activations.histogram.counts instanceof Float32Array, 'bins cross as a typed array');
  assert.equal(workerProcessCount(), before, 'no training process outlives its run');
});

test('a model-module error in the process is the same EngineError, with its location', async () => {
  const error = await trainInProcess({ file: fixture('wrong-shape'), backend: 'cpu', probeEverySteps: 10 }, () => undefined).catch((e: unknown) => e);
  assert.ok(error instanceof EngineError);
  assert.equal(error.kind, 'shape');
  assert.equal(error.location?.line, 7);
});

test('a crashing training process is reported and the caller keeps going', async () => {
  const error = await trainInProcess({ file: fixture('crash'), backend: 'cpu', probeEverySteps: 10 }, () => undefined).catch((e: unknown) => e);
  assert.ok(error instanceof EngineError);
  assert.match(error.message, /The training process crashed \(exit code 134\)/);
  // The next run works.
  const summary = await trainInProcess({ file: fixture('tiny-classifier'), backend: 'cpu', epochs: 1, probeEverySteps: 10 }, () => undefined);
  assert.equal(summary.history.length, 1);
});

test('a training process that runs out of memory is reported as such', async () => {
  const error = await trainInProcess({ file: fixture('out-of-memory'), backend: 'cpu', probeEverySteps: 10 }, () => undefined, { maxMemoryMb: 96 }).catch(
    (e: unknown) => e,
  );
  assert.ok(error instanceof EngineError);
  assert.match(error.message, /crashed .* ran out of memory/);
});

test('cancel stops within one batch of the engine seeing it', async () => {
  const abort = new AbortController();
  const steps: number[] = [];
  const summary = await train(
    { file: fixture('long-training'), backend: 'cpu', probeEverySteps: 1000, signal: abort.signal },
    (record) => {
      if (record.type !== 'steps') return;
      for (const { step } of record.losses) steps.push(step);
      if (steps[steps.length - 1] === 20) abort.abort();
    },
  );
  assert.equal(summary.cancelled, true);
  // The batch that saw the cancel is the last one: tfjs stops training at its end.
  assert.equal(steps[steps.length - 1], 20);
});

test('cancelling the training process reports a cancelled run and frees its tensors', async () => {
  const abort = new AbortController();
  const summary = await trainInProcess(
    { file: fixture('long-training'), backend: 'cpu', probeEverySteps: 1000 },
    (record) => {
      if (record.type === 'steps' && record.losses.some((loss) => loss.step >= 20)) abort.abort();
    },
    { signal: abort.signal },
  );
  assert.equal(summary.cancelled, true);
  assert.ok(summary.history.length < 1000);
  assert.equal(summary.leakedTensors, 0, 'a cancelled run frees its tensors too');
});

test('every step’s loss reaches the host once, in order, before the record of its epoch', async () => {
  const seen: string[] = [];
  let nextStep = 0;
  const summary = await trainInProcess(
    { file: fixture('tiny-classifier'), backend: 'cpu', probeEverySteps: 5 },
    (record) => {
      if (record.type === 'start') seen.push(`start ${record.stepsPerEpoch}`);
      if (record.type === 'epoch') seen.push(`epoch ${record.epoch} after ${nextStep}`);
      if (record.type !== 'steps') return;
      for (const loss of record.losses) {
        assert.equal(loss.step, nextStep++, 'steps arrive once each, in order');
        assert.ok(Number.isFinite(loss.loss));
      }
      seen.push(`steps to ${nextStep}`);
    },
  );
  const stepsPerEpoch = Number(seen[0].split(' ')[1]);
  assert.equal(nextStep, summary.history.length * stepsPerEpoch);
  const epochLines = seen.filter((line) => line.startsWith('epoch'));
  assert.deepEqual(epochLines, summary.history.map((record) => `epoch ${record.epoch} after ${(record.epoch + 1) * stepsPerEpoch}`));
});
