import * as assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunSnapshot } from '../../src/runs/core/runSnapshot';
import type { ProcessRunSummary } from '../../src/training/core/trainInProcess';
import { activateDeepScope } from './activate';
import { scratchDir } from '../support/scratch';

// The runs go to a folder of their own (the setting), so the example workspace gets no logs.
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'models');
const scratch = scratchDir('host-runs');
const runsFolder = path.join(scratch, 'runs');
cpSync(path.join(FIXTURES, 'tiny-classifier.ts'), path.join(scratch, 'tiny-classifier.ts'));

const logsIn = (folder: string): string[] => readdirSync(folder).filter((name) => name.endsWith('.jsonl'));
const typesOf = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { type: string }).type);

describe('run logs', () => {
  let log = '';

  before(async () => {
    await activateDeepScope();
    await vscode.workspace.getConfiguration('deepscope').update('runs.directory', runsFolder, vscode.ConfigurationTarget.Global);
    const summary = await vscode.commands.executeCommand<ProcessRunSummary>('deepscope.trainModel', vscode.Uri.file(path.join(scratch, 'tiny-classifier.ts')));
    assert.equal(summary?.history.length, 4);
    const logs = logsIn(runsFolder);
    assert.equal(logs.length, 1, `one log in the runs.directory folder, found ${logs.join(', ')}`);
    log = path.join(runsFolder, logs[0]);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('deepscope').update('runs.directory', undefined, vscode.ConfigurationTarget.Global);
  });

  it('writes a training run from VS Code as one log, start first and end last', () => {
    const types = typesOf(log);
    assert.equal(types[0], 'start');
    assert.equal(types.at(-1), 'end');
    assert.equal(types.filter((type) => type === 'epoch').length, 4);
  });

  it('reopens a log cut off mid-line (a killed run) as far as it went, marked interrupted', async () => {
    const lines = readFileSync(log, 'utf8').split('\n');
    const firstEpoch = lines.findIndex((line) => line.includes('"type":"epoch"'));
    const cut = path.join(scratch, 'cut-run.jsonl');
    writeFileSync(cut, `${lines.slice(0, firstEpoch + 1).join('\n')}\n${lines[firstEpoch + 1].slice(0, 20)}`);
    const run = await vscode.commands.executeCommand<RunSnapshot>('deepscope.openRun', vscode.Uri.file(cut));
    assert.ok(run, 'the cut log was not shown');
    assert.equal(run.status, 'interrupted');
    assert.equal(run.history.length, 1);
  });

  it('tells what is wrong with a bad log and shows nothing, without throwing', async () => {
    const bad = path.join(scratch, 'bad-run.jsonl');
    const lines = readFileSync(log, 'utf8').split('\n');
    writeFileSync(bad, [lines[0], '{ not json', ...lines.slice(1)].join('\n'));
    const run = await vscode.commands.executeCommand<RunSnapshot | undefined>('deepscope.openRun', vscode.Uri.file(bad));
    assert.equal(run, undefined);
  });
});
