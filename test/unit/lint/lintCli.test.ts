/** `deepscope lint`, in-process: what it reads, where it places findings, its JSON and its exit codes. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCliIn } from '../support/cli';
import { makeWorkDir, removeWorkDir } from '../support/generatedModules';

const HIDDEN_SIGMOID = "import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential();\nmodel.add(tf.layers.dense({ units: 8, inputShape: [2], activation: 'sigmoid', kernelInitializer: 'heNormal' }));\nmodel.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));\n";
const PLAIN_SGD = 'import torch\noptimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n';
const DEFAULT_GLOROT = 'from keras import layers\nx = layers.Dense(64, activation="relu")(x)\ny = layers.Dense(10, activation="softmax")(x)\n';

function notebook(cells: readonly { type: 'code' | 'markdown'; source: string[] }[]): string {
  return JSON.stringify({ cells: cells.map((cell) => ({ cell_type: cell.type, source: cell.source, metadata: {} })), metadata: { language_info: { name: 'python' } }, nbformat: 4 });
}

let cwd = '';
before(() => {
  cwd = makeWorkDir('lint');
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(cwd, file)), { recursive: true });
    fs.writeFileSync(path.join(cwd, file), text);
  };
  write('project/model.ts', HIDDEN_SIGMOID);
  write('project/train.py', PLAIN_SGD);
  write('project/glorot.py', DEFAULT_GLOROT);
  write('project/node_modules/lib/model.js', HIDDEN_SIGMOID);
  write('project/.cache/model.js', HIDDEN_SIGMOID);
  write('project/notes.md', 'not code');
  write(
    'project/book.ipynb',
    notebook([
      { type: 'markdown', source: ['# A model\n'] },
      { type: 'code', source: ['%matplotlib inline\n', 'import torch\n'] },
      { type: 'markdown', source: ['Training\n'] },
      { type: 'code', source: ['x = 1\n', 'optimizer = torch.optim.SGD(model.parameters(), lr=0.1)'] },
    ]),
  );
});
after(() => removeWorkDir(cwd));

describe('deepscope lint', () => {
  test('walks folders (skipping node_modules and hidden ones), exits 1 on a warning', async () => {
    const run = await runCliIn(cwd, 'lint', 'project');
    assert.equal(run.code, 1);
    const where = run.out.map((line) => line.split(': ')[0]);
    assert.deepEqual(where, [path.join('project', 'book.ipynb#cell4:2:13'), path.join('project', 'model.ts:3:68'), path.join('project', 'train.py:2:13')]);
    assert.match(run.out[1], /: warning hidden-saturating-activation: Sigmoid in a hidden layer.* — Use ReLU$/);
    assert.match(run.err.join('\n'), /4 file\(s\) linted: 1 warning\(s\), 2 information, 1 hint\(s\)\./);
  });

  test('--json lists every finding, hints included, with notebook cells; information alone exits 0', async () => {
    const run = await runCliIn(cwd, 'lint', '--json', 'project/book.ipynb', 'project/glorot.py');
    assert.equal(run.code, 0);
    const { findings } = JSON.parse(run.out.join('\n')) as { findings: Record<string, unknown>[] };
    assert.deepEqual(
      findings.map(({ file, cell, line, column, rule, severity, fix }) => ({ file, cell, line, column, rule, severity, fix })),
      [
        { file: path.join('project', 'book.ipynb'), cell: 4, line: 2, column: 13, rule: 'sgd-without-momentum', severity: 'information', fix: 'Use SGD with Nesterov momentum 0.9' },
        { file: path.join('project', 'glorot.py'), cell: undefined, line: 2, column: 5, rule: 'glorot-with-relu', severity: 'hint', fix: 'Use He normal initialisation' },
      ],
    );
    assert.ok(findings.every((finding) => typeof finding.message === 'string' && !('cell' in finding && finding.file === path.join('project', 'glorot.py'))));
  });

  test('--rules keeps only the rules named', async () => {
    const run = await runCliIn(cwd, 'lint', '--rules', 'sgd-without-momentum', 'project/model.ts', 'project/train.py');
    assert.equal(run.code, 0);
    assert.deepEqual(run.out.map((line) => line.split(': ')[0]), [path.join('project', 'train.py:2:13')]);
  });

  test('bad arguments exit 2 with one line on stderr', async () => {
    for (const argv of [['lint'], ['lint', '--rules', 'nope', 'project'], ['lint', 'missing.py'], ['lint', 'project/notes.md'], ['lint', '--fix', 'project']]) {
      const run = await runCliIn(cwd, ...argv);
      assert.equal(run.code, 2, argv.join(' '));
      assert.equal(run.err.length, 1);
      assert.match(run.err[0], /^deepscope lint: /);
    }
  });
});
