/**
 * The vega-lite specs the lab views are made of: lines (optionally log scale, small multiples, guide
 * rules), bars, per-layer histograms, 2-D paths over precomputed contour lines, and heatmaps. Each reads
 * named datasets and takes its colours from the VS Code theme (header and text marks too: vega's
 * defaults are black, unreadable on a dark theme).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartTheme } from '../shared/theme';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export interface Scale {
  readonly field: string;
  readonly title: string | null;
  readonly log?: boolean;
  /** Axis labels as percentages (values are fractions). */
  readonly percent?: boolean;
  readonly format?: string;
  readonly domain?: readonly [number, number];
  readonly zero?: boolean;
  readonly sort?: readonly string[];
}

export interface Series {
  readonly field: string;
  readonly title: string | null;
  readonly sort?: readonly string[];
}

function quantitative(scale: Scale, tickCount = 6): object {
  // Log axes span decades (1e-7 … 1e12): exponents read best there; charts of losses pass '.2~g' instead.
  const format = scale.percent ? '%' : scale.format ?? (scale.log ? '.0e' : undefined);
  return {
    field: scale.field,
    type: 'quantitative',
    title: scale.title,
    // A log scale rounded out to whole decades wastes most of the plot on a loss between 0.3 and 1.2.
    scale: { type: scale.log ? 'log' : 'linear', zero: scale.zero ?? false, ...(scale.log ? { nice: false } : {}), ...(scale.domain ? { domain: [...scale.domain] } : {}) },
    axis: { ...(format ? { format } : {}), tickCount, labelOverlap: true, labelFlush: true },
  };
}

function nominal(series: Series): object {
  return { field: series.field, type: 'nominal', title: series.title, ...(series.sort ? { sort: [...series.sort] } : {}) };
}

/** A categorical field shown by colour or dash: its legend keeps long names whole (vega cuts them at 160 px). */
function legendField(series: Series, legend: object = {}): object {
  return { ...nominal(series), legend: { labelLimit: 360, ...legend } };
}

function header(theme: ChartTheme): object {
  return { labelColor: theme.foreground, labelFont: theme.fontFamily, labelFontSize: theme.fontSize - 1, title: null };
}

/** A horizontal guide line with its label, drawn in the theme's warning colour. */
export interface Guide {
  readonly y: number;
  readonly label: string;
}

/** The rule across the plot, its label at the right end (clear of the y axis and of curves starting on the left). */
function guideLayers(theme: ChartTheme, guide: Guide | undefined, width: number): object[] {
  if (!guide) return [];
  const y = { datum: guide.y, type: 'quantitative' };
  return [
    { mark: { type: 'rule', strokeDash: [6, 4], color: theme.warning }, encoding: { y } },
    { mark: { type: 'text', align: 'right', baseline: 'top', dy: 3, color: theme.warning }, encoding: { y, x: { value: width }, text: { value: guide.label } } },
  ];
}

export interface LineOptions {
  readonly dataset: string;
  readonly width: number;
  readonly height?: number;
  readonly x: Scale;
  readonly y: Scale;
  readonly color?: Series;
  readonly dash?: Series;
  /** Small multiples side by side, one per value of this field. */
  readonly column?: Series;
  readonly independentY?: boolean;
  readonly points?: boolean;
  readonly guide?: Guide;
  readonly interpolate?: 'linear' | 'step-after' | 'monotone';
}

