/**
 * Deliberately broken: every weight starts at zero.
 *
 * Train it and DeepScope reports symmetric neurons: all units of a layer compute the same output, get
 * the same gradient, are updated the same way and stay identical, so each layer works like a single
 * unit (topic init-homogeneous). The loss never leaves ln 3 ≈ 1.0986, chance for three classes. The
 * quick fix initialises the layer with He normal, the notes' choice for ReLU (topic init-he).
 */
import * as tf from '@tensorflow/tfjs';

/** Three Gaussian blobs around the corners of a triangle, 50 points each, seeded. */
export function loadData() {
  let state = 12345;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const centres = [[0, 1], [-0.87, -0.5], [0.87, -0.5]];
  const points: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 150; i++) {
    const k = i % 3;
    points.push([centres[k][0] + 0.4 * (rand() - 0.5), centres[k][1] + 0.4 * (rand() - 0.5)]);
    labels.push(k);
  }
  return tf.tidy(() => ({ x: tf.tensor2d(points), y: tf.oneHot(tf.tensor1d(labels, 'int32'), 3).toFloat() }));
}

export function createModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [2], units: 16, activation: 'relu', kernelInitializer: 'zeros' }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: 'zeros' }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: 'zeros' }));
  return model;
}

export const training = {
  epochs: 10,
  batchSize: 30,
  loss: 'categoricalCrossentropy',
  metrics: ['accuracy'],
  optimizer: () => tf.train.momentum(0.1, 0.9, true),
};
