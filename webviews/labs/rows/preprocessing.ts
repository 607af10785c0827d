/** Preprocessing results as chart rows: one-sign gradient fractions, the 2-D update paths, convergence curves. */
import type { PreprocessingResult } from '../../../src/labs/core/labs';
import { pathRows, type PathRow } from './optimizers';

export interface SignRow {
  readonly measure: string;
  readonly inputs: string;
  readonly value: number;
}

export function signRows(result: PreprocessingResult): SignRow[] {
  return result.runs.flatMap((run) => [
    { measure: 'layer 1, per example', inputs: run.inputs, value: run.sameSignPerExample },
    { measure: 'layer 1, batch gradient', inputs: run.inputs, value: run.sameSignBatch },
    { measure: 'layer 2 (sigmoid inputs)', inputs: run.inputs, value: run.sameSignNextLayer },
  ]);
}

export function updatePathRows(result: PreprocessingResult): PathRow[] {
  return result.paths.flatMap((path) => pathRows(`${path.inputs} inputs`, path.path));
}

export interface LossRow {
  readonly epoch: number;
  readonly inputs: string;
  readonly value: number;
}

export function convergenceRows(result: PreprocessingResult): LossRow[] {
  return result.runs.flatMap((run) => Array.from(run.losses, (value, i) => ({ epoch: i + 1, inputs: run.inputs, value })));
}
