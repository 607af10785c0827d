/** The runs folder: run ids, the list of runs, pruning to the last N runs of each model file. */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { listRunLogs, newRunId, pruneRunLogs, runIdOf, runLogPath, runsDirectory } from '../../../src/runs/core/runLogFiles';
import type { RunRecord } from '../../../src/runs/core/runRecord';
import { lines, runRecords } from './records';
import { scratchDir } from '../../support/scratch';

const scratch = (): string => scratchDir('runs');

/** Writes a log for a run of `modelFile` started at `at`; returns its path. */
function writeLog(dir: string, modelFile: string, at: Date, records: RunRecord[] = runRecords({ modelFile, startedAt: at.toISOString(), ending: 'end' })): string {
  const file = runLogPath(dir, newRunId(modelFile, at));
  writeFileSync(file, lines(records));
  return file;
}

test('run ids sort as their start times do, and name the model file', () => {
  // Across a millisecond, a second, an hour, a day, a month, a year and a 9 → 10 in every field.
  const times = [
    new Date(2026, 0, 9, 9, 9, 9, 9),
    new Date(2026, 0, 9, 9, 9, 9, 10),
    new Date(2026, 0, 9, 9, 9, 10, 0),
    new Date(2026, 0, 9, 10, 0, 0, 0),
    new Date(2026, 0, 10, 0, 0, 0, 0),
    new Date(2026, 8, 30, 23, 59, 59, 999),
    new Date(2026, 9, 1, 0, 0, 0, 0),
    new Date(2027, 0, 1, 0, 0, 0, 0),
  ];
  // Model names that sort the other way round: the time decides, not the name.
  const ids = times.map((time, i) => newRunId(`/work/${String.fromCharCode(122 - i)}-model.ts`, time));
  assert.deepEqual([...ids].sort(), ids);
  assert.match(newRunId('/work/my model (2).ts', times[0]), /^20260109-090909-009-my-model-2--[a-z0-9]{1,4}$/);
  assert.notEqual(newRunId('/work/a.ts', times[0]), newRunId('/work/a.ts', times[0]), 'two runs in the same millisecond');
});

test('the runs folder: the default under the base, or the one given, relative to the base', () => {
  assert.equal(runsDirectory('/work'), path.join('/work', '.deepscope', 'runs'));
  assert.equal(runsDirectory('/work', ' '), path.join('/work', '.deepscope', 'runs'));
  assert.equal(runsDirectory('/work', 'logs'), path.join('/work', 'logs'));
  assert.equal(runsDirectory('/work', '/tmp/logs'), '/tmp/logs');
});

test('the list: most recent first, with status, epochs, final loss and findings; unreadable logs apart', () => {
  const dir = scratch();
  const finished = writeLog(dir, '/work/a.ts', new Date(2026, 11, 1, 10));
  const interrupted = writeLog(dir, '/work/a.ts', new Date(2026, 11, 1, 11), runRecords({ modelFile: '/work/a.ts' }));
  const failed = writeLog(dir, '/work/b.ts', new Date(2026, 11, 1, 12), runRecords({ modelFile: '/work/b.ts', ending: 'error' }));
  const [start, ...rest] = runRecords({ modelFile: '/work/c.ts' });
  const found = writeLog(dir, '/work/c.ts', new Date(2026, 11, 1, 13), [
    start,
    ...rest.filter((record) => record.type !== 'findings'),
    { type: 'findings', findings: [{ rule: 'plateau', severity: 'warning', epoch: 1, evidence: {}, message: { en: 'm', fr: 'm' }, topic: 'optim-sgd', fix: { en: 'f', fr: 'f' } }] },
    { type: 'end', status: 'cancelled', endedAt: '2026-12-01T13:01:00.000Z' },
  ]);
  writeFileSync(path.join(dir, 'broken.jsonl'), '{"type":"steps","losses":[]}\n');
  writeFileSync(path.join(dir, 'notes.txt'), 'not a log');

  const { runs, problems } = listRunLogs(dir);
  assert.deepEqual(
    runs.map((run) => [run.file, run.status, run.epochs, run.finalLoss, run.findings]),
    [
      [found, 'cancelled', 2, 0.75, 1],
      [failed, 'failed', 2, 0.75, 0],
      [interrupted, 'interrupted', 2, 0.75, 0],
      [finished, 'finished', 2, 0.75, 0],
    ],
  );
  assert.deepEqual(runs.at(-1), { id: runIdOf(finished), file: finished, startedAt: new Date(2026, 11, 1, 10).getTime(), modelFile: '/work/a.ts', backend: 'cpu', status: 'finished', epochs: 2, finalLoss: 0.75, findings: 0 });
  assert.deepEqual(problems.map((problem) => [path.basename(problem.file), problem.line]), [['broken.jsonl', 1]]);
  assert.deepEqual(listRunLogs(path.join(dir, 'missing')), { runs: [], problems: [] });
});

test('pruning keeps the last N runs of each model file and leaves unreadable logs alone', () => {
  const dir = scratch();
  const a = [10, 11, 12].map((hour) => writeLog(dir, '/work/a.ts', new Date(2026, 11, 1, hour)));
  const b = [9, 13].map((hour) => writeLog(dir, '/work/b.ts', new Date(2026, 11, 1, hour)));
  const unreadable = path.join(dir, '20261201-080000-000-a-zzzz.jsonl');
  writeFileSync(unreadable, 'not json\n');

  const deleted = pruneRunLogs(dir, 2);
  assert.deepEqual(deleted, [a[0]]);
  assert.deepEqual(readdirSync(dir).sort(), [...a.slice(1), ...b, unreadable].map((file) => path.basename(file)).sort());

  assert.deepEqual(pruneRunLogs(dir, 1).sort(), [a[1], b[0]].sort());
  assert.ok(existsSync(unreadable));
  assert.ok(existsSync(a[2]) && existsSync(b[1]), 'the most recent run of each file is kept');
});
