import type { Histogram } from '../../../runs/core/trainingData';

/**
 * Share of a histogram's values outside [-limit, limit], assuming values spread evenly within a bin
 * (the probes send 30 bins, not the values).
 */
export function shareBeyond(histogram: Histogram, limit: number): number {
  const bins = histogram.counts.length;
  const width = (histogram.max - histogram.min) / bins;
  let total = 0;
  let beyond = 0;
  histogram.counts.forEach((count, i) => {
    total += count;
    const low = histogram.min + i * width;
    const high = low + width;
    const outside = width > 0 ? (Math.max(0, Math.min(high, -limit) - low) + Math.max(0, high - Math.max(low, limit))) / width : Math.abs(low) > limit ? 1 : 0;
    beyond += count * Math.min(1, outside);
  });
  return total > 0 ? beyond / total : 0;
}
