import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { EngineError } from '../../../src/engine/engineError';
import { trainInProcess } from '../../../src/engine/worker/trainInProcess';
import type { ProbeFrame } from '../../../src/shared/trainingData';
import { fixture } from './fixtures';

function workerProcessCount(): number {
  const lines = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes('trainingWorker')).length;
}

test('trains in a separate process and relays its events, typed arrays included', async () => {
  const before = workerProcessCount();
  const frames: ProbeFrame[] = [];
  const epochs: number[] = [];
  const summary = await trainInProcess(
    { file: fixture('tiny-classifier'), backend: 'auto', probeEverySteps: 5 },
    { onProbe: (frame) => frames.push(frame), onEpoch: (record) => epochs.push(record.epoch) },
  );
  assert.deepEqual(epochs, [0, 1, 2, 3]);
  assert.equal(summary.history.length, 4);
  assert.equal(summary.leakedTensors, 0, 'the training process freed every tensor');
  assert.ok(frames.length > 0);
  assert.ok(frames[0].layers[0].activations.histogram.counts instanceof Float32Array, 'bins cross as a typed array');
  assert.equal(workerProcessCount(), before, 'no training process outlives its run');
});

test('a model-module error in the process is the same EngineError, with its location', async () => {
  const error = await trainInProcess({ file: fixture('wrong-shape'), backend: 'cpu', probeEverySteps: 10 }, {}).catch((e: unknown) => e);
  assert.ok(error instanceof EngineError);
  assert.equal(error.kind, 'shape');
  assert.equal(error.location?.line, 7);
});

test('a crashing training process is reported and the caller keeps going', async () => {
  const error = await trainInProcess({ file: fixture('crash'), backend: 'cpu', probeEverySteps: 10 }, {}).catch((e: unknown) => e);
  assert.ok(error instanceof EngineError);
  assert.match(error.message, /The training process crashed \(exit code 134\)/);
  // The next run works.
  const summary = await trainInProcess({ file: fixture('tiny-classifier'), backend: 'cpu', epochs: 1, probeEverySteps: 10 }, {});
  assert.equal(summary.history.length, 1);
});

test('a training process that runs out of memory is reported as such', async () => {
  const error = await trainInProcess({ file: fixture('out-of-memory'), backend: 'cpu', probeEverySteps: 10 }, {}, { maxMemoryMb: 96 }).catch(
    (e: unknown) => e,
  );
  assert.ok(error instanceof EngineError);
  assert.match(error.message, /crashed .* ran out of memory/);
});

test('cancel stops within one batch and reports a cancelled run', async () => {
  const abort = new AbortController();
  let batchesAfterCancel = 0;
  let cancelledAt: number | undefined;
  const summary = await trainInProcess(
    { file: fixture('long-training'), backend: 'cpu', probeEverySteps: 1000 },
    {
      onBatch: (step) => {
        if (cancelledAt === undefined && step >= 20) {
          cancelledAt = step;
          abort.abort();
        } else if (cancelledAt !== undefined) {
          batchesAfterCancel += 1;
        }
      },
    },
    { signal: abort.signal },
  );
  assert.equal(summary.cancelled, true);
  assert.ok(summary.history.length < 1000);
  // Batch messages are throttled, so at most the batch in flight is reported after the cancel.
  assert.ok(batchesAfterCancel <= 1, `${batchesAfterCancel} batches ran after cancel`);
  assert.equal(summary.leakedTensors, 0, 'a cancelled run frees its tensors too');
});
