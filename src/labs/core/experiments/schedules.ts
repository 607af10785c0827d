/**
 * Lab 4, learning-rate schedules (notes: Learning rates): the notes' three decays, per epoch t,
 *   step:        α₀ · drop^⌊t/n⌋   (divided every n epochs)
 *   exponential: α₀ · e^(−kt)
 *   1/t:         α₀ / (1 + kt)
 * beside a constant rate, and the same seeded training run under each (spiral, 2-64-64-3, ReLU, He,
 * SGD with Nesterov momentum 0.9: the scaffold's defaults).
 */
import * as tf from '@tensorflow/tfjs';
import type { KeyTable, ScheduleRun, SchedulesResult } from '../labs';
import { disposeOptimizer } from '../../../engine/trainingConfig';
import { gaussianInit } from './activationLayers';
import { spiral } from './datasets';
import { schedulesInfo } from '../catalog/schedules';
import { defineLab } from './lab';
import { classifier, disposeData, evaluate, fit, toTensors, type TensorData } from './training';

export const SCHEDULES = ['constant', 'step', 'exponential', 'inverse-time'] as const;
export type ScheduleName = (typeof SCHEDULES)[number];

export interface ScheduleSettings {
  readonly alpha0: number;
  readonly drop: number;
  readonly every: number;
  readonly expK: number;
  readonly inverseK: number;
}

/** The learning rate of epoch t (0-based) under a schedule: the notes' formulas, nothing more. */
export function learningRateAt(schedule: ScheduleName, t: number, s: ScheduleSettings): number {
  switch (schedule) {
    case 'constant':
      return s.alpha0;
    case 'step':
      return s.alpha0 * s.drop ** Math.floor(t / s.every);
    case 'exponential':
      return s.alpha0 * Math.exp(-s.expK * t);
    case 'inverse-time':
      return s.alpha0 / (1 + s.inverseK * t);
  }
}

const HIDDEN = [64, 64];

export const schedulesLab = defineLab(
  schedulesInfo,
  async (p): Promise<SchedulesResult> => {
    const data = toTensors(spiral(100, 3, 0.2, p.seed));
    try {
      const runs = SCHEDULES.map((schedule) => train(schedule, p, data));
      return { lab: 'schedules', runs };
    } finally {
      disposeData(data);
    }
  },
  keyNumbers,
);

function train(schedule: ScheduleName, p: ScheduleSettings & { readonly epochs: number; readonly seed: number }, data: TensorData): ScheduleRun {
  const rates = Float32Array.from({ length: p.epochs }, (_, t) => learningRateAt(schedule, t, p));
  const hidden = HIDDEN.map((units, i) => tf.layers.dense({ units, activation: 'relu', kernelInitializer: gaussianInit(2, i === 0 ? 2 : HIDDEN[i - 1], p.seed + i) }));
  const model = classifier(2, hidden, 3, gaussianInit(1, HIDDEN[HIDDEN.length - 1], p.seed + HIDDEN.length));
  const optimizer = tf.train.momentum(p.alpha0, 0.9, true);
  try {
    const losses = fit(model, data, { epochs: p.epochs, batchSize: 32, optimizer, seed: p.seed, learningRate: (t) => rates[t] });
    const { loss, accuracy } = evaluate(model, data);
    return { schedule, learningRates: rates, losses, finalLoss: loss, accuracy, settledLoss: settledLoss(losses) };
  } finally {
    disposeOptimizer(optimizer);
    model.dispose();
  }
}

/** Mean of the last quarter of the epochs' losses (at least one epoch). */
export function settledLoss(losses: Float32Array): number {
  const tail = losses.subarray(Math.min(losses.length - 1, Math.floor((losses.length * 3) / 4)));
  return tail.reduce((sum, loss) => sum + loss, 0) / tail.length;
}

function keyNumbers(result: SchedulesResult): KeyTable[] {
  const epochs = result.runs[0]?.learningRates.length ?? 0;
  const shown = [0, 1, 5, 10, 20, 30, epochs - 1].filter((t, i, all) => t < epochs && all.indexOf(t) === i);
  return [
    {
      title: 'Learning rate per epoch t',
      columns: ['schedule', ...shown.map((t) => `t=${t}`)],
      rows: result.runs.map((run) => [run.schedule, ...shown.map((t) => run.learningRates[t])]),
    },
    {
      title: `The same run under each schedule (spiral, 2-64-64-3 ReLU, Nesterov 0.9, ${epochs} epochs)`,
      columns: ['schedule', 'loss epoch 1', `loss epoch ${Math.ceil(epochs / 2)}`, 'settled loss (mean, last quarter)', 'final loss (eval)', 'accuracy'],
      rows: result.runs.map((run) => [run.schedule, run.losses[0], run.losses[Math.ceil(epochs / 2) - 1], run.settledLoss, run.finalLoss, run.accuracy]),
    },
  ];
}
