/**
 * PyTorch scripts run by DeepScope's Python process, as `deepscope run` and Run with DeepScope run them:
 * a raise keeps its file:line, a script that never trains says so, one that exits non-zero, trains two
 * models, wraps its model in DataParallel or asks for absent CUDA gets one clear message, and Stop kills
 * the whole process group (DataLoader workers included) with a cancelled end record. No process of the
 * script is left after any of them.
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
const hasCuda = hasTorch && execFileSync(PYTHON, ['-c', 'import torch; print(torch.cuda.is_available())'], { encoding: 'utf8' }).trim() === 'True';

function run(script: string, signal?: AbortSignal, onRecord: (record: RunRecord) => void = () => undefined, args: string[] = []) {
  const records: RunRecord[] = [];
  const unwatched: string[] = [];
  let stderr = '';
  const outcome = runPythonInProcess(
    { file: path.join(FIXTURES, script), args, cwd: FIXTURES, stdio: 'pipe', interpreter: { python: PYTHON, from: 'flag' }, probeEverySteps: 5 },
    (record) => {
      records.push(record);
      onRecord(record);
    },
    { unwatched: (model) => unwatched.push(model), output: (stream, text) => (stream === 'stderr' ? (stderr += text) : undefined) },
    signal,
  );
  return { records, outcome, unwatched, stderr: () => stderr };
}

/**
 * The processes whose command line names this checkout's `script` (the run is over: there must be none). The full
 * path: other checkouts on the machine may be running the same fixture at the same time.
 */
function processesOf(script: string): string[] {
  const file = path.join(FIXTURES, script);
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(file));
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
  assert.ok(last?.type === 'error' && last.kind === 'program' && /without training a model: there was no training to watch/.test(last.message) && /updates by hand/.test(last.message), JSON.stringify(last));
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
  assert.deepEqual(processesOf('endless_workers.py'), [], 'no process of the script is left');
});

test('a script that exits non-zero: the log ends with its exit code', { skip }, async () => {
  const { records, outcome } = run('exits.py');
  assert.equal((await outcome).exitCode, 3);
  const last = records.at(-1);
  assert.ok(last?.type === 'error' && last.kind === 'program', JSON.stringify(last));
  assert.equal(last.message, 'The program exited with code 3.');
  assert.deepEqual(processesOf('exits.py'), []);
});

test('a script that trains two models: the first is watched, the other named as unwatched', { skip }, async () => {
  const { records, outcome, unwatched } = run('two_models.py');
  assert.equal((await outcome).exitCode, 0);
  assert.deepEqual(unwatched, ['Main']);
  const start = records[0];
  assert.deepEqual(start.type === 'start' && start.layers.map((layer) => layer.name), ['linear']);
  assert.deepEqual(processesOf('two_models.py'), []);
});

test('a model wrapped in DataParallel: its module is watched, and the run says so', { skip }, async () => {
  const { records, outcome, stderr } = run('data_parallel.py');
  assert.equal((await outcome).exitCode, 0);
  const start = records[0];
  assert.deepEqual(start.type === 'start' && start.layers.map((layer) => layer.name), ['0', '2']);
  assert.match(stderr(), /deepscope: the model is wrapped in DataParallel: DeepScope watches the Sequential it wraps/);
  assert.equal(records.at(-1)?.type, 'end');
  assert.deepEqual(processesOf('data_parallel.py'), []);
});

for (const [args, line, what] of [[[], 7, '.cuda()'], [['device'], 8, 'device="cuda"']] as const) {
  test(`a script that asks for absent CUDA (${what}): the error says to run on the CPU, at the script's line`, { skip: skip || (hasCuda && 'this machine has CUDA') }, async () => {
    const { records, outcome, stderr } = run('cuda_absent.py', undefined, undefined, [...args]);
    assert.equal((await outcome).exitCode, 1);
    const error = records.at(-1);
    assert.ok(error?.type === 'error' && error.kind === 'module-threw', JSON.stringify(error));
    assert.match(error.message, /which this PyTorch cannot use \(torch\.cuda\.is_available\(\) is False\): run it on the CPU/);
    assert.equal(error.location?.line, line);
    assert.match(stderr(), /deepscope: The script asks for CUDA/);
    assert.deepEqual(processesOf('cuda_absent.py'), []);
  });
}
