/**
 * What the rules read: the run's description, its probe frames and its epoch history, plus the
 * questions several rules ask of them (which layer is the output, where is a layer's kernel, does
 * training go well). Pure functions of plain data.
 */
import type { EpochRecord, LayerInfo, LayerProbe, ProbeFrame, RunStart, WeightProbe } from '../../runs/core/trainingData';

export interface RunData {
  readonly start: RunStart;
  /** Probe frames in order. The run's first frame is always kept; long runs keep a window of recent ones. */
  readonly frames: readonly ProbeFrame[];
  readonly history: readonly EpochRecord[];
  /** The first optimiser step whose loss was not finite, when batch losses were reported. */
  readonly nonFiniteStep?: { readonly step: number; readonly epoch: number };
}

/**
 * AUTOTRAINER (Zhang et al., ICSE 2021) reports a gradient symptom only when training suffers, which
 * keeps false alarms down. "Training goes well" here: after GRACE_EPOCHS epochs, the recent loss is at
 * least GOOD_PROGRESS below the baseline (always predicting the mean target: ln 3 for three classes).
 * Tuned on the zoo (cpu and wasm): healthy models end at 1 % to 49 % of their baseline (the
 * well-initialised tanh net is the slowest, 49 %); the broken ones stay at 81 % to 102 % of it
 * (raw pixels: 12×), or go NaN.
 */
const GRACE_EPOCHS = 3;
const GOOD_PROGRESS = 0.3;
/** Epochs whose best loss counts as "recent". */
const RECENT_EPOCHS = 3;

export function lossesOf(history: readonly EpochRecord[]): number[] {
  return history.map((record) => record.loss);
}

/** The loss to compare with: the baseline when the engine computed it, else the first epoch's loss. */
export function referenceLoss(run: RunData): number | undefined {
  const reference = run.start.baselineLoss ?? run.history[0]?.loss;
  return reference !== undefined && Number.isFinite(reference) && reference > 0 ? reference : undefined;
}

export function recentBestLoss(history: readonly EpochRecord[]): number {
  return Math.min(...lossesOf(history.slice(-RECENT_EPOCHS)));
}

/** Whether the loss is where a model that learns would be; benefit of the doubt for the first epochs. */
export function learningWell(run: RunData): boolean {
  if (run.nonFiniteStep || run.history.some((record) => !Number.isFinite(record.loss))) return false;
  if (run.history.length < Math.min(GRACE_EPOCHS, run.start.epochs)) return true;
  const reference = referenceLoss(run);
  return reference === undefined || recentBestLoss(run.history) <= (1 - GOOD_PROGRESS) * reference;
}

/** Warning while training suffers, information once it goes well anyway (AUTOTRAINER). */
export function symptomSeverity(run: RunData): 'warning' | 'information' {
  return learningWell(run) ? 'information' : 'warning';
}

/** The layer that produces the model's output (its activations are predictions, not features). */
export function outputLayer(start: RunStart): string | undefined {
  return start.layers.at(-1)?.name;
}

export function layerInfo(start: RunStart, name: string): LayerInfo | undefined {
  return start.layers.find((layer) => layer.name === name);
}

/** The watched layers of a frame that are not the output layer. */
export function hiddenLayers(run: RunData, frame: ProbeFrame): LayerProbe[] {
  const output = outputLayer(run.start);
  return frame.layers.filter((layer) => layer.layer !== output);
}

/** The weight matrix of a layer (dense, conv): `…/kernel`, or `…/kernel_1` when tfjs deduplicated the name. */
export function kernelOf(layer: LayerProbe): WeightProbe | undefined {
  return layer.weights.find((weight) => /(^|\/)(depthwise_)?kernel(_\d+)?$/.test(weight.name));
}

/**
 * The frames at the end of the run for which `holds` is true, oldest first (empty when the latest
 * frame does not satisfy it). Rules about a state (dead units, saturation) report what is true now,
 * from the epoch it started; a problem that went away is no longer reported. Once the weights are
 * NaN the activations mean nothing (wasm's relu(NaN) is 0: "dead", "collapsed"): such frames never hold.
 */
export function currentStreak(frames: readonly ProbeFrame[], holds: (frame: ProbeFrame) => boolean): ProbeFrame[] {
  let first = frames.length;
  while (first > 0 && hasFiniteWeights(frames[first - 1]) && holds(frames[first - 1])) first--;
  return frames.slice(first);
}

function hasFiniteWeights(frame: ProbeFrame): boolean {
  return frame.layers.every((layer) => layer.weights.every((weight) => Number.isFinite(weight.norm)));
}

/** The learning rate in force at an epoch (the schedule's), or the optimiser's own. */
export function learningRateAt(run: RunData, epoch: number): number | undefined {
  const rate = run.history[epoch]?.lr ?? run.history.at(-1)?.lr ?? run.start.optimizer?.learningRate;
  return rate !== undefined && Number.isFinite(rate) ? rate : undefined;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
