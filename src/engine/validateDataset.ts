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
    fail('loadData() must return { x, y } tensors (and optionally validation: { x, y })');
  }
  const dataset = data as Partial<Dataset>;
  const pairs: [string, unknown, unknown][] = [['', dataset.x, dataset.y]];
  if (dataset.validation !== undefined) {
    pairs.push(['validation.', dataset.validation?.x, dataset.validation?.y]);
  }
  for (const [prefix, x, y] of pairs) {
    if (!(x instanceof tf.Tensor) || !(y instanceof tf.Tensor)) {
      fail(`loadData() must return ${prefix}x and ${prefix}y as tensors, got ${describe(x)} and ${describe(y)}`);
    }
    const xs = x as tf.Tensor;
    const ys = y as tf.Tensor;
    if (xs.shape[0] === 0 || xs.size === 0) {
      fail(`${prefix}x is empty: loadData() returned no samples`);
    }
    if (xs.shape[0] !== ys.shape[0]) {
      fail(`${prefix}x has ${xs.shape[0]} samples but ${prefix}y has ${ys.shape[0]}: each input needs one target`);
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
    fail(`${name} holds ${nonFinite} NaN or infinite value(s), the first in sample ${sample}: clean or impute the data before training`);
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
      `${name} has shape [${dataShape.join(', ')}] but the model's ${side} expects [batch, ${expected.map((s) => s ?? '?').join(', ')}]` +
        (side === 'output' ? ' (for classification, one-hot encode y with tf.oneHot)' : ''),
    );
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array (wrap it with tf.tensor2d)';
  return `a ${typeof value}`;
}
