import * as tf from '@tensorflow/tfjs';
import type { TargetStats } from '../../runs/core/trainingData';

/**
 * Describes the training targets once, before training: the range the output activation must reach
 * and whether they are class labels (the diagnosis' output-range-mismatch and loss-output-mismatch).
 */
export function describeTargets(y: tf.Tensor): TargetStats | undefined {
  if (y.size === 0 || y.dtype === 'string' || y.dtype === 'complex64') return undefined;
  const [min, max, integers, zeroOrOne, rowsSumToOne] = tf.tidy(() => {
    const values = y.toFloat();
    const whole = values.equal(values.round()).all();
    const binary = values.equal(0).logicalOr(values.equal(1)).all();
    const rows = values.reshape([-1, y.shape.at(-1) ?? 1]);
    const single = rows.sum(1).equal(1).all();
    return Array.from(tf.stack([values.min(), values.max(), whole.toFloat(), binary.toFloat(), single.toFloat()]).dataSync());
  });
  const width = y.rank > 1 ? (y.shape.at(-1) as number) : 1;
  return { min, max, integers: integers === 1, oneHot: width >= 2 && zeroOrOne === 1 && rowsSumToOne === 1, width };
}

/** The compiled model's loss as tfjs names it (`meanSquaredError`…), or a custom loss function's name. */
export function lossName(model: tf.LayersModel): string | undefined {
  const inner = model instanceof tf.Sequential ? (model as unknown as { model: tf.LayersModel }).model : model;
  const loss: unknown = (inner as unknown as { loss?: unknown }).loss ?? (model as unknown as { loss?: unknown }).loss;
  const first = Array.isArray(loss) ? loss[0] : loss;
  if (typeof first === 'string') return first;
  return typeof first === 'function' && first.name ? first.name : undefined;
}
