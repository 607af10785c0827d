/** Synthetic runs for the rules' unit tests: only the numbers a test cares about, sane defaults for the rest. */
import type { RunData } from '../../../src/diagnosis/core';
import type { ActivationStats, DistributionStats, EpochRecord, LayerInfo, LayerProbe, ProbeFrame, RunStart, WeightProbe } from '../../../src/runs/core/trainingData';

export function stats(values: Partial<Omit<DistributionStats, 'histogram' | 'percentiles'>> & { bins?: readonly number[] } = {}): ActivationStats {
  const { bins = [1], mean = 0, std = 1, min = -1, max = 1, zeroFraction = 0, count = 128 } = values;
  return {
    count,
    mean,
    std,
    min,
    max,
    zeroFraction,
    saturatedFraction: 0,
    histogram: { min, max, counts: Float32Array.from(bins) },
    percentiles: new Float32Array(9),
  };
}

export interface KernelSpec {
  readonly norm?: number;
  readonly gradient?: number;
  readonly gradientZeros?: number;
  readonly unitSpread?: number;
  readonly shape?: readonly number[];
  readonly updateRatio?: number;
}

export function kernel(layer: string, spec: KernelSpec = {}): WeightProbe {
  const { norm = 5, gradient = 0.1, gradientZeros = 0, shape = [16, 16], updateRatio = 1e-3 } = spec;
  return {
    name: `${layer}/kernel`,
    shape,
    values: stats(),
    norm,
    gradient: { norm: gradient, meanAbs: gradient / 10, stats: stats({ zeroFraction: gradientZeros }) },
    updateRatio,
    unitSpread: spec.unitSpread ?? norm / Math.sqrt(shape.reduce((a, b) => a * b, 1)),
  };
}

export interface LayerSpec {
  readonly std?: number;
  readonly zeros?: number;
  /** Pre-activations: a histogram over [min, max] with these bin counts. */
  readonly pre?: { readonly min: number; readonly max: number; readonly bins: readonly number[] };
  readonly kernel?: KernelSpec | null;
}

export function layer(name: string, spec: LayerSpec = {}): LayerProbe {
  const { std = 0.5, zeros = 0, pre, kernel: kernelSpec = {} } = spec;
  return {
    layer: name,
    activations: stats({ std, zeroFraction: zeros }),
    preActivations: pre ? stats({ min: pre.min, max: pre.max, bins: pre.bins, std: (pre.max - pre.min) / 4 }) : undefined,
    weights: kernelSpec === null ? [] : [kernel(name, kernelSpec)],
  };
}

export function frame(step: number, epoch: number, layers: readonly LayerProbe[]): ProbeFrame {
  return { step, epoch, layers };
}

/** Layers as `[name, activation, className?]`. */
export function start(layers: readonly (readonly [string, string?, string?])[], extra: Partial<RunStart> = {}): RunStart {
  const infos: LayerInfo[] = layers.map(([name, activation, className = 'Dense']) => ({ name, className, activation, outputShape: [null, 16], paramCount: 272 }));
  return { backend: 'cpu', modelFile: '/model.ts', epochs: 20, stepsPerEpoch: 5, layers: infos, watchedLayers: infos.map((info) => info.name), baselineLoss: 1.1, ...extra };
}

export interface EpochSpec {
  readonly loss: number;
  readonly valLoss?: number;
  readonly acc?: number;
  readonly valAcc?: number;
  readonly lr?: number;
}

export function history(epochs: readonly (number | EpochSpec)[]): EpochRecord[] {
  return epochs.map((entry, epoch): EpochRecord => {
    const { loss, valLoss, acc, valAcc, lr = 0.01 }: EpochSpec = typeof entry === 'number' ? { loss: entry } : entry;
    return {
      epoch,
      loss,
      lr,
      metrics: acc === undefined ? {} : { acc: acc },
      valLoss,
      valMetrics: valAcc === undefined ? undefined : { acc: valAcc },
    };
  });
}

/** Losses that go from `from` to `to` over `epochs` epochs (a run that learns, or not). */
export function losses(from: number, to: number, epochs: number): number[] {
  return Array.from({ length: epochs }, (_, i) => from + ((to - from) * i) / Math.max(1, epochs - 1));
}

export function run(parts: { start: RunStart; frames?: readonly ProbeFrame[]; history?: readonly EpochRecord[]; nonFiniteStep?: RunData['nonFiniteStep'] }): RunData {
  return { frames: [], history: [], ...parts };
}
