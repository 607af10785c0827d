import type * as tf from '@tensorflow/tfjs';
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

/** A tensor's values as read back from the backend (float32, int32 or bool). */
export type Values = ArrayLike<number>;

/** The statistics of a tensor's values, plus the sums its norms are made of. */
export interface ValueSummary {
  readonly stats: ActivationStats;
  /** Euclidean norm, overflowing to Infinity past float32's range as tfjs's `norm()` does. */
  readonly norm: number;
  readonly meanAbs: number;
}

/**
 * Statistics and histogram of a tensor. Its values are read back once and described in two passes
 * in JS (sums, extremes and counts; then deviations and bins): on the wasm and cpu backends that is
 * several times cheaper than the dozen whole-tensor ops (each a new buffer) doing it in tfjs took.
 */
export function describeDistribution(tensor: tf.Tensor, saturation: Saturation = 'none'): ActivationStats {
  return summarizeValues(tensor.dataSync() as Values, saturation).stats;
}

/** Plain distribution (gradients, weights, pre-activations): the saturation field is dropped. */
export function describeValues(tensor: tf.Tensor): DistributionStats {
  return withoutSaturation(summarizeValues(tensor.dataSync() as Values).stats);
}

export function withoutSaturation(stats: ActivationStats): DistributionStats {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { saturatedFraction, ...rest } = stats;
  return rest;
}

/**
 * Mean, std (population), min, max, zero and saturated fractions, a histogram of HISTOGRAM_BINS equal
 * bins between min and max, and the norms. Sums run in float64; results are rounded to float32, as
 * tfjs's were. A NaN makes mean, std, min and max NaN; values whose bin is not a number (NaN, or any
 * value when min or max is infinite) count in the first bin, as the int cast of tfjs's bin index did.
 */
export function summarizeValues(values: Values, saturation: Saturation = 'none'): ValueSummary {
  const count = values.length;
  let sum = 0;
  let sumAbs = 0;
  let sumSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  let zeros = 0;
  // Branch-free (Math.min/max, a number from the comparison): the sign and zeros of activations and
  // gradients are random, and mispredicted branches made this loop several times slower.
  for (let i = 0; i < count; i++) {
    const value = values[i];
    sum += value;
    sumAbs += Math.abs(value);
    sumSquares += value * value;
    min = Math.min(min, value);
    max = Math.max(max, value);
    zeros += +(value === 0);
  }
  if (count === 0) {
    min = Number.NaN;
    max = Number.NaN;
  }
  const mean = sum / count;
  const counts = new Float32Array(HISTOGRAM_BINS);
  const binsPerUnit = HISTOGRAM_BINS / Math.max(max - min, 1e-12);
  let squaredDeviations = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i];
    const deviation = value - mean;
    squaredDeviations += deviation * deviation;
    // floor((v - min) / (max - min) · bins), the maximum in the last bin; `| 0` floors (v ≥ min) and sends NaN to bin 0.
    counts[Math.min(((value - min) * binsPerUnit) | 0, HISTOGRAM_BINS - 1)]++;
  }
  const histogram = { min: Math.fround(min), max: Math.fround(max), counts };
  const stats: ActivationStats = {
    count,
    mean: Math.fround(mean),
    std: Math.fround(Math.sqrt(Math.fround(squaredDeviations / count))),
    min: histogram.min,
    max: histogram.max,
    zeroFraction: zeros / count,
    saturatedFraction: saturatedCount(values, saturation) / count,
    histogram,
    percentiles: percentilesFromHistogram(histogram, DISTRIBUTION_PERCENTILES),
  };
  return { stats, norm: euclideanNorm(sumSquares), meanAbs: Math.fround(sumAbs / count) };
}

/** sqrt of a sum of squares, Infinity when the sum overflows float32 (as a gradient blowing up does in tfjs). */
export function euclideanNorm(sumSquares: number): number {
  return Math.fround(Math.sqrt(Math.fround(sumSquares)));
}

/** The thresholds as float32, as tfjs compared them. */
const SATURATED_ABOVE = Math.fround(0.99);
const SATURATED_BELOW = Math.fround(0.01);

function saturatedCount(values: Values, saturation: Saturation): number {
  let saturated = 0;
  if (saturation === 'tanh') {
    for (let i = 0; i < values.length; i++) if (Math.abs(values[i]) > SATURATED_ABOVE) saturated++;
  } else if (saturation === 'sigmoid') {
    for (let i = 0; i < values.length; i++) if (values[i] < SATURATED_BELOW || values[i] > SATURATED_ABOVE) saturated++;
  }
  return saturated;
}