export function lineChart(theme: ChartTheme, o: LineOptions): TopLevelSpec {
  const tooltip = [o.color, o.dash, o.column].filter((s): s is Series => s !== undefined).map((s) => ({ field: s.field }));
  const line = {
    // Clipped only to a fixed domain: otherwise the scale holds every point, and clipping would halve those on the edges.
    mark: { type: 'line', clip: o.y.domain !== undefined || o.x.domain !== undefined, interpolate: o.interpolate ?? 'linear', ...(o.points ? { point: { size: 18 } } : {}), ...(o.color ? {} : { color: theme.accent }) },
    encoding: {
      x: quantitative(o.x),
      y: quantitative(o.y, 5),
      ...(o.color ? { color: legendField(o.color) } : {}),
      // Line samples in the legend, not the points' circles: the dash is the whole message.
      ...(o.dash ? { strokeDash: legendField(o.dash, { symbolType: 'stroke', symbolStrokeWidth: 2 }) } : {}),
      tooltip: [...tooltip, { field: o.x.field, title: o.x.title ?? o.x.field }, { field: o.y.field, title: o.y.title ?? o.y.field, format: '.4~g' }],
    },
  };
  const layered = { layer: [line, ...guideLayers(theme, o.guide, o.width)] };
  const height = o.height ?? 200;
  if (o.column) {
    const columns = Math.max(1, o.column.sort?.length ?? 2);
    return {
      $schema: SCHEMA,
      data: { name: o.dataset },
      facet: { column: { ...nominal(o.column), header: header(theme) } },
      ...(o.independentY ? { resolve: { scale: { y: 'independent' } } } : {}),
      spec: { width: Math.max(140, Math.floor(o.width / columns) - 70), height, ...layered },
    } as TopLevelSpec;
  }
  return { $schema: SCHEMA, data: { name: o.dataset }, width: o.width, height, ...layered } as TopLevelSpec;
}

export interface BarOptions {
  readonly dataset: string;
  readonly width: number;
  readonly height?: number;
  /** The categories along x. */
  readonly x: Series;
  readonly y: Scale;
  /** Grouped bars: one bar per value of this field within each x category. */
  readonly group?: Series;
  readonly guide?: Guide;
}

export function barChart(theme: ChartTheme, o: BarOptions): TopLevelSpec {
  const place = {
    x: { ...nominal(o.x), axis: { labelAngle: 0, labelLimit: 160 } },
    y: { ...quantitative(o.y, 5), scale: { type: o.y.log ? 'log' : 'linear', zero: !o.y.log, ...(o.y.domain ? { domain: [...o.y.domain] } : {}) } },
    ...(o.group ? { xOffset: { field: o.group.field, ...(o.group.sort ? { sort: [...o.group.sort] } : {}) } } : {}),
  };
  const bars = { mark: { type: 'bar', tooltip: true, ...(o.group ? {} : { color: theme.accent }) }, encoding: { ...place, ...(o.group ? { color: legendField(o.group) } : {}) } };
  // Each bar carries its value: the numbers are the point of these charts.
  const labels = {
    mark: { type: 'text', baseline: 'bottom', dy: -2, color: theme.foreground, fontSize: theme.fontSize - 3 },
    encoding: { ...place, text: { field: o.y.field, format: o.y.percent ? '.1%' : o.y.format ?? '.3~g' } },
  };
  return {
    $schema: SCHEMA,
    data: { name: o.dataset },
    width: o.width,
    height: o.height ?? 180,
    layer: [bars, labels, ...guideLayers(theme, o.guide, o.width)],
  } as TopLevelSpec;
}

export interface HistogramOptions {
  readonly dataset: string;
  readonly width: number;
  readonly columns: number;
  /** Under every small multiple; null when the section says what x is. */
  readonly xTitle: string | null;
}

/** One histogram per layer (rows {layer, order, x0, x1, count}); counts on a √ scale so a spike at 0 leaves the tails visible. */
export function histogramGrid(theme: ChartTheme, o: HistogramOptions): TopLevelSpec {
  return {
    $schema: SCHEMA,
    data: { name: o.dataset },
    facet: { field: 'layer', type: 'nominal', sort: { field: 'order', op: 'min' }, header: header(theme) },
    columns: o.columns,
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spec: {
      width: Math.max(110, Math.floor(o.width / o.columns) - 50),
      height: 80,
      mark: { type: 'rect', color: theme.accent, opacity: 0.9 },
      encoding: {
        x: { field: 'x0', type: 'quantitative', title: o.xTitle, bin: { binned: true }, axis: { format: '.2~g', tickCount: 4, labelOverlap: true, labelFlush: true } },
        x2: { field: 'x1' },
        y: { field: 'count', type: 'quantitative', title: null, scale: { type: 'sqrt' }, axis: { tickCount: 2 } },
        tooltip: [{ field: 'x0', title: 'from', format: '.3~g' }, { field: 'x1', title: 'to', format: '.3~g' }, { field: 'count' }],
      },
    },
  } as TopLevelSpec;
}

