/**
 * Inverted dropout with a new mask at every call, reproducibly. tf.layers.dropout({ seed }) draws the same
 * mask at every call (the seed is reused as is), which trains one fixed thinned network instead of
 * averaging over masks; the notes' point is that "not every batch sees the same dropout mask". Without a
 * seed it is random but not reproducible. This layer derives call n's mask from seed + n.
 */
import * as tf from '@tensorflow/tfjs';

export class SeededDropout extends tf.layers.Layer {
  static readonly className = 'SeededDropout';
  private calls = 0;

  constructor(
    private readonly rate: number,
    private readonly seed: number,
  ) {
    super({});
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    // tf.dropout zeroes a fraction `rate` and scales the rest by 1/(1 − rate); at test time: the identity.
    return kwargs.training === true && this.rate > 0 ? tf.dropout(x, this.rate, undefined, this.seed + this.calls++) : x.clone();
  }
}
