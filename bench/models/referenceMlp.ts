// The benchmark's reference model: an MLP 784-256-128-10 (MNIST-sized), batch 128, synthetic data.
import * as tf from '@tensorflow/tfjs';

const SAMPLES = 128 * 40;

export function createModel(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({ name: 'hidden1', inputShape: [784], units: 256, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 1 }) }),
      tf.layers.dense({ name: 'hidden2', units: 128, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 2 }) }),
      tf.layers.dense({ name: 'output', units: 10, activation: 'softmax', kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }),
    ],
  });
}

export function loadData() {
  return tf.tidy(() => ({
    x: tf.randomNormal([SAMPLES, 784], 0, 1, 'float32', 7),
    y: tf.oneHot(tf.randomUniform([SAMPLES], 0, 10, 'int32', 8), 10).toFloat(),
  }));
}

export const training = {
  epochs: 2,
  batchSize: 128,
  loss: 'categoricalCrossentropy',
  metrics: ['accuracy'],
  optimizer: () => tf.train.momentum(0.01, 0.9, true),
};
