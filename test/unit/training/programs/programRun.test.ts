/**
 * `deepscope run` on programs written in the styles of public tfjs examples (test/fixtures/programs):
 * each runs unchanged, with the same output and exit code as under node, and its run says which line
 * built each layer.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { encodeRecord } from '../../../../src/runs/core/runLogFormat';
import type { StartRecord } from '../../../../src/runs/core/runRecord';
import { lineOf } from '../../diagnosis/zoo';
import { recordValidator } from '../../runs/runLogSchema';
import { PROGRAMS, runProgram, runWithNode } from './programRunner';
import { scratchDir } from '../../../support/scratch';

const matchesSchema = recordValidator({ closed: true });

function startOf(records: readonly { type: string }[]): StartRecord {
  const start = records.find((record) => record.type === 'start');
  assert.ok(start, 'a start record');
  return start as StartRecord;
}

const TRAINING_PROGRAMS: [file: string, layer: string, createdBy: string][] = [
  ['attention-seq2seq.js', 'scale', 'new ScaleLayer('],
  ['csv-regression.mjs', 'dense_Dense2', 'tf.layers.dense({ units: 1'],
  ['csv-regression-tla.mjs', 'dense_Dense1', 'tf.layers.dense({'],
  ['cnn-generator.ts', 'conv2d_Conv2D1', 'model.add(tf.layers.conv2d({'],
];

for (const [name, layer, createdBy] of TRAINING_PROGRAMS) {
  test(`${name}: same output and exit code as node; every record valid; ${layer} on the line that built it`, async () => {
    const file = path.join(PROGRAMS, name);
    const [watched, plain] = [await runProgram(file), runWithNode(file)];
    assert.equal(watched.outcome.exitCode, plain.status, watched.stderr);
    assert.equal(watched.stdout, plain.stdout, 'the program prints the same, losses included (same seed, same backend)');
    for (const record of watched.records) assert.equal(matchesSchema(JSON.parse(encodeRecord(record))), undefined, record.type);
    const start = startOf(watched.records);
    assert.equal(start.modelFile, file);
    const info = start.layers.find((candidate) => candidate.name === layer);
    assert.ok(info?.source, `${layer} has a source`);
    assert.equal(info.source.file, file);
    // The statement may span lines: the layer is created on or just after the line that starts it.
    const line = lineOf(file, createdBy);
    assert.ok(info.source.line >= line && info.source.line <= line + 1, `${layer} at line ${info.source.line}, built at ${line}`);
    assert.ok(start.sites?.optimizer && start.sites.optimizer.line === lineOf(file, '.compile('), 'the compile line');
    assert.ok(watched.records.some((record) => record.type === 'probe'), 'probes');
    assert.equal(watched.records.at(-1)?.type, 'end');
  });
}

test('a program that exits with code 3 exits with code 3, and its log says so', async () => {
  const run = await runProgram(path.join(PROGRAMS, 'exit-code.js'));
  assert.equal(run.outcome.exitCode, 3);
  const last = run.records.at(-1);
  assert.ok(last?.type === 'error' && last.kind === 'program');
  assert.match(last.message, /exited with code 3/);
});

test('a throw in fit: exit code 1 as under node, the error on the user\'s line, a log with a start', async () => {
  const file = path.join(PROGRAMS, 'throws.js');
  const run = await runProgram(file);
  assert.equal(run.outcome.exitCode, runWithNode(file).status);
  const last = run.records.at(-1);
  assert.ok(last?.type === 'error' && last.kind === 'module-threw', JSON.stringify(last));
  assert.equal(last.location?.file, file);
  assert.equal(last.location?.line, lineOf(file, 'await model.fit('));
  assert.equal(run.records[0].type, 'start');
});

test('a program that never trains ends normally and its log says there was nothing to watch', async () => {
  const run = await runProgram(path.join(PROGRAMS, 'never-trains.js'));
  assert.equal(run.outcome.exitCode, 0);
  assert.equal(run.outcome.trained, false);
  const last = run.records.at(-1);
  assert.ok(last?.type === 'error' && /without calling fit/.test(last.message));
});

test('Stop kills a program stuck before its first fit; the log ends cancelled', async () => {
  const folder = scratchDir('program');
  const file = path.join(folder, 'loops.js');
  writeFileSync(file, "require('@tensorflow/tfjs');\nconsole.log('looping');\nfor (;;) {}\n");
  const abort = new AbortController();
  const running = runProgram(file, { signal: abort.signal });
  setTimeout(() => abort.abort(), 2_000);
  const run = await running;
  assert.equal(run.outcome.cancelled, true);
  assert.equal(run.outcome.signal, 'SIGKILL');
  assert.deepEqual(run.records.map((record) => record.type), ['start', 'end']);
});

test('a tfjs-node program runs on DeepScope\'s backend: its arguments, file:// save and load; tf.node names what to install', async () => {
  const out = scratchDir('model');
  const run = await runProgram(path.join(PROGRAMS, 'node-cli-train.js'), { args: ['--epochs', '2', '--out', out] });
  assert.equal(run.outcome.exitCode, 0, run.stderr);
  assert.ok(existsSync(path.join(out, 'model.json')) && existsSync(path.join(out, 'weights.bin')));
  assert.match(run.stdout, /reloaded model: P\(class 1/);
  assert.equal(run.records.filter((record) => record.type === 'epoch').length, 2, '--epochs 2 reached the program');

  const file = path.join(out, 'board.js');
  writeFileSync(file, "const tf = require('@tensorflow/tfjs-node');\ntf.node.tensorBoard('/tmp/logs');\n");
  const board = await runProgram(file);
  assert.equal(board.outcome.exitCode, 1);
  const last = board.records.at(-1);
  assert.ok(last?.type === 'error');
  assert.match(last.message, /tf\.node\.tensorBoard needs the native TensorFlow backend/);
  assert.match(last.message, /npm install @tensorflow\/tfjs-node/);
});

test('a custom loop that calls watch(model) from deepscope: every minimize is a step, probes have gradients, results unchanged', async () => {
  const file = path.join(PROGRAMS, 'custom-loop.js');
  const [watched, plain] = [await runProgram(file), runWithNode(file)];
  assert.equal(watched.outcome.exitCode, 0, watched.stderr);
  assert.equal(watched.stdout, plain.stdout, 'same losses and learned weights as without DeepScope');
  const steps = watched.records.flatMap((record) => (record.type === 'steps' ? record.losses : []));
  assert.deepEqual(steps.map((loss) => loss.step), Array.from({ length: 30 }, (_, i) => i));
  const probes = watched.records.filter((record) => record.type === 'probe');
  assert.ok(probes.length >= 5, `probes every 5 steps, got ${probes.length}`);
  assert.ok(probes.every((probe) => probe.type === 'probe' && probe.layers[0].weights[0].gradient !== undefined), 'gradients of the program\'s own loss');
  assert.equal(startOf(watched.records).layers[0].source?.line, lineOf(file, 'model.add(tf.layers.dense({'));
});

test('two models, two fits: watch(model) picks the classifier although the autoencoder trains first; its two fits are one run', async () => {
  const file = path.join(PROGRAMS, 'two-models.js');
  const [watched, plain] = [await runProgram(file), runWithNode(file)];
  assert.equal(watched.outcome.exitCode, 0, watched.stderr);
  assert.equal(watched.stdout, plain.stdout, 'same losses as without DeepScope');
  assert.equal(startOf(watched.records).layers[0].source?.line, lineOf(file, "classifier.add(tf.layers.dense({ inputShape: [2], units: 16"));
  const epochs = watched.records.flatMap((record) => (record.type === 'epoch' ? [record] : []));
  assert.deepEqual(epochs.map((record) => [record.epoch, record.fit]), [[0, 0], [1, 0], [2, 1], [3, 1], [4, 1]]);
  assert.deepEqual(epochs.map((record) => record.lr), [0.01, 0.01, 0.1, 0.1, 0.1], 'the rate the program set between its fits');
  const end = watched.records.at(-1);
  assert.equal(end?.type, 'end');
  assert.deepEqual(end?.type === 'end' ? end.unwatchedModels : undefined, ['autoencoder']);
  for (const record of watched.records) assert.equal(matchesSchema(JSON.parse(encodeRecord(record))), undefined, record.type);
});

test('a program written for babel-node (import/export in a CommonJS package, extensionless imports) runs as babel-node runs it', async () => {
  const file = path.join(PROGRAMS, 'babel-style', 'train.js');
  const plain = spawnSync(process.execPath, [file, '2'], { cwd: path.dirname(file), encoding: 'utf8' });
  assert.match(plain.stderr, /Cannot find module '.*babel-style.data' imported from .*train.js/, 'plain node cannot run it: this is what the test is about');
  const run = await runProgram(file, { args: ['2'] });
  assert.equal(run.outcome.exitCode, 0, run.stderr);
  assert.match(run.stdout, /^final loss \d\.\d{4}$/m);
  const model = path.join(PROGRAMS, 'babel-style', 'model.js');
  const hidden = startOf(run.records).layers[0];
  assert.equal(hidden.source?.file, model, 'the layer points at the file that built it');
  assert.equal(hidden.source?.line, lineOf(model, 'model.add(tf.layers.dense({'));
  assert.equal(run.records.filter((record) => record.type === 'epoch').length, 2);
});

test('a trainOnBatch loop with no watch(): each batch is a step, probes on the program\'s batch, output unchanged', async () => {
  const file = path.join(PROGRAMS, 'train-on-batch.js');
  const [watched, plain] = [await runProgram(file), runWithNode(file)];
  assert.equal(watched.outcome.exitCode, 0, watched.stderr);
  assert.equal(watched.stdout, plain.stdout, 'the same losses, batch by batch');
  for (const record of watched.records) assert.equal(matchesSchema(JSON.parse(encodeRecord(record))), undefined, record.type);
  const printed = [...plain.stdout.matchAll(/loss (\d\.\d+)/g)].map((match) => Number(match[1]));
  const steps = watched.records.flatMap((record) => (record.type === 'steps' ? record.losses : []));
  assert.equal(steps.length, 18, 'one step per trainOnBatch');
  steps.forEach((step, index) => assert.ok(Math.abs(step.loss - printed[index]) < 1e-5, `step ${index}: ${step.loss} vs printed ${printed[index]}`));
  const probes = watched.records.filter((record) => record.type === 'probe');
  assert.equal(probes.length, 4, 'every 5 steps: 0, 5, 10, 15');
  const hidden = startOf(watched.records).layers[0];
  assert.equal(hidden.source?.line, lineOf(file, 'discriminator.add(tf.layers.dense({ inputShape: [3]'));
  assert.equal(watched.records.at(-1)?.type, 'end');
});

test('a variableGrads + applyGradients loop after watch(model): each applyGradients is a step with the loss the program took', async () => {
  const file = path.join(PROGRAMS, 'apply-gradients.js');
  const [watched, plain] = [await runProgram(file), runWithNode(file)];
  assert.equal(watched.outcome.exitCode, 0, watched.stderr);
  assert.equal(watched.stdout, plain.stdout, 'the same losses as without DeepScope');
  const printed = (/^losses (.*)$/m.exec(plain.stdout)?.[1] ?? '').split(' ').map(Number);
  const steps = watched.records.flatMap((record) => (record.type === 'steps' ? record.losses : []));
  assert.deepEqual(steps.map((loss) => loss.step), Array.from({ length: 12 }, (_, i) => i));
  steps.forEach((step, index) => assert.ok(Math.abs(step.loss - printed[index]) < 1e-5, `step ${index}: ${step.loss} vs ${printed[index]}`));
  const probes = watched.records.filter((record) => record.type === 'probe');
  assert.equal(probes.length, 3, 'steps 0, 5 and 10');
  const kernels = probes.map((probe) => (probe.type === 'probe' ? probe.layers[0].weights[0] : undefined));
  assert.ok(kernels.every((kernel) => kernel?.gradient !== undefined), 'gradients of the program\'s own loss');
  // The first probe starts the run, after its step's update: the ratio needs the weights from before one.
  assert.ok(kernels.slice(1).every((kernel) => kernel?.updateRatio !== undefined && kernel.updateRatio > 0), 'update ratios of the applied gradients');
  assert.equal(startOf(watched.records).layers[0].source?.line, lineOf(file, 'network.add(tf.layers.dense({ inputShape: [2]'));
});
