import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { train } from '../../../src/engine/train';
import type { ProbeFrame } from '../../../src/runs/core/trainingData';
import { fixture } from './fixtures';

test('trains a model module: history per epoch, the schedule\'s learning rate, a probe of every layer', async () => {
  const baseline = tf.memory().numTensors;
  const frames: ProbeFrame[] = [];
  const summary = await train({ file: fixture('tiny-classifier'), backend: 'auto', probeEverySteps: 3 }, (record) => {
    if (record.type === 'probe') frames.push(record);
  });

  assert.equal(summary.history.length, 4);
  assert.deepEqual(summary.history.map((record) => record.lr), [0.1, 0.1, 0.05, 0.05], 'step decay, halved every 2 epochs');
  for (const record of summary.history) {
    assert.ok(Number.isFinite(record.loss));
    assert.ok(record.metrics.acc >= 0 && record.metrics.acc <= 1);
    assert.ok(record.valLoss !== undefined && Number.isFinite(record.valLoss), 'validation loss from validation data');
  }
  assert.ok(summary.history[3].loss < summary.history[0].loss, 'the loss goes down');
  assert.ok(['tensorflow', 'wasm', 'cpu'].includes(summary.start.backend));
  assert.deepEqual(summary.start.layers.map((layer) => [layer.name, layer.activation]), [['hidden', 'relu'], ['output', 'softmax']]);
  assert.equal(summary.start.stepsPerEpoch, 6);

  // Steps 0, 3 and the last step (5) of each epoch.
  assert.deepEqual(frames.slice(0, 3).map((frame) => frame.step), [0, 3, 5]);
  const [hidden, output] = frames.at(-1)!.layers;
  assert.equal(hidden.layer, summary.start.layers[0].name);
  assert.equal(hidden.activations.min >= 0, true, 'ReLU outputs are never negative');
  assert.ok(hidden.preActivations && hidden.preActivations.min < 0, 'pre-activations of a ReLU layer go below zero');
  const counted = hidden.activations.histogram.counts.reduce((sum, count) => sum + count, 0);
  assert.equal(counted, hidden.activations.count, 'every value falls in a bin');
  assert.equal(hidden.activations.percentiles.length, 9);
  assert.ok(Math.abs(output.activations.mean - 1 / 3) < 1e-5, 'softmax outputs of 3 classes average 1/3');
  const kernel = hidden.weights.find((weight) => weight.name.endsWith('kernel'))!;
  assert.ok(kernel.gradient && kernel.gradient.norm > 0 && Number.isFinite(kernel.gradient.norm));
  assert.ok(kernel.updateRatio !== undefined && kernel.updateRatio > 0 && kernel.updateRatio < 1);
  assert.deepEqual(kernel.shape, [2, 16]);

  assert.equal(tf.memory().numTensors, baseline, 'every tensor of the run is freed');
});

test('watches only the layers asked for', async () => {
  const frames: ProbeFrame[] = [];
  const first = 'hidden';
  const watched = await train(
    { file: fixture('tiny-classifier'), backend: 'cpu', epochs: 1, probeEverySteps: 100, watchLayers: [first] },
    (record) => {
      if (record.type === 'probe') frames.push(record);
    },
  );
  assert.deepEqual(watched.start.watchedLayers, [first]);
  assert.deepEqual(frames.at(-1)!.layers.map((layer) => layer.layer), [first]);
});

test('uses the unsaved text of an editor instead of the file on disk', async () => {
  const { readFileSync } = await import('node:fs');
  const file = fixture('tiny-classifier');
  const edited = readFileSync(file, 'utf8').replace('epochs: 4', 'epochs: 2');
  const summary = await train({ file, contents: edited, backend: 'cpu', probeEverySteps: 100 });
  assert.equal(summary.history.length, 2);
});

test('20 runs in a row leave no tensor behind and do not grow the heap', async () => {
  const baseline = tf.memory().numTensors;
  const heapAfter: number[] = [];
  for (let run = 0; run < 20; run++) {
    await train({ file: fixture('tiny-classifier'), backend: 'cpu', epochs: 1, probeEverySteps: 2 });
    assert.equal(tf.memory().numTensors, baseline, `tensors leaked by run ${run + 1}`);
    if (run === 4 || run === 19) {
      (globalThis as { gc?: () => void }).gc?.();
      heapAfter.push(process.memoryUsage().heapUsed);
    }
  }
  // 15 more runs after warm-up: well under 1 MB each would still be a leak; allow GC noise only.
  const growthMb = (heapAfter[1] - heapAfter[0]) / 2 ** 20;
  assert.ok(growthMb < 30, `heap grew by ${growthMb.toFixed(1)} MB over 15 runs`);
});

test('a run is reproducible: same module, same seed, same losses (batch order included)', async () => {
  const run = () => train({ file: fixture('tiny-classifier'), backend: 'cpu', epochs: 2, probeEverySteps: 100 });
  const [first, second] = [await run(), await run()];
  assert.deepEqual(second.history.map((r) => r.loss), first.history.map((r) => r.loss));
  const reseeded = await train({ file: fixture('tiny-classifier'), backend: 'cpu', epochs: 2, probeEverySteps: 100, seed: 7 });
  assert.notDeepEqual(reseeded.history.map((r) => r.loss), first.history.map((r) => r.loss), 'another seed shuffles differently');
  const before = Math.random;
  await run();
  assert.equal(Math.random, before, 'Math.random is given back after the run');
});
