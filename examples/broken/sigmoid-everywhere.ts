/**
 * Deliberately broken: eight sigmoid hidden layers on the CS231n spiral.
 *
 * Train it (DeepScope: Train Model) and DeepScope reports vanishing gradients on the first layer: the
 * sigmoid's derivative is at most 1/4, back-propagation multiplies one such factor per layer, and the
 * first layers' gradients end up a hundred thousand times smaller than the last one's. The notes: start
 * with ReLU, do not use the sigmoid (topics activation-sigmoid, activation-practice). Its quick fix puts
 * ReLU in every hidden layer; train again and compare.
 */
import * as tf from '@tensorflow/tfjs';

/** xorshift32 in [0, 1): a seeded generator, so every run sees the same data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** Three spiral arms of 60 points, one class each; every 5th point is kept for validation. */
export function loadData() {
  const rand = seededRandom(7);
  const points: number[][] = [];
  const labels: number[] = [];
  for (let k = 0; k < 3; k++) {
    for (let i = 0; i < 60; i++) {
      const radius = i / 59;
      const angle = 4 * (k + radius) + 0.2 * (rand() + rand() + rand() - 1.5);
      points.push([radius * Math.sin(angle), radius * Math.cos(angle)]);
      labels.push(k);
    }
  }
  return tf.tidy(() => {
    const x = tf.tensor2d(points);
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 3).toFloat();
    const held = tf.tensor1d(labels.map((_, i) => i).filter((i) => i % 5 === 0), 'int32');
    const kept = tf.tensor1d(labels.map((_, i) => i).filter((i) => i % 5 !== 0), 'int32');
    return { x: x.gather(kept), y: y.gather(kept), validation: { x: x.gather(held), y: y.gather(held) } };
  });
}

export function createModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [2], units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 32, activation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));
  return model;
}

export const training = {
  epochs: 15,
  batchSize: 32,
  loss: 'categoricalCrossentropy',
  metrics: ['accuracy'],
  optimizer: () => tf.train.momentum(0.05, 0.9, true),
};
