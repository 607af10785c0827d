/** What the templates write: snapshots of the defaults, and the content each option must change. */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultOptions } from '../../../src/scaffold/core/choices';
import type { ScaffoldOptions } from '../../../src/scaffold/core/scaffoldOptions';
import { generateModule } from '../../../src/scaffold/core/templates/index';
import { TOPIC_IDS } from '../../../src/notes/core/topicIds';
import { assertMatchesSnapshot } from '../support/snapshot';
import { CSV_REGRESSION, TEMPLATE_NAMES, defaultCase } from '../support/scaffoldCases';

const spiral = (changes: Partial<ScaffoldOptions> = {}): string => generateModule({ ...defaultOptions('spiral'), ...changes });

/** Index of `needle` in `text`, failing if absent. */
function at(text: string, needle: string | RegExp): number {
  const index = typeof needle === 'string' ? text.indexOf(needle) : text.search(needle);
  assert.ok(index >= 0, `expected to find ${String(needle)}`);
  return index;
}

describe('default modules', () => {
  for (const template of TEMPLATE_NAMES) {
    test(`${template} matches its snapshot`, () => {
      assertMatchesSnapshot(__dirname, `${template}.ts`, generateModule(defaultCase(template)));
    });

    test(`${template} follows the model-module contract with the notes' defaults`, () => {
      const code = generateModule(defaultCase(template));
      assert.match(code, /^import \* as tf from '@tensorflow\/tfjs';$/m);
      assert.match(code, /^export function createModel\(\): tf\.LayersModel \{$/m);
      assert.match(code, /^export function loadData\(\): Dataset \{$/m);
      assert.match(code, /^export const training = \{$/m);
      assert.match(code, /activation: 'relu',/);
      assert.match(code, /kernelInitializer: tf\.initializers\.heNormal\(\{ seed: SEED \+ 1 \}\)/);
      assert.match(code, /optimizer: \(\) => tf\.train\.momentum\(LEARNING_RATE, 0\.9, true\),/);
      assert.match(code, /learningRate: \(epoch: number\) => LEARNING_RATE \* Math\.pow\(0\.5, Math\.floor\(epoch \/ DROP_EVERY\)\)/);
      assert.match(code, /const mean = x\.mean\(0\);/);
      assert.match(code, /validation: \{ x: xValidation\.sub\(mean\)/);
      assert.match(code, /return tf\.tidy\(\(\) => \{/);
      assert.match(code, /const SEED = 42;/);
      for (const topic of ['activation-relu', 'init-he', 'optim-nesterov', 'lr-step-decay', 'preprocessing-centering']) {
        assert.match(code, new RegExp(`// .*\\(topics? [a-z-, ]*${topic}`), `comment citing ${topic}`);
      }
      assert.doesNotMatch(code, /batchNormalization|dropout\(/);
    });
  }

  test('every topic cited in a generated comment is a known topic id', () => {
    const cited = new Set<string>();
    const all = [...TEMPLATE_NAMES.map(defaultCase), { ...defaultOptions('spiral'), batchNorm: true, dropout: 0.3, activation: 'tanh' as const }];
    for (const options of all) {
      for (const match of generateModule(options).matchAll(/\(topics? ([a-z0-9-]+(?:, [a-z0-9-]+)*)\)/g)) {
        for (const id of (match[1] ?? '').split(', ')) cited.add(id);
      }
    }
    assert.ok(cited.size >= 10, `only ${cited.size} topics cited`);
    const known: readonly string[] = TOPIC_IDS;
    assert.deepEqual([...cited].filter((id) => !known.includes(id)), []);
  });

  test('classification uses softmax + categorical cross-entropy + accuracy; regression a linear unit + MSE', () => {
    const classifier = generateModule(defaultOptions('iris'));
    assert.match(classifier, /units: N_CLASSES,\n\s+activation: 'softmax',/);
    assert.match(classifier, /loss: 'categoricalCrossentropy',\n\s+metrics: \['accuracy'\],/);
    assert.match(classifier, /tf\.oneHot\(/);
    for (const code of [generateModule(defaultOptions('sine')), generateModule(CSV_REGRESSION), generateModule(defaultOptions('iris', 'regression'))]) {
      assert.match(code, /units: 1,\n\s+activation: 'linear',/);
      assert.match(code, /loss: 'meanSquaredError',/);
      assert.doesNotMatch(code, /softmax|oneHot|CLASSES/);
    }
  });
});

describe('options', () => {
  test('batch norm sits between a bias-free linear dense layer and the activation', () => {
    const code = spiral({ batchNorm: true });
    const dense = at(code, "name: 'hidden1',");
    const bn = at(code, "tf.layers.batchNormalization({ name: 'hidden1_bn' })");
    const act = at(code, "tf.layers.activation({ name: 'hidden1_relu', activation: 'relu' })");
    assert.ok(dense < bn && bn < act);
    assert.match(code.slice(dense, bn), /useBias: false/);
    assert.doesNotMatch(code.slice(dense, bn), /activation:/);
    assert.match(code, /\(topic batch-norm\)/);
    assert.equal(code.match(/batchNormalization\(/g)?.length, 2);
  });

  test('dropout comes after the activation of every hidden layer, with the chosen rate', () => {
    const code = spiral({ dropout: 0.3, batchNorm: true, hiddenUnits: [8, 8, 8] });
    for (const layer of ['hidden1', 'hidden2', 'hidden3']) {
      assert.ok(at(code, `name: '${layer}_relu'`) < at(code, `tf.layers.dropout({ name: '${layer}_dropout', rate: 0.3 })`));
    }
    assert.match(code, /\(topic reg-dropout\)/);
    assert.doesNotMatch(spiral(), /dropout/i);
  });

  test('ReLU variants are layers of their own; built-in activations go inside the dense layer', () => {
    assert.match(spiral({ activation: 'leakyRelu' }), /tf\.layers\.leakyReLU\(\{ name: 'hidden1_leaky_relu', alpha: 0\.01 \}\)/);
    assert.match(spiral({ activation: 'prelu' }), /tf\.layers\.prelu\(\{ name: 'hidden2_prelu' \}\)/);
    assert.match(spiral({ activation: 'elu' }), /activation: 'elu',/);
    const tanh = spiral({ activation: 'tanh' });
    assert.match(tanh, /activation: 'tanh',/);
    assert.match(tanh, /\(topic activation-tanh\).*\n.*don't expect miracles/);
    assert.match(spiral({ activation: 'sigmoid' }), /\(topic activation-sigmoid\)[\s\S]*not to use it/);
  });

  test('initialisers and optimisers', () => {
    assert.match(spiral({ initializer: 'glorotUniform' }), /tf\.initializers\.glorotUniform\(\{ seed: SEED \+ 2 \}\)[\s\S]*\(topic init-xavier\)|\(topic init-xavier\)[\s\S]*glorotUniform/);
    assert.match(spiral({ optimizer: 'momentum' }), /tf\.train\.momentum\(LEARNING_RATE, 0\.9\),/);
    assert.match(spiral({ optimizer: 'sgd', learningRate: 0.3 }), /const LEARNING_RATE = 0\.3;[\s\S]*tf\.train\.sgd\(LEARNING_RATE\)/);
    assert.match(spiral({ optimizer: 'adam' }), /tf\.train\.adam\(LEARNING_RATE\)/);
  });

  test('each schedule writes its formula, with constants derived from the epochs', () => {
    const step = spiral({ epochs: 80 });
    assert.match(step, /const DROP_EVERY = 20;/);
    const exponential = spiral({ schedule: 'exponential', epochs: 100 });
    assert.match(exponential, /const DECAY = 0\.023;/);
    assert.match(exponential, /learningRate: \(epoch: number\) => LEARNING_RATE \* Math\.exp\(-DECAY \* epoch\),/);
    assert.match(exponential, /\(topic lr-exponential-decay\)/);
    const inverse = spiral({ schedule: 'inverseTime', epochs: 90 });
    assert.match(inverse, /const DECAY = 0\.1;/);
    assert.match(inverse, /learningRate: \(epoch: number\) => LEARNING_RATE \/ \(1 \+ DECAY \* epoch\),/);
    assert.match(inverse, /\(topic lr-inverse-time-decay\)/);
    const constant = spiral({ schedule: 'constant' });
    assert.match(constant, /learningRate: \(\) => LEARNING_RATE,/);
    assert.doesNotMatch(constant, /DECAY|DROP_EVERY/);
  });

  test('--no-center leaves the inputs as they are, and says what the notes advise', () => {
    const code = spiral({ centerInputs: false });
    assert.doesNotMatch(code, /mean/);
    assert.match(code, /x: x,\n\s+y: targetTensor\(train\.targets\),\n\s+validation: \{ x: xValidation,/);
    assert.match(code, /NOT centred[\s\S]*topic preprocessing-centering/);
  });

  test('sizes, epochs, batch size and seed are written as given', () => {
    const code = spiral({ hiddenUnits: [5, 7, 9], epochs: 12, batchSize: 8, seed: 7 });
    assert.deepEqual([...code.matchAll(/units: (\d+),/g)].map((m) => m[1]), ['5', '7', '9']);
    assert.match(code, /epochs: 12,\n(\s+\/\/.*\n)*\s+batchSize: 8,/);
    assert.match(code, /const SEED = 7;/);
  });

  test('invalid options are refused with every problem listed', () => {
    assert.throws(
      () => spiral({ hiddenUnits: [0], dropout: 1, learningRate: -1, task: 'regression' }),
      /hidden layer sizes.*learning rate.*dropout|regression/,
    );
    assert.throws(() => generateModule(defaultOptions('csv')), /needs a CSV file/);
  });
});
