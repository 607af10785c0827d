/**
 * The snippets contributed in package.json: snippets/tfjs.code-snippets (typescript + javascript)
 * and snippets/python.code-snippets (python). Checks that VS Code reads them as meant, that each
 * expands (placeholders at their defaults) to code that parses, compiles or trains, and that each
 * carries the default it promises with a comment naming the lecture-note topic.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import * as ts from 'typescript';
import * as tf from '@tensorflow/tfjs';
import { TOPIC_IDS, type TopicId } from '../../../src/notes/core/topicIds';
import { bodyText, expandSnippet, parseSnippet, SnippetSyntaxError, tabStopIndices } from './expandSnippet';

const ROOT = path.resolve(__dirname, '../../..');
const TFJS_FILE = path.join(ROOT, 'snippets/tfjs.code-snippets');
const PYTHON_FILE = path.join(ROOT, 'snippets/python.code-snippets');

interface Snippet {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description: string;
}

interface Expectation {
  /** Substrings of the expanded body: the defaults the snippet promises. */
  readonly contains: readonly string[];
  /** Topic ids that must appear in a comment of the expanded body. */
  readonly topics: readonly TopicId[];
  /** What the description must mention. */
  readonly describes: RegExp;
  /** Substrings that must appear in this order (e.g. batch norm before the activation). */
  readonly order?: readonly string[];
}

const TFJS: Record<string, Expectation> = {
  'ds-dense': {
    contains: ["activation: 'relu'", "kernelInitializer: 'heNormal'", 'tf.layers.dense('],
    topics: ['activation-relu', 'init-he'],
    describes: /He normal.*ReLU|ReLU.*He normal/,
  },
  'ds-nesterov': {
    contains: ['tf.train.momentum(0.05, 0.9, true)'],
    topics: ['optim-nesterov'],
    describes: /Nesterov.*0\.9/,
  },
  'ds-step-decay': {
    contains: ['Math.pow(0.5, Math.floor(epoch / 10))'],
    topics: ['lr-step-decay'],
    describes: /[Ss]tep-decay.*epoch/,
  },
  'ds-exp-decay': {
    contains: ['Math.exp(-0.1 * epoch)'],
    topics: ['lr-exponential-decay'],
    describes: /[Ee]xponential-decay.*e\^\(-k \* epoch\)/,
  },
  'ds-inverse-time-decay': {
    contains: ['/ (1 + 0.1 * epoch)'],
    topics: ['lr-inverse-time-decay'],
    describes: /1\/t.*\/ \(1 \+ k \* epoch\)/,
  },
  'ds-bn-block': {
    contains: ['useBias: false', "kernelInitializer: 'heNormal'", 'tf.layers.batchNormalization()', "tf.layers.activation({ activation: 'relu' })"],
    topics: ['batch-norm', 'init-he', 'activation-relu'],
    describes: /batch norm.*before the activation/,
    order: ['tf.layers.dense(', 'tf.layers.batchNormalization(', 'tf.layers.activation('],
  },
  'ds-dropout': {
    contains: ['tf.layers.dropout({ rate: 0.5 })'],
    topics: ['reg-dropout', 'reg-inverted-dropout'],
    describes: /dropout.*0\.5.*inverted/,
  },
  'ds-model': {
    contains: [
      "import * as tf from '@tensorflow/tfjs';",
      'export function createModel()',
      'export function loadData()',
      'export const training = {',
      "activation: 'relu', kernelInitializer: 'heNormal'",
      'tf.train.momentum(0.05, 0.9, true)',
      'learningRate: (epoch = 0) => 0.05 * Math.pow(0.5, Math.floor(epoch / 20))',
      '.sub(mean)',
    ],
    topics: ['activation-relu', 'init-he', 'optim-nesterov', 'lr-step-decay', 'preprocessing-centering'],
    describes: /model module.*centred inputs.*He normal.*Nesterov momentum 0\.9.*step-decay/,
  },
};

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

const KNOWN_TOPICS = new Set<string>(TOPIC_IDS);

