/** Following a log another process writes: whole lines only, in order, to its end record. */
import * as assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { tailRunLog } from '../../../src/runs/core/logTail';
import type { RunRecord } from '../../../src/runs/core/runRecord';
import { scratchDir } from '../../support/scratch';

const START = { type: 'start', version: 1, startedAt: '2026-12-04T15:00:00Z', producer: 'deepscope-pytorch 0.1.0', backend: 'torch-cpu', framework: 'pytorch', modelFile: '/nb.ipynb', epochs: 0, stepsPerEpoch: 1, layers: [], watchedLayers: [] };
const line = (record: object): string => `${JSON.stringify(record)}\n`;
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('records appear as their lines are completed, a half-written line waits, the end record ends the tail', async () => {
  const file = path.join(scratchDir('tail'), 'run.jsonl');
  writeFileSync(file, line(START));
  const seen: RunRecord[] = [];
  const tail = tailRunLog(file, (record) => seen.push(record), new AbortController().signal, 10);
  await tick(40);
  assert.deepEqual(seen.map((record) => record.type), ['start']);
  const steps = line({ type: 'steps', losses: [{ step: 0, epoch: 0, loss: 'NaN' }] });
  appendFileSync(file, steps.slice(0, 20));
  await tick(40);
  assert.equal(seen.length, 1, 'a line without its newline is not read');
  appendFileSync(file, steps.slice(20) + line({ type: 'end', status: 'finished', endedAt: '2026-12-04T15:01:00Z' }));
  assert.deepEqual(await tail, { ended: true });
  assert.deepEqual(seen.map((record) => record.type), ['start', 'steps', 'end']);
  const [, stepsRecord] = seen;
  assert.ok(stepsRecord.type === 'steps' && Number.isNaN(stepsRecord.losses[0].loss), 'non-finite values decoded');
});

test('stopping ends the tail; a damaged line ends it with file:line', async () => {
  const dir = scratchDir('tail');
  const open = path.join(dir, 'open.jsonl');
  writeFileSync(open, line(START));
  const stop = new AbortController();
  const following = tailRunLog(open, () => undefined, stop.signal, 10);
  stop.abort();
  assert.deepEqual(await following, { ended: false });
  const bad = path.join(dir, 'bad.jsonl');
  writeFileSync(bad, line(START) + '{not json\n');
  const outcome = await tailRunLog(bad, () => undefined, new AbortController().signal, 10);
  assert.equal(outcome.ended, false);
  assert.match(outcome.problem ?? '', /bad\.jsonl:2: this line is not valid JSON/);
});
