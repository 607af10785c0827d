/**
 * A conv layer's two gradients on tfjs-wasm, as forward convolutions (XNNPACK, tfjs-wasm's fastest path):
 * - Conv2DBackpropFilter: tfjs-wasm has none, so wasmFallbackKernels ran tfjs's cpu kernel, an
 *   element-by-element loop: 13 s a step for a 3×3 conv of 16→32 channels on 128×13×13 here. dW is a
 *   correlation of x with dy over the batch: x as [CI, H, W, B] (batch as channels) convolved with dy
 *   as a filter [OH, OW, B, CO], dilated by the strides, gives [CI, KH, KW, CO].
 * - Conv2DBackpropInput: tfjs-wasm's kernel is a scalar loop (~4× the forward conv). With stride 1, dx
 *   is the convolution of dy, padded to "full", with the filter rotated 180° and its channels swapped.
 *   Strided convolutions keep tfjs's kernel (they would need dy dilated with zeros).
 * Only NHWC, tfjs-layers' layout; the cases left out keep the kernel registered before.
 */
import * as tf from '@tensorflow/tfjs';
import { composeWasmKernels, replaceWasmKernel } from './wasmKernelRegistry';

type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
type Shape4 = [number, number, number, number];

interface BackpropAttrs {
  readonly strides: number | [number, number];
  readonly pad: Pad;
  readonly dataFormat: 'NHWC' | 'NCHW';
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
  readonly filterShape?: Shape4;
  readonly inputShape?: Shape4;
}

function conv(x: tf.TensorInfo, filter: tf.TensorInfo, pads: [[number, number], [number, number]], dilations: [number, number]): [string, tf.NamedTensorInfoMap, tf.NamedAttrMap] {
  return [tf.Conv2D, { x, filter }, { strides: 1, dilations, pad: [[0, 0], ...pads, [0, 0]], dataFormat: 'NHWC', dimRoundingMode: 'floor' }];
}

export function registerWasmConv2dBackpropOverrides(): void {
  replaceWasmKernel(tf.Conv2DBackpropFilter, (original) => (args) => {
    const attrs = args.attrs as unknown as BackpropAttrs;
    if (attrs.dataFormat !== 'NHWC' || !attrs.filterShape) return original(args);
    const filterShape = attrs.filterShape;
    const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    const info = tf.backend_util.computeConv2DInfo(x.shape as Shape4, filterShape, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
    const { top, left } = info.padInfo;
    // Bottom and right padding that make the output exactly KH×KW; rows and columns the strides never
    // reach (negative padding) give a larger output, sliced below.
    const bottom = info.filterHeight - info.inHeight - top + (info.outHeight - 1) * info.strideHeight;
    const right = info.filterWidth - info.inWidth - left + (info.outWidth - 1) * info.strideWidth;
    return composeWasmKernels(args.backend as tf.KernelBackend, (run) => {
      const xT = run(tf.Transpose, { x }, { perm: [3, 1, 2, 0] });
      const dyT = run(tf.Transpose, { x: dy }, { perm: [1, 2, 0, 3] });
      let product = run(...conv(xT, dyT, [[top, Math.max(0, bottom)], [left, Math.max(0, right)]], [info.strideHeight, info.strideWidth]));
      if (bottom < 0 || right < 0) {
        product = run(tf.Slice, { x: product }, { begin: [0, 0, 0, 0], size: [info.inChannels, info.filterHeight, info.filterWidth, info.outChannels] });
      }
      return run(tf.Transpose, { x: product }, { perm: [1, 2, 0, 3] });
    });
  });

  replaceWasmKernel(tf.Conv2DBackpropInput, (original) => (args) => {
    const attrs = args.attrs as unknown as BackpropAttrs;
    const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    if (attrs.dataFormat !== 'NHWC' || !attrs.inputShape) return original(args);
    const info = tf.backend_util.computeConv2DInfo(attrs.inputShape, filter.shape as Shape4, attrs.strides, 1, attrs.pad, attrs.dimRoundingMode);
    const { top, left } = info.padInfo;
    const pads: [[number, number], [number, number]] = [
      [info.filterHeight - 1 - top, info.inHeight - info.outHeight + top],
      [info.filterWidth - 1 - left, info.inWidth - info.outWidth + left],
    ];
    if (info.strideHeight !== 1 || info.strideWidth !== 1 || pads.flat().some((p) => p < 0)) return original(args);
    return composeWasmKernels(args.backend as tf.KernelBackend, (run) => {
      const rotated = run(tf.Reverse, { x: filter }, { dims: [0, 1] });
      const swapped = run(tf.Transpose, { x: rotated }, { perm: [0, 1, 3, 2] });
      return run(...conv(dy, swapped, pads, [1, 1]));
    });
  });
}
