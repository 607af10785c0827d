/** Attention results as chart rows: weight matrices (output step × input position) and the training curves. */
import type { AttentionResult } from '../../../src/labs/core/labs';

export interface CellRow {
  /** Output step i and input position j, as axis labels. */
  readonly step: string;
  readonly position: string;
  readonly value: number;
}

/**
 * A row-major n × n matrix as heatmap cells. `inputs` / `outputs` (the example's symbols) extend the labels
 * to "j · symbol", so the reversal reads off the axes.
 */
export function weightCells(weights: ArrayLike<number>, n: number, inputs?: ArrayLike<number>, outputs?: ArrayLike<number>): CellRow[] {
  return Array.from({ length: n * n }, (_, k) => {
    const i = Math.floor(k / n);
    const j = k % n;
    return { step: stepLabel(i, outputs), position: stepLabel(j, inputs), value: weights[k] };
  });
}

export function stepLabel(index: number, symbols?: ArrayLike<number>): string {
  return symbols ? `${index} · ${symbols[index]}` : String(index);
}

export function axisOrder(n: number, symbols?: ArrayLike<number>): string[] {
  return Array.from({ length: n }, (_, index) => stepLabel(index, symbols));
}

export interface TrainingRow {
  readonly step: number;
  readonly metric: string;
  readonly value: number;
}

/**
 * Loss and mirrored weight at each check: every `checkEvery` steps, and after the last step (which need not
 * be a multiple of it, hence `totalSteps`).
 */
export function attentionTrainingRows(result: AttentionResult, totalSteps: number): TrainingRow[] {
  const last = result.losses.length - 1;
  return Array.from(result.losses, (loss, k) => {
    const step = k === last ? totalSteps : (k + 1) * result.checkEvery;
    return [
      { step, metric: 'training loss', value: loss },
      { step, metric: 'mean weight on the mirrored position', value: result.mirroredDuringTraining[k] },
    ];
  }).flat();
}
