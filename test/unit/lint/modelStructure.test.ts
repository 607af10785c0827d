/**
 * Model structure read right, in the shapes real code has (each case is our own small program of the
 * shape a public example had): models kept apart, branches, helpers spread into nn.Sequential, bare
 * and qualified Keras names, output layers and gates.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Source } from '../../../src/lint/core/scan/source';
import { layersOf } from '../../../src/lint/core/scan/layers';
import { code, findings, flagged, only } from './helpers';

describe('model structure', () => {
  test("tfjs: a Sequential is apart from the functional layers built after it (a GAN generator's tanh output)", () => {
    const text = code`
      function buildGenerator(latentSize) {
        const cnn = tf.sequential();
        cnn.add(tf.layers.dense({ units: 128, inputShape: [latentSize], activation: 'relu', kernelInitializer: 'heNormal' }));
        cnn.add(tf.layers.dense({ units: 784, activation: 'tanh' }));
        const latent = tf.input({ shape: [latentSize] });
        const label = tf.input({ shape: [1] });
        const embedded = tf.layers.embedding({ inputDim: 10, outputDim: latentSize }).apply(label);
        const joined = tf.layers.multiply().apply([latent, embedded]);
        return tf.model({ inputs: [latent, label], outputs: cnn.apply(joined) });
      }
    `;
    assert.deepEqual(findings(text, 'javascript', 'hidden-saturating-activation'), []);
  });

  test('Python: two models at module level stay apart (a notebook building one model, then another)', () => {
    const text = code`
      from tensorflow import keras
      from tensorflow.keras import layers
      inputs = keras.Input(shape=(100,))
      x = layers.Dense(16, activation="relu", kernel_initializer="he_normal")(inputs)
      outputs = layers.Dense(100, activation="sigmoid")(x)
      model = keras.Model(inputs, outputs)
      inputs = keras.Input(shape=(28, 28, 1))
      x = layers.Flatten()(inputs)
      x = layers.Dense(64, activation="relu", kernel_initializer="he_normal")(x)
      outputs = layers.Dense(10, activation="softmax")(x)
      other = keras.Model(inputs, outputs)
    `;
    assert.deepEqual(findings(text, 'python', 'hidden-saturating-activation'), []);
  });

  test('an output layer never gets a hidden-layer finding; a hidden one still does', () => {
    const text = code`
      from tensorflow.keras import layers
      def generator(z):
          x = layers.Dense(256, activation="tanh")(z)
          x = layers.Conv2DTranspose(64, 4, strides=2, activation="relu", kernel_initializer="he_normal")(x)
          return layers.Conv2D(1, 7, activation="tanh", padding="same")(x)
    `;
    const finding = only(text, 'python', 'hidden-saturating-activation');
    assert.equal(text.slice(0, finding.start).split('\n').length, 3);
  });

  test('a sigmoid gate multiplying a tensor (squeeze-and-excitation) is not a hidden layer', () => {
    const text = code`
      from keras import layers
      def se_block(x, filters):
          se = layers.GlobalAveragePooling2D()(x)
          se = layers.Conv2D(filters // 4, 1, activation="relu", kernel_initializer="he_normal")(se)
          se = layers.Conv2D(filters, 1, activation="sigmoid")(se)
          x = layers.multiply([x, se])
          return layers.Conv2D(filters, 1, activation="relu", kernel_initializer="he_normal")(x)
    `;
    assert.deepEqual(findings(text, 'python', 'hidden-saturating-activation'), []);
  });

  test('Activation and BatchNormalization in different if/else branches are not one sequence (pre-activation blocks)', () => {
    const text = code`
      from keras import layers
      def block(x, preact):
          if preact:
              x = layers.BatchNormalization()(x)
              x = layers.Activation("relu")(x)
          else:
              x = layers.Activation("relu")(x)
          if not preact:
              x = layers.BatchNormalization()(x)
          return layers.Conv2D(64, 3, use_bias=False, kernel_initializer="he_normal")(x)
    `;
    // The second BatchNormalization follows the else branch's Activation only when preact is False: a real sequence.
    const found = findings(text, 'python', 'batch-norm-after-activation');
    assert.deepEqual(found.map((f) => text.slice(0, f.start).split('\n').length), [9]);
    const exclusive = text.replace('    if not preact:\n        x = layers.BatchNormalization()(x)\n', '');
    assert.deepEqual(findings(exclusive.replace('else:\n        x = layers.Activation("relu")(x)', 'else:\n        x = layers.BatchNormalization()(x)'), 'python', 'batch-norm-after-activation'), []);
  });

  test('bare and qualified Keras names are layers', () => {
    const text = code`
      from keras.layers import Conv2DTranspose, Reshape, MaxPooling2D, Embedding
      import keras
      a = Embedding(1000, 64)
      b = Reshape((7, 7, 128))
      c = Conv2DTranspose(64, 4)
      d = MaxPooling2D(2)
      e = keras.layers.Conv2DTranspose(1, 4)
      f = tf.keras.layers.Embedding(10, 4)
    `;
    assert.deepEqual(layersOf(new Source(text, 'python')).map((layer) => layer.kind), ['embedding', 'reshape', 'conv2dtranspose', 'maxpooling2d', 'conv2dtranspose', 'embedding']);
  });

  test('batch norm after an activation is found with a Dropout between', () => {
    const text = code`
      from tensorflow.keras import layers, models
      model = models.Sequential([
          layers.Dense(64, activation="relu", kernel_initializer="he_normal"),
          layers.Dropout(0.3),
          layers.BatchNormalization(),
          layers.Dense(10, activation="softmax"),
      ])
    `;
    assert.equal(flagged(text, only(text, 'python', 'batch-norm-after-activation')), 'layers.BatchNormalization');
  });

  test('PyTorch: a helper returning its layers, spread into nn.Sequential(*block(…)), is read in order', () => {
    const text = code`
      import torch.nn as nn
      class Discriminator(nn.Module):
          def __init__(self):
              super().__init__()
              def block(in_filters, out_filters, bn=True):
                  layers = [nn.Conv2d(in_filters, out_filters, 3, 2, 1), nn.LeakyReLU(0.2), nn.Dropout2d(0.25)]
                  if bn:
                      layers.append(nn.BatchNorm2d(out_filters))
                  return layers
              self.model = nn.Sequential(*block(1, 16, bn=False), *block(16, 32), nn.Flatten(), nn.Linear(32 * 49, 1), nn.Sigmoid())
    `;
    const finding = only(text, 'python', 'batch-norm-after-activation');
    assert.equal(flagged(text, finding), 'nn.BatchNorm2d');
    // The batch norm only runs when bn is True: moving the activation into that branch would drop it for bn=False.
    assert.deepEqual(finding.fixes, []);
    assert.deepEqual(findings(text, 'python', 'hidden-saturating-activation'), []);
  });

  test('tfjs: layers added in different if/else blocks are not one sequence; after the chain they are', () => {
    const text = code`
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 32, inputShape: [4], useBias: false, kernelInitializer: 'heNormal' }));
      if (preact) {
        model.add(tf.layers.activation({ activation: 'relu' }));
      } else if (deep) {
        model.add(tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: 'heNormal' }));
      } else {
        model.add(tf.layers.batchNormalization());
      }
      model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
    `;
    assert.deepEqual(findings(text, 'javascript', 'batch-norm-after-activation'), []);
    const after = text.replace("model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));", "model.add(tf.layers.batchNormalization());\nmodel.add(tf.layers.dense({ units: 3, activation: 'softmax' }));");
    assert.equal(findings(after, 'javascript', 'batch-norm-after-activation').length, 1);
  });
});
