/**
 * The dashboard's charts and the datasets each one reads. `rebuild` embeds the views and draws
 * them from the store (open, new run, compared run, theme change, resize, layer choice); `refill`
 * draws them again in the same views; `append` streams new points of the shown run into them with
 * changesets. A compared run is drawn from its snapshot alongside: its rows carry its name (dashed
 * lines, its own cells).
 */
import type { TopLevelSpec } from 'vega-lite';
import { Chart } from '../shared/chart';
import { DEFAULT_SHOWN_LAYERS, type Change, type DashboardStore } from './store';
import { GRADIENT_RATIO_SERIES, histogramRows, type HistogramKind } from './rows';
import { activationBandsSpec, histogramSpec, layerLinesSpec, layoutFor, trainingSpec } from './specs';
import { cellFillers, missingCellFillers, tagRows, type CellFields } from './compare';
import { OnScreen } from '../shared/onScreen';
import { scaleParams, type ScaleParams } from './domains';
import {
  DATASETS,
  EMPTY_BAR,
  HEALTHY_UPDATE_RATIO,
  HISTOGRAMS,
  SCALES,
  STREAMED,
  VANISHING_RATIO,
  datasetRows,
  droppedRows,
  type ChartName,
  type ChartSlots,
  type RunRecords,
} from './datasets';
import { words } from './labels';

export type { ChartSlots } from './datasets';

/** Per-layer line charts draw a point per probe up to this many layers (the default choice of layers). */
const POINTS_UP_TO_LAYERS = DEFAULT_SHOWN_LAYERS;

/**
 * The dashboard's views. A finished run (or the report) is drawn whole; while a run streams, only the
 * charts on screen are kept current (vega redraws a whole view on every change, and 50 layers of
 * small multiples do not fit on one screen). The others are marked stale and drawn again from the
 * store when they scroll into view, or when the run stops streaming (`catchUp`).
 */
export class DashboardCharts {
  private charts = new Map<ChartName, Chart>();
  private readonly scales = new Map<ChartName, ScaleParams>();
  private specs = new Map<ChartName, TopLevelSpec>();
  /** Views that hold no rows yet. */
  private readonly fresh = new Set<ChartName>();
  private readonly stale = new Set<ChartName>();
  private readonly onScreen: OnScreen<ChartName>;
  /** Charts being drawn again from the store. */
  private filling = 0;
  private generation = 0;

  constructor(
    private readonly slots: ChartSlots,
    private readonly store: DashboardStore,
  ) {
    this.onScreen = new OnScreen(Object.entries(slots) as [ChartName, HTMLElement][], (name) => void this.redrawStale([name]));
  }

  async rebuild(containerWidth: number): Promise<void> {
    const generation = ++this.generation;
    this.dispose();
    const store = this.store;
    const start = store.start;
    if (!start) return;
    const layout = layoutFor(containerWidth);
    const runs = store.comparison()?.labels;
    const points = store.selectedLayers().size <= POINTS_UP_TO_LAYERS;
    const layers = store.selectedInOrder().map(([name]) => name);
    const withWeights = new Set(start.layers.filter((layer) => layer.paramCount > 0).map((layer) => layer.name));
    const weighted = withWeights.size > 0 ? layers.filter((name) => withWeights.has(name)) : layers;
    const w = words();
    const specs: [ChartName, TopLevelSpec][] = [
      ['training', trainingSpec(layout, runs)],
      ['bands', activationBandsSpec(layout, runs)],
      ['unitHealth', layerLinesSpec(layout, 'unitHealth', w.unitHealthTitle, { facetByMetric: true, runs, points, layers })],
      ['gradientNorms', layerLinesSpec(layout, 'gradientNorm', w.gradientNormTitle, { log: true, runs, points, layers: weighted })],
      ['gradientRatio', layerLinesSpec(layout, 'gradientRatio', w.gradientRatioTitle, { log: true, guide: VANISHING_RATIO, guideLabel: w.vanishingBelow, legend: runs !== undefined, runs, layers: [GRADIENT_RATIO_SERIES] })],
      ['updateRatios', layerLinesSpec(layout, 'updateRatio', w.updateRatioTitle, { log: true, guide: HEALTHY_UPDATE_RATIO, guideLabel: w.healthyUpdate, runs, points, layers: weighted })],
      ...HISTOGRAMS.map(([name, dataset, , title]) => [name, histogramSpec(layout, dataset, w[title], runs)] as [ChartName, TopLevelSpec]),
    ];
    const created = await Promise.all(specs.map(async ([name, spec]) => [name, await Chart.create(this.slots[name], spec)] as const));
    if (generation !== this.generation) {
      created.forEach(([, chart]) => chart.finalize());
      return;
    }
    this.charts = new Map(created);
    this.specs = new Map(specs);
    created.forEach(([name]) => this.fresh.add(name));
    await this.refill();
  }

