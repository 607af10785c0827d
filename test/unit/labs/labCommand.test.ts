/** `deepscope lab`: the list, a lab's table and JSON, and every bad input as exit 2 with one line on stderr. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../../../src/cli/cli';
import type { CliIo } from '../../../src/cli/io';
import { LAB_NAMES } from '../../../src/labs/core/labs';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { cwd: process.cwd(), out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err };
}

test('without a name it lists every lab', async () => {
  const { code, out } = await cli('lab');
  assert.equal(code, 0);
  for (const name of LAB_NAMES) assert.match(out, new RegExp(`^${name} `, 'm'));
});

test("a lab's key numbers as a table", async () => {
  const { code, out } = await cli('lab', 'optimizers', '--kappa', '100');
  assert.equal(code, 0);
  assert.match(out, /on plain JavaScript/);
  assert.match(out, /^sgd\s+1341\s/m);
  assert.match(out, /^nesterov\s+\d+/m);
});

test('--json: one object, typed arrays as arrays, parameters as used', async () => {
  const { code, out } = await cli('lab', 'optimizers', '--json', '--kappa', '10', '--path-steps', '5');
  assert.equal(code, 0);
  const report = JSON.parse(out) as { name: string; backend: string; params: Record<string, number>; result: { runs: { path: number[] }[] } };
  assert.equal(report.name, 'optimizers');
  assert.equal(report.backend, 'none');
  assert.equal(report.params.kappa, 10);
  assert.ok(Array.isArray(report.result.runs[0].path) && report.result.runs[0].path.length === 12);
});

test('text parameters reach the lab', async () => {
  const { code, out } = await cli('lab', 'text', '--json', '--text', 'The dogs were running.');
  assert.equal(code, 0);
  const report = JSON.parse(out) as { result: { tokens: { text: string; lemma: string }[] } };
  assert.deepEqual(report.result.tokens.map((token) => token.lemma), ['the', 'dog', 'be', 'run', '.']);
});

for (const [argv, message] of [
  [['lab', 'nope'], /unknown lab "nope"/],
  [['lab', 'optimizers', '--kappa', '0'], /"kappa" must be a number from 1 to 100000/],
  [['lab', 'optimizers', '--kappa', 'ten'], /"kappa" must be a number/],
  [['lab', 'weight-init', '--activation', 'gelu'], /"activation" must be one of both, tanh, relu/],
  [['lab', 'weight-init', '--layers', '2.5'], /whole number/],
  [['lab', 'optimizers', '--units', '3'], /Unknown option '--units'/],
  [['lab', 'optimizers', '--backend', 'gpu'], /--backend must be one of/],
  [['lab', '--json'], /give the lab's name/],
] as const) {
  test(`deepscope ${argv.join(' ')} → exit 2`, async () => {
    const { code, err } = await cli(...argv);
    assert.equal(code, 2);
    assert.equal(err.length, 1);
    assert.match(err[0], message);
  });
}

test('in French, the list and a lab’s heading are in French', async () => {
  const { code, out } = await cli('--lang', 'fr', 'lab');
  assert.equal(code, 0);
  assert.match(out, /^weight-init\s+Initialisation des poids : Les activations/m);
  assert.match(out, /taux d'apprentissage/);
  const optimizers = await cli('--lang', 'fr', 'lab', 'optimizers', '--kappa', '100');
  assert.match(optimizers.out, /\(optimizers\) en JavaScript pur, [\d.]+ s ; notes : /);
});
