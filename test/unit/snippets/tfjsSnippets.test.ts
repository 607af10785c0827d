/**
 * snippets/tfjs.code-snippets (contributed to typescript and javascript): VS Code reads each snippet as
 * meant, and each expands (placeholders at their defaults) to code that parses as TypeScript and JavaScript,
 * type-checks, builds the layers and schedules it promises with plain tfjs, and (ds-model) trains.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as ts from 'typescript';
import * as tf from '@tensorflow/tfjs';
import { expandSnippet } from './expandSnippet';
import { checkCoverage, checkExpectation, checkTabStops, duplicateTopLevelKeys, readSnippets, ROOT, type Expectation } from './snippetChecks';
import {
  bundleModelModule,
  CONTRACT_CHECK,
  formatDiagnostic,
  FRAGMENT_PRELUDE,
  runFragment,
  scheduleOf,
  tsComments,
  typeCheck,
  UNUSED_CODES,
} from './tfjsHarness';

const TFJS_FILE = path.join(ROOT, 'snippets/tfjs.code-snippets');

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