  /** Draws every chart again from the store, in the views there are (after older frames were thinned out, say). */
  async refill(): Promise<void> {
    this.stale.clear();
    const names = [...this.charts.keys()].filter((name) => this.current(name));
    await Promise.all(names.map((name) => this.fill(name)));
    this.describe();
  }

  /**
   * Streams what a progress message added into the charts kept current, and takes out of them the
   * rows of the records its thinning dropped (in the same changeset: drawing the charts again from
   * the store, in new views, took several times as long as an update).
   */
  async append(change: Extract<Change, { kind: 'append' }>): Promise<void> {
    const start = this.store.start;
    if (!start) return;
    const { frames, epochs, steps, dropped } = change;
    const records: RunRecords = { start, frames, epochs, steps };
    const shownRun = this.store.comparison()?.labels[0];
    const changed = STREAMED.filter(([name]) => this.charts.has(name)).map(([name, dataset]) => {
      const rows = datasetRows(this.store, dataset, records, 0);
      const remove = droppedRows(dataset, dropped, start.stepsPerEpoch, shownRun);
      return (rows.length > 0 || remove) && this.current(name) ? [name, this.draw(name, dataset, rows, 'insert', remove)] as const : undefined;
    }).filter((drawn) => drawn !== undefined);
    // The histograms follow the latest frame, or keep showing the chosen one (whose index thinning moved).
    const followsLatest = this.store.cursor === undefined ? frames.length > 0 : dropped.frames.size > 0;
    await Promise.all([...changed.map(([, drawn]) => drawn), followsLatest ? this.showStep(false) : undefined]);
    this.describe(changed.map(([name]) => name));
  }

  /**
   * Histograms at the chosen step, and the rule marking it on the activation bands. `relayout`
   * is false while streaming: the same layers, so the same facets.
   */
  async showStep(relayout = true): Promise<void> {
    const shown = HISTOGRAMS.filter(([name]) => this.current(name));
    await Promise.all([
      ...shown.map(([name, dataset, kind]) => this.charts.get(name)?.replace(dataset, this.histogramRows(kind), relayout)),
      this.current('bands') ? this.showCursor() : undefined,
    ]);
    this.describe(shown.map(([name]) => name));
  }

  /** Draws the stale charts, on screen or not (the run stopped streaming). */
  catchUp(): Promise<void> {
    return this.redrawStale([...this.stale]);
  }

  dispose(): void {
    this.charts.forEach((chart) => chart.finalize());
    this.charts.clear();
    this.scales.clear();
    this.fresh.clear();
    this.stale.clear();
  }

  /**
   * Whether a chart is to be drawn now: true when it is current and shown (on screen, or the run
   * does not stream). A chart that is not shown becomes stale; a stale one stays so until redrawn.
   */
  private current(name: ChartName): boolean {
    if (!this.charts.has(name) || this.stale.has(name)) return false;
    if (this.store.status !== 'running' || this.onScreen.has(name)) return true;
    this.stale.add(name);
    this.report();
    return false;
  }

  private async redrawStale(names: readonly ChartName[]): Promise<void> {
    const due = names.filter((name) => this.stale.delete(name));
    if (due.length === 0) return;
    this.filling += due.length;
    this.report();
    try {
      await Promise.all(due.map((name) => this.fill(name)));
      this.describe();
    } finally {
      this.filling -= due.length;
      this.report();
    }
  }

  /** How many charts on screen wait to be drawn, for the dashboard benchmark. */
  private report(): void {
    const waiting = [...this.stale].filter((name) => this.onScreen.has(name)).length + this.filling;
    document.body.dataset.stale = String(waiting);
  }

