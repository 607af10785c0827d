/**
 * A lab panel's runs (LabRunner, with a stand-in for the lab process): the latest request wins and the
 * one before is cancelled; bad parameters, crashes and stops all end as a message the view shows.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { EngineError } from '../../../src/engine/engineError';
import type { LabRun } from '../../../src/labs/core/experiments';
import type { LabProcessOptions, LabRequest } from '../../../src/labs/core/labProcess';
import { LabRunner } from '../../../src/labs/core/labRunner';
import type { LabInfo } from '../../../src/labs/core/labs';
import type { ToLab } from '../../../src/labs/core/labPanelProtocol';

const info: LabInfo = {
  name: 'optimizers',
  title: 'Optimisers',
  texts: { title: { en: 'Optimisers', fr: 'Optimiseurs' }, claim: { en: '', fr: '' }, summary: { en: '', fr: '' } },
  topics: ['optim-sgd'],
  usesTensorflow: false,
  params: [{ kind: 'number', name: 'kappa', label: 'Condition number', default: 100, min: 1, max: 1e5 }],
};

/** A lab process that answers when told to, and honours its abort signal as the real one does. */
function fakeProcess() {
  const calls: { request: LabRequest; signal?: AbortSignal; answer: (run: LabRun) => void; crash: (error: Error) => void }[] = [];
  const runInProcess = (request: LabRequest, options: LabProcessOptions = {}): Promise<LabRun | undefined> =>
    new Promise((resolve, reject) => {
      options.signal?.addEventListener('abort', () => resolve(undefined));
      calls.push({ request, signal: options.signal, answer: resolve, crash: reject });
    });
  return { calls, runInProcess };
}

function labRun(kappa: number): LabRun {
  const report = { name: 'optimizers', title: '', topics: [], backend: 'none', params: { kappa }, elapsedMs: 1, result: { lab: 'optimizers', learningRate: 1, runs: [], tuned: [], saddle: [] } } as const;
  return { report, tables: [] };
}

function runner() {
  const posted: ToLab[] = [];
  const fake = fakeProcess();
  const labs = new LabRunner((message) => posted.push(message), () => ({ backend: 'cpu', maxMemoryMb: 512 }), fake.runInProcess);
  return { posted, fake, labs };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('a run is announced, validated (defaults filled in) and its result posted', async () => {
  const { posted, fake, labs } = runner();
  const pending = labs.run(info, { kappa: 10 });
  await tick();
  assert.deepEqual(fake.calls[0].request, { lab: 'optimizers', params: { kappa: 10 }, backend: 'cpu' });
  assert.equal(labs.running, true);
  fake.calls[0].answer(labRun(10));
  assert.equal((await pending)?.report.params.kappa, 10);
  assert.deepEqual(posted.map((message) => message.type), ['running', 'result']);
  assert.equal(labs.running, false);
});

test('a new request cancels the running one: its process is aborted and only the newer run reports', async () => {
  const { posted, fake, labs } = runner();
  const first = labs.run(info, { kappa: 10 });
  await tick();
  const second = labs.run(info, { kappa: 20 });
  await tick();
  assert.equal(fake.calls[0].signal?.aborted, true, 'the first process is killed');
  assert.equal(await first, undefined);
  fake.calls[1].answer(labRun(20));
  assert.equal((await second)?.report.params.kappa, 20);
  assert.deepEqual(posted.map((message) => [message.type, 'run' in message ? message.run : 0]), [['running', 1], ['running', 2], ['result', 2]]);
});

test('parameters outside the schema never reach a process: the view gets the reason', async () => {
  const { posted, fake, labs } = runner();
  assert.equal(await labs.run(info, { kappa: 0 }), undefined);
  assert.equal(await labs.run(info, { file: '/etc/passwd' }), undefined);
  assert.equal(fake.calls.length, 0);
  assert.deepEqual(posted.map((message) => message.type), ['failed', 'failed']);
  assert.match((posted[0] as Extract<ToLab, { type: 'failed' }>).message, /"kappa" must be a number from 1 to 100000/);
  assert.match((posted[1] as Extract<ToLab, { type: 'failed' }>).message, /unknown parameter "file"/);
});

test('a crash of the lab process is reported as a failure with its message', async () => {
  const { posted, fake, labs } = runner();
  const pending = labs.run(info, {});
  await tick();
  fake.calls[0].crash(new EngineError('training', 'The lab process crashed (signal SIGSEGV).'));
  assert.equal(await pending, undefined);
  assert.deepEqual(posted.at(-1), { type: 'failed', run: 1, message: 'The lab process crashed (signal SIGSEGV).' });
});

test('stop kills the process and the view is told it stopped', async () => {
  const { posted, fake, labs } = runner();
  const pending = labs.run(info, {});
  await tick();
  labs.stop();
  assert.equal(fake.calls[0].signal?.aborted, true);
  assert.equal(await pending, undefined);
  assert.deepEqual(posted.at(-1), { type: 'stopped', run: 1 });
});
