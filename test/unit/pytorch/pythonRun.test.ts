/**
 * PyTorch scripts run by DeepScope's Python process, as `deepscope run` and Run with DeepScope run them:
 * a raise keeps its file:line, a script that never trains says so, and Stop kills the whole process
 * group (DataLoader workers included) with a cancelled end record.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { RunRecord } from '../../../src/runs/core/runRecord';
import { runPythonInProcess } from '../../../src/training/core/pythonInProcess';

const PYTHON = '/usr/bin/python3';
const FIXTURES = path.resolve(__dirname, '../../fixtures/python');
const hasTorch = existsSync(PYTHON) && (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const skip = hasTorch ? false : 'needs /usr/bin/python3 with torch (scripts/ensure-python.sh)';

function run(script: string, signal?: AbortSignal, onRecord: (record: RunRecord) => void = () => undefined) {
  const records: RunRecord[] = [];
  const outcome = runPythonInProcess(
    { file: path.join(FIXTURES, script), args: [], cwd: FIXTURES, stdio: 'pipe', interpreter: { python: PYTHON, from: 'flag' }, probeEverySteps: 5 },
    (record) => {
      records.push(record);
      onRecord(record);
    },
    {},
    signal,
  );
  return { records, outcome };
}

test('a script that raises: its error record points at its own line, the exit code is Python\'s', { skip }, async () => {
  const { records, outcome } = run('raises.py');
  const result = await outcome;
  assert.equal(result.exitCode, 1);
  const error = records.at(-1);
  assert.ok(error?.type === 'error', `last record: ${error?.type}`);
  assert.equal(error.kind, 'module-threw');
  assert.match(error.message, /ValueError: bad value 42/);
  assert.equal(path.basename(error.location?.file ?? ''), 'raises.py');
  assert.equal(error.location?.line, 7);
  assert.equal(records[0].type === 'start' && records[0].framework, 'pytorch');
});

test('a script that never trains ends its log saying so', { skip }, async () => {
  const { records, outcome } = run('never_trains.py');
  assert.equal((await outcome).exitCode, 0);
  const last = records.at(-1);
  assert.ok(last?.type === 'error' && last.kind === 'program' && /without an optimizer step/.test(last.message), JSON.stringify(last));
});

test('Stop kills the script and its DataLoader workers; the log ends cancelled', { skip }, async () => {
  const stop = new AbortController();
  const { records, outcome } = run('endless_workers.py', stop.signal, (record) => {
    if (record.type === 'steps') stop.abort();
  });
  const result = await outcome;
  assert.equal(result.cancelled, true);
  assert.deepEqual(records.at(-1)?.type === 'end' && records.at(-1), { ...records.at(-1), status: 'cancelled' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes('endless_workers.py'));
  assert.deepEqual(left, [], 'no process of the script is left');
});
