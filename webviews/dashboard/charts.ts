/**
 * The dashboard's charts and the datasets each one reads. `rebuild` draws everything from the
 * store (open, new run, compared run, theme change, resize, layer choice); `append` streams new
 * points of the shown run into the existing views with changesets. A compared run is drawn from
 * its snapshot alongside: its rows carry its name (dashed lines, its own cells).
 */
import { Chart } from '../shared/chart';
import type { DashboardStore } from './store';
import {
  bandRows,
  gradientNormRows,
  gradientRatioRows,
  histogramRows,
  learningRateRows,
  lossRows,
  metricRows,
  unitHealthRows,
  updateRatioRows,
  type HistogramKind,
} from './rows';
import { activationBandsSpec, histogramSpec, layerLinesSpec, layoutFor, trainingSpec } from './specs';
import type { EpochRecord, ProbeFrame } from '../../src/runs/core/trainingData';
import type { StepLoss } from '../../src/runs/core/runSnapshot';
import type { RunStart } from '../../src/runs/core/trainingData';
import { cellFillers, missingCellFillers, tagRows, type CellFields, type Comparison, type RunIndex } from './compare';

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

type ChartName = keyof ChartSlots;

/** Each chart's datasets and what it shows, for its description. */
const DATASETS: Readonly<Record<ChartName, readonly [string, readonly string[]]>> = {
  training: ['Loss, metrics and learning rate', ['loss', 'metrics', 'lr']],
  bands: ['Activation distributions over time', ['bands']],
  activationHistograms: ['Activation histograms', ['activationHist']],
  unitHealth: ['Dead and saturated units', ['unitHealth']],
  gradientNorms: ['Gradient norms', ['gradientNorm']],
  gradientRatio: ['First/last gradient norm ratio', ['gradientRatio']],
  gradientHistograms: ['Gradient histograms', ['gradientHist']],
  updateRatios: ['Update ratios', ['updateRatio']],
  weightHistograms: ['Weight histograms', ['weightHist']],
};

/** Where each streamed dataset is drawn. */
const STREAMED: readonly [ChartName, StreamedDataset][] = [
  ['training', 'loss'],
  ['training', 'metrics'],
  ['training', 'lr'],
  ['bands', 'bands'],
  ['unitHealth', 'unitHealth'],
  ['gradientNorms', 'gradientNorm'],
  ['gradientRatio', 'gradientRatio'],
  ['updateRatios', 'updateRatio'],
];
type StreamedDataset = 'loss' | 'metrics' | 'lr' | 'bands' | 'unitHealth' | 'gradientNorm' | 'gradientRatio' | 'updateRatio';

/** A bar that draws nothing, for a histogram cell a run has no data for. */
const EMPTY_BAR = { x0: 0, x1: 0, count: 0 };

const HISTOGRAMS: readonly [ChartName, string, HistogramKind, string][] = [
  ['activationHistograms', 'activationHist', 'activations', 'activation'],
  ['gradientHistograms', 'gradientHist', 'gradients', 'kernel gradient'],
  ['weightHistograms', 'weightHist', 'weights', 'kernel weight'],
];

export class DashboardCharts {
  private charts = new Map<ChartName, Chart>();
  private generation = 0;

  constructor(private readonly slots: ChartSlots) {}

  async rebuild(store: DashboardStore, containerWidth: number): Promise<void> {
    const generation = ++this.generation;
    this.dispose();
    const start = store.start;
    if (!start) return;
    const layout = layoutFor(containerWidth);
    const runs = store.comparison()?.labels;
    const specs: [ChartName, Parameters<typeof Chart.create>[1]][] = [
      ['training', trainingSpec(layout, runs)],
      ['bands', activationBandsSpec(layout, runs)],
      ['unitHealth', layerLinesSpec(layout, 'unitHealth', 'Dead and saturated units', { facetByMetric: true, runs })],
      ['gradientNorms', layerLinesSpec(layout, 'gradientNorm', 'Gradient norm per layer (log scale)', { log: true, runs })],
      ['gradientRatio', layerLinesSpec(layout, 'gradientRatio', 'First-layer / last-layer gradient norm (log scale)', { log: true, guide: 1e-3, guideLabel: 'vanishing below 1e-3', legend: runs !== undefined, runs })],
      ['updateRatios', layerLinesSpec(layout, 'updateRatio', 'Update ratio ‖ΔW‖ / ‖W‖ of each kernel (log scale)', { log: true, guide: 1e-3, guideLabel: '≈ 1e-3 is healthy', runs })],
      ...HISTOGRAMS.map(([name, dataset, , title]) => [name, histogramSpec(layout, dataset, title, runs)] as [ChartName, Parameters<typeof Chart.create>[1]]),
    ];
    const created = await Promise.all(specs.map(async ([name, spec]) => [name, await Chart.create(this.slots[name], spec)] as const));
    if (generation !== this.generation) {
      created.forEach(([, chart]) => chart.finalize());
      return;
    }
    this.charts = new Map(created);
    await this.fill(store);
  }

