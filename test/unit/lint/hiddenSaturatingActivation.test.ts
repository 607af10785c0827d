import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { code, findings, fixed, flagged, only } from './helpers';

const RULE = 'hidden-saturating-activation';

describe(RULE, () => {
  describe('tfjs', () => {
    const model = code`
      import * as tf from '@tensorflow/tfjs';
      export function createModel() {
        const model = tf.sequential();
        model.add(tf.layers.dense({ inputShape: [2], units: 16, activation: 'sigmoid' }));
        model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
        return model;
      }
    `;

    test('flags a sigmoid hidden layer, not the sigmoid output of a binary classifier', () => {
      const finding = only(model, 'typescript', RULE);
      assert.equal(flagged(model, finding), "'sigmoid'");
      assert.equal(model.slice(0, finding.start).split('\n').length, 4);
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.topic, 'activation-sigmoid');
    });

    test('fixes it to ReLU', () => {
      assert.equal(fixed(model, 'typescript', RULE), model.replace("units: 16, activation: 'sigmoid'", "units: 16, activation: 'relu'"));
    });

    test('flags a tanh activation layer in a tf.sequential list, as information', () => {
      const text = code`
        const model = tf.sequential({ layers: [
          tf.layers.dense({ inputShape: [2], units: 8 }),
          tf.layers.activation({ activation: "tanh" }),
          tf.layers.dense({ units: N_CLASSES, activation: 'softmax' }),
        ] });
      `;
      const finding = only(text, 'javascript', RULE);
      assert.equal(finding.severity, 'information');
      assert.equal(finding.topic, 'activation-tanh');
      assert.equal(fixed(text, 'javascript', RULE), text.replace('"tanh"', '"relu"'));
    });

    test('does not flag an output sized N_CLASSES, a recurrent tanh, a comment or a string', () => {
      const text = code`
        // model.add(tf.layers.dense({ units: 8, activation: 'sigmoid' }));
        const help = "tf.layers.dense({ units: 8, activation: 'tanh' })";
        model.add(tf.layers.lstm({ units: 8, activation: 'tanh', returnSequences: true }));
        model.add(tf.layers.dense({ units: N_CLASSES, activation: 'sigmoid' }));
        model.add(tf.layers.dropout({ rate: 0.2 }));
      `;
      assert.deepEqual(findings(text, 'typescript', RULE), []);
    });

    test('flags hidden layers added in a loop or a branch: they belong to the model built around them', () => {
      const text = code`
        export function createModel() {
          const model = tf.sequential();
          for (const units of HIDDEN) {
            model.add(tf.layers.dense({ units, activation: 'sigmoid' }));
          }
          if (DEEP) {
            model.add(tf.layers.dense({ units: 8, activation: 'tanh' }));
          } else {
            model.add(tf.layers.dense({ units: 4 }));
          }
          model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
          return model;
        }
      `;
      const found = findings(text, 'typescript', RULE);
      assert.deepEqual(found.map((f) => [flagged(text, f), text.slice(0, f.start).split('\n').length]), [["'sigmoid'", 4], ["'tanh'", 7]]);
    });

    test('a sigmoid added last, in a loop, is still the output layer', () => {
      const text = code`
        const model = tf.sequential();
        model.add(tf.layers.dense({ inputShape: [2], units: 16 }));
        for (let i = 0; i < 1; i++) {
          model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
        }
      `;
      assert.deepEqual(findings(text, 'typescript', RULE), []);
    });
  });

  describe('Keras', () => {
    test('flags hidden sigmoid and tanh, in a Sequential list and with model.add, not the output', () => {
      const text = code`
        from tensorflow import keras
        model = keras.Sequential([
            keras.Input(shape=(2,)),
            keras.layers.Dense(32, activation="tanh"),
            keras.layers.Dense(1, activation="sigmoid"),
        ])
        other = keras.Sequential()
        other.add(layers.Dense(32, activation='sigmoid'))
        other.add(layers.Dense(1, activation='sigmoid'))
      `;
      assert.deepEqual(findings(text, 'python', RULE).map((f) => flagged(text, f)), ['"tanh"', "'sigmoid'"]);
    });

    test('fixes a string and an activation function to ReLU', () => {
      const text = code`
        from tensorflow import keras
        x = keras.layers.Dense(32, activation=keras.activations.sigmoid)(inputs)
        outputs = keras.layers.Dense(1, activation="sigmoid")(x)
      `;
      assert.equal(fixed(text, 'python', RULE), text.replace('keras.activations.sigmoid', 'keras.activations.relu'));
      const tfMath = text.replace('keras.activations.sigmoid', 'tf.math.sigmoid');
      assert.equal(fixed(tfMath, 'python', RULE), text.replace('keras.activations.sigmoid', 'tf.nn.relu'));
    });

    test('reads the positional activation of Dense, and orders nested functional calls by application', () => {
      const text = code`
        from tensorflow.keras import layers
        outputs = layers.Dense(1, "sigmoid")(layers.Dense(16, "tanh")(inputs))
      `;
      assert.equal(flagged(text, only(text, 'python', RULE)), '"tanh"');
    });

    test('ignores comments, docstrings, and layers only assigned (a gate used later)', () => {
      const text = code`
        from tensorflow import keras
        gate = keras.layers.Dense(8, activation="sigmoid")
        out = keras.layers.Dense(1)
        """keras.layers.Dense(8, activation="sigmoid")"""
        # keras.layers.Dense(8, activation="tanh")
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
    });
  });

  describe('PyTorch', () => {
    const net = code`
      import torch
      from torch import nn
      net = nn.Sequential(
          nn.Linear(2, 64),
          nn.Sigmoid(),
          nn.Linear(64, 1),
          nn.Sigmoid(),
      )
    `;

    test('flags nn.Sigmoid between layers, not the final one', () => {
      const finding = only(net, 'python', RULE);
      assert.equal(flagged(net, finding), 'nn.Sigmoid()');
      assert.equal(net.slice(0, finding.start).split('\n').length, 5);
    });

    test('fixes it to nn.ReLU()', () => {
      assert.equal(fixed(net, 'python', RULE), net.replace('nn.Sigmoid(),\n    nn.Linear', 'nn.ReLU(),\n    nn.Linear'));
    });

    test('leaves module attributes alone: their order is set in forward', () => {
      const text = code`
        import torch.nn as nn
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc1 = nn.Linear(2, 64)
                self.act = nn.Tanh()
                self.fc2 = nn.Linear(64, 1)
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
    });

    test('follows blocks collected in a loop and spread into nn.Sequential', () => {
      const text = code`
        import torch.nn as nn
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                blocks = [nn.Linear(2, 64), nn.Tanh()]
                for i in range(3):
                    blocks += [nn.Linear(64, 64), nn.Sigmoid()]
                self.hidden = []
                self.hidden.append(nn.Linear(64, 64))
                self.body = nn.Sequential(*blocks, nn.Linear(64, 3))
      `;
      const found = findings(text, 'python', RULE);
      assert.deepEqual(found.map((f) => [flagged(text, f), text.slice(0, f.start).split('\n').length]), [['nn.Tanh()', 5], ['nn.Sigmoid()', 7]]);
    });

    test('a collected list ending in its activation is the output; a list never spread stays unknown', () => {
      const text = code`
        import torch.nn as nn
        def head():
            parts = []
            parts.append(nn.Linear(64, 1))
            parts.append(nn.Sigmoid())
            return nn.Sequential(*parts)
        def unused():
            spare = [nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1)]
            return spare
      `;
      assert.deepEqual(findings(text, 'python', RULE), []);
    });
  });

  describe('fixes that run', () => {
    test('a bare Sigmoid becomes ReLU imported from the same module', () => {
      const text = code`
        from torch.nn import Linear, Sigmoid, Sequential
        net = Sequential(Linear(2, 8), Sigmoid(), Linear(8, 3))
      `;
      assert.equal(fixed(text, 'python', RULE), text.replace('Sequential\n', 'Sequential\nfrom torch.nn import ReLU\n').replace('Sigmoid()', 'ReLU()'));
    });
  });
});
