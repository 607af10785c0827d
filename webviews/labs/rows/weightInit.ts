/** Weight-initialisation results as chart rows: per-layer histograms of one run, mean/std per layer of all runs. */
import type { InitRun, WeightInitResult } from '../../../src/labs/core/labs';
import { histogramBins, type BinRow } from '../../shared/histogramBins';


export interface InitStatRow {
  readonly layer: number;
  readonly scheme: string;
  readonly activation: string;
  readonly value: number;
  /** `measured`, or `predicted` (the width-limit theory the engine computes alongside). */
  readonly kind: 'measured' | 'predicted';
}

export function findRun(result: WeightInitResult, scheme: string, activation: string): InitRun | undefined {
  return result.runs.find((run) => run.scheme === scheme && run.activation === activation);
}

/** The activation histogram of each layer of one run (bins between the layer's min and max). */
export function initHistogramRows(run: InitRun): BinRow[] {
  return run.layers.flatMap(({ layer, stats }) => histogramBins(stats.histogram, `layer ${layer}`, layer));
}

/** Standard deviation per layer, measured and predicted, for every run; zeros left out (log scale). */
export function initStdRows(result: WeightInitResult): InitStatRow[] {
  return result.runs.flatMap((run) =>
    run.layers.flatMap(({ layer, stats, predictedStd }) => [
      { layer, scheme: run.scheme, activation: run.activation, value: stats.std, kind: 'measured' as const },
      { layer, scheme: run.scheme, activation: run.activation, value: predictedStd, kind: 'predicted' as const },
    ]),
  ).filter((row) => row.value > 0 && Number.isFinite(row.value));
}

/** Mean activation per layer for every run. */
export function initMeanRows(result: WeightInitResult): InitStatRow[] {
  return result.runs.flatMap((run) =>
    run.layers.map(({ layer, stats }) => ({ layer, scheme: run.scheme, activation: run.activation, value: stats.mean, kind: 'measured' as const })),
  );
}

/** The fraction that tells the story for an activation: saturated (|h| > 0.99) for tanh, exactly zero for ReLU. */
export function telltaleFraction(run: InitRun, layer: InitRun['layers'][number]): number {
  return run.activation === 'tanh' ? layer.stats.saturatedFraction : layer.stats.zeroFraction;
}
