/**
 * What the start record says about the model's output and its loss, for the rules that compare the
 * two with the targets: the output activation's range, the loss's family whatever the framework's
 * spelling, and the layers already in the model (advice never asks for what is already there).
 */
import type { RunStart } from '../../../runs/core/trainingData';

export type LossKind = 'regression' | 'binary' | 'binary-logits' | 'categorical' | 'sparse-categorical' | 'logits-cross-entropy' | 'nll';

const LOSS_KINDS: Readonly<Record<string, LossKind>> = {
  // tfjs and Keras spellings.
  meanSquaredError: 'regression',
  mse: 'regression',
  mean_squared_error: 'regression',
  meanAbsoluteError: 'regression',
  mae: 'regression',
  mean_absolute_error: 'regression',
  huberLoss: 'regression',
  logLoss: 'binary',
  binaryCrossentropy: 'binary',
  binary_crossentropy: 'binary',
  categoricalCrossentropy: 'categorical',
  categorical_crossentropy: 'categorical',
  sparseCategoricalCrossentropy: 'sparse-categorical',
  sparse_categorical_crossentropy: 'sparse-categorical',
  // torch.nn.functional, which the nn.*Loss modules call.
  mse_loss: 'regression',
  l1_loss: 'regression',
  smooth_l1_loss: 'regression',
  huber_loss: 'regression',
  binary_cross_entropy: 'binary',
  binary_cross_entropy_with_logits: 'binary-logits',
  cross_entropy: 'logits-cross-entropy',
  nll_loss: 'nll',
};

export function lossKind(start: RunStart): LossKind | undefined {
  return start.loss === undefined ? undefined : LOSS_KINDS[start.loss];
}

/** Whether the loss is a squared error (the mean-squared-error case of loss-output-mismatch). */
export function isSquaredError(start: RunStart): boolean {
  return ['meanSquaredError', 'mse', 'mean_squared_error', 'mse_loss'].includes(start.loss ?? '');
}

/** [low, high] of what an activation can output; undefined for unbounded ones (linear) and unknown ones. */
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  sigmoid: [0, 1],
  hardSigmoid: [0, 1],
  softmax: [0, 1],
  tanh: [-1, 1],
  softsign: [-1, 1],
  relu: [0, Number.POSITIVE_INFINITY],
  relu6: [0, 6],
  softplus: [0, Number.POSITIVE_INFINITY],
  elu: [-1, Number.POSITIVE_INFINITY],
};

export function activationRange(activation: string | undefined): readonly [number, number] | undefined {
  return activation === undefined ? undefined : RANGES[activation];
}

/** The output layer's activation; a trailing activation-only layer (tfjs `Activation`, `Softmax`) counts. */
export function outputActivation(start: RunStart): string | undefined {
  return start.layers.at(-1)?.activation;
}

/** Activations that leave values unbounded: what a cross-entropy on probabilities must not receive. */
export function isUnbounded(activation: string | undefined): boolean {
  return activation === undefined || activation === 'linear';
}

/** Whether some layer of the model has one of these class names (tfjs' or PyTorch's, compared in lower case). */
export function hasLayerClass(start: RunStart, pattern: RegExp): boolean {
  return start.layers.some((layer) => pattern.test(layer.className));
}

export const BATCH_NORM = /^batch ?norm/i;
export const DROPOUT = /dropout/i;

/** The optimiser keeps a memory of past gradients: momentum, Nesterov, Adam and its kin (AdamW, Adamax, NAdam). */
export function hasMomentum(start: RunStart): boolean {
  const optimizer = start.optimizer;
  if (!optimizer) return false;
  return (optimizer.momentum ?? 0) > 0 || /adam/i.test(optimizer.name);
}

/** Layers that only transform the units of the weighted layer before them (its activation, normalisation, dropout). */
const SAME_UNITS = /^(activation|relu|leakyrelu|prelu|elu|softmax|thresholdedrelu|batchnorm(alization|[123]d)|dropout|tanh|sigmoid)$/i;

/** The layer whose units `name` carries: itself, or the weighted layer its activation, batch norm or dropout follow. */
export function unitsOwner(start: RunStart, name: string): string {
  let index = start.layers.findIndex((layer) => layer.name === name);
  while (index > 0 && SAME_UNITS.test(start.layers[index].className)) index--;
  return index >= 0 ? start.layers[index].name : name;
}
