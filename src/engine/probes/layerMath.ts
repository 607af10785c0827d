import * as tf from '@tensorflow/tfjs';
import type { LayerInfo } from '../../runs/core/trainingData';

type Layer = tf.layers.Layer;

/** Layers whose whole job is an activation function: their input is the pre-activation. */
const ACTIVATION_LAYERS: Readonly<Record<string, string>> = {
  ReLU: 'relu',
  LeakyReLU: 'leakyrelu',
  PReLU: 'prelu',
  ELU: 'elu',
  Softmax: 'softmax',
  ThresholdedReLU: 'thresholdedrelu',
};

/** The layer's activation function name (`relu`, `tanh`, `linear`, …), if it has one. */
export function activationOf(layer: Layer): string | undefined {
  const fromClass = ACTIVATION_LAYERS[layer.getClassName()];
  if (fromClass) return fromClass;
  // TimeDistributed and Bidirectional apply the activation of the layer they wrap.
  const wrapped = (layer as { layer?: unknown }).layer;
  if (wrapped instanceof tf.layers.Layer) return activationOf(wrapped);
  const activation = layer.getConfig().activation;
  return typeof activation === 'string' ? activation : undefined;
}

export function describeLayer(layer: Layer): LayerInfo {
  const shape = layer.outputShape;
  const outputShape = (Array.isArray(shape[0]) ? shape[0] : shape) as (number | null)[];
  return {
    name: layer.name,
    className: layer.getClassName(),
    activation: activationOf(layer),
    outputShape,
    paramCount: layer.countParams(),
  };
}

/**
 * Where the probe finds the value fed to the layer's activation function, when the layer applies a
 * non-linear activation: activation layers take it as their `input`; Dense and Conv2D (channels
 * last) compute it inside their `call`, which hands it to their activation function. Undefined when
 * there is no (non-linear) activation to look at.
 */
export function preActivationSource(layer: Layer): 'input' | 'call' | undefined {
  const className = layer.getClassName();
  if (ACTIVATION_LAYERS[className] || className === 'Activation') return 'input';
  const activation = activationOf(layer);
  if (!activation || activation === 'linear' || !activationFunctionOf(layer)) return undefined;
  if (className === 'Dense') return 'call';
  if (className === 'Conv2D' && (layer.getConfig().dataFormat ?? 'channelsLast') === 'channelsLast') return 'call';
  return undefined;
}

/** The activation function object tfjs's Dense and Conv layers keep and call on their linear part. */
interface ActivationFunction {
  getClassName(): string;
  apply(x: tf.Tensor, ...rest: unknown[]): tf.Tensor;
}

function activationFunctionOf(layer: Layer): ActivationFunction | undefined {
  const activation = (layer as unknown as { activation?: Partial<ActivationFunction> }).activation;
  return typeof activation?.apply === 'function' && typeof activation.getClassName === 'function' ? (activation as ActivationFunction) : undefined;
}

/**
 * Until the returned function is called, the layer's calls hand the tensor they feed to their
 * activation function to `record` (which must `tf.keep` what it keeps: the layer's tidy frees it).
 * The stand-in carries a name tfjs does not fuse, so a Dense or Conv2D applies it after its linear
 * part instead of inside one fused kernel: the same values, and the pre-activation comes from the
 * probe's own forward pass instead of a second matrix product or convolution.
 */
export function interceptPreActivation(layer: Layer, record: (preActivation: tf.Tensor) => void): () => void {
  const holder = layer as unknown as { activation: ActivationFunction };
  const original = activationFunctionOf(layer);
  if (!original) return () => undefined;
  const standIn: ActivationFunction = Object.assign(Object.create(original) as ActivationFunction, {
    getClassName: () => 'DeepScopePreActivationProbe',
    apply: (x: tf.Tensor, ...rest: unknown[]) => {
      record(x);
      return original.apply(x, ...rest);
    },
  });
  holder.activation = standIn;
  return () => {
    holder.activation = original;
  };
}
