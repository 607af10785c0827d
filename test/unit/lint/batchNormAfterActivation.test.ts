import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { code, findings, fixed, flagged, only } from './helpers';

const RULE = 'batch-norm-after-activation';

describe(RULE, () => {
  describe('tfjs', () => {
    test('flags batchNormalization right after a ReLU dense and moves the activation after it', () => {
      const text = code`
        model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: 'heNormal' }));
        model.add(tf.layers.batchNormalization());
      `;
      const finding = only(text, 'typescript', RULE);
      assert.equal(flagged(text, finding), 'tf.layers.batchNormalization');
      assert.equal(finding.topic, 'batch-norm');
      assert.equal(
        fixed(text, 'typescript', RULE),
        code`
          model.add(tf.layers.dense({ units: 64, useBias: false, kernelInitializer: 'heNormal' }));
          model.add(tf.layers.batchNormalization());
          model.add(tf.layers.activation({ activation: 'relu' }));
        `,
      );
    });

    test('in a tf.sequential list, with useBias already set', () => {
      const text = code`
        const model = tf.sequential({
          layers: [
            tf.layers.dense({ units: 64, useBias: true, activation: 'elu' }),
            tf.layers.batchNormalization({ name: 'bn' }),
            tf.layers.dense({ units: 3, activation: 'softmax' }),
          ],
        });
      `;
      assert.equal(
        fixed(text, 'javascript', RULE),
        code`
          const model = tf.sequential({
            layers: [
              tf.layers.dense({ units: 64, useBias: false }),
              tf.layers.batchNormalization({ name: 'bn' }),
              tf.layers.activation({ activation: 'elu' }),
              tf.layers.dense({ units: 3, activation: 'softmax' }),
            ],
          });
        `,
      );
    });

    test('swaps an activation layer with the batch norm after it', () => {
      const text = code`
        model.add(tf.layers.dense({ units: 64 }));
        model.add(tf.layers.reLU());
        model.add(tf.layers.batchNormalization());
      `;
      assert.equal(
        fixed(text, 'typescript', RULE),
        code`
          model.add(tf.layers.dense({ units: 64, useBias: false }));
          model.add(tf.layers.batchNormalization());
          model.add(tf.layers.reLU());
        `,
      );
    });

    test('leaves batch norm before the activation, and comments, alone', () => {
      const text = code`
        model.add(tf.layers.dense({ units: 64, useBias: false, kernelInitializer: 'heNormal' }));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.activation({ activation: 'relu' }));
        // model.add(tf.layers.dense({ units: 64, activation: 'relu' }));
        // model.add(tf.layers.batchNormalization());
      `;
      assert.deepEqual(findings(text, 'typescript', RULE), []);
    });
  });

  describe('Keras', () => {
    test('Sequential list: Dense(relu) then BatchNormalization', () => {
      const text = code`
        model = keras.Sequential([
            layers.Dense(64, activation="relu"),
            layers.BatchNormalization(),
            layers.Dense(1, activation="sigmoid"),
        ])
      `;
      assert.equal(
        fixed(text, 'python', RULE),
        code`
          model = keras.Sequential([
              layers.Dense(64, use_bias=False),
              layers.BatchNormalization(),
              layers.Activation("relu"),
              layers.Dense(1, activation="sigmoid"),
          ])
        `,
      );
    });

    test('functional API: the new activation applies to the batch norm output', () => {
      const text = code`
        x = layers.Dense(64, activation="relu")(inputs)
        x = layers.BatchNormalization()(x)
        outputs = layers.Dense(1)(x)
      `;
      assert.equal(fixed(text, 'python', RULE), text.replace('activation="relu"', 'use_bias=False').replace('BatchNormalization()(x)\n', 'BatchNormalization()(x)\nx = layers.Activation("relu")(x)\n'));
    });

    test('leaves Dense → BatchNormalization → Activation alone', () => {
      const text = code`
        model.add(layers.Dense(64, use_bias=False))
        model.add(layers.BatchNormalization())
        model.add(layers.Activation("relu"))
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
    });
  });

  describe('PyTorch', () => {
    test('swaps nn.ReLU and nn.BatchNorm1d in nn.Sequential and drops the Linear bias', () => {
      const text = code`
        import torch
        block = nn.Sequential(
            nn.Linear(2, 64),
            nn.ReLU(),
            nn.BatchNorm1d(64),
        )
      `;
      assert.equal(flagged(text, only(text, 'python', RULE)), 'nn.BatchNorm1d');
      assert.equal(fixed(text, 'python', RULE), text.replace('nn.Linear(2, 64)', 'nn.Linear(2, 64, bias=False)').replace('nn.ReLU(),\n    nn.BatchNorm1d(64)', 'nn.BatchNorm1d(64),\n    nn.ReLU()'));
    });

    test('leaves module attributes (whose order is set in forward) and BN before ReLU alone', () => {
      const text = code`
        import torch
        self.act = nn.ReLU()
        self.bn = nn.BatchNorm1d(64)
        block = nn.Sequential(nn.Linear(2, 64, bias=False), nn.BatchNorm1d(64), nn.ReLU())
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
    });
  });
});
