/**
 * Lab 2, activation functions (notes: Activation functions): the curves and their derivatives (as tfjs
 * differentiates them), the gradient that reaches each layer of a deep net at initialisation (the sigmoid's
 * σ' ≤ 1/4 makes it vanish), and ReLUs that die after a first epoch at a high learning rate, against the
 * leaky ReLU (0.01, as in the notes) and the PReLU whose α is learned.
 */
import * as tf from '@tensorflow/tfjs';
import type { ActivationCurve, ActivationsResult, DeadUnitsRun, DepthGradients, KeyTable } from '../labs';
import { disposeOptimizer } from '../../../engine/trainingConfig';
import { ACTIVATIONS, type ActivationName, gaussianInit, hiddenBlock, initScale, LEAKY_ALPHA } from './activationLayers';
import { spiral } from './datasets';
import { activationsInfo } from '../catalog/activations';
import { defineLab } from './lab';
import { Maxout } from './maxout';
import { classifier, crossEntropy, disposeData, evaluate, fit, toTensors, type TensorData } from './training';

const GRID_POINTS = 201;
const GRID_RANGE = 5;
/** The maxout unit drawn on the curve plot: max(x, −0.5x + 0.5), a convex piecewise-linear function. */
const MAXOUT_EXAMPLE = { kernel: [[1, -0.5]], bias: [0, 0.5] };
const DEAD_RUN_HIDDEN = [64, 64];

export const activationsLab = defineLab(
  activationsInfo,
  async (p): Promise<ActivationsResult> => {
    const data = toTensors(spiral(100, 3, 0.2, p.seed));
    try {
      const calm = { high: p.learningRate, normal: p.learningRate, kickEpochs: 0 };
      const kicked = { high: p.highLearningRate, normal: p.learningRate, kickEpochs: p.kickEpochs };
      const training: DeadUnitsRun[] = [
        deadUnitsRun('relu', calm, data, p.epochs, p.seed),
        deadUnitsRun('relu', kicked, data, p.epochs, p.seed),
        deadUnitsRun('leaky-relu', kicked, data, p.epochs, p.seed),
        deadUnitsRun('prelu', kicked, data, p.epochs, p.seed),
      ];
      const learnedAlpha = training.find((run) => run.alpha !== undefined)?.alpha?.mean ?? Number.NaN;
      const { grid, curves } = activationCurves(learnedAlpha);
      const depth = ACTIVATIONS.map((activation) => depthGradients(activation, p.depth, p.width, p.seed));
      return { lab: 'activations', grid, curves, depth, training };
    } finally {
      disposeData(data);
    }
  },
  keyNumbers,
);

/** Each function and its derivative on [−5, 5], both computed by tfjs (ReLU'(0) is 0 there). */
function activationCurves(preluAlpha: number): { grid: Float32Array; curves: ActivationCurve[] } {
  const grid = Float32Array.from({ length: GRID_POINTS }, (_, i) => -GRID_RANGE + (2 * GRID_RANGE * i) / (GRID_POINTS - 1));
  const maxout = new Maxout({ units: 1, pieces: 2 });
  // A first call on a real tensor builds the layer (and makes it disposable); then its two pieces are set.
  tf.tidy(() => {
    maxout.apply(tf.zeros([1, 1]));
  });
  const weights = [tf.tensor2d(MAXOUT_EXAMPLE.kernel), tf.tensor1d(MAXOUT_EXAMPLE.bias)];
  maxout.setWeights(weights);
  tf.dispose(weights);
  const functions: Record<ActivationName, (x: tf.Tensor) => tf.Tensor> = {
    sigmoid: (x) => tf.sigmoid(x),
    tanh: (x) => tf.tanh(x),
    relu: (x) => tf.relu(x),
    'leaky-relu': (x) => tf.leakyRelu(x, LEAKY_ALPHA),
    prelu: (x) => tf.prelu(x, tf.fill(x.shape, preluAlpha)),
    maxout: (x) => (maxout.apply(x.reshape([-1, 1])) as tf.Tensor).reshape([-1]),
  };
  const curves = ACTIVATIONS.map((activation) => {
    const [y, derivative] = tf.tidy(() => {
      const x = tf.tensor1d(grid);
      const f = functions[activation];
      return [f(x), tf.grad((input) => f(input).sum())(x)];
    });
    const curve = { activation, y: y.dataSync() as Float32Array, derivative: derivative.dataSync() as Float32Array };
    tf.dispose([y, derivative]);
    return curve;
  });
  maxout.dispose();
  return { grid, curves };
}

