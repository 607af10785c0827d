/** Optimiser results as chart rows: 2-D paths over the quadratic's contour lines, iteration counts, the saddle escape. */
import type { OptimizersResult } from '../../../src/labs/core/labs';

export interface PathRow {
  readonly series: string;
  readonly step: number;
  readonly x: number;
  readonly y: number;
}

/** Iterates [x0, y0, x1, y1, …] as rows, in step order. */
export function pathRows(series: string, path: ArrayLike<number>): PathRow[] {
  return Array.from({ length: Math.floor(path.length / 2) }, (_, step) => ({ series, step, x: path[2 * step], y: path[2 * step + 1] }));
}

export function quadraticPathRows(result: OptimizersResult): PathRow[] {
  return result.runs.flatMap((run) => pathRows(run.method, run.path));
}

export interface ContourRow {
  readonly level: number;
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Level sets of the lab's quadratic f(w) = ½(w₁² + w₂²/κ) (engine: optimizerMath.quadratic; a unit test
 * checks the two agree): ellipses w₁ = √(2c)·cos t, w₂ = √(2cκ)·sin t, for c = f(start)·2^−k, k = 0…count−1.
 */
export function quadraticContourRows(kappa: number, start: readonly [number, number], count = 14, points = 120): ContourRow[] {
  const top = 0.5 * (start[0] ** 2 + start[1] ** 2 / kappa);
  return Array.from({ length: count }, (_, k) => {
    const level = top / 2 ** k;
    const a = Math.sqrt(2 * level);
    const b = Math.sqrt(2 * level * kappa);
    return Array.from({ length: points + 1 }, (_, index) => {
      const t = (2 * Math.PI * index) / points;
      return { level, index, x: a * Math.cos(t), y: b * Math.sin(t) };
    });
  }).flat();
}

/** A window around the paths (and the minimum at 0), padded, never past `limit` (a diverging run would flatten the rest). */
export function pathWindow(rows: readonly PathRow[], limit = 3): { x: [number, number]; y: [number, number] } {
  const extent = (values: number[]): [number, number] => {
    const finite = values.filter(Number.isFinite);
    const low = Math.max(-limit, Math.min(0, ...finite));
    const high = Math.min(limit, Math.max(0, ...finite));
    const pad = 0.08 * (high - low || 1);
    return [low - pad, high + pad];
  };
  return { x: extent(rows.map((row) => row.x)), y: extent(rows.map((row) => row.y)) };
}

export interface IterationRow {
  readonly method: string;
  readonly kind: string;
  readonly value: number;
}

/** Iterations to the tolerance, measured and predicted by the linear analysis; a run that never got there is left out. */
export function iterationRows(result: OptimizersResult): IterationRow[] {
  return result.runs.flatMap((run) => [
    ...(run.steps === null ? [] : [{ method: run.method, kind: 'measured', value: run.steps }]),
    ...(Number.isFinite(run.predictedSteps) ? [{ method: run.method, kind: 'predicted ln(tol)/ln(rate)', value: Math.round(run.predictedSteps) }] : []),
  ]);
}

export interface TunedRow {
  readonly kappa: number;
  readonly method: string;
  readonly value: number;
}

/** Iterations with each method's best constant settings, per κ: on log–log axes, slope 1 for SGD (κ), ½ for momentum and Nesterov (√κ). */
export function tunedRows(result: OptimizersResult): TunedRow[] {
  return result.tuned.filter((row) => row.steps !== null).map((row) => ({ kappa: row.kappa, method: row.method, value: row.steps as number }));
}

export interface SaddleRow {
  readonly method: string;
  readonly step: number;
  readonly value: number;
}

/** |w₂| along each saddle run, until it escapes (plus a few steps): the plateau, then the way out. */
export function saddleRows(result: OptimizersResult): SaddleRow[] {
  const shown = Math.max(...result.saddle.map((run) => (run.escapedAt ?? run.path.length / 2 - 1) + 10));
  return result.saddle.flatMap((run) =>
    pathRows(run.method, run.path)
      .filter((row) => row.step <= shown && Math.abs(row.y) > 0)
      .map((row) => ({ method: run.method, step: row.step, value: Math.abs(row.y) })),
  );
}
