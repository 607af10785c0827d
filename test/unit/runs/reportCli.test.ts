/** `deepscope report` (and `deepscope train --report`): the page embeds the runs read from their logs. */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../../../src/diagnosis/core/findings';
import { DEFAULT_RUNS_DIRECTORY, newRunId, runIdOf, runLogPath } from '../../../src/runs/core/runLogFiles';
import type { RunRecord } from '../../../src/runs/core/runRecord';
import type { ReportPayload } from '../../../src/runs/core/runSnapshot';
import { zooFile } from '../diagnosis/zoo';
import { runCliIn } from '../support/cli';
import { lines, runRecords } from './records';
import { scratchDir } from '../../support/scratch';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CWD = scratchDir('report');
const cli = (...argv: string[]) => runCliIn(CWD, ...argv);

const FINDING: Finding = { rule: 'plateau', severity: 'warning', epoch: 1, evidence: { epochs: 2 }, message: { en: 'stuck', fr: 'bloqué' }, topic: 'optim-sgd', fix: { en: 'raise the rate', fr: 'augmenter le pas' } };

function writeLog(modelFile: string, records: RunRecord[]): string {
  const file = runLogPath(CWD, newRunId(modelFile));
  writeFileSync(file, lines(records));
  return file;
}

/** The payload a report page embeds. */
function embedded(file: string): { title: string; payload: ReportPayload } {
  const html = readFileSync(file, 'utf8');
  const json = /<script type="application\/json" id="deepscope-run">(.*?)<\/script>/s.exec(html)?.[1];
  assert.ok(json, 'the page embeds a run');
  return { title: /<title>(.*?)<\/title>/.exec(html)?.[1] ?? '', payload: JSON.parse(json) as ReportPayload };
}

test('the dashboard is built (the report inlines out/webviews/dashboard.js)', () => {
  assert.ok(existsSync(path.join(REPO, 'out', 'webviews', 'dashboard.js')), 'run `node scripts/build.mjs` first');
});

test('two logs: the page embeds both runs, each with its id, status and recorded findings', async () => {
  const first = writeLog('/work/a.ts', [...runRecords({ modelFile: '/work/a.ts' }), { type: 'findings', findings: [FINDING] }, { type: 'end', status: 'finished', endedAt: '2026-12-02T18:36:00.000Z' }]);
  const second = writeLog('/work/b.ts', runRecords({ modelFile: '/work/b.ts' }));
  const { code, err } = await cli('report', path.basename(first), second, '-o', 'compare.html');
  assert.equal(code, 0, err.join('\n'));
  assert.deepEqual(err, [`Report written to ${path.join(CWD, 'compare.html')}`]);
  const { title, payload } = embedded(path.join(CWD, 'compare.html'));
  assert.equal(title, 'DeepScope report: a.ts vs b.ts');
  assert.deepEqual([payload.run.id, payload.run.status, payload.run.history.length], [runIdOf(first), 'finished', 2]);
  assert.deepEqual(payload.findings, [FINDING]);
  assert.deepEqual([payload.compare?.run.id, payload.compare?.run.status, payload.compare?.findings], [runIdOf(second), 'interrupted', []]);
});

test('one log: the page embeds that run and nothing to compare', async () => {
  const log = writeLog('/work/a.ts', runRecords({ modelFile: '/work/a.ts', ending: 'error' }));
  const { code } = await cli('report', log, '--output', 'one.html');
  assert.equal(code, 0);
  const { title, payload } = embedded(path.join(CWD, 'one.html'));
  assert.equal(title, 'DeepScope report: a.ts');
  assert.deepEqual([payload.run.id, payload.run.status, payload.run.statusMessage], [runIdOf(log), 'failed', 'Training failed']);
  assert.equal(payload.compare, undefined);
});

test('a log that cannot be read: its file:line message on stderr, exit 2, no page', async () => {
  const good = writeLog('/work/a.ts', runRecords({ ending: 'end' }));
  const bad = path.join(CWD, 'bad.jsonl');
  writeFileSync(bad, `${lines(runRecords()).split('\n')[0]}\nnot json\n{}\n`);
  const { code, out, err } = await cli('report', good, bad, '-o', 'bad.html');
  assert.equal(code, 2);
  assert.deepEqual(out, []);
  assert.deepEqual(err, [`${bad}:2: this line is not valid JSON; the log is damaged from here on`]);
  assert.ok(!existsSync(path.join(CWD, 'bad.html')));
});

test('usage errors: no -o, no log, three logs, a model file instead of a log', async () => {
  const log = writeLog('/work/a.ts', runRecords({ ending: 'end' }));
  const cases: [string[], RegExp][] = [
    [['report', log], /^deepscope report: give the page to write: -o report\.html$/],
    [['report', '-o', 'x.html'], /^deepscope report: give the run log to report/],
    [['report', log, log, log, '-o', 'x.html'], /^deepscope report: one or two run logs expected, got 3$/],
    [['report', 'model.ts', '-o', 'x.html'], /^deepscope report: model\.ts is not a run log \(\.jsonl\); to train a model and report the run: deepscope train/],
    [['report', log, '-o', 'x.html', '--json'], /^deepscope report: Unknown option '--json'/],
  ];
  for (const [argv, message] of cases) {
    const { code, err } = await cli(...argv);
    assert.equal(code, 2, argv.join(' '));
    assert.equal(err.length, 1, err.join('\n'));
    assert.match(err[0], message);
  }
  assert.ok(!existsSync(path.join(CWD, 'x.html')));
});

test('help: the command list shows report, and "help report" its usage and options', async () => {
  const overview = await cli('help');
  assert.ok(overview.out.some((line) => /^\s+report <run\.jsonl> \[<other\.jsonl>\] -o <out\.html>\s+Write the standalone HTML report/.test(line)), overview.out.join('\n'));
  const { code, out } = await cli('report', '--help');
  assert.equal(code, 0);
  assert.equal(out[0], 'Usage: deepscope report <run.jsonl> [<other.jsonl>] -o <out.html>');
  assert.ok(out.some((line) => line.includes('-o, --output FILE')));
});

test('deepscope train --report still writes the report, of the run its log holds, with its findings', async () => {
  const cwd = scratchDir('train-report');
  // A model with findings (NaN losses): the report has the run's own, as its log recorded them.
  const { code } = await runCliIn(cwd, 'train', zooFile('learning-rate-10'), '--backend', 'cpu', '--epochs', '1', '--report', 'r.html');
  assert.equal(code, 0);
  const [log] = readdirSync(path.join(cwd, DEFAULT_RUNS_DIRECTORY));
  const { payload } = embedded(path.join(cwd, 'r.html'));
  assert.deepEqual([payload.run.id, payload.run.status, payload.run.history.length], [runIdOf(log), 'finished', 1]);
  const recorded = readFileSync(path.join(cwd, DEFAULT_RUNS_DIRECTORY, log), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as RunRecord)
    .filter((record) => record.type === 'findings')
    .at(-1);
  assert.ok(recorded?.type === 'findings' && recorded.findings.length > 0, 'the run recorded findings');
  assert.deepEqual(payload.findings, recorded.findings);
});