/**
 * ‖∂L/∂h_l‖, the gradient backpropagation brings to the output of each layer of a `depth`-layer net at
 * initialisation (Xavier for sigmoid, tanh and maxout, He for the ReLU family), on a regression of random
 * targets. Each layer multiplies it by the activation's derivative: σ' ≤ 1/4 shrinks it geometrically on
 * its way back to the input; with He, ReLU keeps it steady. Read with zero "probe" tensors added to each
 * layer's output: the gradient with respect to a probe is the gradient with respect to that output.
 */
function depthGradients(activation: ActivationName, depth: number, width: number, seed: number): DepthGradients {
  const blocks = Array.from({ length: depth }, (_, l) => hiddenBlock(activation, width, width, seed + l));
  const output = tf.layers.dense({ units: 1, kernelInitializer: gaussianInit(1, width, seed + depth) });
  const norms = tf.tidy(() => {
    const x = tf.randomNormal([256, width], 0, 1, 'float32', seed);
    const target = tf.randomNormal([256, 1], 0, 1, 'float32', seed + 1);
    const probes = blocks.map(() => tf.zeros([256, width]));
    const loss = (...added: tf.Tensor[]): tf.Scalar => {
      let h: tf.Tensor = x;
      blocks.forEach((block, l) => {
        for (const layer of block) h = layer.apply(h) as tf.Tensor;
        h = h.add(added[l]);
      });
      return tf.losses.meanSquaredError(target, output.apply(h) as tf.Tensor) as tf.Scalar;
    };
    return tf.stack(tf.grads(loss)(probes).map((gradient) => tf.norm(gradient)));
  });
  const gradientNorms = norms.dataSync() as Float32Array;
  norms.dispose();
  for (const layer of [...blocks.flat(), output]) layer.dispose();
  return { activation, init: initScale(activation) === 1 ? 'xavier' : 'he', gradientNorms };
}

/**
 * Trains a 2-64-64-3 classifier on the spiral with plain SGD: `kickEpochs` at a high learning rate, then
 * the normal one. After each epoch it counts the hidden units whose pre-activation is ≤ 0 on every
 * training example (inactive) and those whose weights get exactly zero gradient (dead). A ReLU unit that
 * is inactive is dead; a leaky ReLU or PReLU unit in the same state still gets a gradient and can recover.
 */
function deadUnitsRun(activation: 'relu' | 'leaky-relu' | 'prelu', rates: { high: number; normal: number; kickEpochs: number }, data: TensorData, epochs: number, seed: number): DeadUnitsRun {
  const blocks = DEAD_RUN_HIDDEN.map((units, i) => hiddenBlock(activation, i === 0 ? 2 : DEAD_RUN_HIDDEN[i - 1], units, seed + i));
  const model = classifier(2, blocks.flat(), 3, gaussianInit(1, DEAD_RUN_HIDDEN.at(-1) ?? 1, seed + 10));
  const optimizer = tf.train.sgd(rates.normal);
  const inactive = new Float32Array(epochs + 1);
  const dead = new Float32Array(epochs + 1);
  const probe = (slot: number): void => {
    [inactive[slot], dead[slot]] = unitCensus(model, blocks, data);
  };
  try {
    probe(0);
    const learningRate = (epoch: number): number => (epoch < rates.kickEpochs ? rates.high : rates.normal);
    const losses = fit(model, data, { epochs, batchSize: 32, optimizer, seed, learningRate, onEpoch: (epoch) => probe(epoch + 1) });
    const { accuracy } = evaluate(model, data);
    const alpha = activation === 'prelu' ? alphaStats(blocks.map((block) => block[1])) : undefined;
    return { activation, highLearningRate: rates.kickEpochs > 0 ? rates.high : rates.normal, inactive, dead, losses, accuracy, alpha };
  } finally {
    disposeOptimizer(optimizer);
    model.dispose();
  }
}

