/** Small, valid run-log records for the format, reader and runs-folder tests; `lines` writes them as a log. */
import { encodeRecord } from '../../../src/runs/core/runLogFormat';
import { RUN_LOG_VERSION, type EpochEndRecord, type ProbeRecord, type RunRecord, type StartRecord } from '../../../src/runs/core/runRecord';
import type { DistributionStats } from '../../../src/runs/core/trainingData';

export function startRecord(modelFile = '/work/model.ts', startedAt = '2026-12-02T18:35:25.123Z'): StartRecord {
  return {
    type: 'start',
    version: RUN_LOG_VERSION,
    startedAt,
    producer: 'test',
    backend: 'cpu',
    modelFile,
    epochs: 2,
    stepsPerEpoch: 2,
    layers: [{ name: 'dense', className: 'Dense', activation: 'relu', outputShape: [null, 2], paramCount: 6 }],
    watchedLayers: ['dense'],
  };
}

export function distribution(values: Partial<DistributionStats> = {}): DistributionStats {
  return {
    count: 4,
    mean: 0.5,
    std: 0.25,
    min: 0,
    max: 1,
    zeroFraction: 0.25,
    histogram: { min: 0, max: 1, counts: Float32Array.from([1, 0, 3]) },
    percentiles: Float32Array.from([0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 1]),
    ...values,
  };
}

export function probeRecord(step: number, activations: Partial<DistributionStats> = {}): ProbeRecord {
  return {
    type: 'probe',
    step,
    epoch: 0,
    layers: [
      {
        layer: 'dense',
        activations: { ...distribution(activations), saturatedFraction: 0 },
        weights: [{ name: 'dense/kernel', shape: [2, 2], values: distribution(), norm: 1.5, gradient: { norm: 0.1, meanAbs: 0.05, stats: distribution() } }],
      },
    ],
  };
}

export function epochRecord(epoch: number, loss: number): EpochEndRecord {
  return { type: 'epoch', epoch, loss, lr: 0.1, metrics: { acc: 0.5 } };
}

/** A whole run: start, steps, a probe, two epochs, findings and `ending` (none: an interrupted run). */
export function runRecords(options: { readonly modelFile?: string; readonly startedAt?: string; readonly ending?: 'end' | 'error' } = {}): RunRecord[] {
  const records: RunRecord[] = [
    startRecord(options.modelFile, options.startedAt),
    { type: 'steps', losses: [{ step: 0, epoch: 0, loss: 1 }, { step: 1, epoch: 0, loss: 0.9 }] },
    probeRecord(1),
    epochRecord(0, 0.95),
    { type: 'steps', losses: [{ step: 2, epoch: 1, loss: 0.8 }, { step: 3, epoch: 1, loss: 0.7 }] },
    epochRecord(1, 0.75),
    { type: 'findings', findings: [] },
  ];
  if (options.ending === 'end') records.push({ type: 'end', status: 'finished', endedAt: '2026-12-02T18:36:00.000Z', leakedTensors: 0 });
  if (options.ending === 'error') records.push({ type: 'error', kind: 'training', message: 'Training failed', endedAt: '2026-12-02T18:36:00.000Z' });
  return records;
}

/** The text of a log holding `records`, one line each, as the writer writes it. */
export function lines(records: readonly RunRecord[]): string {
  return records.map((record) => `${encodeRecord(record)}\n`).join('');
}
