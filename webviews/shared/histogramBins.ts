import type { Histogram } from '../../src/runs/core/trainingData';

/** One bar of a layer's histogram, as the per-layer histogram charts draw it. */
export interface BinRow {
  readonly layer: string;
  /** Position of the layer in the network: orders the small multiples. */
  readonly order: number;
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

/** The bars of a histogram; one that holds a single value (all zeros, say) still gets a visible bar. */
export function histogramBins(histogram: Histogram, layer: string, order: number): BinRow[] {
  const { min, max, counts } = histogram;
  const width = max > min ? (max - min) / counts.length : Math.max(Math.abs(min) * 1e-3, 1e-12);
  return Array.from(counts, (count, bin) => ({ layer, order, x0: min + bin * width, x1: min + (bin + 1) * width, count }));
}