export interface PathOptions {
  /** Rows {series, step, x, y}, drawn in step order, coloured by series. */
  readonly paths: string;
  /** Rows {level, index, x, y}: contour lines drawn faintly beneath, or absent. */
  readonly contours?: string;
  readonly width: number;
  readonly height: number;
  readonly x: { readonly title: string; readonly domain: readonly [number, number] };
  readonly y: { readonly title: string; readonly domain: readonly [number, number] };
  readonly series: Series;
}

export function pathChart(theme: ChartTheme, o: PathOptions): TopLevelSpec {
  const axis = { tickCount: 8, labelOverlap: true, labelFlush: true };
  const x = { field: 'x', type: 'quantitative', title: o.x.title, scale: { domain: [...o.x.domain], nice: false, zero: false }, axis };
  const y = { field: 'y', type: 'quantitative', title: o.y.title, scale: { domain: [...o.y.domain], nice: false, zero: false }, axis };
  const contours = o.contours
    ? [{ data: { name: o.contours }, mark: { type: 'line', clip: true, color: theme.muted, opacity: 0.45, strokeWidth: 1 }, encoding: { x, y, detail: { field: 'level' }, order: { field: 'index' } } }]
    : [];
  const color = legendField(o.series);
  return {
    $schema: SCHEMA,
    width: o.width,
    height: o.height,
    layer: [
      ...contours,
      {
        data: { name: o.paths },
        mark: { type: 'line', clip: true, point: { size: 14, filled: true }, strokeWidth: 1.4 },
        encoding: { x, y, color, order: { field: 'step' }, tooltip: [{ field: 'series' }, { field: 'step' }, { field: 'x', format: '.4~g' }, { field: 'y', format: '.4~g' }] },
      },
    ],
  } as TopLevelSpec;
}

export interface HeatmapOptions {
  readonly dataset: string;
  /** Side of one cell, in pixels. */
  readonly cell: number;
  readonly columns: number;
  readonly rows: number;
  readonly x: { readonly field: string; readonly title: string; readonly sort?: readonly string[] };
  readonly y: { readonly field: string; readonly title: string; readonly sort?: readonly string[] };
  readonly valueTitle: string;
}

/**
 * Weights in [0, 1] as rect marks on viridis (perceptually ordered, readable on light and dark themes
 * since every cell is filled), each cell labelled when there is room, dark text on the light end.
 */
export function heatmap(theme: ChartTheme, o: HeatmapOptions): TopLevelSpec {
  const x = { field: o.x.field, type: 'ordinal', title: o.x.title, ...(o.x.sort ? { sort: [...o.x.sort] } : {}), axis: { labelAngle: 0 } };
  const y = { field: o.y.field, type: 'ordinal', title: o.y.title, ...(o.y.sort ? { sort: [...o.y.sort] } : {}) };
  const layers: object[] = [
    {
      mark: { type: 'rect', stroke: theme.background, strokeWidth: 1 },
      encoding: {
        x,
        y,
        color: { field: 'value', type: 'quantitative', title: o.valueTitle, scale: { scheme: 'viridis', domain: [0, 1] }, legend: { orient: 'right', direction: 'vertical', gradientLength: Math.min(200, o.cell * o.rows) } },
        tooltip: [{ field: o.y.field, title: o.y.title }, { field: o.x.field, title: o.x.title }, { field: 'value', format: '.3f' }],
      },
    },
  ];
  if (o.cell >= 34) {
    layers.push({
      mark: { type: 'text', fontSize: Math.min(12, theme.fontSize - 2) },
      encoding: { x, y, text: { field: 'value', format: '.2f' }, color: { condition: { test: 'datum.value > 0.6', value: '#111111' }, value: '#f5f5f5' } },
    });
  }
  return { $schema: SCHEMA, data: { name: o.dataset }, width: o.cell * o.columns, height: o.cell * o.rows, layer: layers } as TopLevelSpec;
}
