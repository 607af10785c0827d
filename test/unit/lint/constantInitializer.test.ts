import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { code, findings, fixed, flagged, only } from './helpers';

const RULE = 'constant-initializer';

describe(RULE, () => {
  describe('tfjs', () => {
    test("flags kernelInitializer: 'zeros' and fixes it to 'heNormal'", () => {
      const text = "model.add(tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: 'zeros' }));";
      const finding = only(text, 'typescript', RULE);
      assert.equal(flagged(text, finding), "'zeros'");
      assert.equal(finding.topic, 'init-homogeneous');
      assert.equal(finding.severity, 'warning');
      assert.equal(fixed(text, 'typescript', RULE), text.replace("'zeros'", "'heNormal'"));
    });

    test('fixes tf.initializers.ones() and constant({…}) to tf.initializers.heNormal({})', () => {
      for (const init of ['tf.initializers.ones()', 'tf.initializers.constant({ value: 0.1 })']) {
        const text = `model.add(tf.layers.dense({ units: 8, kernelInitializer: ${init} }));`;
        assert.equal(fixed(text, 'javascript', RULE), 'model.add(tf.layers.dense({ units: 8, kernelInitializer: tf.initializers.heNormal({}) }));');
      }
    });

    test('leaves biases, random initialisers, comments and strings alone', () => {
      const text = code`
        model.add(tf.layers.dense({ units: 8, biasInitializer: 'zeros', kernelInitializer: 'heNormal' }));
        // model.add(tf.layers.dense({ units: 8, kernelInitializer: 'zeros' }));
        const s = "tf.layers.dense({ kernelInitializer: 'ones' })";
      `;
      assert.deepEqual(findings(text, 'typescript', RULE), []);
    });
  });

  describe('Keras', () => {
    test('flags kernel_initializer="zeros" and fixes it to "he_normal"', () => {
      const text = 'layers.Dense(64, activation="relu", kernel_initializer="zeros")';
      assert.equal(fixed(text, 'python', RULE), 'layers.Dense(64, activation="relu", kernel_initializer="he_normal")');
    });

    test('fixes initializer classes to HeNormal() in the same module', () => {
      const text = "keras.layers.Dense(64, kernel_initializer=keras.initializers.Constant(0.1))";
      assert.equal(fixed(text, 'python', RULE), 'keras.layers.Dense(64, kernel_initializer=keras.initializers.HeNormal())');
    });

    test('leaves bias_initializer="zeros" alone', () => {
      assert.deepEqual(findings('layers.Dense(64, bias_initializer="zeros")', 'python', RULE), []);
    });
  });

  describe('PyTorch', () => {
    test('flags nn.init.zeros_ and constant_ on a weight, fixes them to kaiming_normal_', () => {
      const text = code`
        import torch
        from torch import nn
        nn.init.constant_(self.fc.weight, 0.5)
      `;
      assert.equal(flagged(text, only(text, 'python', RULE)), 'nn.init.constant_');
      assert.equal(fixed(text, 'python', RULE), text.replace('nn.init.constant_(self.fc.weight, 0.5)', 'nn.init.kaiming_normal_(self.fc.weight, nonlinearity="relu")'));
    });

    test('flags weight.data.fill_ and weight.zero_', () => {
      const text = code`
        import torch
        torch.nn.init.xavier_normal_(layer.bias)
        layer.weight.data.fill_(0.01)
      `;
      assert.equal(fixed(text, 'python', RULE), text.replace('layer.weight.data.fill_(0.01)', 'torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")'));
      assert.equal(only('import torch\nfrom torch import nn\nm.weight.zero_()', 'python', RULE).rule, RULE);
    });

    test('leaves zero biases alone', () => {
      const text = code`
        from torch import nn
        nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
        nn.init.zeros_(layer.bias)
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
    });
  });

  describe('only where symmetry matters', () => {
    test('leaves a 1-unit linear layer and a deliberately zero-initialised output layer alone', () => {
      const oneUnit = "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], kernelInitializer: 'zeros', useBias: false })] });";
      assert.deepEqual(findings(oneUnit, 'javascript', RULE), []);
      const zeroOutput = code`
        from keras import layers
        def head(x):
            x = layers.Conv2D(64, 3, activation="relu", kernel_initializer="he_normal")(x)
            return layers.Conv2D(3, 1, kernel_initializer="zeros")(x)
      `;
      assert.deepEqual(findings(zeroOutput, 'python', RULE), []);
    });

    test('leaves normalisation scales alone (γ set to 1 or 0), and still flags a hidden layer', () => {
      const text = code`
        import torch.nn as nn
        class RMSNorm(nn.Module):
            def reset_parameters(self):
                nn.init.ones_(self.weight)
        def init_weights(module):
            if isinstance(module, nn.LayerNorm):
                module.weight.data.fill_(1.0)
            elif isinstance(module, Bottleneck):
                nn.init.constant_(module.bn3.weight, 0)
            elif isinstance(module, nn.Linear):
                nn.init.zeros_(module.weight)
      `;
      const finding = only(text, 'python', RULE);
      assert.equal(flagged(text, finding), 'nn.init.zeros_');
      const hidden = 'from keras import layers\nx = layers.Dense(64, kernel_initializer="zeros")(x)\ny = layers.Dense(10, activation="softmax")(x)';
      assert.equal(flagged(hidden, only(hidden, 'python', RULE)), '"zeros"');
    });

    test('imports torch when its fix names torch.nn.init in a file that has not', () => {
      const text = 'from torch import optim\nlayer.weight.data.fill_(0.5)\n';
      assert.equal(fixed(text, 'python', RULE), 'from torch import optim\nimport torch\ntorch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")\n');
    });
  });
});
