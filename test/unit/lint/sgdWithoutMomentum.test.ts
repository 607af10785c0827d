import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { code, findings, fixed, flagged, only } from './helpers';

const RULE = 'sgd-without-momentum';

describe(RULE, () => {
  describe('tfjs', () => {
    test('flags tf.train.sgd(lr) and fixes it to tf.train.momentum(lr, 0.9, true)', () => {
      const text = 'export const training = { epochs: 5, optimizer: () => tf.train.sgd(LEARNING_RATE) };';
      const finding = only(text, 'typescript', RULE);
      assert.equal(flagged(text, finding), 'tf.train.sgd');
      assert.equal(finding.topic, 'optim-nesterov');
      assert.equal(fixed(text, 'typescript', RULE), 'export const training = { epochs: 5, optimizer: () => tf.train.momentum(LEARNING_RATE, 0.9, true) };');
    });

    test("flags compile({ optimizer: 'sgd' })", () => {
      const text = "model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });";
      assert.equal(fixed(text, 'javascript', RULE), "model.compile({ optimizer: tf.train.momentum(0.01, 0.9, true), loss: 'meanSquaredError' });");
    });

    test('leaves momentum, Adam, comments and strings alone', () => {
      const text = code`
        const a = tf.train.momentum(0.05, 0.9, true);
        const b = tf.train.adam(0.001);
        // const c = tf.train.sgd(0.1);
        const d = 'tf.train.sgd(0.1)';
      `;
      assert.deepEqual(findings(text, 'typescript', RULE), []);
    });
  });

  describe('Keras', () => {
    test('adds momentum=0.9, nesterov=True to SGD without momentum', () => {
      const text = 'opt = keras.optimizers.SGD(learning_rate=0.05)';
      assert.equal(flagged(text, only(text, 'python', RULE)), 'keras.optimizers.SGD');
      assert.equal(fixed(text, 'python', RULE), 'opt = keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True)');
    });

    test('replaces momentum=0.0 and keeps an explicit nesterov', () => {
      const text = 'opt = SGD(0.01, momentum=0.0, nesterov=True)';
      assert.equal(fixed(text, 'python', RULE), 'opt = SGD(0.01, momentum=0.9, nesterov=True)');
    });

    test('fixes compile(optimizer="sgd") through the module the file imports', () => {
      const text = 'import tensorflow as tf\nmodel.compile(optimizer="sgd", loss="mse")';
      assert.equal(fixed(text, 'python', RULE), 'import tensorflow as tf\nmodel.compile(optimizer=tf.keras.optimizers.SGD(momentum=0.9, nesterov=True), loss="mse")');
    });

    test('leaves SGD with momentum (keyword or positional) alone', () => {
      const text = code`
        a = keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=True)
        b = keras.optimizers.SGD(0.05, 0.9)
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
    });
  });

  describe('PyTorch', () => {
    test('adds momentum and Nesterov to optim.SGD, multi-line with a trailing comma', () => {
      const text = code`
        optimizer = torch.optim.SGD(
            model.parameters(),
            lr=0.1,
        )
      `;
      assert.equal(
        fixed(text, 'python', RULE),
        code`
          optimizer = torch.optim.SGD(
              model.parameters(),
              lr=0.1,
              momentum=0.9, nesterov=True,
          )
        `,
      );
    });

    test('leaves SGD(params, 0.1, 0.9) with positional momentum alone', () => {
      assert.deepEqual(findings('optimizer = optim.SGD(model.parameters(), 0.1, 0.9)', 'python', RULE), []);
    });
  });
});
