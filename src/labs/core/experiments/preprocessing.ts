/**
 * Lab 6, preprocessing (notes: Preprocessing; Sigmoid, "outputs non-centrés"): a unit's weight gradient on
 * one example is x·δ (∂/∂w of σ(wᵀx + b) is x·σ'). With all-positive inputs every component has the sign of
 * δ, so one update can only move all of a unit's weights up together or down together. Measured on
 * per-example gradients from tfjs, shown in 2-D (a unit whose target weights have opposite signs must
 * zig-zag), and timed: steps to a loss threshold with raw vs centred inputs.
 */
import * as tf from '@tensorflow/tfjs';
import type { CenteringRun, KeyTable, PreprocessingResult, UpdatePath } from '../labs';
import { disposeOptimizer } from '../../../engine/trainingConfig';
import { gaussianInit } from './activationLayers';
import { centred, intensities, type Examples } from './datasets';
import { preprocessingInfo } from '../catalog/preprocessing';
import { defineLab } from './lab';
import { seededRandom } from './random';
import { classifier, crossEntropy, disposeData, fit, toTensors, type TensorData } from './training';

const HIDDEN_UNITS = 16;
/** Examples whose per-example gradients are inspected. */
const SIGN_BATCH = 64;
/** The 2-D unit's target: weights of opposite signs, a direction positive inputs cannot step along. */
const TARGET: readonly [number, number] = [1, -1];
const PATH_STEPS = 60;

export const preprocessingLab = defineLab(
  preprocessingInfo,
  async (p): Promise<PreprocessingResult> => {
    const raw = intensities(p.examples, p.features, p.seed);
    const runs = [
      { inputs: 'raw' as const, examples: raw },
      { inputs: 'centred' as const, examples: centred(raw) },
    ].map(({ inputs, examples }) => centeringRun(inputs, examples, p));
    const paths = [updatePath('raw', p.seed), updatePath('centred', p.seed)];
    return { lab: 'preprocessing', runs, paths };
  },
  keyNumbers,
);

function centeringRun(inputs: CenteringRun['inputs'], examples: Examples, p: { learningRate: number; lossThreshold: number; maxEpochs: number; seed: number }): CenteringRun {
  const data = toTensors(examples);
  // Same seeds for both runs: the only difference is the centering.
  const hidden = [tf.layers.dense({ units: HIDDEN_UNITS, activation: 'sigmoid', kernelInitializer: gaussianInit(1, examples.features, p.seed) })];
  const model = classifier(examples.features, hidden, 2, gaussianInit(1, HIDDEN_UNITS, p.seed + 1));
  const optimizer = tf.train.sgd(p.learningRate);
  try {
    const signs = gradientSigns(model, data);
    let reached: number | null = null;
    const losses = fit(model, data, {
      epochs: p.maxEpochs,
      batchSize: 0,
      optimizer,
      seed: p.seed,
      onEpoch: (epoch, loss) => {
        if (reached === null && loss < p.lossThreshold) reached = epoch + 1;
      },
    });
    return { inputs, ...signs, losses, epochsToThreshold: reached };
  } finally {
    disposeOptimizer(optimizer);
    model.dispose();
    disposeData(data);
  }
}

/**
 * For SIGN_BATCH examples, the gradient of that example's loss with respect to a kernel (inputs × units):
 * the fraction of (example, unit) pairs whose incoming-weight gradients all have one sign. For the first
 * layer, also the same fraction for the gradient of the whole batch. The next layer's inputs are sigmoid
 * outputs, positive whatever the data: centering the data fixes the first layer only (the notes' remark).
 */
