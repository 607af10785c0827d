import * as tf from '@tensorflow/tfjs';
import type { InputStats } from '../../runs/core/trainingData';
import { describeValues } from './distribution';

/**
 * Describes the training inputs once, before training: their distribution and how far each
 * feature's mean sits from 0 compared with its spread (the diagnosis' uncentered-inputs rule).
 * Every axis but the first is a feature (a pixel of an image, a column of a table).
 */
export function describeInputs(x: tf.Tensor): InputStats {
  const [meanAbs, std] = tf.tidy(() => {
    const rows = x.toFloat().reshape([x.shape[0], -1]);
    const { mean, variance } = tf.moments(rows, 0);
    return Array.from(tf.stack([mean.abs().mean(), variance.sqrt().mean()]).dataSync());
  });
  return { values: describeValues(x), meanAbsFeatureMean: meanAbs, meanFeatureStd: std };
}
