/**
 * Maxout (notes: Activation functions, "Généralisation: Maxout"): each unit outputs
 * max(w₁ᵀx + b₁, …, w_kᵀx + b_k). It never saturates and never dies, at the price of k times the
 * parameters. tfjs has no maxout layer, so this is a custom one, registered for (de)serialisation.
 */
import * as tf from '@tensorflow/tfjs';

export interface MaxoutArgs {
  readonly units: number;
  /** Linear pieces per unit (the notes' k = 2). */
  readonly pieces?: number;
  /** Variance of the weights × fan-in (1: Xavier, which keeps E[h²] through a maxout of 2 Gaussians). */
  readonly scale?: number;
  readonly seed?: number;
  readonly name?: string;
}

export class Maxout extends tf.layers.Layer {
  static readonly className = 'Maxout';
  readonly units: number;
  readonly pieces: number;
  private readonly scale: number;
  private readonly seed: number | undefined;
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;

  constructor(args: MaxoutArgs) {
    super({ name: args.name });
    this.units = args.units;
    this.pieces = args.pieces ?? 2;
    this.scale = args.scale ?? 1;
    this.seed = args.seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const fanIn = shape[shape.length - 1] ?? 1;
    const stddev = Math.sqrt(this.scale / fanIn);
    const width = this.units * this.pieces;
    this.kernel = this.addWeight('kernel', [fanIn, width], 'float32', tf.initializers.randomNormal({ mean: 0, stddev, seed: this.seed }));
    this.bias = this.addWeight('bias', [width], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [...shape.slice(0, -1), this.units];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (this.kernel === undefined || this.bias === undefined) throw new Error('Maxout used before it was built');
      const pieces = tf.matMul(x as tf.Tensor2D, this.kernel.read() as tf.Tensor2D).add(this.bias.read());
      // Columns are grouped unit by unit: [u0 p0, u0 p1, u1 p0, …] → max over the pieces of each unit.
      return pieces.reshape([-1, this.units, this.pieces]).max(2);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, pieces: this.pieces, scale: this.scale, seed: this.seed ?? null };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const seed = typeof config.seed === 'number' ? config.seed : undefined;
    return new cls({ ...config, seed });
  }
}

tf.serialization.registerClass(Maxout);
