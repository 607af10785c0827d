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
 * How to get the value fed to the layer's activation function from the layer's input, when the
 * layer applies a non-linear activation: Dense and Conv2D recompute their linear part, activation
 * layers take their input as is. Undefined when there is no (non-linear) activation to look at.
 */
export function preActivationFn(layer: Layer): ((input: tf.Tensor) => tf.Tensor) | undefined {
  const className = layer.getClassName();
  if (ACTIVATION_LAYERS[className] || className === 'Activation') {
    return (input) => input;
  }
  const activation = activationOf(layer);
  if (!activation || activation === 'linear') {
    return undefined;
  }
  const [kernel, bias] = layer.getWeights();
  const config = layer.getConfig();
  const useBias = config.useBias !== false && bias !== undefined;
  if (className === 'Dense' && kernel) {
    return (input) => {
      const flat = input.reshape([-1, kernel.shape[0]]);
      const linear = tf.matMul(flat, kernel as tf.Tensor2D);
      return useBias ? linear.add(bias) : linear;
    };
  }
  if (className === 'Conv2D' && kernel && (config.dataFormat ?? 'channelsLast') === 'channelsLast') {
    const strides = config.strides as [number, number];
    const dilations = config.dilationRate as [number, number];
    const padding = config.padding as 'valid' | 'same';
    return (input) => {
      const linear = tf.conv2d(input as tf.Tensor4D, kernel as tf.Tensor4D, strides, padding, 'NHWC', dilations);
      return useBias ? linear.add(bias) : linear;
    };
  }
  return undefined;
}
