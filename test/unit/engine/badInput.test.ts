import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { EngineError } from '../../../src/engine/engineError';
import { train } from '../../../src/engine/train';
import { fixture } from './fixtures';

/** Trains `name` and returns the EngineError it must fail with; the tensors must all be freed. */
async function failure(name: string, contents?: string): Promise<EngineError> {
  const baseline = tf.memory().numTensors;
  const error = await train({ file: fixture(name), contents, backend: 'cpu', probeEverySteps: 10 }).then(
    () => assert.fail(`${name} trained, but it should have been refused`),
    (error: unknown) => error,
  );
  assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
  assert.equal(tf.memory().numTensors, baseline, `${name}: tensors leaked on the error path`);
  return error;
}

test('a syntax error points at its line and column', async () => {
  const error = await failure('syntax-error');
  assert.equal(error.kind, 'syntax');
  assert.equal(error.location?.file, fixture('syntax-error'));
  assert.equal(error.location?.line, 4);
  assert.match(error.format(), /syntax-error\.ts:4:\d+: /);
});

test('a missing export is named, with the contract', async () => {
  const error = await failure('missing-export');
  assert.equal(error.kind, 'missing-export');
  assert.match(error.message, /does not export loadData\(\)/);
  assert.match(error.message, /createModel\(\), loadData\(\) and training/);
});

test('an error thrown by createModel() points at the throwing line of the source', async () => {
  const error = await failure('throws-in-create');
  assert.equal(error.kind, 'module-threw');
  assert.match(error.message, /createModel\(\) threw: units must be a number/);
  assert.equal(error.location?.line, 6, 'the throw statement, mapped back through the source map');
});

test('data that does not fit the model says which shape is expected', async () => {
  const error = await failure('wrong-shape');
  assert.equal(error.kind, 'shape');
  assert.match(error.message, /x has shape \[8, 3\] but the model's input expects \[batch, 2\]/);
  assert.equal(error.location?.line, 7, 'the loadData line');
});

test('NaN in the data is refused before training, with the sample', async () => {
  const error = await failure('nan-data');
  assert.equal(error.kind, 'bad-data');
  assert.match(error.message, /x holds 1 NaN or infinite value\(s\), the first in sample 1/);
});

test('an empty dataset is refused', async () => {
  const error = await failure('empty-data');
  assert.equal(error.kind, 'bad-data');
  assert.match(error.message, /x is empty/);
});

test('an invalid training field is named', async () => {
  const source = (await import('node:fs')).readFileSync(fixture('tiny-classifier'), 'utf8').replace('batchSize: 16', "batchSize: 'big'");
  const error = await failure('tiny-classifier', source);
  assert.equal(error.kind, 'config');
  assert.match(error.message, /training\.batchSize must be a positive whole number, got "big"/);
});

test('a schedule that returns a negative rate is refused at that epoch', async () => {
  const source = (await import('node:fs'))
    .readFileSync(fixture('tiny-classifier'), 'utf8')
    .replace('learningRate: (epoch: number) => 0.1 * Math.pow(0.5, Math.floor(epoch / 2))', 'learningRate: (epoch: number) => 0.1 - epoch');
  const error = await failure('tiny-classifier', source);
  assert.equal(error.kind, 'config');
  assert.match(error.message, /training\.learningRate\(1\) returned -0\.9/);
});

test('a missing file is reported, not thrown as a raw ENOENT', async () => {
  const error = await failure('no-such-model');
  assert.match(error.message, /Cannot read the model module/);
});