function gradientSigns(model: tf.Sequential, data: TensorData): { sameSignPerExample: number; sameSignBatch: number; sameSignNextLayer: number } {
  const [first, next] = model.layers.filter((layer) => layer.trainableWeights.length > 0).map((layer) => layer.trainableWeights[0].read() as tf.Variable);
  const oneSign = (gradient: tf.Tensor): tf.Tensor => tf.logicalOr(gradient.greater(0).all(0), gradient.less(0).all(0)).toFloat().mean();
  const count = Math.min(SIGN_BATCH, data.x.shape[0]);
  const packed = tf.tidy(() => {
    const perExample = Array.from({ length: count }, (_, n) => {
      const example = { x: data.x.slice([n, 0], [1, -1]), y: data.y.slice([n, 0], [1, -1]) };
      const { grads } = tf.variableGrads(() => crossEntropy(model, example), [first, next]);
      return tf.stack([oneSign(grads[first.name]), oneSign(grads[next.name])]);
    });
    const batch = { x: data.x.slice([0, 0], [count, -1]), y: data.y.slice([0, 0], [count, -1]) };
    const batchGradient = tf.variableGrads(() => crossEntropy(model, batch), [first]).grads[first.name];
    return tf.concat([tf.stack(perExample).mean(0), oneSign(batchGradient).reshape([1])]);
  });
  const [sameSignPerExample, sameSignNextLayer, sameSignBatch] = packed.dataSync();
  packed.dispose();
  return { sameSignPerExample, sameSignBatch, sameSignNextLayer };
}

/**
 * A linear unit y = w·x with two inputs, trained by SGD one example at a time toward TARGET from w = 0, on
 * inputs uniform in [0, 1]² (raw) or in [−½, ½]² (centred). Plain arithmetic: the gradient of ½(w·x − y)²
 * is (w·x − y)·x, a multiple of x, so with positive x both weights always move the same way.
 */
function updatePath(inputs: UpdatePath['inputs'], seed: number): UpdatePath {
  const random = seededRandom(seed);
  const path = new Float32Array(2 * (PATH_STEPS + 1));
  let [w1, w2] = [0, 0];
  let sameSign = 0;
  let length = 0;
  for (let n = 1; n <= PATH_STEPS; n++) {
    const shift = inputs === 'raw' ? 0 : 0.5;
    const [x1, x2] = [random() - shift, random() - shift];
    const error = w1 * x1 + w2 * x2 - (TARGET[0] * x1 + TARGET[1] * x2);
    const [d1, d2] = [-0.5 * error * x1, -0.5 * error * x2];
    if (d1 * d2 > 0) sameSign++;
    length += Math.hypot(d1, d2);
    [w1, w2] = [w1 + d1, w2 + d2];
    path[2 * n] = w1;
    path[2 * n + 1] = w2;
  }
  const travelled = Math.hypot(w1, w2);
  return { inputs, path, sameSignSteps: sameSign / PATH_STEPS, pathLengthRatio: length / Math.max(travelled, 1e-12), distanceLeft: Math.hypot(w1 - TARGET[0], w2 - TARGET[1]) };
}

function keyNumbers(result: PreprocessingResult): KeyTable[] {
  return [
    {
      title: 'First-layer weight gradients (sigmoid units) and convergence, raw vs centred inputs',
      columns: ['inputs', 'one-sign units, layer 1', '(batch gradient)', 'one-sign units, layer 2', 'epochs to loss threshold', 'final loss'],
      rows: result.runs.map((run) => [run.inputs, run.sameSignPerExample, run.sameSignBatch, run.sameSignNextLayer, run.epochsToThreshold ?? 'not reached', run.losses[run.losses.length - 1]]),
      note: "Per example a unit's weight gradient is x·δ: with all-positive x its components share δ's sign. Layer 2 reads sigmoid outputs (positive): centering the data does not help there.",
    },
    {
      title: `A 2-input linear unit trained toward w* = (${TARGET.join(', ')}) by per-example SGD, ${PATH_STEPS} steps`,
      columns: ['inputs', 'steps moving both weights the same way', 'path length / distance covered', 'distance left to w*'],
      rows: result.paths.map((path) => [path.inputs, path.sameSignSteps, path.pathLengthRatio, path.distanceLeft]),
    },
  ];
}
