/**
 * The one training loop the labs share: softmax cross-entropy on logits, seeded mini-batch order, an
 * optional per-epoch learning rate. A plain loop (not model.fit) so every lab is deterministic and can
 * look inside the model between steps.
 */
import * as tf from '@tensorflow/tfjs';
import { setLearningRate } from '../../../engine/trainingConfig';
import type { Examples } from './datasets';
import { permutation, seededRandom } from './random';

/** tfjs does not export its Initializer class as a type; this is it. */
export type Initializer = ReturnType<typeof tf.initializers.randomNormal>;

export interface TensorData {
  readonly x: tf.Tensor2D;
  /** One-hot targets. */
  readonly y: tf.Tensor2D;
}

export function toTensors(examples: Examples): TensorData {
  return tf.tidy(() => ({
    x: tf.tensor2d(examples.x, [examples.count, examples.features]),
    y: tf.oneHot(tf.tensor1d(examples.labels, 'int32'), examples.classes).toFloat() as tf.Tensor2D,
  }));
}

export function disposeData(data: TensorData): void {
  tf.dispose([data.x, data.y]);
}

/** A classifier: inputs → hidden layers → a linear output of logits. */
export function classifier(inputs: number, hidden: readonly tf.layers.Layer[], outputs: number, outputInit: Initializer): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape: [inputs] }));
  for (const layer of hidden) model.add(layer);
  model.add(tf.layers.dense({ units: outputs, kernelInitializer: outputInit }));
  return model;
}

/** Mean softmax cross-entropy; `training` switches dropout and batch normalisation to their training behaviour. */
export function crossEntropy(model: tf.LayersModel, data: TensorData, training = false): tf.Scalar {
  return tf.tidy(() => tf.losses.softmaxCrossEntropy(data.y, model.apply(data.x, { training }) as tf.Tensor) as tf.Scalar);
}

export function evaluate(model: tf.LayersModel, data: TensorData): { loss: number; accuracy: number } {
  const packed = tf.tidy(() => {
    const logits = model.apply(data.x, { training: false }) as tf.Tensor2D;
    const loss = tf.losses.softmaxCrossEntropy(data.y, logits);
    const accuracy = logits.argMax(1).equal(data.y.argMax(1)).toFloat().mean();
    return tf.stack([loss, accuracy]);
  });
  const [loss, accuracy] = packed.dataSync();
  packed.dispose();
  return { loss, accuracy };
}

/** The value of a scalar tensor, which is then freed. */
export function readScalar(tensor: tf.Scalar): number {
  const value = tensor.dataSync()[0];
  tensor.dispose();
  return value;
}

export interface FitOptions {
  readonly epochs: number;
  /** 0: the whole data set in one batch. */
  readonly batchSize: number;
  readonly optimizer: tf.Optimizer;
  readonly seed: number;
  readonly learningRate?: (epoch: number) => number;
  /** Called after each epoch (a lab probes the model here). */
  readonly onEpoch?: (epoch: number, loss: number) => void;
}

/** Trains in place; returns the mean training loss of each epoch. */
export function fit(model: tf.LayersModel, data: TensorData, options: FitOptions): Float32Array {
  const count = data.x.shape[0];
  const batchSize = options.batchSize > 0 ? Math.min(options.batchSize, count) : count;
  const random = seededRandom(options.seed);
  const losses = new Float32Array(options.epochs);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    if (options.learningRate) setLearningRate(options.optimizer, options.learningRate(epoch));
    const order = batchSize === count ? undefined : permutation(count, random);
    const batchLosses: tf.Scalar[] = [];
    for (let start = 0; start < count; start += batchSize) {
      const loss = tf.tidy(() => {
        const batch = order === undefined ? data : gatherBatch(data, order.subarray(start, start + batchSize));
        return options.optimizer.minimize(() => crossEntropy(model, batch, true), true) as tf.Scalar;
      });
      batchLosses.push(loss);
    }
    const mean = tf.tidy(() => tf.stack(batchLosses).mean());
    losses[epoch] = mean.dataSync()[0];
    tf.dispose([mean, ...batchLosses]);
    options.onEpoch?.(epoch, losses[epoch]);
  }
  return losses;
}

function gatherBatch(data: TensorData, indices: Int32Array): TensorData {
  const rows = tf.tensor1d(indices, 'int32');
  return { x: tf.gather(data.x, rows), y: tf.gather(data.y, rows) };
}
