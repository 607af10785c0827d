/**
 * snippets/python.code-snippets (Keras and PyTorch, contributed to python): VS Code reads each snippet as
 * meant, each carries its defaults with topic comments, and each expands to Python that py_compile accepts
 * (skipped where python3 is not installed).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expandSnippet } from './expandSnippet';
import { checkCoverage, checkExpectation, checkTabStops, duplicateTopLevelKeys, readSnippets, ROOT, type Expectation } from './snippetChecks';

const PYTHON_FILE = path.join(ROOT, 'snippets/python.code-snippets');

const PYTHON: Record<string, Expectation> = {
  'ds-keras-dense': {
    contains: ['keras.layers.Dense(64, activation="relu", kernel_initializer="he_normal")'],
    topics: ['activation-relu', 'init-he'],
    describes: /ReLU.*he_normal/,
  },
  'ds-keras-nesterov': {
    contains: ['keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True)'],
    topics: ['optim-nesterov'],
    describes: /momentum=0\.9, nesterov=True/,
  },
  'ds-keras-step-decay': {
    contains: ['keras.callbacks.LearningRateScheduler(lambda epoch: 0.05 * 0.5 ** (epoch // 10))'],
    topics: ['lr-step-decay'],
    describes: /[Ss]tep-decay.*LearningRateScheduler/,
  },
  'ds-keras-exp-decay': {
    contains: ['import math', 'keras.optimizers.schedules.ExponentialDecay(', 'decay_rate=math.exp(-0.1)'],
    topics: ['lr-exponential-decay'],
    describes: /ExponentialDecay.*e\^\(-k \* epoch\)/,
  },
  'ds-keras-inverse-time-decay': {
    contains: ['keras.optimizers.schedules.InverseTimeDecay(', 'decay_rate=0.1'],
    topics: ['lr-inverse-time-decay'],
    describes: /InverseTimeDecay.*\/ \(1 \+ k \* epoch\)/,
  },
  'ds-keras-bn-block': {
    contains: ['use_bias=False', 'kernel_initializer="he_normal"', 'keras.layers.BatchNormalization()', 'keras.layers.Activation("relu")'],
    topics: ['batch-norm', 'init-he', 'activation-relu'],
    describes: /batch norm.*before the activation/,
    order: ['keras.layers.Dense(', 'keras.layers.BatchNormalization(', 'keras.layers.Activation('],
  },
  'ds-keras-dropout': {
    contains: ['keras.layers.Dropout(0.5)'],
    topics: ['reg-dropout', 'reg-inverted-dropout'],
    describes: /Dropout.*0\.5.*inverted/,
  },
  'ds-keras-model': {
    contains: [
      'from tensorflow import keras',
      'activation="relu", kernel_initializer="he_normal"',
      'keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True)',
      'keras.callbacks.LearningRateScheduler(lambda epoch: 0.05 * 0.5 ** (epoch // 20))',
      'x_train - mean',
      'model.fit(',
    ],
    topics: ['activation-relu', 'init-he', 'optim-nesterov', 'lr-step-decay', 'preprocessing-centering'],
    describes: /centred inputs.*he_normal.*momentum=0\.9 nesterov=True.*step-decay/,
  },
  'ds-torch-linear': {
    contains: ['nn.Linear(in_features, 64)', 'nn.init.kaiming_normal_(self.fc.weight, nonlinearity="relu")', 'nn.ReLU()'],
    topics: ['init-he', 'activation-relu'],
    describes: /kaiming_normal_.*nonlinearity="relu".*ReLU/,
  },
  'ds-torch-nesterov': {
    contains: ['torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)'],
    topics: ['optim-nesterov'],
    describes: /momentum=0\.9, nesterov=True/,
  },
  'ds-torch-step-decay': {
    contains: ['torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)'],
    topics: ['lr-step-decay'],
    describes: /StepLR.*every 10 epochs/,
  },
  'ds-torch-exp-decay': {
    contains: ['import math', 'torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=math.exp(-0.1))'],
    topics: ['lr-exponential-decay'],
    describes: /ExponentialLR.*e\^\(-k\)/,
  },
  'ds-torch-inverse-time-decay': {
    contains: ['torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda epoch: 1 / (1 + 0.1 * epoch))'],
    topics: ['lr-inverse-time-decay'],
    describes: /LambdaLR.*1 \/ \(1 \+ k \* epoch\)/,
  },
  'ds-torch-bn-block': {
    contains: ['nn.Linear(in_features, 64, bias=False)', 'nn.BatchNorm1d(64)', 'nn.init.kaiming_normal_(block[0].weight, nonlinearity="relu")'],
    topics: ['batch-norm', 'init-he', 'activation-relu'],
    describes: /batch norm.*before the activation/,
    order: ['nn.Linear(', 'nn.BatchNorm1d(', 'nn.ReLU('],
  },
  'ds-torch-dropout': {
    contains: ['nn.Dropout(p=0.5)'],
    topics: ['reg-dropout', 'reg-inverted-dropout'],
    describes: /Dropout.*0\.5.*inverted/,
  },
  'ds-torch-model': {
    contains: [
      'import torch',
      'from torch import nn',
      'nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")',
      'nn.ReLU()',
      'torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)',
      'torch.optim.lr_scheduler.StepLR(optimizer, step_size=20, gamma=0.5)',
      'x_train - mean',
      'loss.backward()',
      'scheduler.step()',
    ],
    topics: ['activation-relu', 'init-he', 'optim-nesterov', 'lr-step-decay', 'preprocessing-centering'],
    describes: /training loop.*centred inputs.*kaiming_normal_.*momentum=0\.9 nesterov=True.*StepLR/,
  },
};
/** `#` comments of the expanded Python snippets (none of them has a `#` inside a string). */
function pythonComments(code: string): string[] {
  return [...code.matchAll(/#(.*)$/gm)].map((m) => m[1] ?? '');
}

describe('python.code-snippets (Keras, PyTorch)', () => {
  const snippets = readSnippets(PYTHON_FILE);
  const hasPython = (() => {
    try {
      execFileSync('python3', ['--version'], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  })();
  let tmp = '';
  const fileOf = (prefix: string): string => path.join(tmp, `${prefix.replace(/-/g, '_')}.py`);
  /** One `python3 -m py_compile` over every expanded snippet (one interpreter start, not sixteen). */
  let compiled = { status: 0, stderr: '' };

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'deepscope-snippets-'));
    for (const snippet of snippets.values()) writeFileSync(fileOf(snippet.prefix), `${expandSnippet(snippet.body)}\n`);
    if (!hasPython) return;
    const run = spawnSync('python3', ['-m', 'py_compile', ...[...snippets.keys()].map(fileOf)], { encoding: 'utf8' });
    compiled = { status: run.status ?? 1, stderr: `${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('is strict JSON with unique names and prefixes', () => {
    assert.deepEqual(duplicateTopLevelKeys(PYTHON_FILE), []);
    assert.equal(snippets.size, Object.keys(PYTHON).length);
    checkCoverage(snippets, PYTHON);
    for (const prefix of snippets.keys()) assert.match(prefix, /^ds-(keras|torch)-/);
  });

  for (const snippet of snippets.values()) {
    test(`${snippet.prefix}: tab stops, defaults and topic comments`, () => {
      checkTabStops(snippet);
      checkExpectation(snippet, PYTHON[snippet.prefix]!, pythonComments);
      const code = expandSnippet(snippet.body);
      const framework = snippet.prefix.startsWith('ds-keras-') ? /\bkeras\./ : /\b(nn|torch)\./;
      assert.match(code, framework, `${snippet.prefix} uses its framework`);
    });

    test(`${snippet.prefix}: expands to Python that py_compile accepts`, { skip: !hasPython && 'python3 not found' }, () => {
      assert.ok(!compiled.stderr.includes(fileOf(snippet.prefix)), `${snippet.prefix}: py_compile failed\n${compiled.stderr}`);
    });
  }

  test('python3 -m py_compile accepts every expanded snippet', { skip: !hasPython && 'python3 not found' }, () => {
    assert.equal(compiled.status, 0, compiled.stderr);
  });

  test('dropout defaults stay at or below 0.5', () => {
    for (const prefix of ['ds-keras-dropout', 'ds-torch-dropout']) {
      const rate = Number(/Dropout\((?:p=)?([\d.]+)\)/.exec(expandSnippet(snippets.get(prefix)!.body))?.[1]);
      assert.ok(rate > 0 && rate <= 0.5, `${prefix}: rate ${rate}`);
    }
  });
});