function readSnippets(file: string): Map<string, Snippet> {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  assert.ok(raw !== null && typeof raw === 'object' && !Array.isArray(raw), `${file}: top level must be an object`);
  const byPrefix = new Map<string, Snippet>();
  for (const [name, value] of Object.entries(raw)) {
    assert.ok(value !== null && typeof value === 'object', `${name}: must be an object`);
    const { prefix, body, description, ...rest } = value as Record<string, unknown>;
    assert.deepEqual(Object.keys(rest), [], `${name}: unexpected keys`);
    assert.ok(typeof prefix === 'string' && /^ds-[a-z0-9-]+$/.test(prefix), `${name}: prefix must be a ds-… string, got ${String(prefix)}`);
    assert.ok(Array.isArray(body) && body.length > 0 && body.every((l) => typeof l === 'string'), `${name}: body must be a non-empty array of strings`);
    assert.ok(typeof description === 'string' && description.trim().length > 20, `${name}: description must say what it inserts`);
    assert.ok(!byPrefix.has(prefix), `prefix ${prefix} is used twice in ${path.basename(file)}`);
    byPrefix.set(prefix, { prefix, body: body as string[], description });
  }
  return byPrefix;
}

/** JSON.parse keeps the last of two equal keys silently; VS Code would lose a snippet the same way. */
function duplicateTopLevelKeys(file: string): string[] {
  const source = ts.parseJsonText(file, readFileSync(file, 'utf8'));
  const statement = source.statements[0];
  assert.ok(statement && ts.isObjectLiteralExpression(statement.expression), 'top level must be an object');
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const property of statement.expression.properties) {
    const name = property.name && ts.isStringLiteral(property.name) ? property.name.text : '?';
    if (seen.has(name)) duplicates.push(name);
    seen.add(name);
  }
  return duplicates;
}

/** Text of every comment, found with the TypeScript scanner (so `//` inside strings does not count). */
function tsComments(code: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  const comments: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      comments.push(scanner.getTokenText());
    }
  }
  return comments;
}

