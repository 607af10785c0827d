/**
 * Hovers on what people type around the names: keyword arguments and the literal values that carry a
 * decision, fully qualified names, and the symbols the notes do not cover (topics beyond the notes).
 * The hover is about the token under the cursor, never a neighbour. `¦` marks the hover position.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { matchSymbolAt, type SourceDialect } from '../../../src/notes/core';
import type { TopicId } from '../../../src/notes/core/topicIds';

const CURSOR = '¦';
const ABOVE = '«'; // marks where the hovered line starts, when lines above it are context

function hover(dialect: SourceDialect, marked: string): TopicId | undefined {
  const lineStart = Math.max(0, marked.indexOf(ABOVE));
  const code = marked.replace(ABOVE, '');
  const offset = code.indexOf(CURSOR);
  assert.ok(offset >= 0, `no ${CURSOR} in ${marked}`);
  return matchSymbolAt(code.replace(CURSOR, ''), offset, dialect, undefined, lineStart)?.topic;
}

function expectTopics(dialect: SourceDialect, cases: ReadonlyArray<readonly [string, TopicId | undefined]>): void {
  for (const [code, topic] of cases) {
    assert.equal(hover(dialect, code), topic, `${dialect}: ${code}`);
  }
}

describe('keyword arguments and their values', () => {
  test('Python optimisers: each keyword is explained by the topic about it', () => {
    const sgd = 'optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True, weight_decay=5e-4)';
    const at = (token: string) => sgd.replace(token, `${CURSOR}${token}`);
    expectTopics('python', [
      [at('nesterov'), 'optim-nesterov'],
      [at('True'), 'optim-nesterov'],
      [at('momentum'), 'optim-momentum'],
      [at('0.9'), 'optim-momentum'],
      [at('weight_decay'), 'beyond-weight-decay'],
      [at('5e-4'), 'beyond-weight-decay'],
      ['keras.optimizers.SGD(learning_rate=0.01, ¦momentum=0.9)', 'optim-momentum'],
      ['optimizer = keras.optimizers.Adam(learning_rate=1e-3, ¦clipnorm=1.0)', 'beyond-gradient-clipping'],
      ['torch.optim.AdamW(params, lr=3e-4, ¦weight_decay=args.wd)', 'beyond-weight-decay'],
      ["optim.SGD([{'params': base, ¦'weight_decay': 0.0}], lr=0.1)", 'beyond-weight-decay'],
    ]);
  });

  test('a keyword on its own line finds its call in the lines above', () => {
    const call = 'optimizer = torch.optim.SGD(\n    model.parameters(),\n    lr=0.1,\n    momentum=0.9,\n«    ¦nesterov=True,\n)';
    assert.equal(hover('python', call), 'optim-nesterov');
    assert.equal(hover('python', call.replace('«    ¦nesterov', '    nesterov').replace('    momentum', '«    ¦momentum')), 'optim-momentum');
  });

  test('the lines above are ignored when they change how the hovered line reads', () => {
    // The window starts inside a docstring: read from the window start, the hovered line is a string.
    const split = 'Example:\n"""\nopt = optim.SGD(params,\n«    ¦nesterov=True, momentum=0.9)';
    assert.equal(hover('python', split), 'optim-nesterov', 'the hovered line alone still knows nesterov=True');
  });

  test('string values that choose an activation, an initialiser, a loss or an optimiser', () => {
    expectTopics('python', [
      ['layers.Dense(64, activation="¦relu")', 'activation-relu'],
      ["layers.Dense(64, ¦activation='relu')", 'activation-relu'],
      ['layers.Dense(64, kernel_initializer="¦he_normal")', 'init-he'],
      ['layers.Dense(64, ¦kernel_initializer="he_normal")', 'init-he'],
      ['layers.Dense(10, activation="¦softmax")', 'beyond-softmax'],
      ['model.compile(optimizer="¦rmsprop", loss="binary_crossentropy")', 'beyond-rmsprop'],
      ['model.compile(optimizer="rmsprop", loss="¦binary_crossentropy")', 'beyond-binary-cross-entropy'],
      ['model.compile(optimizer="adam", ¦loss="sparse_categorical_crossentropy")', 'beyond-cross-entropy'],
      ['model.compile(optimizer="¦adam", loss="mse")', 'beyond-adam'],
      ['model.compile(optimizer="sgd", loss="¦mse")', 'beyond-mse'],
    ]);
    expectTopics('js', [
      ["tf.layers.dense({units: 8, activation: '¦relu'})", 'activation-relu'],
      ["tf.layers.dense({units: 8, ¦activation: 'relu'})", 'activation-relu'],
      ["tf.layers.dense({units: 8, kernelInitializer: '¦heNormal'})", 'init-he'],
      ["tf.layers.dense({units: 10, activation: '¦softmax'})", 'beyond-softmax'],
      ["model.compile({optimizer: '¦adam', loss: 'categoricalCrossentropy'})", 'beyond-adam'],
      ["model.compile({optimizer: 'adam', loss: '¦categoricalCrossentropy'})", 'beyond-cross-entropy'],
      ["model.compile({optimizer: tf.train.sgd(0.1), ¦loss: 'meanSquaredError'})", 'beyond-mse'],
      ['const opt = tf.train.momentum(0.05, 0.9, ¦true);', 'optim-nesterov'],
    ]);
  });

  test('the hover is about the token under the cursor, never its neighbour', () => {
    expectTopics('python', [
      ['layers.¦Dense(64, activation="relu", kernel_initializer="he_normal")', 'beyond-dense'],
      ['layers.Dense(64, activation="relu", kernel_initializer="¦he_normal")', 'init-he'],
      ['nn.Sequential(nn.¦Linear(784, 128), nn.ReLU())', 'beyond-dense'],
      ['optim.SGD(model.parameters(), ¦lr=0.1, momentum=0.9)', undefined],
      ['optim.SGD(model.parameters(), lr=¦0.1, momentum=0.9)', undefined],
      ['nn.init.kaiming_normal_(layer.weight, ¦nonlinearity="relu")', undefined],
    ]);
    expectTopics('js', [
      ["model.add(tf.layers.¦dense({units: 8, activation: 'relu'}));", 'beyond-dense'],
      ["tf.layers.¦conv2d({filters: 8, kernelSize: 3, activation: 'relu'})", 'beyond-conv'],
      ["tf.layers.conv2d({¦filters: 8, kernelSize: 3, activation: 'relu'})", undefined],
      ['tf.train.momentum(¦0.05, 0.9, true)', undefined],
    ]);
  });

  test('nothing on a variable named like an argument, a string in a print, or a batch norm momentum', () => {
    expectTopics('python', [
      ['momentum = ¦0.9', undefined],
      ['x = 1\n«¦momentum = 0.9', undefined],
      ['x = 1\n«¦weight_decay = 1e-4', undefined],
      ['self.¦momentum = momentum', undefined],
      ["print('¦relu')", undefined],
      ["print('activation: ¦relu')", undefined],
      ["logger.info('using %s', '¦relu')", undefined],
      ['layers.BatchNormalization(¦momentum=0.99)', undefined],
      ['layers.BatchNormalization(momentum=¦0.99)', undefined],
      ['nn.BatchNorm2d(64, ¦momentum=0.1)', undefined],
      ['def train(model, ¦momentum: float = 0.9):', undefined],
      ['# optim.SGD(params, ¦nesterov=True)', undefined],
    ]);
    expectTopics('js', [
      ['const ¦momentum = 0.9;', undefined],
      ["console.log('¦relu');", undefined],
      ["const message = `loss: ¦${loss}`;", undefined],
      ['let ¦weightDecay = 1e-4;', undefined],
    ]);
  });
});

describe('fully qualified names', () => {
  test('torch.nn.functional, tf.keras, torch.optim.lr_scheduler and nn.modules spellings', () => {
    expectTopics('python', [
      ['y = torch.nn.functional.¦relu(x)', 'activation-relu'],
      ['y = nn.functional.¦dropout(x, p=0.5, training=self.training)', 'reg-dropout'],
      ['loss = torch.nn.functional.¦cross_entropy(logits, target)', 'beyond-cross-entropy'],
      ['x = tf.keras.layers.¦Dense(64)(x)', 'beyond-dense'],
      ['sched = torch.optim.lr_scheduler.¦StepLR(opt, step_size=30)', 'lr-step-decay'],
      ['opt = torch.optim.¦Adam(model.parameters())', 'beyond-adam'],
      ['torch.nn.utils.¦clip_grad_norm_(model.parameters(), 1.0)', 'beyond-gradient-clipping'],
      ['isinstance(m, torch.nn.modules.dropout.¦Dropout)', 'reg-dropout'],
      ['return tf.nn.¦relu(tf.matmul(x, W) + b)', 'activation-relu'],
    ]);
  });

  test('a segment of the path is not the function at its end', () => {
    expectTopics('python', [
      ['y = torch.nn.¦functional.relu(x)', undefined],
      ['y = ¦torch.nn.functional.relu(x)', undefined],
      ['sched = torch.optim.¦lr_scheduler.StepLR(opt, 30)', undefined],
    ]);
  });
});

describe('symbols beyond the notes', () => {
  test('layers, optimisers and losses of the three APIs', () => {
    expectTopics('python', [
      ['self.rnn = nn.¦LSTM(emb_dim, hid_dim, n_layers, dropout=dropout)', 'beyond-lstm-gru'],
      ['x = layers.¦GRU(64, return_sequences=True)(x)', 'beyond-lstm-gru'],
      ['self.embedding = nn.¦Embedding(input_dim, emb_dim)', 'beyond-embedding'],
      ['x = layers.¦Embedding(input_dim=10000, output_dim=16)(inputs)', 'beyond-embedding'],
      ['self.norm = nn.¦LayerNorm(d_model)', 'beyond-layer-norm'],
      ['x = layers.¦LayerNormalization(epsilon=1e-6)(x)', 'beyond-layer-norm'],
      ['self.conv1 = nn.¦Conv2d(1, 32, 3, 1)', 'beyond-conv'],
      ['nn.¦ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False)', 'beyond-conv'],
      ['x = layers.¦Conv2DTranspose(32, 3, strides=2, padding="same")(x)', 'beyond-conv'],
      ['criterion = nn.¦CrossEntropyLoss()', 'beyond-cross-entropy'],
      ['loss = F.¦nll_loss(output, target)', 'beyond-cross-entropy'],
      ['criterion = nn.¦BCELoss()', 'beyond-binary-cross-entropy'],
      ['loss_fn = nn.¦MSELoss()', 'beyond-mse'],
      ['optimizer = optim.¦RMSprop(model.parameters(), lr=0.01)', 'beyond-rmsprop'],
      ['optimizer = keras.optimizers.¦Adam(1e-3)', 'beyond-adam'],
      ['kernel_regularizer=regularizers.¦l2(0.001)', 'beyond-weight-decay'],
      ['x = F.¦softmax(logits, dim=1)', 'beyond-softmax'],
    ]);
    expectTopics('js', [
      ['model.add(tf.layers.¦lstm({units: 32, returnSequences: true}));', 'beyond-lstm-gru'],
      ['tf.layers.¦embedding({inputDim: 1000, outputDim: 16})', 'beyond-embedding'],
      ['const optimizer = tf.train.¦adam(0.001);', 'beyond-adam'],
      ['tf.train.¦rmsprop(0.01)', 'beyond-rmsprop'],
      ['tf.losses.¦meanSquaredError(labels, predictions)', 'beyond-mse'],
      ['kernelRegularizer: tf.regularizers.¦l2({l2: 1e-4})', 'beyond-weight-decay'],
    ]);
  });

  test('look-alikes of those symbols stay silent', () => {
    expectTopics('python', [
      ['class ¦LSTM(nn.Module):', undefined],
      ['self.¦embedding = nn.Embedding(10, 3)', undefined],
      ['x = np.¦linalg.norm(v)', undefined],
      ['adam = ¦make_optimizer()', undefined],
      ["print('¦Adam')", undefined],
      // Its parameter count is not the one the convolution topic gives: no topic rather than a wrong one.
      ['x = layers.¦SeparableConv2D(64, 3, padding="same")(x)', undefined],
    ]);
    expectTopics('js', [
      ['const ¦dense = 8;', undefined],
      ['layer.¦units', undefined],
    ]);
  });
});
