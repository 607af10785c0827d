/**
 * The fixed batch DeepScope probes a program's model on, taken from the program's own data: the first
 * rows of what it passes to `fit`, or the first batch its dataset yields to `fitDataset`. Models with
 * several inputs or outputs take arrays or name → tensor maps; both are put in the model's order.
 */
import * as tf from '@tensorflow/tfjs';

export type TensorArgument = tf.Tensor | tf.Tensor[] | Record<string, tf.Tensor>;

export interface ProbeBatch {
  readonly x: tf.Tensor[];
  readonly y: tf.Tensor[];
}

/** Samples the probe looks at: small and fixed, so probes cost little and are comparable over time. */
export const PROBE_SAMPLES = 128;

/** The model's tensors in its own input (or output) order. */
export function inOrder(value: TensorArgument, names: readonly string[]): tf.Tensor[] {
  if (value instanceof tf.Tensor) return [value];
  if (Array.isArray(value)) return value;
  return names.map((name) => {
    const tensor = value[name];
    if (!(tensor instanceof tf.Tensor)) throw new Error(`no tensor for "${name}"`);
    return tensor;
  });
}

/** Copies of the first PROBE_SAMPLES rows of x and y (the training rows: a validation split takes the last ones). */
export function firstRows(model: tf.LayersModel, x: TensorArgument, y: TensorArgument): ProbeBatch {
  const xs = inOrder(x, model.inputNames);
  const ys = inOrder(y, model.outputNames);
  const rows = Math.min(PROBE_SAMPLES, xs[0]?.shape[0] ?? 0);
  const head = (tensor: tf.Tensor): tf.Tensor => tf.keep(tensor.slice(0, rows));
  return { x: xs.map(head), y: ys.map(head) };
}

/** A dataset element of `fitDataset`: `{xs, ys}` or `[xs, ys]`. */
export function batchOf(model: tf.LayersModel, element: unknown): ProbeBatch | undefined {
  const pair = Array.isArray(element) ? { xs: element[0] as unknown, ys: element[1] as unknown } : (element as { xs?: unknown; ys?: unknown } | null);
  if (!pair || !isTensorArgument(pair.xs) || !isTensorArgument(pair.ys)) return undefined;
  return firstRows(model, pair.xs, pair.ys);
}

export function disposeBatch(batch: ProbeBatch | undefined): void {
  if (batch) tf.dispose([...batch.x, ...batch.y]);
}

function isTensorArgument(value: unknown): value is TensorArgument {
  if (value instanceof tf.Tensor) return true;
  if (Array.isArray(value)) return value.length > 0 && value.every((item) => item instanceof tf.Tensor);
  return typeof value === 'object' && value !== null && Object.values(value).every((item) => item instanceof tf.Tensor);
}
