/** Reading a run log: a torn last line is skipped, anything else wrong is one RunLogError with file:line. */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseRunLog, readRunLogFile, RunLogError } from '../../../src/runs/core/readRunLog';
import { encodeRecord } from '../../../src/runs/core/runLogFormat';
import { lines, runRecords, startRecord } from './records';
import { scratchDir } from '../../support/scratch';

const FILE = '/runs/20261202-183525-123-model-abcd.jsonl';

/** The RunLogError parsing `text` throws (fails the test when it throws nothing, or something else). */
function failure(text: string): RunLogError {
  try {
    parseRunLog(text, FILE);
  } catch (error) {
    assert.ok(error instanceof RunLogError, String(error));
    return error;
  }
  assert.fail('the log was read without error');
}

test('a complete log: every record, start first, not interrupted', () => {
  const records = runRecords({ ending: 'end' });
  const log = parseRunLog(lines(records), FILE);
  assert.deepEqual(log.records, records);
  assert.equal(log.start, log.records[0]);
  assert.equal(log.interrupted, false);
  assert.equal(parseRunLog(lines(runRecords({ ending: 'error' })), FILE).interrupted, false);
});

test('a torn last line is skipped, and the log without end reads as interrupted', () => {
  const records = runRecords();
  const torn = encodeRecord({ type: 'end', status: 'finished', endedAt: '2026-12-02T18:36:00.000Z' }).slice(0, 20);
  const log = parseRunLog(lines(records) + torn, FILE);
  assert.deepEqual(log.records, records);
  assert.equal(log.interrupted, true);
});

test('bad JSON in the middle is an error naming the file and the line', () => {
  const [start, ...rest] = lines(runRecords({ ending: 'end' })).split('\n');
  const error = failure([start, rest[0], '{"type":"steps","losses":[{', ...rest.slice(1)].join('\n'));
  assert.equal(error.file, FILE);
  assert.equal(error.line, 3);
  assert.match(error.message, new RegExp(`^${FILE}:3: this line is not valid JSON`));
});

test('a line cut in the middle of the log is not mistaken for a torn last line', () => {
  const text = lines(runRecords());
  const error = failure(`${text}{"type":"ste\n${encodeRecord({ type: 'end', status: 'finished', endedAt: '2026-12-02T18:36:00.000Z' })}\n`);
  assert.equal(error.line, text.split('\n').length);
});

test('a version this DeepScope does not know', () => {
  const error = failure(lines([{ ...startRecord(), version: 2 }]));
  assert.equal(error.line, 1);
  assert.match(error.message, /:1: run log version 2 is not supported \(this DeepScope reads version 1\)/);
});

test('no start record: an empty log, or a log that begins with another record', () => {
  assert.match(failure('').message, /:1: the log is empty: no start record/);
  assert.match(failure('\n\n').message, /no start record/);
  const [, ...rest] = runRecords({ ending: 'end' });
  assert.match(failure(lines(rest)).message, /:1: the first record must be "start", not "steps"/);
  const error = failure(lines([startRecord(), startRecord()]));
  assert.equal(error.line, 2);
  assert.match(error.message, /a second "start" record/);
});

test('a record of unknown type names the type and the known ones', () => {
  const error = failure(`${lines([startRecord()])}{"type":"checkpoint","step":3}\n`);
  assert.equal(error.line, 2);
  assert.match(error.message, /unknown record type "checkpoint" \(known: start, steps, probe, epoch, findings, end, error\)/);
});

test('a record missing what readers rely on', () => {
  const error = failure(`${lines([startRecord()])}{"type":"epoch","epoch":0,"lr":0.1,"metrics":{}}\n`);
  assert.match(error.message, /:2: "epoch" record: "loss" must be a number/);
});

test('a file that cannot be read is a RunLogError too', () => {
  const missing = path.join(scratchDir('read'), 'gone.jsonl');
  assert.throws(() => readRunLogFile(missing), (error: unknown) => error instanceof RunLogError && /gone\.jsonl:1: cannot read the run log \(ENOENT\)/.test(error.message));
  writeFileSync(missing, lines(runRecords({ ending: 'end' })));
  assert.equal(readRunLogFile(missing).file, missing);
});
