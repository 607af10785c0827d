/** Regularisation results as chart rows: dropout in training vs test, train/validation curves, the batch-norm gap. */
import type { RegularizationResult } from '../../../src/labs/core/labs';

export interface BarRow {
  readonly what: string;
  readonly value: number;
}

/** Mean activation before dropout, through it in training, and at test time: inverted dropout keeps all three equal. */
export function dropoutMeanRows(result: RegularizationResult): BarRow[] {
  const d = result.dropout;
  return [
    { what: 'input', value: d.inputMean },
    { what: 'training (dropout on)', value: d.trainingMean },
    { what: 'test (identity)', value: d.testMean },
  ];
}

export interface CurveRow {
  readonly epoch: number;
  readonly variant: string;
  readonly split: 'train' | 'validation';
  readonly value: number;
}

export function trainValidationRows(result: RegularizationResult): CurveRow[] {
  return result.runs.flatMap((run) => [
    ...Array.from(run.losses, (value, i) => ({ epoch: i + 1, variant: run.variant, split: 'train' as const, value })),
    ...Array.from(run.valLosses, (value, i) => ({ epoch: i + 1, variant: run.variant, split: 'validation' as const, value })),
  ]);
}

export interface GapRow {
  readonly step: number;
  readonly metric: string;
  readonly value: number;
}

/** Batch statistics vs running estimates of the first batch-norm layer over training; zeros left out (log scale). */
export function batchNormGapRows(result: RegularizationResult): GapRow[] {
  const probes = result.runs.find((run) => run.variant === 'batch-norm')?.batchNorm ?? [];
  return probes.flatMap((probe) => [
    { step: probe.step, metric: '|batch mean − running mean|', value: probe.meanGap },
    { step: probe.step, metric: '|log batch var − log running var|', value: probe.logVarianceGap },
    { step: probe.step, metric: '|train-mode − test-mode output|', value: probe.outputGap },
  ]).filter((row) => row.value > 0);
}
