/**
 * The dashboard's charts and the datasets each one reads. `rebuild` draws everything from the
 * store (open, new run, theme change, resize, layer choice); `append` streams new points into
 * the existing views with changesets.
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
    const specs: [ChartName, Parameters<typeof Chart.create>[1]][] = [
      ['training', trainingSpec(layout)],
      ['bands', activationBandsSpec(layout)],
      ['unitHealth', layerLinesSpec(layout, 'unitHealth', 'Dead and saturated units', { facetByMetric: true })],
      ['gradientNorms', layerLinesSpec(layout, 'gradientNorm', 'Gradient norm per layer (log scale)', { log: true })],
      ['gradientRatio', layerLinesSpec(layout, 'gradientRatio', 'First-layer / last-layer gradient norm (log scale)', { log: true, guide: 1e-3, guideLabel: 'vanishing below 1e-3', legend: false })],
      ['updateRatios', layerLinesSpec(layout, 'updateRatio', 'Update ratio ‖ΔW‖ / ‖W‖ of each kernel (log scale)', { log: true, guide: 1e-3, guideLabel: '≈ 1e-3 is healthy' })],
      ...HISTOGRAMS.map(([name, dataset, , title]) => [name, histogramSpec(layout, dataset, title)] as [ChartName, Parameters<typeof Chart.create>[1]]),
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
    const selected = store.selectedLayers();
    const order = store.layerOrder();
    await Promise.all([
      this.insert('training', 'loss', lossRows(epochs, steps, start.stepsPerEpoch)),
      this.insert('training', 'metrics', metricRows(epochs)),
      this.insert('training', 'lr', learningRateRows(epochs)),
      this.insert('bands', 'bands', bandRows(frames, selected, order)),
      this.insert('unitHealth', 'unitHealth', unitHealthRows(frames, selected, order)),
      this.insert('gradientNorms', 'gradientNorm', gradientNormRows(frames, selected, order)),
      this.insert('gradientRatio', 'gradientRatio', ratioAsLayerRows(frames)),
      this.insert('updateRatios', 'updateRatio', updateRatioRows(frames, selected, order)),
    ]);
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
    await Promise.all(HISTOGRAMS.map(([name, dataset, kind]) => this.charts.get(name)?.replace(dataset, histogramRows(frame, kind, selected, order), relayout)));
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
    const selected = store.selectedLayers();
    const order = store.layerOrder();
    const { history, steps, frames } = store;
    await Promise.all([
      this.replace('training', 'loss', lossRows(history, steps, start.stepsPerEpoch)),
      this.replace('training', 'metrics', metricRows(history)),
      this.replace('training', 'lr', learningRateRows(history)),
      this.replace('bands', 'bands', bandRows(frames, selected, order)),
      this.replace('unitHealth', 'unitHealth', unitHealthRows(frames, selected, order)),
      this.replace('gradientNorms', 'gradientNorm', gradientNormRows(frames, selected, order)),
      this.replace('gradientRatio', 'gradientRatio', ratioAsLayerRows(frames)),
      this.replace('updateRatios', 'updateRatio', updateRatioRows(frames, selected, order)),
    ]);
    await this.showStep(store);
  }

  private insert(name: ChartName, dataset: string, rows: readonly object[]): Promise<void> {
    return this.charts.get(name)?.insert(dataset, rows) ?? Promise.resolve();
  }

  private replace(name: ChartName, dataset: string, rows: readonly object[]): Promise<void> {
    return this.charts.get(name)?.replace(dataset, rows) ?? Promise.resolve();
  }
}

/** The gradient ratio drawn with the per-layer line chart (one pseudo-layer). */
function ratioAsLayerRows(frames: readonly ProbeFrame[]): object[] {
  return gradientRatioRows(frames).map((row) => ({ layer: row.series, order: 0, step: row.x, metric: 'ratio', value: row.value }));
}
