/**
 * `kill -9` of `deepscope train` in the middle of a run: its training process stops too, and the log
 * it leaves is a readable, interrupted run that `deepscope diagnose` still diagnoses. Runs the built
 * CLI (bin/deepscope.js → out/cli.js) as a real process: `npm test` builds before the unit tier.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readRunLogFile } from '../../../src/runs/core/readRunLog';
import { DEFAULT_RUNS_DIRECTORY } from '../../../src/runs/core/runLogFiles';
import { fixture } from '../engine/fixtures';
import { recordValidator } from './runLogSchema';
import { scratchDir } from '../../support/scratch';

const REPO = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(REPO, 'bin', 'deepscope.js');
/** Generous: the machine may be busy with other tiers; the test waits for events, never for a fixed time. */
const DEADLINE_MS = 120_000;

async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The lines of `text` that are complete (end with a newline); a torn last line is left out. */
const completeLines = (text: string): string[] => text.split('\n').slice(0, -1);

/** Whether `pid` still runs (a zombie has exited: only its parent has not collected it yet). */
function running(pid: number): boolean {
  const ps = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' });
  return ps.status === 0 && !ps.stdout.trim().startsWith('Z');
}

function trainingProcessOf(parent: number): number | undefined {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n');
  const row = rows.map((line) => line.trim().split(/\s+/)).find(([, ppid, ...args]) => Number(ppid) === parent && args.join(' ').includes('trainingWorker'));
  return row ? Number(row[0]) : undefined;
}

test('kill -9 of deepscope train: the training process exits, the log reads as interrupted and can be diagnosed', { timeout: 4 * DEADLINE_MS }, async () => {
  assert.ok(existsSync(path.join(REPO, 'out', 'cli.js')), 'out/cli.js is missing: run `node scripts/build.mjs` first');
  const cwd = scratchDir('kill');
  const runs = path.join(cwd, DEFAULT_RUNS_DIRECTORY);
  const cli = spawn(process.execPath, [BIN, 'train', fixture('long-training'), '--backend', 'cpu'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited = false;
  const exit = new Promise<NodeJS.Signals | null>((resolve) => cli.once('exit', (_code, signal) => ((exited = true), resolve(signal))));
  let worker: number | undefined;
  try {
    const log = await waitFor('a probe or epoch record in the run log', () => {
      assert.ok(!exited, `deepscope train exited before it was killed: ${stderr}`);
      const name = existsSync(runs) ? readdirSync(runs).find((entry) => entry.endsWith('.jsonl')) : undefined;
      if (!name) return undefined;
      const file = path.join(runs, name);
      const types = completeLines(readFileSync(file, 'utf8')).map((line) => (JSON.parse(line) as { type: string }).type);
      return types.includes('probe') || types.includes('epoch') ? file : undefined;
    });
    worker = trainingProcessOf(cli.pid ?? -1);
    assert.ok(worker !== undefined, 'deepscope train runs its training process');

    cli.kill('SIGKILL');
    assert.equal(await exit, 'SIGKILL');
    const orphan = worker;
    await waitFor('the training process to exit after its parent was killed', () => (running(orphan) ? undefined : true));

    const text = readFileSync(log, 'utf8');
    const valid = recordValidator();
    const records = completeLines(text).map((line, index) => {
      const record = JSON.parse(line) as { type: string };
      assert.equal(valid(record), undefined, `line ${index + 1}`);
      return record;
    });
    assert.ok(!records.some((record) => record.type === 'end' || record.type === 'error'), 'the run was killed before its end');
    const read = readRunLogFile(log);
    assert.equal(read.interrupted, true);
    assert.equal(read.records.length, records.length, 'every complete line is read');

    const diagnose = spawnSync(process.execPath, [BIN, 'diagnose', log, '--json'], { cwd, encoding: 'utf8' });
    assert.equal(diagnose.status, 0, diagnose.stderr);
    const result = JSON.parse(diagnose.stdout) as { backend: string; epochs: number; findings: unknown[] };
    assert.equal(result.backend, 'cpu');
    assert.ok(Array.isArray(result.findings));
    assert.equal(result.epochs, records.filter((record) => record.type === 'epoch').length);
  } finally {
    if (!exited) cli.kill('SIGKILL');
    if (worker !== undefined && running(worker)) process.kill(worker, 'SIGKILL');
  }
});

/** A tfjs program that trains until it is stopped. */
const ENDLESS_PROGRAM = `const tf = require('@tensorflow/tfjs');
const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 8, activation: 'relu' }), tf.layers.dense({ units: 1 })] });
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
model.fit(tf.randomNormal([64, 4]), tf.randomNormal([64, 1]), { epochs: 1000000, batchSize: 8 });
`;

for (const command of ['train', 'run'] as const) {
  test(`kill (SIGTERM) of deepscope ${command}: it stops the run as Stop does, and its log ends with the record that says so`, { timeout: 4 * DEADLINE_MS }, async () => {
    const cwd = scratchDir('term');
    const runs = path.join(cwd, DEFAULT_RUNS_DIRECTORY);
    let target = fixture('long-training');
    if (command === 'run') {
      target = path.join(cwd, 'endless.js');
      writeFileSync(target, ENDLESS_PROGRAM);
    }
    const cli = spawn(process.execPath, [BIN, command, target, '--backend', 'cpu'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let exited = false;
    const exit = new Promise<number | null>((resolve) => cli.once('exit', (code) => ((exited = true), resolve(code))));
    try {
      const log = await waitFor('a probe in the run log', () => {
        const name = existsSync(runs) ? readdirSync(runs).find((entry) => entry.endsWith('.jsonl')) : undefined;
        const file = name && path.join(runs, name);
        return file && readFileSync(file, 'utf8').includes('"type":"probe"') ? file : undefined;
      });
      cli.kill('SIGTERM');
      assert.notEqual(await exit, 0);
      const records = completeLines(readFileSync(log, 'utf8')).map((line) => JSON.parse(line) as { type: string; status?: string; kind?: string });
      const last = records.at(-1);
      assert.ok(last?.type === 'end' ? last.status === 'cancelled' : last?.type === 'error', JSON.stringify(last));
      assert.equal(readRunLogFile(log).interrupted, false, 'the run reads as stopped, not cut off');
      const leftOver = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' }).split('\n').filter((args) => args.includes(cwd) || args.includes(target));
      assert.deepEqual(leftOver, [], 'no process left over');
    } finally {
      if (!exited) cli.kill('SIGKILL');
    }
  });
}
