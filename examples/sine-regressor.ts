/**
 * Noisy-sine regression, scaffolded by DeepScope.
 *
 * Data: 200 samples of y = sin(x) + 0.1 × Gaussian noise, x in [0, 2π], generated with a seeded generator.
 * Task: predict y from x (regression). The noise alone gives a mean squared error of 0.01.
 *
 * Train it with the DeepScope "Train" command in VS Code, or `deepscope train <this file>`.
 * Each default says why in a comment, citing the lecture-note topic it comes from (e.g. topic init-he);
 * change anything and retrain to see the effect.
 */
import * as tf from '@tensorflow/tfjs';

/** Seed of the data shuffling and of the initial weights: same seed, same run. */
const SEED = 42;

// ---- Data ------------------------------------------------------------------------------------------------

/**
 * A small seeded random generator (xorshift32) returning numbers in [0, 1). Math.random cannot be seeded;
 * with this one the data and its shuffling are identical on every run, so two trainings differ only by
 * what you changed.
 */
function seededRandom(seed: number): () => number {
  let state = (seed ^ 0x2545f491) >>> 0 || 1;
  return () => {
    let x = state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    state = x >>> 0;
    return state / 4294967296;
  };
}

/** A draw from the standard normal distribution (Box-Muller transform). */
function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Inputs (one row of numbers per example) and targets (a class index, or the value to predict). */
interface Examples {
  features: number[][];
  targets: number[];
}

/** Number of (x, y) samples. */
const N_POINTS = 200;
/** One input: x. */
const N_FEATURES = 1;
/** Standard deviation of the Gaussian noise added to sin(x). */
const NOISE = 0.1;

/** y = sin(x) + noise, x uniform in [0, 2π]. A model can do no better than a mean squared error of NOISE². */
function makeSine(rand: () => number): Examples {
  const features: number[][] = [];
  const targets: number[] = [];
  for (let i = 0; i < N_POINTS; i++) {
    const x = 2 * Math.PI * rand();
    features.push([x]);
    targets.push(Math.sin(x) + NOISE * gaussian(rand));
  }
  return { features, targets };
}

/** Share of the examples kept aside to measure how well the model generalises; never trained on. */
const VALIDATION_FRACTION = 0.2;

/** Shuffles the examples (seeded, so classes are mixed) and splits off the validation set. */
function splitValidation(examples: Examples, rand: () => number): { train: Examples; validation: Examples } {
  const order = examples.targets.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nValidation = Math.round(order.length * VALIDATION_FRACTION);
  const pick = (indices: number[]): Examples => ({
    features: indices.map((i) => examples.features[i]),
    targets: indices.map((i) => examples.targets[i]),
  });
  return { train: pick(order.slice(nValidation)), validation: pick(order.slice(0, nValidation)) };
}

/** A column of target values, one row per example. */
function targetTensor(targets: number[]): tf.Tensor {
  return tf.tensor2d(targets, [targets.length, 1]);
}

/** The tensors DeepScope trains on: what loadData() returns, beside createModel() and training. */
export interface Dataset {
  x: tf.Tensor;
  y: tf.Tensor;
  validation: { x: tf.Tensor; y: tf.Tensor };
}

export function loadData(): Dataset {
  const rand = seededRandom(SEED);
  const { train, validation } = splitValidation(makeSine(rand), rand);
  // tf.tidy disposes every tensor created inside it except the ones returned: no leak per run.
  return tf.tidy(() => {
    const x = tf.tensor2d(train.features, [train.features.length, N_FEATURES]);
    const xValidation = tf.tensor2d(validation.features, [validation.features.length, N_FEATURES]);
    // Centering (topic preprocessing-centering): subtract the mean of each input column, as the notes always
    // do, so inputs are around zero rather than all of one sign (which biases every update of the first
    // layer the same way). The mean comes from the training split only and is applied to validation too;
    // apply the same mean to any new input you predict on. The notes centre but do not rescale.
    const mean = x.mean(0);
    return {
      x: x.sub(mean),
      y: targetTensor(train.targets),
      validation: { x: xValidation.sub(mean), y: targetTensor(validation.targets) },
    };
  });
}

// ---- Model -----------------------------------------------------------------------------------------------

/** The network: dense hidden layers, then one output layer. DeepScope compiles it with `training`. */
export function createModel(): tf.LayersModel {
  // ReLU (topic activation-relu): max(0, x) does not saturate for x > 0, avoids the gradient problems of
  // sigmoid and tanh, and is cheap forward and backward. The notes: "start with ReLU". A unit whose input
  // stays negative outputs 0 and stops learning ("dies"): DeepScope flags dead units.
  // He initialisation (topic init-he): a Gaussian with variance 2/n_in keeps ReLU activations stable from
  // layer to layer; with Xavier's 1/n_in they pile up at 0 deeper in the network.
  // Weights start random, never equal: identical weights would make every unit of a layer compute and learn
  // the same thing (topic init-homogeneous). Seeded, so every run starts from the same weights.
  const model = tf.sequential();

  // Hidden layer 1: 32 units.
  model.add(tf.layers.dense({
    name: 'hidden1',
    inputShape: [N_FEATURES],
    units: 32,
    activation: 'relu',
    kernelInitializer: tf.initializers.heNormal({ seed: SEED + 1 }),
  }));

  // Hidden layer 2: 32 units.
  model.add(tf.layers.dense({
    name: 'hidden2',
    units: 32,
    activation: 'relu',
    kernelInitializer: tf.initializers.heNormal({ seed: SEED + 2 }),
  }));

  // Output: one linear unit, the predicted value (a regression output must reach any real number).
  // Xavier initialisation (topic init-xavier) fits it: its activation is linear.
  model.add(tf.layers.dense({
    name: 'output',
    units: 1,
    activation: 'linear',
    kernelInitializer: tf.initializers.glorotNormal({ seed: SEED + 3 }),
  }));
  return model;
}

// ---- Training --------------------------------------------------------------------------------------------

/** Learning rate at the first epoch: getting its order of magnitude right matters most. */
const LEARNING_RATE = 0.01;
/** Step decay: the learning rate is halved every DROP_EVERY epochs. */
const DROP_EVERY = 38;

/** How DeepScope compiles and fits the model. */
export const training = {
  epochs: 150,
  // SGD (topic optim-sgd) estimates the loss and its gradient on mini-batches of 16 examples:
  // cheap, noisy steps instead of one exact step per epoch.
  batchSize: 16,
  // Linear output + mean squared error; mae (mean absolute error) reads in the units of the target.
  loss: 'meanSquaredError',
  metrics: ['mae'],
  // SGD with Nesterov momentum 0.9 (topics optim-momentum, optim-nesterov): stepping along a running average
  // of the gradients smooths the noise of mini-batch estimates, avoids zigzags where the loss is steep one way
  // and flat the other, and keeps moving where the gradient fades (saddle points, topic optim-saddle-points).
  // Nesterov takes the gradient one step ahead, at w + ρ·v. The notes put ρ between 0.9 and 0.99.
  optimizer: () => tf.train.momentum(LEARNING_RATE, 0.9, true),
  // Step decay (topic lr-step-decay): lower the learning rate periodically, every n epochs, so late steps
  // settle into a minimum instead of bouncing around it.
  learningRate: (epoch: number) => LEARNING_RATE * Math.pow(0.5, Math.floor(epoch / DROP_EVERY)),
};