  /** Streams what a progress message added. */
  async append(store: DashboardStore, frames: readonly ProbeFrame[], epochs: readonly EpochRecord[], steps: readonly StepLoss[]): Promise<void> {
    const start = store.start;
    if (!start) return;
    const rows = streamedRows(store, start, frames, epochs, steps, 0);
    await Promise.all(STREAMED.map(([name, dataset]) => this.charts.get(name)?.insert(dataset, rows[dataset])));
    if (store.cursor === undefined && frames.length > 0) await this.showStep(store, false);
    this.describe();
  }

  /**
   * Histograms at the chosen step, and the rule marking it on the activation bands. `relayout`
   * is false while streaming: the same layers, so the same facets.
   */
  async showStep(store: DashboardStore, relayout = true): Promise<void> {
    const frame = store.cursorFrame();
    const selected = store.selectedLayers();
    const order = store.layerOrder();
    const comparison = store.comparison();
    const otherFrame = comparison && store.comparedFrame();
    const histograms = (kind: HistogramKind): object[] => {
      const drawn = [
        ...tagRows(histogramRows(frame, kind, selected, order), 0, comparison),
        ...(comparison ? tagRows(histogramRows(otherFrame, kind, selected, order), 1, comparison) : []),
      ];
      return [...drawn, ...missingCellFillers(drawn as unknown as CellFields[], store.selectedInOrder(), comparison, EMPTY_BAR)];
    };
    await Promise.all(HISTOGRAMS.map(([name, dataset, kind]) => this.charts.get(name)?.replace(dataset, histograms(kind), relayout)));
    const view = this.charts.get('bands')?.view;
    if (view) await view.signal('cursorStep', frame?.step ?? -1).runAsync();
    this.describe();
  }

  private describe(): void {
    this.charts.forEach((chart, name) => chart.describe(...DATASETS[name]));
  }

  dispose(): void {
    this.charts.forEach((chart) => chart.finalize());
    this.charts.clear();
  }

  private async fill(store: DashboardStore): Promise<void> {
    const start = store.start;
    if (!start) return;
    const rows = streamedRows(store, start, store.frames, store.history, store.steps, 0);
    const other = store.comparison()?.other;
    const otherRows = other && streamedRows(store, other.start, other.frames, other.history, other.steps, 1);
    // Every pair of band cells exists from the start, before this run's first probe.
    rows.bands.push(...cellFillers(store.selectedInOrder(), store.comparison()));
    await Promise.all(STREAMED.map(([name, dataset]) => this.charts.get(name)?.replace(dataset, [...rows[dataset], ...(otherRows?.[dataset] ?? [])])));
    await this.showStep(store);
  }
}

/** The streamed datasets' rows for records of the shown run (0) or of the compared one (1), in the shown run's selected layers. */
function streamedRows(
  store: DashboardStore,
  start: RunStart,
  frames: readonly ProbeFrame[],
  epochs: readonly EpochRecord[],
  steps: readonly StepLoss[],
  run: RunIndex,
): Record<StreamedDataset, object[]> {
  const selected = store.selectedLayers();
  const order = store.layerOrder();
  const comparison: Comparison | undefined = store.comparison();
  const tag = <T extends object>(rows: readonly T[]): object[] => tagRows(rows, run, comparison);
  return {
    loss: tag(lossRows(epochs, steps, start.stepsPerEpoch)),
    metrics: tag(metricRows(epochs)),
    lr: tag(learningRateRows(epochs)),
    bands: tag(bandRows(frames, selected, order)),
    unitHealth: tag(unitHealthRows(frames, selected, order)),
    gradientNorm: tag(gradientNormRows(frames, selected, order)),
    gradientRatio: tag(ratioAsLayerRows(frames)),
    updateRatio: tag(updateRatioRows(frames, selected, order)),
  };
}

/** The gradient ratio drawn with the per-layer line chart (one pseudo-layer). */
function ratioAsLayerRows(frames: readonly ProbeFrame[]): object[] {
  return gradientRatioRows(frames).map((row) => ({ layer: row.series, order: 0, step: row.x, metric: 'ratio', value: row.value }));
}
