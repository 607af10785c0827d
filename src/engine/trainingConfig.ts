import * as l10n from '@vscode/l10n';
import * as tf from '@tensorflow/tfjs';
import type { OptimizerInfo } from '../runs/core/trainingData';
import { EngineError, errorMessage, type SourceLocation } from './engineError';

/** The `training` export, validated, with DeepScope's defaults filled in. */
export interface TrainingConfig {
  readonly epochs: number;
  readonly batchSize: number;
  readonly loss: string | LossFunction;
  readonly metrics: readonly string[];
  /** Builds a fresh optimiser for each run. */
  readonly optimizer: () => tf.Optimizer;
  /** Learning rate of each epoch (0-based); absent: the optimiser's own rate throughout. */
  readonly learningRate?: (epoch: number) => number;
  readonly shuffle: boolean;
  /** Used when loadData() returns no validation set. */
  readonly validationSplit: number;
}

export type LossFunction = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** The notes' default optimiser: SGD with Nesterov momentum 0.9 (topic optim-nesterov). */
export const DEFAULT_LEARNING_RATE = 0.01;
const defaultOptimizer = (): tf.Optimizer => tf.train.momentum(DEFAULT_LEARNING_RATE, 0.9, true);

/**
 * Reads `training` (any value the user exported) into a TrainingConfig, or throws an EngineError
 * at the `training` line naming the field that is wrong.
 */
export function readTrainingConfig(raw: unknown, where: SourceLocation, overrides: { epochs?: number } = {}): TrainingConfig {
  const fail = (message: string): never => {
    throw new EngineError('config', `training.${message}`, where);
  };
  if (raw !== undefined && (typeof raw !== 'object' || raw === null)) {
    fail(l10n.t(' must be an object, got {0}', typeof raw));
  }
  const config = (raw ?? {}) as Record<string, unknown>;
  const positiveInteger = (name: string, fallback: number): number => {
    const value = config[name] ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      fail(l10n.t('{0} must be a positive whole number, got {1}', name, JSON.stringify(value)));
    }
    return value as number;
  };
  const loss = config.loss ?? 'categoricalCrossentropy';
  if (typeof loss !== 'string' && typeof loss !== 'function') {
    fail(l10n.t("loss must be a tfjs loss name such as 'categoricalCrossentropy' or a function"));
  }
  const metrics = config.metrics ?? [];
  if (!Array.isArray(metrics) || metrics.some((metric) => typeof metric !== 'string')) {
    fail(l10n.t("metrics must be a list of metric names such as ['accuracy']"));
  }
  const optimizer = config.optimizer ?? defaultOptimizer;
  if (typeof optimizer !== 'function') {
    fail(l10n.t('optimizer must be a function returning a tf.Optimizer, e.g. () => tf.train.momentum(0.05, 0.9, true)'));
  }
  const learningRate = config.learningRate;
  if (learningRate !== undefined && typeof learningRate !== 'function') {
    fail(l10n.t('learningRate must be a function of the epoch, e.g. (epoch) => 0.05 * Math.pow(0.5, Math.floor(epoch / 10))'));
  }
  const validationSplit = config.validationSplit ?? 0;
  if (typeof validationSplit !== 'number' || validationSplit < 0 || validationSplit >= 1) {
    fail(l10n.t('validationSplit must be a number in [0, 1)'));
  }
  return {
    epochs: overrides.epochs ?? positiveInteger('epochs', 20),
    batchSize: positiveInteger('batchSize', 32),
    loss: loss as string | LossFunction,
    metrics: metrics as string[],
    optimizer: () => buildOptimizer(optimizer as () => unknown, where),
    learningRate: learningRate as ((epoch: number) => number) | undefined,
    shuffle: config.shuffle !== false,
    validationSplit: validationSplit as number,
  };
}

function buildOptimizer(factory: () => unknown, where: SourceLocation): tf.Optimizer {
  let optimizer: unknown;
  try {
    optimizer = factory();
  } catch (error) {
    throw new EngineError('config', l10n.t('training.optimizer() threw: {0}', errorMessage(error)), where);
  }
  if (!(optimizer instanceof tf.Optimizer)) {
    throw new EngineError('config', l10n.t('training.optimizer() must return a tf.Optimizer (e.g. tf.train.momentum(0.05, 0.9, true))'), where);
  }
  return optimizer;
}

/** Sets the rate an optimiser uses from the next step on (SGD-family optimisers cache it in a tensor). */
export function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  const withSetter = optimizer as tf.Optimizer & { setLearningRate?: (rate: number) => void; learningRate?: number };
  if (typeof withSetter.setLearningRate === 'function') {
    withSetter.setLearningRate(rate);
  } else {
    withSetter.learningRate = rate;
  }
}

export function currentLearningRate(optimizer: tf.Optimizer): number {
  const rate = (optimizer as tf.Optimizer & { learningRate?: unknown }).learningRate;
  return typeof rate === 'number' ? rate : Number.NaN;
}

/** Which optimiser runs (the diagnosis tells plain SGD from momentum, as UMLAUT's learning-rate check does). */
export function describeOptimizer(optimizer: tf.Optimizer): OptimizerInfo {
  const fields = optimizer as tf.Optimizer & { momentum?: unknown; useNesterov?: unknown };
  return {
    name: optimizer.getClassName(),
    learningRate: currentLearningRate(optimizer),
    momentum: typeof fields.momentum === 'number' ? fields.momentum : undefined,
    nesterov: typeof fields.useNesterov === 'boolean' ? fields.useNesterov : undefined,
  };
}

/**
 * Frees an optimiser. tfjs 4.22's MomentumOptimizer.dispose() does not call SGDOptimizer's, so
 * the learning-rate scalar it keeps (`c`) would leak one tensor per run: free it too.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  const rate = (optimizer as tf.Optimizer & { c?: tf.Tensor }).c;
  if (rate && !rate.isDisposed) {
    rate.dispose();
  }
}
