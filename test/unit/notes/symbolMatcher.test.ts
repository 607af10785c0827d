/**
 * The hover matcher on code: DL symbols in their DL context map to the right topic, everything
 * else (ordinary names, comments, strings, look-alikes) maps to nothing. `¦` marks the hover
 * position: the character right after it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findTopicForSymbol, getKnowledge, matchSymbolAt, type SourceDialect } from '../../../src/notes/core';
import type { TopicId } from '../../../src/notes/core/topicIds';

const CURSOR = '¦';

function hover(dialect: SourceDialect, marked: string): { topic?: TopicId; token?: string } {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, `no ${CURSOR} in ${marked}`);
  const code = marked.replace(CURSOR, '');
  const match = matchSymbolAt(code, offset, dialect);
  return { topic: match?.topic, token: match && code.slice(match.start, match.end) };
}

function expectTopic(dialect: SourceDialect, cases: ReadonlyArray<readonly [string, TopicId]>): void {
  for (const [code, topic] of cases) {
    assert.equal(hover(dialect, code).topic, topic, `${dialect}: ${code}`);
  }
}

function expectNothing(dialect: SourceDialect, cases: readonly string[]): void {
  for (const code of cases) {
    assert.equal(hover(dialect, code).topic, undefined, `${dialect}: ${code} should not hover`);
  }
}

describe('symbol matcher: tfjs (TypeScript / JavaScript)', () => {
  test('activations as the value of an `activation` property, and the layers that set one', () => {
    expectTopic('js', [
      ["model.add(tf.layers.dense({units: 8, activation: '¦relu'}));", 'activation-relu'],
      ['tf.layers.dense({ activation: "¦sigmoid" })', 'activation-sigmoid'],
      ["{ activation: `¦tanh` }", 'activation-tanh'],
      ["tf.layers.dense({units: 8, ¦activation: 'relu'})", 'activation-relu'],
      ["tf.layers.dense({\n  units: 8,\n  activation: '¦tanh',\n})", 'activation-tanh'],
      ["tf.layers.conv2d({filters: 8, kernelSize: 3, ¦activation: 'relu'})", 'activation-relu'],
      ["tf.layers.¦activation({activation: 'sigmoid'})", 'activation-sigmoid'],
      ['tf.layers.¦activation({activation})', 'activation-practice'],
      ['tf.layers.¦leakyReLU({alpha: 0.01})', 'activation-leaky-relu'],
      ['tf.layers.¦prelu()', 'activation-prelu'],
      ['tf.layers.¦reLU()', 'activation-relu'],
      ['const y = tf.¦relu(x);', 'activation-relu'],
      ['const y = tf.¦tanh(x);', 'activation-tanh'],
    ]);
  });

  test('initialisers as kernelInitializer values or tf.initializers.*', () => {
    expectTopic('js', [
      ["kernelInitializer: '¦heNormal',", 'init-he'],
      ["kernelInitializer: '¦heUniform',", 'init-he'],
      ['kernelInitializer: tf.initializers.¦heNormal({}),', 'init-he'],
      ["kernelInitializer: '¦glorotNormal'", 'init-xavier'],
      ['tf.initializers.¦glorotUniform({})', 'init-xavier'],
      ["kernelInitializer: '¦zeros'", 'init-homogeneous'],
      ['kernelInitializer: tf.initializers.¦zeros()', 'init-homogeneous'],
      ['tf.initializers.¦constant({value: 0.1})', 'init-homogeneous'],
      ['tf.initializers.¦randomNormal({mean: 0, stddev: 0.01})', 'init-small-random'],
      ['tf.initializers.¦randomNormal({})', 'init-small-random'],
      ['tf.initializers.¦randomNormal({stddev: 2})', 'init-large-random'],
    ]);
  });

  test('optimisers: momentum(…, true) is Nesterov, momentum otherwise, sgd plain', () => {
    expectTopic('js', [
      ['const opt = tf.train.¦momentum(0.05, 0.9, true);', 'optim-nesterov'],
      ['tf.train.¦momentum(lr, 0.9, /* useNesterov */ true)', 'optim-nesterov'],
      ['tf.train.¦momentum(\n  0.05,\n  0.9,\n  true,\n)', 'optim-nesterov'],
      ['const opt = tf.train.¦momentum(0.05, 0.9);', 'optim-momentum'],
      ['tf.train.¦momentum(0.05, 0.9, false)', 'optim-momentum'],
      ['optimizer: () => tf.train.¦sgd(0.1),', 'optim-sgd'],
    ]);
  });

  test('batch norm, dropout, test mode and transfer learning', () => {
    expectTopic('js', [
      ['model.add(tf.layers.¦batchNormalization());', 'batch-norm'],
      ['model.add(tf.layers.¦dropout({rate: 0.5}));', 'reg-dropout'],
      ['const y = tf.¦dropout(x, 0.5);', 'reg-inverted-dropout'],
      ['layer.apply(x, { ¦training: false })', 'batch-norm-test-mode'],
      ['layer.apply(x, { training: ¦true })', 'batch-norm-test-mode'],
      ['base.layers[0].¦trainable = false;', 'transfer-learning'],
    ]);
  });

  test('nothing on ordinary names, look-alikes, comments and strings', () => {
    expectNothing('js', [
      'const ¦relu = (x: number) => Math.max(0, x);',
      '¦relu(3);',
      'const y = Math.¦tanh(x);',
      'const x = tf.¦zeros([2, 2]);',
      'biasInitializer: tf.initializers.¦zeros(),',
      "biasInitializer: '¦zeros',",
      "// activation: '¦relu' would be better",
      "/* tf.train.¦momentum(0.05, 0.9, true) */",
      " * Uses tf.layers.¦batchNormalization before the activation.",
      "const label = \"activation: '¦relu'\";",
      "console.log('¦relu');",
      "if (activation === '¦relu') {}",
      'const ¦momentum = 0.9;',
      'this.¦dropout = 0.5;',
      'const training = { ¦epochs: 20, batchSize: 32 };',
      '¦tf.train.momentum(0.05, 0.9, true)',
      'tf.¦train.momentum(0.05, 0.9, true)',
      'model.¦eval()',
      "import { ¦heNormal } from './init';",
    ]);
  });

  test('the hover range is the recognised token', () => {
    assert.deepEqual(hover('js', "activation: '¦relu'"), { topic: 'activation-relu', token: "'relu'" });
    assert.deepEqual(hover('js', 'tf.train.mo¦mentum(0.05, 0.9, true)'), { topic: 'optim-nesterov', token: 'momentum' });
  });
});

