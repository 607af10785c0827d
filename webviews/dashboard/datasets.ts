/**
 * What each of the dashboard's charts draws: its datasets, the rows of each streamed dataset, the
 * histograms, and the charts whose scale domains the dashboard sets.
 */
import type { DashboardStore, Dropped } from './store';
import {
  bandRows,
  gradientNormRows,
  gradientRatioRows,
  STEP_LOSS_SERIES,
  learningRateRows,
  lossRows,
  stepLossX,
  metricRows,
  unitHealthRows,
  updateRatioRows,
  type HistogramKind,
} from './rows';
import type { EpochRecord, ProbeFrame, RunStart } from '../../src/runs/core/trainingData';
import type { StepLoss } from '../../src/runs/core/runSnapshot';
import { tagRows, type RunIndex } from './compare';
import type { ScaleKind } from './domains';

export interface ChartSlots {
  readonly training: HTMLElement;
  readonly bands: HTMLElement;
  readonly activationHistograms: HTMLElement;
  readonly unitHealth: HTMLElement;
  readonly gradientNorms: HTMLElement;
  readonly gradientRatio: HTMLElement;
  readonly gradientHistograms: HTMLElement;
  readonly updateRatios: HTMLElement;
  readonly weightHistograms: HTMLElement;
}

export type ChartName = keyof ChartSlots;

/** Each chart's datasets, for its description (what it shows is in the labels' `charts`). */
export const DATASETS: Readonly<Record<ChartName, readonly string[]>> = {
  training: ['loss', 'metrics', 'lr'],
  bands: ['bands'],
  activationHistograms: ['activationHist'],
  unitHealth: ['unitHealth'],
  gradientNorms: ['gradientNorm'],
  gradientRatio: ['gradientRatio'],
  gradientHistograms: ['gradientHist'],
  updateRatios: ['updateRatio'],
  weightHistograms: ['weightHist'],
};

/** Where each streamed dataset is drawn. */
export const STREAMED: readonly [ChartName, StreamedDataset][] = [
  ['training', 'loss'],
  ['training', 'metrics'],
  ['training', 'lr'],
  ['bands', 'bands'],
  ['unitHealth', 'unitHealth'],
  ['gradientNorms', 'gradientNorm'],
  ['gradientRatio', 'gradientRatio'],
  ['updateRatios', 'updateRatio'],
];
export type StreamedDataset = 'loss' | 'metrics' | 'lr' | 'bands' | 'unitHealth' | 'gradientNorm' | 'gradientRatio' | 'updateRatio';

/** Where the gradient ratio is said to vanish, and the update ratio that is healthy: the charts' guide lines. */
export const VANISHING_RATIO = 1e-3;
export const HEALTHY_UPDATE_RATIO = 1e-3;

/** The streamed charts whose scale domains the dashboard sets (see domains.ts). */
export const SCALES: Partial<Record<ChartName, ScaleKind>> = {
  bands: { y: 'perCell' },
  unitHealth: {},
  gradientNorms: { y: 'log' },
  gradientRatio: { y: 'log', guide: VANISHING_RATIO },
  updateRatios: { y: 'log', guide: HEALTHY_UPDATE_RATIO },
};

/** A bar that draws nothing, for a histogram cell a run has no data for. */
export const EMPTY_BAR = { x0: 0, x1: 0, count: 0 };

export const HISTOGRAMS: readonly [ChartName, string, HistogramKind, 'activation' | 'kernelGradient' | 'kernelWeight'][] = [
  ['activationHistograms', 'activationHist', 'activations', 'activation'],
  ['gradientHistograms', 'gradientHist', 'gradients', 'kernelGradient'],
  ['weightHistograms', 'weightHist', 'weights', 'kernelWeight'],
];

/** Records of one run, for the rows of its datasets. */
export interface RunRecords {
  readonly start: RunStart;
  readonly frames: readonly ProbeFrame[];
  readonly epochs: readonly EpochRecord[];
  readonly steps: readonly StepLoss[];
}

/** One streamed dataset's rows for records of the shown run (0) or of the compared one (1), in the shown run's selected layers. */
export function datasetRows(store: DashboardStore, dataset: StreamedDataset, records: RunRecords, run: RunIndex): object[] {
  const selected = store.selectedLayers();
  const order = store.layerOrder();
  const { frames, epochs, steps } = records;
  const rows = ((): readonly object[] => {
    switch (dataset) {
      case 'loss': return lossRows(epochs, steps, records.start.stepsPerEpoch);
      case 'metrics': return metricRows(epochs);
      case 'lr': return learningRateRows(epochs);
      case 'bands': return bandRows(frames, selected, order);
      case 'unitHealth': return unitHealthRows(frames, selected, order);
      case 'gradientNorm': return gradientNormRows(frames, selected, order);
      case 'gradientRatio': return ratioAsLayerRows(frames);
      case 'updateRatio': return updateRatioRows(frames, selected, order);
    }
  })();
  return tagRows(rows, run, store.comparison());
}

/** The gradient ratio drawn with the per-layer line chart (one pseudo-layer). */
function ratioAsLayerRows(frames: readonly ProbeFrame[]): object[] {
  return gradientRatioRows(frames).map((row) => ({ layer: row.series, order: 0, step: row.x, metric: 'ratio', value: row.value }));
}

/**
 * Which rows of a streamed dataset drew the shown run's records that thinning dropped (undefined
 * when none did): `shownRun` is the shown run's name when its rows carry one (comparing).
 */
export function droppedRows(dataset: StreamedDataset, dropped: Dropped, stepsPerEpoch: number, shownRun: string | undefined): ((row: object) => boolean) | undefined {
  const ofShownRun = (row: { run?: unknown }): boolean => shownRun === undefined || row.run === shownRun;
  if (dataset === 'loss') {
    if (dropped.steps.size === 0) return undefined;
    const xs = new Set([...dropped.steps].map((step) => stepLossX(step, stepsPerEpoch)));
    return (row) => {
      const { series, x } = row as { series?: unknown; x?: unknown };
      return series === STEP_LOSS_SERIES && typeof x === 'number' && xs.has(x) && ofShownRun(row);
    };
  }
  if (dataset === 'metrics' || dataset === 'lr' || dropped.frames.size === 0) return undefined;
  return (row) => {
    const { step } = row as { step?: unknown };
    return typeof step === 'number' && dropped.frames.has(step) && ofShownRun(row);
  };
}
