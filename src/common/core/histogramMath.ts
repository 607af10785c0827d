import type { Histogram } from '../../runs/core/trainingData';

/**
 * Value below which `percent` % of the histogram's mass lies, interpolating linearly inside the
 * bin (as TensorBoard's distributions do). 0 and 100 give the exact min and max.
 */
export function percentileFromHistogram(histogram: Histogram, percent: number): number {
  const { min, max, counts } = histogram;
  if (percent <= 0) return min;
  if (percent >= 100) return max;
  let total = 0;
  for (const count of counts) total += count;
  if (total === 0 || counts.length === 0) return Number.NaN;
  const width = (max - min) / counts.length;
  const target = (percent / 100) * total;
  let cumulative = 0;
  for (let bin = 0; bin < counts.length; bin++) {
    const next = cumulative + counts[bin];
    if (next >= target && counts[bin] > 0) {
      const within = (target - cumulative) / counts[bin];
      return min + (bin + within) * width;
    }
    cumulative = next;
  }
  return max;
}

export function percentilesFromHistogram(histogram: Histogram, percents: readonly number[]): Float32Array {
  return Float32Array.from(percents, (percent) => percentileFromHistogram(histogram, percent));
}
