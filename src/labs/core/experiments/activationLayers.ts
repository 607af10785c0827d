/**
 * The notes' activation functions as tfjs layers, one hidden block each: a linear dense layer followed by
 * the activation (so probes can read the pre-activation), or one Maxout layer (its own linear pieces).
 */
import * as tf from '@tensorflow/tfjs';
import { Maxout } from './maxout';
import type { Initializer } from './training';

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'prelu', 'maxout'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** The notes' leaky ReLU, x ↦ max(0.01x, x) (tfjs's default alpha is 0.3). */
export const LEAKY_ALPHA = 0.01;
/** PReLU's α before training (He et al. 2015 start from 0.25). */
export const PRELU_INITIAL_ALPHA = 0.25;

/**
 * Gaussian weights of variance scale / fan-in: 1 is Xavier (sigmoid, tanh, maxout), 2 is He (the ReLU
 * family, half of whose inputs are cut). Exact N(0, σ²): tfjs's own heNormal/glorotNormal draw a
 * truncated normal with an uncorrected std, about 0.88 σ.
 */
export function gaussianInit(scale: number, fanIn: number, seed: number): Initializer {
  return tf.initializers.randomNormal({ mean: 0, stddev: Math.sqrt(scale / fanIn), seed });
}

export function initScale(activation: ActivationName): number {
  return activation === 'sigmoid' || activation === 'tanh' || activation === 'maxout' ? 1 : 2;
}

/** One hidden layer of `units` units with this activation; `first` is the dense layer (or the maxout). */
export function hiddenBlock(activation: ActivationName, fanIn: number, units: number, seed: number): tf.layers.Layer[] {
  if (activation === 'maxout') return [new Maxout({ units, pieces: 2, scale: 1, seed })];
  const dense = tf.layers.dense({ units, kernelInitializer: gaussianInit(initScale(activation), fanIn, seed) });
  return [dense, activationLayer(activation)];
}

function activationLayer(activation: Exclude<ActivationName, 'maxout'>): tf.layers.Layer {
  switch (activation) {
    case 'leaky-relu':
      return tf.layers.leakyReLU({ alpha: LEAKY_ALPHA });
    case 'prelu':
      return tf.layers.prelu({ alphaInitializer: tf.initializers.constant({ value: PRELU_INITIAL_ALPHA }) });
    default:
      return tf.layers.activation({ activation });
  }
}