describe('symbol matcher: Keras (Python)', () => {
  test('layers, activations, initialisers, optimisers and schedules', () => {
    expectTopic('python', [
      ['x = keras.layers.¦BatchNormalization()(x)', 'batch-norm'],
      ['layers.¦BatchNormalization(momentum=0.99)', 'batch-norm'],
      ['from tensorflow.keras.layers import ¦BatchNormalization', 'batch-norm'],
      ['layers.¦Dropout(0.5)', 'reg-dropout'],
      ['layers.Dense(64, activation="¦relu")', 'activation-relu'],
      ["layers.Dense(64, activation='¦sigmoid')", 'activation-sigmoid'],
      ['layers.Dense(64, kernel_initializer="¦he_normal")', 'init-he'],
      ['layers.Dense(64, kernel_initializer=initializers.¦HeNormal())', 'init-he'],
      ['layers.Dense(64, kernel_initializer="¦glorot_uniform")', 'init-xavier'],
      ['layers.Dense(64, kernel_initializer="¦zeros")', 'init-homogeneous'],
      ['layers.¦Activation("tanh")', 'activation-tanh'],
      ['layers.Activation("¦tanh")', 'activation-tanh'],
      ['layers.¦Activation(act)', 'activation-practice'],
      ['layers.¦LeakyReLU(negative_slope=0.01)', 'activation-leaky-relu'],
      ['layers.¦PReLU()', 'activation-prelu'],
      ['opt = keras.optimizers.¦SGD(learning_rate=0.01, momentum=0.9, nesterov=True)', 'optim-nesterov'],
      ['opt = keras.optimizers.¦SGD(learning_rate=0.01, momentum=0.9)', 'optim-momentum'],
      ['opt = keras.optimizers.¦SGD(learning_rate=0.01)', 'optim-sgd'],
      ['opt = keras.optimizers.¦SGD(learning_rate=0.01, momentum=0.0, nesterov=True)', 'optim-sgd'],
      ['schedule = keras.optimizers.schedules.¦ExponentialDecay(0.1, 1000, 0.96)', 'lr-exponential-decay'],
      ['keras.optimizers.schedules.¦InverseTimeDecay(0.1, 1000, 0.5)', 'lr-inverse-time-decay'],
      ['keras.optimizers.schedules.¦PiecewiseConstantDecay([10, 20], [0.1, 0.05, 0.01])', 'lr-step-decay'],
      ['callbacks=[keras.callbacks.¦LearningRateScheduler(step_decay)]', 'lr-step-decay'],
      ['y = model(x, ¦training=False)', 'batch-norm-test-mode'],
      ['base_model.¦trainable = False', 'transfer-learning'],
      ['ResNet50(weights="imagenet", ¦include_top=False)', 'transfer-learning'],
      ['layers.¦MultiHeadAttention(num_heads=2, key_dim=2)', 'seq2seq-attention'],
      ['layers.¦TextVectorization(max_tokens=1000)', 'text-tokenization'],
      ['TextVectorization(standardize="¦lower_and_strip_punctuation")', 'text-normalization'],
    ]);
  });
});

