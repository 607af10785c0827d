/** Activation-function results as chart rows: curves and derivatives, gradient through depth, dead units over training. */
import type { ActivationsResult, DeadUnitsRun, DepthGradients } from '../../../src/labs/core/labs';

export interface CurveRow {
  readonly x: number;
  readonly activation: string;
  readonly value: number;
  readonly kind: 'f(x)' | "f'(x)";
}

export function curveRows(result: ActivationsResult): CurveRow[] {
  return result.curves.flatMap((curve) =>
    Array.from(result.grid, (x, i) => [
      { x, activation: curve.activation, value: curve.y[i], kind: 'f(x)' as const },
      { x, activation: curve.activation, value: curve.derivative[i], kind: "f'(x)" as const },
    ]).flat(),
  );
}

export interface DepthRow {
  readonly layer: number;
  readonly series: string;
  readonly value: number;
}

/** A depth run in the legend: its activation and the initialisation it was given. */
export function depthLabel(run: Pick<DepthGradients, 'activation' | 'init'>): string {
  return `${run.activation} (${run.init})`;
}

/** ‖∂L/∂h‖ per layer (1 = next to the input) for each activation, with the init it used; zeros left out (log scale). */
export function depthRows(result: ActivationsResult): DepthRow[] {
  return result.depth.flatMap((run) => Array.from(run.gradientNorms, (value, l) => ({ layer: l + 1, series: depthLabel(run), value })).filter((row) => row.value > 0));
}

/** How a training run is named in the legend: its activation, and the kick of high learning rate if any. */
export function runLabel(run: Pick<DeadUnitsRun, 'activation' | 'highLearningRate'>, normalRate: number): string {
  return run.highLearningRate === normalRate ? `${run.activation}, lr ${normalRate}` : `${run.activation}, first lr ${run.highLearningRate}`;
}

export interface EpochRow {
  /** 0 = at initialisation, then after each epoch. */
  readonly epoch: number;
  readonly run: string;
  readonly metric: string;
  readonly value: number;
}

/** Inactive and dead fractions of hidden units, at init and after each epoch, per run. */
export function deadUnitRows(result: ActivationsResult, normalRate: number): EpochRow[] {
  return result.training.flatMap((run) => {
    const label = runLabel(run, normalRate);
    return [
      ...Array.from(run.inactive, (value, epoch) => ({ epoch, run: label, metric: 'inactive (pre-activation ≤ 0 on every example)', value })),
      ...Array.from(run.dead, (value, epoch) => ({ epoch, run: label, metric: 'dead (zero gradient)', value })),
    ];
  });
}

/** Mean training loss of each epoch (1-based), per run. */
export function trainingLossRows(result: ActivationsResult, normalRate: number): EpochRow[] {
  return result.training.flatMap((run) => Array.from(run.losses, (value, i) => ({ epoch: i + 1, run: runLabel(run, normalRate), metric: 'loss', value })));
}
