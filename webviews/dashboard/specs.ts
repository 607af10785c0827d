/**
 * The dashboard's vega-lite specs. Each reads named datasets (filled and streamed by the
 * dashboard with changesets) and is sized from the panel's width so it stays readable.
 */
import type { TopLevelSpec } from 'vega-lite';
import { words } from './labels';
import { STEP_LOSS_SERIES } from './rows';

export interface Layout {
  /** Width available for one full-width chart, in pixels. */
  readonly width: number;
  /** Columns of the per-layer small multiples. */
  readonly columns: number;
  /** Width of one small multiple. */
  readonly cellWidth: number;
}

export function layoutFor(containerWidth: number): Layout {
  const width = Math.max(260, containerWidth - 40);
  const columns = Math.max(1, Math.min(4, Math.floor(width / 300)));
  return { width, columns, cellWidth: Math.floor(width / columns) - 50 };
}

const LAYER_TITLE = { field: 'layer', type: 'nominal', title: null, sort: { field: 'order', op: 'min' } } as const;

/**
 * Streamed charts take their step axis (and their y axis, but for fractions) from parameters the
 * dashboard sets (webviews/dashboard/domains.ts): a domain vega computes from the data changes on
 * every update and makes it encode every point again.
 */
const stepAxis = () => ({ field: 'step', type: 'quantitative', title: words().stepAxis, scale: { domain: { expr: 'xDomain' } } }) as const;
const X_DOMAIN = { name: 'xDomain', value: [0, 1] } as const;

/** The names of two compared runs (shown run first), or undefined when one run is shown. */
export type RunNames = readonly [string, string] | undefined;

/** Lines of the shown run solid, of the compared run dashed (strokeDash's first value is solid). */
function runDash(runs: RunNames): object {
  return runs ? { strokeDash: { field: 'run', type: 'nominal', title: words().run, scale: { domain: [...runs] }, legend: { labelLimit: 320 } } } : {};
}

/**
 * Per-layer small multiples: one cell per layer; comparing, a pair of cells per layer (this run's,
 * then the other run's), two or four columns so that pairs stay on one row.
 */
function layerFacets(layout: Layout, runs: RunNames): { facet: object; columns: number; cellWidth: number } {
  if (!runs) return { facet: LAYER_TITLE, columns: layout.columns, cellWidth: layout.cellWidth };
  const columns = layout.columns >= 4 ? 4 : 2;
  return {
    facet: { field: 'cell', type: 'nominal', title: null, sort: { field: 'slot', op: 'min' }, header: { labelLimit: Math.floor(layout.width / columns) } },
    columns,
    cellWidth: Math.floor(layout.width / columns) - 50,
  };
}

/** Loss (train, validation, per step), metrics, and the learning-rate schedule beneath, on one epoch axis. */
export function trainingSpec(layout: Layout, runs?: RunNames): TopLevelSpec {
  const w = words();
  const x = { field: 'x', type: 'quantitative', title: w.epochAxis, scale: { zero: false } } as const;
  const stepLossLabel = `datum.label === ${JSON.stringify(STEP_LOSS_SERIES)} ? ${JSON.stringify(w.stepLoss)} : datum.label`;
  const color = { field: 'series', type: 'nominal', title: null, legend: { labelExpr: stepLossLabel } } as const;
  const dash = runDash(runs);
  const runTip = runs ? [{ field: 'run' }] : [];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // Each chart has its own colours and legend: loss series and metric series are different things.
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    vconcat: [
      {
        title: w.loss,
        width: layout.width,
        height: 180,
        data: { name: 'loss' },
        layer: [
          { transform: [{ filter: `datum.series === '${STEP_LOSS_SERIES}'` }], mark: { type: 'line', opacity: 0.35, strokeWidth: 1 }, encoding: { x, y: { field: 'value', type: 'quantitative', title: w.loss.toLowerCase() }, color, ...dash } },
          { transform: [{ filter: `datum.series !== '${STEP_LOSS_SERIES}'` }], mark: { type: 'line', point: true }, encoding: { x, y: { field: 'value', type: 'quantitative' }, color, ...dash, tooltip: [...runTip, { field: 'series' }, { field: 'x', title: w.epochAxis }, { field: 'value', format: '.4g' }] } },
        ],
      },
      {
        title: w.metrics,
        width: layout.width,
        height: 120,
        data: { name: 'metrics' },
        mark: { type: 'line', point: true },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: null }, color, ...dash, tooltip: [...runTip, { field: 'series' }, { field: 'x', title: w.epochAxis }, { field: 'value', format: '.4g' }] },
      },
      {
        title: w.learningRate,
        width: layout.width,
        height: 80,
        data: { name: 'lr' },
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: { x: { ...x, title: w.lrEpochAxis }, y: { field: 'value', type: 'quantitative', title: 'lr', axis: { format: '.2g' } }, ...dash, tooltip: [...runTip, { field: 'x', title: w.epochAxis }, { field: 'value', format: '.3g' }] },
      },
    ],
  };
}

