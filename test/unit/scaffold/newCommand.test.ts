/** `deepscope new`: run in-process through runCli (and once as a real process through main.ts). */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { activations, defaultOptions } from '../../../src/scaffold/core/choices';
import { irisCsv } from '../../../src/scaffold/core/irisCsv';
import { generateModule } from '../../../src/scaffold/core/templates/index';
import { runCliIn, type CliRun } from '../support/cli';
import { REPO_ROOT, makeWorkDir, removeWorkDir } from '../support/generatedModules';
import { housesCsv } from '../support/scaffoldCases';

const root = makeWorkDir('cli');
after(() => removeWorkDir(root));
let cwd = root;
let counter = 0;
beforeEach(() => {
  cwd = path.join(root, `case${++counter}`);
  fs.mkdirSync(cwd);
});

const cli = (...argv: string[]): Promise<CliRun> => runCliIn(cwd, ...argv);

const read = (file: string): string => fs.readFileSync(path.join(cwd, file), 'utf8');
const files = (): string[] => fs.readdirSync(cwd).sort();

describe('deepscope new', () => {
  test('with no template writes the default spiral model and says how to train it', async () => {
    const run = await cli('new', 'spiral.ts');
    assert.equal(run.code, 0);
    assert.deepEqual(run.err, []);
    assert.equal(read('spiral.ts'), generateModule(defaultOptions('spiral')));
    assert.match(run.out[0] ?? '', /^Wrote spiral\.ts: Spiral \(3 classes\), classification; hidden layers 64, 64; ReLU; He normal/);
    assert.ok(run.out.some((line) => line.includes('deepscope train spiral.ts')));
  });

  test('refuses to overwrite without --force, overwrites with it', async () => {
    fs.writeFileSync(path.join(cwd, 'model.ts'), 'mine');
    const refused = await cli('new', 'moons', 'model.ts');
    assert.equal(refused.code, 2);
    assert.deepEqual(refused.err, ['deepscope new: model.ts already exists; pass --force to overwrite it']);
    assert.equal(read('model.ts'), 'mine');
    const forced = await cli('new', 'moons', 'model.ts', '--force');
    assert.equal(forced.code, 0);
    assert.equal(read('model.ts'), generateModule(defaultOptions('moons')));
  });

  test('iris writes iris.csv next to the model; an identical iris.csv is kept for a second model', async () => {
    assert.equal((await cli('new', 'iris', 'models/flowers.ts')).code, 0);
    assert.deepEqual(fs.readdirSync(path.join(cwd, 'models')).sort(), ['flowers.ts', 'iris.csv']);
    assert.equal(read('models/iris.csv'), irisCsv());
    const second = await cli('new', 'iris', 'models/petals.ts', '--task', 'regression');
    assert.equal(second.code, 0, second.err.join('\n'));
    assert.match(read('models/petals.ts'), /Iris petal-width regression/);
    fs.writeFileSync(path.join(cwd, 'models/iris.csv'), 'edited');
    const third = await cli('new', 'iris', 'models/third.ts');
    assert.deepEqual([third.code, third.err], [2, ['deepscope new: models/iris.csv already exists; pass --force to overwrite it']]);
    assert.equal(fs.existsSync(path.join(cwd, 'models/third.ts')), false, 'nothing written when one file is refused');
  });

  test('every option reaches the generated module; tanh warns on stderr without failing', async () => {
    const run = await cli(
      'new', 'moons', 'm.ts', '--hidden', '8,4', '--activation', 'tanh', '--init', 'glorotNormal', '--optimizer', 'momentum',
      '--lr', '0.2', '--schedule', 'exponential', '--batch-norm', '--dropout', '0.25', '--no-center', '--epochs', '12',
      '--batch-size', '8', '--seed', '3',
    );
    assert.equal(run.code, 0);
    const expected = generateModule({
      ...defaultOptions('moons'),
      hiddenUnits: [8, 4],
      activation: 'tanh',
      initializer: 'glorotNormal',
      optimizer: 'momentum',
      learningRate: 0.2,
      schedule: 'exponential',
      batchNorm: true,
      dropout: 0.25,
      centerInputs: false,
      epochs: 12,
      batchSize: 8,
      seed: 3,
    });
    assert.equal(read('m.ts'), expected);
    assert.deepEqual(run.err, [`warning: ${activations().find((c) => c.value === 'tanh')?.warning}`]);
  });

  test('csv: columns by name, the path relative to the model, bad rows as warnings', async () => {
    fs.mkdirSync(path.join(cwd, 'data'));
    fs.writeFileSync(path.join(cwd, 'data/houses.csv'), housesCsv() + '70,x,Lyon,150\r\n');
    const run = await cli('new', 'models/price.ts', '--csv', 'data/houses.csv', '--target', 'price', '--task', 'regression', '--features', 'area,rooms');
    assert.equal(run.code, 0);
    const code = read('models/price.ts');
    assert.match(code, /const CSV_FILE = '\.\.\/data\/houses\.csv';/);
    assert.match(code, /const FEATURE_COLUMNS = \[0, 1\];\n[^\n]*\nconst TARGET_COLUMN = 3;/);
    assert.deepEqual(run.err, [
      'warning: data/houses.csv:42: column rooms: "x" is not a number',
      'warning: the model will refuse to load its data until these rows are fixed or removed',
    ]);
    const byIndex = await cli('new', 'csv', 'city.ts', '--csv', 'data/houses.csv', '--target', '2', '--features', '0');
    assert.equal(byIndex.code, 0);
    assert.match(read('city.ts'), /const CLASSES = \['Paris', 'Lyon', 'Nice'\];/);
  });

  test('bad input: exit 2, one line on stderr, nothing written', async () => {
    fs.writeFileSync(path.join(cwd, 'h.csv'), 'a,b\n1,2\n');
    const cases: [string[], RegExp][] = [
      [['new', 'spirals', 'x.ts'], /unknown template "spirals" \(choose spiral, moons, blobs, sine, iris, csv\)/],
      [['new'], /missing <out-file>/],
      [['new', 'iris'], /missing <out-file>, e\.g\. deepscope new iris iris\.ts/],
      [['new', 'x.js'], /must end in \.ts/],
      [['new', 'x.ts', '--bogus'], /unknown option '--bogus'/],
      [['new', 'x.ts', '--lr'], /'--lr <value>' argument missing/],
      [['new', 'x.ts', '--lr', 'fast'], /--lr: The learning rate must be a positive number/],
      [['new', 'x.ts', '--dropout', '1'], /--dropout:/],
      [['new', 'x.ts', '--hidden', '64,x'], /--hidden: "x" is not a layer size/],
      [['new', 'x.ts', '--epochs', '2.5'], /--epochs must be a positive whole number/],
      [['new', 'x.ts', '--activation', 'softplus'], /unknown --activation "softplus" \(choose relu, leakyRelu, prelu, elu, tanh, sigmoid\)/],
      [['new', 'x.ts', '--task', 'ranking'], /--task must be classification or regression/],
      [['new', 'sine', 'x.ts', '--task', 'classification'], /sine template does regression, not classification/],
      [['new', 'iris', 'x.ts', '--target', 'species'], /--target only applies to the csv template/],
      [['new', 'csv', 'x.ts'], /needs --csv/],
      [['new', 'x.ts', '--csv', 'h.csv'], /needs --target/],
      [['new', 'x.ts', '--csv', 'nope.csv', '--target', 'b'], /cannot read nope\.csv: no such file/],
      [['new', 'x.ts', '--csv', 'h.csv', '--target', 'c'], /h\.csv has no column "c" \(columns: a, b\)/],
      [['new', 'x.ts', '--csv', 'h.csv', '--target', 'b'], /b has 1 distinct value/],
      [['frobnicate'], /^deepscope: unknown command "frobnicate" \(commands: new, (\w+, )*help\)$/],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(...argv);
      assert.equal(run.code, 2, argv.join(' '));
      assert.equal(run.err.length, 1, `${argv.join(' ')}: ${run.err.join(' | ')}`);
      assert.match(run.err[0] ?? '', message);
      assert.deepEqual(run.out, []);
    }
    assert.deepEqual(files(), ['h.csv']);
  });

  test('help lists the commands, and for new every template and menu value', async () => {
    const overview = await cli();
    assert.equal(overview.code, 0);
    assert.ok(overview.out.some((line) => /^\s+new \[template\] <out-file\.ts>/.test(line)));
    const help = await cli('help', 'new');
    const text = help.out.join('\n');
    for (const value of ['spiral', 'csv', 'leakyRelu', 'heNormal', 'nesterov', 'inverseTime', '--no-center', '--force']) {
      assert.ok(text.includes(value), value);
    }
    assert.equal((await cli('new', '--help')).out.join('\n'), text);
  });
});

test('main.ts runs the CLI when loaded: exit codes and stderr of a real process', () => {
  const tsx = pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const main = path.join(REPO_ROOT, 'src/cli/main.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', tsx, main, ...args], { cwd, encoding: 'utf8' });
  const bad = run('new', 'nope', 'x.ts');
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, 'deepscope new: unknown template "nope" (choose spiral, moons, blobs, sine, iris, csv)\n');
  const good = run('new', 'model.ts');
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /^Wrote model\.ts/);
  assert.equal(read('model.ts'), generateModule(defaultOptions('spiral')));
});