describe('symbol matcher: PyTorch (Python)', () => {
  test('modules, init functions, optimisers, schedulers and modes', () => {
    expectTopic('python', [
      ['model = nn.Sequential(nn.Linear(2, 8), nn.¦ReLU())', 'activation-relu'],
      ['torch.nn.¦ReLU(inplace=True)', 'activation-relu'],
      ['self.act = nn.¦Sigmoid()', 'activation-sigmoid'],
      ['nn.¦Tanh()', 'activation-tanh'],
      ['nn.¦LeakyReLU(0.01)', 'activation-leaky-relu'],
      ['nn.¦PReLU()', 'activation-prelu'],
      ['y = F.¦relu(self.fc1(x))', 'activation-relu'],
      ['self.bn = nn.¦BatchNorm1d(64)', 'batch-norm'],
      ['nn.¦BatchNorm2d(32)', 'batch-norm'],
      ['nn.¦Dropout(p=0.5)', 'reg-dropout'],
      ['F.¦dropout(x, p=0.5, training=self.training)', 'reg-dropout'],
      ['F.¦dropout(x, p=0.5, training=False)', 'reg-inverted-dropout'],
      ["nn.init.¦kaiming_normal_(layer.weight, nonlinearity='relu')", 'init-he'],
      ['torch.nn.init.¦kaiming_uniform_(w)', 'init-he'],
      ['from torch.nn.init import ¦kaiming_normal_', 'init-he'],
      ['nn.init.¦xavier_normal_(layer.weight)', 'init-xavier'],
      ['nn.init.¦zeros_(layer.weight)', 'init-homogeneous'],
      ['nn.init.¦normal_(layer.weight, std=0.01)', 'init-small-random'],
      ['nn.init.¦normal_(layer.weight, 0.0, 0.01)', 'init-small-random'],
      ['nn.init.¦normal_(layer.weight)', 'init-large-random'],
      ['opt = optim.¦SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)', 'optim-nesterov'],
      ['opt = torch.optim.¦SGD(\n    model.parameters(),\n    lr=0.1,\n    momentum=0.9,\n    nesterov=True,\n)', 'optim-nesterov'],
      ['opt = optim.¦SGD(model.parameters(), lr=0.1, momentum=0.9)', 'optim-momentum'],
      ['opt = optim.¦SGD(model.parameters(), lr=0.1)', 'optim-sgd'],
      ['sched = ¦StepLR(opt, step_size=10, gamma=0.5)', 'lr-step-decay'],
      ['torch.optim.lr_scheduler.¦StepLR(opt, 10)', 'lr-step-decay'],
      ['lr_scheduler.¦ExponentialLR(opt, gamma=0.95)', 'lr-exponential-decay'],
      ['lr_scheduler.¦LambdaLR(opt, lambda t: 1 / (1 + 0.1 * t))', 'lr-inverse-time-decay'],
      ['model.¦eval()', 'batch-norm-test-mode'],
      ['model.¦train()', 'batch-norm-test-mode'],
      ['self.model.¦train(False)', 'batch-norm-test-mode'],
      ['print(bn.¦running_mean)', 'batch-norm-test-mode'],
      ['p.¦requires_grad = False', 'transfer-learning'],
      ['backbone.¦requires_grad_(False)', 'transfer-learning'],
      ['nn.¦MultiheadAttention(embed_dim=64, num_heads=4)', 'seq2seq-attention'],
      ['transforms.¦RandomCrop(32, padding=4)', 'reg-stochasticity'],
      ['transforms.¦Normalize(mean, std)', 'preprocessing-centering'],
    ]);
  });
});

