// The benchmark's small CNN: two 3×3 convolutions (16 and 32 filters, ReLU, 2×2 max pooling) and a dense
// softmax on 28×28×1 (MNIST-sized), batch 128, synthetic data; trained like the reference MLP.
import * as tf from '@tensorflow/tfjs';

const SAMPLES = 128 * 20;

export function createModel(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ name: 'conv1', inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 1 }) }),
      tf.layers.maxPooling2d({ name: 'pool1', poolSize: 2 }),
      tf.layers.conv2d({ name: 'conv2', filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 2 }) }),
      tf.layers.maxPooling2d({ name: 'pool2', poolSize: 2 }),
      tf.layers.flatten({ name: 'flatten' }),
      tf.layers.dense({ name: 'output', units: 10, activation: 'softmax', kernelInitializer: tf.initializers.glorotNormal({ seed: 3 }) }),
    ],
  });
}

export function loadData() {
  return tf.tidy(() => ({
    x: tf.randomNormal([SAMPLES, 28, 28, 1], 0, 1, 'float32', 7),
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
