/**
 * Deliberately broken: plain SGD with a learning rate of 10 on a small regression.
 *
 * Train it and DeepScope reports a NaN loss on the optimiser line: each step overshoots the minimum
 * further until the weights overflow. Getting the learning rate's order of magnitude right comes first
 * (topic lr-step-decay). The quick fix divides it by 10; apply it until the loss goes down.
 */
import * as tf from '@tensorflow/tfjs';

/** y = 2·x1 − x2 + 0.5·x3 + noise, 128 samples, seeded. */
export function loadData() {
  let state = 42;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  const rows = Array.from({ length: 128 }, () => [2 * rand(), 2 * rand(), 2 * rand()]);
  const targets = rows.map(([a, b, c]) => [2 * a - b + 0.5 * c + 0.05 * rand()]);
  return tf.tidy(() => ({ x: tf.tensor2d(rows), y: tf.tensor2d(targets) }));
}

export function createModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [3], units: 16, activation: 'relu', kernelInitializer: 'heNormal' }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

export const training = {
  epochs: 10,
  batchSize: 32,
  loss: 'meanSquaredError',
  optimizer: () => tf.train.sgd(10),
};
