/**
 * Labs in their own process: the same numbers as in-process, errors and crashes reported as EngineErrors,
 * cancel kills at once, and no lab process outlives its run.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { EngineError } from '../../../src/engine/engineError';
import { findLab, runLab, type LabRun } from '../../../src/labs/core/experiments';
import { runLabInProcess } from '../../../src/labs/core/labProcess';
import { typedArraysAsArrays } from '../../../src/common/core/plainJson';

/** Lab processes of this test run (this process is their parent: other runs on the machine do not count). */
function labProcessIds(): number[] {
  const lines = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' }).split('\n');
  return lines
    .map((line) => line.trim().split(/\s+/))
    .filter(([, ppid, stat, ...args]) => Number(ppid) === process.pid && !stat?.startsWith('Z') && args.join(' ').includes('labWorker'))
    .map(([pid]) => Number(pid));
}

const labProcesses = (): number => labProcessIds().length;

/** The report's numbers (elapsed time aside), comparable across processes. */
function numbers(run: LabRun): unknown {
  const report = { ...run.report, elapsedMs: 0 };
  return JSON.parse(JSON.stringify({ report, tables: run.tables }, typedArraysAsArrays));
}

test('a lab run in its process gives exactly the in-process numbers, typed arrays included (plain JS and tfjs)', async () => {
  const cases = [
    { lab: 'optimizers', params: { kappa: 10, pathSteps: 20, saddleSteps: 50 } },
    { lab: 'weight-init', params: { layers: 3, units: 40, samples: 30, symmetrySteps: 2 } },
  ] as const;
  for (const { lab, params } of cases) {
    const inProcess = await runLab(findLab(lab)!, params, 'cpu');
    const separate = await runLabInProcess({ lab, params, backend: 'cpu' });
    assert.ok(separate, `${lab} ran`);
    assert.deepEqual(numbers(separate), numbers(inProcess), lab);
    if (separate.report.result.lab === 'optimizers') assert.ok(separate.report.result.runs[0].path instanceof Float64Array);
  }
  assert.equal(labProcesses(), 0, 'no lab process outlives its run');
});

test('a bad parameter comes back as the same EngineError', async () => {
  const error = await runLabInProcess({ lab: 'optimizers', params: { kappa: -1 }, backend: 'cpu' }).catch((e: unknown) => e);
  assert.ok(error instanceof EngineError);
  assert.equal(error.kind, 'config');
  assert.match(error.message, /"kappa" must be a number from 1 to 100000/);
});

test('cancel kills the lab process at once and resolves with no run', async () => {
  const abort = new AbortController();
  const started = Date.now();
  const pending = runLabInProcess({ lab: 'attention', params: { steps: 20000 }, backend: 'cpu' }, { signal: abort.signal });
  setTimeout(() => abort.abort(), 1500);
  assert.equal(await pending, undefined);
  assert.ok(Date.now() - started < 10_000, 'stopped long before the run would have finished');
  assert.equal(labProcesses(), 0);
});

test('a lab process that dies (here: killed from outside, as the OOM killer would) is reported as a crash', async () => {
  const pending = runLabInProcess({ lab: 'attention', params: { steps: 20000 }, backend: 'cpu' });
  let pids: number[] = [];
  for (let tries = 0; pids.length === 0 && tries < 100; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    pids = labProcessIds();
  }
  pids.forEach((pid) => process.kill(pid, 'SIGKILL'));
  const error = await pending.catch((e: unknown) => e);
  assert.ok(error instanceof EngineError, String(error));
  assert.match(error.message, /^The lab process crashed \(signal SIGKILL\)/);
});