describe('symbol matcher: nothing in Python but DL symbols', () => {
  test('ordinary names, builtins, comments, strings and docstrings on one line', () => {
    expectNothing('python', [
      'def ¦relu(x):',
      '¦relu = lambda x: max(0, x)',
      'y = math.¦tanh(x)',
      "result = ¦eval('1 + 1')",
      'value = tensor.¦eval(session=sess)',
      'trainer.train(¦epochs=3)',
      '# nn.¦ReLU in a comment',
      "print('nn.¦ReLU')",
      '"""Uses nn.¦BatchNorm1d before the activation."""',
      "name = '¦relu'",
      "if activation == '¦relu':",
      'nn.init.¦zeros_(layer.bias)',
      'layers.Dense(64, bias_initializer=initializers.¦Zeros())',
      'momentum = ¦0.9',
      'self.¦dropout = nn.Dropout(0.5)',
      'import torch.¦nn as nn',
    ]);
  });
});

describe('findTopicForSymbol', () => {
  test('looks up one symbol per API, or the token at an offset', () => {
    const knowledge = getKnowledge();
    assert.equal(findTopicForSymbol('tfjs', "activation: 'sigmoid'", undefined, knowledge), 'activation-sigmoid');
    assert.equal(findTopicForSymbol('tfjs', 'tf.train.momentum(0.01, 0.9, true)'), 'optim-nesterov');
    assert.equal(findTopicForSymbol('keras', 'kernel_initializer="he_normal"'), 'init-he');
    assert.equal(findTopicForSymbol('pytorch', 'nn.BatchNorm2d'), 'batch-norm');
    const line = 'model = nn.Sequential(nn.Linear(2, 8), nn.Tanh())';
    assert.equal(findTopicForSymbol('pytorch', line, line.indexOf('Tanh')), 'activation-tanh');
  });

  test('keeps to the API asked for', () => {
    assert.equal(findTopicForSymbol('pytorch', 'kernel_initializer="he_normal"'), undefined);
    assert.equal(findTopicForSymbol('keras', 'nn.BatchNorm2d'), undefined);
    assert.equal(findTopicForSymbol('tfjs', 'nn.ReLU'), undefined);
  });

  test('answers undefined for what is not a symbol', () => {
    assert.equal(findTopicForSymbol('tfjs', ''), undefined);
    assert.equal(findTopicForSymbol('tfjs', 'relu'), undefined);
    assert.equal(findTopicForSymbol('pytorch', 'x = (1 +'), undefined);
  });
});
