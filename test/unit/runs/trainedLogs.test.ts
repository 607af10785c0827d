/**
 * Real `deepscope train` runs (in-process CLI, training in its own process) leave run logs whose every
 * line is a record of schema/run-log.schema.json, in the order readers expect.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readRunLogFile } from '../../../src/runs/core/readRunLog';
import { DEFAULT_RUNS_DIRECTORY } from '../../../src/runs/core/runLogFiles';
import { lineOf, zooFile } from '../diagnosis/zoo';
import { fixture } from '../engine/fixtures';
import { runCliIn } from '../support/cli';
import { recordValidator } from './runLogSchema';
import { scratchDir } from '../../support/scratch';

const matchesSchema = recordValidator({ closed: true });

/** Trains `file` from a fresh scratch folder; returns the exit code, stderr and the logs it left. */
async function train(file: string, ...options: string[]): Promise<{ code: number; err: string[]; logs: string[] }> {
  const cwd = scratchDir('runlog');
  const { code, err } = await runCliIn(cwd, 'train', file, '--backend', 'cpu', ...options);
  const dir = path.join(cwd, DEFAULT_RUNS_DIRECTORY);
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // no runs folder: no log
  }
  return { code, err, logs: names.map((name) => path.join(dir, name)) };
}

/** The log's records as plain JSON, each checked against the schema (closed: no property it does not name). */
function validRecords(file: string): { type: string; [key: string]: unknown }[] {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.endsWith('\n'), 'the last line is complete');
  return text
    .trimEnd()
    .split('\n')
    .map((line, index) => {
      const record = JSON.parse(line) as { type: string };
      const problem = matchesSchema(record);
      assert.equal(problem, undefined, `line ${index + 1} (${record.type}): ${problem}`);
      return record;
    });
}

test('a finished run: one log, start first, every step once, probes, epochs, end last, every record valid', async () => {
  const { code, logs } = await train(fixture('tiny-classifier'));
  assert.equal(code, 0);
  assert.equal(logs.length, 1);
  assert.match(path.basename(logs[0]), /^\d{8}-\d{6}-\d{3}-tiny-classifier-[a-z0-9]+\.jsonl$/);
  const records = validRecords(logs[0]);
  assert.equal(records[0].type, 'start');
  assert.equal(records.filter((record) => record.type === 'start').length, 1);
  const last = records[records.length - 1];
  assert.deepEqual([last.type, last.status], ['end', 'finished']);
  const steps = records.flatMap((record) => (record.type === 'steps' ? (record.losses as { step: number }[]).map((loss) => loss.step) : []));
  const { epochs, stepsPerEpoch } = records[0] as unknown as { epochs: number; stepsPerEpoch: number };
  assert.deepEqual(steps, Array.from({ length: epochs * stepsPerEpoch }, (_, step) => step));
  assert.ok(records.some((record) => record.type === 'probe'));
  assert.deepEqual(records.filter((record) => record.type === 'epoch').map((record) => record.epoch), [0, 1, 2, 3]);
  assert.equal(readRunLogFile(logs[0]).interrupted, false);
});

test('a diverging run logs its NaN and Infinity as the schema says', async () => {
  const { code, logs } = await train(zooFile('learning-rate-10'), '--epochs', '3');
  assert.equal(code, 0);
  assert.equal(logs.length, 1);
  const records = validRecords(logs[0]);
  assert.match(readFileSync(logs[0], 'utf8'), /"(NaN|Infinity|-Infinity)"/, 'the run did produce non-finite numbers');
  assert.ok(records.some((record) => record.type === 'findings' && (record.findings as { rule: string }[]).some((finding) => finding.rule === 'nan-loss')));
  assert.equal(records[records.length - 1].type, 'end');
});

test('a run that fails after it started ends with an error record that says where', async () => {
  const file = fixture('bad-schedule');
  const { code, err, logs } = await train(file);
  assert.equal(code, 2);
  assert.ok(err.some((line) => line.startsWith(`${file}:${lineOf(file, 'export const training')}:1: training.learningRate(1) returned -1`)), err.join('\n'));
  assert.equal(logs.length, 1);
  const records = validRecords(logs[0]);
  assert.equal(records[0].type, 'start');
  assert.ok(records.some((record) => record.type === 'epoch'), 'the first epoch was logged before the failure');
  const last = records[records.length - 1];
  assert.deepEqual([last.type, last.kind, last.location], ['error', 'config', { file, line: lineOf(file, 'export const training'), column: 1 }]);
});

test('a run that fails before it starts leaves no log (readers refuse a log without start)', async () => {
  const file = fixture('wrong-shape');
  const { code, err, logs } = await train(file);
  assert.equal(code, 2);
  assert.match(err.join('\n'), /wrong-shape\.ts:7:1: x has shape \[8, 3\]/);
  assert.ok(!err.some((line) => line.startsWith('Run log:')), err.join('\n'));
  assert.deepEqual(logs, []);
});
