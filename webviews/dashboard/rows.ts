/**
 * Turning what a run reports into the flat rows vega-lite draws. Pure functions (no DOM), one
 * per dataset, so the dashboard and its tests agree on every number shown.
 */
import type { StepLoss } from '../../src/runs/core/runSnapshot';
import { histogramBins, type BinRow } from '../shared/histogramBins';
import type { EpochRecord, LayerProbe, ProbeFrame } from '../../src/runs/core/trainingData';

export interface SeriesRow {
  readonly x: number;
  readonly series: string;
  readonly value: number;
}

export interface BandRow {
  readonly layer: string;
  readonly order: number;
  readonly step: number;
  readonly p0: number;
  readonly p7: number;
  readonly p16: number;
  readonly p31: number;
  readonly p50: number;
  readonly p69: number;
  readonly p84: number;
  readonly p93: number;
  readonly p100: number;
}


export interface LayerValueRow {
  readonly layer: string;
  readonly order: number;
  readonly step: number;
  readonly metric: string;
  readonly value: number;
}

const finite = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);
const positive = (value: number | undefined): value is number => finite(value) && value > 0;

export const STEP_LOSS_SERIES = 'loss (step)';

/** Where a step's loss is drawn on the epoch axis: at the end of the step. */
export const stepLossX = (step: number, stepsPerEpoch: number): number => (step + 1) / stepsPerEpoch;

/** Loss per step (x in epochs, fractional) and per epoch, train and validation. */
export function lossRows(history: readonly EpochRecord[], steps: readonly StepLoss[], stepsPerEpoch: number): SeriesRow[] {
  const rows: SeriesRow[] = steps.filter((s) => finite(s.loss)).map((s) => ({ x: stepLossX(s.step, stepsPerEpoch), series: STEP_LOSS_SERIES, value: s.loss }));
  for (const record of history) {
    if (finite(record.loss)) rows.push({ x: record.epoch + 1, series: 'loss', value: record.loss });
    if (finite(record.valLoss)) rows.push({ x: record.epoch + 1, series: 'val_loss', value: record.valLoss });
  }
  return rows;
}

export function metricRows(history: readonly EpochRecord[]): SeriesRow[] {
  return history.flatMap((record) => [
    ...Object.entries(record.metrics).filter(([, v]) => finite(v)).map(([name, value]) => ({ x: record.epoch + 1, series: name, value })),
    ...Object.entries(record.valMetrics ?? {}).filter(([, v]) => finite(v)).map(([name, value]) => ({ x: record.epoch + 1, series: `val_${name}`, value })),
  ]);
}

/** The learning rate in force during each epoch, as steps (drawn with a step interpolation). */
export function learningRateRows(history: readonly EpochRecord[]): SeriesRow[] {
  return history.filter((record) => finite(record.lr)).map((record) => ({ x: record.epoch, series: 'learning rate', value: record.lr }));
}

function layersOf(frame: ProbeFrame, selected: ReadonlySet<string>, order: ReadonlyMap<string, number>): { layer: LayerProbe; order: number }[] {
  return frame.layers.filter((layer) => selected.has(layer.layer)).map((layer) => ({ layer, order: order.get(layer.layer) ?? 0 }));
}

export function bandRows(frames: readonly ProbeFrame[], selected: ReadonlySet<string>, order: ReadonlyMap<string, number>): BandRow[] {
  return frames.flatMap((frame) =>
    layersOf(frame, selected, order).map(({ layer, order: position }) => {
      const p = layer.activations.percentiles;
      return { layer: layer.layer, order: position, step: frame.step, p0: p[0], p7: p[1], p16: p[2], p31: p[3], p50: p[4], p69: p[5], p84: p[6], p93: p[7], p100: p[8] };
    }),
  );
}

/** Fraction of exact-zero (dead) and of saturated activations per layer over time. */
export function unitHealthRows(frames: readonly ProbeFrame[], selected: ReadonlySet<string>, order: ReadonlyMap<string, number>): LayerValueRow[] {
  return frames.flatMap((frame) =>
    layersOf(frame, selected, order).flatMap(({ layer, order: position }) => [
      { layer: layer.layer, order: position, step: frame.step, metric: 'dead (zero) units', value: layer.activations.zeroFraction },
      { layer: layer.layer, order: position, step: frame.step, metric: 'saturated units', value: layer.activations.saturatedFraction },
    ]),
  );
}

/** L2 norm of all of a layer's weight gradients together. */
export function layerGradientNorm(layer: LayerProbe): number | undefined {
  const norms = layer.weights.map((weight) => weight.gradient?.norm).filter(finite);
  return norms.length === 0 ? undefined : Math.sqrt(norms.reduce((sum, norm) => sum + norm * norm, 0));
}

export function gradientNormRows(frames: readonly ProbeFrame[], selected: ReadonlySet<string>, order: ReadonlyMap<string, number>): LayerValueRow[] {
  return frames.flatMap((frame) =>
    layersOf(frame, selected, order).flatMap(({ layer, order: position }) => {
      const norm = layerGradientNorm(layer);
      return positive(norm) ? [{ layer: layer.layer, order: position, step: frame.step, metric: 'gradient norm', value: norm }] : [];
    }),
  );
}

export const GRADIENT_RATIO_SERIES = 'first / last';

/**
 * First-layer / last-layer gradient norm (over layers with weights, whatever is selected): far
 * below 1 the first layers barely learn (vanishing), far above they explode.
 */
export function gradientRatioRows(frames: readonly ProbeFrame[]): SeriesRow[] {
  return frames.flatMap((frame) => {
    const norms = frame.layers.map(layerGradientNorm).filter(positive);
    return norms.length >= 2 ? [{ x: frame.step, series: GRADIENT_RATIO_SERIES, value: norms[0] / norms[norms.length - 1] }] : [];
  });
}

/** ||ΔW|| / ||W|| of each layer's kernel (its first weight) per probe. */
export function updateRatioRows(frames: readonly ProbeFrame[], selected: ReadonlySet<string>, order: ReadonlyMap<string, number>): LayerValueRow[] {
  return frames.flatMap((frame) =>
    layersOf(frame, selected, order).flatMap(({ layer, order: position }) => {
      const ratio = layer.weights[0]?.updateRatio;
      return positive(ratio) ? [{ layer: layer.layer, order: position, step: frame.step, metric: 'update ratio', value: ratio }] : [];
    }),
  );
}


export type HistogramKind = 'activations' | 'gradients' | 'weights';

/** Histogram bins of every selected layer at one probe frame. */
export function histogramRows(frame: ProbeFrame | undefined, kind: HistogramKind, selected: ReadonlySet<string>, order: ReadonlyMap<string, number>): BinRow[] {
  if (!frame) return [];
  return layersOf(frame, selected, order).flatMap(({ layer, order: position }) => {
    const kernel = layer.weights[0];
    const stats = kind === 'activations' ? layer.activations : kind === 'gradients' ? kernel?.gradient?.stats : kernel?.values;
    return stats ? histogramBins(stats.histogram, layer.layer, position) : [];
  });
}
