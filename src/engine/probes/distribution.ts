import * as tf from '@tensorflow/tfjs';
import { percentilesFromHistogram } from '../../common/core/histogramMath';
import { DISTRIBUTION_PERCENTILES, type ActivationStats, type DistributionStats } from '../../runs/core/trainingData';

export const HISTOGRAM_BINS = 30;

/** Which values count as saturated for an activation function (tanh: |a| > 0.99; sigmoid: a < 0.01 or a > 0.99). */
export type Saturation = 'tanh' | 'sigmoid' | 'none';

export function saturationOf(activation: string | undefined): Saturation {
  if (activation === 'tanh') return 'tanh';
  if (activation === 'sigmoid' || activation === 'hardSigmoid') return 'sigmoid';
  return 'none';
}

/**
 * Statistics and histogram of a tensor, computed with tf ops inside one tidy and read back in a
 * single download: only scalars and bins leave the backend.
 */
export function describeDistribution(tensor: tf.Tensor, saturation: Saturation = 'none'): ActivationStats {
  const packed = tf.tidy(() => {
    const values = tensor.toFloat().reshape([-1]) as tf.Tensor1D;
    const { mean, variance } = tf.moments(values);
    const min = values.min();
    const max = values.max();
    const zeros = values.equal(0).sum().toFloat();
    const saturated = saturatedCount(values, saturation);
    const range = tf.maximum(max.sub(min), 1e-12);
    const bins = values.sub(min).div(range).mul(HISTOGRAM_BINS).floor().clipByValue(0, HISTOGRAM_BINS - 1).toInt() as tf.Tensor1D;
    const counts = tf.bincount(bins, tf.tensor1d([], 'float32'), HISTOGRAM_BINS).toFloat();
    return tf.concat([tf.stack([mean, variance.sqrt(), min, max, zeros, saturated]), counts]);
  });
  const data = packed.dataSync();
  packed.dispose();
  const count = tensor.size;
  const histogram = { min: data[2], max: data[3], counts: Float32Array.from(data.subarray(6)) };
  return {
    count,
    mean: data[0],
    std: data[1],
    min: data[2],
    max: data[3],
    zeroFraction: data[4] / count,
    saturatedFraction: data[5] / count,
    histogram,
    percentiles: percentilesFromHistogram(histogram, DISTRIBUTION_PERCENTILES),
  };
}

function saturatedCount(values: tf.Tensor1D, saturation: Saturation): tf.Tensor {
  switch (saturation) {
    case 'tanh':
      return values.abs().greater(0.99).sum().toFloat();
    case 'sigmoid':
      return tf.logicalOr(values.less(0.01), values.greater(0.99)).sum().toFloat();
    case 'none':
      return tf.scalar(0);
  }
}

/** Plain distribution (gradients, weights, pre-activations): the saturation field is dropped. */
export function describeValues(tensor: tf.Tensor): DistributionStats {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { saturatedFraction, ...stats } = describeDistribution(tensor);
  return stats;
}
