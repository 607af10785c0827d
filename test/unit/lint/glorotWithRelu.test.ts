import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { code, findings, fixed, flagged, only } from './helpers';

const RULE = 'glorot-with-relu';

describe(RULE, () => {
  describe('tfjs', () => {
    test('flags an explicit glorotUniform on a ReLU dense and keeps its seed in the fix', () => {
      const text = "model.add(tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));";
      const finding = only(text, 'typescript', RULE);
      assert.equal(flagged(text, finding), 'tf.initializers.glorotUniform({ seed: 1 })');
      assert.equal(finding.topic, 'init-he');
      assert.equal(fixed(text, 'typescript', RULE), text.replace('glorotUniform', 'heNormal'));
    });

    test('flags the default initialiser of a ReLU dense and adds heNormal, one entry per line', () => {
      const text = code`
        model.add(tf.layers.dense({
          units: 8,
          activation: 'relu', // hidden
        }));
      `;
      assert.equal(flagged(text, only(text, 'typescript', RULE)), 'tf.layers.dense');
      assert.equal(
        fixed(text, 'typescript', RULE),
        code`
          model.add(tf.layers.dense({
            units: 8,
            activation: 'relu', // hidden
            kernelInitializer: 'heNormal',
          }));
        `,
      );
    });

    test('adds heNormal on one line; leaves a layer followed by batch norm alone', () => {
      const inline = "model.add(tf.layers.dense({ units: 8, activation: 'relu' }));";
      assert.equal(fixed(inline, 'javascript', RULE), "model.add(tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: 'heNormal' }));");
      const block = code`
        model.add(tf.layers.dense({ units: 8, useBias: false, kernelInitializer: 'glorotNormal' }));
        model.add(tf.layers.batchNormalization());
        model.add(tf.layers.activation({ activation: 'relu' }));
      `;
      // Batch norm rescales the layer's outputs whatever their initial variance.
      assert.deepEqual(findings(block, 'typescript', RULE), []);
    });

    test('leaves Glorot on tanh and softmax layers, He on ReLU, and commented code alone', () => {
      const text = code`
        model.add(tf.layers.dense({ units: 8, activation: 'tanh' }));
        model.add(tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: 'heNormal' }));
        // model.add(tf.layers.dense({ units: 8, activation: 'relu' }));
        model.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: 'glorotNormal' }));
      `;
      assert.deepEqual(findings(text, 'typescript', RULE), []);
    });
  });

  describe('Keras', () => {
    test('flags the default glorot_uniform of a ReLU Dense and adds he_normal', () => {
      const text = "layers.Dense(64, activation='relu')";
      assert.equal(fixed(text, 'python', RULE), "layers.Dense(64, activation='relu', kernel_initializer='he_normal')");
    });

    test('renames explicit Glorot strings and classes to He normal', () => {
      assert.equal(fixed('layers.Dense(64, activation="relu", kernel_initializer="glorot_normal")', 'python', RULE), 'layers.Dense(64, activation="relu", kernel_initializer="he_normal")');
      assert.equal(
        fixed('layers.Dense(64, activation="relu", kernel_initializer=initializers.GlorotUniform(seed=1))', 'python', RULE),
        'layers.Dense(64, activation="relu", kernel_initializer=initializers.HeNormal(seed=1))',
      );
    });

    test('leaves a tanh Dense and a ReLU Dense with he_normal alone', () => {
      const text = code`
        layers.Dense(64, activation="tanh")
        layers.Dense(64, activation="relu", kernel_initializer="he_normal")
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
    });
  });

  describe('PyTorch', () => {
    test('flags xavier_uniform_ in a module that uses ReLU and fixes it to kaiming_normal_', () => {
      const text = code`
        import torch.nn as nn
        layer = nn.Linear(2, 64)
        nn.init.xavier_uniform_(layer.weight)
        act = nn.ReLU()
      `;
      assert.equal(fixed(text, 'python', RULE), text.replace('nn.init.xavier_uniform_(layer.weight)', 'nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")'));
    });

    test('leaves Xavier alone without ReLU, with a chosen gain, or when ReLU is only in a comment', () => {
      const text = code`
        import torch.nn as nn
        nn.init.xavier_uniform_(layer.weight)  # nn.ReLU() later
        act = nn.Tanh()
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
      const gain = 'from torch import nn\nnn.init.xavier_normal_(w.weight, gain=nn.init.calculate_gain("relu"))\nnn.ReLU()';
      assert.deepEqual(findings(gain, 'python', RULE), []);
    });
  });

  describe('severity', () => {
    test('the default Glorot with ReLU is only a hint; an explicit Glorot stays information', () => {
      const text = code`
        from keras import layers
        x = layers.Dense(64, activation="relu")(x)
        x = layers.Dense(64, activation="relu", kernel_initializer="glorot_normal")(x)
        y = layers.Dense(10, activation="softmax")(x)
      `;
      assert.deepEqual(findings(text, 'python', RULE).map((f) => f.severity), ['hint', 'information']);
    });

    test('a conv followed by batch norm is not flagged, before or after its activation', () => {
      const text = code`
        from keras import layers
        x = layers.Conv2D(64, 3, kernel_initializer="glorot_uniform")(x)
        x = layers.BatchNormalization()(x)
        x = layers.Activation("relu")(x)
        x = layers.Conv2D(64, 3, activation="relu", kernel_initializer="glorot_uniform")(x)
        x = layers.BatchNormalization()(x)
        y = layers.Dense(10, activation="softmax")(x)
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
    });
  });

  test('adds the initialiser after the last argument when the closing parenthesis has a line of its own', () => {
    const text = code`
      from keras import layers
      x = layers.Conv2D(
          64, (3, 3), activation="relu", padding="same", kernel_initializer="glorot_uniform", name="conv1"
      )(x)
      y = layers.Dense(10, activation="softmax")(x)
    `;
    const implicit = text.replace(' kernel_initializer="glorot_uniform",', '');
    assert.equal(fixed(implicit, 'python', RULE), implicit.replace('name="conv1"\n', 'name="conv1",\n    kernel_initializer="he_normal"\n'));
  });

  test("leaves a model's ReLU output layer alone (a regression onto non-negative targets)", () => {
    const text = code`
      model.add(tf.layers.dense({ units: 16, inputShape: [4], activation: 'relu', kernelInitializer: 'heNormal' }));
      model.add(tf.layers.dense({ units: 3, activation: 'relu' }));
    `;
    assert.deepEqual(findings(text, 'javascript', RULE), []);
  });
});