/** Percentile bands of each layer's activations over time (TensorBoard's distributions), with a rule at the chosen step. */
export function activationBandsSpec(layout: Layout, runs?: RunNames): TopLevelSpec {
  const w = words();
  const x = { ...stepAxis(), axis: { tickCount: 4, labelOverlap: true } } as const;
  // Each cell's y domain, by its facet's value (a layer, or a layer and run when comparing), already
  // rounded to a nice step: vega's own rounding on top, for three ticks, often doubled it.
  const y = { domain: { expr: `yDomains[parent.${runs ? 'cell' : 'layer'}] || [0, 1]` }, nice: false };
  const band = (low: string, high: string, opacity: number) =>
    ({
      mark: { type: 'area', opacity },
      encoding: { x, y: { field: low, type: 'quantitative', title: w.activation, axis: { format: '~g' }, scale: y }, y2: { field: high } },
    }) as const;
  const { facet, columns, cellWidth } = layerFacets(layout, runs);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { name: 'bands' },
    params: [{ name: 'cursorStep', value: -1 }, X_DOMAIN, { name: 'yDomains', value: {} }],
    facet,
    columns,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: cellWidth,
      height: 110,
      layer: [
        band('p0', 'p100', 0.15),
        band('p7', 'p93', 0.25),
        band('p16', 'p84', 0.35),
        band('p31', 'p69', 0.45),
        { mark: { type: 'line', strokeWidth: 1.5 }, encoding: { x, y: { field: 'p50', type: 'quantitative' }, tooltip: [{ field: 'step', title: w.stepAxis }, { field: 'p0', title: w.min, format: '.3g' }, { field: 'p50', title: w.median, format: '.3g' }, { field: 'p100', title: w.max, format: '.3g' }] } },
        { transform: [{ filter: 'datum.step === cursorStep' }], mark: { type: 'rule', strokeDash: [4, 3] }, encoding: { x } },
      ],
    },
  };
}

/** Histograms of one probe (activations, gradients or weights), one small chart per layer. */
export function histogramSpec(layout: Layout, dataset: string, xTitle: string, runs?: RunNames): TopLevelSpec {
  const { facet, columns, cellWidth } = layerFacets(layout, runs);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { name: dataset },
    facet,
    columns,
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spec: {
      width: cellWidth,
      height: 90,
      mark: { type: 'rect', opacity: 0.85 },
      encoding: {
        x: { field: 'x0', type: 'quantitative', title: xTitle, bin: { binned: true }, axis: { format: '.2g', tickCount: 5 } },
        x2: { field: 'x1' },
        // ',~r': 2,000 and 0 (the default shows 0.000000 on a cell with no data).
        y: { field: 'count', type: 'quantitative', title: null, axis: { tickCount: 3, format: ',~r' } },
        tooltip: [{ field: 'x0', title: words().from, format: '.3g' }, { field: 'x1', title: words().to, format: '.3g' }, { field: 'count' }],
      },
    },
  };
}

/** A value per layer over time, one line per layer, optionally on a log scale with a guide line. */
export function layerLinesSpec(
  layout: Layout,
  dataset: string,
  title: string,
  options: { log?: boolean; guide?: number; guideLabel?: string; facetByMetric?: boolean; width?: number; legend?: boolean; runs?: RunNames; points?: boolean; layers?: readonly string[] } = {},
): TopLevelSpec {
  const width = options.width ?? layout.width;
  const line = {
    // A point per probe, and its values in the tooltip; without points (many layers: thousands of
    // marks to draw on every update), the tooltip of a line names its layer only.
    mark: options.points === false ? { type: 'line' } : { type: 'line', point: { size: 12 } },
    encoding: {
      x: { ...stepAxis(), axis: { tickCount: 8, labelOverlap: true } },
      y: {
        field: 'value',
        type: 'quantitative',
        title: null,
        scale: options.log ? ({ type: 'log', domain: { expr: 'yDomain' } } as const) : ({ domain: [0, 1] } as const),
        axis: options.log ? { format: '.0e', tickCount: 5, labelOverlap: 'greedy' as const } : { format: '%', tickCount: 3 },
      },
      // The layers in network order, given: a colour domain vega computes changes with every update.
      color: {
        field: 'layer',
        type: 'nominal',
        title: words().layer,
        ...(options.layers ? { scale: { domain: [...options.layers] } } : { sort: { field: 'order', op: 'min' } }),
        // In rows that fit the chart's width, every layer listed (a single row of 50 made the canvas wider than the page, which shrank it).
        legend: options.legend === false ? null : { columns: Math.max(1, Math.floor(width / 110)), symbolLimit: 0 },
      },
      ...runDash(options.runs),
      tooltip: [...(options.runs ? [{ field: 'run' }] : []), { field: 'layer' }, ...(options.points === false ? [] : [{ field: 'step' }, { field: 'value', format: '.3g' }])],
    },
  } as const;
  const guide = options.guide === undefined
    ? []
    : [{ data: { values: [{ guide: options.guide, label: options.guideLabel ?? '' }] }, layer: [
        { mark: { type: 'rule', strokeDash: [6, 4], opacity: 0.8 }, encoding: { y: { field: 'guide', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, dy: -6 }, encoding: { y: { field: 'guide', type: 'quantitative' }, x: { value: 0 }, text: { field: 'label' } } },
      ] }];
  const params = [X_DOMAIN, ...(options.log ? [{ name: 'yDomain', value: [1e-3, 1] }] : [])];
  if (options.facetByMetric) {
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      params,
      data: { name: dataset },
      facet: { column: { field: 'metric', type: 'nominal', title: null } },
      spec: { width: Math.max(200, Math.floor(width / 2) - 60), height: 120, ...line },
    } as TopLevelSpec;
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    params,
    width,
    height: 150,
    layer: [{ data: { name: dataset }, ...line }, ...guide],
  } as TopLevelSpec;
}
