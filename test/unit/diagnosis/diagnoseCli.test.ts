/** `deepscope diagnose`: run in-process through runCli (training itself runs in its own process). */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULE_IDS } from '../../../src/diagnosis/core/findings';
import { runCliIn, type CliRun } from '../support/cli';
import { lineOf, zooFile } from './zoo';
import { scratchDir } from '../../support/scratch';

/** The CLI writes run logs under its current directory: a scratch one, not the repository. */
const CWD = scratchDir('diagnose');

const cli = (...argv: string[]): Promise<CliRun> => runCliIn(CWD, ...argv);

test('--json prints one object: backend, epochs, history, findings with message, fix, topic, line and evidence', async () => {
  const file = zooFile('learning-rate-10');
  const { code, out } = await cli('diagnose', file, '--json', '--backend', 'cpu', '--epochs', '3');
  assert.equal(code, 0);
  assert.equal(out.length, 1, 'exactly one line on stdout');
  const result = JSON.parse(out[0]) as {
    backend: string;
    epochs: number;
    history: { epoch: number; loss: number | null; lr: number }[];
    findings: { rule: string; severity: string; layer: string | null; epoch: number; message: string; topic: string; line: number; evidence: Record<string, number>; fix: string }[];
  };
  assert.equal(result.backend, 'cpu');
  assert.equal(result.epochs, 3);
  assert.deepEqual(result.history.map((record) => [record.epoch, record.lr]), [[0, 10], [1, 10], [2, 10]]);
  const nan = result.findings.find((finding) => finding.rule === 'nan-loss');
  assert.ok(nan, JSON.stringify(result.findings));
  assert.deepEqual([nan.severity, nan.layer, nan.epoch, nan.topic, nan.line], ['error', null, 0, 'lr-step-decay', lineOf(file, 'optimizer:')]);
  assert.match(nan.message, /learning rate \(10\) is too large/);
  assert.match(nan.fix, /Divide the learning rate by 10/);
  assert.equal(nan.evidence.learningRate, 10);
  assert.ok(result.findings.every((finding) => (RULE_IDS as readonly string[]).includes(finding.rule)));
});

test('without --json: one clickable line per finding, `file:line: severity rule (layer): message — fix`', async () => {
  const file = zooFile('negative-bias-relu');
  const { code, out } = await cli('diagnose', file, '--backend', 'cpu', '--epochs', '4');
  assert.equal(code, 0);
  const line = lineOf(file, 'inputShape: [2]');
  assert.match(out[0], new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${line}: warning dead-relu \\(dense_Dense\\d+\\): .+ — Start the biases at 0`));
});

test('a healthy model: "no problem found"', async () => {
  const { code, out } = await cli('diagnose', zooFile('healthy-logistic'), '--backend', 'cpu', '--epochs', '6');
  assert.equal(code, 0);
  assert.deepEqual(out, ['healthy-logistic.ts: no problem found in 6 epoch(s).']);
});

test('bad input exits 2 with one clear line on stderr', async () => {
  const syntax = path.resolve(__dirname, '..', '..', 'fixtures', 'models', 'syntax-error.ts');
  const broken = await cli('diagnose', syntax, '--json');
  assert.equal(broken.code, 2);
  assert.deepEqual(broken.out, []);
  assert.equal(broken.err.filter((line) => line.length > 0).length, 1);
  assert.match(broken.err[0], /syntax-error\.ts:4:\d+: /);
  for (const argv of [['diagnose'], ['diagnose', 'a.ts', '--backend', 'gpu'], ['diagnose', 'a.ts', '--report', 'r.html']]) {
    const usage = await cli(...argv);
    assert.equal(usage.code, 2, argv.join(' '));
    assert.equal(usage.err.length, 1);
    assert.match(usage.err[0], /^deepscope diagnose: /);
  }
});