/** `#` comments of the expanded Python snippets (none of them has a `#` inside a string). */
function pythonComments(code: string): string[] {
  return [...code.matchAll(/#(.*)$/gm)].map((m) => m[1] ?? '');
}

function checkExpectation(snippet: Snippet, expected: Expectation, comments: (code: string) => string[]): void {
  const code = expandSnippet(snippet.body);
  for (const fragment of expected.contains) {
    assert.ok(code.includes(fragment), `${snippet.prefix}: expanded body lacks ${JSON.stringify(fragment)}\n${code}`);
  }
  if (expected.order) {
    const positions = expected.order.map((fragment) => code.indexOf(fragment));
    assert.ok(positions.every((p) => p >= 0), `${snippet.prefix}: missing one of ${expected.order.join(', ')}`);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `${snippet.prefix}: expected the order ${expected.order.join(' -> ')}`);
  }
  const commentText = comments(code).join('\n');
  for (const topic of expected.topics) {
    assert.ok(commentText.includes(`${topic}:`), `${snippet.prefix}: no comment explains ${topic}`);
  }
  for (const match of commentText.matchAll(/\b([a-z]+(?:-[a-z]+)+):/g)) {
    assert.ok(KNOWN_TOPICS.has(match[1] ?? ''), `${snippet.prefix}: comment names unknown topic ${match[1]}`);
  }
  assert.match(snippet.description, expected.describes, `${snippet.prefix}: description`);
}

function checkTabStops(snippet: Snippet): void {
  let indices: number[];
  try {
    indices = tabStopIndices(parseSnippet(bodyText(snippet.body)));
  } catch (error) {
    assert.fail(`${snippet.prefix}: VS Code would not read the body as written: ${(error as Error).message}`);
  }
  const numbered = indices.filter((i) => i > 0);
  assert.deepEqual(numbered, numbered.map((_, k) => k + 1), `${snippet.prefix}: tab stops must run 1..n without gaps`);
  assert.ok(numbered.length > 0, `${snippet.prefix}: at least one tab stop to fill`);
  const text = bodyText(snippet.body);
  assert.equal(text.match(/\$0(?!\d)/g)?.length ?? 0, 1, `${snippet.prefix}: exactly one final $0`);
  for (const line of snippet.body) {
    assert.ok(!/^ +\S/.test(line), `${snippet.prefix}: indent with tabs (VS Code converts them to the user's indentation): ${JSON.stringify(line)}`);
  }
}

function checkCoverage(snippets: Map<string, Snippet>, expectations: Record<string, Expectation>): void {
  assert.deepEqual([...snippets.keys()].sort(), Object.keys(expectations).sort(), 'every snippet has expectations and vice versa');
}

describe('expandSnippet helper', () => {
  test('expands placeholders, mirrors, choices and escapes the way VS Code does', () => {
    assert.equal(expandSnippet('a ${1:x} b $1 c ${2|p,q|} $2 $3$0'), 'a x b x c p p ');
    assert.equal(expandSnippet('$1 then ${1:later}'), 'later then later');
    assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
    assert.equal(expandSnippet(['const s = `\\${name}`;', 'cost: \\$5 } \\\\ \\n']), 'const s = `${name}`;\ncost: $5 } \\ \\n');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.deepEqual(tabStopIndices(parseSnippet('$3 ${1:a ${2:b}} $0')), [0, 1, 2, 3]);
  });

  test('rejects what VS Code would read differently', () => {
    for (const bad of ['`${name}`', '$TM_FILENAME', 'cost $', '$(x)', '${1:open', '${1|a,b}', '${1/a/b/}', '${x:y}']) {
      assert.throws(() => parseSnippet(bad), SnippetSyntaxError, bad);
    }
  });
});

describe('tfjs.code-snippets (typescript, javascript)', () => {
  const snippets = readSnippets(TFJS_FILE);

  before(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });

  test('is strict JSON with unique names and prefixes', () => {
    assert.deepEqual(duplicateTopLevelKeys(TFJS_FILE), []);
    assert.equal(snippets.size, Object.keys(TFJS).length);
    checkCoverage(snippets, TFJS);
  });

  for (const snippet of snippets.values()) {
    test(`${snippet.prefix}: tab stops, defaults and topic comments`, () => {
      checkTabStops(snippet);
      checkExpectation(snippet, TFJS[snippet.prefix]!, tsComments);
    });

    test(`${snippet.prefix}: expands to TypeScript and JavaScript without syntax errors`, () => {
      // The same file is contributed to javascript too, so the code must avoid TypeScript-only syntax.
      const code = expandSnippet(snippet.body);
      for (const fileName of ['snippet.ts', 'snippet.js']) {
        const { diagnostics = [] } = ts.transpileModule(code, { fileName, reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, allowJs: true } });
        assert.deepEqual(diagnostics.map(formatDiagnostic), [], `${snippet.prefix} as ${fileName}:\n${code}`);
      }
    });
  }

  test('every snippet type-checks under strict mode with @tensorflow/tfjs types, and ds-model meets the model-module contract', () => {
    const files = new Map<string, string>();
    const virtualDir = path.join(ROOT, 'test/unit/snippets/.virtual');
    files.set(path.join(virtualDir, 'model.ts'), expandSnippet(snippets.get('ds-model')!.body));
    files.set(path.join(virtualDir, 'contract.ts'), CONTRACT_CHECK);
    for (const snippet of snippets.values()) {
      if (snippet.prefix === 'ds-model') continue;
      files.set(path.join(virtualDir, `${snippet.prefix}.ts`), `${FRAGMENT_PRELUDE}${expandSnippet(snippet.body)}\nexport {};\n`);
    }
    const problems = typeCheck(files).filter((d) => {
      // A fragment may declare a name the prelude never reads; that is the user's next line's job.
      const isFragment = d.file !== undefined && !/[\\/](model|contract)\.ts$/.test(d.file.fileName);
      return !(isFragment && UNUSED_CODES.has(d.code));
    });
    assert.deepEqual(problems.map(formatDiagnostic), []);
  });

  test('learning-rate schedules follow the formulas of the notes', () => {
    const near = (actual: number, expected: number, what: string): void => {
      assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} !== ${expected}`);
    };
    const stepDecay = scheduleOf(snippets.get('ds-step-decay')!);
    near(stepDecay(0), 0.05, 'step decay, epoch 0');
    near(stepDecay(9), 0.05, 'step decay, epoch 9');
    near(stepDecay(10), 0.025, 'step decay, epoch 10');
    near(stepDecay(25), 0.0125, 'step decay, epoch 25');
    const expDecay = scheduleOf(snippets.get('ds-exp-decay')!);
    for (const t of [0, 1, 10, 33]) near(expDecay(t), 0.05 * Math.exp(-0.1 * t), `exponential decay, epoch ${t}`);
    const inverseTime = scheduleOf(snippets.get('ds-inverse-time-decay')!);
    for (const t of [0, 1, 10, 33]) near(inverseTime(t), 0.05 / (1 + 0.1 * t), `1/t decay, epoch ${t}`);
  });

  test('layer and optimizer snippets build what they promise with plain tfjs', () => {
    // tfjs types kernelInitializer as `… | string`, so only running the code proves 'heNormal' is He init.
    const heNormal = { className: 'VarianceScaling', config: { scale: 2, mode: 'fanIn', distribution: 'normal', seed: null } };
    const baseline = tf.memory().numTensors;
    const layersOf = (prefix: string, outputUnits: number): Record<string, unknown>[] => {
      const { model } = runFragment(snippets.get(prefix)!, 'model');
      const output = tf.tidy(() => (model.predict(tf.ones([4, 8])) as tf.Tensor).shape);
      assert.deepEqual(output, [4, outputUnits], `${prefix}: output shape`);
      const added = model.layers.slice(1).map((layer) => ({ className: layer.getClassName(), ...layer.getConfig() }));
      model.dispose();
      return added;
    };

    const [dense] = layersOf('ds-dense', 64);
    assert.equal(dense?.className, 'Dense');
    assert.equal(dense?.activation, 'relu');
    assert.deepEqual(dense?.kernelInitializer, heNormal);

    const block = layersOf('ds-bn-block', 64);
    assert.deepEqual(block.map((layer) => layer.className), ['Dense', 'BatchNormalization', 'Activation']);
    assert.equal(block[0]?.activation, 'linear');
    assert.equal(block[0]?.useBias, false);
    assert.deepEqual(block[0]?.kernelInitializer, heNormal);
    assert.equal(block[2]?.activation, 'relu');

    const [dropout] = layersOf('ds-dropout', 8);
    assert.equal(dropout?.className, 'Dropout');
    assert.equal(dropout?.rate, 0.5);

    const nesterov = runFragment(snippets.get('ds-nesterov')!, 'optimizer');
    nesterov.model.dispose();
    const optimizer = nesterov.value as tf.MomentumOptimizer;
    assert.deepEqual(optimizer.getConfig(), { learningRate: 0.05, momentum: 0.9, useNesterov: true });
    optimizer.dispose();
    tf.SGDOptimizer.prototype.dispose.call(optimizer); // see tensorflow/tfjs#4647 below
    assert.equal(tf.memory().numTensors, baseline, 'tensors back to baseline');
  });

  describe('ds-model trains as-is with plain tfjs', () => {
    test('bundles, compiles with `training`, fits 1 epoch to a finite loss and frees every tensor', async () => {
      const module = await bundleModelModule(expandSnippet(snippets.get('ds-model')!.body));
      const baseline = tf.memory().numTensors;

      const data = await module.loadData();
      assert.deepEqual(data.x.shape, [160, 2]);
      assert.deepEqual(data.y.shape, [160, 2]);
      assert.ok(data.validation, 'loadData returns a validation set');
      assert.deepEqual(data.validation.x.shape, [40, 2]);
      const mean = tf.tidy(() => data.x.mean(0).abs().max().dataSync()[0] ?? NaN);
      assert.ok(mean < 1e-6, `inputs are centred (largest feature mean ${mean})`);

      const model = module.createModel();
      const { training } = module;
      const optimizer = training.optimizer();
      assert.equal(training.learningRate(0), 0.05);
      assert.equal(training.learningRate(20), 0.025);
      model.compile({ optimizer, loss: training.loss, metrics: training.metrics });
      const history = await model.fit(data.x, data.y, {
        epochs: 1,
        batchSize: training.batchSize,
        validationData: [data.validation.x, data.validation.y],
        verbose: 0,
        callbacks: { onEpochBegin: async (epoch) => optimizer.setLearningRate(training.learningRate(epoch)) },
      });
      const loss = history.history.loss?.[0];
      assert.ok(typeof loss === 'number' && Number.isFinite(loss), `finite loss, got ${String(loss)}`);

      tf.dispose([data.x, data.y, data.validation.x, data.validation.y]);
      model.dispose();
      optimizer.dispose();
      // tfjs 4.22: MomentumOptimizer.dispose() skips SGDOptimizer.dispose(), leaking the learning-rate
      // scalar (tensorflow/tfjs#4647). Run the parent's dispose too; disposing twice is harmless.
      tf.SGDOptimizer.prototype.dispose.call(optimizer);
      assert.equal(tf.memory().numTensors, baseline, 'tensors back to baseline');
    });
  });
});

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

// ---------------------------------------------------------------------------------------------
// TypeScript and bundling helpers

/** Fragments assume the usual import and a Sequential model named `model`. */
const FRAGMENT_PRELUDE = "import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential();\nmodel.add(tf.layers.dense({ inputShape: [8], units: 8 }));\n";

/** The model-module contract (createModel(), loadData(), training), as types the expanded ds-model must satisfy. */
const CONTRACT_CHECK = `import * as tf from '@tensorflow/tfjs';
import { createModel, loadData, training } from './model';

interface Dataset { x: tf.Tensor; y: tf.Tensor; validation?: { x: tf.Tensor; y: tf.Tensor } }
interface Training {
  epochs: number;
  batchSize: number;
  loss: string | string[];
  metrics?: string[];
  optimizer?: () => tf.Optimizer;
  learningRate?: (epoch: number) => number;
}
export const contract: { createModel: () => tf.LayersModel; loadData: () => Dataset | Promise<Dataset>; training: Training } = {
  createModel,
  loadData,
  training,
};
`;

/** "declared but never read" diagnostics. */
const UNUSED_CODES = new Set([6133, 6192, 6196, 6198]);

function formatDiagnostic(d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file || d.start === undefined) return `TS${d.code}: ${message}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${path.basename(d.file.fileName)}:${line + 1}:${character + 1} TS${d.code}: ${message}`;
}

/** Type-checks in-memory files (placed inside the repo so `@tensorflow/tfjs` resolves from its node_modules). */
function typeCheck(files: ReadonlyMap<string, string>): readonly ts.Diagnostic[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    noFallthroughCasesInSwitch: true,
    esModuleInterop: true,
    skipLibCheck: true,
    types: [],
    noEmit: true,
  };
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  const virtualDirs = new Set([...files.keys()].map((file) => path.dirname(file)));
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (dir) => virtualDirs.has(path.resolve(dir)) || (directoryExists?.(dir) ?? true);
  host.fileExists = (fileName) => files.has(path.resolve(fileName)) || fileExists.call(host, fileName);
  host.readFile = (fileName) => files.get(path.resolve(fileName)) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = files.get(path.resolve(fileName));
    return text !== undefined
      ? ts.createSourceFile(fileName, text, languageVersion, true)
      : getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program);
}

/** Evaluates a schedule snippet (`const name = (epoch = 0) => …`) and returns the function. */
function scheduleOf(snippet: Snippet): (epoch: number) => number {
  const code = expandSnippet(snippet.body);
  const name = /const (\w+) =/.exec(code)?.[1];
  assert.ok(name, `${snippet.prefix}: declares a const`);
  const js = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
  const schedule: unknown = new Function(`${js}\nreturn ${name};`)();
  assert.equal(typeof schedule, 'function');
  return schedule as (epoch: number) => number;
}

/** Runs a fragment after FRAGMENT_PRELUDE with this test's tf instance; returns the prelude's model and `result`. */
function runFragment(snippet: Snippet, result: string): { model: tf.Sequential; value: unknown } {
  const source = `${FRAGMENT_PRELUDE}${expandSnippet(snippet.body)}\n`;
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true },
  }).outputText;
  const requireTf = (id: string): unknown => {
    assert.equal(id, '@tensorflow/tfjs', `${snippet.prefix}: unexpected import`);
    return tf;
  };
  const run = new Function('require', 'exports', `${js}\nreturn { model, value: ${result} };`);
  return run(requireTf, {}) as { model: tf.Sequential; value: unknown };
}

interface ModelModule {
  createModel(): tf.LayersModel;
  loadData(): Promise<{ x: tf.Tensor; y: tf.Tensor; validation?: { x: tf.Tensor; y: tf.Tensor } }>;
  training: {
    epochs: number;
    batchSize: number;
    loss: string;
    metrics: string[];
    optimizer: () => tf.MomentumOptimizer;
    learningRate: (epoch: number) => number;
  };
}

/** Bundles the module like DeepScope's runner (esbuild, node, tfjs external) and loads it with this tf instance. */
async function bundleModelModule(source: string): Promise<ModelModule> {
  const result = await esbuild.build({
    stdin: { contents: source, loader: 'ts', resolveDir: ROOT, sourcefile: 'ds-model.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@tensorflow/tfjs'],
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  assert.ok(output, 'esbuild produced a bundle');
  const rootRequire = createRequire(path.join(ROOT, 'package.json'));
  const requireForBundle = (id: string): unknown => (id === '@tensorflow/tfjs' ? tf : rootRequire(id));
  const module = { exports: {} as Record<string, unknown> };
  new Function('require', 'module', 'exports', output.text)(requireForBundle, module, module.exports);
  const { createModel, loadData, training } = module.exports;
  assert.equal(typeof createModel, 'function');
  assert.equal(typeof loadData, 'function');
  assert.equal(typeof training, 'object');
  return {
    createModel: createModel as ModelModule['createModel'],
    loadData: async () => (loadData as () => ReturnType<ModelModule['loadData']>)(),
    training: training as ModelModule['training'],
  };
}
