/**
 * Generated modules run: bundled like DeepScope does, each trains one epoch with plain tfjs (cpu) without
 * leaking tensors, and the default spiral model really learns. Seeded data and weights, no shuffling: the
 * numbers are the same on every run.
 */
import * as tf from '@tensorflow/tfjs';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { planScaffold } from '../../../src/scaffold/core/plan';
import { type ModelModule, bundleAndLoad, makeWorkDir, removeWorkDir, train } from '../support/generatedModules';
import { CASES, HOUSES_FILE, housesCsv } from '../support/scaffoldCases';

const dir = makeWorkDir('train');
let modules = new Map<string, ModelModule>();

before(async () => {
  await tf.setBackend('cpu');
  fs.writeFileSync(path.join(dir, HOUSES_FILE), housesCsv());
  for (const [name, options] of Object.entries(CASES)) {
    for (const file of planScaffold(options, `${name}.ts`).files) fs.writeFileSync(path.join(dir, file.relativePath), file.contents);
  }
  modules = await bundleAndLoad(dir, Object.keys(CASES));
});
after(() => removeWorkDir(dir));

function load(name: string): ModelModule {
  const module = modules.get(name);
  assert.ok(module, `module ${name} was not bundled`);
  return module;
}

describe('one epoch of every case', () => {
  for (const name of Object.keys(CASES)) {
    test(name, async () => {
      const baseline = tf.memory().numTensors;
      const result = await train(load(name), 1);
      const loss = result.history.loss?.[0];
      const validationLoss = result.history.val_loss?.[0];
      assert.ok(loss !== undefined && Number.isFinite(loss), `loss ${loss}`);
      assert.ok(validationLoss !== undefined && Number.isFinite(validationLoss), `val_loss ${validationLoss}`);
      assert.equal(result.data.x.shape[0], result.data.y.shape[0]);
      result.dispose();
      assert.equal(tf.memory().numTensors, baseline, 'tensors leaked');
    });
  }
});

describe('data', () => {
  test('loadData is reproducible and splits off 20% for validation', async () => {
    const spiral = load('spiral');
    const first = await spiral.loadData();
    const second = await spiral.loadData();
    assert.deepEqual(first.x.arraySync(), second.x.arraySync());
    assert.deepEqual(first.x.shape, [240, 2]);
    assert.deepEqual(first.y.shape, [240, 3]);
    assert.deepEqual(first.validation?.x.shape, [60, 2]);
    tf.dispose([first.x, first.y, second.x, second.y, first.validation?.x ?? [], first.validation?.y ?? [], second.validation?.x ?? [], second.validation?.y ?? []]);
  });

  test('inputs are centred on the training mean, unless --no-center', async () => {
    const columnMeans = async (name: string): Promise<{ train: number[]; validation: number[] }> => {
      const data = await load(name).loadData();
      const means = { train: tf.tidy(() => data.x.mean(0).arraySync() as number[]), validation: tf.tidy(() => data.validation?.x.mean(0).arraySync() as number[]) };
      tf.dispose([data.x, data.y, data.validation?.x ?? [], data.validation?.y ?? []]);
      return means;
    };
    const centred = await columnMeans('blobs');
    for (const m of centred.train) assert.ok(Math.abs(m) < 1e-4, `training mean ${m}`);
    assert.ok(centred.validation.some((m) => Math.abs(m) > 1e-3), 'validation uses the training mean, not its own');
    const raw = await columnMeans('blobsSigmoidSgdNoCenter');
    for (const m of raw.train) assert.ok(m > 8 && m < 12, `raw blob mean ${m}`);
  });

  test('iris reads the real data set: 150 flowers, 3 species, 4 measurements', async () => {
    const data = await load('iris').loadData();
    assert.equal(data.x.shape[0] + (data.validation?.x.shape[0] ?? 0), 150);
    assert.equal(data.x.shape[1], 4);
    assert.equal(data.y.shape[1], 3);
    tf.dispose([data.x, data.y, data.validation?.x ?? [], data.validation?.y ?? []]);
  });
});

test('the default spiral model learns: well above the 33% of chance in 20 epochs', async () => {
  const baseline = tf.memory().numTensors;
  const result = await train(load('spiral'), 20);
  const accuracy = result.history.acc?.at(-1) ?? 0;
  const validationAccuracy = result.history.val_acc?.at(-1) ?? 0;
  const losses = result.history.loss ?? [];
  result.dispose();
  assert.ok(accuracy > 0.9, `training accuracy ${accuracy}`);
  assert.ok(validationAccuracy > 0.85, `validation accuracy ${validationAccuracy}`);
  assert.ok((losses.at(-1) ?? Infinity) < (losses[0] ?? 0) / 4, `loss ${losses[0]} → ${losses.at(-1)}`);
  assert.equal(tf.memory().numTensors, baseline);
});
