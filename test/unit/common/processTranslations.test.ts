/**
 * The wording outside the editor's side speaks through `@vscode/l10n` (its l10n.t calls are checked against the
 * French bundle by codeTranslations.test.ts): every file imports it as `l10n`, so that check sees each call; an
 * engine process started by a French parent speaks French, and `--lang fr` makes the CLI's own wording French.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { bundleOf, useMessages } from '../../../src/common/core/messages';
import { EngineError } from '../../../src/engine/engineError';
import { trainInProcess } from '../../../src/training/core/trainInProcess';
import { runLabInProcess } from '../../../src/labs/core/labProcess';
import { runCli } from '../../../src/cli/cli';
import { fixture } from '../engine/fixtures';
import { PROGRAMS, runProgram } from '../training/programs/programRunner';
import { REPO_ROOT } from '../../support/paths';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : entry.endsWith('.ts') ? [full] : [];
  });
}

after(() => useMessages(undefined));

test('every file that speaks through @vscode/l10n imports it as l10n (what the bundle check looks for)', () => {
  const importing = sourceFiles(path.join(REPO_ROOT, 'src')).filter((file) => readFileSync(file, 'utf8').includes("'@vscode/l10n'"));
  assert.ok(importing.length >= 10, 'the CLI, the engine and the shared cores use @vscode/l10n');
  const otherwise = importing.filter((file) => !readFileSync(file, 'utf8').includes("import * as l10n from '@vscode/l10n';"));
  assert.deepEqual(otherwise.map((file) => path.relative(REPO_ROOT, file)), []);
  const vscodeSide = importing.filter((file) => file.split(path.sep).includes('vscode'));
  assert.deepEqual(vscodeSide.map((file) => path.relative(REPO_ROOT, file)), [], 'the vscode/ sides use vscode.l10n');
});

test('a training process started by a French parent reports a bad dataset in French', async () => {
  useMessages(bundleOf('fr'));
  const error = await trainInProcess({ file: fixture('wrong-shape'), backend: 'cpu', probeEverySteps: 10 }, () => undefined).catch((e: unknown) => e);
  useMessages(undefined);
  assert.ok(error instanceof EngineError);
  assert.match(error.message, /a la forme \[.*\] mais (la sortie|l'entrée) du modèle attend \[batch, /);
  const english = await trainInProcess({ file: fixture('wrong-shape'), backend: 'cpu', probeEverySteps: 10 }, () => undefined).catch((e: unknown) => e);
  assert.ok(english instanceof EngineError);
  assert.match(english.message, /has shape \[.*\] but the model's (output|input) expects \[batch, /);
});

test('a lab process started by a French parent refuses a bad parameter in French', async () => {
  useMessages(bundleOf('fr'));
  const error = await runLabInProcess({ lab: 'optimizers', params: { kappa: -1 }, backend: 'cpu' }).catch((e: unknown) => e);
  useMessages(undefined);
  assert.ok(error instanceof EngineError);
  assert.match(error.message, /le paramètre « kappa » doit être un nombre de 1 à 100000, reçu : -1/);
});

test('a program run from a French parent: its throw reported in French, and the program never sees the bundle', async () => {
  useMessages(bundleOf('fr'));
  try {
    const run = await runProgram(path.join(PROGRAMS, 'throws.js'));
    const last = run.records.at(-1);
    assert.ok(last?.type === 'error' && /^Le programme a levé /.test(last.message), JSON.stringify(last));
    const env = await runProgram(path.join(PROGRAMS, 'prints-deepscope-env.js'));
    assert.equal(env.stdout.trim(), '[]');
    const ended = env.records.at(-1);
    assert.ok(ended?.type === 'error' && /sans appeler fit\(\) ni fitDataset\(\)/.test(ended.message), JSON.stringify(ended));
  } finally {
    useMessages(undefined);
  }
});

test('the CLI says its own words in the language of --lang', async () => {
  const said = async (argv: string[]): Promise<string> => {
    const out: string[] = [];
    await runCli(argv, { out: (text) => out.push(text), err: (text) => out.push(text), cwd: REPO_ROOT, language: 'en' }, {});
    return out.join('\n');
  };
  assert.match(await said(['--lang', 'fr', 'help']), /Commandes :[\s\S]*Entraîner un module de modèle/);
  assert.match(await said(['--lang', 'fr', 'help', 'new']), /Spirale \(3 classes\)[\s\S]*SGD \+ inertie de Nesterov \(0\.9\)/);
  assert.match(await said(['--lang', 'fr', 'help', 'train']), /Usage : deepscope train[\s\S]*remplace training\.epochs/);
  assert.match(await said(['--lang', 'fr', 'train']), /donnez le fichier du modèle à entraîner/);
  assert.match(await said(['--lang', 'en', 'help']), /Commands:[\s\S]*Train a model module/);
});
