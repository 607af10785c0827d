import * as tf from '@tensorflow/tfjs';
import { compiledLoss } from './modelProbe';

/**
 * The loss of a model that ignores its input and always predicts the mean target: the class
 * frequencies for cross-entropy, the mean for squared error. A model that learns goes well below
 * it; the diagnosis uses it to tell "training suffers" from "training goes well" on any loss scale.
 * Undefined when the targets are not shaped like the model's output (sparse labels) or the loss fails.
 */
export function baselineLoss(model: tf.LayersModel, y: tf.Tensor): number | undefined {
  const output = model.outputs[0]?.shape.slice(1);
  if (!output || output.length !== y.rank - 1 || output.some((size, i) => size !== null && size !== y.shape[i + 1])) {
    return undefined;
  }
  const lossFn = compiledLoss(model);
  try {
    const value = tf.tidy(() => {
      const targets = y.toFloat();
      const prediction = tf.broadcastTo(targets.mean(0, true), targets.shape);
      return tf.mean(lossFn(targets, prediction)).dataSync()[0];
    });
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
