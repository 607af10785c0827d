/**
 * The notes' first initialisation claim (Initialisation des poids, init-homogeneous): with a homogeneous
 * initialisation every unit of a layer computes the same output, receives the same gradient and gets the
 * same update, so the units stay identical however long one trains. A random initialisation breaks the
 * symmetry. A small tanh net is trained full-batch on the spiral from each initialisation.
 */
import * as tf from '@tensorflow/tfjs';
import type { SymmetryRun } from '../labs';
import { disposeOptimizer } from '../../../engine/trainingConfig';
import { spiral } from './datasets';
import { classifier, crossEntropy, disposeData, fit, readScalar, toTensors, type Initializer, type TensorData } from './training';

const HIDDEN = [16, 16];
const LEARNING_RATE = 0.3;
/** The non-zero homogeneous value: the units move, yet stay copies of each other. */
const CONSTANT = 0.3;

export const SYMMETRY_INITS = ['zeros', 'constant', 'random'] as const;
export type SymmetryInit = (typeof SYMMETRY_INITS)[number];

export function symmetryExperiment(steps: number, seed: number): SymmetryRun[] {
  const data = toTensors(spiral(50, 3, 0.2, seed));
  try {
    return SYMMETRY_INITS.map((init) => trainFrom(init, data, steps, seed));
  } finally {
    disposeData(data);
  }
}

function initializer(init: SymmetryInit, seed: number): Initializer {
  if (init === 'zeros') return tf.initializers.zeros();
  if (init === 'constant') return tf.initializers.constant({ value: CONSTANT });
  return tf.initializers.glorotNormal({ seed });
}

function trainFrom(init: SymmetryInit, data: TensorData, steps: number, seed: number): SymmetryRun {
  const hidden = HIDDEN.map((units, i) => tf.layers.dense({ units, activation: 'tanh', kernelInitializer: initializer(init, seed + i) }));
  const model = classifier(2, hidden, 3, initializer(init, seed + HIDDEN.length));
  const optimizer = tf.train.sgd(LEARNING_RATE);
  const before = hidden.map((layer) => tf.clone(layer.getWeights()[0]));
  try {
    const lossBefore = readScalar(crossEntropy(model, data));
    fit(model, data, { epochs: steps, batchSize: 0, optimizer, seed });
    const lossAfter = readScalar(crossEntropy(model, data));
    const layers = hidden.map((layer, i) => {
      const [kernel, bias] = layer.getWeights();
      const packed = tf.tidy(() => {
        // Unit j's incoming weights and bias, compared with unit 0's.
        const units = tf.concat([kernel, bias.expandDims(0)]);
        const spread = units.sub(units.slice([0, 0], [-1, 1])).abs().max();
        return tf.stack([spread, tf.norm(kernel.sub(before[i]))]);
      });
      const [maxUnitDifference, weightChange] = packed.dataSync();
      packed.dispose();
      return { layer: i + 1, maxUnitDifference, weightChange };
    });
    return { init, lossBefore, lossAfter, layers };
  } finally {
    tf.dispose(before);
    disposeOptimizer(optimizer);
    model.dispose();
  }
}