  /** Describes the charts named (by default, all). */
  private describe(names: Iterable<ChartName> = this.charts.keys()): void {
    const w = words();
    for (const name of names) this.charts.get(name)?.describe(w.charts[name], DATASETS[name]);
  }

  /**
   * Draws a chart with all the store holds (the shown run's rows, then the compared run's). A chart
   * of streamed rows is drawn in a new view (but for one that holds none yet): vega keeps the rows
   * removed from a view until it is finalized, and refilling views after each thinning of the frames
   * grew the heap by hundreds of megabytes over a run. Histograms are modified in place.
   */
  private async fill(name: ChartName): Promise<void> {
    const histogram = HISTOGRAMS.find(([chartName]) => chartName === name);
    if (!histogram && !this.fresh.has(name) && !(await this.recreate(name))) return;
    this.fresh.delete(name);
    const chart = this.charts.get(name);
    const store = this.store;
    const start = store.start;
    if (!chart || !start) return;
    if (histogram) return chart.replace(histogram[1], this.histogramRows(histogram[2]));
    const shown: RunRecords = { start, frames: store.frames, epochs: store.history, steps: store.steps };
    const other = store.comparison()?.other;
    const compared: RunRecords | undefined = other && { start: other.start, frames: other.frames, epochs: other.history, steps: other.steps };
    const replaced = STREAMED.filter(([chartName]) => chartName === name).map(([, dataset]) => {
      const rows = [...datasetRows(store, dataset, shown, 0), ...(compared ? datasetRows(store, dataset, compared, 1) : [])];
      // Every pair of band cells exists from the start, before this run's first probe.
      if (dataset === 'bands') rows.push(...cellFillers(store.selectedInOrder(), store.comparison()));
      return this.draw(name, dataset, rows, 'fresh');
    });
    await Promise.all([...replaced, name === 'bands' ? this.showCursor() : undefined]);
  }

  /** A new, empty view of a chart in place of the old one; false when the charts were rebuilt meanwhile. */
  private async recreate(name: ChartName): Promise<boolean> {
    const generation = this.generation;
    const spec = this.specs.get(name);
    if (!spec) return false;
    const chart = await Chart.create(this.slots[name], spec);
    if (generation !== this.generation) {
      chart.finalize();
      return false;
    }
    this.charts.get(name)?.finalize();
    this.charts.set(name, chart);
    return true;
  }

  /**
   * Inserts a dataset's rows (and removes those `remove` picks), after widening (`insert`) or setting
   * anew (`fresh`) the chart's scale domains for them.
   */
  private draw(name: ChartName, dataset: string, rows: readonly object[], how: 'insert' | 'fresh', remove?: (row: object) => boolean): Promise<void> | undefined {
    const chart = this.charts.get(name);
    const kind = SCALES[name];
    if (chart && kind) {
      const params = scaleParams(kind, rows, this.runSteps(), how === 'insert' ? this.scales.get(name) : undefined);
      this.scales.set(name, params);
      void chart.setParams({ ...params });
    }
    return chart?.insert(dataset, rows, remove);
  }

  /** The longer run's length in steps (0 when neither says it). */
  private runSteps(): number {
    const runs = [this.store.start, this.store.comparison()?.other.start];
    return Math.max(0, ...runs.map((start) => (start ? start.epochs * start.stepsPerEpoch : 0)));
  }

  private async showCursor(): Promise<void> {
    const view = this.charts.get('bands')?.view;
    if (view) await view.signal('cursorStep', this.store.cursorFrame()?.step ?? -1).runAsync();
  }

  /** Histogram bins at the chosen step of the selected layers, with the compared run's beside them. */
  private histogramRows(kind: HistogramKind): object[] {
    const store = this.store;
    const selected = store.selectedLayers();
    const order = store.layerOrder();
    const comparison = store.comparison();
    const drawn = [
      ...tagRows(histogramRows(store.cursorFrame(), kind, selected, order), 0, comparison),
      ...(comparison ? tagRows(histogramRows(store.comparedFrame(), kind, selected, order), 1, comparison) : []),
    ];
    return [...drawn, ...missingCellFillers(drawn as unknown as CellFields[], store.selectedInOrder(), comparison, EMPTY_BAR)];
  }
}