/** [inactive, dead] fractions of the hidden units (see deadUnitsRun), on the whole data set. */
function unitCensus(model: tf.Sequential, blocks: readonly (readonly tf.layers.Layer[])[], data: TensorData): [number, number] {
  const packed = tf.tidy(() => {
    const never: tf.Tensor[] = [];
    let h: tf.Tensor = data.x;
    for (const [dense, activation] of blocks) {
      h = dense.apply(h) as tf.Tensor;
      never.push(h.greater(0).any(0).logicalNot());
      h = activation.apply(h) as tf.Tensor;
    }
    const kernels = blocks.map(([dense]) => dense.trainableWeights[0].read() as tf.Variable);
    const { grads } = tf.variableGrads(() => crossEntropy(model, data), kernels);
    const noGradient = kernels.map((kernel) => grads[kernel.name].abs().sum(0).equal(0));
    return tf.stack([tf.concat(never).toFloat().mean(), tf.concat(noGradient).toFloat().mean()]);
  });
  const [inactive, dead] = packed.dataSync();
  packed.dispose();
  return [inactive, dead];
}

function alphaStats(layers: readonly tf.layers.Layer[]): { mean: number; min: number; max: number } {
  const packed = tf.tidy(() => {
    const alphas = tf.concat(layers.map((layer) => layer.getWeights()[0].reshape([-1])));
    return tf.stack([alphas.mean(), alphas.min(), alphas.max()]);
  });
  const [mean, min, max] = packed.dataSync();
  packed.dispose();
  return { mean, min, max };
}

function keyNumbers(result: ActivationsResult): KeyTable[] {
  const depth = result.depth[0]?.gradientNorms.length ?? 0;
  const shown = [1, 2, Math.ceil(depth / 2), depth - 1, depth].filter((l, i, all) => l >= 1 && all.indexOf(l) === i);
  const last = (values: Float32Array): number => values[values.length - 1];
  return [
    {
      title: `Gradient reaching each layer's output, ‖∂L/∂h‖, in a ${depth}-layer net at initialisation`,
      columns: ['activation', 'init', ...shown.map((l) => `layer ${l}`), 'layer 1 / last'],
      rows: result.depth.map((run) => [run.activation, run.init, ...shown.map((l) => run.gradientNorms[l - 1]), run.gradientNorms[0] / last(run.gradientNorms)]),
      note: "The sigmoid's derivative is at most 1/4: the gradient shrinks at every layer on its way back to the input.",
    },
    {
      title: 'Hidden units of a 2-64-64-3 net on the spiral, plain SGD: inactive = pre-activation ≤ 0 on every example, dead = zero gradient',
      columns: ['activation', 'first lr', 'inactive after it', 'inactive at end', 'dead at end', 'final loss', 'accuracy', 'learned α (mean)'],
      rows: result.training.map((run) => [
        run.activation,
        run.highLearningRate,
        run.inactive[1],
        last(run.inactive),
        last(run.dead),
        last(run.losses),
        run.accuracy,
        run.alpha ? run.alpha.mean : '',
      ]),
      note: 'An inactive ReLU unit gets no gradient: it is dead. Leaky ReLU (0.01) and PReLU units still get one.',
    },
  ];
}
