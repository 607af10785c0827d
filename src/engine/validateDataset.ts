import * as l10n from '@vscode/l10n';
import * as tf from '@tensorflow/tfjs';
import { EngineError, type SourceLocation } from './engineError';
import type { Dataset } from './module/loadModelModule';

/**
 * Checks what loadData() returned before any training step, so a bad dataset gets one clear
 * message at the loadData line instead of a tfjs stack trace: tensors present, not empty,
 * same number of samples, finite values, and shapes that fit the model.
 */
export function validateDataset(data: unknown, model: tf.LayersModel, where: SourceLocation): Dataset {
  const fail = (message: string, kind: 'bad-data' | 'shape' = 'bad-data'): never => {
    throw new EngineError(kind, message, where);
  };
  if (typeof data !== 'object' || data === null) {
    fail(l10n.t('loadData() must return { x, y } tensors (and optionally validation: { x, y })'));
  }
  const dataset = data as Partial<Dataset>;
  const pairs: [string, unknown, unknown][] = [['', dataset.x, dataset.y]];
  if (dataset.validation !== undefined) {
    pairs.push(['validation.', dataset.validation?.x, dataset.validation?.y]);
  }
  for (const [prefix, x, y] of pairs) {
    if (!(x instanceof tf.Tensor) || !(y instanceof tf.Tensor)) {
      fail(l10n.t('loadData() must return {0}x and {0}y as tensors, got {1} and {2}', prefix, describe(x), describe(y)));
    }
    const xs = x as tf.Tensor;
    const ys = y as tf.Tensor;
    if (xs.shape[0] === 0 || xs.size === 0) {
      fail(l10n.t('{0}x is empty: loadData() returned no samples', prefix));
    }
    if (xs.shape[0] !== ys.shape[0]) {
      fail(l10n.t('{0}x has {1} samples but {0}y has {2}: each input needs one target', prefix, xs.shape[0], ys.shape[0]));
    }
    checkFinite(xs, `${prefix}x`, fail);
    checkFinite(ys, `${prefix}y`, fail);
    checkFits(xs.shape, model.inputs[0]?.shape, `${prefix}x`, 'input', (message) => fail(message, 'shape'));
    checkFits(ys.shape, model.outputs[0]?.shape, `${prefix}y`, 'output', (message) => fail(message, 'shape'));
  }
  return dataset as Dataset;
}

function checkFinite(tensor: tf.Tensor, name: string, fail: (message: string) => never): void {
  const [nonFinite, firstIndex] = tf.tidy(() => {
    const bad = tf.logicalNot(tf.isFinite(tensor.toFloat())).reshape([-1]);
    const count = bad.sum().dataSync()[0];
    return [count, count > 0 ? bad.argMax().dataSync()[0] : -1];
  });
  if (nonFinite > 0) {
    const sample = Math.floor(firstIndex / (tensor.size / tensor.shape[0]));
    fail(l10n.t('{0} holds {1} NaN or infinite value(s), the first in sample {2}: clean or impute the data before training', name, nonFinite, sample));
  }
}

function checkFits(
  dataShape: readonly number[],
  modelShape: readonly (number | null)[] | undefined,
  name: string,
  side: 'input' | 'output',
  fail: (message: string) => never,
): void {
  if (!modelShape) {
    return;
  }
  const expected = modelShape.slice(1);
  const actual = dataShape.slice(1);
  const fits = expected.length === actual.length && expected.every((size, i) => size === null || size === actual[i]);
  if (!fits) {
    fail(
      side === 'output'
        ? l10n.t("{0} has shape [{1}] but the model's output expects [batch, {2}] (for classification, one-hot encode y with tf.oneHot)", name, dataShape.join(', '), expected.map((s) => s ?? '?').join(', '))
        : l10n.t("{0} has shape [{1}] but the model's input expects [batch, {2}]", name, dataShape.join(', '), expected.map((s) => s ?? '?').join(', ')),
    );
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array (wrap it with tf.tensor2d)';
  return `a ${typeof value}`;
}
